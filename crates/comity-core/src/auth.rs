//! Who may do what: roles, the seats they give, and the pure `authorize` check.
//!
//! A person's roles are bound to states and organs: a state delegate speaks for one state,
//! which holds seats in the organs the charter gives member states; parliamentarians and
//! civil society representatives sit in the networks; secretariat officers run the
//! organs' business (agendas, opening and closing votes, recording reference data).
//! `authorize` answers "may this person ask for this act?" from the roles and the charter
//! alone; `decide` then answers "is the act valid now?" (deadlines, seats, status).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::charter::{Charter, SeatHolders};
use crate::command::Command;
use crate::ids::{Actor, Iso3};
use crate::motion::Motion;
use crate::motion::Seat;
use crate::state::State;
use crate::{
    assembly, base, caucus, consultations, election, initiatives, membership, motion, network,
    pledges, reporting, sanctions, treaty,
};

/// A role a person holds.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Role {
    /// An officer of the permanent secretariat.
    Secretariat,
    /// The delegate of one state's government.
    StateDelegate(Iso3),
    /// A member of parliament in the parliamentary network.
    Parliamentarian,
    /// A representative of an accredited civil society organisation.
    CivilSociety,
    /// A citizen with an account (may follow, comment and, once drawn, sit in the assembly).
    Citizen,
    /// Reads everything, records nothing (journalists, researchers, accredited observers).
    Observer,
    /// A member state's democracy officer (seed 003): keeps the state's contact up to date;
    /// holds no seat and casts no vote.
    DemocracyOfficer(Iso3),
    /// The account of an accredited network member (by accreditation number): votes in the
    /// network's roll calls on the platform.
    Accredited(u64),
    /// A volunteer of an organ drawn by lot (`panelist:citizens_assembly:17`), linked to the
    /// account by the volunteer's receipt: speaks for the organ while on its latest panel.
    Panelist { organ: String, volunteer: u64 },
}

/// The role kinds, in the order pages list them.
pub const ROLE_KINDS: [&str; 9] = [
    "secretariat",
    "delegate",
    "parliamentarian",
    "civil_society",
    "citizen",
    "observer",
    "democracy_officer",
    "accredited",
    "panelist",
];

impl Role {
    /// Reads `secretariat`, `delegate:DNK`, `parliamentarian`, `civil_society`, `citizen`, `observer`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        Ok(match s {
            "secretariat" => Self::Secretariat,
            "parliamentarian" => Self::Parliamentarian,
            "civil_society" => Self::CivilSociety,
            "citizen" => Self::Citizen,
            "observer" => Self::Observer,
            _ => match s.split_once(':') {
                Some(("delegate", iso)) => Self::StateDelegate(
                    Iso3::parse(iso.trim()).map_err(|e| format!("role {s:?}: {e}"))?,
                ),
                Some(("democracy_officer", iso)) => Self::DemocracyOfficer(
                    Iso3::parse(iso.trim()).map_err(|e| format!("role {s:?}: {e}"))?,
                ),
                Some(("accredited", n)) => Self::Accredited(n.trim().parse().map_err(|_| {
                    format!("role {s:?}: expected accredited:N, N an accreditation number")
                })?),
                Some(("panelist", rest)) => {
                    let bad =
                        || format!("role {s:?}: expected panelist:ORGAN:N, N a volunteer number");
                    let (organ, n) = rest.rsplit_once(':').ok_or_else(bad)?;
                    if organ.trim().is_empty() {
                        return Err(bad());
                    }
                    Self::Panelist {
                        organ: organ.trim().to_owned(),
                        volunteer: n.trim().parse().map_err(|_| bad())?,
                    }
                }
                _ => {
                    return Err(format!(
                        "unknown role {s:?}: expected secretariat, delegate:ISO3 (e.g. delegate:DNK), parliamentarian, civil_society, citizen, observer, democracy_officer:ISO3, accredited:N or panelist:ORGAN:N"
                    ));
                }
            },
        })
    }

    /// The kind without its state: one of [`ROLE_KINDS`].
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Secretariat => "secretariat",
            Self::StateDelegate(_) => "delegate",
            Self::Parliamentarian => "parliamentarian",
            Self::CivilSociety => "civil_society",
            Self::Citizen => "citizen",
            Self::Observer => "observer",
            Self::DemocracyOfficer(_) => "democracy_officer",
            Self::Accredited(_) => "accredited",
            Self::Panelist { .. } => "panelist",
        }
    }

    /// The kind of seat holder this role is, in the charter's terms.
    fn seat_holders(&self) -> Option<SeatHolders> {
        match self {
            Self::Secretariat => Some(SeatHolders::Staff),
            Self::StateDelegate(_) => Some(SeatHolders::MemberStates),
            Self::Parliamentarian => Some(SeatHolders::Parliamentarians),
            Self::CivilSociety => Some(SeatHolders::CivilSociety),
            Self::Citizen
            | Self::Observer
            | Self::DemocracyOfficer(_)
            | Self::Accredited(_)
            | Self::Panelist { .. } => None,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::StateDelegate(iso) => write!(f, "delegate:{iso}"),
            Self::DemocracyOfficer(iso) => write!(f, "democracy_officer:{iso}"),
            Self::Accredited(n) => write!(f, "accredited:{n}"),
            Self::Panelist { organ, volunteer } => write!(f, "panelist:{organ}:{volunteer}"),
            other => f.write_str(other.kind()),
        }
    }
}

impl TryFrom<String> for Role {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}
impl From<Role> for String {
    fn from(r: Role) -> Self {
        r.to_string()
    }
}

/// Someone asking for an act: who they are and the roles they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub actor: Actor,
    pub roles: Vec<Role>,
}

impl Principal {
    pub fn new(actor: Actor, roles: Vec<Role>) -> Self {
        Self { actor, roles }
    }

    pub fn has(&self, role: &Role) -> bool {
        self.roles.contains(role)
    }

    /// The seats this person may speak for: their states, the organs whose seats their roles
    /// fill under the charter (networks, the secretariat), and an organ drawn by lot while
    /// they sit on its latest panel.
    pub fn seats(&self, state: &State) -> Vec<Seat> {
        let Some(charter) = state.charter.as_ref().map(|a| &a.charter) else {
            return Vec::new();
        };
        let mut seats = Vec::new();
        for role in &self.roles {
            match role {
                Role::StateDelegate(iso) => seats.push(Seat::State(iso.clone())),
                Role::Panelist { organ, volunteer } => {
                    let seated = state
                        .assemblies
                        .get(organ)
                        .and_then(|a| a.latest())
                        .is_some_and(|(_, r)| r.panel.contains(volunteer));
                    if seated {
                        seats.push(Seat::Organ(organ.clone()));
                    }
                }
                other => {
                    let Some(holders) = other.seat_holders() else {
                        continue;
                    };
                    seats.extend(
                        charter
                            .organs
                            .iter()
                            .filter(|o| o.seat_holders == holders)
                            .map(|o| Seat::Organ(o.id.clone())),
                    );
                }
            }
        }
        seats.sort();
        seats.dedup();
        seats
    }

    /// Holds `seat`.
    pub fn speaks_for(&self, state: &State, seat: &Seat) -> bool {
        self.seats(state).contains(seat)
    }
}

/// Why an act is not this person's to ask for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    #[error("only an officer of the secretariat may {act}")]
    SecretariatOnly { act: &'static str },
    #[error("you do not speak for {seat}: your roles are {roles}")]
    NotYourSeat { seat: Seat, roles: String },
    #[error(
        "the charter does not let {seat} table a motion of kind {decision:?} in {organ:?}: it may be tabled by the organ's own members{}",
        if .tabled_by.is_empty() { String::new() } else { format!(" and by {}", .tabled_by.join(", ")) }
    )]
    MayNotTable {
        seat: Seat,
        organ: String,
        decision: String,
        tabled_by: Vec<String>,
    },
    #[error("you do not hold the role {role}: your roles are {roles}")]
    NotYourRole { role: String, roles: String },
    #[error("you do not vote for accreditation {member}: your roles are {roles}")]
    NotYourAccreditation { member: u64, roles: String },
    #[error("no charter is adopted yet")]
    NoCharter,
    #[error("there is no motion {0}")]
    UnknownMotion(u64),
    #[error("there is no decision kind {0:?} in the charter")]
    UnknownDecision(String),
}

impl Denied {
    /// Stable id, used as the Fluent message id and in API problem types.
    pub fn id(&self) -> &'static str {
        match self {
            Self::SecretariatOnly { .. } => "denied-secretariat-only",
            Self::NotYourSeat { .. } => "denied-not-your-seat",
            Self::MayNotTable { .. } => "denied-may-not-table",
            Self::NotYourAccreditation { .. } => "denied-not-your-accreditation",
            Self::NotYourRole { .. } => "denied-not-your-role",
            Self::NoCharter => "charter-missing",
            Self::UnknownMotion(_) => "motion-unknown",
            Self::UnknownDecision(_) => "decision-unknown",
        }
    }
}

/// May `who` ask for `cmd`? Pure: reads the roles, the charter and, for acts on a motion,
/// which organ and decision kind the motion belongs to. Whether the act is valid *now*
/// (status, deadline, seat in the organ) is `decide`'s question.
pub fn authorize(who: &Principal, cmd: &Command, state: &State) -> Result<(), Denied> {
    let a = Authority { who, state };
    match cmd {
        Command::Base(c) => base::authorize(&a, c),
        Command::Motion(c) => motion::authorize(&a, c),
        Command::Election(c) => election::authorize(&a, c),
        Command::Assembly(c) => assembly::authorize(&a, c),
        Command::Membership(c) => membership::authorize(&a, c),
        Command::Network(c) => network::authorize(&a, c),
        Command::Reporting(c) => reporting::authorize(&a, c),
        Command::Treaty(c) => treaty::authorize(&a, c),
        Command::Caucus(c) => caucus::authorize(&a, c),
        Command::Pledges(c) => pledges::authorize(&a, c),
        Command::Sanctions(c) => sanctions::authorize(&a, c),
        Command::Initiatives(c) => initiatives::authorize(&a, c),
        Command::Consultations(c) => consultations::authorize(&a, c),
    }
}

/// The person asking and the state they ask in: what each capability's `authorize` reads.
pub struct Authority<'a> {
    pub who: &'a Principal,
    pub state: &'a State,
}

impl Authority<'_> {
    /// Only an officer of the secretariat may `act`.
    pub fn secretariat(&self, act: &'static str) -> Result<(), Denied> {
        if self.who.has(&Role::Secretariat) {
            Ok(())
        } else {
            Err(Denied::SecretariatOnly { act })
        }
    }

    /// The secretariat, or whoever holds `seat`.
    pub fn secretariat_or(&self, seat: &Seat) -> Result<(), Denied> {
        if self.who.has(&Role::Secretariat) {
            Ok(())
        } else {
            self.holds(seat)
        }
    }

    pub fn charter(&self) -> Result<&Charter, Denied> {
        self.state
            .charter
            .as_ref()
            .map(|c| &c.charter)
            .ok_or(Denied::NoCharter)
    }

    /// The person holds `role`.
    pub fn has_role(&self, role: &Role) -> Result<(), Denied> {
        if self.who.has(role) {
            Ok(())
        } else {
            Err(Denied::NotYourRole {
                role: role.to_string(),
                roles: self.roles(),
            })
        }
    }

    /// The person speaks for `seat`.
    pub fn holds(&self, seat: &Seat) -> Result<(), Denied> {
        self.charter()?;
        if self.who.speaks_for(self.state, seat) {
            Ok(())
        } else {
            Err(Denied::NotYourSeat {
                seat: seat.clone(),
                roles: self.roles(),
            })
        }
    }

    pub fn motion(&self, id: u64) -> Result<&Motion, Denied> {
        self.state.motions.get(&id).ok_or(Denied::UnknownMotion(id))
    }

    /// The person's roles, for a refusal.
    pub fn roles(&self) -> String {
        roles_text(&self.who.roles)
    }
}

/// May `seat` table a motion of kind `decision` (in the organ the charter gives that kind)?
/// The organ's own members may (a state seated in it, or a person whose role fills it), and
/// so may the organs the charter lists in `tabled_by`.
pub fn may_table(
    charter: &Charter,
    state: &State,
    decision: &str,
    seat: &Seat,
) -> Result<(), Denied> {
    let spec = charter
        .decision(decision)
        .ok_or_else(|| Denied::UnknownDecision(decision.to_owned()))?;
    let organ = spec.organ.as_str();
    let own = match seat {
        Seat::Organ(o) => o == organ,
        Seat::State(iso) => charter
            .organ(organ)
            .is_some_and(|o| crate::organs::is_seated(state, o, iso)),
    };
    let listed = matches!(seat, Seat::Organ(o) if spec.tabled_by.iter().any(|t| t == o));
    if own || listed {
        Ok(())
    } else {
        Err(Denied::MayNotTable {
            seat: seat.clone(),
            organ: organ.to_owned(),
            decision: decision.to_owned(),
            tabled_by: spec.tabled_by.clone(),
        })
    }
}

fn roles_text(roles: &[Role]) -> String {
    if roles.is_empty() {
        "none".to_owned()
    } else {
        roles
            .iter()
            .map(Role::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}
