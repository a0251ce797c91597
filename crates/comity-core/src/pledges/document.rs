//! The status of every pledge as one JSON document: what `comity pledges status` prints and
//! `GET /api/v1/pledges/status` returns, re-derived from the journal.

use serde_json::{Map, Value, json};

use super::progress::{Alert, PledgeStatus, SourceView, status_at};
use super::{Pledge, Settings, Source};
use crate::ids::Day;
use crate::state::State;

/// A fraction to six places (no float noise in the output).
pub fn figure(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn source_doc(v: &SourceView) -> Value {
    json!({
        "progress": v.progress.map(figure),
        "level": v.level.map(|l| l.0.code()),
        "status": v.verdict.map(|x| x.code()),
        "date": v.date.map(|d| d.to_string()),
    })
}

fn alert_doc(a: &Alert) -> Value {
    match a {
        Alert::OverdueMilestone { milestone, due, .. } => {
            json!({"kind": "overdue_milestone", "milestone": milestone, "due": due.to_string()})
        }
        Alert::OverduePledge { due, .. } => json!({"kind": "overdue", "due": due.to_string()}),
        Alert::Setback {
            indicator, source, ..
        } => json!({"kind": "setback", "indicator": indicator, "source": source.code()}),
    }
}

/// One pledge's document.
pub fn pledge_doc(state: &State, p: &Pledge, st: &PledgeStatus, alerts: &[Alert]) -> Value {
    let mut sources = Map::new();
    for s in Source::ALL {
        sources.insert(
            s.code().to_owned(),
            st.source(*s).map_or(Value::Null, source_doc),
        );
    }
    let indicators: Map<String, Value> = p
        .spec
        .indicators
        .iter()
        .map(|ind| {
            let reading = st.readings.iter().find(|r| r.0 == ind.id);
            (
                ind.id.clone(),
                json!({
                    "value": reading.map(|r| figure(r.2.value)),
                    "progress": reading.map(|r| figure(r.2.progress)),
                    "date": reading.map(|r| r.2.date.to_string()),
                    "source": reading.map(|r| r.1.code()),
                }),
            )
        })
        .collect();
    let milestones: Map<String, Value> = p
        .spec
        .milestones
        .iter()
        .map(|m| {
            let level = st.milestones.get(&m.id).map(|l| l.code());
            (
                m.id.clone(),
                json!({"due": m.due.to_string(), "level": level}),
            )
        })
        .collect();
    json!({
        "by": p.spec.by.to_string(),
        "title": p.spec.title,
        "theme": p.spec.theme.map(|t| t.code()),
        "due": p.spec.due.to_string(),
        "progress": st.progress.map(figure),
        "status": st.status.code(),
        "used": st.used.map(|s| s.code()),
        "sources": sources,
        "starred": st.starred,
        "indicators": indicators,
        "milestones": milestones,
        "overdue": alerts.iter().any(|a| matches!(a, Alert::OverduePledge { .. })),
        "alerts": alerts.iter().map(alert_doc).collect::<Vec<_>>(),
        "recycled_of": super::recycled_of(state, &p.spec.id).map(|q| q.spec.id.clone()),
    })
}

/// `{"pledges": {ID: {...}}, "as_of": DAY}`.
pub fn status_document(state: &State, today: Day) -> Value {
    let settings = Settings::of(state.charter.as_ref().map(|c| &c.charter));
    let pledges: Map<String, Value> = state
        .pledges
        .pledges
        .values()
        .map(|p| {
            let (st, alerts) = status_at(&settings, p, today);
            (p.spec.id.clone(), pledge_doc(state, p, &st, &alerts))
        })
        .collect();
    json!({ "as_of": today.to_string(), "pledges": pledges })
}

/// The status document as CSV, one row per pledge.
pub fn status_csv(doc: &Value) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "id", "by", "title", "theme", "due", "status", "progress", "starred", "overdue",
    ];
    let lanes: Vec<String> = Source::ALL
        .iter()
        .flat_map(|s| {
            [
                format!("{}_level", s.code()),
                format!("{}_progress", s.code()),
            ]
        })
        .collect();
    header.extend(lanes.iter().map(String::as_str));
    let _ = w.write_record(&header);
    let text = |v: Option<&Value>| match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(v) => v.to_string(),
    };
    if let Some(Value::Object(all)) = doc.get("pledges") {
        for (id, p) in all {
            let mut row = vec![id.clone()];
            for f in [
                "by", "title", "theme", "due", "status", "progress", "starred", "overdue",
            ] {
                row.push(text(p.get(f)));
            }
            for s in Source::ALL {
                let lane = p.get("sources").and_then(|x| x.get(s.code()));
                row.push(text(lane.and_then(|l| l.get("level"))));
                row.push(text(lane.and_then(|l| l.get("progress"))));
            }
            let _ = w.write_record(&row);
        }
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
