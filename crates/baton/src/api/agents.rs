use axum::{
    Json,
    extract::{Path, State},
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::extract::{AppJson, AppQuery};
use crate::{
    app::AppState,
    auth::{Operator, Viewer},
    domain::agent_config::AgentConfig,
    error::{AppError, ErrorBody},
    store,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_agent_config, put_agent_config))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct Scope {
    /// A project's override; without it, the agent's default.
    project_id: Option<String>,
}

/// An agent's configuration and where it comes from.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgentConfigView {
    pub agent: String,
    pub project_id: Option<String>,
    /// `project`, `default` (the agent's own) or `builtin` (nothing saved: the claude runner).
    pub source: &'static str,
    pub config: AgentConfig,
}

/// The configuration a task of this agent would run with (in the project, if given).
#[utoipa::path(get, path = "/api/agents/{name}/config", tag = "agents",
    params(("name" = String, Path, description = "Agent name"), Scope),
    responses((status = 200, body = AgentConfigView)))]
async fn get_agent_config(
    State(app): State<AppState>,
    _: Viewer,
    Path(name): Path<String>,
    AppQuery(scope): AppQuery<Scope>,
) -> Result<Json<AgentConfigView>, AppError> {
    config_view(&app, &name, scope.project_id.as_deref()).await.map(Json)
}

/// The configuration `name` runs with (in `project`, if given), and where it comes from.
pub async fn config_view(
    app: &AppState,
    name: &str,
    project: Option<&str>,
) -> Result<AgentConfigView, AppError> {
    let own = match project {
        Some(project) => store::agent_configs::get(&app.db.reader, name, Some(project)).await?,
        None => None,
    };
    let (source, config) = match own {
        Some(config) => ("project", config),
        None => match store::agent_configs::get(&app.db.reader, name, None).await? {
            Some(config) => ("default", config),
            None => ("builtin", AgentConfig::default()),
        },
    };
    Ok(AgentConfigView { agent: name.to_owned(), project_id: project.map(str::to_owned), source, config })
}

/// Save an agent's configuration (its default, or a project's override with `project_id`).
#[utoipa::path(put, path = "/api/agents/{name}/config", tag = "agents",
    params(("name" = String, Path, description = "Agent name"), Scope),
    request_body = AgentConfig,
    responses((status = 200, body = AgentConfigView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_agent_config(
    State(app): State<AppState>,
    Operator(user): Operator,
    Path(name): Path<String>,
    AppQuery(scope): AppQuery<Scope>,
    AppJson(config): AppJson<AgentConfig>,
) -> Result<Json<AgentConfigView>, AppError> {
    if name.trim().is_empty() || name.chars().count() > 100 {
        return Err(AppError::invalid("name", "must be 1 to 100 characters"));
    }
    config.validate()?;
    if let Some(project) = &scope.project_id {
        store::projects::get(&app.db.reader, project).await?.ok_or(AppError::NotFound("project"))?;
    }
    store::agent_configs::put(&app.db.writer, &name, scope.project_id.as_deref(), &config).await?;
    user.audit(&app, "agent.configure", "agent", &name, json!({ "project_id": scope.project_id })).await;
    let source = if scope.project_id.is_some() { "project" } else { "default" };
    Ok(Json(AgentConfigView { agent: name, project_id: scope.project_id, source, config }))
}
