//! How the caucus's events fold into the state.

use super::{AgendaItem, Event, Explanation, Outcome, Proposal, VotesImport};
use crate::ids::{Actor, Timestamp};
use crate::state::{ApplyError, State, inconsistent, next_in_sequence};

pub fn apply(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    let _ = actor;
    match event {
        Event::AgendaItemPlaced {
            item,
            session,
            symbol,
            title,
            issue,
            plenary,
            rcid,
        } => {
            next_in_sequence(seq, "agenda item", *item, st.caucus.agenda.len())?;
            st.caucus.agenda.insert(
                *item,
                AgendaItem {
                    id: *item,
                    session: *session,
                    symbol: symbol.clone(),
                    title: title.clone(),
                    issue: issue.clone(),
                    plenary: *plenary,
                    rcid: *rcid,
                    seq,
                    proposals: Vec::new(),
                    position: None,
                    votes: Default::default(),
                    recorded: None,
                    explanations: Default::default(),
                },
            );
        }
        Event::PositionProposed {
            item,
            motion,
            stance,
        } => {
            if !st.motions.contains_key(motion) {
                return Err(inconsistent(seq, &format!("there is no motion {motion}")));
            }
            agenda_item(st, seq, *item)?.proposals.push(Proposal {
                motion: *motion,
                stance: *stance,
                seq,
                outcome: None,
            });
        }
        Event::PositionDecided {
            item,
            motion,
            outcome,
        } => {
            let it = agenda_item(st, seq, *item)?;
            let Some(p) = it
                .proposals
                .iter_mut()
                .find(|p| p.motion == *motion && p.outcome.is_none())
            else {
                return Err(inconsistent(
                    seq,
                    &format!("motion {motion} is not an open proposal on item {item}"),
                ));
            };
            p.outcome = Some(*outcome);
            if *outcome == Outcome::Adopted {
                it.position = Some((p.stance, *motion));
            }
        }
        Event::PlenaryVotesRecorded {
            item,
            votes,
            source,
        } => {
            let it = agenda_item(st, seq, *item)?;
            it.votes = votes.iter().cloned().collect();
            it.recorded = Some((source.clone(), seq));
        }
        Event::VoteExplained { item, state, text } => {
            agenda_item(st, seq, *item)?.explanations.insert(
                state.clone(),
                Explanation {
                    text: text.clone(),
                    seq,
                    time,
                },
            );
            st.acts.entry(state.clone()).or_default().push(seq);
        }
        Event::VotesImported {
            import,
            file,
            sha256,
            votes,
            roll_calls,
            sessions,
            rows_sha256,
        } => {
            next_in_sequence(seq, "import", *import, st.caucus.imports.len())?;
            st.caucus.imports.push(VotesImport {
                import: *import,
                file: file.clone(),
                sha256: *sha256,
                votes: *votes,
                roll_calls: *roll_calls,
                sessions: *sessions,
                rows_sha256: *rows_sha256,
                seq,
                time,
            });
        }
    }
    Ok(())
}

fn agenda_item(st: &mut State, seq: u64, id: u64) -> Result<&mut AgendaItem, ApplyError> {
    st.caucus
        .agenda
        .get_mut(&id)
        .ok_or_else(|| inconsistent(seq, &format!("there is no agenda item {id}")))
}
