//! TOML files read with every problem located: file, line, column and the dotted field.
//! The charter and the treaty files share it.

use std::fmt;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue};

/// One problem in a TOML file, located.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Dotted path to the field, e.g. `decisions[2].organ`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for LocatedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        f.write_str(&self.message)
    }
}

/// Every problem found in a file (at least one).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LocatedErrors(pub Vec<LocatedError>);

impl fmt::Display for LocatedErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&lines.join("\n"))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

pub(crate) type Path = Vec<Seg>;

pub(crate) fn key(s: &str) -> Seg {
    Seg::Key(s.to_owned())
}

fn path_string(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rfind('\n').map_or(before.chars().count(), |nl| {
        before[nl + 1..].chars().count()
    }) + 1;
    (line, col)
}

/// Deserialize `text`, then run `validate` on the typed value; every problem it finds is
/// located at the span of the field its path names (or the nearest ancestor).
pub(crate) fn parse<T: DeserializeOwned>(
    file: &str,
    text: &str,
    validate: impl FnOnce(&T) -> Vec<(Path, String)>,
) -> Result<T, LocatedErrors> {
    let value: T = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
        let field = e.span().and_then(|s| field_at(text, s)).unwrap_or_default();
        LocatedErrors(vec![LocatedError {
            file: file.to_owned(),
            line,
            column,
            field,
            message: e.message().trim().to_owned(),
        }])
    })?;
    let problems = validate(&value);
    if problems.is_empty() {
        return Ok(value);
    }
    Err(locate_all(file, text, problems))
}

/// Locate problems found in a well-formed file.
pub(crate) fn locate_all(file: &str, text: &str, problems: Vec<(Path, String)>) -> LocatedErrors {
    let doc = DeTable::parse(text).ok();
    let errors = problems
        .into_iter()
        .map(|(path, message)| {
            let span = doc.as_ref().and_then(|d| locate(d.get_ref(), &path));
            let (line, column) = span.map_or((1, 1), |s| line_col(text, s.start));
            LocatedError {
                file: file.to_owned(),
                line,
                column,
                field: path_string(&path),
                message,
            }
        })
        .collect();
    LocatedErrors(errors)
}

/// The span of the value at `path`, or of the nearest ancestor that exists.
fn locate(doc: &DeTable<'_>, path: &[Seg]) -> Option<Range<usize>> {
    let mut table = doc;
    let mut best = None;
    let mut value: Option<&toml::Spanned<DeValue<'_>>> = None;
    for seg in path {
        let next = match (seg, value.map(toml::Spanned::get_ref)) {
            (Seg::Key(k), None) => table
                .iter()
                .find(|(name, _)| name.get_ref() == k)
                .map(|(_, v)| v),
            (Seg::Key(k), Some(DeValue::Table(t))) => t
                .iter()
                .find(|(name, _)| name.get_ref() == k)
                .map(|(_, v)| v),
            (Seg::Index(i), Some(DeValue::Array(a))) => a.get(*i),
            _ => None,
        };
        let Some(v) = next else { break };
        best = Some(v.span());
        if let DeValue::Table(t) = v.get_ref() {
            table = t;
        }
        value = Some(v);
    }
    best
}

/// The dotted key path at a byte span, for serde errors that only carry a span.
fn field_at(text: &str, span: Range<usize>) -> Option<String> {
    let doc = DeTable::parse(text).ok()?;
    let mut path = Vec::new();
    find_path(doc.get_ref(), &span, &mut path).then(|| path_string(&path))
}

fn find_path(table: &DeTable<'_>, span: &Range<usize>, path: &mut Path) -> bool {
    for (k, v) in table.iter() {
        let inside = |r: Range<usize>| r.start <= span.start && span.end <= r.end;
        if inside(k.span()) || inside(v.span()) {
            path.push(key(k.get_ref()));
            if inside(v.span()) {
                descend(v.get_ref(), span, path);
            }
            return true;
        }
    }
    false
}

fn descend(v: &DeValue<'_>, span: &Range<usize>, path: &mut Path) {
    match v {
        DeValue::Table(t) => {
            find_path(t, span, path);
        }
        DeValue::Array(a) => {
            if let Some((i, item)) = a.iter().enumerate().find(|(_, it)| {
                let r = it.span();
                r.start <= span.start && span.end <= r.end
            }) {
                path.push(Seg::Index(i));
                descend(item.get_ref(), span, path);
            }
        }
        _ => {}
    }
}
