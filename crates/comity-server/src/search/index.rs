//! The index: every document's terms with a weight, the terms kept sorted so a query word
//! finds the words it begins by one range of the map. Built from the projection (see
//! [`super::docs`]); a query asks for every one of its terms and ranks by the weights times
//! how rare each term is.

use std::collections::HashMap;

use comity_core::ids::Day;

use super::terms::{Term, index_terms, pieces, query_terms};

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Member,
    Organ,
    Motion,
    Election,
    Treaty,
    Report,
    Pledge,
    Listing,
    Consultation,
    Initiative,
    /// A journal entry: found in the database by the words of what it recorded
    /// ([`super::journal`]), never in this index.
    Entry,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Member,
        Kind::Organ,
        Kind::Motion,
        Kind::Election,
        Kind::Treaty,
        Kind::Report,
        Kind::Pledge,
        Kind::Listing,
        Kind::Consultation,
        Kind::Initiative,
        Kind::Entry,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Member => "member",
            Kind::Organ => "organ",
            Kind::Motion => "motion",
            Kind::Election => "election",
            Kind::Treaty => "treaty",
            Kind::Report => "report",
            Kind::Pledge => "pledge",
            Kind::Listing => "listing",
            Kind::Consultation => "consultation",
            Kind::Initiative => "initiative",
            Kind::Entry => "entry",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Something the search finds: a page of the platform.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    pub kind: Kind,
    /// Its number or code within its kind.
    pub id: String,
    pub url: String,
    pub title: String,
    /// Its text, as written (a motion's text, a report, a listing's reasons…).
    pub body: String,
    /// Words it is also found by: codes, the organ's and the sponsor's names.
    pub keywords: String,
    /// The organ it belongs to (its id).
    pub organ: Option<String>,
    /// The day it was made (tabled, opened, admitted, registered).
    pub day: Option<Day>,
}

/// What a query asks: words, and filters by kind, organ and day.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub text: String,
    pub kinds: Vec<Kind>,
    pub organ: Option<String>,
    pub from: Option<Day>,
    pub to: Option<Day>,
}

impl Query {
    /// Does it ask anything? (Words or a filter.)
    pub fn is_empty(&self) -> bool {
        query_terms(&self.text).is_empty()
            && self.kinds.is_empty()
            && self.organ.is_none()
            && self.from.is_none()
            && self.to.is_none()
    }

    fn admits(&self, d: &Doc) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&d.kind))
            && self
                .organ
                .as_ref()
                .is_none_or(|o| d.organ.as_ref() == Some(o))
            && self.from.is_none_or(|f| d.day.is_some_and(|x| x >= f))
            && self.to.is_none_or(|t| d.day.is_some_and(|x| x <= t))
    }
}

const TITLE: u32 = 8;
const KEYWORDS: u32 = 3;
const BODY: u32 = 1;
const BODY_MAX: u32 = 5;

/// The index of a projection at one head.
#[derive(Debug, Default)]
pub struct Index {
    docs: Vec<Doc>,
    /// Terms sorted, each with its (document, weight), documents ascending.
    postings: Vec<(String, Vec<(u32, u32)>)>,
}

/// A document found, with its score.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a> {
    pub doc: &'a Doc,
    pub score: f64,
}

impl Index {
    pub fn build(docs: Vec<Doc>) -> Index {
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut lists: Vec<Vec<(u32, u32)>> = Vec::new();
        // This document's weight of each term: title, keywords, body.
        let mut here: HashMap<usize, (u32, u32, u32)> = HashMap::new();
        for (n, d) in docs.iter().enumerate() {
            let Ok(n) = u32::try_from(n) else { break };
            let mut id = |t: String| {
                let next = ids.len();
                *ids.entry(t).or_insert(next)
            };
            index_terms(&d.title, |t| here.entry(id(t)).or_default().0 = TITLE);
            index_terms(&d.keywords, |t| here.entry(id(t)).or_default().1 = KEYWORDS);
            index_terms(&d.body, |t| {
                let w = here.entry(id(t)).or_default();
                w.2 = (w.2 + BODY).min(BODY_MAX);
            });
            lists.resize_with(ids.len(), Vec::new);
            for (t, (a, b, c)) in here.drain() {
                if let Some(list) = lists.get_mut(t) {
                    list.push((n, a + b + c));
                }
            }
        }
        let mut postings: Vec<(String, Vec<(u32, u32)>)> = ids
            .into_iter()
            .map(|(t, i)| (t, lists.get_mut(i).map(std::mem::take).unwrap_or_default()))
            .collect();
        postings.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Index { docs, postings }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The posting lists a term answers: its own, or for a beginning those of every word it
    /// begins.
    fn lists(&self, term: &Term) -> &[(String, Vec<(u32, u32)>)] {
        let start = self
            .postings
            .partition_point(|(k, _)| k.as_str() < term.text.as_str());
        let rest = self.postings.get(start..).unwrap_or_default();
        let len = if term.prefix {
            rest.partition_point(|(k, _)| k.starts_with(&term.text))
        } else {
            usize::from(rest.first().is_some_and(|(k, _)| *k == term.text))
        };
        rest.get(..len).unwrap_or_default()
    }

    /// The documents that hold every word of the query and pass its filters, best first
    /// (then newest first); with no words, every document the filters pass, newest first.
    pub fn search(&self, q: &Query) -> Vec<Hit<'_>> {
        let terms = query_terms(&q.text);
        let mut hits: Vec<Hit<'_>> = if terms.is_empty() {
            if q.is_empty() {
                return Vec::new();
            }
            self.docs
                .iter()
                .filter(|d| q.admits(d))
                .map(|doc| Hit { doc, score: 0.0 })
                .collect()
        } else {
            let n = self.docs.len();
            // Each document's score, and how many of the terms so far it holds.
            let mut score = vec![0.0f64; n];
            let mut held = vec![0usize; n];
            let mut weight = vec![0u32; n];
            for (i, t) in terms.iter().enumerate() {
                let mut touched: Vec<u32> = Vec::new();
                for (_, list) in self.lists(t) {
                    for &(d, w) in list {
                        let Some(slot) = weight.get_mut(d as usize) else {
                            continue;
                        };
                        if *slot == 0 {
                            touched.push(d);
                        }
                        *slot = (*slot).max(w);
                    }
                }
                let idf = (1.0 + n as f64 / touched.len().max(1) as f64).ln();
                let mut any = false;
                for d in touched {
                    let d = d as usize;
                    let w = std::mem::take(&mut weight[d]);
                    if held[d] == i {
                        held[d] += 1;
                        score[d] += f64::from(w) * idf;
                        any = true;
                    }
                }
                if !any {
                    return Vec::new();
                }
            }
            held.iter()
                .enumerate()
                .filter(|(_, h)| **h == terms.len())
                .filter_map(|(d, _)| {
                    let doc = self.docs.get(d)?;
                    q.admits(doc).then_some(Hit {
                        doc,
                        score: score[d],
                    })
                })
                .collect()
        };
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(b.doc.day.cmp(&a.doc.day))
                .then(a.doc.kind.cmp(&b.doc.kind))
                .then(a.doc.id.cmp(&b.doc.id))
        });
        hits
    }
}

/// A passage of a document's text around the first word the query asks for, as pieces of
/// text each marked if it is a word asked for; the text's beginning when it holds none of
/// them (the document was found by its title or keywords); `None` for no text.
pub fn snippet(text: &str, query: &str, around: usize) -> Option<Vec<(String, bool)>> {
    let terms = query_terms(query);
    let ps = pieces(text);
    let hit = |p: &super::terms::Piece| terms.iter().any(|t| super::terms::matches(p, t));
    let Some(first) = ps.iter().find(|p| hit(p)) else {
        return lead(text, &ps, around);
    };
    let start = floor_boundary(text, first.start.saturating_sub(around / 3));
    // Begin at a word.
    let start = ps
        .iter()
        .find(|p| p.start >= start)
        .map_or(first.start, |p| p.start.min(first.start));
    let end = ceil_boundary(text, (start + around).max(first.end));
    let end = ps
        .iter()
        .rev()
        .find(|p| p.end <= end && p.end >= first.end)
        .map_or(first.end, |p| p.end);
    // No word after it: to the end (its full stop).
    let end = if ps.iter().all(|p| p.end <= end) {
        text.len()
    } else {
        end
    };
    let mut out = Vec::new();
    if start > 0 {
        out.push(("… ".to_owned(), false));
    }
    let mut at = start;
    for p in ps.iter().filter(|p| p.start >= start && p.end <= end) {
        if hit(p) {
            if p.start > at {
                out.push((text[at..p.start].to_owned(), false));
            }
            out.push((text[p.start..p.end].to_owned(), true));
            at = p.end;
        }
    }
    if end > at {
        out.push((text[at..end].to_owned(), false));
    }
    if end < text.len() {
        out.push((" …".to_owned(), false));
    }
    Some(out)
}

/// The beginning of a text, to the end of a word: for a document found by its title.
fn lead(text: &str, ps: &[super::terms::Piece], around: usize) -> Option<Vec<(String, bool)>> {
    let last = ps
        .iter()
        .take_while(|p| p.end <= around)
        .last()
        .or(ps.first())?;
    let mut out = vec![(text[..last.end].to_owned(), false)];
    if last.end < text.trim_end().len() {
        out.push((" …".to_owned(), false));
    }
    Some(out)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(kind: Kind, id: &str, title: &str, body: &str, day: &str) -> Doc {
        Doc {
            kind,
            id: id.into(),
            url: format!("/{}/{id}", kind.code()),
            title: title.into(),
            body: body.into(),
            keywords: String::new(),
            organ: Some(
                if kind == Kind::Motion {
                    "council"
                } else {
                    "summit"
                }
                .into(),
            ),
            day: Day::parse(day).ok(),
        }
    }

    fn index() -> Index {
        Index::build(vec![
            doc(
                Kind::Motion,
                "1",
                "Résolution sur la liberté de la presse",
                "Le Conseil demande aux membres de protéger les journalistes.",
                "2026-03-01",
            ),
            doc(
                Kind::Motion,
                "2",
                "Budget 2027",
                "The council adopts the budget; journalists' safety fund.",
                "2026-06-01",
            ),
            doc(
                Kind::Treaty,
                "t",
                "民主国家共同体条约",
                "各成员国承诺保护新闻自由。",
                "2026-01-10",
            ),
            doc(
                Kind::Report,
                "3",
                "تقرير عن حرية الصحافة",
                "يحمي الأعضاء الصحفيين",
                "2026-02-02",
            ),
        ])
    }

    fn ids(ix: &Index, q: &Query) -> Vec<String> {
        ix.search(q).iter().map(|h| h.doc.id.clone()).collect()
    }

    #[test]
    fn every_word_must_be_found_and_titles_rank_first() {
        let ix = index();
        let q = |t: &str| Query {
            text: t.into(),
            ..Query::default()
        };
        assert_eq!(ids(&ix, &q("journalist")), ["2", "1"]);
        assert_eq!(ids(&ix, &q("liberte presse")), ["1"]);
        assert_eq!(ids(&ix, &q("LIBERTÉ budget")), Vec::<String>::new());
        assert_eq!(ids(&ix, &q("新闻自由")), ["t"]);
        assert_eq!(ids(&ix, &q("共同体")), ["t"]);
        assert_eq!(ids(&ix, &q("الصحافة")), ["3"]);
        assert_eq!(ids(&ix, &q("صحافه")), ["3"]);
        assert!(ix.search(&q("  ")).is_empty());
    }

    #[test]
    fn filters_by_kind_organ_and_day() {
        let ix = index();
        let q = Query {
            text: "journalist".into(),
            from: Day::parse("2026-04-01").ok(),
            ..Query::default()
        };
        assert_eq!(ids(&ix, &q), ["2"]);
        let q = Query {
            kinds: vec![Kind::Treaty, Kind::Report],
            ..Query::default()
        };
        // No words: everything the filters pass, newest first.
        assert_eq!(ids(&ix, &q), ["3", "t"]);
        let q = Query {
            organ: Some("council".into()),
            to: Day::parse("2026-05-01").ok(),
            ..Query::default()
        };
        assert_eq!(ids(&ix, &q), ["1"]);
    }

    #[test]
    fn the_snippet_marks_the_words_asked_for() {
        let s = snippet(
            "Le Conseil demande aux membres de protéger les journalistes.",
            "proteger",
            200,
        )
        .unwrap_or_default();
        let marked: Vec<&str> = s.iter().filter(|p| p.1).map(|p| p.0.as_str()).collect();
        assert_eq!(marked, ["protéger"]);
        let whole: String = s.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(
            whole,
            "Le Conseil demande aux membres de protéger les journalistes."
        );
        let long = format!("{} needle {}", "word ".repeat(100), "word ".repeat(100));
        let s = snippet(&long, "needle", 60).unwrap_or_default();
        let whole: String = s.iter().map(|p| p.0.as_str()).collect();
        assert!(whole.starts_with("… ") && whole.ends_with(" …"), "{whole}");
        assert!(whole.len() < 90, "{whole}");
        let s = snippet("nothing here but words", "absent", 14).unwrap_or_default();
        assert_eq!(s, [("nothing here".into(), false), (" …".into(), false)]);
        assert!(snippet("", "absent", 60).is_none());
    }
}
