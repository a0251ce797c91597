//! The demo's accounts: one per role, with demo passwords for local use.

use anyhow::Context;
use comity_core::Timestamp;
use comity_core::auth::Role;
use comity_store::{AccountError, Store};

/// (username, name, role) of the demo's accounts; each password is `demo-<username>-pass`.
pub const DEMO_ACCOUNTS: [(&str, &str, &str); 9] = [
    ("secretariat", "Amina Diallo (Secretariat)", "secretariat"),
    (
        "denmark",
        "Ida Jensen (Delegate of Denmark)",
        "delegate:DNK",
    ),
    ("mp", "Carlos Mendes (Parliamentarian)", "parliamentarian"),
    ("ngo", "Priya Raman (Civil society)", "civil_society"),
    ("citizen", "Jonas Weber (Citizen)", "citizen"),
    ("observer", "Lea Novak (Observer)", "observer"),
    // Accreditation 2 in the demo: votes in the Parliamentary Network's open roll call.
    (
        "opposition",
        "Plataforma Unitaria (accredited to the Parliamentary Network)",
        "accredited:2",
    ),
    // A citizen drawn to the assembly: the demo links the account to the first seat drawn.
    (
        "panelist",
        "Noor Haddad (Citizen, drawn to the assembly)",
        "citizen",
    ),
    (
        "dk-officer",
        "Mette Holm (Democracy officer of Denmark)",
        "democracy_officer:DNK",
    ),
];

pub fn demo_password(username: &str) -> String {
    format!("demo-{username}-pass")
}

/// Create the demo accounts that do not exist yet.
pub async fn create(store: &Store, now: Timestamp) -> anyhow::Result<()> {
    for (user, name, role) in DEMO_ACCOUNTS {
        let role = Role::parse(role).map_err(anyhow::Error::msg)?;
        match store
            .add_account(user, name, &demo_password(user), &[role], now)
            .await
        {
            Ok(_) | Err(AccountError::Exists(_)) => {}
            Err(e) => return Err(e).context("creating the demo accounts"),
        }
    }
    Ok(())
}

pub fn print_accounts() {
    println!("Demo accounts (sign in at /login; demo passwords, for local use only):");
    for (user, name, role) in DEMO_ACCOUNTS {
        println!("  {user:<12} {:<22} {role:<16} {name}", demo_password(user));
    }
}
