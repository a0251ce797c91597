//! Domain values in the reader's language.

use comity_core::State;
use comity_core::charter::{
    Base, ChairSelection, Charter, DecisionSpec, Organ, OrganKind, Rule, Seats, WeightSource,
};
use comity_core::journal::Entry;
use comity_core::registry::Regime;

use crate::i18n::Tr;

pub fn organ_kind_key(k: OrganKind) -> String {
    let id = match k {
        OrganKind::Summit => "summit",
        OrganKind::Council => "council",
        OrganKind::Secretariat => "secretariat",
        OrganKind::ParliamentaryNetwork => "parliamentary_network",
        OrganKind::CivilSocietyNetwork => "civil_society_network",
        OrganKind::CitizensAssembly => "citizens_assembly",
        OrganKind::WorkingGroup => "working_group",
        OrganKind::TaskForce => "task_force",
        OrganKind::Caucus => "caucus",
        OrganKind::Commission => "commission",
    };
    format!("kind-{id}")
}

pub fn regime(tr: &Tr<'_>, r: Regime) -> String {
    let id = match r {
        Regime::ClosedAutocracy => "regime-closed_autocracy",
        Regime::ElectoralAutocracy => "regime-electoral_autocracy",
        Regime::ElectoralDemocracy => "regime-electoral_democracy",
        Regime::LiberalDemocracy => "regime-liberal_democracy",
    };
    tr.t(id)
}

pub fn group(tr: &Tr<'_>, code: Option<&str>) -> String {
    match code {
        Some(c) => tr.t(&format!("group-{c}")),
        None => tr.t("group-none"),
    }
}

pub fn seats(tr: &Tr<'_>, s: Seats) -> String {
    match s {
        Seats::OnePerMember => tr.t("seats-one_per_member"),
        Seats::Open => tr.t("seats-open"),
        Seats::Fixed(n) => tr.t1("seats-fixed", "count", n),
    }
}

pub fn chair(tr: &Tr<'_>, o: &Organ) -> String {
    let Some(c) = &o.chair else {
        return String::new();
    };
    let id = match c.selection {
        ChairSelection::RotationAlphabetical => "chair-rotation_alphabetical",
        ChairSelection::RotationRegional => "chair-rotation_regional",
        ChairSelection::Election => "chair-election",
        ChairSelection::Host => "chair-host",
    };
    tr.t1(id, "months", c.term_months)
}

pub fn meets(tr: &Tr<'_>, o: &Organ) -> String {
    match o.meets.as_deref() {
        Some(
            m @ ("yearly" | "twice_yearly" | "quarterly" | "monthly" | "permanent" | "as_needed"
            | "every_two_years"),
        ) => tr.t(&format!("meets-{m}")),
        Some(other) => other.to_owned(),
        None => tr.t("meets-unspecified"),
    }
}

pub fn rule(tr: &Tr<'_>, r: &Rule) -> String {
    let base = |b: &Base| {
        tr.t(match b {
            Base::VotesCast => "base-votes_cast",
            Base::MembersPresent => "base-members_present",
            Base::Members => "base-members",
        })
    };
    match r {
        Rule::Consensus => tr.t("rule-consensus"),
        Rule::Unanimity {
            abstention_blocks: true,
        } => tr.t("rule-unanimity-blocks"),
        Rule::Unanimity {
            abstention_blocks: false,
        } => tr.t("rule-unanimity"),
        Rule::SimpleMajority { of } => tr.t1("rule-simple", "base", base(of)),
        Rule::QualifiedMajority { fraction, of } => tr.t2(
            "rule-qualified",
            "fraction",
            fraction.to_string(),
            "base",
            base(of),
        ),
        Rule::DoubleMajority {
            states,
            population,
            blocking_minority: None,
        } => tr.t2(
            "rule-double",
            "states",
            states.to_string(),
            "population",
            population.to_string(),
        ),
        Rule::DoubleMajority {
            states,
            population,
            blocking_minority: Some(b),
        } => {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("states", states.to_string());
            args.set("population", population.to_string());
            args.set("blocking", f64::from(*b));
            tr.catalog
                .format(tr.lang, "rule-double-blocking", Some(&args))
        }
        Rule::Weighted { weights, quota } => {
            let w = tr.t(match weights {
                WeightSource::Population => "weights-population",
                WeightSource::SqrtPopulation => "weights-sqrt_population",
                WeightSource::Equal => "weights-equal",
            });
            tr.t2("rule-weighted", "weights", w, "quota", quota.to_string())
        }
    }
}

pub fn procedure(tr: &Tr<'_>, charter: &Charter, d: &DecisionSpec) -> String {
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| {
                charter
                    .organ(id)
                    .map(|o| o.name.clone())
                    .unwrap_or_else(|| id.clone())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !d.opinion_from.is_empty() {
        parts.push(tr.t1("proc-opinion", "organs", names(&d.opinion_from)));
    }
    if !d.tabled_by.is_empty() {
        parts.push(tr.t1("proc-tabled", "organs", names(&d.tabled_by)));
    }
    if let Some(q) = d.quorum {
        parts.push(tr.t1("proc-quorum", "quorum", q.to_string()));
    }
    if d.chair_casting_vote {
        parts.push(tr.t("proc-casting"));
    }
    if parts.is_empty() {
        tr.t("proc-none")
    } else {
        parts.join("; ")
    }
}

/// One line saying what a journal entry records, in the reader's language: the entry is read
/// as its typed event and each capability words its own.
pub fn entry_summary(tr: &Tr<'_>, state: &State, e: &Entry) -> String {
    use comity_core::Event as E;
    match e.event() {
        Ok(E::Base(ev)) => crate::base::words::summary(tr, state, &ev),
        Ok(E::Motion(ev)) => crate::motion::words::summary(tr, state, &ev),
        Ok(E::Election(ev)) => crate::election::words::summary(tr, state, &ev),
        Ok(E::Assembly(ev)) => crate::assembly::words::summary(tr, state, &ev),
        Ok(E::Membership(ev)) => crate::membership::words::summary(tr, state, &ev),
        Ok(E::Network(ev)) => crate::network::words::summary(tr, state, &ev),
        Ok(E::Reporting(ev)) => crate::reporting::words::summary(tr, state, &ev),
        Ok(E::Treaty(ev)) => crate::treaty::words::summary(tr, state, &ev),
        Err(_) => tr.t1("ev-unknown", "kind", e.kind.as_str()),
    }
}

/// A tally explained in words and numbers, e.g. "adopted: 18 of 27 members (66.7 % ≥ 55 %)
/// representing 71.2 % of the population (≥ 65 %)".
pub fn tally(tr: &Tr<'_>, t: &comity_voting::rules::Tally) -> String {
    use comity_voting::rules::{Outcome, TestKind};
    let pct = |permille: u64| format!("{}.{} %", permille / 10, permille % 10);
    let need = |f: comity_voting::rules::Fraction| {
        let p = (u128::from(f.num()) * 2000 + u128::from(f.den())) / (2 * u128::from(f.den()));
        pct(u64::try_from(p).unwrap_or(0))
    };
    let mut parts = Vec::new();
    for test in &t.tests {
        let cmp = if test.strict { ">" } else { "≥" };
        let share = pct(test.share_permille());
        let args = |id: &str| {
            let mut a = fluent_bundle::FluentArgs::new();
            a.set("achieved", test.achieved);
            a.set("base", test.base);
            a.set("share", share.clone());
            a.set("cmp", cmp);
            a.set("need", need(test.threshold));
            a.set("minimum", test.minimum);
            tr.catalog.format(tr.lang, id, Some(&a))
        };
        parts.push(match test.kind {
            TestKind::Quorum => args("tally-quorum"),
            TestKind::Members => args("tally-members"),
            TestKind::Population => args("tally-population"),
            TestKind::Weight => args("tally-weight"),
        });
    }
    if !t.objections.is_empty() {
        parts.push(tr.t1("tally-objections", "count", t.objections.len()));
    }
    if t.casting_vote_used {
        parts.push(tr.t("tally-casting-vote"));
    }
    if t.blocking_minority_applied {
        parts.push(tr.t("tally-no-blocking-minority"));
    }
    let word = match t.outcome {
        Outcome::Adopted => tr.t("outcome-adopted"),
        Outcome::Rejected => tr.t("outcome-rejected"),
        Outcome::NoQuorum => tr.t("outcome-no-quorum"),
    };
    if parts.is_empty() {
        word
    } else {
        format!("{word}: {}", parts.join("; "))
    }
}

fn fluent(tr: &Tr<'_>, id: &str, args: &[(&str, String)]) -> String {
    let mut a = fluent_bundle::FluentArgs::new();
    for (k, v) in args {
        a.set(*k, v.clone());
    }
    tr.catalog.format(tr.lang, id, Some(&a))
}

fn fh_status(tr: &Tr<'_>, s: comity_core::registry::FhStatus) -> String {
    tr.t(&format!("fhs-{}", s.code()))
}

/// A verdict's reason in the reader's language, from its structured parts.
pub fn reasons(tr: &Tr<'_>, parts: &[comity_core::criteria::Reason]) -> String {
    use comity_core::criteria::Reason as R;
    let one = |p: &R| match p {
        R::CannotEvaluate { criterion } => fluent(
            tr,
            "why-cannot-evaluate",
            &[("criterion", criterion.clone())],
        ),
        R::NoFhEdition => tr.t("why-no-fh"),
        R::FhNotRated { edition } => {
            fluent(tr, "why-fh-not-rated", &[("edition", edition.to_string())])
        }
        R::FhRated {
            status,
            total: Some(t),
            edition,
            ..
        } => fluent(
            tr,
            "why-fh-rated",
            &[
                ("status", fh_status(tr, *status)),
                ("score", t.to_string()),
                ("edition", edition.to_string()),
            ],
        ),
        R::FhRated {
            status,
            total: None,
            pr,
            cl,
            edition,
        } => fluent(
            tr,
            "why-fh-rated-prcl",
            &[
                ("status", fh_status(tr, *status)),
                ("pr", pr.to_string()),
                ("cl", cl.to_string()),
                ("edition", edition.to_string()),
            ],
        ),
        R::RequiresFhStatus { statuses } => {
            let names: Vec<String> = statuses.iter().map(|s| fh_status(tr, *s)).collect();
            fluent(
                tr,
                "why-requires-status",
                &[("statuses", names.join(" / "))],
            )
        }
        R::RequiresFhScore { min } => fluent(tr, "why-requires-score", &[("min", min.to_string())]),
        R::NoVdemYear => tr.t("why-no-vdem"),
        R::VdemNotCoded { year } => fluent(tr, "why-vdem-not-coded", &[("year", year.to_string())]),
        R::VdemRated {
            year,
            regime: g,
            polyarchy,
        } => {
            let regime_text = g.map_or_else(|| tr.t("why-regime-not-coded"), |g| regime(tr, g));
            match polyarchy {
                Some(p) => fluent(
                    tr,
                    "why-vdem-rated-index",
                    &[
                        ("year", year.to_string()),
                        ("regime", regime_text),
                        ("index", p.clone()),
                    ],
                ),
                None => fluent(
                    tr,
                    "why-vdem-rated",
                    &[("year", year.to_string()), ("regime", regime_text)],
                ),
            }
        }
        R::RequiresRegime { min } => {
            fluent(tr, "why-requires-regime", &[("regime", regime(tr, *min))])
        }
        R::RequiresPolyarchy { min } => fluent(tr, "why-requires-index", &[("min", min.clone())]),
    };
    parts.iter().map(one).collect::<Vec<_>>().join("; ")
}

/// A refusal in the reader's language: the error's id is its message id, with its fields.
pub fn refusal(tr: &Tr<'_>, e: &comity_core::DomainError) -> String {
    use comity_core::DomainError as E;
    // A capability's typed refusal has a message of its own.
    if let Some((id, args)) = e.detail() {
        let args: Vec<(&str, String)> = args
            .into_iter()
            .map(|(k, v)| match (id, k) {
                ("refused-treaty-adoption-not-adopted", "status") => {
                    (k, tr.t(&format!("motion-status-{}", v.replace('_', "-"))))
                }
                (
                    "refused-treaty-invalid-text" | "refused-treaty-edit-invalid-wording",
                    "problem",
                ) => (k, tr.t(&v)),
                _ => (k, v),
            })
            .collect();
        return fluent(tr, id, &args);
    }
    let args: Vec<(&str, String)> = match e {
        E::UnknownOrgan(o) => vec![("organ", o.clone())],
        E::UnknownDecision(d) => vec![("decision", d.clone())],
        E::EmptyField { field } => vec![("field", (*field).to_owned())],
        E::TooLong { field, max } => vec![("field", (*field).to_owned()), ("max", max.to_string())],
        E::NoFixedSeats { organ } => vec![("organ", organ.clone())],
        E::SeatCount {
            organ,
            seats,
            given,
        } => vec![
            ("organ", organ.clone()),
            ("seats", seats.to_string()),
            ("given", given.to_string()),
        ],
        E::NotAMember(s) | E::UnknownState(s) => vec![("state", s.to_string())],
        E::Duplicate(x) => vec![("name", x.clone())],
        E::UnknownMotion(m) | E::NoVoteOpen(m) => vec![("motion", m.to_string())],
        E::UnknownAmendment { motion, amendment } => vec![
            ("motion", motion.to_string()),
            ("amendment", amendment.to_string()),
        ],
        E::WrongStatus { motion, status, .. } => vec![
            ("motion", motion.to_string()),
            (
                "status",
                tr.t(&format!(
                    "motion-status-{}",
                    status.code().replace('_', "-")
                )),
            ),
        ],
        E::AmendmentSettled {
            motion,
            amendment,
            status,
        } => vec![
            ("motion", motion.to_string()),
            ("amendment", amendment.to_string()),
            ("status", tr.t(&format!("amendment-status-{status}"))),
        ],
        E::AlreadySponsor { motion, seat } => {
            vec![("motion", motion.to_string()), ("seat", seat.clone())]
        }
        E::VoteAlreadyOpen { motion, item } => vec![
            ("motion", motion.to_string()),
            ("item", item_label(tr, *item)),
        ],
        E::DeadlineInPast { closes_at, now } => {
            vec![("closes", closes_at.to_string()), ("now", now.to_string())]
        }
        E::UnknownElection(n) => vec![("election", n.to_string())],
        E::NotByLot(o) | E::NoDrawPending(o) => vec![("organ", o.clone())],
        E::VolunteerInvalid {
            volunteer,
            field,
            detail,
        } => vec![
            ("volunteer", volunteer.to_string()),
            ("field", field.clone()),
            ("detail", detail.clone()),
        ],
        E::PoolClosed(d) | E::DrawPending(d) => vec![("draw", d.to_string())],
        E::AlreadyMember(s) => vec![("state", s.to_string())],
        E::ApplicationPending { state, application } => vec![
            ("state", state.to_string()),
            ("application", application.to_string()),
        ],
        E::UnknownApplication(a) => vec![("application", a.to_string())],
        E::NotEligible {
            application,
            report,
        } => vec![
            ("application", application.to_string()),
            ("report", report.clone()),
        ],
        E::ApplicationSettled {
            application,
            status,
        } => vec![
            ("application", application.to_string()),
            ("status", tr.t(&format!("application-status-{status}"))),
        ],
        E::UnknownReview(r) | E::ReviewBusy(r) => vec![("review", r.to_string())],
        E::Suspended { state, review } => {
            vec![("state", state.to_string()), ("review", review.to_string())]
        }
        E::OutsidePowers { organ, clause } => {
            vec![("organ", organ.clone()), ("clause", clause.clone())]
        }
        E::OpinionGiven { organ, motion } => {
            vec![("organ", organ.clone()), ("motion", motion.to_string())]
        }
        E::OpinionPending { organ, until } => {
            vec![("organ", organ.clone()), ("until", until.to_string())]
        }
        E::NetworkVotedAlready { organ, motion, .. } | E::CoDecisionPending { organ, motion } => {
            vec![("organ", organ.clone()), ("motion", motion.to_string())]
        }
        E::NoDivisionOpen { organ, motion } | E::DivisionOpen { organ, motion } => {
            vec![("organ", organ.clone()), ("motion", motion.to_string())]
        }
        E::NoAccreditedMembers(organ) => vec![("organ", organ.clone())],
        E::NotInDivision { member, organ } => {
            vec![("member", member.to_string()), ("organ", organ.clone())]
        }
        E::SameNetworkVote { member, vote } => vec![
            ("member", member.to_string()),
            ("vote", tr.t(&format!("vote-{vote}"))),
        ],
        E::ObjectionTooLate { motion, until } => {
            vec![("motion", motion.to_string()), ("until", until.to_string())]
        }
        E::UnknownAccreditation(a) | E::AccreditationSettled(a) => {
            vec![("accreditation", a.to_string())]
        }
        E::NotANetwork { organ } => vec![("organ", organ.clone())],
        E::UnknownTreaty(t) | E::TreatyExists(t) => vec![("treaty", t.clone())],
        E::TreatyStage { treaty, stage, .. } => vec![
            ("treaty", treaty.clone()),
            (
                "stage",
                tr.t(&format!("treaty-stage-{}", stage.replace('_', "-"))),
            ),
        ],
        E::OpenBrackets { treaty, count } => {
            vec![("treaty", treaty.clone()), ("count", count.to_string())]
        }
        // Worded by their typed detail above.
        E::BadOrder(_)
        | E::Rule(_)
        | E::Election(_)
        | E::Sortition(_)
        | E::TreatyInvalid(_)
        | E::TreatyEdit(_)
        | E::TreatyAct(_)
        | E::AdoptionMotion { .. } => Vec::new(),
        E::DepositBeforeOpening {
            state,
            date,
            opened,
        } => vec![
            ("state", state.to_string()),
            ("date", date.to_string()),
            ("opened", opened.to_string()),
        ],
        E::AlreadyDeposited { state, date } => {
            vec![("state", state.to_string()), ("date", date.to_string())]
        }
        E::NoElectorate(o) | E::PersonsVoteUnsupported(o) => vec![("organ", o.clone())],
        E::NotSeated { state, organ } => {
            vec![("state", state.to_string()), ("organ", organ.clone())]
        }
        E::VoteOver { closes_at } => vec![("closes", closes_at.to_string())],
        E::SameVote { state, vote } => vec![
            ("state", state.to_string()),
            ("vote", tr.t(&format!("vote-{vote}"))),
        ],
        E::VoteStillOpen { closes_at, missing } => vec![
            ("closes", closes_at.to_string()),
            ("missing", missing.to_string()),
        ],
        E::NothingNew { what } => vec![("what", what.clone())],
        E::InvalidCharter(errs) => vec![("detail", errs.to_string())],
        E::FoundersNotEligible { criterion, .. } => {
            vec![("criterion", criterion.clone()), ("detail", e.to_string())]
        }
        E::CharterAlreadyAdopted
        | E::NoCharter
        | E::AlreadyFounded
        | E::NoStates
        | E::SeedMismatch
        | E::EmptyImport => Vec::new(),
    };
    fluent(tr, &format!("refused-{}", e.id()), &args)
}

/// A denial in the reader's language.
pub fn denial(tr: &Tr<'_>, d: &comity_core::auth::Denied) -> String {
    use comity_core::auth::Denied as D;
    let args: Vec<(&str, String)> = match d {
        D::SecretariatOnly { .. } | D::NoCharter => Vec::new(),
        D::NotYourSeat { seat, roles } => {
            vec![("seat", seat.to_string()), ("roles", roles.clone())]
        }
        D::NotYourAccreditation { member, roles } => {
            vec![("member", member.to_string()), ("roles", roles.clone())]
        }
        D::MayNotTable {
            seat,
            organ,
            decision,
            tabled_by,
        } => vec![
            ("seat", seat.to_string()),
            ("organ", organ.clone()),
            ("decision", decision.clone()),
            (
                "others",
                if tabled_by.is_empty() {
                    "—".to_owned()
                } else {
                    tabled_by.join(", ")
                },
            ),
        ],
        D::UnknownMotion(m) => vec![("motion", m.to_string())],
        D::UnknownDecision(x) => vec![("decision", x.clone())],
    };
    fluent(tr, &format!("refused-{}", d.id()), &args)
}

pub fn item_label(tr: &Tr<'_>, i: comity_core::motion::Item) -> String {
    match i {
        comity_core::motion::Item::Motion => tr.t("item-motion"),
        comity_core::motion::Item::Amendment(n) => tr.t1("item-amendment", "n", n),
    }
}

#[cfg(test)]
mod tests {
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
            E::CharterAlreadyAdopted,
            E::NoCharter,
            E::AlreadyFounded,
            E::NoStates,
            E::FoundersNotEligible {
                criterion: "c".into(),
                refused: vec![],
            },
            E::UnknownState(iso.clone()),
            E::NothingNew { what: "x".into() },
            E::EmptyImport,
            E::UnknownOrgan("o".into()),
            E::UnknownDecision("d".into()),
            E::EmptyField { field: "title" },
            E::TooLong {
                field: "title",
                max: 200,
            },
            E::NoFixedSeats { organ: "o".into() },
            E::SeatCount {
                organ: "o".into(),
                seats: 25,
                given: 3,
            },
            E::NotAMember(iso.clone()),
            E::Duplicate("DNK".into()),
            E::UnknownMotion(1),
            E::UnknownAmendment {
                motion: 1,
                amendment: 2,
            },
            E::WrongStatus {
                motion: 1,
                status: MotionStatus::UnderDebate,
                act: "x",
            },
            E::AmendmentSettled {
                motion: 1,
                amendment: 2,
                status: "lapsed",
            },
            E::AlreadySponsor {
                motion: 1,
                seat: "DNK".into(),
            },
            E::VoteAlreadyOpen {
                motion: 1,
                item: Item::Amendment(2),
            },
            E::NoVoteOpen(1),
            E::DeadlineInPast {
                closes_at: t,
                now: t,
            },
            E::NoElectorate("o".into()),
            E::NotSeated {
                state: iso.clone(),
                organ: "o".into(),
            },
            E::VoteOver { closes_at: t },
            E::SameVote {
                state: iso.clone(),
                vote: "yes",
            },
            E::VoteStillOpen {
                closes_at: t,
                missing: 3,
            },
            E::PersonsVoteUnsupported("o".into()),
            E::UnknownElection(1),
            E::NotByLot("o".into()),
            E::VolunteerInvalid {
                volunteer: 1,
                field: "f".into(),
                detail: "d".into(),
            },
            E::PoolClosed(1),
            E::DrawPending(1),
            E::NoDrawPending("o".into()),
            E::SeedMismatch,
            E::AlreadyMember(iso.clone()),
            E::ApplicationPending {
                state: iso.clone(),
                application: 1,
            },
            E::UnknownApplication(1),
            E::NotEligible {
                application: 1,
                report: "x".into(),
            },
            E::ApplicationSettled {
                application: 1,
                status: "admitted",
            },
            E::UnknownReview(1),
            E::ReviewBusy(1),
            E::Suspended {
                state: iso.clone(),
                review: 1,
            },
            E::OutsidePowers {
                organ: "o".into(),
                clause: "c".into(),
            },
            E::OpinionGiven {
                organ: "o".into(),
                motion: 1,
            },
            E::OpinionPending {
                organ: "o".into(),
                until: t,
            },
            E::NetworkVotedAlready {
                organ: "o".into(),
                motion: 1,
                act: "objection",
            },
            E::CoDecisionPending {
                organ: "o".into(),
                motion: 1,
            },
            E::ObjectionTooLate {
                motion: 1,
                until: t,
            },
            E::NoDivisionOpen {
                organ: "o".into(),
                motion: 1,
            },
            E::DivisionOpen {
                organ: "o".into(),
                motion: 1,
            },
            E::NoAccreditedMembers("o".into()),
            E::NotInDivision {
                member: 9,
                organ: "o".into(),
            },
            E::SameNetworkVote {
                member: 9,
                vote: "yes",
            },
            E::UnknownAccreditation(1),
            E::AccreditationSettled(1),
            E::NotANetwork { organ: "o".into() },
            E::UnknownTreaty("t".into()),
            E::TreatyExists("t".into()),
            E::TreatyStage {
                treaty: "t".into(),
                stage: "open_for_signature",
                act: "x",
            },
            E::OpenBrackets {
                treaty: "t".into(),
                count: 2,
            },
            E::DepositBeforeOpening {
                state: iso.clone(),
                date: comity_core::ids::Day::parse("2026-01-01").unwrap(),
                opened: comity_core::ids::Day::parse("2026-02-01").unwrap(),
            },
            E::AlreadyDeposited {
                state: iso.clone(),
                date: comity_core::ids::Day::parse("2026-01-01").unwrap(),
            },
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
        for lang in [Lang::En, Lang::Fr, Lang::Ar] {
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
            for lang in [Lang::En, Lang::Fr, Lang::Ar] {
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
        assert_eq!(seen.len(), 48);
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
            E::BadOrder(O::NotTheTabled {
                tabled: vec![1, 2],
                given: vec![2],
            }),
            E::BadOrder(O::AlreadyStated),
            E::Rule(R::EmptyDivision),
            E::Rule(R::ClosesBeforeOpening { now: t }),
            E::Rule(R::AbsentIsNoVote),
            E::Rule(R::Tally { detail: s() }),
            E::Sortition(S::PoolTooSmall { pool: 3, seats: 5 }),
            E::Sortition(S::Infeasible { why: s() }),
            E::Sortition(S::UnknownAlgorithm { algorithm: s() }),
            E::Sortition(S::Selection { detail: s() }),
            E::TreatyInvalid(I::File { detail: s() }),
            E::TreatyInvalid(I::Text(text_errors.clone())),
            E::TreatyEdit(Ed::UnknownParagraph(s())),
            E::TreatyEdit(Ed::UnknownBracket(b.clone())),
            E::TreatyEdit(Ed::UnknownAlternative {
                bracket: b.clone(),
                index: 2,
                count: 2,
            }),
            E::TreatyEdit(Ed::EmptyWording),
            E::TreatyEdit(Ed::InvalidWording(text_errors)),
            E::TreatyEdit(Ed::DuplicateAlternative {
                bracket: b.clone(),
                index: 0,
            }),
            E::TreatyEdit(Ed::WouldEmpty {
                bracket: b,
                what: s(),
            }),
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
            v.push(E::Election(e));
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
            v.push(E::TreatyAct(e));
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
            v.push(E::AdoptionMotion { motion: 1, detail });
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
            for lang in [Lang::En, Lang::Fr, Lang::Ar] {
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
        let e = E::TreatyInvalid(comity_core::treaty::InvalidError::Text(
            comity_core::treaty::text::Draft::parse("no title").unwrap_err(),
        ));
        let text = refusal(&fr, &e);
        assert!(
            text.starts_with("Le texte du traité n'est pas valide à la ligne 1"),
            "{text}"
        );
    }
}
