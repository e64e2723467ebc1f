//! Reading, saving and reverting configuration documents: validation, sealing secrets,
//! versions, and putting the result in force.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};
use sqlx::SqliteConnection;
use utoipa::ToSchema;

use crate::{
    app::AppState,
    domain::{agent_config::AgentConfig, timestamp::Timestamp},
    error::AppError,
    settings::{
        GlobalConfig, ProjectConfig,
        document::parse,
        project_layer,
        tree::{self, Change},
    },
    store::{
        self,
        config::{NewVersion, Scope, StoredVersion},
    },
    vault,
};

/// A configuration document, what is in force, and where each value comes from.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConfigView {
    /// Set for a project's document.
    pub project_id: Option<String>,
    /// The saved version in force; 0 when the document was never saved.
    pub version: i64,
    /// The document as saved: only what was set here, secrets masked.
    #[schema(value_type = Object)]
    pub config: Value,
    /// Every setting in force, secrets masked.
    #[schema(value_type = Object)]
    pub effective: Value,
    /// Dot path of each effective value → `default`, `flag`, `global`, `project`.
    pub origins: BTreeMap<String, &'static str>,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub updated_at: Option<Timestamp>,
    pub updated_by: Option<String>,
}

/// The stored document of `scope` and its version (an empty document, version 0, if never saved).
pub async fn stored(app: &AppState, scope: Scope<'_>) -> Result<(Value, Option<StoredVersion>), AppError> {
    let current = store::config::current(&app.db.reader, scope).await?;
    let document = current.as_ref().map_or_else(|| json!({}), |v| v.document.clone());
    Ok((document, current))
}

/// What `GET /api/config/global` and `GET /api/config/projects/{id}` answer.
pub async fn view(app: &AppState, scope: Scope<'_>) -> Result<ConfigView, AppError> {
    let (document, current) = stored(app, scope).await?;
    let global = app.settings.global();
    let (mut effective, mut origins) = match scope {
        Scope::Global => {
            (app.settings.effective(&global, &Value::Null), app.settings.origins(&global, &Value::Null))
        }
        Scope::Project(_) => project_effective(app, &global, &document),
    };
    if let Scope::Project(id) = scope {
        add_mcp_servers(app, id, &mut effective, &mut origins).await?;
    }
    Ok(ConfigView {
        project_id: match scope {
            Scope::Global => None,
            Scope::Project(id) => Some(id.to_owned()),
        },
        version: current.as_ref().map_or(0, |v| v.version),
        config: vault::tree::mask(&document),
        effective: vault::tree::mask(&effective),
        origins,
        updated_at: current.as_ref().map(|v| v.created_at),
        updated_by: current.and_then(|v| v.author),
    })
}

/// A project's effective configuration: the global settings with its overrides, the
/// environment its agents get, and its agents' configurations.
fn project_effective(
    app: &AppState,
    global: &Value,
    document: &Value,
) -> (Value, BTreeMap<String, &'static str>) {
    let layer = project_layer(document);
    let settings = app.settings.effective(global, &layer);
    let global_env = settings.pointer("/runner/env").cloned().unwrap_or_else(|| json!({}));
    let project_env = document.get("env").cloned().unwrap_or(Value::Null);
    let env = tree::merge(&global_env, &project_env);
    let agents = document.get("agents").cloned().unwrap_or_else(|| json!({}));
    let mut origins = BTreeMap::new();
    for (path, origin) in app.settings.origins(global, &layer) {
        origins.insert(format!("settings.{path}"), origin);
    }
    tree::record_origins(&global_env, "global", "env", &mut origins);
    tree::record_origins(&project_env, "project", "env", &mut origins);
    tree::record_origins(&agents, "project", "agents", &mut origins);
    (json!({ "settings": settings, "env": env, "agents": agents }), origins)
}

/// The MCP servers the project's agents get (those that win on a name clash), by name, with
/// the scope each comes from as its origin. Their environment and headers are left out.
async fn add_mcp_servers(
    app: &AppState,
    project_id: &str,
    effective: &mut Value,
    origins: &mut BTreeMap<String, &'static str>,
) -> Result<(), AppError> {
    let known = app.mcp.known().await?;
    let mut servers = serde_json::Map::new();
    for (server, overridden_by) in crate::mcp::discovery::listing(&known, Some(project_id)) {
        if overridden_by.is_some() {
            continue;
        }
        let config = &server.config;
        let mut entry = json!({ "type": config.transport });
        match (&config.command, &config.url) {
            (Some(command), _) => entry["command"] = json!(command),
            (None, Some(url)) => entry["url"] = json!(url),
            (None, None) => {}
        }
        origins.insert(format!("mcp_servers.{}", server.name), server.scope.as_str());
        servers.insert(server.name.clone(), entry);
    }
    effective["mcp_servers"] = Value::Object(servers);
    Ok(())
}

/// Checks `input` against the scope's document type, naming the path of every problem.
pub fn validate(scope: Scope<'_>, input: &Value) -> Result<(), AppError> {
    if !input.is_object() {
        return Err(AppError::invalid("config", "must be an object (a mapping of settings)"));
    }
    match scope {
        Scope::Global => parse::<GlobalConfig>(input)?.validate()?,
        Scope::Project(_) => parse::<ProjectConfig>(input)?.validate()?,
    }
    Ok(())
}

/// What a save did.
#[derive(Debug)]
pub struct Saved {
    /// The new version, or None when nothing changed.
    pub version: Option<i64>,
    /// The stored document now in force.
    pub document: Value,
}

/// The document in force for `scope` and its version (an empty document, version 0, if never
/// saved), read on the caller's transaction.
async fn in_force(conn: &mut SqliteConnection, scope: Scope<'_>) -> Result<(Value, i64), AppError> {
    let current = store::config::current(&mut *conn, scope).await?;
    Ok(current.map_or_else(|| (json!({}), 0), |v| (v.document, v.version)))
}

/// Saves an already sealed `document` as the next version of `scope`, on `conn` (the caller's
/// transaction). Nothing is saved when nothing changed (unless it restores a version).
pub async fn store_on(
    conn: &mut SqliteConnection,
    scope: Scope<'_>,
    document: Value,
    author: Option<&str>,
    reverted_from: Option<i64>,
) -> Result<Saved, AppError> {
    let (before, _) = in_force(conn, scope).await?;
    write_version(conn, scope, document, before, author, reverted_from).await
}

/// Writes `document` as the version after `before`, unless nothing changed.
async fn write_version(
    conn: &mut SqliteConnection,
    scope: Scope<'_>,
    document: Value,
    before: Value,
    author: Option<&str>,
    reverted_from: Option<i64>,
) -> Result<Saved, AppError> {
    let document = tree::prune_empty(&document);
    let changes = masked_changes(&before, &document);
    if changes.is_empty() && reverted_from.is_none() {
        return Ok(Saved { version: None, document: before });
    }
    let new = NewVersion { document: &document, changes: &changes, author, reverted_from };
    let version = store::config::insert(&mut *conn, scope, &new).await?;
    if let Scope::Project(project_id) = scope {
        sync_agent_configs(conn, project_id, &document).await?;
    }
    Ok(Saved { version: Some(version), document })
}

/// Restores the stored (sealed) document of an old version as a new version.
pub async fn save_sealed(
    app: &AppState,
    scope: Scope<'_>,
    document: &Value,
    author: &str,
    reverted_from: i64,
) -> Result<Saved, AppError> {
    let mut tx = app.db.writer.begin().await.map_err(anyhow::Error::from)?;
    let saved = store_on(&mut tx, scope, document.clone(), Some(author), Some(reverted_from)).await?;
    tx.commit().await.map_err(anyhow::Error::from)?;
    announce(app, scope, &saved, Some(author)).await;
    Ok(saved)
}

/// Puts a committed save in force and tells the dashboard.
pub async fn announce(app: &AppState, scope: Scope<'_>, saved: &Saved, author: Option<&str>) {
    let Some(version) = saved.version else { return };
    let project_id = match scope {
        Scope::Global => {
            app.settings.set_global(saved.document.clone());
            None
        }
        Scope::Project(id) => Some(id),
    };
    app.announce.config_updated(project_id, version, author).await;
}

/// Validates `input`, seals its secrets (a masked secret keeps the stored one), saves it as the
/// next version of `scope` and puts it in force, in one transaction.
pub async fn save(
    app: &AppState,
    scope: Scope<'_>,
    input: &Value,
    base_version: Option<i64>,
    author: &str,
) -> Result<Saved, AppError> {
    validate(scope, input)?;
    let mut tx = app.db.writer.begin().await.map_err(anyhow::Error::from)?;
    let (before, current) = in_force(&mut tx, scope).await?;
    if let Some(base) = base_version
        && base != current
    {
        return Err(AppError::Conflict {
            message: format!(
                "the configuration was saved by someone else since version {base} (now version {current}): reload and apply your change again"
            ),
            field: Some("base_version"),
        });
    }
    let document = vault::tree::seal(input, Some(&before), &app.vault)?;
    let saved = write_version(&mut tx, scope, document, before, Some(author), None).await?;
    tx.commit().await.map_err(anyhow::Error::from)?;
    announce(app, scope, &saved, Some(author)).await;
    Ok(saved)
}

/// The changes between two stored documents, secrets masked (a changed secret shows as masked
/// before and after).
pub fn masked_changes(before: &Value, after: &Value) -> Vec<Change> {
    tree::diff(before, after)
        .into_iter()
        .map(|change| Change {
            path: change.path,
            before: change.before.map(|v| vault::tree::mask(&v)),
            after: change.after.map(|v| vault::tree::mask(&v)),
        })
        .collect()
}

/// A project's `agents` become its rows of agent configurations (which the runner reads):
/// the ones listed are written, the others removed.
async fn sync_agent_configs(
    conn: &mut SqliteConnection,
    project_id: &str,
    document: &Value,
) -> Result<(), AppError> {
    let agents: BTreeMap<String, AgentConfig> = document
        .get("agents")
        .cloned()
        .map(serde_json::from_value)
        .transpose()
        .map_err(|e| AppError::invalid("agents", e.to_string()))?
        .unwrap_or_default();
    sqlx::query("DELETE FROM agent_configurations WHERE project_id = ?")
        .bind(project_id)
        .execute(&mut *conn)
        .await
        .map_err(anyhow::Error::from)?;
    for (name, config) in &agents {
        store::agent_configs::put(&mut *conn, name, Some(project_id), config).await?;
    }
    Ok(())
}
