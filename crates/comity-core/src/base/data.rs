//! The reference data and charters the product ships (`data/`, `charters/`), compiled in so
//! the binary works from any directory. Sources and licences: `data/README.md`.

use crate::base;
use crate::command::Command;
use crate::registry::{DataError, parse_countries, parse_freedom_house, parse_vdem};

pub const COUNTRIES_CSV: &str = include_str!("../../../../data/countries.csv");
pub const FREEDOM_HOUSE_CSV: &str = include_str!("../../../../data/freedom_house.csv");
pub const VDEM_CSV: &str = include_str!("../../../../data/vdem_row.csv");

/// A charter shipped in `charters/`.
pub struct ShippedCharter {
    pub id: &'static str,
    pub file: &'static str,
    pub source: &'static str,
}

pub const CHARTERS: [ShippedCharter; 3] = [
    ShippedCharter {
        id: "alliance-of-democracies",
        file: "charters/alliance-of-democracies.toml",
        source: include_str!("../../../../charters/alliance-of-democracies.toml"),
    },
    ShippedCharter {
        id: "community-of-democracies",
        file: "charters/community-of-democracies.toml",
        source: include_str!("../../../../charters/community-of-democracies.toml"),
    },
    ShippedCharter {
        id: "d10",
        file: "charters/d10.toml",
        source: include_str!("../../../../charters/d10.toml"),
    },
];

pub fn charter(id: &str) -> Option<&'static ShippedCharter> {
    CHARTERS.iter().find(|c| c.id == id)
}

/// The commands that load the shipped registry: states, every Freedom House edition, every V-Dem year.
pub fn reference_imports() -> Result<Vec<Command>, DataError> {
    reference_imports_until(None)
}

/// The shipped registry as it stood when `fh_edition` was the latest Freedom House edition
/// (every edition with `None`): an alliance founded then, to which later editions come as
/// new ratings.
pub fn reference_imports_until(fh_edition: Option<u16>) -> Result<Vec<Command>, DataError> {
    let mut editions = parse_freedom_house("data/freedom_house.csv", FREEDOM_HOUSE_CSV)?;
    if let Some(last) = fh_edition {
        editions.retain(|e| e.edition <= last);
    }
    Ok(vec![
        Command::Base(base::Command::ImportStates {
            states: parse_countries("data/countries.csv", COUNTRIES_CSV)?,
        }),
        Command::Base(base::Command::ImportFreedomHouse { editions }),
        Command::Base(base::Command::ImportVdem {
            years: parse_vdem("data/vdem_row.csv", VDEM_CSV)?,
        }),
    ])
}

/// One shipped Freedom House edition, as the command that imports it.
pub fn freedom_house_edition(edition: u16) -> Result<Command, DataError> {
    let mut editions = parse_freedom_house("data/freedom_house.csv", FREEDOM_HOUSE_CSV)?;
    editions.retain(|e| e.edition == edition);
    Ok(Command::Base(base::Command::ImportFreedomHouse {
        editions,
    }))
}

/// A treaty file shipped in `treaties/`: particulars and entry-into-force clause (TOML), and
/// for the alliance's own treaties the first negotiating draft (bracket syntax).
pub struct ShippedTreaty {
    pub id: &'static str,
    pub file: &'static str,
    pub source: &'static str,
    pub draft: Option<&'static str>,
}

pub const TREATIES: [ShippedTreaty; 4] = [
    ShippedTreaty {
        id: "aod-founding-treaty",
        file: "treaties/aod-founding-treaty.toml",
        source: include_str!("../../../../treaties/aod-founding-treaty.toml"),
        draft: Some(include_str!("../../../../treaties/aod-founding-treaty.md")),
    },
    ShippedTreaty {
        id: "mine-ban",
        file: "treaties/mine-ban.toml",
        source: include_str!("../../../../treaties/mine-ban.toml"),
        draft: None,
    },
    ShippedTreaty {
        id: "rome-statute",
        file: "treaties/rome-statute.toml",
        source: include_str!("../../../../treaties/rome-statute.toml"),
        draft: None,
    },
    ShippedTreaty {
        id: "paris-agreement",
        file: "treaties/paris-agreement.toml",
        source: include_str!("../../../../treaties/paris-agreement.toml"),
        draft: None,
    },
];

pub fn treaty(id: &str) -> Option<&'static ShippedTreaty> {
    TREATIES.iter().find(|t| t.id == id)
}
