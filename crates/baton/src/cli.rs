//! `baton user ...` and `baton token ...`: administration from a terminal, on the database
//! directly (a running server shares it safely; WAL and the busy timeout take care of that).
//! `baton hook` and `baton hooks install`: Claude Code's side of the hooks integration.

use std::io::{BufRead, IsTerminal, Read};

use anyhow::Context;

use crate::{
    api,
    app::AppState,
    config::{BatonTarget, DataDirArg, HookKind, HooksCommand, TokenCommand, UserCommand},
    domain::user::{Role, TokenRole, check_password, parse_username},
    external::hook_settings::{Handler, Outcome, merge},
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

/// `baton export`: the bundle to stdout or `output`.
pub async fn export(
    format: &str,
    output: Option<&std::path::Path>,
    passphrase_stdin: bool,
    data: &DataDirArg,
) -> anyhow::Result<()> {
    let app = AppState::open(&data.resolve()?).await?;
    let options = api::config::bundle::ExportOptions {
        format: if format == "json" {
            api::config::bundle::Format::Json
        } else {
            api::config::bundle::Format::Yaml
        },
        passphrase: passphrase_stdin.then(read_line_of_stdin).transpose()?,
    };
    let text = api::config::bundle::export(&app, &options).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    match output {
        Some(path) => {
            std::fs::write(path, &text).with_context(|| format!("writing {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        None => print!("{text}"),
    }
    app.db.close().await;
    Ok(())
}

/// `baton import`: prints each item's action and changes; fails (changing nothing) on a bad item.
pub async fn import(
    file: &std::path::Path,
    dry_run: bool,
    prune: bool,
    passphrase_stdin: bool,
    data: &DataDirArg,
) -> anyhow::Result<()> {
    let passphrase = passphrase_stdin.then(read_line_of_stdin).transpose()?;
    let text = if file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).context("reading the bundle from stdin")?;
        text
    } else {
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?
    };
    let app = AppState::open(&data.resolve()?).await?;
    let result = api::config::bundle::import(&app, &text, passphrase.as_deref(), dry_run, prune, "cli").await;
    app.db.close().await;
    let report = result.map_err(|error| match error {
        crate::error::AppError::Validation(fields) => {
            anyhow::anyhow!("the bundle was not imported, nothing changed: {fields}")
        }
        other => anyhow::anyhow!("the bundle was not imported: {other}"),
    })?;
    for item in report.items.iter().filter(|i| i.action != api::config::bundle::Action::Unchanged) {
        let name = |v: serde_json::Value| v.as_str().unwrap_or_default().to_owned();
        let (action, kind) = (name(serde_json::json!(item.action)), name(serde_json::json!(item.kind)));
        println!("{action:<9} {kind:<15} {}", item.key);
        for change in &item.changes {
            let show =
                |v: &Option<serde_json::Value>| v.as_ref().map_or_else(|| "-".to_owned(), |v| v.to_string());
            println!("          {}: {} → {}", change.path, show(&change.before), show(&change.after));
        }
    }
    let s = &report.summary;
    let verb = if dry_run { "would change" } else { "changed" };
    println!(
        "{verb}: {} created, {} updated, {} deleted, {} unchanged",
        s.created, s.updated, s.deleted, s.unchanged
    );
    Ok(())
}

fn read_line_of_stdin() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).context("reading the passphrase from stdin")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
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

/// `baton hook`: posts the event on stdin to Baton. Never fails the agent: every problem is one
/// line on stderr and the exit code stays 0; stdout stays empty (Claude Code would read it).
pub async fn hook(target: &BatonTarget, timeout_s: f64) {
    if let Err(error) = post_hook(target, timeout_s).await {
        eprintln!("baton hook: the event was not recorded: {error:#}");
    }
}

async fn post_hook(target: &BatonTarget, timeout_s: f64) -> anyhow::Result<()> {
    let mut body = Vec::new();
    std::io::stdin().lock().read_to_end(&mut body).context("reading the event from stdin")?;
    let token = target.token.as_deref().context("no token: set BATON_TOKEN to an ingest token")?;
    let timeout = std::time::Duration::from_secs_f64(timeout_s.clamp(0.1, 60.0));
    let url = format!("{}/api/hooks/claude", target.url.trim_end_matches('/'));
    let response = reqwest::Client::builder()
        .timeout(timeout)
        .build()?
        .post(&url)
        .bearer_auth(token)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .with_context(|| format!("cannot reach Baton at {url}"))?;
    if !response.status().is_success() {
        let status = response.status();
        let text = response.text().await.unwrap_or_default();
        anyhow::bail!("Baton answered {status}: {}", text.chars().take(300).collect::<String>());
    }
    Ok(())
}

/// `baton hooks install`: merges Baton's entries into a Claude Code settings file.
pub fn hooks(command: HooksCommand) -> anyhow::Result<()> {
    let HooksCommand::Install { project, user, local, kind, url, dry_run } = command;
    let path = if user {
        dirs::home_dir().context("cannot find your home directory")?.join(".claude").join("settings.json")
    } else {
        let project = match project {
            Some(dir) => dir,
            None => std::env::current_dir().context("cannot read the current directory")?,
        };
        let name = if local { "settings.local.json" } else { "settings.json" };
        project.join(".claude").join(name)
    };
    let handler = match kind {
        HookKind::Http => Handler::Http { url: format!("{}/api/hooks/claude", url.trim_end_matches('/')) },
        HookKind::Command => {
            let exe = std::env::current_exe().context("cannot find Baton's own executable")?;
            Handler::Command {
                command: format!("{} hook --url {url}", shell_quote(&exe.display().to_string())),
            }
        }
    };
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) if text.trim().is_empty() => None,
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(error).with_context(|| format!("cannot read {}", path.display())),
    };
    let mut settings: serde_json::Value = match &existing {
        Some(text) => serde_json::from_str(text).with_context(|| {
            format!("{} is not valid JSON; fix it first (nothing was changed)", path.display())
        })?,
        None => serde_json::json!({}),
    };
    let outcomes = merge(&mut settings, &handler)
        .map_err(|problem| anyhow::anyhow!("{}: {problem} (nothing was changed)", path.display()))?;
    let text = serde_json::to_string_pretty(&settings)? + "\n";
    for (event, outcome) in &outcomes {
        let what = match outcome {
            Outcome::Added => "added",
            Outcome::Updated => "updated",
            Outcome::Unchanged => "unchanged",
        };
        eprintln!("  {what:<9} {event}");
    }
    let changed = outcomes.iter().any(|(_, o)| *o != Outcome::Unchanged);
    if dry_run {
        println!("{text}");
        eprintln!("dry run: {} was not written", path.display());
        return Ok(());
    }
    if changed {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
        }
        let temporary = path.with_extension("json.baton-tmp");
        std::fs::write(&temporary, &text).with_context(|| format!("cannot write {}", temporary.display()))?;
        std::fs::rename(&temporary, &path).with_context(|| format!("cannot replace {}", path.display()))?;
        eprintln!("wrote {}", path.display());
    } else {
        eprintln!("{} already has Baton's hooks", path.display());
    }
    if kind == HookKind::Http || changed {
        eprintln!(
            "Claude Code sends the token from BATON_TOKEN: create one with\n  baton token create --name claude-hooks --role ingest\nand export BATON_TOKEN=<it> where you run claude."
        );
    }
    Ok(())
}

fn shell_quote(text: &str) -> String {
    if text.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+:".contains(c)) {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
