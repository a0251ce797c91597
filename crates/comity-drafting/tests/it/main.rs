#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Treaty texts (issue 7): the bracketed source format, its errors, rounds of edits,
//! redlines between versions, and the Akoma Ntoso export checked against the OASIS schema.

use std::path::{Path, PathBuf};
use std::process::Command;

use comity_drafting::akn::{self, AknMeta};
use comity_drafting::redline::{self, Change, Op, Redline};
use comity_drafting::text::{
    Bracket, BracketRef, Choice, Draft, EditError, Paragraph, Segment, TextErrorKind,
};

const EXAMPLE: &str = "# Founding Treaty of the Alliance of Democracies

## Preamble
The States Parties to this Treaty,
[Recalling / Reaffirming] their commitment to ...

## Article 1 — Establishment
1. The Alliance of Democracies is hereby established.
2. Its seat shall be [in [Copenhagen / Brussels] / decided by the Summit].

## Article 2 — Membership {#art_2}
Membership is open to every State that [is rated Free / is rated Free or Partly Free].
";

fn example() -> Draft {
    Draft::parse(EXAMPLE).unwrap()
}

fn text(s: &str) -> Segment {
    Segment::Text(s.to_owned())
}

fn bracket(alternatives: Vec<Vec<Segment>>) -> Segment {
    Segment::Bracket(Bracket { alternatives })
}

fn plain(d: &Draft, eid: &str) -> String {
    d.paragraph(eid).map(Paragraph::plain_text).unwrap()
}

/// A small deterministic generator (SplitMix64) for the property tests: no dependency, and
/// a failure names its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

mod akoma_ntoso;
mod errors;
mod model;
mod redlines;
mod resolve;
