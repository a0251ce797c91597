//! The verdict on a distribution of signatures, member by member, and its chart.

use std::collections::BTreeMap;

use comity_core::ids::Day;
use comity_core::initiatives::{ECI, Rule};
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
