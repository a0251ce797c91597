//! Filtering and sorting the members list: one definition for the page, the JSON and the CSV.

use comity_core::view::MemberRow;
use serde::Deserialize;

/// Query parameters of `/members` and `/api/v1/members`. Unknown values are ignored rather
/// than refused, so an old bookmark still opens a page.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MemberQuery {
    /// Part of a name or ISO code.
    pub q: Option<String>,
    /// `member` or `not_member`.
    pub status: Option<String>,
    /// `yes` or `no`.
    pub eligible: Option<String>,
    /// UN regional group code: AFRICAN, ASIA_PACIFIC, EASTERN_EUROPEAN, GRULAC, WEOG.
    pub group: Option<String>,
    /// `name`, `status`, `fh`, `vdem`, `population`, `group` or `eligible`; prefix `-` for descending.
    pub sort: Option<String>,
}

pub const SORT_KEYS: [&str; 7] = [
    "name",
    "status",
    "fh",
    "vdem",
    "population",
    "group",
    "eligible",
];

impl MemberQuery {
    pub fn apply(&self, rows: Vec<MemberRow>) -> Vec<MemberRow> {
        let q = self.q.as_deref().unwrap_or("").trim().to_lowercase();
        let mut rows: Vec<MemberRow> = rows
            .into_iter()
            .filter(|r| {
                q.is_empty() || r.name.to_lowercase().contains(&q) || r.iso3.to_lowercase() == q
            })
            .filter(|r| match self.status.as_deref() {
                Some(s @ ("member" | "not_member")) => r.status == s,
                _ => true,
            })
            .filter(|r| match self.eligible.as_deref() {
                Some("yes") => r.eligible,
                Some("no") => !r.eligible,
                _ => true,
            })
            .filter(|r| match self.group.as_deref() {
                Some(g) if !g.is_empty() => r.un_group.as_deref() == Some(g),
                _ => true,
            })
            .collect();
        let (key, desc) = self.sort_key();
        rows.sort_by(|a, b| {
            let ord = match key {
                "status" => a.status.cmp(b.status),
                "fh" => a.fh_score.cmp(&b.fh_score),
                "vdem" => a.vdem_regime.cmp(&b.vdem_regime),
                "population" => a.population.cmp(&b.population),
                "group" => a.un_group.cmp(&b.un_group),
                "eligible" => a.eligible.cmp(&b.eligible),
                _ => std::cmp::Ordering::Equal,
            }
            .then_with(|| a.name.cmp(&b.name));
            if desc { ord.reverse() } else { ord }
        });
        rows
    }

    /// The sort column and whether it is descending.
    pub fn sort_key(&self) -> (&str, bool) {
        let raw = self.sort.as_deref().unwrap_or("name");
        let (desc, key) = match raw.strip_prefix('-') {
            Some(k) => (true, k),
            None => (false, raw),
        };
        if SORT_KEYS.contains(&key) {
            (key, desc)
        } else {
            ("name", false)
        }
    }

    /// This query's address with another sort.
    pub fn href_sorted(&self, key: &str) -> String {
        let (current, desc) = self.sort_key();
        let sort = if current == key && !desc {
            format!("-{key}")
        } else {
            key.to_owned()
        };
        let mut parts = vec![format!("sort={sort}")];
        for (k, v) in [
            ("q", &self.q),
            ("status", &self.status),
            ("eligible", &self.eligible),
            ("group", &self.group),
        ] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                parts.push(format!("{k}={}", encode(v)));
            }
        }
        format!("/members?{}", parts.join("&"))
    }
}

/// Percent-encode a query value.
pub fn encode(v: &str) -> String {
    let mut out = String::new();
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
