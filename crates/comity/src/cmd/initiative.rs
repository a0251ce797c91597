//! `comity initiative check RULE.toml COUNTS.csv --registered YYYY-MM-DD`: would this
//! distribution of signatures pass, for an initiative registered on that day? The rule file
//! gives the total, the members' minimums in date-versioned tables and how many members must
//! meet theirs (`initiatives/eci.toml`: the European Citizens' Initiative); the counts are a
//! CSV `country,signatures`. A bad row is named by file, line and field, and the good rows
//! are counted.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Subcommand;
use comity_core::ids::Day;
use comity_core::initiatives::Rule;
use serde_json::json;

use crate::DEMO_DATABASE;

#[derive(Debug, Subcommand)]
pub enum InitiativeCommand {
    /// Would this distribution of signatures pass, for an initiative registered on this day?
    /// RULE is a threshold rule (initiatives/eci.toml: the European Citizens' Initiative),
    /// COUNTS a CSV country,signatures (codes as in the rule's table). Prints {"passes",
    /// "total", "members_meeting_minimum", "required_members"}; a count equal to the minimum
    /// meets it; a bad row is named by file, line and field and the others are counted.
    Check {
        rule: PathBuf,
        counts: PathBuf,
        /// The day the initiative was registered (YYYY-MM-DD): the table in force then applies.
        #[arg(long)]
        registered: String,
        /// json or text.
        #[arg(long, default_value = "json", value_parser = ["json", "text"])]
        format: String,
    },
    /// Register an initiative for its citizens' committee (--member NAME:ISO3, as many as it
    /// has; the charter says from how many member states): the threshold in force today is
    /// frozen with it. Prints its number.
    Register {
        #[arg(long)]
        title: String,
        #[arg(long)]
        objective: String,
        #[arg(long = "member", required = true)]
        members: Vec<String>,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// The organ's check of admissibility: admissible (collecting from --opens for the
    /// rule's months), or --inadmissible, with --reasons.
    Admit {
        id: u64,
        #[arg(long)]
        reasons: String,
        /// The first day of the collection (YYYY-MM-DD; default today).
        #[arg(long)]
        opens: Option<String>,
        #[arg(long)]
        inadmissible: bool,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Record a CSV of online signatures (name,nationality,birth_date,id_number,address,
    /// postcode) in batches: each row checked against its member's requirements; bad rows
    /// and second signatures of an ID number named by line and field, counted nowhere.
    Sign {
        id: u64,
        file: PathBuf,
        #[arg(long, default_value = "imported file")]
        source: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Record a batch of paper signatures from the organisers' count (CSV country,signatures
    /// with ISO3 codes) and its sheets; the journal keeps the file's SHA-256.
    Paper {
        id: u64,
        counts: PathBuf,
        #[arg(long)]
        sheets: u64,
        #[arg(long, default_value = "paper sheets")]
        source: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Strike the valid signatures that repeat an earlier one's name, birth date and postcode
    /// (fuzzy_duplicate), journaled with their counts; reversible.
    Verify {
        id: u64,
        #[arg(
            long,
            default_value = "same name, birth date and postcode as an earlier signature"
        )]
        note: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Reverse an invalidation, with reasons: its signatures are valid again.
    Reverse {
        id: u64,
        invalidation: u64,
        #[arg(long)]
        reasons: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// End the collection: no more batches.
    Close {
        id: u64,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Publish the seed the certification samples are drawn from (16–128 letters, digits or
    /// dashes), before any draw.
    Seed {
        id: u64,
        seed: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// The statements a member's sample checks, drawn from the published seed: {"positions",
    /// "online": [[batch, n], …], "paper": [index, …]}. Anyone can re-run it.
    Sample {
        id: u64,
        state: String,
        #[arg(long)]
        size: u64,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// A member's certification: VALID of the SAMPLE drawn were valid; the certified count
    /// is the valid signatures × the 95 % Wilson lower bound of the valid rate.
    Certify {
        id: u64,
        state: String,
        #[arg(long)]
        sample: u64,
        #[arg(long)]
        valid: u64,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Declare the verdict under the frozen threshold; a passing initiative goes on the
    /// organ's agenda with a deadline for its answer.
    Verdict {
        id: u64,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Record the organ's answer to an initiative that passed.
    Answer {
        id: u64,
        #[arg(long)]
        text: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Every initiative (or one) as the API gives it, as JSON; --format csv: one
    /// initiative's counts per member.
    Status {
        id: Option<u64>,
        #[arg(long, default_value = "json", value_parser = ["json", "csv"])]
        format: String,
        /// The day time left is counted on (YYYY-MM-DD; default today).
        #[arg(long)]
        at: Option<String>,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
}

/// The operator's acts on initiatives (`comity initiative …` but `check`).
pub async fn act(c: InitiativeCommand) -> anyhow::Result<()> {
    use acts::{open, print, run};
    use comity_core::initiatives::Command as I;
    let now = super::now();
    let day = |s: Option<String>, flag: &str| -> anyhow::Result<comity_core::ids::Day> {
        match s {
            Some(s) => {
                comity_core::ids::Day::parse(s.trim()).map_err(|e| anyhow::anyhow!("{flag}: {e}"))
            }
            None => comity_core::ids::Day::of(now)
                .ok_or_else(|| anyhow::anyhow!("the clock is outside the calendar")),
        }
    };
    let iso =
        |s: &str| comity_core::Iso3::parse(s.trim()).map_err(|e| anyhow::anyhow!("STATE: {e}"));
    let (database, cmd) = match c {
        InitiativeCommand::Check { .. } => return Ok(()),
        InitiativeCommand::Sign {
            id,
            file,
            source,
            database,
        } => return acts::sign_file(&database, id, &file, &source, now).await,
        InitiativeCommand::Paper {
            id,
            counts,
            sheets,
            source,
            database,
        } => return acts::paper(&database, id, &counts, sheets, &source, now).await,
        InitiativeCommand::Sample {
            id,
            state,
            size,
            database,
        } => return acts::sample(&database, id, &state, size).await,
        InitiativeCommand::Status {
            id,
            format,
            at,
            database,
        } => {
            let today = acts::day(at.as_deref(), now)?;
            return acts::status(&database, id, format == "csv", today).await;
        }
        InitiativeCommand::Verify { id, note, database } => {
            let inst = open(&database).await?;
            let entries = inst
                .invalidate_likely_duplicates(&comity_core::Actor::system(), None, now, id, &note)
                .await?;
            return print(serde_json::json!({
                "initiative": id,
                "entries": entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
                "invalidated": entries.first().and_then(|e| e.payload.get("counts")).cloned(),
            }));
        }
        InitiativeCommand::Reverse {
            id,
            invalidation,
            reasons,
            database,
        } => {
            let inst = open(&database).await?;
            let entries = inst
                .reverse_invalidation(
                    &comity_core::Actor::system(),
                    None,
                    now,
                    id,
                    invalidation,
                    &reasons,
                )
                .await?;
            return print(serde_json::json!({
                "initiative": id,
                "entries": entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
            }));
        }
        InitiativeCommand::Register {
            title,
            objective,
            members,
            database,
        } => (
            database,
            I::Register {
                title,
                objective,
                committee: members
                    .iter()
                    .map(|m| acts::member(m))
                    .collect::<anyhow::Result<_>>()?,
            },
        ),
        InitiativeCommand::Admit {
            id,
            reasons,
            opens,
            inadmissible,
            database,
        } => (
            database,
            I::DecideAdmissibility {
                initiative: id,
                admissible: !inadmissible,
                reasons,
                opens: day(opens, "--opens")?,
            },
        ),
        InitiativeCommand::Close { id, database } => {
            (database, I::CloseCollection { initiative: id })
        }
        InitiativeCommand::Seed { id, seed, database } => (
            database,
            I::PublishSeed {
                initiative: id,
                seed,
            },
        ),
        InitiativeCommand::Certify {
            id,
            state,
            sample,
            valid,
            database,
        } => (
            database,
            I::Certify {
                initiative: id,
                state: iso(&state)?,
                sample,
                valid,
            },
        ),
        InitiativeCommand::Verdict { id, database } => {
            (database, I::DeclareVerdict { initiative: id })
        }
        InitiativeCommand::Answer { id, text, database } => (
            database,
            I::Answer {
                initiative: id,
                text,
            },
        ),
    };
    let inst = open(&database).await?;
    let entries = run(&inst, now, cmd).await?;
    print(serde_json::json!({
        "entries": entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
        "kinds": entries.iter().map(|e| e.kind.clone()).collect::<Vec<_>>(),
        "initiative": entries.first().and_then(|e| e.payload.get("initiative")).cloned(),
    }))
}

pub fn check_cmd(
    rule: &Path,
    counts: &Path,
    registered: &str,
    json_out: bool,
) -> anyhow::Result<()> {
    let day = Day::parse(registered.trim())
        .map_err(|e| anyhow::anyhow!("--registered: {e} (YYYY-MM-DD)"))?;
    let rule_shown = rule.display().to_string();
    let text = std::fs::read_to_string(rule).with_context(|| format!("reading {rule_shown}"))?;
    let rule = Rule::parse(&rule_shown, &text).map_err(|e| anyhow::anyhow!("{e}"))?;
    let Some(table) = rule.table_on(day) else {
        bail!(
            "{rule_shown}: no table applies to a registration on {day} (the tables begin on {})",
            rule.tables
                .first()
                .map_or_else(String::new, |t| t.valid_from.to_string())
        );
    };
    let shown = counts.display().to_string();
    let bytes = std::fs::read(counts).with_context(|| format!("reading {shown}"))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes.as_slice());
    let header = reader
        .headers()
        .with_context(|| format!("{shown}, line 1: reading the header"))?
        .clone();
    let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(country_col), Some(count_col)) = (col("country"), col("signatures")) else {
        bail!("{shown}, line 1: the header needs the columns country and signatures");
    };
    let mut totals: BTreeMap<String, u64> = BTreeMap::new();
    let mut bad = 0;
    for (i, record) in reader.records().enumerate() {
        let line = i as u64 + 2;
        let row = record.map_err(|e| e.to_string()).and_then(|r| {
            let line = r.position().map_or(line, |p| p.line());
            let country = r.get(country_col).unwrap_or("");
            if country.is_empty() {
                return Err(format!("line {line}, field country: missing"));
            }
            let code = if table.minimums.contains_key(country) {
                country.to_owned()
            } else if table.minimums.contains_key(&country.to_uppercase()) {
                country.to_uppercase()
            } else {
                return Err(format!(
                    "line {line}, field country: {country:?} is not a member in the table in force on {day}"
                ));
            };
            let n: u64 = r.get(count_col).unwrap_or("").parse().map_err(|_| {
                format!(
                    "line {line}, field signatures: {:?} is not a whole number",
                    r.get(count_col).unwrap_or("")
                )
            })?;
            Ok((code, n))
        });
        match row {
            Ok((code, n)) => *totals.entry(code).or_default() += n,
            Err(why) => {
                bad += 1;
                eprintln!("{shown}, {why}");
            }
        }
    }
    let v = rule.check(day, &totals)?;
    let mut out = std::io::stdout().lock();
    if json_out {
        writeln!(
            out,
            "{}",
            json!({
                "passes": v.passes,
                "total": v.total,
                "members_meeting_minimum": v.members_meeting_minimum,
                "required_members": v.required_members,
            })
        )?;
    } else {
        writeln!(
            out,
            "{}: {} signatures of {} required; {} of {} required members meet their minimum ({}); table from {}",
            if v.passes { "passes" } else { "does not pass" },
            v.total,
            rule.total,
            v.members_meeting_minimum.len(),
            v.required_members,
            v.members_meeting_minimum.join(", "),
            v.table_from
        )?;
        for (code, min) in &table.minimums {
            let n = totals.get(code).copied().unwrap_or(0);
            writeln!(
                out,
                "  {code}  {n:>10} / {min:>8}  {}",
                if n >= *min { "meets" } else { "short" }
            )?;
        }
    }
    if bad > 0 {
        eprintln!("{shown}: {bad} row(s) could not be read; the others were counted");
    }
    Ok(())
}

/// The operator's acts on initiatives, each one journal entry (or, for signatures, one per
/// batch) recorded as the secretariat.
pub mod acts {
    use std::collections::BTreeMap;
    use std::io::Write;
    use std::path::Path;

    use anyhow::{Context, bail};
    use comity_core::auth::{Principal, Role};
    use comity_core::ids::Day;
    use comity_core::initiatives::{self, Channel, CommitteeMember, SignatureForm};
    use comity_core::journal::Hash;
    use comity_core::{Actor, Command, Iso3, Timestamp};
    use comity_server::initiatives::view;
    use comity_store::side::SignatureRow;
    use comity_store::{Institution, OpenMode, Store};
    use serde_json::json;

    /// Signatures per batch when a file is recorded.
    pub const BATCH: usize = 50_000;

    pub async fn open(database: &str) -> anyhow::Result<Institution> {
        let store = Store::open(database, OpenMode::MustExist).await?;
        Ok(Institution::open(store).await?)
    }

    fn officer() -> Principal {
        Principal::new(Actor::system(), vec![Role::Secretariat])
    }

    /// Run one act as the secretariat; the entries' numbers.
    pub async fn run(
        inst: &Institution,
        now: Timestamp,
        cmd: initiatives::Command,
    ) -> anyhow::Result<Vec<comity_core::journal::Entry>> {
        run_any(inst, now, Command::Initiatives(cmd)).await
    }

    /// Run any act as the secretariat.
    pub async fn run_any(
        inst: &Institution,
        now: Timestamp,
        cmd: Command,
    ) -> anyhow::Result<Vec<comity_core::journal::Entry>> {
        Ok(inst.execute_as(&officer(), now, &cmd).await?)
    }

    /// `Name:ISO3` → a committee member.
    pub fn member(s: &str) -> anyhow::Result<CommitteeMember> {
        let (name, state) = s
            .rsplit_once(':')
            .with_context(|| format!("--member {s:?}: write NAME:ISO3"))?;
        Ok(CommitteeMember {
            name: name.trim().to_owned(),
            state: Iso3::parse(state.trim()).map_err(|e| anyhow::anyhow!("--member {s:?}: {e}"))?,
        })
    }

    pub fn print(doc: serde_json::Value) -> anyhow::Result<()> {
        writeln!(std::io::stdout().lock(), "{doc}")?;
        Ok(())
    }

    /// The columns of a signatures CSV, found by name in its header.
    struct Columns {
        name: usize,
        nationality: usize,
        birth_date: usize,
        id_number: Option<usize>,
        address: Option<usize>,
        postcode: Option<usize>,
    }

    impl Columns {
        fn of(shown: &str, header: &csv::StringRecord) -> anyhow::Result<Self> {
            let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
            let (Some(name), Some(nationality), Some(birth_date)) =
                (col("name"), col("nationality"), col("birth_date"))
            else {
                bail!(
                    "{shown}, line 1: the header needs the columns name, nationality and birth_date"
                );
            };
            Ok(Self {
                name,
                nationality,
                birth_date,
                id_number: col("id_number"),
                address: col("address"),
                postcode: col("postcode"),
            })
        }

        fn form(&self, r: &csv::StringRecord) -> SignatureForm {
            let get = |c: Option<usize>| c.and_then(|c| r.get(c)).unwrap_or("").to_owned();
            SignatureForm {
                name: get(Some(self.name)),
                nationality: get(Some(self.nationality)).to_uppercase(),
                birth_date: get(Some(self.birth_date)),
                id_number: get(self.id_number),
                address: get(self.address),
                postcode: get(self.postcode),
            }
        }
    }

    /// A batch being recorded: its rows' file lines, and the task recording it.
    type Pending = (
        Vec<u64>,
        tokio::task::JoinHandle<
            Result<(Vec<comity_core::journal::Entry>, Vec<usize>), comity_store::ExecError>,
        >,
    );

    /// What the batches of a file recorded.
    #[derive(Default)]
    struct Tally {
        recorded: u64,
        duplicates: u64,
        batches: Vec<u64>,
    }

    impl Tally {
        /// Wait for a batch; name its second ID numbers by line.
        async fn finish(&mut self, shown: &str, (lines, task): Pending) -> anyhow::Result<()> {
            let (entries, dups) = task
                .await
                .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?
                .map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
            for i in &dups {
                if let Some(line) = lines.get(*i) {
                    eprintln!(
                        "{shown}, line {line}, field id_number: this member's ID number has signed already"
                    );
                }
            }
            self.duplicates += dups.len() as u64;
            self.recorded += (lines.len() - dups.len()) as u64;
            self.batches.extend(entries.iter().map(|e| e.seq));
            Ok(())
        }
    }

    /// `comity initiative sign ID FILE`: record a file of online signatures (`name,
    /// nationality,birth_date,id_number,address,postcode`; the last three may be absent or
    /// empty where the member asks for none), read as a stream and recorded in batches of
    /// [`BATCH`]: every row checked against its member's requirements today and keyed under
    /// the institution's secret; bad rows and second ID numbers named by line and field,
    /// counted nowhere.
    pub async fn sign_file(
        database: &str,
        id: u64,
        file: &Path,
        source: &str,
        now: Timestamp,
    ) -> anyhow::Result<()> {
        let shown = file.display().to_string();
        let f = std::fs::File::open(file).with_context(|| format!("reading {shown}"))?;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(std::io::BufReader::with_capacity(1 << 20, f));
        let cols = Columns::of(
            &shown,
            &reader
                .headers()
                .with_context(|| format!("{shown}, line 1: reading the header"))?
                .clone(),
        )?;
        let inst = std::sync::Arc::new(open(database).await?);
        let secret = inst.store().signing_secret().await?;
        let today = Day::of(now).context("the clock is outside the calendar")?;
        // What the check needs, read once: the record's own lock is taken by each batch.
        let (members, needs): (
            std::collections::BTreeSet<Iso3>,
            BTreeMap<Iso3, initiatives::Requirements>,
        ) = {
            let st = inst.state().await;
            (
                st.members.keys().cloned().collect(),
                st.members
                    .keys()
                    .map(|s| (s.clone(), initiatives::requirements(&st, s)))
                    .collect(),
            )
        };
        let default = initiatives::Requirements {
            min_age: 18,
            id_number: false,
            address: false,
        };
        let mut refused = 0u64;
        let mut tally = Tally::default();
        let mut pending: Option<Pending> = None;
        let mut chunk: Vec<(u64, SignatureRow)> = Vec::with_capacity(BATCH);
        let mut record = csv::StringRecord::new();
        let mut line = 1u64;
        let mut done = false;
        while !done {
            match reader.read_record(&mut record) {
                Ok(false) => done = true,
                Ok(true) => {
                    line = record.position().map_or(line + 1, |p| p.line());
                    match initiatives::sign::check(
                        &cols.form(&record),
                        today,
                        &secret,
                        |s| members.contains(s),
                        |s| needs.get(s).copied().unwrap_or(default),
                    ) {
                        Ok(c) => chunk.push((
                            line,
                            SignatureRow {
                                state: c.state,
                                id_key: c.id_key,
                                person_key: c.person_key,
                            },
                        )),
                        Err(e) => {
                            refused += 1;
                            eprintln!("{shown}, line {line}, field {}: {e}", e.field());
                        }
                    }
                }
                Err(e) => {
                    line += 1;
                    refused += 1;
                    eprintln!("{shown}, line {line}: {e}");
                }
            }
            if chunk.len() == BATCH || (done && !chunk.is_empty()) {
                // The batch is recorded while the next one is read and keyed: its ID keys are
                // looked up only once the one before is committed.
                let (lines, rows): (Vec<u64>, Vec<SignatureRow>) = chunk.drain(..).unzip();
                if let Some(p) = pending.take() {
                    tally.finish(&shown, p).await?;
                }
                let inst = std::sync::Arc::clone(&inst);
                let source = source.to_owned();
                pending = Some((
                    lines,
                    tokio::spawn(async move {
                        inst.record_signatures(&Actor::system(), None, now, id, &rows, &source)
                            .await
                    }),
                ));
            }
        }
        if let Some(p) = pending.take() {
            tally.finish(&shown, p).await?;
        }
        let Tally {
            recorded,
            duplicates,
            batches,
        } = tally;
        print(json!({
            "initiative": id,
            "recorded": recorded,
            "duplicates": duplicates,
            "refused": refused,
            "entries": batches,
        }))
    }

    /// `country,signatures` rows (ISO3 codes), each bad one named by line and field.
    pub fn read_counts(shown: &str, bytes: &[u8]) -> anyhow::Result<BTreeMap<Iso3, u64>> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(bytes);
        let header = reader
            .headers()
            .with_context(|| format!("{shown}, line 1: reading the header"))?
            .clone();
        let col = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
        let (Some(c), Some(n)) = (col("country"), col("signatures")) else {
            bail!("{shown}, line 1: the header needs the columns country and signatures");
        };
        let mut out: BTreeMap<Iso3, u64> = BTreeMap::new();
        let mut bad = 0;
        for (i, r) in reader.records().enumerate() {
            let line = i as u64 + 2;
            let row = r.map_err(|e| format!("line {line}: {e}")).and_then(|r| {
                let line = r.position().map_or(line, |p| p.line());
                let code = r.get(c).unwrap_or("");
                let iso = Iso3::parse(&code.to_uppercase()).map_err(|_| {
                    format!("line {line}, field country: {code:?} is not an ISO3 code")
                })?;
                let k: u64 = r.get(n).unwrap_or("").parse().map_err(|_| {
                    format!(
                        "line {line}, field signatures: {:?} is not a whole number",
                        r.get(n).unwrap_or("")
                    )
                })?;
                Ok((iso, k))
            });
            match row {
                Ok((iso, k)) => *out.entry(iso).or_default() += k,
                Err(why) => {
                    bad += 1;
                    eprintln!("{shown}, {why}");
                }
            }
        }
        if bad > 0 {
            eprintln!("{shown}: {bad} row(s) could not be read; the others are counted");
        }
        Ok(out)
    }

    /// `comity initiative paper ID COUNTS.csv --sheets N`: a batch of paper signatures, the
    /// journal recording the counts and the file's SHA-256.
    pub async fn paper(
        database: &str,
        id: u64,
        file: &Path,
        sheets: u64,
        source: &str,
        now: Timestamp,
    ) -> anyhow::Result<()> {
        let shown = file.display().to_string();
        let bytes = std::fs::read(file).with_context(|| format!("reading {shown}"))?;
        let counts = read_counts(&shown, &bytes)?;
        let inst = open(database).await?;
        let entries = run(
            &inst,
            now,
            initiatives::Command::RecordSignatures {
                initiative: id,
                channel: Channel::Paper,
                counts: counts.clone(),
                rows_sha256: Hash::of(&bytes),
                sheets,
                source: source.to_owned(),
            },
        )
        .await?;
        print(json!({
            "initiative": id,
            "recorded": counts.values().sum::<u64>(),
            "members": counts.len(),
            "sheets": sheets,
            "sha256": Hash::of(&bytes).to_string(),
            "entries": entries.iter().map(|e| e.seq).collect::<Vec<_>>(),
        }))
    }

    /// `comity initiative sample ID STATE --size N`: the statements a member's sample checks,
    /// drawn from the published seed — anyone can re-run it. Positions run over the member's
    /// valid statements: first its online rows in the side table's order (given as `[batch,
    /// n]`), then its paper statements in the order of their batches (given by their index).
    pub async fn sample(database: &str, id: u64, state: &str, size: u64) -> anyhow::Result<()> {
        let iso = Iso3::parse(state).map_err(|e| anyhow::anyhow!("STATE: {e}"))?;
        let inst = open(database).await?;
        let (seed, population) = {
            let st = inst.state().await;
            let Some(i) = st.initiatives.initiatives.get(&id) else {
                bail!("there is no initiative {id}");
            };
            let Some((seed, _)) = i.seed.clone() else {
                bail!("initiative {id}: no seed is published yet (comity initiative seed)");
            };
            (seed, i.tallies().get(&iso).map_or(0, |t| t.valid))
        };
        let online = inst.store().valid_signatures(id, &iso).await?;
        let positions = initiatives::sample::draw(&seed, &iso, population, size);
        let (mut rows, mut paper) = (Vec::new(), Vec::new());
        for p in &positions {
            match usize::try_from(*p).ok().and_then(|k| online.get(k)) {
                Some((b, n)) => rows.push([*b, *n]),
                None => paper.push(p.saturating_sub(online.len() as u64)),
            }
        }
        print(json!({
            "initiative": id,
            "state": iso.to_string(),
            "seed": seed,
            "population": population,
            "size": positions.len(),
            "positions": positions,
            "online": rows,
            "paper": paper,
        }))
    }

    /// `comity initiative status [ID] --format json|csv`: each initiative as the API gives
    /// it; in CSV, one initiative's counts per member.
    pub async fn status(
        database: &str,
        id: Option<u64>,
        csv_out: bool,
        today: Day,
    ) -> anyhow::Result<()> {
        let store = Store::open(database, OpenMode::MustExist).await?;
        let state = store.load_state().await?;
        document(&state, id, csv_out, today)
    }

    /// `--at DAY`, or today.
    pub fn day(at: Option<&str>, now: Timestamp) -> anyhow::Result<Day> {
        match at {
            Some(s) => Day::parse(s.trim()).map_err(|e| anyhow::anyhow!("--at: {e}")),
            None => Day::of(now).context("the clock is outside the calendar"),
        }
    }

    /// The status document (or CSV) of `state`.
    pub fn document(
        state: &comity_core::State,
        id: Option<u64>,
        csv_out: bool,
        today: Day,
    ) -> anyhow::Result<()> {
        let docs: Vec<view::InitiativeDoc> = state
            .initiatives
            .initiatives
            .values()
            .filter(|i| id.is_none_or(|x| x == i.id))
            .map(|i| view::detail(state, i, today))
            .collect();
        if let Some(x) = id
            && docs.is_empty()
        {
            bail!("there is no initiative {x}");
        }
        if csv_out {
            let [doc] = docs.as_slice() else {
                bail!(
                    "--format csv gives one initiative's counts: name it (comity initiative status ID)"
                );
            };
            std::io::stdout()
                .lock()
                .write_all(view::counts_csv(doc).as_bytes())?;
            return Ok(());
        }
        print(json!({ "initiatives": docs }))
    }

    /// `comity replay --file F --initiatives`: the status re-derived from a journal alone.
    pub fn replay(file: &Path, today: Day) -> anyhow::Result<()> {
        let mut state = comity_core::State::new();
        let head = super::super::journal::read_file(file, |e| state.apply(e).map_err(Into::into))?;
        eprintln!(
            "replayed {} entries from {}, head {}",
            head.seq,
            file.display(),
            head.hash
        );
        document(&state, None, false, today)
    }
}
