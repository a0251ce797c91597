//! Every role × every command: `authorize` against what the charter says.

use comity_core::auth::{Denied, Principal, Role, authorize};
use comity_core::charter::SeatHolders;
use comity_core::motion::Seat;
use comity_core::{Actor, Command, Iso3, State, Timestamp};
use comity_core::{base, motion, network, treaty};
use comity_voting::rules::Vote;

use crate::{found, run};

fn roles() -> Vec<Role> {
    vec![
        Role::Secretariat,
        Role::StateDelegate(Iso3::parse("DNK").unwrap()),
        Role::StateDelegate(Iso3::parse("BRA").unwrap()),
        Role::Parliamentarian,
        Role::CivilSociety,
        Role::Citizen,
        Role::Observer,
        Role::DemocracyOfficer(Iso3::parse("DNK").unwrap()),
        Role::Accredited(3),
    ]
}

/// The seat a person in this role would naturally act for.
fn natural_seat(role: &Role) -> Seat {
    match role {
        Role::StateDelegate(iso) => Seat::State(iso.clone()),
        Role::Parliamentarian => Seat::Organ("parliamentary_network".into()),
        Role::CivilSociety => Seat::Organ("civil_society_network".into()),
        Role::Secretariat => Seat::Organ("secretariat".into()),
        Role::Citizen
        | Role::Observer
        | Role::DemocracyOfficer(_)
        | Role::Accredited(_)
        | Role::Panelist { .. } => Seat::State(Iso3::parse("DNK").unwrap()),
    }
}

/// What the charter says, written out independently of `authorize`: the deciding organ's
/// own members may table, and so may the organs in `tabled_by`.
fn charter_allows_tabling(state: &State, role: &Role, decision: &str) -> bool {
    let charter = &state.charter.as_ref().unwrap().charter;
    let spec = charter.decision(decision).unwrap();
    let organ = charter.organ(&spec.organ).unwrap();
    match role {
        Role::StateDelegate(iso) => {
            organ.seat_holders == SeatHolders::MemberStates
                && comity_core::organs::seat_holders(state, organ).is_some_and(|s| s.contains(iso))
        }
        Role::Parliamentarian | Role::CivilSociety | Role::Secretariat => {
            let Seat::Organ(o) = natural_seat(role) else {
                unreachable!()
            };
            o == spec.organ || spec.tabled_by.contains(&o)
        }
        Role::Citizen
        | Role::Observer
        | Role::DemocracyOfficer(_)
        | Role::Accredited(_)
        | Role::Panelist { .. } => false,
    }
}

pub(crate) fn commands(state: &State, motion: u64) -> Vec<(String, Command)> {
    let t = Timestamp::parse("2026-12-01T09:00:00Z").unwrap();
    let mut out = vec![
        (
            "import_states".into(),
            Command::Base(base::Command::ImportStates { states: vec![] }),
        ),
        (
            "import_fh".into(),
            Command::Base(base::Command::ImportFreedomHouse { editions: vec![] }),
        ),
        (
            "import_vdem".into(),
            Command::Base(base::Command::ImportVdem { years: vec![] }),
        ),
        (
            "adopt_charter".into(),
            Command::Base(base::Command::AdoptCharter {
                file: "c.toml".into(),
                source: String::new(),
            }),
        ),
        (
            "admit_founders".into(),
            Command::Base(base::Command::AdmitFoundingMembers),
        ),
        (
            "assign_seats".into(),
            Command::Base(base::Command::AssignSeats {
                organ: "governing_council".into(),
                states: vec![],
            }),
        ),
        (
            "open_debate".into(),
            Command::Motion(motion::Command::OpenDebate { motion }),
        ),
        (
            "open_vote".into(),
            Command::Motion(motion::Command::OpenVote {
                motion,
                closes_at: t,
                order: None,
            }),
        ),
        (
            "close_vote".into(),
            Command::Motion(motion::Command::CloseVote {
                motion,
                casting_vote: None,
            }),
        ),
        (
            "withdraw_motion".into(),
            Command::Motion(motion::Command::WithdrawMotion { motion }),
        ),
        (
            "withdraw_amendment".into(),
            Command::Motion(motion::Command::WithdrawAmendment {
                motion,
                amendment: 1,
            }),
        ),
        (
            "open_division_csn".into(),
            Command::Network(network::Command::OpenNetworkDivision {
                motion,
                organ: "civil_society_network".into(),
                act: comity_core::network::NetworkAct::Objection,
                closes_at: t,
            }),
        ),
        (
            "close_division_csn".into(),
            Command::Network(network::Command::CloseNetworkDivision {
                motion,
                organ: "civil_society_network".into(),
            }),
        ),
        (
            "network_vote_3".into(),
            Command::Network(network::Command::CastNetworkVote {
                motion,
                organ: "civil_society_network".into(),
                member: 3,
                vote: Vote::Yes,
            }),
        ),
        (
            "vote_dnk".into(),
            Command::Motion(motion::Command::CastVote {
                motion,
                state: Iso3::parse("DNK").unwrap(),
                vote: Vote::Yes,
            }),
        ),
    ];
    for d in &state.charter.as_ref().unwrap().charter.decisions {
        out.push((
            format!("table:{}", d.kind),
            Command::Motion(motion::Command::TableMotion {
                decision: d.kind.clone(),
                title: "T".into(),
                text: "X".into(),
                sponsor: Seat::State(Iso3::parse("XXX").unwrap()), // replaced per role
            }),
        ));
    }
    // Treaty acts (whether they are valid now is decide's question).
    let treaty = || "aod-founding-treaty".to_owned();
    let dnk = || Iso3::parse("DNK").unwrap();
    let day = || comity_core::ids::Day::parse("2026-12-01").unwrap();
    let bracket = || comity_core::treaty::text::BracketRef::top("art_1__para_2", 0);
    for (name, cmd) in [
        (
            "open_treaty",
            Command::Treaty(treaty::Command::OpenTreaty {
                organ: "treaty_commission".into(),
                file_name: "t.toml".into(),
                file: String::new(),
                text: String::new(),
            }),
        ),
        (
            "open_round",
            Command::Treaty(treaty::Command::OpenTreatyRound {
                treaty: treaty(),
                text: None,
            }),
        ),
        (
            "resolve_bracket",
            Command::Treaty(treaty::Command::ResolveBracket {
                treaty: treaty(),
                bracket: bracket(),
                choice: comity_core::treaty::text::Choice::Delete,
                by: comity_core::treaty::record::Resolution::Agreement,
            }),
        ),
        (
            "adopt_treaty",
            Command::Treaty(treaty::Command::AdoptTreaty {
                treaty: treaty(),
                motion,
            }),
        ),
        (
            "open_for_signature",
            Command::Treaty(treaty::Command::OpenTreatyForSignature {
                treaty: treaty(),
                date: day(),
                place: "Copenhagen".into(),
            }),
        ),
        (
            "sign_dnk",
            Command::Treaty(treaty::Command::SignTreaty {
                treaty: treaty(),
                state: dnk(),
                date: day(),
            }),
        ),
        (
            "deposit_dnk",
            Command::Treaty(treaty::Command::DepositInstrument {
                treaty: treaty(),
                deposit: comity_core::treaty::eif::Deposit {
                    state: dnk(),
                    instrument: comity_core::treaty::eif::Instrument::Ratification,
                    date: day(),
                    share: None,
                },
                reservations: vec![],
                declarations: vec![],
            }),
        ),
        (
            "object_dnk",
            Command::Treaty(treaty::Command::ObjectToReservation {
                treaty: treaty(),
                state: dnk(),
                reserving: Iso3::parse("BRA").unwrap(),
                reservation: 1,
                text: "x".into(),
                date: day(),
            }),
        ),
        (
            "withdraw_dnk",
            Command::Treaty(treaty::Command::WithdrawFromTreaty {
                treaty: treaty(),
                state: dnk(),
                date: day(),
            }),
        ),
    ] {
        out.push((name.into(), cmd));
    }
    out.push((
        "propose_wording".into(),
        Command::Treaty(treaty::Command::ProposeWording {
            treaty: treaty(),
            bracket: bracket(),
            wording: "The Hague".into(),
            by: Seat::State(Iso3::parse("XXX").unwrap()),
        }),
    ));
    out.push((
        "amend".into(),
        Command::Motion(motion::Command::TableAmendment {
            motion,
            title: "A".into(),
            text: "B".into(),
            group: None,
            sponsor: Seat::State(Iso3::parse("XXX").unwrap()),
        }),
    ));
    out.push((
        "cosponsor".into(),
        Command::Motion(motion::Command::Cosponsor {
            motion,
            seat: Seat::State(Iso3::parse("XXX").unwrap()),
        }),
    ));
    out
}

fn with_seat(cmd: &Command, seat: Seat) -> Command {
    match cmd.clone() {
        Command::Motion(motion::Command::TableMotion {
            decision,
            title,
            text,
            ..
        }) => Command::Motion(motion::Command::TableMotion {
            decision,
            title,
            text,
            sponsor: seat,
        }),
        Command::Motion(motion::Command::TableAmendment {
            motion,
            title,
            text,
            group,
            ..
        }) => Command::Motion(motion::Command::TableAmendment {
            motion,
            title,
            text,
            group,
            sponsor: seat,
        }),
        Command::Motion(motion::Command::Cosponsor { motion, .. }) => {
            Command::Motion(motion::Command::Cosponsor { motion, seat })
        }
        Command::Treaty(treaty::Command::ProposeWording {
            treaty,
            bracket,
            wording,
            ..
        }) => Command::Treaty(treaty::Command::ProposeWording {
            treaty,
            bracket,
            wording,
            by: seat,
        }),
        other => other,
    }
}

#[test]
fn every_role_against_every_command() {
    let mut state = found("alliance-of-democracies");
    // A summit motion (one seat per member) tabled by Denmark.
    run(
        &mut state,
        &Command::Motion(motion::Command::TableMotion {
            decision: "treaty_adoption".into(),
            title: "Treaty on election observation".into(),
            text: "The Summit adopts the treaty.".into(),
            sponsor: Seat::State(Iso3::parse("DNK").unwrap()),
        }),
    )
    .unwrap();
    let motion = 1;
    let summit_decision = "treaty_adoption";
    let mut checked = 0;
    for role in roles() {
        let who = Principal::new(Actor::parse("user:test").unwrap(), vec![role.clone()]);
        for (name, cmd) in commands(&state, motion) {
            let cmd = with_seat(&cmd, natural_seat(&role));
            let got = authorize(&who, &cmd, &state);
            let holds_natural = !matches!(
                role,
                Role::Citizen
                    | Role::Observer
                    | Role::DemocracyOfficer(_)
                    | Role::Accredited(_)
                    | Role::Panelist { .. }
            );
            let expected = match name.as_str() {
                "import_states" | "import_fh" | "import_vdem" | "adopt_charter"
                | "admit_founders" | "assign_seats" | "open_debate" | "open_vote"
                | "close_vote" | "open_treaty" | "open_round" | "resolve_bracket"
                | "adopt_treaty" | "open_for_signature" => role == Role::Secretariat,
                // A state's own treaty acts: its delegate, or the secretariat as depositary.
                "sign_dnk" | "deposit_dnk" | "object_dnk" | "withdraw_dnk" => {
                    role == Role::Secretariat
                        || role == Role::StateDelegate(Iso3::parse("DNK").unwrap())
                }
                // Anyone proposes wording for the seat they hold.
                "propose_wording" => holds_natural,
                "withdraw_motion" | "withdraw_amendment" => {
                    role == Role::StateDelegate(Iso3::parse("DNK").unwrap())
                }
                // A network's officers or the secretariat run its roll calls; a member votes
                // for its own accreditation only.
                "open_division_csn" | "close_division_csn" => {
                    role == Role::Secretariat || role == Role::CivilSociety
                }
                "network_vote_3" => role == Role::Accredited(3),
                "vote_dnk" | "ballot_dnk" => {
                    role == Role::StateDelegate(Iso3::parse("DNK").unwrap())
                }
                "amend" | "cosponsor" => {
                    holds_natural && charter_allows_tabling(&state, &role, summit_decision)
                }
                t => {
                    holds_natural
                        && charter_allows_tabling(&state, &role, t.strip_prefix("table:").unwrap())
                }
            };
            assert_eq!(got.is_ok(), expected, "{role} × {name}: {got:?}");
            if let Err(e) = &got {
                assert!(!e.to_string().is_empty());
                if !holds_natural {
                    assert!(
                        matches!(
                            e,
                            Denied::NotYourSeat { .. }
                                | Denied::SecretariatOnly { .. }
                                | Denied::NotYourAccreditation { .. }
                        ),
                        "{e}"
                    );
                }
            }
            checked += 1;
        }
    }
    assert_eq!(
        checked,
        9 * (15 + 2 + 10 + state.charter.as_ref().unwrap().charter.decisions.len())
    );
}

#[test]
fn networks_table_where_the_charter_lists_them() {
    let state = found("alliance-of-democracies");
    let cs = Principal::new(Actor::parse("user:ngo").unwrap(), vec![Role::CivilSociety]);
    let table = |decision: &str| {
        Command::Motion(motion::Command::TableMotion {
            decision: decision.into(),
            title: "T".into(),
            text: "X".into(),
            sponsor: Seat::Organ("civil_society_network".into()),
        })
    };
    // smart_sanctions lists the civil society network in tabled_by; charter_amendment does not.
    assert!(authorize(&cs, &table("smart_sanctions"), &state).is_ok());
    let no = authorize(&cs, &table("charter_amendment"), &state).unwrap_err();
    assert!(
        no.to_string().contains("parliamentary_network") || no.to_string().contains("own members"),
        "{no}"
    );
    // A delegate cannot speak for another state.
    let dnk = Principal::new(
        Actor::parse("user:dk").unwrap(),
        vec![Role::StateDelegate(Iso3::parse("DNK").unwrap())],
    );
    let vote_for_sweden = Command::Motion(motion::Command::CastVote {
        motion: 1,
        state: Iso3::parse("SWE").unwrap(),
        vote: Vote::Yes,
    });
    assert!(matches!(
        authorize(&dnk, &vote_for_sweden, &state),
        Err(Denied::NotYourSeat { .. })
    ));
}

#[test]
fn roles_read_and_print() {
    for r in roles() {
        assert_eq!(Role::parse(&r.to_string()).unwrap(), r);
    }
    assert!(Role::parse("delegate:dk").is_err());
    assert!(
        Role::parse("accredited:x")
            .unwrap_err()
            .contains("accredited:N")
    );
    assert!(Role::parse("king").unwrap_err().contains("secretariat"));
    let panelist = Role::parse("panelist:citizens_assembly:17").unwrap();
    assert_eq!(panelist.to_string(), "panelist:citizens_assembly:17");
    assert!(
        Role::parse("panelist:17")
            .unwrap_err()
            .contains("panelist:ORGAN:N")
    );
}
