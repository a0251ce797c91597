//! The verdict on a distribution of signatures, member by member, and its chart.

use std::collections::BTreeMap;

use comity_core::ids::Day;
use comity_core::initiatives::{ECI, Initiative, Rule, Status};
use serde::Serialize;

use crate::kit::names::escape;

/// The shipped rule (the European Citizens' Initiative).
pub fn shipped() -> Result<Rule, String> {
    Rule::parse("initiatives/eci.toml", ECI).map_err(|e| e.to_string())
}

/// One member's line of the verdict.
#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct MemberCount {
    pub country: String,
    pub minimum: u64,
    pub signatures: u64,
    pub meets: bool,
}

/// The verdict, as the page and the API give it.
#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct CheckDoc {
    pub passes: bool,
    /// Signatures counted: those of the members in the table in force.
    pub total: u64,
    pub total_required: u64,
    pub members_meeting_minimum: Vec<String>,
    pub required_members: u32,
    /// The first registration day of the table applied.
    pub table_from: String,
    pub members: Vec<MemberCount>,
}

/// The verdict on `counts` for a registration on `day`.
pub fn check(rule: &Rule, day: Day, counts: &BTreeMap<String, u64>) -> Result<CheckDoc, String> {
    let v = rule.check(day, counts).map_err(|e| e.to_string())?;
    let table = rule
        .table_on(day)
        .ok_or_else(|| format!("no table applies to a registration on {day}"))?;
    Ok(CheckDoc {
        passes: v.passes,
        total: v.total,
        total_required: rule.total,
        members_meeting_minimum: v.members_meeting_minimum,
        required_members: v.required_members,
        table_from: v.table_from.to_string(),
        members: table
            .minimums
            .iter()
            .map(|(c, min)| {
                let n = counts.get(c).copied().unwrap_or(0);
                MemberCount {
                    country: c.clone(),
                    minimum: *min,
                    signatures: n,
                    meets: n >= *min,
                }
            })
            .collect(),
    })
}

/// Bars of each member's signatures as a share of its minimum (a line at the minimum, bars
/// drawn up to twice it), members meeting theirs drawn solid.
pub fn chart(doc: &CheckDoc, title: &str, desc: &str) -> String {
    let n = doc.members.len().max(1);
    let (w, row, left) = (560.0, 16.0, 40.0);
    let h = row * n as f64 + 24.0;
    let scale = (w - left - 10.0) / 2.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"eci-t eci-d\" class=\"chart\"><title id=\"eci-t\">{}</title><desc id=\"eci-d\">{}</desc>",
        escape(title),
        escape(desc)
    );
    for (i, m) in doc.members.iter().enumerate() {
        let y = 4.0 + row * i as f64;
        let share = if m.minimum == 0 {
            0.0
        } else {
            (m.signatures as f64 / m.minimum as f64).min(2.0)
        };
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text><rect x=\"{left}\" y=\"{y}\" width=\"{:.1}\" height=\"{}\" fill=\"{}\" stroke=\"#1f4e79\"><title>{}: {} / {}</title></rect>",
            left - 4.0,
            y + row - 5.0,
            escape(&m.country),
            share * scale,
            row - 4.0,
            if m.meets { "#1f4e79" } else { "#ffffff" },
            escape(&m.country),
            m.signatures,
            m.minimum
        ));
    }
    let x1 = left + scale;
    svg.push_str(&format!(
        "<line x1=\"{x1}\" y1=\"0\" x2=\"{x1}\" y2=\"{}\" stroke=\"#b00\" stroke-dasharray=\"4 2\"/><text x=\"{x1}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">×1</text></svg>",
        h - 16.0,
        h - 4.0
    ));
    svg
}

/// One member's figures in an initiative.
#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct MemberTally {
    /// ISO3 code.
    pub state: String,
    pub name: String,
    /// The minimum frozen at registration (`null`: the member is not in the table).
    pub minimum: Option<u64>,
    pub online: u64,
    pub paper: u64,
    pub invalid: u64,
    pub valid: u64,
    /// What counts toward the threshold: the certified count where certified, else `valid`.
    pub counted: u64,
    pub certified: bool,
    pub meets: bool,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct CommitteeDoc {
    pub name: String,
    pub state: String,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct BatchDoc {
    pub batch: u64,
    /// `online` or `paper`.
    pub channel: String,
    pub count: u64,
    pub members: usize,
    pub sheets: u64,
    pub rows_sha256: String,
    pub source: String,
    pub day: String,
    pub entry: u64,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct InvalidationDoc {
    pub invalidation: u64,
    /// `duplicate`, `fuzzy_duplicate`, `ineligible` or `unverifiable`.
    pub criterion: String,
    pub counts: BTreeMap<String, u64>,
    pub rows_sha256: String,
    pub note: String,
    pub day: String,
    pub entry: u64,
    /// The day it was reversed, and why.
    pub reversed: Option<(String, String)>,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct CertificationDoc {
    pub state: String,
    pub population: u64,
    pub sample: u64,
    pub valid: u64,
    /// The 95 % Wilson lower bound of the valid rate.
    pub lower_bound: f64,
    pub certified: u64,
    pub day: String,
    pub entry: u64,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct OutcomeDoc {
    pub passes: bool,
    pub total: u64,
    pub members_meeting_minimum: Vec<String>,
    pub required_members: u32,
    pub day: String,
    /// A passing initiative is on the organ's agenda until it answers, by this day.
    pub answer_by: Option<String>,
}

/// An initiative as the pages, the API and the CLI give it.
#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct InitiativeDoc {
    pub id: u64,
    pub title: String,
    pub objective: String,
    /// registered, inadmissible, collecting, verifying, passed, failed or answered.
    pub status: String,
    pub committee: Vec<CommitteeDoc>,
    pub registered: String,
    /// The threshold frozen at registration.
    pub rule: String,
    pub total_required: u64,
    pub required_members: u32,
    pub table_from: String,
    pub admissible: Option<bool>,
    pub admissibility_reasons: Option<String>,
    pub opens: Option<String>,
    pub closes: Option<String>,
    /// Days left to collect, counting today (`null` outside the period).
    pub days_left: Option<i64>,
    /// Valid, counted signatures and members meeting their minimum, as they stand.
    pub total: u64,
    pub members_meeting_minimum: usize,
    pub members: Vec<MemberTally>,
    pub batches: Vec<BatchDoc>,
    pub invalidations: Vec<InvalidationDoc>,
    pub seed: Option<String>,
    pub certifications: Vec<CertificationDoc>,
    pub outcome: Option<OutcomeDoc>,
    pub answer: Option<String>,
    pub answered: Option<String>,
    pub organ: String,
}

/// The document of initiative `i` on `today`.
pub fn detail(state: &comity_core::State, i: &Initiative, today: Day) -> InitiativeDoc {
    let tallies = i.tallies();
    let (_, total, meeting) = i.verdict();
    let members = tallies
        .iter()
        .map(|(s, t)| MemberTally {
            state: s.to_string(),
            name: crate::kit::names::state_name(state, s),
            minimum: t.minimum,
            online: t.online,
            paper: t.paper,
            invalid: t.invalid,
            valid: t.valid,
            counted: t.counted,
            certified: i.certifications.contains_key(s),
            meets: t.meets(),
        })
        .collect();
    let days_left = i.period().and_then(|(opens, closes)| {
        (i.status() == Status::Collecting && opens <= today && today <= closes)
            .then(|| (closes.date() - today.date()).whole_days() + 1)
    });
    let a = i.admissibility.as_ref();
    InitiativeDoc {
        id: i.id,
        title: i.title.clone(),
        objective: i.objective.clone(),
        status: i.status().code().to_owned(),
        committee: i
            .committee
            .iter()
            .map(|m| CommitteeDoc {
                name: m.name.clone(),
                state: m.state.to_string(),
            })
            .collect(),
        registered: i.registered.to_string(),
        rule: i.frozen.rule.clone(),
        total_required: i.frozen.total,
        required_members: i.frozen.required_members,
        table_from: i.frozen.table_from.to_string(),
        admissible: a.map(|a| a.admissible),
        admissibility_reasons: a.map(|a| a.reasons.clone()),
        opens: a.and_then(|a| a.opens).map(|d| d.to_string()),
        closes: a.and_then(|a| a.closes).map(|d| d.to_string()),
        days_left,
        total,
        members_meeting_minimum: meeting.len(),
        members,
        batches: i
            .batches
            .iter()
            .map(|b| BatchDoc {
                batch: b.batch,
                channel: b.channel.code().to_owned(),
                count: b.counts.values().sum(),
                members: b.counts.len(),
                sheets: b.sheets,
                rows_sha256: b.rows_sha256.to_string(),
                source: b.source.clone(),
                day: b.day.to_string(),
                entry: b.seq,
            })
            .collect(),
        invalidations: i
            .invalidations
            .iter()
            .map(|v| InvalidationDoc {
                invalidation: v.invalidation,
                criterion: v.criterion.code().to_owned(),
                counts: v.counts.iter().map(|(s, n)| (s.to_string(), *n)).collect(),
                rows_sha256: v.rows_sha256.to_string(),
                note: v.note.clone(),
                day: v.day.to_string(),
                entry: v.seq,
                reversed: v.reversed.as_ref().map(|(d, r)| (d.to_string(), r.clone())),
            })
            .collect(),
        seed: i.seed.as_ref().map(|(s, _)| s.clone()),
        certifications: i
            .certifications
            .iter()
            .map(|(s, c)| CertificationDoc {
                state: s.to_string(),
                population: c.population,
                sample: c.sample,
                valid: c.valid,
                lower_bound: c.lower_ppm as f64 / 1_000_000.0,
                certified: c.certified,
                day: c.day.to_string(),
                entry: c.seq,
            })
            .collect(),
        outcome: i.outcome.as_ref().map(|o| OutcomeDoc {
            passes: o.passes,
            total: o.total,
            members_meeting_minimum: o
                .members_meeting_minimum
                .iter()
                .map(ToString::to_string)
                .collect(),
            required_members: o.required_members,
            day: o.day.to_string(),
            answer_by: o.answer_by.map(|d| d.to_string()),
        }),
        answer: i.answer.as_ref().map(|a| a.text.clone()),
        answered: i.answer.as_ref().map(|a| a.day.to_string()),
        organ: comity_core::initiatives::spec(state)
            .map(|s| s.organ.clone())
            .unwrap_or_default(),
    }
}

/// The counts per member as CSV: `state,name,minimum,online,paper,invalid,valid,counted,certified,meets`.
pub fn counts_csv(doc: &InitiativeDoc) -> String {
    let mut out =
        String::from("state,name,minimum,online,paper,invalid,valid,counted,certified,meets\n");
    for m in &doc.members {
        let name = if m.name.contains([',', '"']) {
            format!("\"{}\"", m.name.replace('"', "\"\""))
        } else {
            m.name.clone()
        };
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{}\n",
            m.state,
            name,
            m.minimum.map_or_else(String::new, |x| x.to_string()),
            m.online,
            m.paper,
            m.invalid,
            m.valid,
            m.counted,
            m.certified,
            m.meets
        ));
    }
    out
}

/// The members as a map-like grid: one tile per member with a minimum, in columns by
/// continent and rows by region (UN M49), shaded by its counted signatures as a share of its
/// minimum (five steps; solid with a white label when it meets it).
pub fn tile_map(
    state: &comity_core::State,
    doc: &InitiativeDoc,
    title: &str,
    desc: &str,
) -> String {
    let mut columns: BTreeMap<String, BTreeMap<String, Vec<&MemberTally>>> = BTreeMap::new();
    for m in doc.members.iter().filter(|m| m.minimum.is_some()) {
        let (region, sub) = comity_core::Iso3::parse(&m.state)
            .ok()
            .and_then(|s| state.registry.country(&s))
            .map_or_else(
                || (String::from("—"), String::from("—")),
                |c| (c.m49_region.clone(), c.m49_sub_region.clone()),
            );
        columns
            .entry(region)
            .or_default()
            .entry(sub)
            .or_default()
            .push(m);
    }
    let (tile, gap, per_row) = (30.0, 3.0, 4usize);
    let col_w = per_row as f64 * (tile + gap) + 12.0;
    let height_of = |subs: &BTreeMap<String, Vec<&MemberTally>>| -> f64 {
        20.0 + subs
            .values()
            .map(|v| v.len().div_ceil(per_row) as f64 * (tile + gap) + 8.0)
            .sum::<f64>()
    };
    let (w, h) = (
        col_w * columns.len().max(1) as f64,
        columns.values().map(height_of).fold(40.0, f64::max),
    );
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.0} {h:.0}\" role=\"img\" aria-labelledby=\"map-t map-d\" class=\"chart\"><title id=\"map-t\">{}</title><desc id=\"map-d\">{}</desc>",
        escape(title),
        escape(desc)
    );
    for (c, (region, subs)) in columns.iter().enumerate() {
        let x0 = c as f64 * col_w;
        svg.push_str(&format!(
            "<text x=\"{:.1}\" y=\"12\" font-size=\"11\" font-weight=\"bold\">{}</text>",
            x0,
            escape(region)
        ));
        let mut y = 20.0;
        for members in subs.values() {
            for (k, m) in members.iter().enumerate() {
                let (col, row) = (k % per_row, k / per_row);
                let (x, ty) = (
                    x0 + col as f64 * (tile + gap),
                    y + row as f64 * (tile + gap),
                );
                let min = m.minimum.unwrap_or(0).max(1);
                let share = m.counted as f64 / min as f64;
                let fill = if m.meets {
                    "#1f4e79"
                } else if share >= 0.75 {
                    "#5b8db8"
                } else if share >= 0.5 {
                    "#9cbfdc"
                } else if share >= 0.25 {
                    "#cfe0ef"
                } else {
                    "#ffffff"
                };
                let ink = if m.meets { "#ffffff" } else { "#1a1a1a" };
                svg.push_str(&format!(
                    "<g><title>{}: {} / {}</title><rect x=\"{x:.1}\" y=\"{ty:.1}\" width=\"{tile}\" height=\"{tile}\" fill=\"{fill}\" stroke=\"#1f4e79\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\" text-anchor=\"middle\" fill=\"{ink}\">{}</text></g>",
                    escape(&m.name),
                    m.counted,
                    min,
                    x + tile / 2.0,
                    ty + tile / 2.0 + 3.0,
                    escape(&m.state)
                ));
            }
            y += members.len().div_ceil(per_row) as f64 * (tile + gap) + 8.0;
        }
    }
    svg.push_str("</svg>");
    svg
}
