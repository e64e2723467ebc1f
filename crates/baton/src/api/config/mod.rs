//! `/api/config`: Baton's global configuration and each project's, with versions, diffs and
//! reverts; the schemas that describe them; export and import of everything configurable.

use axum::{
    Json,
    extract::{Path, State},
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::extract::{AppJson, AppQuery};
use crate::{
    app::AppState,
    auth::{Admin, Viewer},
    error::{AppError, ErrorBody},
    settings::tree::Change,
    store::{
        self,
        config::{Scope, VersionSummary},
    },
    vault,
};

/// Export and import bundles.
pub mod bundle;
/// Reading, saving and reverting documents.
pub mod documents;
/// The HTTP side of export and import.
mod transfer;

use documents::ConfigView;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_config_schema))
        .routes(routes!(get_global, put_global))
        .routes(routes!(global_versions))
        .routes(routes!(global_version))
        .routes(routes!(global_diff))
        .routes(routes!(revert_global))
        .routes(routes!(get_project_config, put_project_config))
        .routes(routes!(project_versions))
        .routes(routes!(project_version))
        .routes(routes!(project_diff))
        .routes(routes!(revert_project))
        .merge(transfer::router())
}

/// A save: the document, and the version it was edited from.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveConfig {
    /// The whole document (keys left out fall back to the layer below).
    #[schema(value_type = Object)]
    pub config: Value,
    /// The version the edit started from; a save on top of a newer one is refused (409).
    pub base_version: Option<i64>,
}

/// Which version to restore.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevertConfig {
    pub version: i64,
}

/// Saved versions, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionList {
    pub versions: Vec<VersionSummary>,
}

/// One saved version's document.
#[derive(Debug, Serialize, ToSchema)]
pub struct VersionDetail {
    #[serde(flatten)]
    pub summary: VersionSummary,
    /// The document as saved then, secrets masked.
    #[schema(value_type = Object)]
    pub config: Value,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct DiffParams {
    /// The older version (0: the empty document).
    from: i64,
    /// The newer version [default: the one in force].
    to: Option<i64>,
}

/// What changed between two versions.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConfigDiff {
    pub from: i64,
    pub to: i64,
    pub changes: Vec<Change>,
}

/// The JSON Schema (2020-12) of the global document, for editors that validate as you type.
#[utoipa::path(get, path = "/api/config/schema", tag = "config",
    responses((status = 200, body = Object)))]
async fn get_config_schema(_: Viewer) -> Result<Json<Value>, AppError> {
    super::schemas::schema("GlobalConfig").map(Json).ok_or(AppError::NotFound("schema"))
}

/// Baton's configuration: the saved document, every setting in force and where it comes from.
#[utoipa::path(get, path = "/api/config/global", tag = "config",
    responses((status = 200, body = ConfigView)))]
async fn get_global(State(app): State<AppState>, _: Viewer) -> Result<Json<ConfigView>, AppError> {
    documents::view(&app, Scope::Global).await.map(Json)
}

/// Saves the global document as a new version and puts it in force at once. Unknown keys and
/// bad values answer 422 naming their path (`limits.max_agents`).
#[utoipa::path(put, path = "/api/config/global", tag = "config", request_body = SaveConfig,
    responses((status = 200, body = ConfigView), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_global(
    State(app): State<AppState>,
    Admin(admin): Admin,
    AppJson(input): AppJson<SaveConfig>,
) -> Result<Json<ConfigView>, AppError> {
    save_and_view(&app, Scope::Global, &input, &admin).await
}

/// Saved versions of the global document, newest first.
#[utoipa::path(get, path = "/api/config/global/versions", tag = "config",
    responses((status = 200, body = VersionList)))]
async fn global_versions(State(app): State<AppState>, _: Viewer) -> Result<Json<VersionList>, AppError> {
    versions(&app, Scope::Global).await
}

/// One saved version of the global document.
#[utoipa::path(get, path = "/api/config/global/versions/{version}", tag = "config",
    params(("version" = i64, Path)), responses((status = 200, body = VersionDetail), (status = 404, body = ErrorBody)))]
async fn global_version(
    State(app): State<AppState>,
    _: Viewer,
    Path(version): Path<i64>,
) -> Result<Json<VersionDetail>, AppError> {
    version_detail(&app, Scope::Global, version).await
}

/// What changed in the global document between two versions.
#[utoipa::path(get, path = "/api/config/global/diff", tag = "config", params(DiffParams),
    responses((status = 200, body = ConfigDiff), (status = 404, body = ErrorBody)))]
async fn global_diff(
    State(app): State<AppState>,
    _: Viewer,
    AppQuery(params): AppQuery<DiffParams>,
) -> Result<Json<ConfigDiff>, AppError> {
    diff(&app, Scope::Global, &params).await
}

/// Restores a version of the global document, as a new version.
#[utoipa::path(post, path = "/api/config/global/revert", tag = "config", request_body = RevertConfig,
    responses((status = 200, body = ConfigView), (status = 404, body = ErrorBody)))]
async fn revert_global(
    State(app): State<AppState>,
    Admin(admin): Admin,
    AppJson(input): AppJson<RevertConfig>,
) -> Result<Json<ConfigView>, AppError> {
    revert(&app, Scope::Global, input.version, &admin).await
}

/// A project's configuration: its overrides, and what its agents run with.
#[utoipa::path(get, path = "/api/config/projects/{id}", tag = "config",
    params(("id" = String, Path, description = "Project id")),
    responses((status = 200, body = ConfigView), (status = 404, body = ErrorBody)))]
async fn get_project_config(
    State(app): State<AppState>,
    _: Viewer,
    Path(id): Path<String>,
) -> Result<Json<ConfigView>, AppError> {
    ensure_project(&app, &id).await?;
    documents::view(&app, Scope::Project(&id)).await.map(Json)
}

/// Saves a project's overrides as a new version: settings, environment for its agents (a
/// value may be `{secret: "..."}`), and its agents' configurations.
#[utoipa::path(put, path = "/api/config/projects/{id}", tag = "config", request_body = SaveConfig,
    params(("id" = String, Path, description = "Project id")),
    responses((status = 200, body = ConfigView), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn put_project_config(
    State(app): State<AppState>,
    Admin(admin): Admin,
    Path(id): Path<String>,
    AppJson(input): AppJson<SaveConfig>,
) -> Result<Json<ConfigView>, AppError> {
    ensure_project(&app, &id).await?;
    save_and_view(&app, Scope::Project(&id), &input, &admin).await
}

/// Saved versions of a project's document, newest first.
#[utoipa::path(get, path = "/api/config/projects/{id}/versions", tag = "config",
    params(("id" = String, Path, description = "Project id")), responses((status = 200, body = VersionList)))]
async fn project_versions(
    State(app): State<AppState>,
    _: Viewer,
    Path(id): Path<String>,
) -> Result<Json<VersionList>, AppError> {
    ensure_project(&app, &id).await?;
    versions(&app, Scope::Project(&id)).await
}

/// One saved version of a project's document.
#[utoipa::path(get, path = "/api/config/projects/{id}/versions/{version}", tag = "config",
    params(("id" = String, Path, description = "Project id"), ("version" = i64, Path)),
    responses((status = 200, body = VersionDetail), (status = 404, body = ErrorBody)))]
async fn project_version(
    State(app): State<AppState>,
    _: Viewer,
    Path((id, version)): Path<(String, i64)>,
) -> Result<Json<VersionDetail>, AppError> {
    ensure_project(&app, &id).await?;
    version_detail(&app, Scope::Project(&id), version).await
}

/// What changed in a project's document between two versions.
#[utoipa::path(get, path = "/api/config/projects/{id}/diff", tag = "config",
    params(("id" = String, Path, description = "Project id"), DiffParams),
    responses((status = 200, body = ConfigDiff), (status = 404, body = ErrorBody)))]
async fn project_diff(
    State(app): State<AppState>,
    _: Viewer,
    Path(id): Path<String>,
    AppQuery(params): AppQuery<DiffParams>,
) -> Result<Json<ConfigDiff>, AppError> {
    ensure_project(&app, &id).await?;
    diff(&app, Scope::Project(&id), &params).await
}

/// Restores a version of a project's document, as a new version.
#[utoipa::path(post, path = "/api/config/projects/{id}/revert", tag = "config", request_body = RevertConfig,
    params(("id" = String, Path, description = "Project id")),
    responses((status = 200, body = ConfigView), (status = 404, body = ErrorBody)))]
async fn revert_project(
    State(app): State<AppState>,
    Admin(admin): Admin,
    Path(id): Path<String>,
    AppJson(input): AppJson<RevertConfig>,
) -> Result<Json<ConfigView>, AppError> {
    ensure_project(&app, &id).await?;
    revert(&app, Scope::Project(&id), input.version, &admin).await
}

async fn ensure_project(app: &AppState, id: &str) -> Result<(), AppError> {
    store::projects::get(&app.db.reader, id).await?.map(|_| ()).ok_or(AppError::NotFound("project"))
}

async fn save_and_view(
    app: &AppState,
    scope: Scope<'_>,
    input: &SaveConfig,
    who: &crate::auth::Principal,
) -> Result<Json<ConfigView>, AppError> {
    let saved = documents::save(app, scope, &input.config, input.base_version, &who.name).await?;
    if let Some(version) = saved.version {
        audit(app, who, scope, "config.update", version).await;
    }
    documents::view(app, scope).await.map(Json)
}

async fn revert(
    app: &AppState,
    scope: Scope<'_>,
    version: i64,
    who: &crate::auth::Principal,
) -> Result<Json<ConfigView>, AppError> {
    let old = store::config::get(&app.db.reader, scope, version)
        .await?
        .ok_or(AppError::NotFound("config version"))?;
    // The stored document's secrets are sealed: written back masked, each keeps its value only
    // if it is unchanged since, so restore the sealed values directly.
    let saved = documents::save_sealed(app, scope, &old.document, &who.name, version).await?;
    if let Some(new_version) = saved.version {
        audit(app, who, scope, "config.revert", new_version).await;
    }
    documents::view(app, scope).await.map(Json)
}

async fn audit(app: &AppState, who: &crate::auth::Principal, scope: Scope<'_>, action: &str, version: i64) {
    let (kind, id) = match scope {
        Scope::Global => ("config", "global"),
        Scope::Project(id) => ("project_config", id),
    };
    who.audit(app, action, kind, id, serde_json::json!({ "version": version })).await;
}

async fn versions(app: &AppState, scope: Scope<'_>) -> Result<Json<VersionList>, AppError> {
    Ok(Json(VersionList { versions: store::config::list(&app.db.reader, scope).await? }))
}

async fn version_detail(
    app: &AppState,
    scope: Scope<'_>,
    version: i64,
) -> Result<Json<VersionDetail>, AppError> {
    let stored = store::config::get(&app.db.reader, scope, version)
        .await?
        .ok_or(AppError::NotFound("config version"))?;
    Ok(Json(VersionDetail {
        config: vault::tree::mask(&stored.document),
        summary: VersionSummary {
            version: stored.version,
            author: stored.author,
            created_at: stored.created_at,
            changes: stored.changes,
            reverted_from: stored.reverted_from,
        },
    }))
}

async fn diff(app: &AppState, scope: Scope<'_>, params: &DiffParams) -> Result<Json<ConfigDiff>, AppError> {
    let document = |version: i64| async move {
        if version == 0 {
            return Ok(serde_json::json!({}));
        }
        store::config::get(&app.db.reader, scope, version)
            .await?
            .map(|v| v.document)
            .ok_or(AppError::NotFound("config version"))
    };
    let to = match params.to {
        Some(to) => to,
        None => store::config::current(&app.db.reader, scope).await?.map_or(0, |v| v.version),
    };
    let before = document(params.from).await?;
    let after = document(to).await?;
    Ok(Json(ConfigDiff { from: params.from, to, changes: documents::masked_changes(&before, &after) }))
}
