//! The documents the search finds, read from the projection: members, organs, motions,
//! elections, treaties, reports, pledges, listings, consultations and initiatives, each
//! with its page, its text as written, its organ and its day.

use comity_core::State;
use comity_core::ids::Day;

use super::index::{Doc, Kind};
use crate::kit::names::{organ_name, seat_label, state_name};

fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        if !p.is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(p);
        }
    }
    out
}

/// Every document of the projection.
pub fn documents(state: &State) -> Vec<Doc> {
    let mut docs = Vec::new();
    let organ_words = |id: &str| format!("{id} {}", organ_name(state, id));

    for (iso, m) in &state.members {
        let country = state.registry.country(iso);
        docs.push(Doc {
            kind: Kind::Member,
            id: iso.to_string(),
            url: format!("/members/{iso}"),
            title: state_name(state, iso),
            body: m.reason.clone(),
            keywords: country.map_or_else(
                || iso.to_string(),
                |c| format!("{iso} {} {}", c.iso2, c.short_name),
            ),
            organ: None,
            day: Day::of(m.admitted_at),
        });
    }

    if let Some(c) = &state.charter {
        let day = Day::of(c.adopted_at);
        for o in &c.charter.organs {
            docs.push(Doc {
                kind: Kind::Organ,
                id: o.id.clone(),
                url: format!("/organs/{}", o.id),
                title: o.name.clone(),
                body: o.mandate.clone(),
                keywords: o.id.clone(),
                organ: Some(o.id.clone()),
                day,
            });
        }
    }

    for m in state.motions.values() {
        let mut keywords = format!("{} {}", m.decision, organ_words(&m.organ));
        keywords.push(' ');
        keywords.push_str(&seat_label(state, &m.sponsor));
        docs.push(Doc {
            kind: Kind::Motion,
            id: m.id.to_string(),
            url: format!("/motions/{}", m.id),
            title: m.title.clone(),
            body: if m.text == m.original_text {
                m.text.clone()
            } else {
                join([m.text.as_str(), m.original_text.as_str()])
            },
            keywords,
            organ: Some(m.organ.clone()),
            day: Day::of(m.tabled_at),
        });
    }

    for e in state.elections.values() {
        docs.push(Doc {
            kind: Kind::Election,
            id: e.id.to_string(),
            url: format!("/elections/{}", e.id),
            title: e.title.clone(),
            body: join(e.candidates.iter().map(String::as_str)),
            keywords: format!("{} {}", e.method, organ_words(&e.organ)),
            organ: Some(e.organ.clone()),
            day: Day::of(e.closes_at),
        });
    }

    for t in state.treaties.values() {
        let mut body = String::new();
        if let Some(d) = t.text() {
            for p in &d.preamble {
                body.push_str(&p.plain_text());
                body.push('\n');
            }
            for a in &d.articles {
                body.push_str(&a.label());
                body.push('\n');
                for p in &a.paragraphs {
                    body.push_str(&p.plain_text());
                    body.push('\n');
                }
            }
        }
        docs.push(Doc {
            kind: Kind::Treaty,
            id: t.id.clone(),
            url: format!("/treaties/{}", t.id),
            title: t.title.clone(),
            body,
            keywords: format!("{} {}", t.id, organ_words(&t.organ)),
            organ: Some(t.organ.clone()),
            day: t.rounds.first().and_then(|r| Day::of(r.opened_at)),
        });
    }

    for r in state.reports.values() {
        docs.push(Doc {
            kind: Kind::Report,
            id: r.id.to_string(),
            url: format!("/organs/{}#reports-h", r.organ),
            title: r.title.clone(),
            body: r.text.clone(),
            keywords: format!("{} {}", r.period, organ_words(&r.organ)),
            organ: Some(r.organ.clone()),
            day: Day::of(r.time),
        });
    }

    for p in state.pledges.pledges.values() {
        let (by, _) = crate::pledges::view::pledger(state, &p.spec.by);
        let organ = match &p.spec.by {
            comity_core::pledges::Pledger::Organ(o) => Some(o.clone()),
            _ => None,
        };
        docs.push(Doc {
            kind: Kind::Pledge,
            id: p.spec.id.clone(),
            url: format!("/pledges/{}", p.spec.id),
            title: p.spec.title.clone(),
            body: join(
                std::iter::once(p.spec.text.as_str())
                    .chain(p.spec.milestones.iter().map(|m| m.title.as_str())),
            ),
            keywords: format!("{} {by}", p.spec.id),
            organ,
            day: Day::of(p.time),
        });
    }

    for c in state.sanctions.cases.values() {
        let t = &c.target;
        let organ = state.motions.get(&c.motion).map(|m| m.organ.clone());
        docs.push(Doc {
            kind: Kind::Listing,
            id: c.id.to_string(),
            url: format!("/sanctions/{}", c.id),
            title: t.name.clone(),
            body: join(
                std::iter::once(c.reasons.as_str())
                    .chain(t.aliases.iter().map(String::as_str))
                    .chain(t.weak_aliases.iter().map(String::as_str)),
            ),
            keywords: join(
                c.grounds
                    .iter()
                    .chain(t.nationalities.iter())
                    .map(String::as_str),
            ),
            organ,
            day: Day::of(c.proposed),
        });
    }

    for c in state.consultations.consultations.values() {
        docs.push(Doc {
            kind: Kind::Consultation,
            id: c.id.to_string(),
            url: format!("/consultations/{}", c.id),
            title: c.title.clone(),
            body: join(
                std::iter::once(c.question.as_str())
                    .chain(c.questions.iter().map(|q| q.text.as_str()))
                    .chain(c.synthesis.iter().map(|s| s.text.as_str())),
            ),
            keywords: organ_words(&c.organ),
            organ: Some(c.organ.clone()),
            day: Some(c.opens),
        });
    }

    for i in state.initiatives.initiatives.values() {
        docs.push(Doc {
            kind: Kind::Initiative,
            id: i.id.to_string(),
            url: format!("/initiatives/{}", i.id),
            title: i.title.clone(),
            body: i.objective.clone(),
            keywords: join(i.committee.iter().map(|m| m.name.as_str())),
            organ: None,
            day: Some(i.registered),
        });
    }
    docs
}
