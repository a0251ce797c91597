//! One entry point for every ranked method by the peer's name, for the CLI and for
//! elections in the alliance: the same code counts a file and an organ's ballot box.

use crate::{
    CandidateId, Profile, ScottishOptions, SplitMix64, TallyError, borda, copeland, irv, meek_stv,
    minimax, plurality, ranked_pairs, schulze, scottish_stv,
};

/// The methods, by the names pref-voting's wrapper uses.
pub const METHODS: [&str; 9] = [
    "plurality",
    "borda",
    "irv",
    "schulze",
    "copeland",
    "ranked_pairs",
    "minimax",
    "stv-scottish",
    "stv-meek",
];

/// A count's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// Single-winner methods: every tied winner (no tie-break), sorted by candidate order.
    /// STV: the elected, sorted by candidate order.
    pub ids: Vec<CandidateId>,
    /// STV (`"elected"`) or single-winner (`"winners"`).
    pub stv: bool,
}

/// Whether `method` is one of [`METHODS`].
pub fn is_method(method: &str) -> bool {
    METHODS.contains(&method)
}

/// Count `profile` by `method` (a name from [`METHODS`]); `seats` and `seed` are used by STV.
/// An unknown method name gives `None`.
pub fn count(
    method: &str,
    profile: &Profile,
    seats: u32,
    seed: u64,
) -> Option<Result<Count, TallyError>> {
    let single = |mut ids: Vec<CandidateId>| {
        ids.sort_unstable();
        Ok(Count { ids, stv: false })
    };
    Some(match method {
        "plurality" => single(plurality(profile)),
        "borda" => single(borda(profile)),
        "irv" => single(irv(profile).winners),
        "schulze" => single(schulze(profile)),
        "copeland" => single(copeland(profile)),
        "ranked_pairs" => single(ranked_pairs(profile)),
        "minimax" => single(minimax(profile)),
        "stv-scottish" => scottish_stv(profile, ScottishOptions { seats, seed }).map(|r| Count {
            ids: r.elected_sorted(),
            stv: true,
        }),
        "stv-meek" => meek_stv(profile, seats).map(|r| Count {
            ids: r.elected_sorted(),
            stv: true,
        }),
        _ => return None,
    })
}

/// Fill `seats` from tied single-winner results by a seeded lot, as a rulebook does when
/// "the returning officer decides by lot": the draw is reproducible from the seed. Returns
/// the chosen and whether a lot was drawn.
pub fn by_lot(mut tied: Vec<CandidateId>, seats: usize, seed: u64) -> (Vec<CandidateId>, bool) {
    if tied.len() <= seats {
        return (tied, false);
    }
    let mut rng = SplitMix64::new(seed);
    let mut chosen = Vec::with_capacity(seats);
    for _ in 0..seats {
        let i = rng.below(tied.len() as u64) as usize;
        chosen.push(tied.remove(i));
    }
    chosen.sort_unstable();
    (chosen, true)
}
