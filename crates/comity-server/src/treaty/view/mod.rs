//! What a treaty's pages show, computed from the record: bracket addresses, the text as
//! pieces the template marks up, the negotiating history, the status table and the
//! entry-into-force clause in words (`eif.rs`), and the journal's lines for treaty acts
//! (`journal.rs`). Charts are in `treaty::chart`.

use std::collections::BTreeMap;

use crate::kit::names::{seat_label, state_name};
use comity_core::State;
use comity_core::treaty::eif::Instrument;
use comity_core::treaty::record::{Resolution, TreatyRecord};
use comity_core::treaty::text::{BracketRef, Choice, Draft, PREAMBLE_ID, Segment, TITLE_ID};

use crate::i18n::Tr;

mod eif;

pub use eif::{EifView, eif_view};

/// A bracket's address as pages and the API write it: the paragraph's eId, `:` and the
/// bracket's position among the paragraph's brackets (from 1); a nested bracket adds
/// `/alternative:position` for each level down, e.g. `art_1__para_2:1/1:2`.
pub fn address(b: &BracketRef) -> String {
    let mut out = format!("{}:{}", b.para, b.index + 1);
    for (alt, idx) in &b.path {
        out.push_str(&format!("/{}:{}", alt + 1, idx + 1));
    }
    out
}

/// Reads an [`address`]; `None` when it is not one.
pub fn parse_address(s: &str) -> Option<BracketRef> {
    let mut levels = s.trim().split('/');
    let (para, n) = levels.next()?.rsplit_once(':')?;
    let valid_para = !para.is_empty()
        && para
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !valid_para {
        return None;
    }
    let from_one = |v: &str| v.parse::<usize>().ok()?.checked_sub(1);
    let mut at = BracketRef::top(para, from_one(n)?);
    for level in levels {
        let (alt, idx) = level.split_once(':')?;
        at = at.nested(from_one(alt)?, from_one(idx)?);
    }
    Some(at)
}

/// A date (or any left-to-right token) to put in a sentence: in a right-to-left language it
/// is isolated, so `2027-01-01` does not read `01-01-2027` after Arabic words.
pub fn ltr(tr: &Tr<'_>, v: impl std::fmt::Display) -> String {
    if tr.dir() == "rtl" {
        format!("\u{2066}{v}\u{2069}")
    } else {
        v.to_string()
    }
}

/// An `id` attribute for a bracket's address.
pub fn anchor(addr: &str) -> String {
    format!("b-{}", addr.replace([':', '/'], "-"))
}

/// One piece of running text for the template: `text`, a bracket's opening (`open`, with
/// its address), the start of an alternative (`alt`, numbered from 1), its end (`alt_end`),
/// or the bracket's close (`close`). Nested brackets nest without recursion in the template.
pub struct Piece {
    pub kind: &'static str,
    pub text: String,
    pub anchor: String,
    pub n: usize,
}

impl Piece {
    fn new(kind: &'static str, text: String, n: usize) -> Self {
        let anchor = if kind == "open" {
            anchor(&text)
        } else {
            String::new()
        };
        Self {
            kind,
            text,
            anchor,
            n,
        }
    }
}

fn flatten(
    segs: &[Segment],
    parent: Option<(&BracketRef, usize)>,
    para: &str,
    out: &mut Vec<Piece>,
) {
    let mut n = 0;
    for seg in segs {
        match seg {
            Segment::Text(t) => out.push(Piece::new("text", t.clone(), 0)),
            Segment::Bracket(b) => {
                let at = match parent {
                    None => BracketRef::top(para, n),
                    Some((p, alt)) => p.nested(alt, n),
                };
                n += 1;
                out.push(Piece::new("open", address(&at), 0));
                for (i, alt) in b.alternatives.iter().enumerate() {
                    out.push(Piece::new("alt", String::new(), i + 1));
                    flatten(alt, Some((&at, i)), para, out);
                    out.push(Piece::new("alt_end", String::new(), i + 1));
                }
                out.push(Piece::new("close", String::new(), 0));
            }
        }
    }
}

/// A paragraph's (or the title's) pieces.
pub fn pieces(eid: &str, segs: &[Segment]) -> Vec<Piece> {
    let mut out = Vec::new();
    flatten(segs, None, eid, &mut out);
    out
}

pub struct ParaView {
    pub eid: String,
    pub num: Option<u32>,
    pub pieces: Vec<Piece>,
}

/// The preamble or an article, with its open brackets.
pub struct PartView {
    pub eid: String,
    pub heading: String,
    pub open: usize,
    pub paras: Vec<ParaView>,
}

/// The label of a part of the text: the title, the preamble or an article's heading line.
pub fn part_label(tr: &Tr<'_>, draft: &Draft, eid: &str) -> String {
    match eid {
        TITLE_ID => tr.t("treaty-part-title"),
        PREAMBLE_ID => tr.t("treaty-part-preamble"),
        other => draft
            .article(other)
            .map_or_else(|| other.to_owned(), |a| a.label()),
    }
}

/// The draft as the page shows it: the title's pieces, then the preamble and the articles.
pub fn text_view(tr: &Tr<'_>, draft: &Draft) -> (Vec<Piece>, Vec<PartView>) {
    let counts: BTreeMap<String, usize> = draft.open_brackets().per_part.into_iter().collect();
    let para = |p: &comity_core::treaty::text::Paragraph| ParaView {
        eid: p.eid.clone(),
        num: p.num,
        pieces: pieces(&p.eid, &p.content),
    };
    let mut parts = Vec::new();
    if !draft.preamble.is_empty() {
        parts.push(PartView {
            eid: PREAMBLE_ID.to_owned(),
            heading: part_label(tr, draft, PREAMBLE_ID),
            open: counts.get(PREAMBLE_ID).copied().unwrap_or(0),
            paras: draft.preamble.iter().map(para).collect(),
        });
    }
    for a in &draft.articles {
        parts.push(PartView {
            eid: a.eid.clone(),
            heading: a.label(),
            open: counts.get(&a.eid).copied().unwrap_or(0),
            paras: a.paragraphs.iter().map(para).collect(),
        });
    }
    (pieces(TITLE_ID, &draft.title), parts)
}

/// A bracket in a select: (address, its alternatives as text).
pub fn bracket_options(draft: &Draft) -> Vec<(String, String)> {
    draft
        .brackets()
        .into_iter()
        .map(|b| (address(&b.at), format!("[{}]", b.alternatives.join(" / "))))
        .collect()
}

pub fn stage_label(tr: &Tr<'_>, t: &TreatyRecord) -> String {
    tr.t(&format!(
        "treaty-stage-{}",
        t.stage_on(crate::today()).code().replace('_', "-")
    ))
}

pub fn instrument_label(tr: &Tr<'_>, i: Instrument) -> String {
    tr.t(&format!("treaty-instrument-{}", i.as_str()))
}

/// The wording each settlement by alternative kept, by the settlement's entry: the rounds
/// replayed from their opening text, so the history can say "kept ‘Brussels’".
pub fn kept_wordings(t: &TreatyRecord) -> BTreeMap<u64, String> {
    enum Act<'a> {
        Propose(&'a BracketRef, &'a str),
        Settle(u64, &'a BracketRef, &'a Choice),
    }
    let mut out = BTreeMap::new();
    for r in &t.rounds {
        let mut acts: Vec<(u64, Act<'_>)> = t
            .proposals
            .iter()
            .filter(|p| p.round == r.number)
            .map(|p| (p.seq, Act::Propose(&p.bracket, p.wording.as_str())))
            .chain(
                t.settlements
                    .iter()
                    .filter(|s| s.round == r.number)
                    .map(|s| (s.seq, Act::Settle(s.seq, &s.bracket, &s.choice))),
            )
            .collect();
        acts.sort_by_key(|(seq, _)| *seq);
        let mut draft = r.start.clone();
        for (_, act) in acts {
            let next = match act {
                Act::Propose(at, wording) => draft.propose(at, wording),
                Act::Settle(seq, at, choice) => {
                    if let Choice::Alternative(i) = choice
                        && let Some(kept) = draft
                            .brackets()
                            .into_iter()
                            .find(|b| &b.at == at)
                            .and_then(|b| b.alternatives.get(*i).cloned())
                    {
                        out.insert(seq, kept);
                    }
                    draft.resolve(at, choice.clone())
                }
            };
            if let Ok(d) = next {
                draft = d;
            }
        }
    }
    out
}

pub struct RoundView {
    pub number: u32,
    pub opened: String,
    pub opened_seq: u64,
    pub open_start: usize,
    pub open_end: usize,
    pub proposals: usize,
    pub settlements: usize,
}

pub fn round_views(t: &TreatyRecord) -> Vec<RoundView> {
    t.rounds
        .iter()
        .map(|r| RoundView {
            number: r.number,
            opened: day_of(r.opened_at),
            opened_seq: r.opened_seq,
            open_start: r.start.open_brackets().total,
            open_end: r.end.open_brackets().total,
            proposals: t.proposals.iter().filter(|p| p.round == r.number).count(),
            settlements: t.settlements.iter().filter(|s| s.round == r.number).count(),
        })
        .collect()
}

pub fn day_of(t: comity_core::Timestamp) -> String {
    comity_core::ids::Day::of(t).map_or_else(|| t.to_string(), |d| d.to_string())
}

pub struct ProposalView {
    pub seq: u64,
    pub round: u32,
    pub address: String,
    pub wording: String,
    pub by: String,
}

pub fn proposal_views(state: &State, t: &TreatyRecord) -> Vec<ProposalView> {
    t.proposals
        .iter()
        .map(|p| ProposalView {
            seq: p.seq,
            round: p.round,
            address: address(&p.bracket),
            wording: p.wording.clone(),
            by: seat_label(state, &p.by),
        })
        .collect()
}

pub struct SettlementView {
    pub seq: u64,
    pub round: u32,
    pub address: String,
    pub was: String,
    pub choice: String,
    /// The adopted motion that decided it; `None` when agreed in the room.
    pub motion: Option<u64>,
}

pub fn settlement_views(tr: &Tr<'_>, t: &TreatyRecord) -> Vec<SettlementView> {
    let kept = kept_wordings(t);
    t.settlements
        .iter()
        .map(|s| SettlementView {
            seq: s.seq,
            round: s.round,
            address: address(&s.bracket),
            was: s.was.clone(),
            choice: match &s.choice {
                Choice::Alternative(i) => tr.t2(
                    "treaty-choice-alternative",
                    "n",
                    i + 1,
                    "wording",
                    kept.get(&s.seq).cloned().unwrap_or_default(),
                ),
                Choice::Text(w) => tr.t1("treaty-choice-text", "wording", w.clone()),
                Choice::Delete => tr.t("treaty-choice-delete"),
            },
            motion: match s.by {
                Resolution::Agreement => None,
                Resolution::Motion(m) => Some(m),
            },
        })
        .collect()
}

/// One line of the status table, in the reader's language.
pub struct StatusView {
    pub iso: String,
    pub name: String,
    pub signature: String,
    pub deposit: String,
    pub instrument: String,
    pub reservations: Vec<String>,
    pub declarations: Vec<String>,
    pub objections: Vec<String>,
    pub in_force: String,
    pub withdrawal: String,
}

pub fn status_views(tr: &Tr<'_>, state: &State, t: &TreatyRecord) -> Vec<StatusView> {
    let opt = |d: Option<comity_core::ids::Day>| d.map(|d| d.to_string()).unwrap_or_default();
    t.status_table()
        .into_iter()
        .map(|r| StatusView {
            iso: r.state.to_string(),
            name: state_name(state, &r.state),
            signature: opt(r.signature),
            deposit: opt(r.deposit),
            instrument: r
                .instrument
                .map(|i| instrument_label(tr, i))
                .unwrap_or_default(),
            reservations: r.reservations,
            declarations: r.declarations,
            objections: r
                .objections
                .iter()
                .map(|(s, n)| {
                    tr.t2(
                        "treaty-objection-line",
                        "state",
                        state_name(state, s),
                        "n",
                        *n,
                    )
                })
                .collect(),
            in_force: opt(r.in_force),
            withdrawal: r
                .withdrawal
                .map(|(n, e)| {
                    tr.t2(
                        "treaty-withdrawal-line",
                        "notified",
                        ltr(tr, n),
                        "effective",
                        ltr(tr, e),
                    )
                })
                .unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_read_back() {
        let top = BracketRef::top("art_1__para_2", 0);
        assert_eq!(address(&top), "art_1__para_2:1");
        let nested = top.nested(1, 2);
        assert_eq!(address(&nested), "art_1__para_2:1/2:3");
        for b in [top, nested, BracketRef::top("title", 4)] {
            assert_eq!(parse_address(&address(&b)), Some(b));
        }
        for bad in [
            "",
            "art_1",
            "art_1:0",
            "Art_1:1",
            "art_1:x",
            ":1",
            "art_1:1/2",
            "art_1:1/0:1",
        ] {
            assert_eq!(parse_address(bad), None, "{bad}");
        }
        assert_eq!(anchor("art_1__para_2:1/2:3"), "b-art_1__para_2-1-2-3");
    }

    #[test]
    fn pieces_number_brackets_as_the_draft_does() {
        let d = Draft::parse(
            "# T\n\n## Article 1\nThe seat is [in [Copenhagen / Brussels] / decided] and [x].\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let p = pieces("art_1__para_1", &d.articles[0].paragraphs[0].content);
        let opens: Vec<&str> = p
            .iter()
            .filter(|p| p.kind == "open")
            .map(|p| p.text.as_str())
            .collect();
        let from_draft: Vec<String> = d.brackets().iter().map(|b| address(&b.at)).collect();
        assert_eq!(opens, from_draft);
        assert_eq!(
            opens,
            ["art_1__para_1:1", "art_1__para_1:1/1:1", "art_1__para_1:2"]
        );
        let closes = p.iter().filter(|p| p.kind == "close").count();
        assert_eq!(closes, 3);
    }
}
