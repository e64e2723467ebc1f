//! `baton user ...` and `baton token ...`: administration from a terminal, on the database
//! directly (a running server shares it safely; WAL and the busy timeout take care of that).

use std::io::{BufRead, IsTerminal};

use anyhow::Context;

use crate::{
    api,
    app::AppState,
    config::{DataDirArg, TokenCommand, UserCommand},
    domain::user::{Role, TokenRole, check_password, parse_username},
    store,
};

pub async fn user(command: UserCommand, data: &DataDirArg) -> anyhow::Result<()> {
    let app = AppState::open(&data.resolve()?).await?;
    match command {
        UserCommand::Add { name, role, password_stdin } => {
            let name = parse_username(&name).map_err(|e| anyhow::anyhow!("username {e}"))?;
            let role = Role::parse(&role).map_err(anyhow::Error::msg)?;
            let password = read_password(password_stdin)?;
            let user =
                api::users::create(&app, name, password, role).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("added {} ({})", user.username, user.role.as_str());
        }
        UserCommand::Passwd { name, password_stdin } => {
            let mut user = store::users::find_by_name(&app.db.reader, &name)
                .await?
                .with_context(|| format!("there is no user {name:?} (see `baton user list`)"))?;
            let password = read_password(password_stdin)?;
            user.password_hash = crate::auth::password::hash(password).await?;
            api::users::end_sessions(&app, &mut user).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("changed the password of {}; their sessions have ended", user.username);
        }
        UserCommand::List => {
            for user in store::users::list(&app.db.reader).await? {
                let state = if user.disabled { "disabled" } else { "active" };
                println!("{:<24} {:<9} {state}", user.username, user.role.as_str());
            }
        }
    }
    app.db.close().await;
    Ok(())
}

pub async fn token(command: TokenCommand, data: &DataDirArg) -> anyhow::Result<()> {
    let app = AppState::open(&data.resolve()?).await?;
    match command {
        TokenCommand::Create { name, role } => {
            let role = TokenRole::parse(&role).map_err(anyhow::Error::msg)?;
            let (_, secret) = api::tokens::create(&app, name.trim(), role, None)
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            eprintln!("Created the {} token {name:?}. It is shown only this once:", role.as_str());
            println!("{secret}");
        }
    }
    app.db.close().await;
    Ok(())
}

/// Reads a password from stdin (`--password-stdin`) or asks twice on the terminal.
fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    let password = if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).context("reading the password from stdin")?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    } else {
        anyhow::ensure!(
            std::io::stdin().is_terminal(),
            "there is no terminal to ask for the password: pass it on stdin with --password-stdin"
        );
        let first = rpassword::prompt_password("Password: ")?;
        let second = rpassword::prompt_password("Password again: ")?;
        anyhow::ensure!(first == second, "the two passwords differ");
        first
    };
    check_password(&password).map_err(|e| anyhow::anyhow!("the password {e}"))?;
    Ok(password)
}
