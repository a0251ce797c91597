//! `comity treaty …`: treaty files and their entry into force.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use comity_core::treaty::eif::{Treaty, parse_deposits};
use serde_json::{Map, Value, json};

fn read(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Read and check a treaty file; every problem is printed with file, line and field.
pub fn load(path: &Path) -> anyhow::Result<Treaty> {
    let text = read(path)?;
    Treaty::parse(&path.display().to_string(), &text).map_err(|e| anyhow::anyhow!("{e}"))
}

/// `comity treaty eif TREATY.toml DEPOSITS.csv`: the date the treaty's own clause gives.
pub fn eif(treaty: &Path, deposits: &Path) -> anyhow::Result<()> {
    let t = load(treaty)?;
    let text = read(deposits)?;
    let deps = match parse_deposits(&deposits.display().to_string(), &text, &t) {
        Ok(d) => d,
        Err(e) => bail!(
            "{} problem(s) in the deposits, nothing computed:\n{e}",
            e.0.len()
        ),
    };
    let r = t.entry_into_force(&deps);
    let per_state: Map<String, Value> = r
        .per_state
        .iter()
        .map(|(s, d)| (s.to_string(), Value::String(d.to_string())))
        .collect();
    // Exactly the contract's keys; `comity treaty status` says more.
    let out = json!({
        "entry_into_force": r.entry_into_force.map(|d| d.to_string()),
        "instruments": r.instruments,
        "per_state": per_state,
    });
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &out)?;
    writeln!(stdout)?;
    Ok(())
}

/// `comity treaty check TREATY.toml`: validate a treaty file and state its clause in words.
pub fn check(treaty: &Path) -> anyhow::Result<()> {
    let t = load(treaty)?;
    let mut out = std::io::stdout().lock();
    let rule = &t.rule;
    let steps = |s: &[comity_core::treaty::eif::Step]| {
        s.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", then ")
    };
    let conds: Vec<String> = rule.when.iter().map(ToString::to_string).collect();
    writeln!(out, "{}: ok ({})", treaty.display(), t.info.title)?;
    writeln!(
        out,
        "enters into force when {} ({}), on the day reached by: {}",
        conds.join(" and "),
        rule.counts
            .iter()
            .map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        steps(&rule.date)
    )?;
    writeln!(out, "for a state depositing later: {}", steps(&rule.later))?;
    Ok(())
}

/// Where `comity treaty status` reads the alliance from.
pub enum Source<'a> {
    Database(&'a str),
    Journal(&'a Path),
}

/// `comity treaty status`: every treaty's stage and entry into force, from a database or by
/// replaying an exported journal alone (both print the same for the same journal).
pub async fn status(source: Source<'_>, only: Option<&str>) -> anyhow::Result<()> {
    let state = match source {
        Source::Database(db) => {
            let store = comity_store::Store::open(db, comity_store::OpenMode::MustExist).await?;
            store.load_state().await?
        }
        Source::Journal(file) => {
            let mut state = comity_core::State::new();
            let head = super::journal::read_file(file, |e| state.apply(e).map_err(Into::into))?;
            eprintln!("replayed {} entries from {}", head.seq, file.display());
            state
        }
    };
    if let Some(id) = only
        && !state.treaties.contains_key(id)
    {
        bail!("there is no treaty {id:?} in this journal");
    }
    let mut out = Map::new();
    for (id, t) in state
        .treaties
        .iter()
        .filter(|(id, _)| only.is_none_or(|o| o == *id))
    {
        let day = |d: Option<comity_core::ids::Day>| d.map(|d| d.to_string());
        let rounds: Vec<Value> = t
            .rounds
            .iter()
            .map(|r| json!({"round": r.number, "open_brackets": r.end.open_brackets().total}))
            .collect();
        let per_state: Map<String, Value> = t
            .eif
            .per_state
            .iter()
            .map(|(s, d)| (s.to_string(), Value::String(d.to_string())))
            .collect();
        out.insert(
            id.clone(),
            json!({
                "title": t.title,
                "stage": t.stage().code(),
                "organ": t.organ,
                "rounds": rounds,
                "adopted": t.adopted.as_ref().map(|a| json!({"motion": a.motion, "round": a.round, "text_sha256": a.text_sha256.to_string()})),
                "opened_for_signature": t.signature.as_ref().map(|(d, p)| json!({"date": d.to_string(), "place": p})),
                "signatures": t.signatures.len(),
                "instruments": t.eif.instruments,
                "conditions_met": day(t.eif.conditions_met),
                "entry_into_force": day(t.eif.entry_into_force),
                "per_state": per_state,
                "withdrawals": t.withdrawals.iter().map(|(s, w)| (s.to_string(), json!({"notified": w.notified.to_string(), "effective": w.effective.to_string()}))).collect::<Map<String, Value>>(),
            }),
        );
    }
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &Value::Object(out))?;
    writeln!(stdout)?;
    Ok(())
}

fn draft(path: &Path) -> anyhow::Result<comity_core::treaty::text::Draft> {
    let text = read(path)?;
    comity_core::treaty::text::Draft::parse(&text).map_err(|e| {
        let lines: Vec<String> =
            e.0.iter()
                .map(|err| format!("{}: {err}", path.display()))
                .collect();
        anyhow::anyhow!(
            "{} problem(s) in the draft:\n{}",
            lines.len(),
            lines.join("\n")
        )
    })
}

/// `comity treaty draft FILE.md`: check a negotiating text and count its open brackets per
/// article; with `--akn`, write it as Akoma Ntoso 3.0.
pub fn draft_cmd(path: &Path, akn: Option<&Path>, date: &str) -> anyhow::Result<()> {
    let d = draft(path)?;
    let counts = d.open_brackets();
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}: {}", path.display(), d.title_text())?;
    for (part, n) in &counts.per_part {
        writeln!(out, "  {part:<24} {n} open bracket(s)")?;
    }
    writeln!(out, "  {:<24} {}", "total", counts.total)?;
    if let Some(file) = akn {
        let meta = comity_core::treaty::akn::AknMeta {
            work_uri_base: format!("/akn/un/act/treaty/comity/{date}/draft"),
            date: date.to_owned(),
            version: 1,
            language: "eng".into(),
            author: "Comity".into(),
            generated: date.to_owned(),
        };
        let xml = comity_core::treaty::akn::export(&d, &meta)?;
        std::fs::write(file, xml).with_context(|| format!("cannot write {}", file.display()))?;
        writeln!(out, "Akoma Ntoso 3.0 written to {}", file.display())?;
    }
    Ok(())
}

/// `comity treaty redline OLD.md NEW.md`: the word-level changes between two versions.
pub fn redline_cmd(old: &Path, new: &Path, html: bool) -> anyhow::Result<()> {
    let (a, b) = (draft(old)?, draft(new)?);
    let r = comity_core::treaty::redline::diff(&a, &b);
    let text = if html {
        r.to_html_document(
            &b.title_text(),
            &old.display().to_string(),
            &new.display().to_string(),
        )
    } else {
        r.to_text()
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    Ok(())
}
