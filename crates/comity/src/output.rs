//! How member lists are printed: the same code for `members` and `replay`, so an outsider's
//! replay prints exactly what the live system prints.

use std::io::Write;

use anyhow::Context;
use comity_core::State;
use comity_core::view::{MemberRow, member_rows};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct MemberView {
    /// Only states that meet the charter's criterion (members: to stay; others: to join now).
    #[arg(long)]
    pub eligible: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

pub fn print_members(state: &State, view: &MemberView) -> anyhow::Result<()> {
    let rows: Vec<MemberRow> = member_rows(state)
        .into_iter()
        .filter(|r| !view.eligible || r.eligible)
        .collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match view.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &rows).context("writing JSON")?;
            writeln!(out)?;
        }
        Format::Csv => {
            out.write_all(
                comity_core::view::members_csv(&rows)
                    .context("writing CSV")?
                    .as_bytes(),
            )?;
        }
        Format::Table => {
            writeln!(
                out,
                "{:<4} {:<34} {:<10} {:<8} REASON",
                "ISO3", "NAME", "STATUS", "ELIGIBLE"
            )?;
            for r in &rows {
                let name: String = r.name.chars().take(34).collect();
                let eligible = if r.eligible { "yes" } else { "no" };
                writeln!(
                    out,
                    "{:<4} {:<34} {:<10} {:<8} {}",
                    r.iso3, name, r.status, eligible, r.reason
                )?;
                for flag in &r.review {
                    writeln!(out, "     └ flagged for review: {flag}")?;
                }
                if matches!(r.standing, "warned" | "suspended") {
                    let what = if r.standing == "warned" {
                        "warned after review"
                    } else {
                        "voting rights suspended after review"
                    };
                    writeln!(out, "     └ {what}")?;
                }
            }
            let members = rows.iter().filter(|r| r.status == "member").count();
            writeln!(out, "{} states listed, {members} members", rows.len())?;
        }
    }
    Ok(())
}
