//! What the journal benchmarks append: realistic review-flag events.

use comity_core::membership;
use comity_core::{Event, Iso3};

/// Entries per append.
pub const BATCH: usize = 10_000;

/// The `n` events of batch `batch`.
pub fn events(batch: usize, n: usize) -> Vec<Event> {
    let codes = [
        "DNK", "HUN", "IND", "USA", "BRA", "ZAF", "JPN", "TWN", "XKX", "MNG",
    ];
    (0..n)
        .map(|i| {
            let k = batch * BATCH + i;
            Event::Membership(membership::Event::MemberFlaggedForReview {
                state: Iso3::parse(codes[k % codes.len()]).unwrap(),
                criterion: "free_or_partly_free".into(),
                edition: format!("FIW {}", 2000 + k % 26),
                change: format!("rated Free, {}/100, FIW 2018 → rated Partly Free, {}/100, FIW 2019; requires Free", 70 + k % 30, 40 + k % 30),
            })
        })
        .collect()
}
