//! The BLT ballot format of STV counting software (OpenSTV, ERS):
//!
//! ```text
//! 4 2            <- candidates, seats
//! -4             <- optional: withdrawn candidates, as negative numbers
//! 3 1 2 0        <- weight, then preferences (1-based), then 0
//! 2 3 0
//! 0              <- end of ballots
//! "Alice"        <- one quoted name per candidate, in number order
//! "Bob"
//! "Carol"
//! "Dave"
//! "Title"        <- optional quoted title
//! ```
//!
//! Withdrawn candidates are removed from the profile (and from every ranking), so they can
//! neither receive votes nor fill a vacancy; their names are kept in
//! [`BltElection::withdrawn`].

use crate::error::BltError;
use crate::profile::Profile;

/// A parsed BLT file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BltElection {
    /// The profile over the candidates still standing.
    pub profile: Profile,
    /// Names of withdrawn candidates.
    pub withdrawn: Vec<String>,
    /// The title, if the file has one.
    pub title: Option<String>,
}

fn number(line: usize, token: &str) -> Result<i64, BltError> {
    token.parse().map_err(|_| BltError::BadNumber {
        line,
        token: token.to_owned(),
    })
}

/// Parses BLT text (see the module docs). Errors carry 1-based line numbers.
pub fn parse_blt(text: &str) -> Result<BltElection, BltError> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty());
    let (hl, header) = lines.next().ok_or(BltError::UnexpectedEnd {
        expected: "the header",
    })?;
    let head: Vec<&str> = header.split_whitespace().collect();
    let [c, s] = head.as_slice() else {
        return Err(BltError::BadHeader { line: hl });
    };
    let m = usize::try_from(number(hl, c)?)
        .ok()
        .filter(|&m| m >= 1)
        .ok_or(BltError::BadHeader { line: hl })?;
    // Every candidate needs a quoted name of its own further on (two quotes and a line
    // break at the least): a count the text cannot hold is refused before anything is
    // allocated for it.
    if m > text.len() / 3 {
        return Err(BltError::TooManyCandidates { line: hl, count: m });
    }
    let seats = u32::try_from(number(hl, s)?)
        .ok()
        .filter(|&s| s >= 1)
        .ok_or(BltError::BadHeader { line: hl })?;
    let mut withdrawn_ix = vec![false; m];
    let mut raw: Vec<(Vec<usize>, u64)> = Vec::new();
    let mut first = true;
    let mut rest_start = None;
    for (ln, line) in lines.by_ref() {
        let toks: Vec<&str> = line.split_whitespace().collect();
        if first && toks.iter().all(|t| t.starts_with('-')) {
            first = false;
            for t in toks {
                let v = number(ln, t)?;
                let ix = usize::try_from(-v).ok().filter(|&i| (1..=m).contains(&i));
                let ix = ix.ok_or(BltError::CandidateOutOfRange {
                    line: ln,
                    number: v,
                })?;
                withdrawn_ix[ix - 1] = true;
            }
            continue;
        }
        first = false;
        if toks == ["0"] {
            rest_start = Some(ln);
            break;
        }
        raw.push(ballot_line(ln, &toks, m)?);
    }
    let end_line = rest_start.ok_or(BltError::UnexpectedEnd {
        expected: "the 0 line ending the ballots",
    })?;
    let names = quoted_strings(text, end_line)?;
    if names.len() < m {
        return Err(BltError::UnexpectedEnd {
            expected: "a quoted name for every candidate",
        });
    }
    let title = names.get(m).cloned();
    // Renumber the candidates still standing.
    let mut new_ix = vec![None; m];
    let mut standing = Vec::new();
    let mut withdrawn = Vec::new();
    for i in 0..m {
        if withdrawn_ix[i] {
            withdrawn.push(names[i].clone());
        } else {
            new_ix[i] = Some(standing.len());
            standing.push(names[i].clone());
        }
    }
    let ballots = raw.into_iter().map(|(r, w)| {
        (
            r.into_iter().filter_map(|c| new_ix[c]).collect::<Vec<_>>(),
            w,
        )
    });
    let profile = Profile::from_rankings(standing, seats, ballots)?;
    Ok(BltElection {
        profile,
        withdrawn,
        title,
    })
}

fn ballot_line(ln: usize, toks: &[&str], m: usize) -> Result<(Vec<usize>, u64), BltError> {
    let mut it = toks.iter().copied();
    // Some writers prefix a ballot id in parentheses: "(id) weight ...".
    let mut w = it.next().unwrap_or("");
    if w.starts_with('(') {
        w = it.next().unwrap_or("");
    }
    let weight = u64::try_from(number(ln, w)?)
        .ok()
        .filter(|&w| w >= 1)
        .ok_or(BltError::WeightBelowOne { line: ln })?;
    let mut ranking = Vec::new();
    // The candidates this line ranked: as many as its tokens, not as the candidates.
    let mut seen = std::collections::HashSet::new();
    let mut ended = false;
    for t in it {
        if ended {
            return Err(BltError::UnterminatedBallot { line: ln });
        }
        let v = number(ln, t)?;
        if v == 0 {
            ended = true;
            continue;
        }
        let ix = usize::try_from(v).ok().filter(|&i| (1..=m).contains(&i));
        let ix = ix.ok_or(BltError::CandidateOutOfRange {
            line: ln,
            number: v,
        })? - 1;
        if !seen.insert(ix) {
            return Err(BltError::RankedTwice {
                line: ln,
                number: v,
            });
        }
        ranking.push(ix);
    }
    if !ended {
        return Err(BltError::UnterminatedBallot { line: ln });
    }
    Ok((ranking, weight))
}

/// Quoted strings on the lines after `after_line`, in order.
fn quoted_strings(text: &str, after_line: usize) -> Result<Vec<String>, BltError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().skip(after_line) {
        let mut rest = line.trim();
        while !rest.is_empty() {
            let inner = rest
                .strip_prefix('"')
                .ok_or(BltError::BadName { line: i + 1 })?;
            let close = inner.find('"').ok_or(BltError::BadName { line: i + 1 })?;
            out.push(inner[..close].to_owned());
            rest = inner[close + 1..].trim_start();
        }
    }
    Ok(out)
}
