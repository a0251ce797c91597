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
        Ok(E::Caucus(ev)) => crate::caucus::words::summary(tr, state, &ev),
        Ok(E::Pledges(ev)) => crate::pledges::words::summary(tr, state, &ev),
        Ok(E::Sanctions(ev)) => crate::sanctions::words::summary(tr, state, &ev),
        Ok(E::Initiatives(ev)) => crate::initiatives::words::summary(tr, state, &ev),
        Ok(E::Consultations(ev)) => crate::consultations::words::summary(tr, state, &ev),
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
                ("refused-pledge-wrong-reading", "expected") => {
                    (k, tr.t(&format!("pledges-expected-{v}")))
                }
                ("refused-pledge-wrong-reading", "kind") => (k, tr.t(&format!("pledges-kind-{v}"))),
                ("refused-pledge-against-direction", "direction") => {
                    (k, tr.t(&format!("pledges-direction-{v}")))
                }
                ("refused-pledge-wrong-lane", "source") => {
                    (k, tr.t(&format!("pledges-source-{v}")))
                }
                ("refused-sanctions-not-in-force" | "refused-sanctions-already-case", "status") => {
                    (k, tr.t(&format!("sanctions-status-{v}")))
                }
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
        E::Base(comity_core::base::Refusal::UnknownOrgan(o)) => vec![("organ", o.clone())],
        E::Base(comity_core::base::Refusal::UnknownDecision(d)) => vec![("decision", d.clone())],
        E::Base(comity_core::base::Refusal::EmptyField { field }) => {
            vec![("field", (*field).to_owned())]
        }
        E::Base(comity_core::base::Refusal::TooLong { field, max }) => {
            vec![("field", (*field).to_owned()), ("max", max.to_string())]
        }
        E::Base(comity_core::base::Refusal::NoFixedSeats { organ }) => {
            vec![("organ", organ.clone())]
        }
        E::Base(comity_core::base::Refusal::SeatCount {
            organ,
            seats,
            given,
        }) => vec![
            ("organ", organ.clone()),
            ("seats", seats.to_string()),
            ("given", given.to_string()),
        ],
        E::Base(comity_core::base::Refusal::NotAMember(s))
        | E::Base(comity_core::base::Refusal::UnknownState(s)) => vec![("state", s.to_string())],
        E::Base(comity_core::base::Refusal::Duplicate(x)) => vec![("name", x.clone())],
        E::Motion(comity_core::motion::Refusal::UnknownMotion(m))
        | E::Motion(comity_core::motion::Refusal::NoVoteOpen(m)) => vec![("motion", m.to_string())],
        E::Motion(comity_core::motion::Refusal::UnknownAmendment { motion, amendment }) => vec![
            ("motion", motion.to_string()),
            ("amendment", amendment.to_string()),
        ],
        E::Motion(comity_core::motion::Refusal::WrongStatus { motion, status, .. }) => vec![
            ("motion", motion.to_string()),
            (
                "status",
                tr.t(&format!(
                    "motion-status-{}",
                    status.code().replace('_', "-")
                )),
            ),
        ],
        E::Motion(comity_core::motion::Refusal::AmendmentSettled {
            motion,
            amendment,
            status,
        }) => vec![
            ("motion", motion.to_string()),
            ("amendment", amendment.to_string()),
            ("status", tr.t(&format!("amendment-status-{status}"))),
        ],
        E::Motion(comity_core::motion::Refusal::AlreadySponsor { motion, seat }) => {
            vec![("motion", motion.to_string()), ("seat", seat.clone())]
        }
        E::Motion(comity_core::motion::Refusal::VoteAlreadyOpen { motion, item }) => vec![
            ("motion", motion.to_string()),
            ("item", item_label(tr, *item)),
        ],
        E::Motion(comity_core::motion::Refusal::DeadlineInPast { closes_at, now }) => {
            vec![("closes", closes_at.to_string()), ("now", now.to_string())]
        }
        E::Election(comity_core::election::Refusal::UnknownElection(n)) => {
            vec![("election", n.to_string())]
        }
        E::Assembly(comity_core::assembly::Refusal::NotByLot(o))
        | E::Assembly(comity_core::assembly::Refusal::NoDrawPending(o)) => {
            vec![("organ", o.clone())]
        }
        E::Assembly(comity_core::assembly::Refusal::VolunteerInvalid {
            volunteer,
            field,
            detail,
        }) => vec![
            ("volunteer", volunteer.to_string()),
            ("field", field.clone()),
            ("detail", detail.clone()),
        ],
        E::Assembly(comity_core::assembly::Refusal::PoolClosed(d))
        | E::Assembly(comity_core::assembly::Refusal::DrawPending(d)) => {
            vec![("draw", d.to_string())]
        }
        E::Membership(comity_core::membership::Refusal::AlreadyMember(s)) => {
            vec![("state", s.to_string())]
        }
        E::Membership(comity_core::membership::Refusal::ApplicationPending {
            state,
            application,
        }) => vec![
            ("state", state.to_string()),
            ("application", application.to_string()),
        ],
        E::Membership(comity_core::membership::Refusal::UnknownApplication(a)) => {
            vec![("application", a.to_string())]
        }
        E::Membership(comity_core::membership::Refusal::NotEligible {
            application,
            report,
        }) => vec![
            ("application", application.to_string()),
            ("report", report.clone()),
        ],
        E::Membership(comity_core::membership::Refusal::ApplicationSettled {
            application,
            status,
        }) => vec![
            ("application", application.to_string()),
            ("status", tr.t(&format!("application-status-{status}"))),
        ],
        E::Membership(comity_core::membership::Refusal::UnknownReview(r))
        | E::Membership(comity_core::membership::Refusal::ReviewBusy(r)) => {
            vec![("review", r.to_string())]
        }
        E::Membership(comity_core::membership::Refusal::Suspended { state, review }) => {
            vec![("state", state.to_string()), ("review", review.to_string())]
        }
        E::Network(comity_core::network::Refusal::OutsidePowers { organ, clause }) => {
            vec![("organ", organ.clone()), ("clause", clause.clone())]
        }
        E::Network(comity_core::network::Refusal::OpinionGiven { organ, motion }) => {
            vec![("organ", organ.clone()), ("motion", motion.to_string())]
        }
        E::Network(comity_core::network::Refusal::OpinionPending { organ, until }) => {
            vec![("organ", organ.clone()), ("until", until.to_string())]
        }
        E::Network(comity_core::network::Refusal::NetworkVotedAlready {
            organ, motion, ..
        })
        | E::Network(comity_core::network::Refusal::CoDecisionPending { organ, motion }) => {
            vec![("organ", organ.clone()), ("motion", motion.to_string())]
        }
        E::Network(comity_core::network::Refusal::NoDivisionOpen { organ, motion })
        | E::Network(comity_core::network::Refusal::DivisionOpen { organ, motion }) => {
            vec![("organ", organ.clone()), ("motion", motion.to_string())]
        }
        E::Network(comity_core::network::Refusal::NoAccreditedMembers(organ)) => {
            vec![("organ", organ.clone())]
        }
        E::Network(comity_core::network::Refusal::NotInDivision { member, organ }) => {
            vec![("member", member.to_string()), ("organ", organ.clone())]
        }
        E::Network(comity_core::network::Refusal::SameNetworkVote { member, vote }) => vec![
            ("member", member.to_string()),
            ("vote", tr.t(&format!("vote-{vote}"))),
        ],
        E::Network(comity_core::network::Refusal::ObjectionTooLate { motion, until }) => {
            vec![("motion", motion.to_string()), ("until", until.to_string())]
        }
        E::Network(comity_core::network::Refusal::UnknownAccreditation(a))
        | E::Network(comity_core::network::Refusal::AccreditationSettled(a)) => {
            vec![("accreditation", a.to_string())]
        }
        E::Network(comity_core::network::Refusal::NotANetwork { organ }) => {
            vec![("organ", organ.clone())]
        }
        E::Treaty(comity_core::treaty::Refusal::UnknownTreaty(t))
        | E::Treaty(comity_core::treaty::Refusal::TreatyExists(t)) => vec![("treaty", t.clone())],
        E::Treaty(comity_core::treaty::Refusal::TreatyStage { treaty, stage, .. }) => vec![
            ("treaty", treaty.clone()),
            (
                "stage",
                tr.t(&format!("treaty-stage-{}", stage.replace('_', "-"))),
            ),
        ],
        E::Treaty(comity_core::treaty::Refusal::OpenBrackets { treaty, count }) => {
            vec![("treaty", treaty.clone()), ("count", count.to_string())]
        }
        // Worded by their typed detail above.
        E::Motion(comity_core::motion::Refusal::BadOrder(_))
        | E::Base(comity_core::base::Refusal::Rule(_))
        | E::Election(comity_core::election::Refusal::Invalid(_))
        | E::Assembly(comity_core::assembly::Refusal::Sortition(_))
        | E::Treaty(comity_core::treaty::Refusal::TreatyInvalid(_))
        | E::Treaty(comity_core::treaty::Refusal::TreatyEdit(_))
        | E::Treaty(comity_core::treaty::Refusal::TreatyAct(_))
        | E::Treaty(comity_core::treaty::Refusal::AdoptionMotion { .. })
        | E::Caucus(_)
        | E::Pledges(_)
        | E::Sanctions(_)
        | E::Initiatives(_)
        | E::Consultations(_) => Vec::new(),
        E::Treaty(comity_core::treaty::Refusal::DepositBeforeOpening {
            state,
            date,
            opened,
        }) => vec![
            ("state", state.to_string()),
            ("date", date.to_string()),
            ("opened", opened.to_string()),
        ],
        E::Treaty(comity_core::treaty::Refusal::AlreadyDeposited { state, date }) => {
            vec![("state", state.to_string()), ("date", date.to_string())]
        }
        E::Motion(comity_core::motion::Refusal::NoElectorate(o))
        | E::Motion(comity_core::motion::Refusal::PersonsVoteUnsupported(o)) => {
            vec![("organ", o.clone())]
        }
        E::Motion(comity_core::motion::Refusal::NotSeated { state, organ }) => {
            vec![("state", state.to_string()), ("organ", organ.clone())]
        }
        E::Motion(comity_core::motion::Refusal::VoteOver { closes_at }) => {
            vec![("closes", closes_at.to_string())]
        }
        E::Motion(comity_core::motion::Refusal::SameVote { state, vote }) => vec![
            ("state", state.to_string()),
            ("vote", tr.t(&format!("vote-{vote}"))),
        ],
        E::Motion(comity_core::motion::Refusal::VoteStillOpen { closes_at, missing }) => vec![
            ("closes", closes_at.to_string()),
            ("missing", missing.to_string()),
        ],
        E::Base(comity_core::base::Refusal::NothingNew { what }) => vec![("what", what.clone())],
        E::Base(comity_core::base::Refusal::InvalidCharter(errs)) => {
            vec![("detail", errs.to_string())]
        }
        E::Base(comity_core::base::Refusal::FoundersNotEligible { criterion, .. }) => {
            vec![("criterion", criterion.clone()), ("detail", e.to_string())]
        }
        E::Base(comity_core::base::Refusal::CharterAlreadyAdopted)
        | E::Base(comity_core::base::Refusal::NoCharter)
        | E::Base(comity_core::base::Refusal::AlreadyFounded)
        | E::Base(comity_core::base::Refusal::NoStates)
        | E::Assembly(comity_core::assembly::Refusal::SeedMismatch)
        | E::Base(comity_core::base::Refusal::EmptyImport) => Vec::new(),
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
        D::NotYourRole { role, roles } => {
            vec![("role", role.clone()), ("roles", roles.clone())]
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
mod tests;
