//! What a journal export leaves out, for `comity backup` and `comity restore`: accounts and
//! their tokens and role changes, the sealed ballots, the volunteers' contacts, the UN roll
//! calls imported after the shipped record, the content of confidential submissions to
//! consultations, the initiatives' signatures (keyed rows, their strikes) and the secret
//! their keys are made under, and the log's signing key with its witnesses and
//! cosignatures. Sessions, sign-in attempts and everything the journal rebuilds (tiles,
//! checkpoints, the pool, snapshots) are left out. The rows are plain JSON here; the binary
//! encrypts them with a key the operator holds.

use serde_json::{Map, Value, json};
use sqlx::Row;

use crate::store::{Backend, Store, StoreError, on_pool};

/// The format this module writes and reads.
pub const FORMAT: &str = "comity-backup-1";

/// The tables kept, in an order that respects their references, with their columns.
const TABLES: &[(&str, &[&str])] = &[
    (
        "accounts",
        &[
            "username",
            "display_name",
            "password_hash",
            "roles",
            "created_at",
        ],
    ),
    (
        "api_tokens",
        &[
            "token_hash",
            "username",
            "name",
            "created_at",
            "expires_at",
            "last_used_at",
        ],
    ),
    (
        "role_changes",
        &["username", "role", "change", "by_whom", "at"],
    ),
    ("ballot_box", &["election", "ranking", "count"]),
    (
        "volunteer_contacts",
        &[
            "organ",
            "number",
            "name",
            "email",
            "salt",
            "hash",
            "created_at",
        ],
    ),
    (
        "unga_roll_calls",
        &[
            "import_no",
            "n",
            "rcid",
            "session",
            "importantvote",
            "date",
            "unres",
            "amend",
            "para",
            "short",
            "descr",
        ],
    ),
    (
        "unga_roll_call_issues",
        &["import_no", "n", "rcid", "short_name"],
    ),
    ("unga_votes", &["import_no", "n", "rcid", "state", "vote"]),
    (
        "consultation_confidential",
        &["consultation", "submission", "content"],
    ),
    ("initiative_secret", &["id", "secret"]),
    (
        "initiative_signatures",
        &[
            "initiative",
            "batch",
            "n",
            "state",
            "id_key",
            "person_key",
            "invalidation",
        ],
    ),
    ("tlog_key", &["id", "origin", "seed"]),
    ("tlog_witness", &["name", "vkey"]),
    ("tlog_cosignature", &["size", "witness", "time", "line"]),
];

/// The columns that hold bytes (the signatures' keys, the secret they are made under),
/// written in the dump as lower-case hex.
const BYTES: &[(&str, &str)] = &[
    ("initiative_secret", "secret"),
    ("initiative_signatures", "id_key"),
    ("initiative_signatures", "person_key"),
];

fn is_bytes(table: &str, column: &str) -> bool {
    BYTES.iter().any(|(t, c)| *t == table && *c == column)
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|d| u8::from_str_radix(d, 16).ok()))
        .collect()
}

/// A value of a row: integers, text, or (in the [`BYTES`] columns) bytes as hex.
fn cell<R: Row>(r: &R, i: usize, bytes: bool) -> Value
where
    usize: sqlx::ColumnIndex<R>,
    for<'a> i64: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Vec<u8>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    if bytes {
        return match r.try_get::<Option<Vec<u8>>, _>(i) {
            Ok(Some(b)) => json!(hex(&b)),
            _ => Value::Null,
        };
    }
    if let Ok(Some(n)) = r.try_get::<Option<i64>, _>(i) {
        return json!(n);
    }
    match r.try_get::<Option<String>, _>(i) {
        Ok(Some(s)) => json!(s),
        _ => Value::Null,
    }
}

/// A value to put back, typed for its column.
enum Cell {
    Int(Option<i64>),
    Text(String),
    Bytes(Vec<u8>),
    NoText,
    NoBytes,
}

impl Store {
    /// Every kept table's rows as JSON: `{"format", "tables": {NAME: {"columns", "rows"}}}`.
    pub async fn dump_side(&self) -> Result<Value, StoreError> {
        let mut tables = Map::new();
        for (name, columns) in TABLES {
            let sql = format!("SELECT {} FROM {name}", columns.join(", "));
            let rows: Vec<Value> = on_pool!(self, pool => {
                let rows = sqlx::query(&sql).fetch_all(pool).await.map_err(self.err())?;
                rows.iter()
                    .map(|r| {
                        Value::Array(
                            columns
                                .iter()
                                .enumerate()
                                .map(|(i, c)| cell(r, i, is_bytes(name, c)))
                                .collect(),
                        )
                    })
                    .collect()
            });
            tables.insert(
                (*name).to_owned(),
                json!({ "columns": columns, "rows": rows }),
            );
        }
        Ok(json!({ "format": FORMAT, "tables": tables }))
    }

    /// Put a dump's rows back, in one transaction, into a database whose kept tables are
    /// empty (before the journal is appended, so the log's key signs its checkpoints).
    pub async fn load_side(&self, dump: &Value) -> Result<u64, String> {
        if dump["format"] != FORMAT {
            return Err(format!("not a {FORMAT} backup"));
        }
        let mut statements: Vec<(String, Vec<Cell>)> = Vec::new();
        for (name, columns) in TABLES {
            let Some(t) = dump["tables"].get(*name) else {
                continue;
            };
            let given: Vec<&str> = t["columns"]
                .as_array()
                .map(|c| c.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if given != *columns {
                return Err(format!("table {name}: the columns are not this version's"));
            }
            let marks: Vec<String> = (1..=columns.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "INSERT INTO {name} ({}) VALUES ({})",
                columns.join(", "),
                marks.join(", ")
            );
            for (k, row) in t["rows"].as_array().into_iter().flatten().enumerate() {
                let values = row.as_array().cloned().unwrap_or_default();
                if values.len() != columns.len() {
                    return Err(format!(
                        "table {name}, row {}: {} values for {} columns",
                        k + 1,
                        values.len(),
                        columns.len()
                    ));
                }
                let mut cells = Vec::with_capacity(values.len());
                for (v, c) in values.into_iter().zip(columns.iter()) {
                    cells.push(match v {
                        Value::String(s) if is_bytes(name, c) => {
                            Cell::Bytes(unhex(&s).ok_or_else(|| {
                                format!("table {name}, row {}, column {c}: not hex", k + 1)
                            })?)
                        }
                        Value::Number(n) => Cell::Int(n.as_i64()),
                        Value::String(s) => Cell::Text(s),
                        _ if is_bytes(name, c) => Cell::NoBytes,
                        _ => Cell::NoText,
                    });
                }
                statements.push((sql.clone(), cells));
            }
        }
        let n = statements.len() as u64;
        let err = |e: sqlx::Error| format!("{}: {e}", self.url());
        on_pool!(self, pool => {
            let mut tx = pool.begin().await.map_err(err)?;
            for (sql, values) in &statements {
                let mut q = sqlx::query(sql);
                for v in values {
                    q = match v {
                        Cell::Int(n) => q.bind(*n),
                        Cell::Text(s) => q.bind(s.as_str()),
                        Cell::Bytes(b) => q.bind(b.as_slice()),
                        Cell::NoText => q.bind(None::<String>),
                        Cell::NoBytes => q.bind(None::<Vec<u8>>),
                    };
                }
                q.execute(&mut *tx).await.map_err(err)?;
            }
            tx.commit().await.map_err(err)?;
        });
        Ok(n)
    }
}
