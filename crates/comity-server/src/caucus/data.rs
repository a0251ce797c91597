//! The shipped UN General Assembly record (`data/unga_*`), compiled in once for the whole
//! binary (the CLI reads the same bytes), gunzipped and read on first use and kept: pages
//! and the API count from its bitsets, never by scanning the votes per request.

use std::io::Read;
use std::sync::OnceLock;

use std::sync::{Arc, Mutex};

use comity_caucus::{Added, Addition, Issues, RollCalls, Votes};
use comity_core::journal::Hash;
use comity_store::Institution;

/// `data/unga_votes.csv.gz`: 870,109 votes, sessions 1–74.
pub const VOTES_GZ: &[u8] = include_bytes!("../../../../data/unga_votes.csv.gz");
/// `data/unga_roll_calls.csv.gz`: 6,203 roll calls.
pub const ROLL_CALLS_GZ: &[u8] = include_bytes!("../../../../data/unga_roll_calls.csv.gz");
/// `data/unga_roll_call_issues.csv`.
pub const ISSUES_CSV: &[u8] = include_bytes!("../../../../data/unga_roll_call_issues.csv");

pub use comity_caucus::Record;

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
    shipped_arc().map(|r| &**r)
}

fn shipped_arc() -> Result<&'static Arc<Record>, &'static str> {
    static RECORD: OnceLock<Result<Arc<Record>, String>> = OnceLock::new();
    RECORD
        .get_or_init(|| read().map(Arc::new))
        .as_ref()
        .map_err(String::as_str)
}

/// The record the alliance counts from: the shipped one with every import the journal
/// records, in order. Built on first use and after each import (kept by the imports' row
/// digests, so two alliances in one process never share one by mistake).
pub async fn current(inst: &Institution) -> Result<Arc<Record>, String> {
    type Cache = Mutex<Option<(Vec<Hash>, Arc<Record>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key: Vec<Hash> = inst
        .state()
        .await
        .caucus
        .imports
        .iter()
        .map(|i| i.rows_sha256)
        .collect();
    let base = shipped_arc().map_err(str::to_owned)?;
    if key.is_empty() {
        return Ok(base.clone());
    }
    let cache = CACHE.get_or_init(|| Mutex::new(None));
    if let Ok(c) = cache.lock()
        && let Some((k, r)) = c.as_ref()
        && *k == key
    {
        return Ok(r.clone());
    }
    let imports = inst
        .store()
        .unga_imports()
        .await
        .map_err(|e| e.to_string())?;
    let known = known_states();
    let mut record = Record::clone(base);
    for i in &imports {
        let [votes, roll_calls, issues] = i.added.texts();
        let name = format!("import {}", i.import);
        let add = Addition {
            votes: (&name, votes.as_bytes()),
            roll_calls: Some((&name, roll_calls.as_bytes())),
            issues: Some((&name, issues.as_bytes())),
        };
        record = record
            .extend(&add, &|c| known.contains(c))
            .map_err(|e| e.to_string())?
            .0;
    }
    let record = Arc::new(record);
    if let Ok(mut c) = cache.lock() {
        *c = Some((key, record.clone()));
    }
    Ok(record)
}

/// Files to import: (name, bytes as given, gzipped or plain) each.
pub struct ImportFiles {
    pub votes: (String, Vec<u8>),
    pub roll_calls: Option<(String, Vec<u8>)>,
    pub issues: Option<(String, Vec<u8>)>,
}

/// An import read and checked against the record: what it adds, and the votes file's SHA-256.
pub struct Checked {
    pub added: Added,
    pub sessions: (u32, u32),
    pub sha256: Hash,
}

/// Read `files` against `record`: every bad row named by file, line and field; nothing that
/// the record holds already may be given again.
pub fn check_import(record: &Record, files: &ImportFiles) -> Result<Checked, String> {
    let open = |(name, bytes): &(String, Vec<u8>)| {
        gunzip(bytes)
            .map(|b| (name.clone(), b))
            .map_err(|e| format!("{name}: not a CSV or gzip file: {e}"))
    };
    let votes = open(&files.votes)?;
    let roll_calls = files.roll_calls.as_ref().map(open).transpose()?;
    let issues = files.issues.as_ref().map(open).transpose()?;
    let add = Addition {
        votes: (&votes.0, &votes.1),
        roll_calls: roll_calls.as_ref().map(|(n, b)| (n.as_str(), b.as_slice())),
        issues: issues.as_ref().map(|(n, b)| (n.as_str(), b.as_slice())),
    };
    let known = known_states();
    let (extended, added) = record
        .extend(&add, &|c| known.contains(c))
        .map_err(|e| e.to_string())?;
    let sessions = added
        .sessions(&extended)
        .ok_or_else(|| format!("{}: the file holds no votes", files.votes.0))?;
    Ok(Checked {
        added,
        sessions,
        sha256: Hash::of(&files.votes.1),
    })
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
