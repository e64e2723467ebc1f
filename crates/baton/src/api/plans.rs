use axum::{
    Json,
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, StatusCode, header},
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::extract::{AppQuery, parse_json};
use crate::{
    app::AppState,
    auth::{Operator, Viewer},
    domain::{
        plan::{Plan, PlanInput},
        project::Project,
        timestamp::Timestamp,
    },
    error::{AppError, ErrorBody},
    store::{self, plans::PlanRecord},
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_plans, create_plan)).routes(routes!(
        get_plan,
        update_plan,
        delete_plan
    ))
}

/// The plans of a project.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanList {
    pub items: Vec<PlanRecord>,
    /// The plan `POST /api/projects/{id}/start` runs when given none.
    pub default_plan_id: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct SaveParams {
    /// Make this the project's default plan.
    default: Option<bool>,
}

/// Reads a plan written as JSON or YAML (by Content-Type) and validates it.
pub fn parse_plan_body(headers: &HeaderMap, body: &[u8]) -> Result<Plan, AppError> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let input: PlanInput = if content_type.contains("yaml") {
        serde_norway::from_slice(body).map_err(|error| match error.location() {
            Some(at) => {
                AppError::invalid("body", format!("{error} (line {}, column {})", at.line(), at.column()))
            }
            None => AppError::invalid("body", error.to_string()),
        })?
    } else if content_type.contains("json") {
        parse_json(body)?
    } else {
        return Err(AppError::UnsupportedMediaType);
    };
    Ok(Plan::parse(input)?)
}

async fn project_of(app: &AppState, id: &str) -> Result<Project, AppError> {
    store::projects::get(&app.db.reader, id).await?.ok_or(AppError::NotFound("project"))
}

/// List a project's plans.
#[utoipa::path(get, path = "/api/projects/{id}/plans", tag = "plans",
    params(("id" = String, Path, description = "Project id")),
    responses((status = 200, body = PlanList), (status = 404, body = ErrorBody)))]
async fn list_plans(
    State(app): State<AppState>,
    _: Viewer,
    Path(id): Path<String>,
) -> Result<Json<PlanList>, AppError> {
    project_of(&app, &id).await?;
    let items = store::plans::list_for_project(&app.db.reader, &id).await?;
    let default_plan_id = store::plans::default_plan_id(&app.db.reader, &id).await?;
    Ok(Json(PlanList { items, default_plan_id }))
}

/// Save a plan (JSON, or YAML with `Content-Type: application/yaml`).
#[utoipa::path(post, path = "/api/projects/{id}/plans", tag = "plans",
    params(("id" = String, Path, description = "Project id"), SaveParams),
    request_body(content = PlanInput, content_type = "application/json"),
    responses((status = 201, body = PlanRecord), (status = 404, body = ErrorBody), (status = 422, description = "A cycle, an unknown dependency, a duplicate id, an empty plan or a bad duration", body = ErrorBody)))]
async fn create_plan(
    State(app): State<AppState>,
    Operator(user): Operator,
    Path(id): Path<String>,
    AppQuery(params): AppQuery<SaveParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<PlanRecord>), AppError> {
    let plan = parse_plan_body(&headers, &body)?;
    project_of(&app, &id).await?;
    let now = Timestamp::now();
    let record = PlanRecord {
        id: uuid::Uuid::now_v7().to_string(),
        project_id: id.clone(),
        name: plan.name.clone(),
        plan,
        created_at: now,
        updated_at: now,
    };
    let mut tx = app.db.writer.begin().await?;
    store::plans::save(&mut tx, &record).await?;
    if params.default == Some(true) {
        store::plans::set_default(&mut *tx, &id, Some(&record.id)).await?;
    }
    tx.commit().await?;
    user.audit(&app, "plan.create", "plan", &record.id, json!({ "name": record.name, "project_id": id }))
        .await;
    Ok((StatusCode::CREATED, Json(record)))
}

/// Get a plan.
#[utoipa::path(get, path = "/api/plans/{id}", tag = "plans",
    params(("id" = String, Path, description = "Plan id")),
    responses((status = 200, body = PlanRecord), (status = 404, body = ErrorBody)))]
async fn get_plan(
    State(app): State<AppState>,
    _: Viewer,
    Path(id): Path<String>,
) -> Result<Json<PlanRecord>, AppError> {
    Ok(Json(store::plans::get(&app.db.reader, &id).await?.ok_or(AppError::NotFound("plan"))?))
}

/// Replace a plan. Executions already started keep the plan they started with.
#[utoipa::path(put, path = "/api/plans/{id}", tag = "plans",
    params(("id" = String, Path, description = "Plan id"), SaveParams),
    request_body(content = PlanInput, content_type = "application/json"),
    responses((status = 200, body = PlanRecord), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_plan(
    State(app): State<AppState>,
    Operator(user): Operator,
    Path(id): Path<String>,
    AppQuery(params): AppQuery<SaveParams>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<PlanRecord>, AppError> {
    let plan = parse_plan_body(&headers, &body)?;
    let mut record = store::plans::get(&app.db.reader, &id).await?.ok_or(AppError::NotFound("plan"))?;
    record.name = plan.name.clone();
    record.plan = plan;
    record.updated_at = Timestamp::now_after(record.updated_at);
    let mut tx = app.db.writer.begin().await?;
    store::plans::save(&mut tx, &record).await?;
    if params.default == Some(true) {
        store::plans::set_default(&mut *tx, &record.project_id, Some(&record.id)).await?;
    }
    tx.commit().await?;
    user.audit(&app, "plan.update", "plan", &record.id, json!({ "name": record.name })).await;
    Ok(Json(record))
}

/// Delete a plan.
#[utoipa::path(delete, path = "/api/plans/{id}", tag = "plans",
    params(("id" = String, Path, description = "Plan id")),
    responses((status = 204, description = "Deleted"), (status = 404, body = ErrorBody)))]
async fn delete_plan(
    State(app): State<AppState>,
    Operator(user): Operator,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    let mut tx = app.db.writer.begin().await?;
    if !store::plans::delete(&mut tx, &id).await? {
        return Err(AppError::NotFound("plan"));
    }
    tx.commit().await?;
    user.audit(&app, "plan.delete", "plan", &id, json!({})).await;
    Ok(StatusCode::NO_CONTENT)
}
