//! `comity-fuzz [TARGET…] [--runs N] [--seed S]`: feed every parser of untrusted input
//! (treaty texts and files, charters, deposits, ballots in JSON and BLT, journal lines,
//! signed notes and keys, ratings and UN roll-call CSVs, decision rules) millions of mutated
//! inputs and report any panic, with the input that caused it saved under
//! `crates/comity-fuzz/crashes/`. A stack overflow aborts the process: the run's exit
//! status says so.
//!
//! cargo-fuzz needs a nightly toolchain, which cannot be installed here; this runs on
//! stable. It has no coverage instrumentation: an input joins the working corpus when its
//! outcome (accepted, or the error's first words) is one not seen before, which steers the
//! mutations toward new parser paths. Seeds are the files in `corpus/TARGET/`.

use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

type Target = fn(&[u8]) -> String;

/// Set while a parser runs: its panics are counted, not printed.
static IN_TARGET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The outcome's kind: "ok", or the words of the error's first line without the values
/// it quotes (numbers, quoted input), so that one path of the parser is one kind.
fn kind<T, E: std::fmt::Display>(r: Result<T, E>) -> String {
    match r {
        Ok(_) => "ok".into(),
        Err(e) => e
            .to_string()
            .lines()
            .next()
            .unwrap_or("")
            .split_whitespace()
            .filter(|w| {
                w.chars()
                    .all(|c| c.is_ascii_alphabetic() || c == ':' || c == ',')
            })
            .take(12)
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn targets() -> Vec<(&'static str, Target)> {
    vec![
        ("treaty-text", |b| {
            kind(comity_core::treaty::text::Draft::parse(&text(b)))
        }),
        ("treaty-file", |b| {
            kind(comity_core::treaty::eif::Treaty::parse("t.toml", &text(b)))
        }),
        ("charter", |b| {
            kind(comity_core::charter::Charter::parse("c.toml", &text(b)))
        }),
        ("deposits", |b| {
            let treaty = comity_core::treaty::eif::Treaty::parse(
                "t.toml",
                include_str!("../../../treaties/rome-statute.toml"),
            );
            match treaty {
                Ok(t) => kind(comity_core::treaty::eif::parse_deposits(
                    "d.csv",
                    &text(b),
                    &t,
                )),
                Err(e) => format!("seed treaty: {e}"),
            }
        }),
        ("ballots-json", |b| {
            kind(comity_voting::Profile::parse_json_bytes(b))
        }),
        ("ballots-blt", |b| kind(comity_voting::parse_blt(&text(b)))),
        ("rule", |b| {
            kind(comity_voting::rules::Fraction::parse(&text(b)))
        }),
        ("journal-line", |b| {
            kind(comity_core::journal::parse_json_line(1, &text(b)))
        }),
        ("note", |b| kind(comity_tlog::note::Note::parse(&text(b)))),
        ("verifier-key", |b| {
            kind(comity_tlog::note::VerifierKey::parse(&text(b)))
        }),
        ("checkpoint", |b| {
            kind(comity_tlog::note::Checkpoint::parse(&text(b)))
        }),
        ("freedom-house", |b| {
            kind(comity_core::registry::parse_freedom_house(
                "fh.csv",
                &text(b),
            ))
        }),
        ("vdem", |b| {
            kind(comity_core::registry::parse_vdem("vdem.csv", &text(b)))
        }),
        ("unga-roll-calls", |b| {
            kind(comity_caucus::RollCalls::parse("rc.csv", b))
        }),
    ]
}

/// xorshift64*: reproducible from `--seed`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Tokens the parsers give meaning to; repeated, they make deep nesting and long runs.
const TOKENS: &[&[u8]] = &[
    b"[",
    b"]",
    b"/",
    b"\\",
    b"{",
    b"}",
    b"\"",
    b",",
    b"\n",
    b"\r\n",
    b"#",
    b"## Article 1\n",
    b"=",
    b"[[",
    b"]]",
    b"'",
    b":",
    b"%",
    b"0",
    b"-1",
    b"99999999999999999999",
    b"\x00",
    b"\xE2\x80\xAE",
    b"\xFF",
    b" ",
    b"\t",
    b"\xE2\x80\x94",
    b"+",
    b"nan",
    b"1e309",
];

fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, rng.next() as u8),
            2 if !out.is_empty() => {
                let len = 1 + rng.below(16.min(out.len() - at.min(out.len() - 1)));
                let from = at.min(out.len() - 1);
                out.drain(from..(from + len).min(out.len()));
            }
            3 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, t.iter().copied());
            }
            4 => {
                // A token repeated: nesting and length far past what any seed has.
                let t = TOKENS[rng.below(TOKENS.len())];
                let times = 1 << rng.below(13);
                let run: Vec<u8> = t.iter().copied().cycle().take(t.len() * times).collect();
                out.splice(at..at, run);
            }
            5 if !out.is_empty() => {
                // A piece of the input repeated.
                let from = rng.below(out.len());
                let len = 1 + rng.below((out.len() - from).min(64));
                let piece = out[from..from + len].to_vec();
                for _ in 0..1 + rng.below(8) {
                    out.splice(at..at, piece.iter().copied());
                }
            }
            6 if !corpus.is_empty() => {
                // Splice: the head of this input, the tail of another.
                let other = &corpus[rng.below(corpus.len())];
                let cut = rng.below(other.len() + 1);
                out.truncate(at);
                out.extend_from_slice(&other[cut..]);
            }
            _ => {
                if !out.is_empty() {
                    let i = rng.below(out.len());
                    let bytes = b"0123456789,;\n[]{}\"/#-.";
                    out[i] = bytes[rng.below(bytes.len())];
                }
            }
        }
    }
    // Inputs stay under 64 KB, which reaches every bound the parsers keep (the nesting of
    // brackets, the length of a field) and keeps the runs fast.
    out.truncate(1 << 16);
    out
}

fn seeds(dir: &Path) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut out: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
    if out.is_empty() {
        out.push(Vec::new());
    }
    out
}

fn main() -> ExitCode {
    let mut runs: u64 = 100_000;
    let mut seed: u64 = 0x5EED;
    let mut chosen: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).unwrap_or(runs),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "--list" => {
                for (name, _) in targets() {
                    println!("{name}");
                }
                return ExitCode::SUCCESS;
            }
            t => chosen.push(t.to_owned()),
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Panics in a parser are counted, not printed once per input; the fuzzer's own are not
    // hidden.
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !IN_TARGET.load(std::sync::atomic::Ordering::Relaxed) {
            default(info);
        }
    }));
    let mut failed = false;
    for (name, target) in targets() {
        if !chosen.is_empty() && !chosen.iter().any(|c| c == name) {
            continue;
        }
        let mut corpus = seeds(&root.join("corpus").join(name));
        let mut seen: HashSet<String> = HashSet::new();
        let mut rng = Rng(seed ^ name.len() as u64 ^ 0x9E37_79B9_7F4A_7C15);
        let (mut panics, started) = (0u64, Instant::now());
        for run in 0..runs {
            let base = &corpus[rng.below(corpus.len())];
            let input = if run < corpus.len() as u64 {
                corpus[run as usize].clone()
            } else {
                mutate(&mut rng, base, &corpus)
            };
            IN_TARGET.store(true, std::sync::atomic::Ordering::Relaxed);
            let outcome = catch_unwind(AssertUnwindSafe(|| target(&input)));
            IN_TARGET.store(false, std::sync::atomic::Ordering::Relaxed);
            match outcome {
                Ok(outcome) => {
                    if seen.insert(outcome) && corpus.len() < 4_096 {
                        corpus.push(input);
                    }
                }
                Err(_) => {
                    panics += 1;
                    let dir = root.join("crashes");
                    let _ = std::fs::create_dir_all(&dir);
                    let _ = std::fs::write(dir.join(format!("{name}-{run}")), &input);
                }
            }
        }
        let secs = started.elapsed().as_secs_f64();
        println!(
            "{name:16} {runs:>11} runs  {:>9.0}/s  {:>5} outcomes  {panics} panics",
            runs as f64 / secs,
            seen.len()
        );
        failed |= panics > 0;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
