//! `comity user add|list|token|tokens|revoke-token|grant|revoke|roles`: accounts from the
//! command line.

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

async fn known(store: &Store, username: &str) -> anyhow::Result<()> {
    if !store
        .accounts()
        .await?
        .iter()
        .any(|a| a.username == username)
    {
        bail!("there is no account {username:?} (create it with `comity user add`)");
    }
    Ok(())
}

pub async fn token(
    database: &str,
    username: &str,
    name: &str,
    expires_in_days: Option<u32>,
) -> anyhow::Result<()> {
    let store = Store::open(database, OpenMode::MustExist).await?;
    known(&store, username).await?;
    let now = super::now();
    let expires = match expires_in_days {
        Some(0) => bail!(
            "--expires-in-days: at least 1 (leave it out for a token that lasts until revoked)"
        ),
        Some(d) => Some(comity_core::Timestamp::from_unix(
            now.unix() + i64::from(d) * 86_400,
        )),
        None => None,
    };
    let token = store
        .create_api_token_until(username, name, now, expires)
        .await?;
    writeln!(std::io::stdout().lock(), "{token}")?;
    Ok(())
}

pub async fn tokens(database: &str, username: &str) -> anyhow::Result<()> {
    let store = Store::open(database, OpenMode::MustExist).await?;
    known(&store, username).await?;
    let mut out = std::io::stdout().lock();
    for k in store.api_tokens(username).await? {
        writeln!(
            out,
            "{}\t{}\tcreated {}\texpires {}\tlast used {}",
            k.id,
            k.name,
            k.created_at,
            k.expires_at.as_deref().unwrap_or("never"),
            k.last_used_at.as_deref().unwrap_or("never"),
        )?;
    }
    Ok(())
}

pub async fn revoke_token(database: &str, username: &str, id: &str) -> anyhow::Result<()> {
    let store = Store::open(database, OpenMode::MustExist).await?;
    known(&store, username).await?;
    if !store.revoke_api_token(username, id.trim()).await? {
        bail!("{username} has no API token {id:?} (`comity user tokens {username}` lists them)");
    }
    writeln!(
        std::io::stdout().lock(),
        "Revoked the token {id} of {username}."
    )?;
    Ok(())
}

pub async fn role(
    database: &str,
    username: &str,
    role: &str,
    by: &str,
    grant: bool,
) -> anyhow::Result<()> {
    let role = Role::parse(role).map_err(anyhow::Error::msg)?;
    let store = Store::open(database, OpenMode::MustExist).await?;
    let now = super::now();
    let said = if grant {
        store.grant_role(username, &role, by, now).await?;
        format!("{username} holds the role {role}.")
    } else if store.revoke_role(username, &role, by, now).await? {
        format!("Removed the role {role} from {username}.")
    } else {
        bail!("{username} does not hold the role {role}");
    };
    writeln!(std::io::stdout().lock(), "{said}")?;
    Ok(())
}

pub async fn roles(database: &str, username: &str) -> anyhow::Result<()> {
    let store = Store::open(database, OpenMode::MustExist).await?;
    known(&store, username).await?;
    let mut out = std::io::stdout().lock();
    for c in store.role_changes(username).await? {
        writeln!(out, "{}\t{}\t{}\tby {}", c.at, c.change, c.role, c.by)?;
    }
    Ok(())
}
