//! How the initiatives' events fold into the state. The threshold frozen at registration,
//! each certification and the verdict are re-derived here: an entry whose figures differ
//! from what the record gives is refused.

use super::{
    Admissibility, Answer, Batch, Certification, Event, Frozen, Initiative, Invalidation, Outcome,
    Rule, sample, spec,
};
use crate::ids::{Actor, Iso3, Timestamp};
use crate::state::{ApplyError, State, inconsistent, next_in_sequence};

fn initiative_mut(st: &mut State, seq: u64, id: u64) -> Result<&mut Initiative, ApplyError> {
    st.initiatives
        .initiatives
        .get_mut(&id)
        .ok_or_else(|| inconsistent(seq, &format!("there is no initiative {id}")))
}

pub fn apply(
    st: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    let _ = (time, actor);
    match event {
        Event::InitiativeRegistered {
            initiative,
            title,
            objective,
            committee,
            day,
            table_from,
        } => {
            next_in_sequence(
                seq,
                "initiative",
                *initiative,
                st.initiatives.initiatives.len(),
            )?;
            let sx = spec(st)
                .ok_or_else(|| inconsistent(seq, "the charter has no [initiatives] section"))?;
            let rule = Rule::from_spec(&sx.threshold);
            let members: std::collections::BTreeMap<String, u64> = st
                .members
                .keys()
                .map(|s| {
                    let pop = st.registry.country(s).and_then(|c| c.population);
                    (s.as_str().to_owned(), pop.unwrap_or(0))
                })
                .collect();
            let table = rule
                .table_on(*day)
                .filter(|t| t.valid_from == *table_from)
                .map(|t| rule.resolve(t, &members))
                .ok_or_else(|| {
                    inconsistent(
                        seq,
                        &format!(
                            "the threshold's table in force on {day} does not begin on {table_from}"
                        ),
                    )
                })?;
            let frozen = Frozen {
                rule: rule.name.clone(),
                total: rule.total,
                required_members: rule.required_members(&table),
                table_from: table.valid_from,
                minimums: table
                    .minimums
                    .iter()
                    .filter_map(|(c, m)| Iso3::parse(c).ok().map(|s| (s, *m)))
                    .collect(),
                collection_months: rule.collection_months.unwrap_or(12),
            };
            st.initiatives.initiatives.insert(
                *initiative,
                Initiative {
                    id: *initiative,
                    title: title.clone(),
                    objective: objective.clone(),
                    committee: committee.clone(),
                    registered: *day,
                    seq,
                    frozen,
                    admissibility: None,
                    batches: Vec::new(),
                    invalidations: Vec::new(),
                    closed: None,
                    seed: None,
                    certifications: Default::default(),
                    outcome: None,
                    answer: None,
                },
            );
        }
        Event::InitiativeAdmissibilityDecided {
            initiative,
            admissible,
            reasons,
            day,
            opens,
            closes,
        } => {
            initiative_mut(st, seq, *initiative)?.admissibility = Some(Admissibility {
                admissible: *admissible,
                reasons: reasons.clone(),
                day: *day,
                opens: *opens,
                closes: *closes,
            });
        }
        Event::SignaturesRecorded {
            initiative,
            batch,
            channel,
            counts,
            rows_sha256,
            sheets,
            source,
            day,
        } => {
            let i = initiative_mut(st, seq, *initiative)?;
            next_in_sequence(seq, "batch", *batch, i.batches.len())?;
            i.batches.push(Batch {
                batch: *batch,
                channel: *channel,
                counts: counts.clone(),
                rows_sha256: *rows_sha256,
                sheets: *sheets,
                source: source.clone(),
                day: *day,
                seq,
            });
        }
        Event::SignaturesInvalidated {
            initiative,
            invalidation,
            criterion,
            counts,
            rows_sha256,
            note,
            day,
        } => {
            let i = initiative_mut(st, seq, *initiative)?;
            next_in_sequence(seq, "invalidation", *invalidation, i.invalidations.len())?;
            i.invalidations.push(Invalidation {
                invalidation: *invalidation,
                criterion: *criterion,
                counts: counts.clone(),
                rows_sha256: *rows_sha256,
                note: note.clone(),
                day: *day,
                seq,
                reversed: None,
            });
        }
        Event::InvalidationReversed {
            initiative,
            invalidation,
            reasons,
            day,
        } => {
            let i = initiative_mut(st, seq, *initiative)?;
            let v = i
                .invalidations
                .iter_mut()
                .find(|v| v.invalidation == *invalidation && v.reversed.is_none())
                .ok_or_else(|| {
                    inconsistent(
                        seq,
                        &format!(
                            "initiative {initiative} has no invalidation {invalidation} in force"
                        ),
                    )
                })?;
            v.reversed = Some((*day, reasons.clone()));
        }
        Event::CollectionClosed {
            initiative,
            day,
            valid,
        } => {
            let i = initiative_mut(st, seq, *initiative)?;
            let have: std::collections::BTreeMap<Iso3, u64> = i
                .tallies()
                .into_iter()
                .filter(|(_, t)| t.valid > 0)
                .map(|(s, t)| (s, t.valid))
                .collect();
            if &have != valid {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "the counts recorded at the close of initiative {initiative} are not those its batches and invalidations give"
                    ),
                ));
            }
            i.closed = Some(*day);
        }
        Event::SampleSeedPublished {
            initiative,
            seed,
            day,
        } => {
            initiative_mut(st, seq, *initiative)?.seed = Some((seed.clone(), *day));
        }
        Event::SignaturesCertified {
            initiative,
            state,
            population,
            sample: n,
            valid,
            lower_ppm,
            certified,
            day,
        } => {
            let i = initiative_mut(st, seq, *initiative)?;
            let have = i.tallies().get(state).map_or(0, |t| t.valid);
            let lower = sample::lower_ppm(*valid, *n, *population);
            let count = sample::certified(*population, lower);
            if have != *population || lower != *lower_ppm || count != *certified {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "the certification of {state} for initiative {initiative} records {certified} of {population} (lower bound {lower_ppm} ppm); the record gives {count} of {have} ({lower} ppm)"
                    ),
                ));
            }
            i.certifications.insert(
                state.clone(),
                Certification {
                    population: *population,
                    sample: *n,
                    valid: *valid,
                    lower_ppm: *lower_ppm,
                    certified: *certified,
                    day: *day,
                    seq,
                },
            );
        }
        Event::InitiativeVerdictDeclared {
            initiative,
            passes,
            total,
            members_meeting_minimum,
            required_members,
            day,
            answer_by,
        } => {
            let i = initiative_mut(st, seq, *initiative)?;
            let (p, t, m) = i.verdict();
            if (p, t, &m) != (*passes, *total, members_meeting_minimum)
                || *required_members != i.frozen.required_members
            {
                return Err(inconsistent(
                    seq,
                    &format!(
                        "the verdict recorded for initiative {initiative} (passes {passes}, {total} signatures, {} members) is not what its counts give (passes {p}, {t}, {} members)",
                        members_meeting_minimum.len(),
                        m.len()
                    ),
                ));
            }
            i.outcome = Some(Outcome {
                passes: *passes,
                total: *total,
                members_meeting_minimum: members_meeting_minimum.clone(),
                required_members: *required_members,
                day: *day,
                answer_by: *answer_by,
            });
        }
        Event::InitiativeAnswered {
            initiative,
            text,
            day,
        } => {
            initiative_mut(st, seq, *initiative)?.answer = Some(Answer {
                text: text.clone(),
                day: *day,
                seq,
            });
        }
    }
    Ok(())
}
