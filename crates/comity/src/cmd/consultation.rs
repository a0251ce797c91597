//! `comity consultation …`: an organ's consultations from the command line — opened from a
//! TOML file, submissions filed (as the secretariat receives them by post or mail), the
//! close, the synthesis and the decisions it informed; the status as the API gives it, and
//! the confidential submissions for the secretariat.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Subcommand;
use comity_core::consultations::{self, Answer, Respondent, file};
use comity_core::ids::Day;
use comity_core::{Command, Iso3, Timestamp};
use comity_server::consultations::view;
use serde::Deserialize;
use serde_json::json;

use super::initiative::acts::{open, print};
use crate::DEMO_DATABASE;

#[derive(Debug, Subcommand)]
pub enum ConsultationCommand {
    /// Open a consultation described by a TOML file (organ, title, question, opens, closes,
    /// audience = ["organisations", "states", "public"], [[questions]] with text, kind =
    /// text | choice | scale, options): a bad field is named by its line. Prints its number.
    Open {
        file: PathBuf,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// File a submission from a JSON file: {"respondent": {"state": "DNK"} |
    /// {"accreditation": 3} | {"name": …, "country": "FRA", "organisation": …}, "answers":
    /// {"1": {"choice": 0}, "2": {"scale": 4}, "3": {"text": …}}, "confidential": false}.
    Submit {
        id: u64,
        file: PathBuf,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Record the close, on or after the closing day.
    Close {
        id: u64,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// The organ adopted the synthesis by MOTION (an adopted motion of the organ): its text
    /// is the synthesis.
    Synthesis {
        id: u64,
        #[arg(long)]
        motion: u64,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// The consultation informed the decision on MOTION.
    Link {
        id: u64,
        #[arg(long)]
        motion: u64,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Every consultation (or one) as the API gives it, as JSON.
    Status {
        id: Option<u64>,
        /// The day the status is read on (YYYY-MM-DD; default today).
        #[arg(long)]
        at: Option<String>,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// The confidential submissions to a consultation, with whether each matches the
    /// SHA-256 the journal recorded (the secretariat's reading).
    Confidential {
        id: u64,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
}

/// A submission file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SubmissionFile {
    respondent: RespondentFile,
    answers: BTreeMap<u32, AnswerFile>,
    #[serde(default)]
    confidential: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RespondentFile {
    state: Option<String>,
    accreditation: Option<u64>,
    name: Option<String>,
    country: Option<String>,
    organisation: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerFile {
    text: Option<String>,
    choice: Option<u32>,
    scale: Option<u8>,
}

/// The submission a JSON file gives, or what is wrong with it (file, field).
pub fn read_submission(
    name: &str,
    text: &str,
) -> anyhow::Result<(Respondent, BTreeMap<u32, Answer>, bool)> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let f: SubmissionFile = serde_path_to_error::deserialize(de).map_err(|e| {
        let at = e.path().to_string();
        let inner = e.into_inner();
        anyhow::anyhow!("{name}:{}:{}: {at}: {inner}", inner.line(), inner.column())
    })?;
    let iso = |field: &str, s: &str| {
        Iso3::parse(s.trim()).map_err(|e| anyhow::anyhow!("{name}: {field}: {e}"))
    };
    let r = f.respondent;
    let respondent = match (r.state, r.accreditation, r.name) {
        (Some(s), None, None) => Respondent::State {
            state: iso("respondent.state", &s)?,
        },
        (None, Some(accreditation), None) => Respondent::Organisation { accreditation },
        (None, None, Some(n)) => Respondent::Person {
            name: n,
            country: iso(
                "respondent.country",
                r.country.as_deref().unwrap_or_default(),
            )?,
            organisation: r.organisation.filter(|o| !o.trim().is_empty()),
        },
        _ => bail!(
            "{name}: respondent: give exactly one of state, accreditation, or name (with country)"
        ),
    };
    let mut answers = BTreeMap::new();
    for (n, a) in f.answers {
        answers.insert(
            n,
            match (a.text, a.choice, a.scale) {
                (Some(t), None, None) => Answer::Text(t),
                (None, Some(c), None) => Answer::Choice(c),
                (None, None, Some(p)) => Answer::Scale(p),
                _ => bail!("{name}: answers.{n}: give exactly one of text, choice or scale"),
            },
        );
    }
    Ok((respondent, answers, f.confidential))
}

fn day(at: Option<&str>, now: Timestamp) -> anyhow::Result<Day> {
    super::initiative::acts::day(at, now)
}

/// The status of `state`'s consultations (or one), as JSON.
pub fn document(state: &comity_core::State, id: Option<u64>, today: Day) -> anyhow::Result<()> {
    let docs: Vec<view::ConsultationDoc> = state
        .consultations
        .consultations
        .values()
        .filter(|c| id.is_none_or(|x| x == c.id))
        .map(|c| view::detail(state, c, today))
        .collect();
    if let Some(x) = id
        && docs.is_empty()
    {
        bail!("there is no consultation {x}");
    }
    print(json!({ "consultations": docs }))
}

/// `comity replay --file F --consultations`: the status re-derived from a journal alone.
pub fn replay(file: &Path, today: Day) -> anyhow::Result<()> {
    let mut state = comity_core::State::new();
    let head = super::journal::read_file(file, |e| state.apply(e).map_err(Into::into))?;
    eprintln!(
        "replayed {} entries from {}, head {}",
        head.seq,
        file.display(),
        head.hash
    );
    document(&state, None, today)
}

pub async fn run(c: ConsultationCommand) -> anyhow::Result<()> {
    use consultations::Command as C;
    let now = super::now();
    let (database, cmd) = match c {
        ConsultationCommand::Open {
            file: path,
            database,
        } => {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let cmd = file::parse(&path.display().to_string(), &text)
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            (database, cmd)
        }
        ConsultationCommand::Submit {
            id,
            file: path,
            database,
        } => {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            let (respondent, answers, confidential) =
                read_submission(&path.display().to_string(), &text)?;
            (
                database,
                C::Submit {
                    consultation: id,
                    respondent,
                    answers,
                    confidential,
                },
            )
        }
        ConsultationCommand::Close { id, database } => (database, C::Close { consultation: id }),
        ConsultationCommand::Synthesis {
            id,
            motion,
            database,
        } => (
            database,
            C::AdoptSynthesis {
                consultation: id,
                motion,
            },
        ),
        ConsultationCommand::Link {
            id,
            motion,
            note,
            database,
        } => (
            database,
            C::LinkDecision {
                consultation: id,
                motion,
                note,
            },
        ),
        ConsultationCommand::Status { id, at, database } => {
            let inst = open(&database).await?;
            let state = inst.state().await;
            return document(&state, id, day(at.as_deref(), now)?);
        }
        ConsultationCommand::Confidential { id, database } => {
            let inst = open(&database).await?;
            let rows = inst.store().confidential_submissions(id).await?;
            let state = inst.state().await;
            let c = state
                .consultations
                .consultations
                .get(&id)
                .with_context(|| format!("there is no consultation {id}"))?;
            let out: Vec<serde_json::Value> = rows
                .iter()
                .map(|r| {
                    json!({
                        "submission": r.submission,
                        "respondent": r.respondent,
                        "answers": r.answers,
                        "matches_journal": c.submissions.iter().any(|s| s.number == r.submission && s.sha256 == r.sha256()),
                    })
                })
                .collect();
            return print(json!({ "consultation": id, "confidential": out }));
        }
    };
    let inst = open(&database).await?;
    let entries = super::initiative::acts::run_any(&inst, now, Command::Consultations(cmd)).await?;
    print(json!({
        "entries": entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
        "kinds": entries.iter().map(|e| e.kind.clone()).collect::<Vec<_>>(),
        "consultation": entries.first().and_then(|e| e.payload.get("consultation")).cloned(),
        "submission": entries.first().and_then(|e| e.payload.get("submission")).cloned(),
    }))
}
