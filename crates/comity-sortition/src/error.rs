//! Typed errors: bad input names its file, line and field; a selection that cannot be made
//! says why.

use std::fmt;

use thiserror::Error;

use crate::infeasible::Explanation;

/// A problem in the input files, located as precisely as the format allows.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct InputError {
    /// The file's name as given.
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<u64>,
    /// The column or field, where known.
    pub field: Option<String>,
    /// What is wrong, in words.
    pub message: String,
}

impl InputError {
    pub(crate) fn new(
        file: &str,
        line: Option<u64>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        InputError {
            file: file.to_owned(),
            line,
            field: field.map(str::to_owned),
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why no distribution could be computed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SelectError {
    /// No panel meets every quota; the explanation says which rows conflict and the
    /// smallest relaxation that would make them feasible.
    #[error("no panel meets every quota: {0}")]
    Infeasible(Box<Explanation>),
    /// The LP/MIP solver failed numerically (never expected on valid input; reported, not
    /// hidden).
    #[error("the LP/MIP solver failed: {0}")]
    Solver(String),
}

impl SelectError {
    /// Stable id, usable as a translation key.
    pub fn id(&self) -> &'static str {
        match self {
            SelectError::Infeasible(_) => "sortition-infeasible",
            SelectError::Solver(_) => "sortition-solver",
        }
    }
}
