//! `/api/mcp-servers`: the MCP servers Claude Code's files declare and those added in Baton,
//! their health checks and history, restarts, and adding, changing and removing Baton's own.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

use super::extract::{AppJson, AppQuery};
use crate::{
    app::AppState,
    auth::{Admin, Operator, Viewer},
    catalog::Snapshot,
    domain::{field_errors::FieldErrors, timestamp::Timestamp},
    error::{AppError, ErrorBody},
    mcp::{
        CheckResult, HISTORY_KEPT, KnownServer, Scope, Status, Transport, discovery,
        input::{ConfigInput, NewServer, parse_config, parse_name},
        supervisor::Restart,
    },
    store::{self, mcp::StoredServer},
    vault::MASK,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_servers, create_server))
        .routes(routes!(update_server, delete_server))
        .routes(routes!(server_status))
        .routes(routes!(server_history))
        .routes(routes!(restart_server))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ProjectParams {
    /// The project whose view to take: its own servers and the global ones, with its
    /// precedence. Without it: every server, global ones in the global view.
    project_id: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct HistoryParams {
    project_id: Option<String>,
    /// Checks to return, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<i64>,
}

/// One MCP server from one scope.
#[derive(Debug, Serialize, ToSchema)]
pub struct McpServer {
    pub name: String,
    pub scope: Scope,
    /// The project it belongs to; null for user-scope and global Baton servers.
    #[schema(required = true)]
    pub project_id: Option<String>,
    pub transport: Transport,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub args: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Values as written (`${VAR}` unexpanded); secrets, and for discovered servers every value
    /// that is not a reference, as `{"secret": "********"}`.
    #[schema(value_type = Object)]
    pub env: Map<String, Value>,
    #[schema(value_type = Object)]
    pub headers: Map<String, Value>,
    /// Baton runs the server's process.
    pub managed: bool,
    pub status: Status,
    #[schema(required = true)]
    pub last_check: Option<CheckResult>,
    /// The scope of the server of the same name that wins over this one, in its project's view.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overridden_by: Option<Scope>,
    /// Agents whose definition lists the server in `mcpServers`.
    pub used_by: Vec<String>,
}

/// Every server, by name.
#[derive(Debug, Serialize, ToSchema)]
pub struct McpServerList {
    pub servers: Vec<McpServer>,
}

/// A server's checks, newest first (without their tool lists).
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckHistory {
    pub checks: Vec<CheckResult>,
}

/// List MCP servers with their last check.
#[utoipa::path(get, path = "/api/mcp-servers", tag = "mcp", params(ProjectParams),
    responses((status = 200, body = McpServerList), (status = 404, description = "No such project", body = ErrorBody)))]
async fn list_servers(
    State(app): State<AppState>,
    _: Viewer,
    AppQuery(params): AppQuery<ProjectParams>,
) -> Result<Json<McpServerList>, AppError> {
    let project = params.project_id.as_deref();
    require_project(&app, project).await?;
    let known = app.mcp.known().await?;
    let latest = store::mcp::latest_checks(&app.db.reader).await?;
    let snapshot = app.catalog.snapshot();
    let servers = discovery::listing(&known, project)
        .into_iter()
        .map(|(server, overridden_by)| {
            describe(server, overridden_by, latest.get(&server.key()).cloned(), &snapshot)
        })
        .collect();
    Ok(Json(McpServerList { servers }))
}

/// Check a server now: start it (stdio) or call it (http), `initialize`, `tools/list`. Answers
/// 200 with `ok: false` and the reason when the server is down.
#[utoipa::path(get, path = "/api/mcp-servers/{name}/status", tag = "mcp",
    params(("name" = String, Path, description = "Server name"), ProjectParams),
    responses((status = 200, body = CheckResult), (status = 404, body = ErrorBody)))]
async fn server_status(
    State(app): State<AppState>,
    _: Operator,
    Path(name): Path<String>,
    AppQuery(params): AppQuery<ProjectParams>,
) -> Result<Json<CheckResult>, AppError> {
    let server = effective(&app, &name, params.project_id.as_deref()).await?;
    Ok(Json(app.mcp.check(&server).await))
}

/// A server's recent checks, newest first.
#[utoipa::path(get, path = "/api/mcp-servers/{name}/history", tag = "mcp",
    params(("name" = String, Path, description = "Server name"), HistoryParams),
    responses((status = 200, body = CheckHistory), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn server_history(
    State(app): State<AppState>,
    _: Viewer,
    Path(name): Path<String>,
    AppQuery(params): AppQuery<HistoryParams>,
) -> Result<Json<CheckHistory>, AppError> {
    let limit = params.limit.unwrap_or(50);
    if !(1..=HISTORY_KEPT).contains(&limit) {
        return Err(AppError::invalid("limit", format!("must be between 1 and {HISTORY_KEPT}")));
    }
    let server = effective(&app, &name, params.project_id.as_deref()).await?;
    let checks = store::mcp::history(&app.db.reader, &server.key(), limit).await?;
    Ok(Json(CheckHistory { checks }))
}

/// Restart a server Baton runs (`managed`) and wait until it passes a check; any other server
/// is checked again, and `message` says so.
#[utoipa::path(post, path = "/api/mcp-servers/{name}/restart", tag = "mcp",
    params(("name" = String, Path, description = "Server name"), ProjectParams),
    responses((status = 200, body = Restart), (status = 404, body = ErrorBody)))]
async fn restart_server(
    State(app): State<AppState>,
    Operator(user): Operator,
    Path(name): Path<String>,
    AppQuery(params): AppQuery<ProjectParams>,
) -> Result<Json<Restart>, AppError> {
    let server = effective(&app, &name, params.project_id.as_deref()).await?;
    let restart = app.mcp.restart(&server).await;
    if restart.restarted {
        user.audit(
            &app,
            "mcp_server.restart",
            "mcp_server",
            &server.key(),
            json!({ "ok": restart.check.ok }),
        )
        .await;
    }
    Ok(Json(restart))
}

/// Add a server to Baton, for every project or for one.
#[utoipa::path(post, path = "/api/mcp-servers", tag = "mcp", request_body = NewServer,
    responses((status = 201, body = McpServer), (status = 409, description = "The name is taken in that project", body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn create_server(
    State(app): State<AppState>,
    Admin(user): Admin,
    AppJson(input): AppJson<NewServer>,
) -> Result<Response, AppError> {
    let (name, project_id, config) = input.split();
    let mut errors = FieldErrors::new();
    let name = errors.check("name", parse_name(name.as_deref()));
    if let Some(id) = &project_id
        && store::projects::get(&app.db.reader, id).await?.is_none()
    {
        errors.add("project_id", "no such project");
    }
    let config = merge(&mut errors, parse_config(config, None, &app.vault));
    errors.into_result()?;
    let (Some(name), Some(config)) = (name, config) else {
        return Err(AppError::invalid("body", "is invalid"));
    };
    if store::mcp::get(&app.db.reader, &name, project_id.as_deref()).await?.is_some() {
        return Err(name_taken());
    }
    let server = StoredServer {
        id: Uuid::now_v7().to_string(),
        name,
        project_id,
        config,
        updated_at: Timestamp::now(),
    };
    store::mcp::insert(&app.db.writer, &server).await.map_err(|error| {
        match error.downcast_ref::<sqlx::Error>() {
            Some(e) if store::is_unique_violation(e) => name_taken(),
            _ => AppError::Internal(error),
        }
    })?;
    let known = server.known();
    user.audit(&app, "mcp_server.create", "mcp_server", &known.key(), json!({ "name": known.name })).await;
    app.mcp.start_managed(std::slice::from_ref(&known)).await;
    let body = describe_one(&app, &known).await?;
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// Change a server added in Baton: the body replaces its whole configuration
/// (`{"secret": "********"}` keeps a stored secret).
#[utoipa::path(put, path = "/api/mcp-servers/{name}", tag = "mcp", request_body = ConfigInput,
    params(("name" = String, Path, description = "Server name"), ProjectParams),
    responses((status = 200, body = McpServer), (status = 404, body = ErrorBody),
        (status = 409, description = "The server comes from Claude Code's files", body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_server(
    State(app): State<AppState>,
    Admin(user): Admin,
    Path(name): Path<String>,
    AppQuery(params): AppQuery<ProjectParams>,
    AppJson(input): AppJson<ConfigInput>,
) -> Result<Json<McpServer>, AppError> {
    let mut stored = added(&app, &name, params.project_id.as_deref()).await?;
    let config = parse_config(input, Some(&stored.config), &app.vault)?;
    let was_managed = stored.config.managed;
    stored.config = config;
    stored.updated_at = Timestamp::now_after(stored.updated_at);
    if !store::mcp::update(&app.db.writer, &stored).await? {
        return Err(AppError::NotFound("MCP server"));
    }
    let known = stored.known();
    if was_managed && !known.config.managed {
        app.mcp.supervisor.stop(&known.key()).await;
    }
    // A managed server whose configuration changed is started again with the new one.
    app.mcp.start_managed(std::slice::from_ref(&known)).await;
    user.audit(&app, "mcp_server.update", "mcp_server", &known.key(), json!({ "name": known.name })).await;
    Ok(Json(describe_one(&app, &known).await?))
}

/// Remove a server added in Baton (and stop it, if Baton runs it).
#[utoipa::path(delete, path = "/api/mcp-servers/{name}", tag = "mcp",
    params(("name" = String, Path, description = "Server name"), ProjectParams),
    responses((status = 204, description = "Removed"), (status = 404, body = ErrorBody),
        (status = 409, description = "The server comes from Claude Code's files", body = ErrorBody)))]
async fn delete_server(
    State(app): State<AppState>,
    Admin(user): Admin,
    Path(name): Path<String>,
    AppQuery(params): AppQuery<ProjectParams>,
) -> Result<StatusCode, AppError> {
    let stored = added(&app, &name, params.project_id.as_deref()).await?;
    let key = stored.known().key();
    if !store::mcp::delete(&app.db.writer, &stored.id).await? {
        return Err(AppError::NotFound("MCP server"));
    }
    app.mcp.supervisor.stop(&key).await;
    store::mcp::delete_history(&app.db.writer, &key).await?;
    user.audit(&app, "mcp_server.delete", "mcp_server", &key, json!({ "name": stored.name })).await;
    Ok(StatusCode::NO_CONTENT)
}

async fn require_project(app: &AppState, project: Option<&str>) -> Result<(), AppError> {
    if let Some(id) = project {
        store::projects::get(&app.db.reader, id).await?.ok_or(AppError::NotFound("project"))?;
    }
    Ok(())
}

/// The server of `name` that wins in the view of `project`.
async fn effective(app: &AppState, name: &str, project: Option<&str>) -> Result<KnownServer, AppError> {
    require_project(app, project).await?;
    let known = app.mcp.known().await?;
    discovery::effective(&known, name, project).cloned().ok_or(AppError::NotFound("MCP server"))
}

/// The server added in Baton under exactly this name and project; 409 when only Claude Code's
/// files declare one.
async fn added(app: &AppState, name: &str, project: Option<&str>) -> Result<StoredServer, AppError> {
    require_project(app, project).await?;
    if let Some(stored) = store::mcp::get(&app.db.reader, name, project).await? {
        return Ok(stored);
    }
    let mut known = app.mcp.known().await?;
    known.retain(|server| server.scope != Scope::Baton);
    match discovery::effective(&known, name, project) {
        Some(found) => Err(AppError::Conflict {
            message: format!(
                "{name} comes from Claude Code's {} configuration: change it there (only servers added in Baton can be changed here)",
                found.scope.as_str()
            ),
            field: None,
        }),
        None => Err(AppError::NotFound("MCP server")),
    }
}

fn name_taken() -> AppError {
    AppError::Conflict {
        message: "a server of this name is already added for this project (or globally)".into(),
        field: Some("name"),
    }
}

fn merge<T>(errors: &mut FieldErrors, result: Result<T, FieldErrors>) -> Option<T> {
    result
        .map_err(|found| found.to_map().into_iter().for_each(|(field, message)| errors.add(field, message)))
        .ok()
}

/// `server` as listed in its own project's view.
async fn describe_one(app: &AppState, server: &KnownServer) -> Result<McpServer, AppError> {
    let known = app.mcp.known().await?;
    let view = server.project_id.as_deref();
    let overridden_by = discovery::effective(&known, &server.name, view)
        .filter(|winner| winner.rank() > server.rank())
        .map(|winner| winner.scope);
    let last = store::mcp::latest_checks(&app.db.reader).await?.remove(&server.key());
    Ok(describe(server, overridden_by, last, &app.catalog.snapshot()))
}

fn describe(
    server: &KnownServer,
    overridden_by: Option<Scope>,
    last_check: Option<CheckResult>,
    snapshot: &Snapshot,
) -> McpServer {
    let config = &server.config;
    let discovered = server.scope != Scope::Baton;
    McpServer {
        name: server.name.clone(),
        scope: server.scope,
        project_id: server.project_id.clone(),
        transport: config.transport,
        command: config.command.clone(),
        args: config.command.as_ref().map(|_| config.args.clone()),
        url: config.url.clone(),
        env: masked(&config.env, discovered),
        headers: masked(&config.headers, discovered),
        managed: config.managed,
        status: last_check.as_ref().map_or(Status::Unknown, CheckResult::status),
        last_check,
        overridden_by,
        used_by: used_by(snapshot, &server.name, server.project_id.as_deref()),
    }
}

/// Secrets masked. Discovered files hold plain values that may be keys (`claude mcp add -e
/// KEY=...` writes them so): only references to variables are shown there.
fn masked(values: &Map<String, Value>, discovered: bool) -> Map<String, Value> {
    let masked = crate::vault::tree::mask(&Value::Object(values.clone()));
    let Value::Object(masked) = masked else { return Map::new() };
    masked
        .into_iter()
        .map(|(key, value)| match value {
            Value::String(text) if discovered && !text.contains("${") => (key, json!({ "secret": MASK })),
            other => (key, other),
        })
        .collect()
}

/// Agents whose definition (as seen from `project`) lists `server` in `mcpServers`: a list of
/// names, a list of objects keyed by name, or an object keyed by name.
fn used_by(snapshot: &Snapshot, server: &str, project: Option<&str>) -> Vec<String> {
    let lists = |value: &Value| match value {
        Value::Array(items) => items.iter().any(|item| match item {
            Value::String(name) => name == server,
            Value::Object(map) => map.contains_key(server),
            _ => false,
        }),
        Value::Object(map) => map.contains_key(server),
        _ => false,
    };
    snapshot
        .agents
        .keys()
        .filter(|agent| {
            snapshot
                .agent_for(agent, project)
                .and_then(|a| a.definition)
                .is_some_and(|(definition, _)| definition.extra.get("mcpServers").is_some_and(lists))
        })
        .cloned()
        .collect()
}
