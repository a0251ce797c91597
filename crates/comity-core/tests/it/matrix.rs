//! The authorization matrix (issue 22): every role × every act, for every shipped charter,
//! the expected answer worked out here from the charter (its organs, who fills their seats,
//! who may table what) and compared with `authorize`. The acts are generated from the charter:
//! one per organ where an act names an organ, one per seat where it names a seat. With
//! `authorize.rs` (motions and treaties, in depth), every command of every capability is
//! checked: `act` below names each variant, and the test fails if one is never tried.

use comity_core::auth::{Principal, Role, authorize};
use comity_core::charter::{Charter, SeatHolders};
use comity_core::ids::Day;
use comity_core::journal::Hash;
use comity_core::motion::Seat;
use comity_core::pledges::{Amount, Level, NewAssessment, NewReport, Reading, Source};
use comity_core::{Actor, Command, Iso3, State, Timestamp, data};
use comity_core::{
    assembly, base, caucus, consultations, election, initiatives, membership, motion, network,
    pledges, reporting, sanctions, treaty,
};
use comity_voting::rules::Vote;

use crate::found;

/// The variant a command is, by capability: an exhaustive match, so a new command does not
/// compile until it is named here, and then fails the test until the matrix tries it.
fn act(cmd: &Command) -> &'static str {
    match cmd {
        Command::Base(c) => match c {
            base::Command::ImportStates { .. } => "base.import_states",
            base::Command::ImportFreedomHouse { .. } => "base.import_freedom_house",
            base::Command::ImportVdem { .. } => "base.import_vdem",
            base::Command::AdoptCharter { .. } => "base.adopt_charter",
            base::Command::AdmitFoundingMembers => "base.admit_founding_members",
            base::Command::AssignSeats { .. } => "base.assign_seats",
            base::Command::PublishLogKey { .. } => "base.publish_log_key",
        },
        Command::Motion(c) => match c {
            motion::Command::TableMotion { .. } => "motion.table",
            motion::Command::Cosponsor { .. } => "motion.cosponsor",
            motion::Command::TableAmendment { .. } => "motion.amend",
            motion::Command::WithdrawMotion { .. } => "motion.withdraw",
            motion::Command::WithdrawAmendment { .. } => "motion.withdraw_amendment",
            motion::Command::OpenDebate { .. } => "motion.open_debate",
            motion::Command::OpenVote { .. } => "motion.open_vote",
            motion::Command::CastVote { .. } => "motion.cast_vote",
            motion::Command::CloseVote { .. } => "motion.close_vote",
        },
        Command::Election(c) => match c {
            election::Command::OpenElection { .. } => "election.open",
            election::Command::CastBallot { .. } => "election.cast_ballot",
            election::Command::RecordPaperBallots { .. } => "election.paper_ballots",
            election::Command::CloseElection { .. } => "election.close",
        },
        Command::Assembly(c) => match c {
            assembly::Command::RegisterVolunteers { .. } => "assembly.register",
            assembly::Command::CommitDraw { .. } => "assembly.commit",
            assembly::Command::DrawAssembly { .. } => "assembly.draw",
        },
        Command::Membership(c) => match c {
            membership::Command::ApplyForMembership { .. } => "membership.apply",
            membership::Command::ReferApplication { .. } => "membership.refer",
            membership::Command::ProposeMeasure { .. } => "membership.propose_measure",
            membership::Command::DesignateDemocracyOfficer { .. } => "membership.designate",
        },
        Command::Network(c) => match c {
            network::Command::GiveOpinion { .. } => "network.opinion",
            network::Command::NetworkVote { .. } => "network.vote",
            network::Command::OpenNetworkDivision { .. } => "network.open_division",
            network::Command::CastNetworkVote { .. } => "network.cast_vote",
            network::Command::CloseNetworkDivision { .. } => "network.close_division",
            network::Command::RequestAccreditation { .. } => "network.request_accreditation",
            network::Command::DecideAccreditation { .. } => "network.decide_accreditation",
        },
        Command::Reporting(c) => match c {
            reporting::Command::SubmitReport { .. } => "reporting.submit",
        },
        Command::Treaty(c) => match c {
            treaty::Command::OpenTreaty { .. } => "treaty.open",
            treaty::Command::OpenTreatyRound { .. } => "treaty.open_round",
            treaty::Command::ProposeWording { .. } => "treaty.propose_wording",
            treaty::Command::ResolveBracket { .. } => "treaty.resolve_bracket",
            treaty::Command::AdoptTreaty { .. } => "treaty.adopt",
            treaty::Command::OpenTreatyForSignature { .. } => "treaty.open_for_signature",
            treaty::Command::SignTreaty { .. } => "treaty.sign",
            treaty::Command::DepositInstrument { .. } => "treaty.deposit",
            treaty::Command::ObjectToReservation { .. } => "treaty.object",
            treaty::Command::WithdrawFromTreaty { .. } => "treaty.withdraw",
        },
        Command::Caucus(c) => match c {
            caucus::Command::PlaceOnAgenda { .. } => "caucus.place_on_agenda",
            caucus::Command::ProposePosition { .. } => "caucus.propose_position",
            caucus::Command::RecordPlenaryVotes { .. } => "caucus.record_plenary_votes",
            caucus::Command::ExplainVote { .. } => "caucus.explain_vote",
            caucus::Command::ImportVotes { .. } => "caucus.import_votes",
        },
        Command::Pledges(c) => match c {
            pledges::Command::Make(_) => "pledges.make",
            pledges::Command::Report { .. } => "pledges.report",
            pledges::Command::Assess { .. } => "pledges.assess",
            pledges::Command::Import { .. } => "pledges.import",
        },
        Command::Sanctions(c) => match c {
            sanctions::Command::ProposeListing { .. } => "sanctions.propose",
            sanctions::Command::RecordImplementation { .. } => "sanctions.implement",
            sanctions::Command::ReviewListing { .. } => "sanctions.review",
            sanctions::Command::JustifyDifference { .. } => "sanctions.justify",
            sanctions::Command::PublishRelease { .. } => "sanctions.publish",
        },
        Command::Initiatives(c) => match c {
            initiatives::Command::Register { .. } => "initiatives.register",
            initiatives::Command::DecideAdmissibility { .. } => "initiatives.admissibility",
            initiatives::Command::RecordSignatures { .. } => "initiatives.record",
            initiatives::Command::Invalidate { .. } => "initiatives.invalidate",
            initiatives::Command::ReverseInvalidation { .. } => "initiatives.reverse",
            initiatives::Command::CloseCollection { .. } => "initiatives.close",
            initiatives::Command::PublishSeed { .. } => "initiatives.seed",
            initiatives::Command::Certify { .. } => "initiatives.certify",
            initiatives::Command::DeclareVerdict { .. } => "initiatives.verdict",
            initiatives::Command::Answer { .. } => "initiatives.answer",
        },
        Command::Consultations(c) => match c {
            consultations::Command::Open { .. } => "consultations.open",
            consultations::Command::Submit { .. } => "consultations.submit",
            consultations::Command::Close { .. } => "consultations.close",
            consultations::Command::AdoptSynthesis { .. } => "consultations.synthesis",
            consultations::Command::LinkDecision { .. } => "consultations.link",
        },
    }
}

/// Every variant `act` names, in the order written there.
const ALL_ACTS: &[&str] = &[
    "base.import_states",
    "base.import_freedom_house",
    "base.import_vdem",
    "base.adopt_charter",
    "base.admit_founding_members",
    "base.assign_seats",
    "base.publish_log_key",
    "motion.table",
    "motion.cosponsor",
    "motion.amend",
    "motion.withdraw",
    "motion.withdraw_amendment",
    "motion.open_debate",
    "motion.open_vote",
    "motion.cast_vote",
    "motion.close_vote",
    "election.open",
    "election.cast_ballot",
    "election.paper_ballots",
    "election.close",
    "assembly.register",
    "assembly.commit",
    "assembly.draw",
    "membership.apply",
    "membership.refer",
    "membership.propose_measure",
    "membership.designate",
    "network.opinion",
    "network.vote",
    "network.open_division",
    "network.cast_vote",
    "network.close_division",
    "network.request_accreditation",
    "network.decide_accreditation",
    "reporting.submit",
    "treaty.open",
    "treaty.open_round",
    "treaty.propose_wording",
    "treaty.resolve_bracket",
    "treaty.adopt",
    "treaty.open_for_signature",
    "treaty.sign",
    "treaty.deposit",
    "treaty.object",
    "treaty.withdraw",
    "caucus.place_on_agenda",
    "caucus.propose_position",
    "caucus.record_plenary_votes",
    "caucus.explain_vote",
    "caucus.import_votes",
    "pledges.make",
    "pledges.report",
    "pledges.assess",
    "pledges.import",
    "sanctions.propose",
    "sanctions.implement",
    "sanctions.review",
    "sanctions.justify",
    "sanctions.publish",
    "initiatives.register",
    "initiatives.admissibility",
    "initiatives.record",
    "initiatives.invalidate",
    "initiatives.reverse",
    "initiatives.close",
    "initiatives.seed",
    "initiatives.certify",
    "initiatives.verdict",
    "initiatives.answer",
    "consultations.open",
    "consultations.submit",
    "consultations.close",
    "consultations.synthesis",
    "consultations.link",
];

/// A member, a state that is not one, and the roles the matrix tries.
struct Cast {
    member: Iso3,
    outsider: Iso3,
    roles: Vec<Role>,
}

fn cast(state: &State) -> Cast {
    let member = state
        .members
        .keys()
        .next()
        .expect("a founded alliance")
        .clone();
    let outsider = state
        .registry
        .countries()
        .map(|c| c.iso3.clone())
        .find(|iso| !state.members.contains_key(iso))
        .expect("a state that is not a member");
    let roles = vec![
        Role::Secretariat,
        Role::StateDelegate(member.clone()),
        Role::StateDelegate(outsider.clone()),
        Role::Parliamentarian,
        Role::CivilSociety,
        Role::Citizen,
        Role::Observer,
        Role::DemocracyOfficer(member.clone()),
        Role::Accredited(3),
        // On no panel yet: speaks for nobody.
        Role::Panelist {
            organ: "citizens_assembly".into(),
            volunteer: 1,
        },
    ];
    Cast {
        member,
        outsider,
        roles,
    }
}

/// Who fills an organ's seats, as the charter says, and whether `role` is of them. A state's
/// delegate speaks for the state (a seat of its own), never for an organ.
fn fills(charter: &Charter, role: &Role, organ: &str) -> bool {
    let Some(o) = charter.organ(organ) else {
        return false;
    };
    matches!(
        (role, &o.seat_holders),
        (Role::Secretariat, SeatHolders::Staff)
            | (Role::Parliamentarian, SeatHolders::Parliamentarians)
            | (Role::CivilSociety, SeatHolders::CivilSociety)
    )
}

fn holds(charter: &Charter, role: &Role, seat: &Seat) -> bool {
    match seat {
        Seat::State(iso) => *role == Role::StateDelegate(iso.clone()),
        Seat::Organ(o) => fills(charter, role, o),
    }
}

/// May `seat` table a motion of `decision`, as the charter words it: the deciding organ's own
/// members (a state seated in it, or the organ itself), and the organs in `tabled_by`.
fn charter_lets_table(charter: &Charter, state: &State, decision: &str, seat: &Seat) -> bool {
    let Some(spec) = charter.decision(decision) else {
        return false;
    };
    match seat {
        Seat::Organ(o) => *o == spec.organ || spec.tabled_by.contains(o),
        Seat::State(iso) => charter.organ(&spec.organ).is_some_and(|o| {
            comity_core::organs::seat_holders(state, o).is_some_and(|s| s.contains(iso))
        }),
    }
}

/// The seat a person in this role would propose or pledge for.
fn own_seat(charter: &Charter, role: &Role, member: &Iso3) -> Seat {
    let organ_of = |h: SeatHolders| {
        charter
            .organs
            .iter()
            .find(|o| o.seat_holders == h)
            .map(|o| Seat::Organ(o.id.clone()))
    };
    let seat = match role {
        Role::StateDelegate(iso) => Some(Seat::State(iso.clone())),
        Role::Secretariat => organ_of(SeatHolders::Staff),
        Role::Parliamentarian => organ_of(SeatHolders::Parliamentarians),
        Role::CivilSociety => organ_of(SeatHolders::CivilSociety),
        _ => None,
    };
    seat.unwrap_or_else(|| Seat::State(member.clone()))
}

type Rule = Box<dyn Fn(&Role) -> bool>;

/// Every act, generated from the charter, with who may ask for it.
fn acts(
    charter: &'static Charter,
    state: &'static State,
    c: &Cast,
) -> Vec<(String, Command, Rule)> {
    let t = Timestamp::parse("2026-12-01T09:00:00Z").unwrap();
    let day = Day::parse("2026-12-01").unwrap();
    let sec = |r: &Role| *r == Role::Secretariat;
    let (m, x) = (c.member.clone(), c.outsider.clone());
    let mut out: Vec<(String, Command, Rule)> = Vec::new();
    let mut add = |name: String, cmd: Command, rule: Rule| out.push((name, cmd, rule));
    let secretariat_only: Vec<(&str, Command)> = vec![
        (
            "import_states",
            base::Command::ImportStates { states: vec![] }.into(),
        ),
        (
            "import_fh",
            base::Command::ImportFreedomHouse { editions: vec![] }.into(),
        ),
        (
            "import_vdem",
            base::Command::ImportVdem { years: vec![] }.into(),
        ),
        (
            "adopt_charter",
            base::Command::AdoptCharter {
                file: "c.toml".into(),
                source: String::new(),
            }
            .into(),
        ),
        ("admit_founders", base::Command::AdmitFoundingMembers.into()),
        (
            "assign_seats",
            base::Command::AssignSeats {
                organ: charter.organs[0].id.clone(),
                states: vec![],
            }
            .into(),
        ),
        (
            "publish_log_key",
            base::Command::PublishLogKey { key: "k".into() }.into(),
        ),
        (
            "open_election",
            election::Command::OpenElection {
                organ: charter.organs[0].id.clone(),
                title: "E".into(),
                method: "irv".into(),
                seats: 1,
                candidates: vec!["A".into(), "B".into()],
                closes_at: t,
                seed: 1,
            }
            .into(),
        ),
        (
            "paper_ballots",
            election::Command::RecordPaperBallots {
                election: 1,
                states: vec![m.clone()],
                ballots: vec![],
                source: "tellers".into(),
            }
            .into(),
        ),
        (
            "close_election",
            election::Command::CloseElection {
                election: 1,
                ballots: vec![],
            }
            .into(),
        ),
        (
            "commit_draw",
            assembly::Command::CommitDraw {
                organ: "citizens_assembly".into(),
                commitment: Hash::of(b"seed"),
                pool: vec![],
            }
            .into(),
        ),
        (
            "draw",
            assembly::Command::DrawAssembly {
                organ: "citizens_assembly".into(),
                seed: "seed".into(),
                pool: vec![],
            }
            .into(),
        ),
        (
            "refer",
            membership::Command::ReferApplication { application: 1 }.into(),
        ),
        (
            "propose_measure",
            membership::Command::ProposeMeasure {
                review: 1,
                measure: comity_core::membership::Measure::Warning,
            }
            .into(),
        ),
        (
            "place_on_agenda",
            caucus::Command::PlaceOnAgenda {
                session: 81,
                symbol: "A/81/L.1".into(),
                title: "R".into(),
                issue: None,
                plenary: day,
                rcid: None,
            }
            .into(),
        ),
        (
            "record_plenary_votes",
            caucus::Command::RecordPlenaryVotes {
                item: 1,
                votes: vec![],
                source: comity_core::caucus::VoteSource::Hand,
            }
            .into(),
        ),
        (
            "import_votes",
            caucus::Command::ImportVotes {
                file: "votes.csv".into(),
                sha256: Hash::of(b"f"),
                votes: 0,
                roll_calls: 0,
                sessions: (1, 1),
                rows_sha256: Hash::of(b"r"),
            }
            .into(),
        ),
        (
            "import_pledges",
            pledges::Command::Import {
                file: "p.json".into(),
                sha256: Hash::of(b"p"),
                pledges: vec![],
            }
            .into(),
        ),
        (
            "justify_difference",
            sanctions::Command::JustifyDifference {
                a: 1,
                b: 2,
                text: "Why.".into(),
            }
            .into(),
        ),
        (
            "publish_release",
            sanctions::Command::PublishRelease {
                cases: vec![],
                ftm_sha256: Hash::of(b"f"),
                csv_sha256: Hash::of(b"c"),
            }
            .into(),
        ),
        (
            "initiative_admissibility",
            initiatives::Command::DecideAdmissibility {
                initiative: 1,
                admissible: true,
                reasons: "R.".into(),
                opens: day,
            }
            .into(),
        ),
        (
            "initiative_record",
            initiatives::Command::RecordSignatures {
                initiative: 1,
                channel: initiatives::Channel::Paper,
                counts: [(m.clone(), 10)].into_iter().collect(),
                rows_sha256: Hash::of(b"s"),
                sheets: 1,
                source: "S".into(),
            }
            .into(),
        ),
        (
            "initiative_invalidate",
            initiatives::Command::Invalidate {
                initiative: 1,
                criterion: initiatives::Criterion::Ineligible,
                counts: [(m.clone(), 1)].into_iter().collect(),
                rows_sha256: Hash::of(b"i"),
                note: String::new(),
            }
            .into(),
        ),
        (
            "initiative_reverse",
            initiatives::Command::ReverseInvalidation {
                initiative: 1,
                invalidation: 1,
                reasons: "R.".into(),
            }
            .into(),
        ),
        (
            "initiative_close",
            initiatives::Command::CloseCollection { initiative: 1 }.into(),
        ),
        (
            "initiative_seed",
            initiatives::Command::PublishSeed {
                initiative: 1,
                seed: "0123456789abcdef".into(),
            }
            .into(),
        ),
        (
            "initiative_verdict",
            initiatives::Command::DeclareVerdict { initiative: 1 }.into(),
        ),
        (
            "initiative_answer",
            initiatives::Command::Answer {
                initiative: 1,
                text: "A.".into(),
            }
            .into(),
        ),
        (
            "consultation_open",
            consultations::Command::Open {
                organ: "governing_council".into(),
                title: "T".into(),
                question: "Q".into(),
                questions: vec![],
                opens: day,
                closes: day,
                audience: consultations::Audience::default(),
            }
            .into(),
        ),
        (
            "consultation_close",
            consultations::Command::Close { consultation: 1 }.into(),
        ),
        (
            "consultation_synthesis",
            consultations::Command::AdoptSynthesis {
                consultation: 1,
                motion: 1,
            }
            .into(),
        ),
        (
            "consultation_link",
            consultations::Command::LinkDecision {
                consultation: 1,
                motion: 1,
                note: String::new(),
            }
            .into(),
        ),
    ];
    for (name, cmd) in secretariat_only {
        add(name.into(), cmd, Box::new(sec));
    }
    let volunteer = |i: u8| comity_core::assembly::Volunteer {
        hash: Hash::of(&[i]),
        features: Default::default(),
        household: None,
    };
    add(
        "volunteer_self".into(),
        assembly::Command::RegisterVolunteers {
            organ: "citizens_assembly".into(),
            volunteers: vec![volunteer(1)],
            already: vec![],
        }
        .into(),
        Box::new(move |r| sec(r) || *r == Role::Citizen),
    );
    add(
        "initiative_register".into(),
        initiatives::Command::Register {
            title: "T".into(),
            objective: "O".into(),
            committee: vec![],
        }
        .into(),
        Box::new(move |r| sec(r) || *r == Role::Citizen),
    );
    let answers = || [(1, consultations::Answer::Scale(3))].into_iter().collect();
    add(
        "consultation_person".into(),
        consultations::Command::Submit {
            consultation: 1,
            respondent: consultations::Respondent::Person {
                name: "N".into(),
                country: m.clone(),
                organisation: None,
            },
            answers: answers(),
            confidential: false,
        }
        .into(),
        Box::new(|_| true),
    );
    add(
        "consultation_organisation".into(),
        consultations::Command::Submit {
            consultation: 1,
            respondent: consultations::Respondent::Organisation { accreditation: 3 },
            answers: answers(),
            confidential: true,
        }
        .into(),
        Box::new(move |r| sec(r) || *r == Role::Accredited(3)),
    );
    add(
        "volunteer_list".into(),
        assembly::Command::RegisterVolunteers {
            organ: "citizens_assembly".into(),
            volunteers: vec![volunteer(1), volunteer(2)],
            already: vec![],
        }
        .into(),
        Box::new(sec),
    );
    // A state's own acts.
    for iso in [m.clone(), x.clone()] {
        let delegate = Role::StateDelegate(iso.clone());
        let d = delegate.clone();
        add(
            format!("ballot:{iso}"),
            election::Command::CastBallot {
                election: 1,
                state: iso.clone(),
                ranking: vec!["A".into()],
            }
            .into(),
            Box::new(move |r| *r == d),
        );
        let d = delegate.clone();
        add(
            format!("apply:{iso}"),
            membership::Command::ApplyForMembership { state: iso.clone() }.into(),
            Box::new(move |r| sec(r) || *r == d),
        );
        let (d, officer) = (delegate.clone(), Role::DemocracyOfficer(iso.clone()));
        add(
            format!("designate:{iso}"),
            membership::Command::DesignateDemocracyOfficer {
                state: iso.clone(),
                name: "N".into(),
                office: "O".into(),
                contact: "n@example.org".into(),
            }
            .into(),
            Box::new(move |r| sec(r) || *r == d || *r == officer),
        );
        let d = delegate.clone();
        add(
            format!("explain:{iso}"),
            caucus::Command::ExplainVote {
                item: 1,
                state: iso.clone(),
                text: "Why.".into(),
            }
            .into(),
            Box::new(move |r| *r == d),
        );
        let d = delegate.clone();
        add(
            format!("implement:{iso}"),
            sanctions::Command::RecordImplementation {
                case: 1,
                state: iso.clone(),
                adopted: true,
                day,
                text: "Order.".into(),
            }
            .into(),
            Box::new(move |r| sec(r) || *r == d),
        );
        let d = delegate.clone();
        add(
            format!("certify:{iso}"),
            initiatives::Command::Certify {
                initiative: 1,
                state: iso.clone(),
                sample: 10,
                valid: 9,
            }
            .into(),
            Box::new(move |r| sec(r) || *r == d),
        );
        let d = delegate.clone();
        add(
            format!("consultation_state:{iso}"),
            consultations::Command::Submit {
                consultation: 1,
                respondent: consultations::Respondent::State { state: iso.clone() },
                answers: answers(),
                confidential: false,
            }
            .into(),
            Box::new(move |r| sec(r) || *r == d),
        );
        let d = delegate.clone();
        add(
            format!("pledge_by:{iso}"),
            pledges::Command::Make(spec(iso.as_str())).into(),
            Box::new(move |r| sec(r) || *r == d),
        );
    }
    // An organ's own acts, for every organ of the charter.
    for o in &charter.organs {
        let id = o.id.clone();
        let seat = Seat::Organ(id.clone());
        let holds_it = move |r: &Role| holds(charter, r, &seat);
        let h = holds_it.clone();
        add(
            format!("request_accreditation:{id}"),
            network::Command::RequestAccreditation {
                organ: id.clone(),
                name: "N".into(),
                country: m.clone(),
                kind: comity_core::network::AccreditationKind::Parliamentarian,
                description: "D".into(),
            }
            .into(),
            Box::new(move |r| sec(r) || h(r)),
        );
        let h = holds_it.clone();
        add(
            format!("opinion:{id}"),
            network::Command::GiveOpinion {
                motion: 1,
                organ: id.clone(),
                position: comity_core::network::Position::Favourable,
                text: "T".into(),
            }
            .into(),
            Box::new(h),
        );
        let h = holds_it.clone();
        add(
            format!("network_vote:{id}"),
            network::Command::NetworkVote {
                motion: 1,
                organ: id.clone(),
                act: comity_core::network::NetworkAct::Objection,
                yes: 1,
                no: 0,
                abstain: 0,
            }
            .into(),
            Box::new(h),
        );
        let h = holds_it.clone();
        add(
            format!("open_division:{id}"),
            network::Command::OpenNetworkDivision {
                motion: 1,
                organ: id.clone(),
                act: comity_core::network::NetworkAct::Objection,
                closes_at: t,
            }
            .into(),
            Box::new(move |r| sec(r) || h(r)),
        );
        let h = holds_it.clone();
        add(
            format!("close_division:{id}"),
            network::Command::CloseNetworkDivision {
                motion: 1,
                organ: id.clone(),
            }
            .into(),
            Box::new(move |r| sec(r) || h(r)),
        );
        let h = holds_it.clone();
        add(
            format!("report:{id}"),
            reporting::Command::SubmitReport {
                organ: id.clone(),
                title: "R".into(),
                period: "2026".into(),
                text: "T".into(),
            }
            .into(),
            Box::new(move |r| sec(r) || h(r)),
        );
        let h = holds_it.clone();
        add(
            format!("pledge_by:{id}"),
            pledges::Command::Make(spec(&id)).into(),
            Box::new(move |r| sec(r) || h(r)),
        );
    }
    add(
        "network_cast_vote:3".into(),
        network::Command::CastNetworkVote {
            motion: 1,
            organ: "civil_society_network".into(),
            member: 3,
            vote: Vote::Yes,
        }
        .into(),
        Box::new(|r| *r == Role::Accredited(3)),
    );
    add(
        "pledge_by:accredited:3".into(),
        pledges::Command::Make(spec("accredited:3")).into(),
        Box::new(move |r| sec(r) || *r == Role::Accredited(3)),
    );
    let decider = charter.decision("accreditation").map(|d| d.organ.clone());
    add(
        "decide_accreditation".into(),
        network::Command::DecideAccreditation {
            accreditation: 1,
            yes: 1,
            no: 0,
            abstain: 0,
        }
        .into(),
        Box::new(move |r| {
            decider
                .as_ref()
                .is_some_and(|o| holds(charter, r, &Seat::Organ(o.clone())))
        }),
    );
    // A report or a rating is filed under a role its author holds: one act per role.
    for role in &c.roles {
        let filed = role.clone();
        add(
            format!("pledge_report_as:{role}"),
            pledges::Command::Report {
                pledge: "P-1".into(),
                report: NewReport {
                    indicator: "i".into(),
                    source: Source::Shadow,
                    role: role.clone(),
                    date: day,
                    reading: Reading::Value {
                        value: Amount::parse("1").unwrap(),
                    },
                    note: String::new(),
                },
            }
            .into(),
            Box::new(move |r| *r == filed),
        );
        let filed = role.clone();
        add(
            format!("pledge_assess_as:{role}"),
            pledges::Command::Assess {
                pledge: "P-1".into(),
                assessment: NewAssessment {
                    milestone: None,
                    source: Source::Shadow,
                    role: role.clone(),
                    date: day,
                    level: Level::Limited,
                    note: String::new(),
                },
            }
            .into(),
            Box::new(move |r| *r == filed),
        );
    }
    // A common position in the UN caucus, proposed for the seat each role would use.
    for role in &c.roles {
        let sponsor = own_seat(charter, role, &m);
        let cmd: Command = caucus::Command::ProposePosition {
            item: 1,
            stance: comity_core::caucus::Stance::Yes,
            sponsor: sponsor.clone(),
        }
        .into();
        add(
            format!("propose_position_as:{role}"),
            cmd,
            Box::new(move |r| {
                let speaks = match &sponsor {
                    Seat::Organ(_) => sec(r) || holds(charter, r, &sponsor),
                    Seat::State(_) => holds(charter, r, &sponsor),
                };
                speaks
                    && charter_lets_table(
                        charter,
                        state,
                        comity_core::caucus::COMMON_POSITION,
                        &sponsor,
                    )
            }),
        );
    }
    // Sanctions: a listing proposed, or a delisting proposed at a review, for the seat each
    // role would use, as the charter lets that seat table the sanctions decision kind; a
    // renewal is the secretariat's review (or a sponsor's).
    let listing = charter
        .sanctions
        .as_ref()
        .map_or("smart_sanctions", |s| s.decision());
    for role in &c.roles {
        let sponsor = own_seat(charter, role, &m);
        let may = {
            let sponsor = sponsor.clone();
            move |r: &Role| {
                let speaks = match &sponsor {
                    Seat::Organ(_) => sec(r) || holds(charter, r, &sponsor),
                    Seat::State(_) => holds(charter, r, &sponsor),
                };
                speaks && charter_lets_table(charter, state, listing, &sponsor)
            }
        };
        let target = sanctions::Target {
            schema: sanctions::TargetSchema::Person,
            name: "N".into(),
            aliases: vec![],
            weak_aliases: vec![],
            birth_dates: vec![],
            nationalities: vec![],
            identifiers: vec![],
            addresses: vec![],
        };
        add(
            format!("propose_listing_as:{role}"),
            sanctions::Command::ProposeListing {
                target,
                grounds: vec!["C1".into()],
                evidence: sanctions::Evidence {
                    grade: sanctions::Grade::A,
                    sources: vec![],
                },
                reasons: "R.".into(),
                sponsor: sponsor.clone(),
            }
            .into(),
            Box::new(may.clone()),
        );
        for renew in [false, true] {
            let may = may.clone();
            add(
                format!("review_listing_as:{role}:renew={renew}"),
                sanctions::Command::ReviewListing {
                    case: 1,
                    renew,
                    reasons: "R.".into(),
                    sponsor: sponsor.clone(),
                }
                .into(),
                Box::new(move |r| (renew && sec(r)) || may(r)),
            );
        }
    }
    out
}

/// A pledge by `by` (a state's code, an organ's id, or `accredited:N`).
fn spec(by: &str) -> comity_core::pledges::PledgeSpec {
    serde_json::from_value(serde_json::json!({
        "id": format!("{by}-2026-01"),
        "by": by,
        "title": "A pledge",
        "due": "2027-12-31",
        "assessment": {"specificity": "high", "relevance": [], "potential_impact": "moderate"},
    }))
    .unwrap()
}

#[test]
fn every_role_against_every_act_of_every_charter() {
    let mut tried = std::collections::BTreeSet::new();
    for shipped in data::CHARTERS {
        // Leaked for the rules' 'static borrows: three small states per test run.
        let state: &'static State = Box::leak(Box::new(found(shipped.id)));
        let charter: &'static Charter = &state.charter.as_ref().unwrap().charter;
        let c = cast(state);
        let acts = acts(charter, state, &c);
        let mut open_to_someone = 0;
        for (name, cmd, rule) in &acts {
            let mut allowed = false;
            tried.insert(act(cmd));
            for role in &c.roles {
                let who = Principal::new(Actor::parse("user:matrix").unwrap(), vec![role.clone()]);
                let got = authorize(&who, cmd, state);
                assert_eq!(
                    got.is_ok(),
                    rule(role),
                    "{}: {role} × {name}: {got:?}",
                    shipped.id
                );
                match got {
                    Err(e) => assert!(!e.to_string().is_empty()),
                    Ok(()) => allowed = true,
                }
            }
            open_to_someone += usize::from(allowed);
        }
        // Not a matrix of refusals: most acts are some role's to ask for (an organ's acts
        // are not where no role fills its seats, e.g. a council of states).
        assert!(
            open_to_someone * 2 > acts.len(),
            "{}: {open_to_someone} of {}",
            shipped.id,
            acts.len()
        );
    }
    // With the motions and treaties `authorize.rs` tries, every command is tried.
    let state = found("alliance-of-democracies");
    for (_, cmd) in crate::authorize::commands(&state, 1) {
        tried.insert(act(&cmd));
    }
    let missing: Vec<&&str> = ALL_ACTS.iter().filter(|a| !tried.contains(**a)).collect();
    assert!(
        missing.is_empty(),
        "acts the matrix never tries: {missing:?}"
    );
    assert_eq!(tried.len(), ALL_ACTS.len());
}
