//! `comity tally --method METHOD [--seats N] FILE [--format json]`: count a ballot file.
//!
//! Reads the peer's ballot JSON (optionally gzipped, `.json.gz`) or BLT. JSON output is
//! `{"method":…, "winners":[…]}`, or `"elected"` for STV, with the peer's method names and
//! names sorted by candidate order, as `voting_peer.py` prints them.

use std::io::Read;
use std::path::Path;

use std::io::Write;

use anyhow::{Context, bail};
use comity_voting::{
    CandidateId, MarginMatrix, Profile, ScottishOptions, irv, parse_blt, scottish_stv,
};

use comity_voting::count::METHODS;

/// Read a ballot file: JSON (plain or gzip) or BLT, told apart by content.
pub fn read_profile(path: &Path) -> anyhow::Result<Profile> {
    let name = path.display().to_string();
    let bytes = read_ballot_bytes(path)?;
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if first == Some(b'{') {
        Profile::parse_json_bytes(&bytes).map_err(|e| anyhow::anyhow!("{name}: {e}"))
    } else {
        let text = std::str::from_utf8(&bytes).with_context(|| format!("{name}: not UTF-8"))?;
        Ok(parse_blt(text)
            .map_err(|e| anyhow::anyhow!("{name}: {e}"))?
            .profile)
    }
}

/// A ballot file's bytes, unpacked if it is gzipped.
pub fn read_ballot_bytes(path: &Path) -> anyhow::Result<Vec<u8>> {
    let name = path.display().to_string();
    let raw = std::fs::read(path).with_context(|| format!("cannot read {name}"))?;
    Ok(if raw.starts_with(&[0x1f, 0x8b]) {
        // The gzip trailer gives the unpacked size (mod 2³²): a capacity hint, capped in
        // case it lies, that spares the copies of a growing buffer.
        let size = raw
            .last_chunk()
            .map_or(0, |t| u32::from_le_bytes(*t) as usize);
        let mut out = Vec::with_capacity(size.min(raw.len().saturating_mul(64)));
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .with_context(|| format!("{name}: not a readable gzip file"))?;
        out
    } else {
        raw
    })
}

pub fn run(
    method: &str,
    seats: Option<u32>,
    seed: u64,
    file: &Path,
    json: bool,
) -> anyhow::Result<()> {
    if !METHODS.contains(&method) {
        bail!(
            "unknown method {method:?}: use one of {}",
            METHODS.join(", ")
        );
    }
    let profile = read_profile(file)?;
    if profile.num_voters() == profile.blank_ballots() {
        bail!("{}: no valid ballot: every ballot is empty", file.display());
    }
    let seats = seats.unwrap_or(profile.seats());
    let names = |ids: &[CandidateId]| -> Vec<String> {
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.iter().map(|&c| profile.name(c).to_owned()).collect()
    };
    let result = comity_voting::count::count(method, &profile, seats, seed)
        .unwrap_or(Err(comity_voting::TallyError::NoSeats))?;
    let key = if result.stv { "elected" } else { "winners" };
    let winners = names(&result.ids);
    let mut detail: Vec<String> = Vec::new();
    if !json {
        if method == "irv" {
            for (i, round) in irv(&profile).rounds.iter().enumerate() {
                let tallies: Vec<String> = round
                    .tallies
                    .iter()
                    .enumerate()
                    .filter_map(|(c, t)| t.map(|v| format!("{} {v}", profile.candidates()[c])))
                    .collect();
                detail.push(format!(
                    "round {}: {}; exhausted {}; eliminated: {}",
                    i + 1,
                    tallies.join(", "),
                    round.exhausted,
                    names(&round.eliminated).join(", ")
                ));
            }
        }
        if method == "stv-scottish" {
            let r = scottish_stv(&profile, ScottishOptions { seats, seed })?;
            detail.push(format!("quota {}", r.quota));
            for (i, s) in r.stages.iter().enumerate() {
                let tallies: Vec<String> = s
                    .tallies
                    .iter()
                    .enumerate()
                    .map(|(c, v)| format!("{} {v}", profile.candidates()[c]))
                    .collect();
                detail.push(format!(
                    "stage {}: {:?}; {}; non-transferable {}",
                    i + 1,
                    s.action,
                    tallies.join(", "),
                    s.non_transferable
                ));
            }
        }
    }
    if json {
        let mut out = serde_json::Map::new();
        out.insert("method".into(), method.into());
        out.insert(key.into(), winners.into());
        if key == "elected" {
            out.insert("seats".into(), seats.into());
        }
        writeln!(
            std::io::stdout().lock(),
            "{}",
            serde_json::Value::Object(out)
        )?;
        return Ok(());
    }
    writeln!(
        std::io::stdout().lock(),
        "{} ballots ({} distinct rankings), {} candidates",
        profile.num_voters(),
        profile.ballots().len(),
        profile.num_candidates()
    )?;
    for line in &detail {
        writeln!(std::io::stdout().lock(), "  {line}")?;
    }
    if matches!(method, "schulze" | "copeland" | "ranked_pairs" | "minimax") {
        let m = MarginMatrix::of(&profile);
        writeln!(
            std::io::stdout().lock(),
            "  pairwise margins (row over column):"
        )?;
        for (i, row) in m.rows().iter().enumerate() {
            let cells: Vec<String> = row.iter().map(|v| format!("{v:>7}")).collect();
            writeln!(
                std::io::stdout().lock(),
                "  {:>12} {}",
                profile.candidates()[i],
                cells.join("")
            )?;
        }
    }
    writeln!(
        std::io::stdout().lock(),
        "{method}: {key} {}",
        winners.join(", ")
    )?;
    Ok(())
}
