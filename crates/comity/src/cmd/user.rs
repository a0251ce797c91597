//! `comity user add|list|token`: accounts from the command line.

use std::io::BufRead;

use std::io::Write;

use anyhow::{Context, bail};
use comity_core::auth::Role;
use comity_store::{OpenMode, Store};

pub async fn add(
    database: &str,
    username: &str,
    name: &str,
    roles: &[String],
    password_stdin: bool,
) -> anyhow::Result<()> {
    let roles = roles
        .iter()
        .map(|r| Role::parse(r).map_err(anyhow::Error::msg))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let (password, generated) = if password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("reading the password from standard input")?;
        (line.trim_end_matches(['\r', '\n']).to_owned(), false)
    } else {
        (comity_store::accounts::new_token()?[..24].to_owned(), true)
    };
    let store = Store::open(database, OpenMode::MustExist).await?;
    let account = store
        .add_account(username, name, &password, &roles, super::now())
        .await?;
    let roles: Vec<String> = account.roles.iter().map(ToString::to_string).collect();
    writeln!(
        std::io::stdout().lock(),
        "Created the account {} ({}) with roles: {}",
        account.username,
        account.display_name,
        if roles.is_empty() {
            "none".into()
        } else {
            roles.join(", ")
        }
    )?;
    if generated {
        writeln!(
            std::io::stdout().lock(),
            "  password (shown once): {password}"
        )?;
    }
    Ok(())
}

pub async fn list(database: &str) -> anyhow::Result<()> {
    let store = Store::open(database, OpenMode::MustExist).await?;
    for a in store.accounts().await? {
        let roles: Vec<String> = a.roles.iter().map(ToString::to_string).collect();
        writeln!(
            std::io::stdout().lock(),
            "{}\t{}\t{}",
            a.username,
            a.display_name,
            roles.join(" ")
        )?;
    }
    Ok(())
}

pub async fn token(database: &str, username: &str, name: &str) -> anyhow::Result<()> {
    let store = Store::open(database, OpenMode::MustExist).await?;
    if !store
        .accounts()
        .await?
        .iter()
        .any(|a| a.username == username)
    {
        bail!("there is no account {username:?} (create it with `comity user add`)");
    }
    let token = store.create_api_token(username, name, super::now()).await?;
    writeln!(std::io::stdout().lock(), "{token}")?;
    Ok(())
}
