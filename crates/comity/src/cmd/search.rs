//! `comity search WORDS [--kind K,…] [--organ ID] [--from DAY] [--to DAY]`: the platform's
//! search from the command line, the same index and ranking as `/search` and
//! `GET /api/v1/search`, on the alliance's database.

use std::io::Write;

use anyhow::bail;
use clap::Args;
use comity_server::i18n::{Catalog, Lang, Tr};
use comity_server::search::{Cache, Params, found, journal};
use comity_store::{Institution, OpenMode, Store};

use crate::DEMO_DATABASE;

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words, every one of which a result holds (in any language; a word of three letters
    /// or more also finds the words it begins). None: everything the filters pass, newest
    /// first.
    #[arg(default_value = "")]
    pub words: Vec<String>,
    /// Kinds, separated by commas: member, organ, motion, election, treaty, report, pledge,
    /// listing, consultation, initiative.
    #[arg(long)]
    pub kind: Option<String>,
    /// An organ's id.
    #[arg(long)]
    pub organ: Option<String>,
    /// The first day (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// The last day (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Journal entries before this one (the next of them).
    #[arg(long)]
    pub before: Option<u64>,
    /// The language the journal's entries are told in: en, fr, ar, es, ru, zh.
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// The most results to print (and the most journal entries).
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// json or text.
    #[arg(long, default_value = "text", value_parser = ["json", "text"])]
    pub format: String,
    #[arg(long, env = "COMITY_DATABASE", default_value = DEMO_DATABASE)]
    pub database: String,
}

pub async fn run(a: SearchArgs) -> anyhow::Result<()> {
    let params = Params {
        q: Some(a.words.join(" ")),
        kind: a.kind,
        organ: a.organ,
        from: a.from,
        to: a.to,
        before: a.before,
    };
    let Some(lang) = Lang::from_code(&a.lang) else {
        bail!("--lang: {:?} is not one of en, fr, ar, es, ru, zh", a.lang);
    };
    let q = match params.query() {
        Ok(q) => q,
        Err(e) => bail!("--{e}"),
    };
    if q.is_empty() {
        bail!("nothing to search for: give words, or --kind, --organ, --from or --to");
    }
    let store = Store::open(&a.database, OpenMode::MustExist).await?;
    let inst = Institution::open(store).await?;
    let entries = journal::wanted(&q);
    if entries {
        inst.store().index_journal(u64::MAX).await?;
    }
    let state = inst.state().await;
    let cache = Cache::default();
    let ix = cache.get(&state);
    let hits = ix.search(&q);
    let mut answer = found(&hits, &q, state.head().seq, 0, a.limit);
    if entries {
        let catalog = Catalog::load()?;
        let tr = Tr {
            catalog: &catalog,
            lang,
        };
        let limit = u32::try_from(a.limit).unwrap_or(u32::MAX);
        answer.journal = Some(journal::find(inst.store(), &state, &tr, &q, a.before, limit).await?);
    }
    let mut out = std::io::stdout().lock();
    if a.format == "json" {
        writeln!(out, "{}", serde_json::to_string_pretty(&answer)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} of {} results (journal entry {}):",
        answer.results.len(),
        answer.total,
        answer.as_of
    )?;
    for r in &answer.results {
        let organ = r
            .organ
            .as_deref()
            .map(|o| format!(" · {o}"))
            .unwrap_or_default();
        let date = r
            .date
            .as_deref()
            .map(|d| format!(" · {d}"))
            .unwrap_or_default();
        writeln!(
            out,
            "\n{} {}{organ}{date}\n  {}\n  {}",
            r.kind, r.title, r.url, r.id
        )?;
        if let Some(s) = &r.snippet {
            writeln!(out, "  {}", s.replace('\n', " "))?;
        }
    }
    if let Some(j) = &answer.journal {
        writeln!(
            out,
            "\nIn the journal ({}):",
            if j.more {
                "newest first, more before"
            } else {
                "newest first"
            }
        )?;
        for e in &j.entries {
            writeln!(out, "  {} {} {} — {}", e.seq, e.time, e.actor, e.summary)?;
        }
    }
    Ok(())
}
