//! The charter: one declarative TOML file that describes the alliance.
//!
//! Its founding text, its membership criteria, its organs and who sits in them, and for
//! each kind of decision which organ decides and by which rule. Changing the charter is
//! itself a decision of the kind `charter_amendment`, which every charter must name.

mod parse;
mod rule;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::criteria::Criterion;
use crate::ids::Iso3;

pub use parse::{CharterError, CharterErrors};
pub use rule::{Base, Fraction, Rule, WeightSource};

/// Decision kinds every charter must assign to an organ.
pub const REQUIRED_DECISIONS: [&str; 3] = ["charter_amendment", "accession", "membership_review"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Charter {
    pub alliance: Alliance,
    pub membership: Membership,
    /// Named membership criteria, referred to by id from `membership` and elsewhere.
    pub criteria: BTreeMap<String, NamedCriterion>,
    pub organs: Vec<Organ>,
    pub decisions: Vec<DecisionSpec>,
    /// Who reviews members' pledges and which source the roll-ups use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pledges: Option<PledgesSpec>,
    /// Joint smart sanctions: the criteria a listing's grounds must be coded against, the
    /// decision kind that lists and delists, members' deadline and the review period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sanctions: Option<SanctionsSpec>,
    /// Citizens' initiatives: the organ that checks and answers them, the committee, the
    /// threshold rule, and what each member requires of a signatory.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiatives: Option<InitiativesSpec>,
}

/// `[initiatives]`: the organ that checks an initiative's admissibility and answers one that
/// passed (through the secretariat acting for it), the member states a citizens' committee
/// must come from (default 7), the months the organ has to answer (default 6), the minimum
/// age to sign (default 18), the threshold (`[initiatives.threshold]`, written as
/// `initiatives/eci.toml` is, with member states' ISO3 codes), and each member's own
/// requirements (`[[initiatives.members]]`: a lower minimum age, an ID number or an address).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InitiativesSpec {
    pub organ: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee_states: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_months: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u32>,
    pub threshold: crate::initiatives::RuleSpec,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<SigningSpec>,
}

impl InitiativesSpec {
    pub fn committee_states(&self) -> u32 {
        self.committee_states.unwrap_or(7)
    }
    pub fn answer_months(&self) -> u32 {
        self.answer_months.unwrap_or(6)
    }
    /// What a signatory from `state` must give, and be.
    pub fn signing(&self, state: &Iso3) -> crate::initiatives::Requirements {
        let own = self.members.iter().find(|m| m.state == state.as_str());
        crate::initiatives::Requirements {
            min_age: own.and_then(|m| m.min_age).or(self.min_age).unwrap_or(18),
            id_number: own.is_some_and(|m| m.requires.iter().any(|r| r == "id_number")),
            address: own.is_some_and(|m| m.requires.iter().any(|r| r == "address")),
        }
    }
}

/// One member's requirements of its signatories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SigningSpec {
    pub state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_age: Option<u32>,
    /// `id_number` and/or `address`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<String>,
}

/// `[sanctions]`: the value-based criteria (`C1` gross human-rights abuse…) every ground of
/// a listing must name, the decision kind that lists and delists (default
/// `smart_sanctions`), the days members have to implement a listing (default 30) and the
/// months after which a listing is reviewed (default 12).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SanctionsSpec {
    #[serde(default)]
    pub decision: Option<String>,
    #[serde(default)]
    pub implementation_days: Option<u32>,
    #[serde(default)]
    pub review_months: Option<u32>,
    pub criteria: Vec<SanctionsCriterion>,
}

impl SanctionsSpec {
    pub fn decision(&self) -> &str {
        self.decision.as_deref().unwrap_or("smart_sanctions")
    }
    pub fn implementation_days(&self) -> u32 {
        self.implementation_days.unwrap_or(30)
    }
    pub fn review_months(&self) -> u32 {
        self.review_months.unwrap_or(12)
    }
    pub fn criterion(&self, code: &str) -> Option<&SanctionsCriterion> {
        self.criteria.iter().find(|c| c.code == code)
    }
}

/// A ground a listing may be coded against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SanctionsCriterion {
    /// A short code (`C1`): upper-case letters, digits, `-` or `_`.
    pub code: String,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// `[pledges]`: the organ whose agenda takes the pledges' alerts (default: the first
/// council), the organ whose members file the independent review (default: the
/// secretariat), and the source the roll-ups and the star use (`self`, `shadow` or
/// `independent`, the default).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PledgesSpec {
    #[serde(default)]
    pub organ: Option<String>,
    #[serde(default)]
    pub reviewer: Option<String>,
    #[serde(default)]
    pub rollup: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alliance {
    pub name: String,
    pub short_name: String,
    pub founding_text: String,
    /// Where the charter's model comes from (a seed paper, a treaty).
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Membership {
    /// The criterion a state must meet to join and to stay (the backsliding monitor checks it).
    pub criterion: String,
    pub founding_members: FoundingMembers,
    /// Stages of enlargement, in order; the first is the founding stage. While a stage is
    /// current, accession is open to states meeting that stage's criterion.
    #[serde(default)]
    pub stages: Vec<Stage>,
}

/// Who founds the alliance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FoundingMembers {
    /// Every state meeting the membership criterion in the latest ratings: `"eligible"`.
    Keyword(FoundingKeyword),
    /// A named founding group; each must meet the criterion.
    States(Vec<Iso3>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FoundingKeyword {
    Eligible,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub criterion: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedCriterion {
    pub description: String,
    pub rule: Criterion,
}

/// What an organ is, which tells the platform what it can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganKind {
    Summit,
    Council,
    Secretariat,
    ParliamentaryNetwork,
    CivilSocietyNetwork,
    CitizensAssembly,
    WorkingGroup,
    TaskForce,
    Caucus,
    Commission,
}

/// Who holds an organ's seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeatHolders {
    MemberStates,
    Parliamentarians,
    CivilSociety,
    Citizens,
    Staff,
    Mixed,
}

/// How many seats an organ has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seats {
    /// One seat for each member state.
    OnePerMember,
    /// Open to every accredited participant (networks).
    Open,
    /// A fixed number of seats.
    Fixed(u32),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organ {
    pub id: String,
    pub name: String,
    pub kind: OrganKind,
    pub seat_holders: SeatHolders,
    pub seats: Seats,
    #[serde(default)]
    pub mandate: String,
    /// How often it meets in ordinary session: `yearly`, `twice_yearly`, `quarterly`, `monthly`, `permanent`, `as_needed`.
    #[serde(default)]
    pub meets: Option<String>,
    #[serde(default)]
    pub chair: Option<Chair>,
    /// For organs that report to another (working groups to the council, the council to the summit).
    #[serde(default)]
    pub reports_to: Option<String>,
    /// Working groups and task forces: number of co-chairs and the span of a work plan.
    #[serde(default)]
    pub co_chairs: Option<u32>,
    #[serde(default)]
    pub work_plan_years: Option<u32>,
    /// Organs drawn by lot (the citizens' assembly): the quotas of the fair lottery.
    #[serde(default)]
    pub sortition: Option<Sortition>,
}

impl Organ {
    /// The fixed number of seats (0 where seats are open or one per member).
    pub fn fixed_seats(&self) -> usize {
        match self.seats {
            Seats::Fixed(n) => n as usize,
            _ => 0,
        }
    }
}

/// How an organ is drawn by lot: its seats (`seats = { fixed = N }`) are the panel size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sortition {
    /// `leximin` (the default), `maximin` or `nash`.
    #[serde(default = "default_algorithm")]
    pub algorithm: String,
    /// At most one person per household on the panel.
    #[serde(default)]
    pub one_per_household: bool,
    /// One row per feature value: how many panel members have it, at least and at most.
    pub quotas: Vec<QuotaRule>,
}

fn default_algorithm() -> String {
    "leximin".to_owned()
}

/// One quota row of a lottery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotaRule {
    pub feature: String,
    pub value: String,
    pub min: u32,
    pub max: u32,
}

impl Sortition {
    /// The features in the order their first quota row names them, with their values.
    pub fn features(&self) -> Vec<(&str, Vec<&QuotaRule>)> {
        let mut out: Vec<(&str, Vec<&QuotaRule>)> = Vec::new();
        for q in &self.quotas {
            match out.iter_mut().find(|(f, _)| *f == q.feature) {
                Some((_, rows)) => rows.push(q),
                None => out.push((q.feature.as_str(), vec![q])),
            }
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chair {
    pub selection: ChairSelection,
    pub term_months: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChairSelection {
    /// Rotates among the organ's member states in alphabetical order of their names.
    RotationAlphabetical,
    /// Rotates among UN regional groups in turn.
    RotationRegional,
    /// Elected by the organ.
    Election,
    /// Held by the host of the organ's ordinary session.
    Host,
}

/// For one kind of decision: which organ decides, by which rule, with which procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionSpec {
    pub kind: String,
    pub organ: String,
    pub rule: Rule,
    #[serde(default)]
    pub description: String,
    /// Share of seats that must take part for the decision to be valid.
    #[serde(default)]
    pub quorum: Option<Fraction>,
    /// The chair breaks a tie.
    #[serde(default)]
    pub chair_casting_vote: bool,
    /// Organs whose opinion is required before the vote.
    #[serde(default)]
    pub opinion_from: Vec<String>,
    /// Organs (besides the deciding organ's own members) with the right to table.
    #[serde(default)]
    pub tabled_by: Vec<String>,
    /// Days the organs in `opinion_from` have to give their opinion after tabling; the vote
    /// waits until every opinion is given or this time has passed (default 30).
    #[serde(default)]
    pub opinion_days: Option<u32>,
    /// A network that may object to an adopted decision by its own qualified majority.
    #[serde(default)]
    pub objection: Option<ObjectionRule>,
    /// Organs whose own majority is needed as well (co-decision): they vote before the
    /// deciding organ's final vote, and a refusal rejects the motion.
    #[serde(default)]
    pub co_decision: Vec<String>,
}

/// What an objection does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjectionEffect {
    /// The decision goes back to the deciding organ for a second reading and vote.
    SecondReading,
    /// The decision falls.
    Block,
}

impl ObjectionEffect {
    pub fn code(self) -> &'static str {
        match self {
            Self::SecondReading => "second_reading",
            Self::Block => "block",
        }
    }
}

/// A network's qualified objection: `organ` objects within `days` of the adoption by at
/// least `majority` of its votes cast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectionRule {
    pub organ: String,
    pub majority: Fraction,
    pub effect: ObjectionEffect,
    #[serde(default = "default_objection_days")]
    pub days: u32,
}

fn default_objection_days() -> u32 {
    14
}

impl Charter {
    /// Parse and validate a charter; `file` names the source in error messages.
    pub fn parse(file: &str, text: &str) -> Result<Self, CharterErrors> {
        parse::parse(file, text)
    }
    /// An organ drawn by lot and its lottery rules.
    pub fn by_lot(&self, id: &str) -> Option<(&Organ, &Sortition)> {
        let organ = self.organ(id)?;
        Some((organ, organ.sortition.as_ref()?))
    }

    pub fn organ(&self, id: &str) -> Option<&Organ> {
        self.organs.iter().find(|o| o.id == id)
    }
    /// The decisions the charter assigns to an organ.
    pub fn decisions_of<'a>(
        &'a self,
        organ: &'a str,
    ) -> impl Iterator<Item = &'a DecisionSpec> + 'a {
        self.decisions.iter().filter(move |d| d.organ == organ)
    }
    pub fn decision(&self, kind: &str) -> Option<&DecisionSpec> {
        self.decisions.iter().find(|d| d.kind == kind)
    }
    /// The criterion that admission is judged by now: the current stage's, or the membership criterion.
    pub fn admission_criterion(&self, stage: Option<&str>) -> &str {
        stage
            .and_then(|s| self.membership.stages.iter().find(|st| st.id == s))
            .map(|st| st.criterion.as_str())
            .unwrap_or(&self.membership.criterion)
    }
}
