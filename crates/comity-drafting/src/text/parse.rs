//! Source → [`Draft`]: lines into sections, sections into paragraphs, paragraphs into
//! segments. Problems are collected, not returned at the first.

use super::*;

/// A character of running text and where it stands in the source.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ch {
    pub c: char,
    pub line: usize,
    pub col: usize,
}

pub(super) struct Ctx {
    pub part: Part,
    pub para: Option<usize>,
}

impl Ctx {
    fn at(&self, line: usize, column: usize) -> Location {
        Location {
            line,
            column,
            part: self.part.clone(),
            paragraph: self.para,
        }
    }
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\u{b}' | '\u{c}')
}

pub(super) fn chars_of(text: &str, line: usize, col: usize) -> impl Iterator<Item = Ch> + '_ {
    text.chars().enumerate().map(move |(i, c)| Ch {
        c,
        line,
        col: col + i,
    })
}

/// `12. text` → (12, byte length of `12.` and the spaces after it).
pub(super) fn numbered(text: &str) -> Option<(u32, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text[digits..].strip_prefix('.')?;
    if digits == 0 || !(rest.is_empty() || rest.starts_with(is_space)) {
        return None;
    }
    let n = text[..digits].parse().ok()?;
    let body = rest.trim_start_matches(is_space);
    Some((n, text.len() - body.len()))
}

enum Line<'a> {
    Blank,
    Heading {
        level: usize,
        rest: &'a str,
        col: usize,
    },
    Text {
        text: &'a str,
        col: usize,
    },
}

fn classify(line: &str) -> Line<'_> {
    let trimmed = line.trim_start_matches(is_space);
    if trimmed.trim_end_matches(is_space).is_empty() {
        return Line::Blank;
    }
    let indent = line.len() - trimmed.len(); // spaces and tabs: one byte each
    let level = trimmed.bytes().take_while(|&b| b == b'#').count();
    if level > 0 {
        let after = &trimmed[level..];
        if after.is_empty() || after.starts_with(is_space) {
            let rest = after.trim_start_matches(is_space);
            let col = indent + level + (after.len() - rest.len()) + 1;
            let rest = rest.trim_end_matches(is_space);
            return Line::Heading { level, rest, col };
        }
    }
    Line::Text {
        text: trimmed.trim_end_matches(is_space),
        col: indent + 1,
    }
}

enum Kind {
    Preamble,
    Article {
        number: u32,
        eid: String,
        heading: Option<String>,
    },
    /// A section whose heading was wrong: its lines are kept out of further checks.
    Invalid,
}

struct Section<'a> {
    line: usize,
    kind: Kind,
    /// (line, column, text); blank lines as empty text.
    lines: Vec<(usize, usize, &'a str)>,
}

struct Head {
    number: u32,
    heading: Option<String>,
    id: Option<(String, usize)>,
}

#[derive(Default)]
struct Parser<'a> {
    errors: Vec<TextError>,
    title: Option<(usize, Vec<Segment>)>,
    seen_content: bool,
    outside_run: bool,
    sections: Vec<Section<'a>>,
    numbers: BTreeMap<u32, usize>,
    ids: BTreeMap<String, usize>,
}

pub(super) fn draft(source: &str) -> Result<Draft, TextErrors> {
    let mut p = Parser::default();
    let mut last_line = 1;
    for (i, line) in source.lines().enumerate() {
        last_line = i + 1;
        p.line(i + 1, line);
    }
    if p.title.is_none()
        && !p
            .errors
            .iter()
            .any(|e| e.kind == TextErrorKind::TitleNotFirst)
    {
        p.error(Part::Document, 1, 1, TextErrorKind::MissingTitle);
    }
    if !p.sections.iter().any(|s| !matches!(s.kind, Kind::Preamble)) {
        p.error(Part::Document, last_line, 1, TextErrorKind::NoArticle);
    }
    let mut preamble = Vec::new();
    let mut articles = Vec::new();
    for section in std::mem::take(&mut p.sections) {
        match &section.kind {
            Kind::Preamble => preamble = p.paragraphs(&section, Part::Preamble, PREAMBLE_ID),
            Kind::Article {
                number,
                eid,
                heading,
            } => {
                let part = Part::Article(*number);
                let paragraphs = p.paragraphs(&section, part, eid);
                articles.push(Article {
                    eid: eid.clone(),
                    number: *number,
                    heading: heading.clone(),
                    paragraphs,
                });
            }
            Kind::Invalid => {}
        }
    }
    let mut errors = p.errors;
    if let (true, Some((_, title))) = (errors.is_empty(), p.title) {
        return Ok(Draft {
            title,
            preamble,
            articles,
        });
    }
    errors.sort_by_key(|e| (e.at.line, e.at.column));
    Err(TextErrors(errors))
}

impl<'a> Parser<'a> {
    fn error(&mut self, part: Part, line: usize, column: usize, kind: TextErrorKind) {
        let at = Location {
            line,
            column,
            part,
            paragraph: None,
        };
        self.errors.push(TextError { at, kind });
    }

    fn line(&mut self, n: usize, line: &'a str) {
        match classify(line) {
            Line::Blank => {
                self.outside_run = false;
                if let Some(s) = self.sections.last_mut() {
                    s.lines.push((n, 1, ""));
                }
            }
            Line::Heading {
                level: 1,
                rest,
                col,
            } => {
                self.outside_run = false;
                if self.title.is_some() {
                    self.error(Part::Title, n, 1, TextErrorKind::DuplicateTitle);
                } else if self.seen_content {
                    self.error(Part::Title, n, 1, TextErrorKind::TitleNotFirst);
                } else {
                    self.title(n, rest, col);
                }
                self.seen_content = true;
            }
            Line::Heading {
                level: 2,
                rest,
                col,
            } => {
                self.outside_run = false;
                self.seen_content = true;
                self.section(n, rest, col);
            }
            Line::Heading { .. } => {
                self.seen_content = true;
                let heading = line.trim_matches(is_space).to_owned();
                let part = self.current_part();
                self.error(part, n, 1, TextErrorKind::UnknownHeading(heading));
            }
            Line::Text { text, col } => {
                self.seen_content = true;
                match self.sections.last_mut() {
                    Some(s) => s.lines.push((n, col, text)),
                    None if !self.outside_run => {
                        self.outside_run = true;
                        self.error(Part::Document, n, col, TextErrorKind::TextOutsideSection);
                    }
                    None => {}
                }
            }
        }
    }

    fn current_part(&self) -> Part {
        match self.sections.last().map(|s| &s.kind) {
            Some(Kind::Preamble) => Part::Preamble,
            Some(Kind::Article { number, .. }) => Part::Article(*number),
            Some(Kind::Invalid) | None => Part::Document,
        }
    }

    fn title(&mut self, n: usize, rest: &str, col: usize) {
        if rest.is_empty() {
            self.error(Part::Title, n, 1, TextErrorKind::EmptyTitle);
            self.title = Some((n, Vec::new()));
            return;
        }
        let chars: Vec<Ch> = chars_of(rest, n, col).collect();
        let ctx = Ctx {
            part: Part::Title,
            para: None,
        };
        let segs = inline(&chars, &ctx, &mut self.errors);
        self.title = Some((n, segs));
    }

    fn section(&mut self, n: usize, rest: &str, col: usize) {
        let kind = if rest == "Preamble" {
            if self
                .sections
                .iter()
                .any(|s| matches!(s.kind, Kind::Preamble))
            {
                self.error(Part::Preamble, n, 1, TextErrorKind::DuplicatePreamble);
                Kind::Invalid
            } else if !self.sections.is_empty() {
                self.error(Part::Preamble, n, 1, TextErrorKind::PreambleNotFirst);
                Kind::Invalid
            } else {
                Kind::Preamble
            }
        } else if rest == "Article" || rest.starts_with("Article ") || rest.starts_with("Article\t")
        {
            match head(rest, col) {
                Ok(head) => self.article(n, head),
                Err((column, kind)) => {
                    self.error(Part::Document, n, column, kind);
                    Kind::Invalid
                }
            }
        } else {
            let heading = format!("## {rest}");
            self.error(Part::Document, n, 1, TextErrorKind::UnknownHeading(heading));
            Kind::Invalid
        };
        self.sections.push(Section {
            line: n,
            kind,
            lines: Vec::new(),
        });
    }

    fn article(&mut self, n: usize, head: Head) -> Kind {
        let part = Part::Article(head.number);
        if let Some(&first_line) = self.numbers.get(&head.number) {
            let kind = TextErrorKind::DuplicateArticle {
                number: head.number,
                first_line,
            };
            self.error(part, n, 1, kind);
            return Kind::Invalid;
        }
        self.numbers.insert(head.number, n);
        let (eid, id_col) = match head.id {
            Some((id, col)) => (id, col),
            None => (format!("art_{}", head.number), 1),
        };
        if let Some(&first_line) = self.ids.get(&eid) {
            let kind = TextErrorKind::DuplicateId {
                id: eid,
                first_line,
            };
            self.error(part, n, id_col, kind);
            return Kind::Invalid;
        }
        self.ids.insert(eid.clone(), n);
        Kind::Article {
            number: head.number,
            eid,
            heading: head.heading,
        }
    }

    /// Splits a section into paragraphs, checks their numbering and parses their text.
    fn paragraphs(&mut self, section: &Section<'_>, part: Part, eid: &str) -> Vec<Paragraph> {
        let raw = split(&section.lines);
        if raw.is_empty() {
            self.error(part.clone(), section.line, 1, TextErrorKind::EmptySection);
        }
        let numbered = raw.iter().any(|r| r.num.is_some());
        let mut numbering_ok = true;
        let mut out = Vec::new();
        for (i, r) in raw.iter().enumerate() {
            let ctx = Ctx {
                part: part.clone(),
                para: Some(i + 1),
            };
            let mut problem = |kind| {
                let at = ctx.at(r.line, r.col);
                self.errors.push(TextError { at, kind });
            };
            match (&part, r.num) {
                (Part::Preamble, Some(_)) => problem(TextErrorKind::NumberedPreamble),
                (_, None) if numbered && numbering_ok => {
                    numbering_ok = false;
                    problem(TextErrorKind::MixedNumbering);
                }
                (_, Some(found)) if numbering_ok && usize::try_from(found) != Ok(i + 1) => {
                    numbering_ok = false;
                    problem(TextErrorKind::NumberingSkips {
                        expected: i + 1,
                        found,
                    });
                }
                _ => {}
            }
            let content = inline(&r.chars, &ctx, &mut self.errors);
            if content.is_empty() && !r.chars.iter().any(|c| c.c == '[' || c.c == ']') {
                self.errors.push(TextError {
                    at: ctx.at(r.line, r.col),
                    kind: TextErrorKind::EmptyParagraph,
                });
            }
            let eid = if part == Part::Preamble {
                format!("{eid}__p_{}", i + 1)
            } else {
                format!("{eid}__para_{}", i + 1)
            };
            out.push(Paragraph {
                eid,
                num: r.num,
                content,
            });
        }
        out
    }
}

/// `Article 12 — Seat {#seat}` (the text after `## `, which starts at column `col`).
fn head(rest: &str, col: usize) -> Result<Head, (usize, TextErrorKind)> {
    let after = &rest["Article".len()..];
    let num_text = after.trim_start_matches(is_space);
    let num_col = col + rest.len() - num_text.len();
    let digits = num_text.bytes().take_while(u8::is_ascii_digit).count();
    let number = match num_text[..digits].parse::<u32>() {
        Ok(n) if n > 0 => n,
        _ => {
            let word = num_text
                .split(is_space)
                .next()
                .unwrap_or_default()
                .to_owned();
            return Err((num_col, TextErrorKind::BadArticleNumber(word)));
        }
    };
    let tail = num_text[digits..].trim_end_matches(is_space);
    let tail_col = num_col + digits;
    let (tail, id) = match tail.rfind("{#") {
        None => (tail, None),
        Some(open) => {
            let id_col = tail_col + tail[..open].chars().count();
            let raw = &tail[open..];
            let id = raw
                .strip_prefix("{#")
                .and_then(|r| r.strip_suffix('}'))
                .filter(|id| valid_id(id))
                .ok_or_else(|| (id_col, TextErrorKind::BadId(raw.to_owned())))?;
            (&tail[..open], Some((id.to_owned(), id_col)))
        }
    };
    let trimmed = tail.trim_start_matches(is_space);
    let sep_col = tail_col + tail.len() - trimmed.len();
    let trimmed = trimmed.trim_end_matches(is_space);
    let heading = match trimmed.chars().next() {
        None => None,
        Some('—' | '–' | '-' | ':') => {
            let mut chars = trimmed.chars();
            chars.next();
            let h = chars.as_str().trim_matches(is_space);
            (!h.is_empty()).then(|| h.to_owned())
        }
        Some(_) => return Err((sep_col, TextErrorKind::BadHeadingSeparator)),
    };
    if let Some(h) = &heading
        && let Some(i) = h.find(['[', ']'])
    {
        let h_col = sep_col + trimmed.chars().count() - h.chars().count();
        let column = h_col + h[..i].chars().count();
        return Err((column, TextErrorKind::BracketInHeading));
    }
    Ok(Head {
        number,
        heading,
        id,
    })
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && !id.contains("__")
        && id != TITLE_ID
        && id != PREAMBLE_ID
}

struct RawPara {
    line: usize,
    col: usize,
    num: Option<u32>,
    chars: Vec<Ch>,
}

fn split(lines: &[(usize, usize, &str)]) -> Vec<RawPara> {
    let mut out = Vec::new();
    let mut cur: Option<RawPara> = None;
    for &(line, col, text) in lines {
        if text.is_empty() {
            out.extend(cur.take());
            continue;
        }
        if let Some((num, skip)) = numbered(text) {
            out.extend(cur.take());
            let body_col = col + skip; // digits, `.` and spaces: one byte each
            cur = Some(RawPara {
                line,
                col,
                num: Some(num),
                chars: chars_of(&text[skip..], line, body_col).collect(),
            });
            continue;
        }
        match &mut cur {
            Some(p) => {
                p.chars.push(Ch { c: ' ', line, col });
                p.chars.extend(chars_of(text, line, col));
            }
            None => {
                cur = Some(RawPara {
                    line,
                    col,
                    num: None,
                    chars: chars_of(text, line, col).collect(),
                });
            }
        }
    }
    out.extend(cur);
    out
}

struct Frame {
    open: (usize, usize),
    alt_open: (usize, usize),
    done: Vec<Vec<Segment>>,
    cur: Vec<Segment>,
}

fn current<'b>(stack: &'b mut [Frame], root: &'b mut Vec<Segment>) -> &'b mut Vec<Segment> {
    match stack.last_mut() {
        Some(f) => &mut f.cur,
        None => root,
    }
}

fn push_char(segs: &mut Vec<Segment>, c: char) {
    let c = if is_space(c) { ' ' } else { c };
    match segs.last_mut() {
        Some(Segment::Text(t)) => {
            if !(c == ' ' && t.ends_with(' ')) {
                t.push(c);
            }
        }
        _ => segs.push(Segment::Text(c.to_string())),
    }
}

/// Running text → segments, reporting bracket problems in `errors`.
pub(super) fn inline(chars: &[Ch], ctx: &Ctx, errors: &mut Vec<TextError>) -> Vec<Segment> {
    let mut root = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut report = |line, col, kind| {
        errors.push(TextError {
            at: ctx.at(line, col),
            kind,
        })
    };
    let mut i = 0;
    while i < chars.len() {
        let Ch { c, line, col } = chars[i];
        match c {
            '\\' => match chars.get(i + 1) {
                Some(next) if next.c.is_ascii_punctuation() => {
                    push_char(current(&mut stack, &mut root), next.c);
                    i += 1;
                }
                _ => push_char(current(&mut stack, &mut root), '\\'),
            },
            '[' if stack.len() >= MAX_NESTING => {
                // Deeper brackets are refused, and the rest of the paragraph is not read:
                // every walk over the tree (rendering, editing, dropping it) stays shallow.
                report(line, col, TextErrorKind::BracketsTooDeep(MAX_NESTING));
                return Vec::new();
            }
            '[' => stack.push(Frame {
                open: (line, col),
                alt_open: (line, col),
                done: Vec::new(),
                cur: Vec::new(),
            }),
            '/' if !stack.is_empty() => {
                if let Some(f) = stack.last_mut() {
                    let alt = trim(std::mem::take(&mut f.cur));
                    if alt.is_empty() {
                        let (l, c) = f.alt_open;
                        report(l, c, TextErrorKind::EmptyAlternative(f.done.len() + 1));
                    }
                    f.done.push(alt);
                    f.alt_open = (line, col);
                }
            }
            ']' => match stack.pop() {
                None => report(line, col, TextErrorKind::StrayClosingBracket),
                Some(mut f) => {
                    let alt = trim(std::mem::take(&mut f.cur));
                    if alt.is_empty() {
                        if f.done.is_empty() {
                            report(f.open.0, f.open.1, TextErrorKind::EmptyBracket);
                        } else {
                            let (l, c) = f.alt_open;
                            report(l, c, TextErrorKind::EmptyAlternative(f.done.len() + 1));
                        }
                    }
                    f.done.push(alt);
                    let bracket = Segment::Bracket(Bracket {
                        alternatives: f.done,
                    });
                    current(&mut stack, &mut root).push(bracket);
                }
            },
            c => push_char(current(&mut stack, &mut root), c),
        }
        i += 1;
    }
    for f in &stack {
        report(f.open.0, f.open.1, TextErrorKind::UnclosedBracket);
    }
    trim(root)
}
