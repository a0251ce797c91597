//! The `comity` binary: glue between the command line, the store, the domain and the server.

mod cmd;
mod demo;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Comity runs a community of democracies: its charter, members, organs and decisions, with
/// every act recorded in a public, hash-chained journal anyone can verify and replay.
#[derive(Debug, Parser)]
#[command(name = "comity", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The database used when `--database` is not given: the demo's.
pub const DEMO_DATABASE: &str = "sqlite:comity-demo-data/comity.sqlite";

#[derive(Debug, Subcommand)]
enum Command {
    /// Create (or reopen) a demo alliance on embedded SQLite with real data, and serve it on 127.0.0.1.
    Demo {
        /// Port to serve on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Directory for the demo's database.
        #[arg(long, default_value = "comity-demo-data")]
        data_dir: PathBuf,
        /// Delete the demo database and found the alliance anew.
        #[arg(long)]
        fresh: bool,
        /// Found the demo under this charter file instead of the shipped Alliance of Democracies.
        #[arg(long)]
        charter: Option<PathBuf>,
    },
    /// Found an alliance under a charter in a new database: load the registry, adopt the charter, admit the founders.
    Init {
        #[arg(long)]
        charter: PathBuf,
        /// `sqlite:FILE`, a file path, or `postgres://…`.
        #[arg(long)]
        database: String,
        /// Found with the registry as it stood when this Freedom House edition was the latest
        /// (later editions can then be recorded with `comity ratings import`).
        #[arg(long)]
        fiw_until: Option<u16>,
    },
    /// Serve an existing alliance over HTTP.
    Serve {
        /// Also COMITY_DATABASE.
        #[arg(long, env = "COMITY_DATABASE", default_value = DEMO_DATABASE)]
        database: String,
        /// Also COMITY_BIND.
        #[arg(long, env = "COMITY_BIND", default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// The site is reached over HTTPS (a TLS proxy in front): cookies are marked Secure
        /// and browsers told to use HTTPS only (HSTS). Also COMITY_BEHIND_TLS=1.
        #[arg(long, env = "COMITY_BEHIND_TLS")]
        behind_tls: bool,
    },
    /// Work with charter files.
    #[command(subcommand)]
    Charter(CharterCommand),
    /// List every state with its standing in the alliance and its eligibility under the charter.
    Members {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        #[command(flatten)]
        view: output::MemberView,
    },
    /// Verify or export the journal.
    #[command(subcommand)]
    Journal(JournalCommand),
    /// Count a ballot file (the peers' JSON, `.json.gz`, or BLT) by one method.
    Tally {
        /// plurality, borda, irv, schulze, copeland, ranked_pairs, minimax, stv-scottish or stv-meek.
        #[arg(long)]
        method: String,
        /// Seats for STV (default: the file's `seats`, else 1).
        #[arg(long)]
        seats: Option<u32>,
        /// Seed for Scottish STV's ties decided by lot.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// `json` prints {"method":…, "winners"|"elected":[…]}; `text` adds the rounds and the pairwise matrix.
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
        file: PathBuf,
    },
    /// Exact voting power (Banzhaf, Shapley–Shubik) of a weighted or double-majority game.
    Power {
        /// {"members":[{"id","weight","population"}], "rule":{"kind":"weighted","quota":Q} | {"kind":"double_majority","states":0.55,"population":0.65,"blocking_minority":4}}
        game: PathBuf,
    },
    /// Citizens' assembly by lot: the fairest distribution over quota-meeting panels, and the draw.
    #[command(subcommand)]
    Sortition(SortitionCommand),
    /// Members' pledges: import pledges and reports, print every pledge's progress and status.
    #[command(subcommand)]
    Pledges(PledgesCommand),
    /// The UN caucus: agreement and cohesion over the General Assembly's roll calls.
    #[command(subcommand)]
    Caucus(CaucusCommand),
    /// Citizens' initiatives: whether a distribution of signatures meets a threshold rule.
    #[command(subcommand)]
    Initiative(cmd::initiative::InitiativeCommand),
    /// Consultations of an organ: open one from a file, file submissions, close it, record
    /// its synthesis and the decisions it informed; the status and the confidential submissions.
    #[command(subcommand)]
    Consultation(cmd::consultation::ConsultationCommand),
    /// Search members, organs, motions, elections, treaties, reports, pledges, listings,
    /// consultations and initiatives by any word, in any language, filtered by kind, organ and day.
    Search(cmd::search::SearchArgs),
    /// Joint smart sanctions: names compared and screened across scripts with the reasons, the consolidated list exported, the cases' status.
    #[command(subcommand)]
    Sanctions(SanctionsCommand),
    /// New democracy ratings (CSV in the shipped formats): members that fall below the criterion are flagged and reviewed.
    #[command(subcommand)]
    Ratings(RatingsCommand),
    /// Treaties: entry into force computed from a treaty's own clause and the deposits.
    #[command(subcommand)]
    Treaty(TreatyCommand),
    /// Elections of persons: ballots cast on paper, from the tellers' file.
    #[command(subcommand)]
    Election(ElectionCommand),
    /// Accounts: people, their roles, and API tokens for programs.
    #[command(subcommand)]
    User(UserCommand),
    /// Rebuild a database from an exported journal: the chain is verified and every entry
    /// folded before anything is written; then the entries are appended as they were (same
    /// head, same pages). The database must be new or empty. Side data the export leaves out
    /// (accounts, contacts, sealed ballots, the log key) comes from the database's own backup.
    Restore {
        /// An exported journal (JSON Lines), as `comity journal export` or /journal.jsonl give it.
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        database: String,
        /// A backup from `comity backup`, put back before the journal (accounts, ballots,
        /// contacts, the log's key).
        #[arg(long, requires = "key_file")]
        backup: Option<PathBuf>,
        /// The key the backup was sealed with.
        #[arg(long)]
        key_file: Option<PathBuf>,
    },
    /// Seal what the journal export leaves out (accounts, API tokens, role changes, sealed
    /// ballots, volunteers' contacts, imported UN roll calls, the log's key, witnesses) into a
    /// file, with ChaCha20-Poly1305 under a key the operator holds.
    Backup {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        /// The backup file to write.
        #[arg(long)]
        out: PathBuf,
        /// A file holding the key (64 hex digits).
        #[arg(long)]
        key_file: PathBuf,
        /// Make a new key in --key-file first (refused if the file exists).
        #[arg(long)]
        new_key: bool,
    },
    /// Rebuild the alliance from an exported journal alone and print its members, as the live system does.
    Replay {
        /// An exported journal (JSON Lines).
        #[arg(long)]
        file: PathBuf,
        /// Print every treaty's stage and entry into force (as `comity treaty status`) instead of the members.
        #[arg(long)]
        treaties: bool,
        /// Print the UN caucus's agenda as JSON instead of the members: each item's position and every member's plenary vote compared with it (followed, departed, absent), re-derived from the journal, and the imports of roll calls it records.
        #[arg(long, conflicts_with = "treaties")]
        caucus: bool,
        /// Print every pledge's progress, status, sources and star as JSON instead of the members (as `comity pledges status` prints them from a database), re-derived from the journal.
        #[arg(long, conflicts_with_all = ["treaties", "caucus"])]
        pledges: bool,
        /// Print every sanctions case, the consistency check and the releases as JSON instead of the members (as `comity sanctions status` prints them from a database), re-derived from the journal.
        #[arg(long, conflicts_with_all = ["treaties", "caucus", "pledges"])]
        sanctions: bool,
        /// Print every citizens' initiative with its counts per member, invalidations,
        /// certifications and verdict as JSON (as `comity initiative status` prints them from a
        /// database), re-derived from the journal.
        #[arg(long, conflicts_with_all = ["treaties", "caucus", "pledges", "sanctions"])]
        initiatives: bool,
        /// Print every consultation with its questions' figures, published submissions,
        /// synthesis and linked decisions as JSON (as `comity consultation status` prints them
        /// from a database), re-derived from the journal.
        #[arg(long, conflicts_with_all = ["treaties", "caucus", "pledges", "sanctions", "initiatives"])]
        consultations: bool,
        /// With --pledges, --sanctions, --initiatives or --consultations: the day overdue milestones, pledges and national acts are counted on (YYYY-MM-DD; default today).
        #[arg(long)]
        at: Option<String>,
        #[command(flatten)]
        view: output::MemberView,
    },
}

#[derive(Debug, Subcommand)]
enum ElectionCommand {
    /// Record ballots cast on paper (the tellers' BLT or JSON file, gzipped or not) for the states of the register.
    PaperBallots {
        /// The election's number.
        election: u64,
        /// The tellers' file.
        file: PathBuf,
        /// The states that voted, as the register shows them: ISO codes separated by commas or spaces, as many as the ballots.
        #[arg(long)]
        states: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create an account. Without --password-stdin a password is generated and printed once.
    Add {
        username: String,
        /// The person's name as pages show it.
        #[arg(long)]
        name: String,
        /// secretariat, delegate:ISO3 (e.g. delegate:DNK), parliamentarian, civil_society, citizen or observer; repeat for several.
        #[arg(long = "role")]
        roles: Vec<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// List the accounts and their roles.
    List {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Issue an API token for an account (printed once; send it as `Authorization: Bearer TOKEN`).
    Token {
        username: String,
        #[arg(long, default_value = "cli")]
        name: String,
        /// The token stops working after this many days (default: until revoked).
        #[arg(long)]
        expires_in_days: Option<u32>,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// List an account's API tokens: id, name, created, expires, last used (never the token).
    Tokens {
        username: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Revoke an account's API token by the id `user tokens` lists.
    RevokeToken {
        username: String,
        id: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Give an account a role (as --role of `user add`); recorded with who and when.
    Grant {
        username: String,
        role: String,
        /// Who grants it, for the record of role changes.
        #[arg(long, default_value = "operator")]
        by: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Take a role from an account; recorded with who and when.
    Revoke {
        username: String,
        role: String,
        /// Who removes it, for the record of role changes.
        #[arg(long, default_value = "operator")]
        by: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// The record of an account's role changes: when, granted or removed, which role, by whom.
    Roles {
        username: String,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
}

#[derive(Debug, Subcommand)]
enum PledgesCommand {
    /// Record pledges and their reports from a JSON file ({"pledges": [{"id", "by", "title", "due", "assessment", "indicators": [{…, "reports"}], "completion"}]}), or reports on recorded pledges from a CSV (pledge,source,date,indicator,value,numerator,denominator,level,milestone,by,note). Nothing is recorded unless the whole file is accepted.
    Import {
        /// The file: .json (pledges) or .csv (reports).
        file: PathBuf,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
    /// Every pledge's progress (fraction of the way from baseline to target), status (disputed, on_track, off_track, complete, not_started, no_reports), each source's view and the star: {"pledges": {ID: {"progress", "status", "sources": {"self", "shadow", "independent"}, "starred", …}}}.
    Status {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        /// json or csv.
        #[arg(long, default_value = "json")]
        format: String,
        /// The day overdue milestones and pledges are counted on (YYYY-MM-DD; default today).
        #[arg(long)]
        at: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum SanctionsCommand {
    /// Compare two names per row of a CSV (columns schema, name1, name2; others ignored):
    /// one JSON object per row, in order, {"score", "match", "explanation"}, at the default
    /// threshold (match at 0.7, possible at 0.5). Schema: Person, Organization, Company,
    /// LegalEntity or Vessel. A row that cannot be compared is {"error", "line"} in its place.
    Compare {
        /// The pairs, CSV with a header.
        file: PathBuf,
        /// json (one object per line) or text.
        #[arg(long, default_value = "json", value_parser = ["json", "text"])]
        format: String,
        /// comity (the default: scores with their explanation), or ofac: the score the US
        /// Treasury's Sanctions List Search would give (0–100 in "ofac_score", `null` where
        /// it would not list the pair; "score" its fraction, a match from 80).
        #[arg(long, default_value = "comity", value_parser = ["comity", "ofac"])]
        mode: String,
    },
    /// Screen names against a FollowTheMoney list: per query (CSV id,name[,birth_date]
    /// [,country][,schema]) one JSON object {"id", "name", "hits"} in order, each hit above the
    /// "possible" threshold with its score, verdict and explanation (names paired, qualifiers).
    Screen(cmd::sanctions::ScreenArgs),
    /// The consolidated list from the database (every case ever listed, with its status and
    /// end date): FollowTheMoney JSON lines (each target and its Sanction) or CSV (one row
    /// per target). With -o, the file is written and its SHA-256 printed.
    Export {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        /// ftm or csv.
        #[arg(long, default_value = "ftm", value_parser = ["ftm", "csv"])]
        format: String,
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
    },
    /// What changed between two releases of a FollowTheMoney list: {"added": [ids],
    /// "removed": [ids], "changed": [{"id", "changes": [{"property", "removed", "added"}]}]}.
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// json or text.
        #[arg(long, default_value = "json", value_parser = ["json", "text"])]
        format: String,
    },
    /// Every case (target, grounds, decision, each member's national act with its lag and
    /// whether it is overdue, reviews), the consistency check and the releases, as JSON.
    Status {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        /// The day lags and deadlines are counted on (YYYY-MM-DD; default today).
        #[arg(long)]
        at: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum CaucusCommand {
    /// The agreement of every ordered pair of states: {"matrix": {A: {B: {"agreement", "roll_calls"}}}}.
    #[command(after_long_help = cmd::caucus::DEFINITIONS)]
    Agreement {
        /// States by ISO3 code, comma-separated (default: every state that voted in the roll calls counted).
        #[arg(long)]
        states: Option<String>,
        #[command(flatten)]
        data: cmd::caucus::Data,
    },
    /// The group's cohesion per session (Hix-Noury-Roland): {"by_session": {"30": 0.668838, …}}.
    #[command(after_long_help = cmd::caucus::DEFINITIONS)]
    Cohesion {
        /// The group's states by ISO3 code, comma-separated.
        #[arg(long)]
        states: String,
        #[command(flatten)]
        data: cmd::caucus::Data,
    },
    /// Each state's agreement with the group's majority per session and its trend over the last ten sessions: {"by_state": {A: {"by_session", "recent", "slope"}}}.
    #[command(after_long_help = cmd::caucus::DEFINITIONS)]
    Drift {
        /// The group's states by ISO3 code, comma-separated.
        #[arg(long)]
        states: String,
        #[command(flatten)]
        data: cmd::caucus::Data,
    },
    /// Each member's plenary votes against the caucus's common positions (followed, departed, absent, and the follow rate = followed / (followed + departed)) and the members' weight in the General Assembly, from an alliance's database: {"follow": {A: {…}}, "weight": {…}}.
    Follow {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        /// json or csv (the follow rates: state,followed,departed,absent,rate).
        #[arg(long, default_value = "json")]
        format: String,
    },
    /// Add roll calls of later sessions to an alliance's record of the General Assembly (files in the shipped formats, plain or gzipped); the journal records the votes file's SHA-256 and the counts.
    Import {
        /// The votes file (rcid, iso3, vote).
        #[arg(long)]
        votes: PathBuf,
        /// The roll calls the votes are in, where the record does not hold them (rcid, session, date, …).
        #[arg(long)]
        roll_calls: Option<PathBuf>,
        /// The new roll calls' issues (rcid, short_name).
        #[arg(long)]
        issues: Option<PathBuf>,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
}

#[derive(Debug, Subcommand)]
enum SortitionCommand {
    /// Select from an instance directory (people.csv, categories.csv, instance.json) and draw a panel.
    Select(cmd::sortition::SelectArgs),
    /// Re-run every draw of an exported journal: commitment, selection, draw; each must agree.
    Verify {
        /// An exported journal (JSON Lines).
        #[arg(long)]
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum RatingsCommand {
    /// Record new Freedom House editions or V-Dem years, with a progress bar and a report of what changed.
    Import {
        /// A Freedom House CSV in the shipped format (data/freedom_house.csv's columns).
        #[arg(long, conflicts_with = "vdem", required_unless_present = "vdem")]
        freedom_house: Option<PathBuf>,
        /// A V-Dem CSV in the shipped format (data/vdem_row.csv's columns).
        #[arg(long)]
        vdem: Option<PathBuf>,
        /// Only this edition (Freedom House) or year (V-Dem) of the file.
        #[arg(long)]
        only: Option<u16>,
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
}

#[derive(Debug, Subcommand)]
enum TreatyCommand {
    /// Compute entry into force: prints {"entry_into_force": "YYYY-MM-DD"|null, "instruments": N, "per_state": {ISO3: date}}.
    Eif {
        /// The treaty file (e.g. treaties/rome-statute.toml).
        treaty: PathBuf,
        /// CSV with the header state,instrument,date (ISO 3166 alpha-3; ratification, acceptance, approval or accession; YYYY-MM-DD) and an optional share column.
        deposits: PathBuf,
    },
    /// Validate a treaty file and state its entry-into-force clause in words.
    Check { treaty: PathBuf },
    /// Check a negotiating text (bracket syntax) and count its open brackets; `--akn` writes Akoma Ntoso 3.0.
    Draft {
        file: PathBuf,
        #[arg(long)]
        akn: Option<PathBuf>,
        /// The version's date, for the Akoma Ntoso identifiers (YYYY-MM-DD).
        #[arg(long, default_value = "2026-01-01")]
        date: String,
    },
    /// Word-level redline between two versions of a negotiating text.
    Redline {
        old: PathBuf,
        new: PathBuf,
        /// `text` marks [+inserted+] and [-deleted-]; `html` writes a standalone document.
        #[arg(long, default_value = "text", value_parser = ["text", "html"])]
        format: String,
    },
    /// Every treaty's stage and entry into force, from a database or by replaying an exported journal.
    Status {
        #[arg(long, default_value = DEMO_DATABASE, conflicts_with = "file")]
        database: String,
        /// An exported journal (JSON Lines): replayed alone, no database needed.
        #[arg(long)]
        file: Option<PathBuf>,
        /// Only this treaty.
        treaty: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum CharterCommand {
    /// Validate a charter: every problem is reported with file, line and field.
    Check { file: PathBuf },
}

#[derive(Debug, Subcommand)]
enum JournalCommand {
    /// Recompute the hash chain of a database's journal, or of an exported file with `--file`.
    Verify {
        #[arg(long, default_value = DEMO_DATABASE, conflicts_with = "file")]
        database: String,
        /// An exported journal (JSON Lines); no database is needed.
        #[arg(long)]
        file: Option<PathBuf>,
        /// With --file: a signed checkpoint whose root must be the tree of the file's first entries.
        #[arg(long, requires_all = ["file", "key"])]
        checkpoint: Option<PathBuf>,
        /// The log's verifier key that signs the checkpoint (text, or a file holding it).
        #[arg(long, requires = "checkpoint")]
        key: Option<String>,
    },
    /// Write the journal as JSON Lines (one canonical entry per line).
    Export {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Print the latest signed checkpoint (C2SP tlog-checkpoint), exactly as the log serves it.
    Checkpoint {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        /// The checkpoint the log signed when it had this many entries (one per append batch).
        #[arg(long)]
        size: Option<u64>,
    },
    /// Print an inclusion proof (`--seq N [--size M]`: the RFC 6962 audit path of leaf N, the
    /// journal's entry N+1, leaf to root) or a consistency proof (`--from M1 --to M2`).
    Prove {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        /// The leaf: entries are numbered from 0 in the tree, in journal order.
        #[arg(long, conflicts_with_all = ["from", "to"])]
        seq: Option<u64>,
        /// The tree's size (default: the whole journal).
        #[arg(long, requires = "seq")]
        size: Option<u64>,
        #[arg(long, requires = "to")]
        from: Option<u64>,
        #[arg(long, requires = "from")]
        to: Option<u64>,
        #[arg(long, value_enum, default_value = "text")]
        format: cmd::tlog::Format,
    },
    /// Write the log as static files (C2SP tlog-tiles: `checkpoint`, `tile/…`) for any web
    /// server or CDN to mirror; `comity journal monitor` follows such a mirror too.
    Tiles {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        /// The directory to write into.
        #[arg(long)]
        out: PathBuf,
    },
    /// Print the log's public key as a C2SP verifier key (`<name>+<key id>+<key>`).
    LogKey {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        /// Make the key if this journal has none (one founded before the journal was a log).
        #[arg(long)]
        create: bool,
    },
    /// Check one entry with the log's public key and nothing else: the entry, its inclusion
    /// proof and a signed checkpoint (a bundle from `/journal/{seq}/proof.json`, three files,
    /// or fetched from a log's URL).
    VerifyEntry {
        /// The log's verifier key (text, or a file holding it).
        #[arg(long)]
        key: String,
        /// A proof bundle: {"entry", "proof", "checkpoint"}.
        #[arg(long, conflicts_with_all = ["entry", "url"])]
        bundle: Option<PathBuf>,
        /// The entry as one exported line.
        #[arg(long, requires_all = ["proof", "checkpoint"], conflicts_with = "url")]
        entry: Option<PathBuf>,
        /// The proof as `comity journal prove --format json` prints it.
        #[arg(long)]
        proof: Option<PathBuf>,
        /// The signed checkpoint of the proof's tree size.
        #[arg(long)]
        checkpoint: Option<PathBuf>,
        /// Fetch the bundle of entry `--seq` from a log (http://…).
        #[arg(long, requires = "seq")]
        url: Option<String>,
        /// The journal's sequence number of the entry (from 1), with `--url`.
        #[arg(long)]
        seq: Option<u64>,
    },
    /// Follow a remote log: check every new checkpoint's signature and its consistency with
    /// the last one seen (the proof computed from the log's tiles); a fork prints both
    /// checkpoints and exits non-zero.
    Monitor {
        /// The log: a Comity site (http://host:port) or a mirror of its tiles (the directory
        /// that holds `checkpoint` and `tile/`).
        url: String,
        /// The log's verifier key (text, or a file holding it).
        #[arg(long)]
        key: String,
        /// Keep the last checkpoint seen here, across runs.
        #[arg(long)]
        state: Option<PathBuf>,
        /// Seconds between looks.
        #[arg(long, default_value_t = 10)]
        interval: u64,
        /// Look once and exit.
        #[arg(long)]
        once: bool,
    },
    /// Run a witness: cosign (C2SP tlog-cosignature) every checkpoint of a log found
    /// consistent with the last one, and hand the cosignature back to the log.
    Witness {
        /// The log's base URL (http://host:port).
        #[arg(long)]
        log: String,
        /// The log's verifier key (text, or a file holding it).
        #[arg(long)]
        log_key: String,
        /// The witness's name (a schema-less URL, e.g. witness.example.org/w1).
        #[arg(long)]
        name: String,
        /// The witness's private key (64 hex digits), made on first use.
        #[arg(long)]
        key_file: PathBuf,
        /// Where the witness keeps the last checkpoint it cosigned: every later one must be
        /// consistent with it (required: a witness without memory would cosign anything).
        #[arg(long)]
        state: PathBuf,
        #[arg(long, default_value_t = 10)]
        interval: u64,
        #[arg(long)]
        once: bool,
    },
    /// Print a witness's verifier key (making its key file if needed), to give to the log.
    WitnessKey {
        #[arg(long)]
        name: String,
        #[arg(long)]
        key_file: PathBuf,
    },
    /// The witnesses whose cosignatures this log accepts.
    #[command(subcommand)]
    Witnesses(WitnessesCommand),
}

#[derive(Debug, Subcommand)]
enum WitnessesCommand {
    /// Accept a witness by its verifier key (type 0x04, from `comity journal witness-key`).
    Add {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
        #[arg(long)]
        key: String,
    },
    /// List the accepted witnesses' keys.
    List {
        #[arg(long, default_value = DEMO_DATABASE)]
        database: String,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        // `comity members | head`: the reader left; that is not our failure.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a command that needs a database or a server on a fresh async runtime. Commands that
/// only read files and compute (tally, power, sortition, charter and treaty checks, a
/// journal's replay) run without one: its threads are a cost a one-shot count need not pay.
fn block_on(command: impl Future<Output = anyhow::Result<()>>) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| anyhow::anyhow!("cannot start the async runtime: {e}"))?;
    runtime.block_on(command)
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind()) == Some(std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<csv::Error>().is_some_and(|c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Demo {
            port,
            data_dir,
            fresh,
            charter,
        } => block_on(cmd::demo::run(port, &data_dir, fresh, charter.as_deref())),
        Command::Init {
            charter,
            database,
            fiw_until,
        } => block_on(cmd::init::run(&charter, &database, fiw_until)),
        Command::Serve {
            database,
            bind,
            behind_tls,
        } => block_on(cmd::serve::run(&database, bind, behind_tls)),
        Command::Charter(CharterCommand::Check { file }) => cmd::charter::check(&file),
        Command::Members { database, view } => block_on(cmd::members::run(&database, &view)),
        Command::Journal(JournalCommand::Verify {
            database,
            file,
            checkpoint,
            key,
        }) => match file {
            Some(f) => cmd::journal::verify_file(&f, checkpoint.as_deref().zip(key.as_deref())),
            None => block_on(cmd::journal::verify_db(&database)),
        },
        Command::Journal(JournalCommand::Export { database, output }) => {
            block_on(cmd::journal::export(&database, output.as_deref()))
        }
        Command::Journal(JournalCommand::Checkpoint { database, size }) => {
            block_on(cmd::tlog::checkpoint(&database, size))
        }
        Command::Journal(JournalCommand::Prove {
            database,
            seq,
            size,
            from,
            to,
            format,
        }) => block_on(cmd::tlog::prove(&database, seq, size, from.zip(to), format)),
        Command::Journal(JournalCommand::Tiles { database, out }) => {
            block_on(cmd::tlog::export_tiles(&database, &out))
        }
        Command::Journal(JournalCommand::LogKey { database, create }) => {
            block_on(cmd::tlog::log_key(&database, create))
        }
        Command::Journal(JournalCommand::VerifyEntry {
            key,
            bundle,
            entry,
            proof,
            checkpoint,
            url,
            seq,
        }) => {
            let source = match (&bundle, &entry, &proof, &checkpoint, &url, seq) {
                (Some(b), ..) => cmd::tlog::EntrySource::Bundle(b),
                (None, Some(entry), Some(proof), Some(checkpoint), ..) => {
                    cmd::tlog::EntrySource::Files {
                        entry,
                        proof,
                        checkpoint,
                    }
                }
                (.., Some(url), Some(seq)) => cmd::tlog::EntrySource::Url { url, seq },
                _ => anyhow::bail!(
                    "give --bundle FILE, or --entry, --proof and --checkpoint, or --url and --seq"
                ),
            };
            block_on(cmd::tlog::verify_entry(source, &key))
        }
        Command::Journal(JournalCommand::Monitor {
            url,
            key,
            state,
            interval,
            once,
        }) => block_on(cmd::tlog::monitor(
            &url,
            &key,
            state.as_deref(),
            interval,
            once,
        )),
        Command::Journal(JournalCommand::Witness {
            log,
            log_key,
            name,
            key_file,
            state,
            interval,
            once,
        }) => block_on(cmd::tlog::witness(
            &log, &log_key, &name, &key_file, &state, interval, once,
        )),
        Command::Journal(JournalCommand::WitnessKey { name, key_file }) => {
            cmd::tlog::print_witness_key(&name, &key_file)
        }
        Command::Journal(JournalCommand::Witnesses(WitnessesCommand::Add { database, key })) => {
            block_on(cmd::tlog::witnesses_add(&database, &key))
        }
        Command::Journal(JournalCommand::Witnesses(WitnessesCommand::List { database })) => {
            block_on(cmd::tlog::witnesses_list(&database))
        }
        Command::Replay {
            file,
            treaties: true,
            ..
        } => block_on(cmd::treaty::status(
            cmd::treaty::Source::Journal(&file),
            None,
        )),
        Command::Replay {
            file, caucus: true, ..
        } => cmd::caucus::replay(&file),
        Command::Replay {
            file,
            pledges: true,
            at,
            ..
        } => cmd::pledges::replay(&file, at.as_deref(), cmd::now()),
        Command::Replay {
            file,
            sanctions: true,
            at,
            ..
        } => cmd::sanctions::replay(&file, at.as_deref(), cmd::now()),
        Command::Replay {
            file,
            initiatives: true,
            at,
            ..
        } => cmd::initiative::acts::replay(
            &file,
            cmd::initiative::acts::day(at.as_deref(), cmd::now())?,
        ),
        Command::Replay {
            file,
            consultations: true,
            at,
            ..
        } => cmd::consultation::replay(
            &file,
            cmd::initiative::acts::day(at.as_deref(), cmd::now())?,
        ),
        Command::Replay { file, view, .. } => cmd::journal::replay(&file, &view),
        Command::Restore {
            file,
            database,
            backup,
            key_file,
        } => {
            let side = match (backup, key_file) {
                (Some(b), Some(k)) => Some(cmd::backup::open(&b, &k)?),
                _ => None,
            };
            block_on(cmd::journal::restore(&file, &database, side.as_ref()))
        }
        Command::Backup {
            database,
            out,
            key_file,
            new_key,
        } => block_on(cmd::backup::backup(&database, &out, &key_file, new_key)),
        Command::User(UserCommand::Add {
            username,
            name,
            roles,
            password_stdin,
            database,
        }) => block_on(cmd::user::add(
            &database,
            &username,
            &name,
            &roles,
            password_stdin,
        )),
        Command::Tally {
            method,
            seats,
            seed,
            format,
            file,
        } => cmd::tally::run(&method, seats, seed, &file, format == "json"),
        Command::Power { game } => cmd::power::run(&game),
        Command::Sortition(SortitionCommand::Select(args)) => cmd::sortition::select_cmd(args),
        Command::Sortition(SortitionCommand::Verify { file }) => cmd::sortition::verify(&file),
        Command::Sanctions(SanctionsCommand::Compare { file, format, mode }) => {
            cmd::sanctions::compare_cmd(&file, format == "json", mode == "ofac")
        }
        Command::Initiative(cmd::initiative::InitiativeCommand::Check {
            rule,
            counts,
            registered,
            format,
        }) => cmd::initiative::check_cmd(&rule, &counts, &registered, format == "json"),
        Command::Initiative(c) => block_on(cmd::initiative::act(c)),
        Command::Consultation(c) => block_on(cmd::consultation::run(c)),
        Command::Search(a) => block_on(cmd::search::run(a)),
        Command::Sanctions(SanctionsCommand::Screen(args)) => cmd::sanctions::screen_cmd(&args),
        Command::Sanctions(SanctionsCommand::Export {
            database,
            format,
            output,
        }) => block_on(cmd::sanctions::export_cmd(
            &database,
            &format,
            output.as_deref(),
        )),
        Command::Sanctions(SanctionsCommand::Diff { old, new, format }) => {
            cmd::sanctions::diff_cmd(&old, &new, format == "json")
        }
        Command::Sanctions(SanctionsCommand::Status { database, at }) => block_on(
            cmd::sanctions::status_cmd(&database, at.as_deref(), cmd::now()),
        ),
        Command::Caucus(CaucusCommand::Agreement { states, data }) => {
            cmd::caucus::agreement_cmd(&data, states.as_deref())
        }
        Command::Caucus(CaucusCommand::Follow { database, format }) => {
            block_on(cmd::caucus::follow_cmd(&database, &format))
        }
        Command::Caucus(CaucusCommand::Drift { states, data }) => {
            cmd::caucus::drift_cmd(&data, &states)
        }
        Command::Pledges(PledgesCommand::Import { file, database }) => {
            block_on(cmd::pledges::import_cmd(&database, &file, cmd::now()))
        }
        Command::Pledges(PledgesCommand::Status {
            database,
            format,
            at,
        }) => block_on(cmd::pledges::status_cmd(
            &database,
            &format,
            at.as_deref(),
            cmd::now(),
        )),
        Command::Caucus(CaucusCommand::Import {
            votes,
            roll_calls,
            issues,
            database,
        }) => block_on(cmd::caucus::import_cmd(
            &database,
            &votes,
            roll_calls.as_deref(),
            issues.as_deref(),
            cmd::now(),
        )),
        Command::Caucus(CaucusCommand::Cohesion { states, data }) => {
            cmd::caucus::cohesion_cmd(&data, &states)
        }
        Command::Ratings(RatingsCommand::Import {
            freedom_house,
            vdem,
            only,
            database,
        }) => {
            let (source, file) = match (freedom_house, vdem) {
                (Some(f), _) => (cmd::ratings::Source::FreedomHouse, f),
                (None, Some(v)) => (cmd::ratings::Source::Vdem, v),
                (None, None) => anyhow::bail!("give --freedom-house FILE or --vdem FILE"),
            };
            block_on(cmd::ratings::import(
                &database,
                source,
                &file,
                only,
                cmd::now(),
            ))
        }
        Command::Election(ElectionCommand::PaperBallots {
            election,
            file,
            states,
            database,
        }) => block_on(cmd::election::paper_ballots(
            &database,
            election,
            &states,
            &file,
            cmd::now(),
        )),
        Command::Treaty(TreatyCommand::Eif { treaty, deposits }) => {
            cmd::treaty::eif(&treaty, &deposits)
        }
        Command::Treaty(TreatyCommand::Check { treaty }) => cmd::treaty::check(&treaty),
        Command::Treaty(TreatyCommand::Draft { file, akn, date }) => {
            cmd::treaty::draft_cmd(&file, akn.as_deref(), &date)
        }
        Command::Treaty(TreatyCommand::Redline { old, new, format }) => {
            cmd::treaty::redline_cmd(&old, &new, format == "html")
        }
        Command::Treaty(TreatyCommand::Status {
            database,
            file,
            treaty,
        }) => {
            let source = match &file {
                Some(f) => cmd::treaty::Source::Journal(f),
                None => cmd::treaty::Source::Database(&database),
            };
            block_on(cmd::treaty::status(source, treaty.as_deref()))
        }
        Command::User(UserCommand::List { database }) => block_on(cmd::user::list(&database)),
        Command::User(UserCommand::Token {
            username,
            name,
            expires_in_days,
            database,
        }) => block_on(cmd::user::token(
            &database,
            &username,
            &name,
            expires_in_days,
        )),
        Command::User(UserCommand::Tokens { username, database }) => {
            block_on(cmd::user::tokens(&database, &username))
        }
        Command::User(UserCommand::RevokeToken {
            username,
            id,
            database,
        }) => block_on(cmd::user::revoke_token(&database, &username, &id)),
        Command::User(UserCommand::Grant {
            username,
            role,
            by,
            database,
        }) => block_on(cmd::user::role(&database, &username, &role, &by, true)),
        Command::User(UserCommand::Revoke {
            username,
            role,
            by,
            database,
        }) => block_on(cmd::user::role(&database, &username, &role, &by, false)),
        Command::User(UserCommand::Roles { username, database }) => {
            block_on(cmd::user::roles(&database, &username))
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
