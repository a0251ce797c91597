//! `comity caucus agreement|cohesion|drift`: the UN caucus's measures over the General
//! Assembly's roll calls, from the shipped files (compiled in) or any files in their format,
//! plain or gzipped; `comity caucus import`: later sessions added to an alliance's record. A
//! bad row is named by file, line and field.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use comity_caucus::{
    Filter, Issues, RollCalls, Votes, VotesReader, agreement, cohesion, record_boundary, selection,
};

// The shipped record, compiled in once for the binary (the server's pages read the same).
const VOTES: &[u8] = comity_server::unga::VOTES_GZ;
const ROLL_CALLS: &[u8] = comity_server::unga::ROLL_CALLS_GZ;
const ISSUES: &[u8] = comity_server::unga::ISSUES_CSV;

/// The definitions, shown by `--help`.
pub const DEFINITIONS: &str = "\
Only yes, no and abstain are votes; absence and non-membership are not. Votes of former \
states without a code of their own (an empty iso3) are not counted.\n\
Agreement of states a and b = roll calls where both voted and voted the same / roll calls \
where both voted (reported as roll_calls; null agreement when 0).\n\
Cohesion of a group in one roll call = (max(Y,N,A) - (Y+N+A - max(Y,N,A))/2) / (Y+N+A) over \
its members who voted (Hix, Noury & Roland 2005); a session's cohesion is the unweighted \
mean over its roll calls in which at least one member voted.\n\
--from/--to filter on the roll call's date (years inclusive); --issue on the issues file's \
short_name: me (Palestinian conflict), nu (nuclear weapons), di (arms control), hr (human \
rights), co (colonialism), ec (economic development).";

/// The files and the roll calls to count.
#[derive(Debug, clap::Args)]
pub struct Data {
    /// Votes (rcid, iso3, vote), CSV or CSV.gz; default the shipped 870,109 votes, sessions 1–74.
    #[arg(long)]
    votes: Option<PathBuf>,
    /// Roll calls (rcid, session, date, …) in the shipped format; default the shipped file.
    #[arg(long)]
    roll_calls: Option<PathBuf>,
    /// Issues (rcid, short_name) in the shipped format; default the shipped file.
    #[arg(long)]
    issues: Option<PathBuf>,
    /// First year counted (the roll call's date), inclusive.
    #[arg(long)]
    from: Option<i32>,
    /// Last year counted, inclusive.
    #[arg(long)]
    to: Option<i32>,
    /// Only roll calls on this issue: me, nu, di, hr, co or ec.
    #[arg(long)]
    issue: Option<String>,
    /// json, or csv.
    #[arg(long, default_value = "json", value_parser = ["json", "csv"])]
    format: String,
}

/// A file's bytes, or the shipped ones; gzip is recognised by its magic bytes.
fn bytes(
    given: Option<&PathBuf>,
    shipped: &'static [u8],
    name: &str,
) -> anyhow::Result<(String, Vec<u8>)> {
    let (label, raw): (String, Vec<u8>) = match given {
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p).with_context(|| format!("reading {}", p.display()))?,
        ),
        None => (format!("data/{name}"), shipped.to_vec()),
    };
    let plain = comity_server::unga::gunzip(&raw)
        .with_context(|| format!("{label}: not a readable gzip file"))?;
    Ok((label, plain))
}

/// Blocks of whole records of the votes file, decompressed on a thread of their own.
fn votes_stream(
    given: Option<&PathBuf>,
) -> anyhow::Result<(String, std::sync::mpsc::Receiver<anyhow::Result<Vec<u8>>>)> {
    const BLOCK: usize = 1 << 21;
    let (label, raw): (String, std::borrow::Cow<'static, [u8]>) = match given {
        Some(p) => (
            p.display().to_string(),
            std::fs::read(p)
                .with_context(|| format!("reading {}", p.display()))?
                .into(),
        ),
        None => ("data/unga_votes.csv.gz".to_owned(), VOTES.into()),
    };
    let (tx, rx) = std::sync::mpsc::sync_channel(8);
    let name = label.clone();
    std::thread::spawn(move || {
        if !raw.starts_with(&[0x1f, 0x8b]) {
            let _ = tx.send(Ok(raw.into_owned()));
            return;
        }
        let mut gz = flate2::read::MultiGzDecoder::new(raw.as_ref());
        let mut pending: Vec<u8> = Vec::with_capacity(2 * BLOCK);
        loop {
            let start = pending.len();
            pending.resize(start + BLOCK, 0);
            let n = match gz.read(&mut pending[start..]) {
                Ok(n) => n,
                Err(e) => {
                    let _ = tx.send(Err(anyhow::anyhow!(
                        "{name}: not a readable gzip file: {e}"
                    )));
                    return;
                }
            };
            pending.truncate(start + n);
            if n == 0 {
                if !pending.is_empty() {
                    let _ = tx.send(Ok(pending));
                }
                return;
            }
            if pending.len() >= BLOCK {
                let cut = record_boundary(&pending);
                let rest = pending.split_off(cut);
                if tx.send(Ok(pending)).is_err() {
                    return;
                }
                pending = rest;
                pending.reserve(2 * BLOCK);
            }
        }
    });
    Ok((label, rx))
}

/// The three files read, and the roll calls the filter selects.
struct Loaded {
    roll_calls: RollCalls,
    votes: Votes,
    mask: Vec<u64>,
}

/// Stage times on standard error when `COMITY_TIMINGS` is set (for the benchmark).
fn stage(what: &str, since: std::time::Instant) {
    if std::env::var_os("COMITY_TIMINGS").is_some() {
        eprintln!("{what}: {:.1} ms", since.elapsed().as_secs_f64() * 1e3);
    }
}

fn load(d: &Data) -> anyhow::Result<Loaded> {
    let t0 = std::time::Instant::now();
    let issue = match &d.issue {
        None => None,
        Some(code) => match Issues::bit(code.trim()) {
            Some(b) => Some(b),
            None => bail!("--issue {code:?}: not an issue code (me, nu, di, hr, co, ec)"),
        },
    };
    if let (Some(f), Some(t)) = (d.from, d.to)
        && f > t
    {
        bail!("--from {f} is after --to {t}");
    }
    // The votes are decompressed on another thread, a block at a time, and read here as the
    // blocks come (each cut after a whole record), so reading overlaps decompressing.
    let (v_name, chunks) = votes_stream(d.votes.as_ref())?;
    let (rc_name, rc_bytes) = bytes(d.roll_calls.as_ref(), ROLL_CALLS, "unga_roll_calls.csv.gz")?;
    let roll_calls = RollCalls::parse(&rc_name, &rc_bytes)?;
    let (is_name, is_bytes) = bytes(d.issues.as_ref(), ISSUES, "unga_roll_call_issues.csv")?;
    let issues = Issues::parse(&is_name, &is_bytes, &roll_calls)?;
    let known = comity_server::unga::known_states();
    stage("roll calls and issues parsed", t0);
    let t1 = std::time::Instant::now();
    let is_known = |c: &str| known.contains(c);
    let mut reader = VotesReader::new(&v_name, &roll_calls, &is_known);
    for chunk in chunks {
        reader.feed(&chunk?)?;
    }
    let votes = reader.finish()?;
    stage("votes gunzipped and parsed", t1);
    let mask = selection(
        &roll_calls,
        &issues,
        &Filter {
            from: d.from,
            to: d.to,
            issue,
        },
    );
    Ok(Loaded {
        roll_calls,
        votes,
        mask,
    })
}

/// The positions of the `--states` named, or of every state that voted in the selection.
fn states(l: &Loaded, given: Option<&str>) -> anyhow::Result<Vec<usize>> {
    match given {
        Some(list) => {
            let mut out: Vec<usize> = Vec::new();
            for code in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                let at = l
                    .votes
                    .state(&code.to_ascii_uppercase())
                    .with_context(|| format!("--states: {code} has no vote in the votes file"))?;
                // A state named twice is counted once (a JSON object has each key once).
                if !out.contains(&at) {
                    out.push(at);
                }
            }
            Ok(out)
        }
        None => Ok((0..l.votes.states.len())
            .filter(|&s| {
                (0..l.votes.words).any(|w| {
                    (l.votes.yes[s][w] | l.votes.no[s][w] | l.votes.abstain[s][w]) & l.mask[w] != 0
                })
            })
            .collect()),
    }
}

/// A share with six decimals, as the JSON and CSV print it (exact for the ratios of whole
/// numbers below 2³² that agreement is: rounded half away from zero at the sixth decimal).
fn figure(x: f64) -> String {
    let micro = (x * 1e6).round();
    if !(0.0..1e15).contains(&micro) {
        return format!("{x:.6}");
    }
    let micro = micro as u64;
    format!("{}.{:06}", micro / 1_000_000, micro % 1_000_000)
}

/// `comity caucus agreement`.
pub fn agreement_cmd(d: &Data, states_arg: Option<&str>) -> anyhow::Result<()> {
    let l = load(d)?;
    let chosen = states(&l, states_arg)?;
    let t = std::time::Instant::now();
    let m = agreement(&l.votes, &l.mask, &chosen);
    stage("agreement matrix", t);
    let t = std::time::Instant::now();
    let code = |i: usize| l.votes.states[chosen[i]].as_str();
    let k = chosen.len();
    let mut out = String::with_capacity(k * k * 48 + 64);
    if d.format == "csv" {
        out.push_str("state,other,agreement,roll_calls\n");
        for i in 0..k {
            for j in 0..k {
                let c = m.get(i, j);
                let v = c.value().map(figure).unwrap_or_default();
                let _ = writeln!(out, "{},{},{v},{}", code(i), code(j), c.roll_calls);
            }
        }
    } else {
        out.push_str("{\"matrix\":{");
        for i in 0..k {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "\"{}\":{{", code(i));
            for j in 0..k {
                if j > 0 {
                    out.push(',');
                }
                let c = m.get(i, j);
                let v = c.value().map_or_else(|| "null".to_owned(), figure);
                let _ = write!(
                    out,
                    "\"{}\":{{\"agreement\":{v},\"roll_calls\":{}}}",
                    code(j),
                    c.roll_calls
                );
            }
            out.push('}');
        }
        out.push_str("}}\n");
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    stage("printed", t);
    Ok(())
}

/// `comity caucus cohesion`.
pub fn cohesion_cmd(d: &Data, states_arg: &str) -> anyhow::Result<()> {
    let l = load(d)?;
    let group = states(&l, Some(states_arg))?;
    if group.is_empty() {
        bail!("--states: name at least one state");
    }
    let by_session = cohesion(&l.votes, &l.roll_calls, &l.mask, &group);
    let mut out = String::new();
    if d.format == "csv" {
        out.push_str("session,cohesion\n");
        for (s, c) in &by_session {
            let _ = writeln!(out, "{s},{}", figure(*c));
        }
    } else {
        let items: Vec<String> = by_session
            .iter()
            .map(|(s, c)| format!("\"{s}\":{}", figure(*c)))
            .collect();
        let _ = writeln!(out, "{{\"by_session\":{{{}}}}}", items.join(","));
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// The sessions over which `comity caucus drift` measures a trend (as the caucus page).
const DRIFT_SESSIONS: usize = 10;

/// `comity caucus drift`.
pub fn drift_cmd(d: &Data, states_arg: &str) -> anyhow::Result<()> {
    let l = load(d)?;
    let group = states(&l, Some(states_arg))?;
    if group.is_empty() {
        bail!("--states: name at least one state");
    }
    let drifts = comity_caucus::drift(&l.votes, &l.roll_calls, &l.mask, &group, DRIFT_SESSIONS);
    let opt = |x: Option<f64>| x.map_or_else(|| "null".to_owned(), signed);
    let mut out = String::new();
    if d.format == "csv" {
        out.push_str("state,session,agreement,roll_calls\n");
        for dr in &drifts {
            for (s, a) in &dr.by_session {
                let v = a.value().map(figure).unwrap_or_default();
                let _ = writeln!(out, "{},{s},{v},{}", dr.code, a.roll_calls);
            }
        }
    } else {
        let items: Vec<String> = drifts
            .iter()
            .map(|dr| {
                let series: Vec<String> = dr
                    .series()
                    .iter()
                    .map(|(s, v)| format!("\"{s}\":{}", figure(*v)))
                    .collect();
                format!(
                    "\"{}\":{{\"by_session\":{{{}}},\"recent\":{},\"slope\":{}}}",
                    dr.code,
                    series.join(","),
                    opt(dr.recent),
                    opt(dr.slope)
                )
            })
            .collect();
        let _ = writeln!(out, "{{\"by_state\":{{{}}}}}", items.join(","));
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// A figure that may be negative, to six decimals.
fn signed(x: f64) -> String {
    if x < 0.0 {
        format!("-{}", figure(-x))
    } else {
        figure(x)
    }
}

/// `comity caucus follow`: the members against the common positions, and their weight.
pub async fn follow_cmd(database: &str, format: &str) -> anyhow::Result<()> {
    use comity_store::{OpenMode, Store};
    if !matches!(format, "json" | "csv") {
        bail!("--format: {format:?} is not json or csv");
    }
    let store = Store::open(database, OpenMode::MustExist).await?;
    let state = store.load_state().await?;
    let members = comity_core::caucus::un_members(&state);
    let counts = comity_core::caucus::follow_counts(&state.caucus, &members);
    let rate = |f: u32, d: u32| (f + d > 0).then(|| f64::from(f) / f64::from(f + d));
    let mut out = String::new();
    if format == "csv" {
        out.push_str("state,followed,departed,absent,rate\n");
        for (m, [f, d, a]) in &counts {
            let r = rate(*f, *d).map(figure).unwrap_or_default();
            let _ = writeln!(out, "{m},{f},{d},{a},{r}");
        }
    } else {
        let follow: serde_json::Map<String, serde_json::Value> = counts
            .iter()
            .map(|(m, [f, d, a])| {
                let doc = serde_json::json!({
                    "followed": f, "departed": d, "absent": a,
                    "rate": rate(*f, *d).map(|r| (r * 1e6).round() / 1e6),
                });
                (m.to_string(), doc)
            })
            .collect();
        let w = comity_core::caucus::weight(&state);
        let doc = serde_json::json!({ "follow": follow, "weight": w });
        let _ = writeln!(out, "{doc}");
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}

/// `comity caucus import`: add roll calls of later sessions (or votes missing from the
/// record) to an alliance's record of the General Assembly. The files are read and checked
/// against the record first, every bad row named by file, line and field; then the journal
/// records the votes file's SHA-256 and the counts, and the side tables the rows, in one
/// transaction. Progress goes to stderr, the outcome to stdout as JSON.
pub async fn import_cmd(
    database: &str,
    votes: &Path,
    roll_calls: Option<&Path>,
    issues: Option<&Path>,
    now: comity_core::Timestamp,
) -> anyhow::Result<()> {
    use comity_core::auth::{Principal, Role};
    use comity_server::unga::{ImportFiles, check_import, current};
    use comity_store::{Institution, OpenMode, Store};

    let read = |p: &Path| -> anyhow::Result<(String, Vec<u8>)> {
        let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
        Ok((p.display().to_string(), bytes))
    };
    let step = |n: u8, what: &str| eprintln!("[{n}/4] {what}");
    step(1, "reading the files");
    let files = ImportFiles {
        votes: read(votes)?,
        roll_calls: roll_calls.map(read).transpose()?,
        issues: issues.map(read).transpose()?,
    };
    let store = Store::open(database, OpenMode::MustExist).await?;
    let inst = Institution::open(store).await?;
    step(2, "reading the alliance's record of the General Assembly");
    let record = current(&inst).await.map_err(|e| anyhow::anyhow!(e))?;
    step(3, "checking every row against the record");
    let checked = check_import(&record, &files).map_err(|e| anyhow::anyhow!(e))?;
    step(4, "recording the import");
    let officer = Principal::new(comity_core::Actor::system(), vec![Role::Secretariat]);
    let file_name = votes.file_name().map_or_else(
        || files.votes.0.clone(),
        |f| f.to_string_lossy().into_owned(),
    );
    inst.import_unga(
        &officer.actor,
        Some(&officer),
        now,
        &comity_store::UngaFile {
            file: &file_name,
            sha256: checked.sha256,
            added: &checked.added,
            sessions: checked.sessions,
        },
    )
    .await
    .with_context(|| format!("recording the import of {}", files.votes.0))?;
    let import = inst.state().await.caucus.imports.last().cloned();
    let Some(i) = import else {
        anyhow::bail!("the import was not recorded");
    };
    // The import as the state keeps it (its `seq` is the journal entry that records it).
    let out = serde_json::to_value(&i)?;
    writeln!(std::io::stdout().lock(), "{out}")?;
    Ok(())
}

/// `comity replay --caucus`: the caucus's agenda from an exported journal alone, every
/// comparison re-derived from the recorded votes and positions.
pub fn replay(file: &Path) -> anyhow::Result<()> {
    let mut state = comity_core::State::new();
    let head = super::journal::read_file(file, |e| state.apply(e).map_err(Into::into))?;
    eprintln!(
        "replayed {} entries from {}, head {}",
        head.seq,
        file.display(),
        head.hash
    );
    let agenda: Vec<serde_json::Value> = state
        .caucus
        .agenda
        .values()
        .map(|it| {
            let mut by: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
            for m in it.votes.keys() {
                if let Some(c) = it.compliance(m) {
                    by.entry(c.code()).or_default().push(m.to_string());
                }
            }
            serde_json::json!({
                "item": it.id,
                "session": it.session,
                "symbol": it.symbol,
                "plenary": it.plenary.to_string(),
                "rcid": it.rcid,
                "position": it.stance().map(|s| s.code()),
                "votes_recorded": it.recorded.is_some(),
                "followed": by.remove("followed").unwrap_or_default(),
                "departed": by.remove("departed").unwrap_or_default(),
                "absent": by.remove("absent").unwrap_or_default(),
                "explanations": it.explanations.keys().map(ToString::to_string).collect::<Vec<_>>(),
            })
        })
        .collect();

    let out = serde_json::json!({ "agenda": agenda, "imports": state.caucus.imports });
    writeln!(std::io::stdout().lock(), "{out}")?;
    Ok(())
}
