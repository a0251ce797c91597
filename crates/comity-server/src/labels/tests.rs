//! Every refusal, denial and journal line has its words in every language.

use comity_core::auth::Denied;
use comity_core::motion::{Item, MotionStatus, Seat};
use comity_core::{DomainError as E, Iso3, Timestamp};

use super::*;
use crate::i18n::{Catalog, Lang};

/// Every refusal and denial, and every message id built at run time, exists in every language.
#[test]
fn every_refusal_and_dynamic_id_has_a_message() {
    let catalog = Catalog::load().unwrap();
    let iso = Iso3::parse("DNK").unwrap();
    let t = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
    let errors = vec![
        E::Base(comity_core::base::Refusal::CharterAlreadyAdopted),
        E::Base(comity_core::base::Refusal::NoCharter),
        E::Base(comity_core::base::Refusal::AlreadyFounded),
        E::Base(comity_core::base::Refusal::NoStates),
        E::Base(comity_core::base::Refusal::FoundersNotEligible {
            criterion: "c".into(),
            refused: vec![],
        }),
        E::Base(comity_core::base::Refusal::UnknownState(iso.clone())),
        E::Base(comity_core::base::Refusal::NothingNew { what: "x".into() }),
        E::Base(comity_core::base::Refusal::EmptyImport),
        E::Base(comity_core::base::Refusal::UnknownOrgan("o".into())),
        E::Base(comity_core::base::Refusal::UnknownDecision("d".into())),
        E::Base(comity_core::base::Refusal::EmptyField { field: "title" }),
        E::Base(comity_core::base::Refusal::TooLong {
            field: "title",
            max: 200,
        }),
        E::Base(comity_core::base::Refusal::NoFixedSeats { organ: "o".into() }),
        E::Base(comity_core::base::Refusal::SeatCount {
            organ: "o".into(),
            seats: 25,
            given: 3,
        }),
        E::Base(comity_core::base::Refusal::NotAMember(iso.clone())),
        E::Base(comity_core::base::Refusal::Duplicate("DNK".into())),
        E::Motion(comity_core::motion::Refusal::UnknownMotion(1)),
        E::Motion(comity_core::motion::Refusal::UnknownAmendment {
            motion: 1,
            amendment: 2,
        }),
        E::Motion(comity_core::motion::Refusal::WrongStatus {
            motion: 1,
            status: MotionStatus::UnderDebate,
            act: "x",
        }),
        E::Motion(comity_core::motion::Refusal::AmendmentSettled {
            motion: 1,
            amendment: 2,
            status: "lapsed",
        }),
        E::Motion(comity_core::motion::Refusal::AlreadySponsor {
            motion: 1,
            seat: "DNK".into(),
        }),
        E::Motion(comity_core::motion::Refusal::VoteAlreadyOpen {
            motion: 1,
            item: Item::Amendment(2),
        }),
        E::Motion(comity_core::motion::Refusal::NoVoteOpen(1)),
        E::Motion(comity_core::motion::Refusal::DeadlineInPast {
            closes_at: t,
            now: t,
        }),
        E::Motion(comity_core::motion::Refusal::NoElectorate("o".into())),
        E::Motion(comity_core::motion::Refusal::NotSeated {
            state: iso.clone(),
            organ: "o".into(),
        }),
        E::Motion(comity_core::motion::Refusal::VoteOver { closes_at: t }),
        E::Motion(comity_core::motion::Refusal::SameVote {
            state: iso.clone(),
            vote: "yes",
        }),
        E::Motion(comity_core::motion::Refusal::VoteStillOpen {
            closes_at: t,
            missing: 3,
        }),
        E::Motion(comity_core::motion::Refusal::PersonsVoteUnsupported(
            "o".into(),
        )),
        E::Election(comity_core::election::Refusal::UnknownElection(1)),
        E::Assembly(comity_core::assembly::Refusal::NotByLot("o".into())),
        E::Assembly(comity_core::assembly::Refusal::VolunteerInvalid {
            volunteer: 1,
            field: "f".into(),
            detail: "d".into(),
        }),
        E::Assembly(comity_core::assembly::Refusal::PoolClosed(1)),
        E::Assembly(comity_core::assembly::Refusal::DrawPending(1)),
        E::Assembly(comity_core::assembly::Refusal::NoDrawPending("o".into())),
        E::Assembly(comity_core::assembly::Refusal::SeedMismatch),
        E::Membership(comity_core::membership::Refusal::AlreadyMember(iso.clone())),
        E::Membership(comity_core::membership::Refusal::ApplicationPending {
            state: iso.clone(),
            application: 1,
        }),
        E::Membership(comity_core::membership::Refusal::UnknownApplication(1)),
        E::Membership(comity_core::membership::Refusal::NotEligible {
            application: 1,
            report: "x".into(),
        }),
        E::Membership(comity_core::membership::Refusal::ApplicationSettled {
            application: 1,
            status: "admitted",
        }),
        E::Membership(comity_core::membership::Refusal::UnknownReview(1)),
        E::Membership(comity_core::membership::Refusal::ReviewBusy(1)),
        E::Membership(comity_core::membership::Refusal::Suspended {
            state: iso.clone(),
            review: 1,
        }),
        E::Network(comity_core::network::Refusal::OutsidePowers {
            organ: "o".into(),
            clause: "c".into(),
        }),
        E::Network(comity_core::network::Refusal::OpinionGiven {
            organ: "o".into(),
            motion: 1,
        }),
        E::Network(comity_core::network::Refusal::OpinionPending {
            organ: "o".into(),
            until: t,
        }),
        E::Network(comity_core::network::Refusal::NetworkVotedAlready {
            organ: "o".into(),
            motion: 1,
            act: "objection",
        }),
        E::Network(comity_core::network::Refusal::CoDecisionPending {
            organ: "o".into(),
            motion: 1,
        }),
        E::Network(comity_core::network::Refusal::ObjectionTooLate {
            motion: 1,
            until: t,
        }),
        E::Network(comity_core::network::Refusal::NoDivisionOpen {
            organ: "o".into(),
            motion: 1,
        }),
        E::Network(comity_core::network::Refusal::DivisionOpen {
            organ: "o".into(),
            motion: 1,
        }),
        E::Network(comity_core::network::Refusal::NoAccreditedMembers(
            "o".into(),
        )),
        E::Network(comity_core::network::Refusal::NotInDivision {
            member: 9,
            organ: "o".into(),
        }),
        E::Network(comity_core::network::Refusal::SameNetworkVote {
            member: 9,
            vote: "yes",
        }),
        E::Network(comity_core::network::Refusal::UnknownAccreditation(1)),
        E::Network(comity_core::network::Refusal::AccreditationSettled(1)),
        E::Network(comity_core::network::Refusal::NotANetwork { organ: "o".into() }),
        E::Caucus(comity_core::caucus::Refusal::UnknownItem(1)),
        E::Caucus(comity_core::caucus::Refusal::AlreadyOnAgenda {
            symbol: "A/74/L.1".into(),
            session: 74,
            item: 1,
        }),
        E::Caucus(comity_core::caucus::Refusal::UnknownIssue("xx".into())),
        E::Caucus(comity_core::caucus::Refusal::AfterPlenary {
            symbol: "A/74/L.1".into(),
            plenary: comity_core::ids::Day::parse("2019-12-18").unwrap(),
        }),
        E::Caucus(comity_core::caucus::Refusal::BeforePlenary {
            symbol: "A/74/L.1".into(),
            plenary: comity_core::ids::Day::parse("2019-12-18").unwrap(),
        }),
        E::Caucus(comity_core::caucus::Refusal::PositionTaken { item: 1 }),
        E::Caucus(comity_core::caucus::Refusal::ProposalPending { item: 1, motion: 2 }),
        E::Caucus(comity_core::caucus::Refusal::DuplicateVote {
            state: comity_core::Iso3::parse("DNK").unwrap(),
        }),
        E::Caucus(comity_core::caucus::Refusal::NotAMember {
            state: comity_core::Iso3::parse("CHN").unwrap(),
        }),
        E::Caucus(comity_core::caucus::Refusal::VotesNotRecorded { item: 1 }),
        E::Caucus(comity_core::caucus::Refusal::NoPosition { item: 1 }),
        E::Caucus(comity_core::caucus::Refusal::Followed {
            item: 1,
            state: comity_core::Iso3::parse("DNK").unwrap(),
        }),
        E::Caucus(comity_core::caucus::Refusal::AlreadyImported { import: 1 }),
        E::Caucus(comity_core::caucus::Refusal::EmptyImport),
        E::Treaty(comity_core::treaty::Refusal::UnknownTreaty("t".into())),
        E::Treaty(comity_core::treaty::Refusal::TreatyExists("t".into())),
        E::Treaty(comity_core::treaty::Refusal::TreatyStage {
            treaty: "t".into(),
            stage: "open_for_signature",
            act: "x",
        }),
        E::Treaty(comity_core::treaty::Refusal::OpenBrackets {
            treaty: "t".into(),
            count: 2,
        }),
        E::Treaty(comity_core::treaty::Refusal::DepositBeforeOpening {
            state: iso.clone(),
            date: comity_core::ids::Day::parse("2026-01-01").unwrap(),
            opened: comity_core::ids::Day::parse("2026-02-01").unwrap(),
        }),
        E::Treaty(comity_core::treaty::Refusal::AlreadyDeposited {
            state: iso.clone(),
            date: comity_core::ids::Day::parse("2026-01-01").unwrap(),
        }),
    ];
    let mut errors = errors;
    errors.extend(typed_refusals(&iso));
    let denials = vec![
        Denied::SecretariatOnly { act: "x" },
        Denied::NotYourSeat {
            seat: Seat::State(iso.clone()),
            roles: "observer".into(),
        },
        Denied::MayNotTable {
            seat: Seat::State(iso),
            organ: "o".into(),
            decision: "d".into(),
            tabled_by: vec![],
        },
        Denied::NotYourAccreditation {
            member: 9,
            roles: "observer".into(),
        },
        Denied::NoCharter,
        Denied::UnknownMotion(1),
        Denied::UnknownDecision("d".into()),
    ];
    for lang in Lang::ALL {
        let tr = Tr {
            catalog: &catalog,
            lang,
        };
        for e in &errors {
            let text = refusal(&tr, e);
            assert!(
                !text.starts_with("refused-") && !text.contains("{"),
                "{lang}: {}: {text}",
                e.id()
            );
        }
        for d in &denials {
            let text = denial(&tr, d);
            assert!(!text.starts_with("refused-"), "{lang}: {}: {text}", d.id());
        }
        let ids = Catalog::ids(lang);
        let dynamic = [
            "motion-status-tabled",
            "motion-status-under-debate",
            "motion-status-voting",
            "motion-status-adopted",
            "motion-status-rejected",
            "motion-status-withdrawn",
            "amendment-status-tabled",
            "amendment-status-adopted",
            "amendment-status-rejected",
            "amendment-status-lapsed",
            "amendment-status-withdrawn",
            "vote-yes",
            "vote-no",
            "vote-abstain",
            "vote-absent",
            "outcome-adopted",
            "outcome-rejected",
            "outcome-no-quorum",
            "role-secretariat",
            "role-parliamentarian",
            "role-civil-society",
            "role-citizen",
            "role-observer",
            "fhs-F",
            "fhs-PF",
            "fhs-NF",
        ];
        for id in dynamic {
            assert!(ids.iter().any(|i| i == id), "{lang} lacks {id}");
        }
    }
}

/// Every kind of journal entry (the golden journal holds each) reads as a line of its own
/// in every language: a message exists, its arguments are filled, no kind is unknown.
#[test]
fn every_entry_of_the_golden_journal_has_its_line_in_every_language() {
    let catalog = Catalog::load().unwrap();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../comity-core/tests/golden/journal.jsonl"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut state = comity_core::State::new();
    let mut seen = std::collections::BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let entry = comity_core::journal::parse_json_line(i + 1, line).unwrap();
        state.apply(&entry).unwrap();
        if !seen.insert(entry.kind.clone()) {
            continue;
        }
        for lang in Lang::ALL {
            let tr = Tr {
                catalog: &catalog,
                lang,
            };
            let line = entry_summary(&tr, &state, &entry);
            assert!(
                !line.is_empty() && !line.starts_with("ev-") && !line.contains("{$"),
                "{lang}: {}: {line}",
                entry.kind
            );
            assert_ne!(line, tr.t1("ev-unknown", "kind", entry.kind.as_str()));
        }
    }
    assert_eq!(seen.len(), 82);
}

/// One refusal of every typed kind (each capability's own words).
fn typed_refusals(iso: &Iso3) -> Vec<E> {
    use comity_core::assembly::SortitionError as S;
    use comity_core::base::RuleError as R;
    use comity_core::election::ElectionError as El;
    use comity_core::motion::OrderError as O;
    use comity_core::treaty::text::{BracketRef, Draft, EditError as Ed};
    use comity_core::treaty::{ActError as A, AdoptionError as Ad, InvalidError as I};
    let day = comity_core::ids::Day::parse("2026-01-01").unwrap();
    let t = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
    let b = BracketRef::top("art_1__para_1", 0);
    let text_errors = Draft::parse("no title").unwrap_err();
    let (s, n) = (|| "x".to_owned(), Some(1));
    let mut v = vec![
        E::Motion(comity_core::motion::Refusal::BadOrder(O::NotTheTabled {
            tabled: vec![1, 2],
            given: vec![2],
        })),
        E::Motion(comity_core::motion::Refusal::BadOrder(O::AlreadyStated)),
        E::Base(comity_core::base::Refusal::Rule(R::EmptyDivision)),
        E::Base(comity_core::base::Refusal::Rule(R::ClosesBeforeOpening {
            now: t,
        })),
        E::Base(comity_core::base::Refusal::Rule(R::AbsentIsNoVote)),
        E::Base(comity_core::base::Refusal::Rule(R::Tally { detail: s() })),
        E::Assembly(comity_core::assembly::Refusal::Sortition(S::PoolTooSmall {
            pool: 3,
            seats: 5,
        })),
        E::Assembly(comity_core::assembly::Refusal::Sortition(S::Infeasible {
            why: s(),
        })),
        E::Assembly(comity_core::assembly::Refusal::Sortition(
            S::UnknownAlgorithm { algorithm: s() },
        )),
        E::Assembly(comity_core::assembly::Refusal::Sortition(S::Selection {
            detail: s(),
        })),
        E::Treaty(comity_core::treaty::Refusal::TreatyInvalid(I::File {
            detail: s(),
        })),
        E::Treaty(comity_core::treaty::Refusal::TreatyInvalid(I::Text(
            text_errors.clone(),
        ))),
        E::Treaty(comity_core::treaty::Refusal::TreatyEdit(
            Ed::UnknownParagraph(s()),
        )),
        E::Treaty(comity_core::treaty::Refusal::TreatyEdit(
            Ed::UnknownBracket(b.clone()),
        )),
        E::Treaty(comity_core::treaty::Refusal::TreatyEdit(
            Ed::UnknownAlternative {
                bracket: b.clone(),
                index: 2,
                count: 2,
            },
        )),
        E::Treaty(comity_core::treaty::Refusal::TreatyEdit(Ed::EmptyWording)),
        E::Treaty(comity_core::treaty::Refusal::TreatyEdit(
            Ed::InvalidWording(text_errors),
        )),
        E::Treaty(comity_core::treaty::Refusal::TreatyEdit(
            Ed::DuplicateAlternative {
                bracket: b.clone(),
                index: 0,
            },
        )),
        E::Treaty(comity_core::treaty::Refusal::TreatyEdit(Ed::WouldEmpty {
            bracket: b.clone(),
            what: s(),
        })),
        E::Treaty(comity_core::treaty::Refusal::TreatyEdit(Ed::TooDeep {
            bracket: b,
            max: 10,
        })),
    ];
    for e in [
        El::UnknownMethod {
            method: s(),
            known: s(),
        },
        El::Candidates,
        El::Seats {
            max: 1,
            candidates: 2,
        },
        El::AlreadyVoted { state: iso.clone() },
        El::Counted,
        El::BoxMismatch {
            ballots: 1,
            voted: 2,
        },
        El::NoBallot,
        El::ThroughTheBallotBox,
        El::Count { detail: s() },
        El::NoRegister,
        El::RegisterVoted {
            index: 0,
            state: iso.clone(),
        },
        El::ZeroCount { index: 0 },
        El::FileMismatch {
            ballots: 1,
            states: 2,
        },
        El::EmptyRanking { ballot: n },
        El::NotACandidate {
            ballot: None,
            pos: 0,
            name: s(),
        },
        El::RankedTwice {
            ballot: n,
            pos: 0,
            name: s(),
        },
    ] {
        v.push(E::Election(comity_core::election::Refusal::Invalid(e)));
    }
    for e in [
        A::DateInFuture {
            date: day,
            today: day,
        },
        A::NotTheOrgansDecision {
            motion: 1,
            organ: s(),
            treaty: s(),
        },
        A::SignatureBeforeAdoption {
            treaty: s(),
            date: day,
            adopted: day,
        },
        A::SignedBeforeOpening {
            state: iso.clone(),
            date: day,
            treaty: s(),
            opened: day,
        },
        A::AlreadySigned {
            state: iso.clone(),
            treaty: s(),
            date: day,
        },
        A::NoInstrument {
            reserving: iso.clone(),
            treaty: s(),
        },
        A::NoSuchReservation {
            reserving: iso.clone(),
            count: 1,
            reservation: 2,
        },
        A::OwnReservation { state: iso.clone() },
        A::ObjectionBeforeReservation {
            date: day,
            made: day,
        },
        A::NotAParty {
            treaty: s(),
            state: iso.clone(),
        },
        A::AlreadyWithdrawn {
            state: iso.clone(),
            date: day,
        },
        A::WithdrawalTooEarly {
            state: iso.clone(),
            from: day,
            clause: s(),
            date: day,
        },
        A::PastTheCalendar,
        A::OutOfOrder {
            latest: day,
            date: day,
        },
        A::NotSigned {
            state: iso.clone(),
            treaty: s(),
            instrument: s(),
        },
        A::ShareMissing {
            treaty: s(),
            quantity: s(),
            state: iso.clone(),
        },
    ] {
        v.push(E::Treaty(comity_core::treaty::Refusal::TreatyAct(e)));
    }
    for detail in [
        Ad::WrongKind {
            kind: s(),
            expected: s(),
        },
        Ad::NotAdopted {
            status: "under_debate".into(),
        },
        Ad::BeforeLastChange {
            tabled: 1,
            last_change: 2,
        },
        Ad::AdoptedAnother { treaty: s() },
    ] {
        v.push(E::Treaty(comity_core::treaty::Refusal::AdoptionMotion {
            motion: 1,
            detail,
        }));
    }
    v
}

/// A typed refusal reads in the reader's language: its own message exists in every
/// language, every argument is filled, and no English detail is left over in French.
#[test]
fn typed_refusals_have_their_own_words_in_every_language() {
    let catalog = Catalog::load().unwrap();
    let iso = Iso3::parse("DNK").unwrap();
    for e in typed_refusals(&iso) {
        let (id, _) = e.detail().unwrap();
        for lang in Lang::ALL {
            assert!(
                Catalog::ids(lang).iter().any(|i| i == id),
                "{lang} lacks {id}"
            );
            let tr = Tr {
                catalog: &catalog,
                lang,
            };
            let text = refusal(&tr, &e);
            assert!(
                !text.contains("{$") && !text.contains("treaty-text-"),
                "{lang}: {id}: {text}"
            );
        }
    }
    let fr = Tr {
        catalog: &catalog,
        lang: Lang::Fr,
    };
    let e = E::Treaty(comity_core::treaty::Refusal::TreatyInvalid(
        comity_core::treaty::InvalidError::Text(
            comity_core::treaty::text::Draft::parse("no title").unwrap_err(),
        ),
    ));
    let text = refusal(&fr, &e);
    assert!(
        text.starts_with("Le texte du traité n'est pas valide à la ligne 1"),
        "{text}"
    );
}
