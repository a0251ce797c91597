//! How the events of elections and their counts fold into the state.

use super::Event;
use crate::ids::{Actor, Timestamp};
use crate::state::{ApplyError, State, inconsistent};

pub fn apply(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    let _ = (time, actor);
    match event {
        Event::ElectionOpened {
            election,
            organ,
            title,
            method,
            seats,
            candidates,
            closes_at,
            seed,
            electorate,
        } => {
            st.elections.insert(
                *election,
                crate::election::Election {
                    id: *election,
                    organ: organ.clone(),
                    title: title.clone(),
                    method: method.clone(),
                    seats: *seats,
                    candidates: candidates.clone(),
                    closes_at: *closes_at,
                    seed: *seed,
                    electorate: electorate.clone(),
                    voted: Default::default(),
                    opened_seq: seq,
                    result: None,
                    acts: vec![seq],
                },
            );
        }
        Event::BallotCast { election, state } => {
            st.election_mut(seq, *election)?.voted.insert(state.clone());
        }
        Event::PaperBallotsRecorded {
            election, states, ..
        } => {
            let e = st.election_mut(seq, *election)?;
            if let Some(s) = states
                .iter()
                .find(|s| e.voted.contains(*s) || !e.electorate.contains(*s))
            {
                return Err(inconsistent(
                    seq,
                    &format!("election {election}: {s} may not vote on paper"),
                ));
            }
            e.voted.extend(states.iter().cloned());
        }
        Event::ElectionCounted {
            election,
            ballots,
            elected,
            by_lot,
        } => {
            let e = st.election_mut(seq, *election)?;
            // Recount from the published ballots: a journal whose result does not follow is refused.
            let (recount, lot) =
                crate::election::tally_ballots(&e.method, &e.candidates, e.seats, e.seed, ballots)
                    .map_err(|m| inconsistent(seq, &m))?;
            let cast: u64 = ballots.iter().map(|(_, c)| c).sum();
            if recount != *elected || lot != *by_lot || cast != e.voted.len() as u64 {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "election {election}: the recount of the published ballots elects {recount:?}, the journal records {elected:?}"
                    ),
                ));
            }
            e.result = Some(crate::election::ElectionResult {
                elected: elected.clone(),
                by_lot: *by_lot,
                ballots: ballots.clone(),
                closed_seq: seq,
            });
        }
    }
    Ok(())
}
