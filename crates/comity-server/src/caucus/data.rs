//! The shipped UN General Assembly record (`data/unga_*`), compiled in once for the whole
//! binary (the CLI reads the same bytes), gunzipped and read on first use and kept: pages
//! and the API count from its bitsets, never by scanning the votes per request.

use std::io::Read;
use std::sync::OnceLock;

use comity_caucus::{Issues, RollCalls, Votes};

/// `data/unga_votes.csv.gz`: 870,109 votes, sessions 1–74.
pub const VOTES_GZ: &[u8] = include_bytes!("../../../../data/unga_votes.csv.gz");
/// `data/unga_roll_calls.csv.gz`: 6,203 roll calls.
pub const ROLL_CALLS_GZ: &[u8] = include_bytes!("../../../../data/unga_roll_calls.csv.gz");
/// `data/unga_roll_call_issues.csv`.
pub const ISSUES_CSV: &[u8] = include_bytes!("../../../../data/unga_roll_call_issues.csv");

/// The record read.
pub struct Record {
    pub roll_calls: RollCalls,
    pub issues: Issues,
    pub votes: Votes,
}

/// `bytes` gunzipped when they are gzip, else as they are.
pub fn gunzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes.to_vec());
    }
    let mut out = Vec::with_capacity(bytes.len() * 10);
    flate2::read::MultiGzDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
}

/// The state codes the registry knows (`data/countries.csv`): a vote by any other code is
/// refused.
pub fn known_states() -> std::collections::BTreeSet<&'static str> {
    comity_core::data::COUNTRIES_CSV
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .filter(|c| c.len() == 3)
        .collect()
}

fn read() -> Result<Record, String> {
    let rc = gunzip(ROLL_CALLS_GZ).map_err(|e| e.to_string())?;
    let roll_calls =
        RollCalls::parse("data/unga_roll_calls.csv.gz", &rc).map_err(|e| e.to_string())?;
    let issues = Issues::parse("data/unga_roll_call_issues.csv", ISSUES_CSV, &roll_calls)
        .map_err(|e| e.to_string())?;
    let known = known_states();
    let v = gunzip(VOTES_GZ).map_err(|e| e.to_string())?;
    let votes = Votes::parse("data/unga_votes.csv.gz", &v, &roll_calls, &|c| {
        known.contains(c)
    })
    .map_err(|e| e.to_string())?;
    Ok(Record {
        roll_calls,
        issues,
        votes,
    })
}

/// The shipped record, read on first use.
pub fn shipped() -> Result<&'static Record, &'static str> {
    static RECORD: OnceLock<Result<Record, String>> = OnceLock::new();
    RECORD.get_or_init(read).as_ref().map_err(String::as_str)
}

/// The members' votes in roll call `rcid` of the Assembly's record: a member that did not
/// vote (or has no votes in the record) is absent. None when the record has no such roll
/// call.
pub fn votes_in(
    record: &Record,
    rcid: u64,
    members: &[comity_core::Iso3],
) -> Option<Vec<(comity_core::Iso3, comity_core::caucus::UnVote)>> {
    use comity_core::caucus::UnVote;
    let position = record.roll_calls.position(u32::try_from(rcid).ok()?)?;
    Some(
        members
            .iter()
            .map(|m| {
                let vote = record
                    .votes
                    .state(m.as_str())
                    .and_then(|s| record.votes.vote(s, position))
                    .map_or(UnVote::Absent, |v| match v {
                        comity_caucus::Vote::Yes => UnVote::Yes,
                        comity_caucus::Vote::No => UnVote::No,
                        comity_caucus::Vote::Abstain => UnVote::Abstain,
                    });
                (m.clone(), vote)
            })
            .collect(),
    )
}
