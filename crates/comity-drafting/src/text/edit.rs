//! Reading a draft and editing it: brackets counted, listed, resolved, alternatives proposed.

use super::*;

// ---------------------------------------------------------------------------------------
// Reading and editing a draft

impl Draft {
    /// Parses a source; every problem is reported, in source order.
    pub fn parse(source: &str) -> Result<Draft, TextErrors> {
        parse::draft(source)
    }

    /// The source text of this draft, which parses back to it.
    pub fn to_source(&self) -> String {
        let mut out = String::from("# ");
        write_source(&mut out, &self.title, 0, false);
        out.push('\n');
        if !self.preamble.is_empty() {
            out.push_str("\n## Preamble\n");
            write_paragraphs(&mut out, &self.preamble);
        }
        for a in &self.articles {
            out.push_str("\n## ");
            out.push_str(&a.label());
            if a.eid != format!("art_{}", a.number) {
                out.push_str(" {#");
                out.push_str(&a.eid);
                out.push('}');
            }
            out.push('\n');
            write_paragraphs(&mut out, &a.paragraphs);
        }
        out
    }

    /// Every text of the draft with its eId, in reading order: the title, the preamble's
    /// paragraphs, each article's paragraphs.
    pub fn texts(&self) -> Vec<(&str, &[Segment])> {
        let mut out = vec![(TITLE_ID, self.title.as_slice())];
        for p in self.paragraphs() {
            out.push((p.eid.as_str(), p.content.as_slice()));
        }
        out
    }

    /// Every paragraph, preamble first.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.preamble
            .iter()
            .chain(self.articles.iter().flat_map(|a| a.paragraphs.iter()))
    }

    pub fn paragraph(&self, eid: &str) -> Option<&Paragraph> {
        self.paragraphs().find(|p| p.eid == eid)
    }

    pub fn article(&self, eid: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.eid == eid)
    }

    /// The segments of a paragraph, or of the title (`title`).
    pub fn content(&self, eid: &str) -> Option<&[Segment]> {
        if eid == TITLE_ID {
            return Some(&self.title);
        }
        self.paragraph(eid).map(|p| p.content.as_slice())
    }

    fn content_mut(&mut self, eid: &str) -> Option<&mut Vec<Segment>> {
        if eid == TITLE_ID {
            return Some(&mut self.title);
        }
        self.preamble
            .iter_mut()
            .chain(
                self.articles
                    .iter_mut()
                    .flat_map(|a| a.paragraphs.iter_mut()),
            )
            .find(|p| p.eid == eid)
            .map(|p| &mut p.content)
    }

    /// The title as plain text.
    pub fn title_text(&self) -> String {
        plain_text(&self.title)
    }

    /// Open brackets per part and in total (nested ones included).
    pub fn open_brackets(&self) -> BracketCount {
        let mut per_part = vec![(TITLE_ID.to_owned(), count_brackets(&self.title))];
        if !self.preamble.is_empty() {
            let n = self
                .preamble
                .iter()
                .map(|p| count_brackets(&p.content))
                .sum();
            per_part.push((PREAMBLE_ID.to_owned(), n));
        }
        for a in &self.articles {
            let n = a
                .paragraphs
                .iter()
                .map(|p| count_brackets(&p.content))
                .sum();
            per_part.push((a.eid.clone(), n));
        }
        let total = per_part.iter().map(|(_, n)| n).sum();
        BracketCount { per_part, total }
    }

    /// Every bracket in reading order, each before the brackets nested in it.
    pub fn brackets(&self) -> Vec<BracketInfo> {
        let mut out = Vec::new();
        for (eid, segs) in self.texts() {
            collect_brackets(eid, segs, None, &mut out);
        }
        out
    }

    /// The draft with one bracket settled.
    pub fn resolve(&self, at: &BracketRef, choice: Choice) -> Result<Draft, EditError> {
        let mut draft = self.clone();
        let replacement = match &choice {
            Choice::Text(wording) => {
                let segs = parse_wording(wording)?;
                // The wording takes the bracket's place, one level up.
                within_nesting(at, at.path.len() + nesting(&segs))?;
                Some(segs)
            }
            Choice::Alternative(_) | Choice::Delete => None,
        };
        let (list, pos) = draft.locate(at)?;
        let Segment::Bracket(bracket) = &list[pos] else {
            return Err(EditError::UnknownBracket(at.clone()));
        };
        let replacement = match (choice, replacement) {
            (Choice::Alternative(i), _) => {
                bracket.alternatives.get(i).cloned().ok_or_else(|| {
                    EditError::UnknownAlternative {
                        bracket: at.clone(),
                        index: i,
                        count: bracket.alternatives.len(),
                    }
                })?
            }
            (_, Some(wording)) => wording,
            (_, None) => Vec::new(),
        };
        let deleting = replacement.is_empty();
        list.splice(pos..=pos, replacement);
        if deleting {
            close_gap(list, pos);
        }
        *list = tidy(std::mem::take(list));
        if !list.is_empty() {
            return Ok(draft);
        }
        if !at.path.is_empty() {
            let what = "the alternative that holds it".to_owned();
            return Err(EditError::WouldEmpty {
                bracket: at.clone(),
                what,
            });
        }
        draft.drop_paragraph(at)?;
        Ok(draft)
    }

    /// The draft with `wording` added as the last alternative of a bracket.
    pub fn propose(&self, at: &BracketRef, wording: &str) -> Result<Draft, EditError> {
        let alternative = parse_wording(wording)?;
        // The wording sits inside the bracket, which is `path.len() + 1` deep.
        within_nesting(at, at.path.len() + 1 + nesting(&alternative))?;
        let mut draft = self.clone();
        let (list, pos) = draft.locate(at)?;
        let Segment::Bracket(bracket) = &mut list[pos] else {
            return Err(EditError::UnknownBracket(at.clone()));
        };
        if let Some(index) = bracket.alternatives.iter().position(|a| *a == alternative) {
            return Err(EditError::DuplicateAlternative {
                bracket: at.clone(),
                index,
            });
        }
        bracket.alternatives.push(alternative);
        Ok(draft)
    }

    /// The list holding the bracket `at`, and the bracket's position in it.
    fn locate(&mut self, at: &BracketRef) -> Result<(&mut Vec<Segment>, usize), EditError> {
        let segs = self
            .content_mut(&at.para)
            .ok_or_else(|| EditError::UnknownParagraph(at.para.clone()))?;
        locate_in(segs, at.index, &at.path).ok_or_else(|| EditError::UnknownBracket(at.clone()))
    }

    /// Removes an emptied paragraph, renumbering the rest of its article or preamble.
    fn drop_paragraph(&mut self, at: &BracketRef) -> Result<(), EditError> {
        if let Some(i) = self.preamble.iter().position(|p| p.eid == at.para) {
            self.preamble.remove(i);
            for (n, p) in self.preamble.iter_mut().enumerate() {
                p.eid = format!("{PREAMBLE_ID}__p_{}", n + 1);
            }
            return Ok(());
        }
        let Some(article) = self
            .articles
            .iter_mut()
            .find(|a| a.paragraphs.iter().any(|p| p.eid == at.para))
        else {
            // The title: it may not be left empty.
            return Err(EditError::WouldEmpty {
                bracket: at.clone(),
                what: "the title".to_owned(),
            });
        };
        if article.paragraphs.len() == 1 {
            return Err(EditError::WouldEmpty {
                bracket: at.clone(),
                what: article.label(),
            });
        }
        article.paragraphs.retain(|p| p.eid != at.para);
        for (n, p) in article.paragraphs.iter_mut().enumerate() {
            p.eid = format!("{}__para_{}", article.eid, n + 1);
            if p.num.is_some() {
                p.num = u32::try_from(n + 1).ok();
            }
        }
        Ok(())
    }
}

pub(super) fn count_brackets(segs: &[Segment]) -> usize {
    segs.iter()
        .map(|s| match s {
            Segment::Text(_) => 0,
            Segment::Bracket(b) => {
                1 + b
                    .alternatives
                    .iter()
                    .map(|a| count_brackets(a))
                    .sum::<usize>()
            }
        })
        .sum()
}

pub(super) fn brackets_in(segs: &[Segment]) -> impl Iterator<Item = &Bracket> {
    segs.iter().filter_map(|s| match s {
        Segment::Bracket(b) => Some(b),
        Segment::Text(_) => None,
    })
}

pub(super) fn collect_brackets(
    para: &str,
    segs: &[Segment],
    parent: Option<(&BracketRef, usize)>,
    out: &mut Vec<BracketInfo>,
) {
    for (n, b) in brackets_in(segs).enumerate() {
        let at = match parent {
            None => BracketRef::top(para, n),
            Some((p, alt)) => p.nested(alt, n),
        };
        out.push(BracketInfo {
            at: at.clone(),
            alternatives: b.alternatives.iter().map(|a| plain_text(a)).collect(),
        });
        for (alt, inner) in b.alternatives.iter().enumerate() {
            collect_brackets(para, inner, Some((&at, alt)), out);
        }
    }
}

pub(super) fn locate_in<'a>(
    segs: &'a mut Vec<Segment>,
    index: usize,
    path: &[(usize, usize)],
) -> Option<(&'a mut Vec<Segment>, usize)> {
    let pos = segs
        .iter()
        .enumerate()
        .filter(|(_, s)| matches!(s, Segment::Bracket(_)))
        .nth(index)
        .map(|(i, _)| i)?;
    match path.split_first() {
        None => Some((segs, pos)),
        Some((&(alt, idx), rest)) => match &mut segs[pos] {
            Segment::Bracket(b) => locate_in(b.alternatives.get_mut(alt)?, idx, rest),
            Segment::Text(_) => None,
        },
    }
}

/// After deleting the segment at `pos`: no space left before punctuation or another space.
pub(super) fn close_gap(list: &mut [Segment], pos: usize) {
    let next_is_tight = match list.get(pos) {
        None => true,
        Some(Segment::Text(t)) => t.starts_with([' ', '.', ',', ';', ':', '!', '?', ')']),
        Some(Segment::Bracket(_)) => false,
    };
    if next_is_tight
        && let Some(Segment::Text(prev)) = pos.checked_sub(1).and_then(|p| list.get_mut(p))
        && prev.ends_with(' ')
    {
        prev.pop();
    }
}

/// Merges neighbouring texts, collapses runs of spaces and trims both ends.
pub(super) fn tidy(segs: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segs.len());
    for seg in segs {
        match (out.last_mut(), seg) {
            (Some(Segment::Text(prev)), Segment::Text(t)) => prev.push_str(&t),
            (_, seg) => out.push(seg),
        }
    }
    for seg in &mut out {
        if let Segment::Text(t) = seg {
            while t.contains("  ") {
                *t = t.replace("  ", " ");
            }
        }
    }
    trim(out)
}

/// Trims spaces at both ends of a run of segments.
pub(super) fn trim(mut segs: Vec<Segment>) -> Vec<Segment> {
    if let Some(Segment::Text(t)) = segs.first_mut() {
        *t = t.trim_start_matches(' ').to_owned();
    }
    if let Some(Segment::Text(t)) = segs.last_mut() {
        *t = t.trim_end_matches(' ').to_owned();
    }
    segs.retain(|s| !matches!(s, Segment::Text(t) if t.is_empty()));
    segs
}

fn within_nesting(at: &BracketRef, depth: usize) -> Result<(), EditError> {
    if depth > MAX_NESTING {
        return Err(EditError::TooDeep {
            bracket: at.clone(),
            max: MAX_NESTING,
        });
    }
    Ok(())
}

pub(super) fn parse_wording(wording: &str) -> Result<Vec<Segment>, EditError> {
    let mut errors = Vec::new();
    let mut chars = Vec::new();
    for (i, line) in wording.lines().enumerate() {
        if i > 0 {
            chars.push(parse::Ch {
                c: ' ',
                line: i + 1,
                col: 1,
            });
        }
        chars.extend(parse::chars_of(line, i + 1, 1));
    }
    let ctx = parse::Ctx {
        part: Part::Wording,
        para: None,
    };
    let segs = parse::inline(&chars, &ctx, &mut errors);
    if !errors.is_empty() {
        return Err(EditError::InvalidWording(TextErrors(errors)));
    }
    if segs.is_empty() {
        return Err(EditError::EmptyWording);
    }
    Ok(segs)
}
