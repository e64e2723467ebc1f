use std::path::Path;

use axum::{
    Json,
    extract::{Path as UrlPath, State},
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

use super::extract::{AppJson, AppQuery};
use crate::{
    app::AppState,
    auth::{Operator, Viewer},
    domain::{
        field_errors::FieldErrors,
        project::{CreateProject, NewProject, Project, ProjectChanges, ProjectStatus, UpdateProject},
        timestamp::Timestamp,
    },
    error::{AppError, ErrorBody},
    store::{self, projects::ListFilter},
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_projects, create_project)).routes(routes!(
        get_project,
        update_project,
        delete_project
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListParams {
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Only projects in this status.
    status: Option<ProjectStatus>,
    /// Only projects whose name contains this text (case-insensitive).
    q: Option<String>,
}

/// One page of projects, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectPage {
    pub items: Vec<Project>,
    /// Pass as `cursor` to get the next page; null on the last page.
    #[schema(required = true)]
    pub next_cursor: Option<String>,
    /// How many projects match the filters, across all pages.
    pub total: i64,
}

/// List projects.
#[utoipa::path(
    get,
    path = "/api/projects",
    tag = "projects",
    params(ListParams),
    responses(
        (status = 200, body = ProjectPage),
        (status = 422, description = "A parameter is invalid", body = ErrorBody),
    )
)]
async fn list_projects(
    State(app): State<AppState>,
    _: Viewer,
    AppQuery(params): AppQuery<ListParams>,
) -> Result<Json<ProjectPage>, AppError> {
    let filter = list_filter(params)?;
    let (items, next) = store::projects::list(&app.db.reader, &filter).await?;
    let total = store::projects::count(&app.db.reader, &filter).await?;
    Ok(Json(ProjectPage { items, next_cursor: next.map(|c| c.encode()), total }))
}

fn list_filter(params: ListParams) -> Result<ListFilter, FieldErrors> {
    let mut errors = FieldErrors::new();
    let (limit, after) = super::pagination::page(params.limit, params.cursor, &mut errors);
    errors.into_result()?;
    let q = params.q.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty());
    Ok(ListFilter { status: params.status, q, after, limit })
}

/// Create a project.
#[utoipa::path(
    post,
    path = "/api/projects",
    tag = "projects",
    request_body = CreateProject,
    responses(
        (status = 201, description = "Created", body = Project),
        (status = 409, description = "The name is taken (in any case)", body = ErrorBody),
        (status = 422, description = "A field is invalid", body = ErrorBody),
    )
)]
async fn create_project(
    State(app): State<AppState>,
    Operator(user): Operator,
    AppJson(input): AppJson<CreateProject>,
) -> Result<Response, AppError> {
    let new = NewProject::parse(input, dirs::home_dir().as_deref())?;
    if store::projects::name_taken(&app.db.reader, &new.name, None).await? {
        return Err(name_conflict());
    }
    let id = Uuid::now_v7().to_string();
    let workspace = new.workspace_dir.unwrap_or_else(|| app.workspaces_root().join(&id));
    ensure_workspace(&workspace).await?;
    let now = Timestamp::now();
    let project = Project {
        id,
        name: new.name,
        description: new.description,
        status: new.status,
        workspace_dir: Some(workspace.to_string_lossy().into_owned()),
        config: new.config.into(),
        created_at: now,
        updated_at: now,
    };
    store::projects::insert(&app.db.writer, &project).await.map_err(map_write_error)?;
    user.audit(&app, "project.create", "project", &project.id, json!({ "name": project.name })).await;
    let location = format!("/api/projects/{}", project.id);
    app.announce.project_updated(&project).await;
    app.catalog.refresh();
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(project)).into_response())
}

/// Get a project.
#[utoipa::path(
    get,
    path = "/api/projects/{id}",
    tag = "projects",
    params(("id" = String, Path, description = "Project id")),
    responses((status = 200, body = Project), (status = 404, body = ErrorBody))
)]
async fn get_project(
    State(app): State<AppState>,
    _: Viewer,
    UrlPath(id): UrlPath<String>,
) -> Result<Json<Project>, AppError> {
    let project = store::projects::get(&app.db.reader, &id).await?.ok_or(AppError::NotFound("project"))?;
    Ok(Json(project))
}

/// Update a project: only the fields sent change.
#[utoipa::path(
    put,
    path = "/api/projects/{id}",
    tag = "projects",
    params(("id" = String, Path, description = "Project id")),
    request_body = UpdateProject,
    responses(
        (status = 200, body = Project),
        (status = 404, body = ErrorBody),
        (status = 409, description = "The new name is taken", body = ErrorBody),
        (status = 422, description = "A field is invalid", body = ErrorBody),
    )
)]
async fn update_project(
    State(app): State<AppState>,
    Operator(user): Operator,
    UrlPath(id): UrlPath<String>,
    AppJson(input): AppJson<UpdateProject>,
) -> Result<Json<Project>, AppError> {
    let changed = input.field_names();
    let changes = ProjectChanges::parse(input, dirs::home_dir().as_deref())?;
    let mut project =
        store::projects::get(&app.db.reader, &id).await?.ok_or(AppError::NotFound("project"))?;
    if let Some(name) = &changes.name
        && store::projects::name_taken(&app.db.reader, name, Some(&id)).await?
    {
        return Err(name_conflict());
    }
    if let Some(dir) = &changes.workspace_dir {
        ensure_workspace(dir).await?;
    }
    changes.apply(&mut project);
    // Strictly later than the stored value, which also keeps the updated_at trigger (for other
    // writers) from firing on Baton's own update.
    project.updated_at = Timestamp::now_after(project.updated_at);
    if !store::projects::update(&app.db.writer, &project).await.map_err(map_write_error)? {
        return Err(AppError::NotFound("project"));
    }
    user.audit(&app, "project.update", "project", &project.id, json!({ "changed": changed })).await;
    app.announce.project_updated(&project).await;
    app.catalog.refresh();
    Ok(Json(project))
}

/// Delete a project with its executions, plans and configuration. Its workspace directory is
/// left on disk: it holds the user's work.
#[utoipa::path(
    delete,
    path = "/api/projects/{id}",
    tag = "projects",
    params(("id" = String, Path, description = "Project id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 404, body = ErrorBody),
        (status = 409, description = "An execution of the project is running", body = ErrorBody),
    )
)]
async fn delete_project(
    State(app): State<AppState>,
    Operator(user): Operator,
    UrlPath(id): UrlPath<String>,
) -> Result<StatusCode, AppError> {
    let mut tx = app.db.writer.begin().await?;
    if store::projects::has_active_execution(&mut *tx, &id).await? {
        return Err(AppError::Conflict {
            message: "the project has a queued or running execution: stop it before deleting the project"
                .into(),
            field: None,
        });
    }
    if !store::projects::delete(&mut tx, &id).await? {
        return Err(AppError::NotFound("project"));
    }
    tx.commit().await?;
    user.audit(&app, "project.delete", "project", &id, json!({})).await;
    app.announce.project_deleted(&id).await;
    app.catalog.refresh();
    Ok(StatusCode::NO_CONTENT)
}

fn name_conflict() -> AppError {
    AppError::Conflict { message: "a project with this name already exists".into(), field: Some("name") }
}

/// A duplicate name that slipped past the check (two requests at once) is still a 409.
fn map_write_error(error: sqlx::Error) -> AppError {
    if store::is_unique_violation(&error) { name_conflict() } else { error.into() }
}

/// Creates the workspace directory if needed; a path that cannot be a directory is the
/// client's mistake, so it answers 422 with the operating system's reason.
pub(crate) async fn ensure_workspace(dir: &Path) -> Result<(), AppError> {
    let refuse = |reason: String| {
        AppError::invalid("workspace_dir", format!("cannot use {}: {reason}", dir.display()))
    };
    tokio::fs::create_dir_all(dir).await.map_err(|e| refuse(e.to_string()))?;
    let metadata = tokio::fs::metadata(dir).await.map_err(|e| refuse(e.to_string()))?;
    if !metadata.is_dir() {
        return Err(refuse("it is not a directory".into()));
    }
    Ok(())
}
