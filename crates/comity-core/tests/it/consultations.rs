//! Consultations on the real founding: opened from a file, submissions checked against the
//! audience and the questions, confidential ones published by kind, country and hash
//! alone, the close counted, the synthesis read from the organ's adopted motion, and every
//! refusal leaving the state as it was.

use std::collections::BTreeMap;

use comity_core::consultations::{
    self, Answer, Refusal, Respondent, RespondentKind, Status, content_sha256, file,
};
use comity_core::ids::Day;
use comity_core::motion::{self, Seat};
use comity_core::network::{self, AccreditationKind};
use comity_core::{Command, DomainError, Iso3, State, Timestamp, base};
use comity_voting::rules::Vote;

use crate::{found, run_at};

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn iso(s: &str) -> Iso3 {
    Iso3::parse(s).unwrap()
}

fn cmd(c: consultations::Command) -> Command {
    Command::Consultations(c)
}

fn refusal(r: Result<Vec<comity_core::Event>, DomainError>) -> Refusal {
    match r {
        Err(DomainError::Consultations(r)) => r,
        other => panic!("expected a consultations refusal, got {other:?}"),
    }
}

const FILE: &str = r#"
organ = "governing_council"
title = "Principles for a Global Digital Compact"
question = "What should the alliance ask of the Compact?"
opens = "2027-01-11"
closes = "2027-02-26"
audience = ["organisations", "states"]

[[questions]]
text = "Which principle matters most?"
kind = "choice"
options = ["Open internet", "Data protection", "AI accountability"]

[[questions]]
text = "The Compact should bind platforms."
kind = "scale"

[[questions]]
text = "Anything else?"
kind = "text"
"#;

/// The alliance founded, an accredited organisation (number 1), and the consultation open.
fn opened() -> State {
    let mut st = found("alliance-of-democracies");
    let t = at("2026-12-20T09:00:00Z");
    run_at(
        &mut st,
        t,
        &Command::Network(network::Command::RequestAccreditation {
            organ: "civil_society_network".into(),
            name: "Digital Rights Watch".into(),
            country: iso("KEN"),
            kind: AccreditationKind::CivilSocietyOrganisation,
            description: "Digital rights".into(),
        }),
    )
    .unwrap();
    run_at(
        &mut st,
        t,
        &Command::Network(network::Command::DecideAccreditation {
            accreditation: 1,
            yes: 30,
            no: 2,
            abstain: 1,
        }),
    )
    .unwrap();
    let open = file::parse("gdc.toml", FILE).unwrap();
    run_at(&mut st, t, &Command::Consultations(open)).unwrap();
    st
}

fn answers(pairs: &[(u32, Answer)]) -> BTreeMap<u32, Answer> {
    pairs.iter().cloned().collect()
}

#[test]
fn a_consultation_runs_from_submissions_to_its_synthesis_and_the_decision_it_informed() {
    let mut st = opened();
    let c = &st.consultations.consultations[&1];
    assert_eq!(
        c.status(Day::parse("2027-01-10").unwrap()),
        Status::Upcoming
    );
    let during = at("2027-01-20T10:00:00Z");
    // Before it opens: refused.
    let early = refusal(run_at(
        &mut st,
        at("2027-01-05T10:00:00Z"),
        &cmd(consultations::Command::Submit {
            consultation: 1,
            respondent: Respondent::State { state: iso("DNK") },
            answers: answers(&[(1, Answer::Choice(0))]),
            confidential: false,
        }),
    ));
    assert!(matches!(early, Refusal::NotOpen { .. }), "{early:?}");
    // A state, published.
    run_at(
        &mut st,
        during,
        &cmd(consultations::Command::Submit {
            consultation: 1,
            respondent: Respondent::State { state: iso("DNK") },
            answers: answers(&[
                (1, Answer::Choice(2)),
                (2, Answer::Scale(5)),
                (3, Answer::Text("  Audit the models.  ".into())),
            ]),
            confidential: false,
        }),
    )
    .unwrap();
    // The organisation, confidential: named, its answers withheld, their hash published.
    let mine = answers(&[(1, Answer::Choice(1)), (2, Answer::Scale(2))]);
    let org = Respondent::Organisation { accreditation: 1 };
    run_at(
        &mut st,
        during,
        &cmd(consultations::Command::Submit {
            consultation: 1,
            respondent: org.clone(),
            answers: mine.clone(),
            confidential: true,
        }),
    )
    .unwrap();
    let c = &st.consultations.consultations[&1];
    assert_eq!(c.submissions.len(), 2);
    assert_eq!(
        c.submissions[0].answers[&3],
        Answer::Text("Audit the models.".into())
    );
    let hidden = &c.submissions[1];
    assert!(hidden.confidential && hidden.answers.is_empty());
    assert_eq!(hidden.respondent, Some(org.clone()));
    assert_eq!(hidden.kind, RespondentKind::Organisation);
    assert_eq!(hidden.country, iso("KEN"));
    assert_eq!(hidden.sha256, content_sha256(&org, &mine));
    // The figures count published answers only.
    let results = c.results();
    assert_eq!(results[0].counts, vec![0, 0, 1]);
    assert_eq!(results[1].counts, vec![0, 0, 0, 0, 1]);
    assert_eq!(results[2].answered, 1);
    assert_eq!(c.by_kind()[&RespondentKind::Organisation], 1);

    // Each respondent speaks once, confidential or not.
    for r in [org.clone(), Respondent::State { state: iso("DNK") }] {
        let again = refusal(run_at(
            &mut st,
            during,
            &cmd(consultations::Command::Submit {
                consultation: 1,
                respondent: r,
                answers: answers(&[(1, Answer::Choice(0))]),
                confidential: false,
            }),
        ));
        assert_eq!(again, Refusal::AlreadyResponded(1));
    }
    // The public is not in this audience.
    let public = refusal(run_at(
        &mut st,
        during,
        &cmd(consultations::Command::Submit {
            consultation: 1,
            respondent: Respondent::Person {
                name: "Ada".into(),
                country: iso("FRA"),
                organisation: None,
            },
            answers: answers(&[(1, Answer::Choice(0))]),
            confidential: false,
        }),
    ));
    assert!(
        matches!(public, Refusal::NotInAudience { .. }),
        "{public:?}"
    );

    // The close waits for the closing day, then counts.
    let close = cmd(consultations::Command::Close { consultation: 1 });
    let soon = refusal(run_at(&mut st, at("2027-02-26T18:00:00Z"), &close));
    assert!(matches!(soon, Refusal::NotEnded { .. }), "{soon:?}");
    run_at(&mut st, at("2027-02-27T09:00:00Z"), &close).unwrap();
    assert_eq!(st.consultations.consultations[&1].closed.unwrap().1, 2);

    // The synthesis: a resolution of the Council, adopted by its rule.
    let seats: Vec<Iso3> = st.members.keys().take(25).cloned().collect();
    let t = at("2027-03-01T09:00:00Z");
    run_at(
        &mut st,
        t,
        &Command::Base(base::Command::AssignSeats {
            organ: "governing_council".into(),
            states: seats,
        }),
    )
    .unwrap();
    run_at(
        &mut st,
        t,
        &Command::Motion(motion::Command::TableMotion {
            decision: "resolution".into(),
            title: "Synthesis of the consultation on the Compact".into(),
            text: "Respondents put AI accountability first.".into(),
            sponsor: Seat::Organ("civil_society_network".into()),
        }),
    )
    .unwrap();
    let m = *st.motions.keys().last().unwrap();
    let adopt = cmd(consultations::Command::AdoptSynthesis {
        consultation: 1,
        motion: m,
    });
    let not_yet = refusal(run_at(&mut st, t, &adopt));
    assert!(matches!(not_yet, Refusal::NotAdopted { .. }), "{not_yet:?}");
    run_at(
        &mut st,
        t,
        &Command::Motion(motion::Command::OpenDebate { motion: m }),
    )
    .unwrap();
    run_at(
        &mut st,
        t,
        &Command::Motion(motion::Command::OpenVote {
            motion: m,
            closes_at: at("2027-03-02T09:00:00Z"),
            order: None,
        }),
    )
    .unwrap();
    let electorate = st.motions[&m].ballot.as_ref().unwrap().electorate.clone();
    for s in electorate {
        run_at(
            &mut st,
            t,
            &Command::Motion(motion::Command::CastVote {
                motion: m,
                state: s,
                vote: Vote::Yes,
            }),
        )
        .unwrap();
    }
    run_at(
        &mut st,
        at("2027-03-02T09:00:00Z"),
        &Command::Motion(motion::Command::CloseVote {
            motion: m,
            casting_vote: None,
        }),
    )
    .unwrap();
    run_at(&mut st, at("2027-03-02T10:00:00Z"), &adopt).unwrap();
    let c = &st.consultations.consultations[&1];
    assert_eq!(
        c.status(Day::parse("2027-03-02").unwrap()),
        Status::Concluded
    );
    assert_eq!(
        c.synthesis.as_ref().unwrap().text,
        "Respondents put AI accountability first."
    );
    let again = refusal(run_at(&mut st, at("2027-03-02T10:00:00Z"), &adopt));
    assert_eq!(again, Refusal::HasSynthesis(1));
    // Linked to the decision it informed, once.
    let link = cmd(consultations::Command::LinkDecision {
        consultation: 1,
        motion: m,
        note: "The Council's position for the Compact".into(),
    });
    run_at(&mut st, at("2027-03-03T10:00:00Z"), &link).unwrap();
    assert_eq!(st.consultations.informing(m).count(), 1);
    let twice = refusal(run_at(&mut st, at("2027-03-03T10:00:00Z"), &link));
    assert!(matches!(twice, Refusal::Linked { .. }), "{twice:?}");
}

#[test]
fn answers_must_fit_their_questions_and_refusals_change_nothing() {
    let mut st = opened();
    let during = at("2027-01-20T10:00:00Z");
    let before = serde_json::to_string(&st).unwrap();
    let try_ = |st: &mut State, pairs: &[(u32, Answer)]| {
        refusal(run_at(
            st,
            during,
            &cmd(consultations::Command::Submit {
                consultation: 1,
                respondent: Respondent::State { state: iso("DNK") },
                answers: answers(pairs),
                confidential: false,
            }),
        ))
    };
    assert_eq!(
        try_(&mut st, &[(1, Answer::Choice(3))]),
        Refusal::BadAnswer {
            number: 1,
            expected: "one of the options"
        }
    );
    assert!(matches!(
        try_(&mut st, &[(2, Answer::Scale(6))]),
        Refusal::BadAnswer { number: 2, .. }
    ));
    assert!(matches!(
        try_(&mut st, &[(3, Answer::Choice(0))]),
        Refusal::BadAnswer { number: 3, .. }
    ));
    assert!(matches!(
        try_(&mut st, &[(9, Answer::Scale(1))]),
        Refusal::NoQuestion { number: 9, .. }
    ));
    assert_eq!(
        try_(&mut st, &[(3, Answer::Text("   ".into()))]),
        Refusal::NoAnswer
    );
    // Not a member; an organisation not accredited.
    let nm = refusal(run_at(
        &mut st,
        during,
        &cmd(consultations::Command::Submit {
            consultation: 1,
            respondent: Respondent::State { state: iso("CHN") },
            answers: answers(&[(1, Answer::Choice(0))]),
            confidential: false,
        }),
    ));
    assert_eq!(nm, Refusal::NotAMember(iso("CHN")));
    let na = refusal(run_at(
        &mut st,
        during,
        &cmd(consultations::Command::Submit {
            consultation: 1,
            respondent: Respondent::Organisation { accreditation: 7 },
            answers: answers(&[(1, Answer::Choice(0))]),
            confidential: false,
        }),
    ));
    assert_eq!(na, Refusal::NotAccredited(7));
    assert_eq!(serde_json::to_string(&st).unwrap(), before);
    // An opening with a bad organ, period or question.
    let bad = |c: consultations::Command| refusal(run_at(&mut st.clone(), during, &cmd(c)));
    let Command::Consultations(consultations::Command::Open {
        organ,
        title,
        question,
        questions,
        opens,
        closes,
        audience,
    }) = Command::Consultations(file::parse("gdc.toml", FILE).unwrap())
    else {
        unreachable!()
    };
    let open =
        |organ: &str, closes: Day, qs: Vec<consultations::Question>| consultations::Command::Open {
            organ: organ.into(),
            title: title.clone(),
            question: question.clone(),
            questions: qs,
            opens,
            closes,
            audience,
        };
    assert_eq!(
        bad(open("politburo", closes, questions.clone())),
        Refusal::UnknownOrgan("politburo".into())
    );
    assert!(matches!(
        bad(open(
            &organ,
            Day::parse("2026-01-01").unwrap(),
            questions.clone()
        )),
        Refusal::BadPeriod { .. }
    ));
    assert_eq!(bad(open(&organ, closes, Vec::new())), Refusal::Questions);
}
