use std::{collections::HashSet, path::PathBuf};

use axum::{
    Json,
    body::Bytes,
    extract::{Path, State},
    http::StatusCode,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::extract::{AppJson, AppQuery, parse_json};
use crate::{
    app::AppState,
    auth::{Operator, Principal, Viewer},
    domain::{
        execution::{ExecutionStatus, TaskStatus},
        field_errors::FieldErrors,
        plan::{Plan, PlanInput},
        timestamp::Timestamp,
    },
    error::{AppError, ErrorBody},
    runner::StartRequest,
    store::{
        self,
        executions::{Execution, ListFilter, SortCursor, SortKey},
        logs::Metric,
        summaries::{ExecutionSummary, Totals, totals},
        tasks::TaskAttempt,
    },
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_executions, create_execution))
        .routes(routes!(get_execution))
        .routes(routes!(cancel_execution))
        .routes(routes!(rerun_execution))
        .routes(routes!(execution_metrics))
        .routes(routes!(start_project))
        .routes(routes!(stop_project))
}

/// An execution with its plan, every task attempt and its totals.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExecutionDetail {
    #[serde(flatten)]
    pub execution: Execution,
    pub plan: Option<Plan>,
    /// Every attempt of every task, in plan order.
    pub tasks: Vec<TaskAttempt>,
    pub totals: Totals,
}

/// `POST /api/executions`: a saved plan or an inline one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateExecution {
    pub project_id: String,
    pub plan_id: Option<String>,
    pub plan: Option<PlanInput>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StartProject {
    /// The plan to run; the project's default plan when absent.
    pub plan_id: Option<String>,
}

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Rerun {
    /// Only the tasks that did not complete, and what depends on them.
    #[serde(default)]
    pub failed_only: bool,
    /// Only this task and what depends on it, directly or not.
    pub from_task: Option<String>,
}

/// One page of executions, in the order asked for.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExecutionPage {
    pub items: Vec<ExecutionSummary>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListParams {
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
    cursor: Option<String>,
    project_id: Option<String>,
    status: Option<ExecutionStatus>,
    /// Executions with a task of this agent.
    agent: Option<String>,
    /// RFC 3339: created at or after.
    since: Option<String>,
    /// RFC 3339: created before.
    until: Option<String>,
    /// Queued or running only.
    #[serde(default)]
    active: bool,
    /// Text in the execution's or its project's name, or the start of its id.
    q: Option<String>,
    /// What to order by: `created_at` (the default), `cost` or `duration`.
    #[param(inline)]
    sort: Option<SortKey>,
    /// `desc` (the default) or `asc`.
    #[param(value_type = Option<String>, pattern = "^(asc|desc)$")]
    order: Option<String>,
}

/// List executions.
#[utoipa::path(get, path = "/api/executions", tag = "executions", params(ListParams),
    responses((status = 200, body = ExecutionPage), (status = 422, body = ErrorBody)))]
async fn list_executions(
    State(app): State<AppState>,
    _: Viewer,
    AppQuery(params): AppQuery<ListParams>,
) -> Result<Json<ExecutionPage>, AppError> {
    let mut errors = FieldErrors::new();
    let (limit, _) = super::pagination::page(params.limit, None, &mut errors);
    let sort = params.sort.unwrap_or_default();
    let ascending = match params.order.as_deref() {
        None | Some("desc") => false,
        Some("asc") => true,
        Some(_) => {
            errors.add("order", "must be asc or desc");
            false
        }
    };
    let after = params.cursor.filter(|c| !c.is_empty()).and_then(|text| {
        let cursor = SortCursor::decode(&text, sort);
        if cursor.is_none() {
            errors.add("cursor", "is not a cursor this server issued for this sort");
        }
        cursor
    });
    let q = params.q.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty());
    if q.as_ref().is_some_and(|q| q.chars().count() > 200) {
        errors.add("q", "must be at most 200 characters");
    }
    let mut time = |field: &str, value: Option<String>| {
        value.and_then(|v| {
            errors.check(field, Timestamp::from_db(&v).map_err(|_| "must be an RFC 3339 time".to_owned()))
        })
    };
    let since = time("since", params.since);
    let until = time("until", params.until);
    errors.into_result()?;
    let filter = ListFilter {
        project_id: params.project_id,
        status: params.status,
        active: params.active,
        agent: params.agent,
        since,
        until,
        q,
        sort,
        ascending,
        after,
        limit,
    };
    let (items, next) = store::executions::list(&app.db.reader, &filter).await?;
    let next_cursor = next.map(|c| c.encode());
    let items = store::summaries::summarize(&app.db.reader, items).await?;
    Ok(Json(ExecutionPage { items, next_cursor }))
}

/// Start an execution of a saved plan (`plan_id`) or of a plan given inline (`plan`).
#[utoipa::path(post, path = "/api/executions", tag = "executions", request_body = CreateExecution,
    responses((status = 201, body = ExecutionDetail), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_execution(
    State(app): State<AppState>,
    Operator(user): Operator,
    AppJson(request): AppJson<CreateExecution>,
) -> Result<(StatusCode, Json<ExecutionDetail>), AppError> {
    let (plan, plan_id) = match (request.plan_id, request.plan) {
        (Some(_), Some(_)) => return Err(AppError::invalid("plan", "give either plan_id or plan, not both")),
        (Some(plan_id), None) => (saved_plan(&app, &plan_id, &request.project_id).await?, Some(plan_id)),
        (None, Some(input)) => (Plan::parse(input).map_err(|e| prefix_fields(e, "plan"))?, None),
        (None, None) => return Err(AppError::invalid("plan_id", "give plan_id or an inline plan")),
    };
    let id = start(&app, &user, &request.project_id, plan, plan_id, None).await?;
    Ok((StatusCode::CREATED, Json(detail(&app, &id).await?)))
}

/// Start the project's default plan, or the plan given.
#[utoipa::path(post, path = "/api/projects/{id}/start", tag = "executions",
    params(("id" = String, Path, description = "Project id")), request_body = StartProject,
    responses((status = 201, body = ExecutionDetail), (status = 404, body = ErrorBody), (status = 422, description = "The project has no default plan", body = ErrorBody)))]
async fn start_project(
    State(app): State<AppState>,
    Operator(user): Operator,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<(StatusCode, Json<ExecutionDetail>), AppError> {
    let requested = optional_json::<StartProject>(&body)?.plan_id;
    let plan_id = match requested {
        Some(plan_id) => plan_id,
        None => {
            store::projects::get(&app.db.reader, &id).await?.ok_or(AppError::NotFound("project"))?;
            store::plans::default_plan_id(&app.db.reader, &id).await?.ok_or_else(|| {
                AppError::invalid(
                    "plan_id",
                    "the project has no default plan: give plan_id or save a plan as the default",
                )
            })?
        }
    };
    let plan = saved_plan(&app, &plan_id, &id).await?;
    let execution = start(&app, &user, &id, plan, Some(plan_id), None).await?;
    Ok((StatusCode::CREATED, Json(detail(&app, &execution).await?)))
}

/// What `stop` cancelled.
#[derive(Debug, Serialize, ToSchema)]
pub struct Stopped {
    pub cancelled: Vec<String>,
}

/// Cancel every queued or running execution of the project.
#[utoipa::path(post, path = "/api/projects/{id}/stop", tag = "executions",
    params(("id" = String, Path, description = "Project id")),
    responses((status = 200, body = Stopped), (status = 404, body = ErrorBody)))]
async fn stop_project(
    State(app): State<AppState>,
    Operator(user): Operator,
    Path(id): Path<String>,
) -> Result<Json<Stopped>, AppError> {
    store::projects::get(&app.db.reader, &id).await?.ok_or(AppError::NotFound("project"))?;
    let active = store::executions::active_for_project(&app.db.reader, &id).await?;
    let cancelled: Vec<String> = active.into_iter().filter(|e| app.engine.cancel(e, &user.name)).collect();
    user.audit(&app, "project.stop", "project", &id, json!({ "cancelled": cancelled })).await;
    Ok(Json(Stopped { cancelled }))
}

/// An execution with its tasks and totals.
#[utoipa::path(get, path = "/api/executions/{id}", tag = "executions",
    params(("id" = String, Path, description = "Execution id")),
    responses((status = 200, body = ExecutionDetail), (status = 404, body = ErrorBody)))]
async fn get_execution(
    State(app): State<AppState>,
    _: Viewer,
    Path(id): Path<String>,
) -> Result<Json<ExecutionDetail>, AppError> {
    Ok(Json(detail(&app, &id).await?))
}

/// Cancel a running execution: its agents get SIGTERM, then SIGKILL after the grace period.
#[utoipa::path(post, path = "/api/executions/{id}/cancel", tag = "executions",
    params(("id" = String, Path, description = "Execution id")),
    responses((status = 202, description = "Cancelling", body = Execution), (status = 404, body = ErrorBody), (status = 409, description = "It has already ended", body = ErrorBody)))]
async fn cancel_execution(
    State(app): State<AppState>,
    Operator(user): Operator,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<Execution>), AppError> {
    let execution =
        store::executions::get(&app.db.reader, &id).await?.ok_or(AppError::NotFound("execution"))?;
    if execution.status.is_terminal() || !app.engine.cancel(&id, &user.name) {
        return Err(AppError::Conflict {
            message: format!("the execution has already ended ({})", execution.status.as_str()),
            field: None,
        });
    }
    user.audit(&app, "execution.cancel", "execution", &id, json!({})).await;
    Ok((StatusCode::ACCEPTED, Json(execution)))
}

/// Run the execution's plan again; with `failed_only`, only the tasks that did not complete
/// and what depends on them; with `from_task`, that task and what depends on it.
#[utoipa::path(post, path = "/api/executions/{id}/rerun", tag = "executions",
    params(("id" = String, Path, description = "Execution id")), request_body = Rerun,
    responses((status = 201, body = ExecutionDetail), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
async fn rerun_execution(
    State(app): State<AppState>,
    Operator(user): Operator,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<(StatusCode, Json<ExecutionDetail>), AppError> {
    let Rerun { failed_only, from_task } = optional_json::<Rerun>(&body)?;
    if failed_only && from_task.is_some() {
        return Err(AppError::invalid("from_task", "give either failed_only or from_task, not both"));
    }
    let execution =
        store::executions::get(&app.db.reader, &id).await?.ok_or(AppError::NotFound("execution"))?;
    let plan =
        store::executions::plan_of(&app.db.reader, &id).await?.ok_or(AppError::NotFound("execution plan"))?;
    let project_id = execution.project_id.clone().ok_or(AppError::NotFound("project"))?;
    let plan = if failed_only {
        let tasks = store::tasks::list_for_execution(&app.db.reader, &id).await?;
        let completed: HashSet<String> =
            tasks.iter().filter(|t| t.status == TaskStatus::Completed).map(|t| t.task_id.clone()).collect();
        let not_completed: HashSet<String> =
            plan.tasks.iter().map(|t| t.id.clone()).filter(|t| !completed.contains(t)).collect();
        if not_completed.is_empty() {
            return Err(AppError::Conflict {
                message: "every task completed: there is nothing to re-run".into(),
                field: None,
            });
        }
        let selected = plan.with_dependents(&not_completed);
        subplan(&plan, &selected)
    } else if let Some(task) = from_task {
        if plan.task(&task).is_none() {
            return Err(AppError::invalid("from_task", format!("the plan has no task {task:?}")));
        }
        subplan(&plan, &plan.with_dependents(&HashSet::from([task])))
    } else {
        plan
    };
    let new_id = start(&app, &user, &project_id, plan, execution.plan_id.clone(), Some(id)).await?;
    Ok((StatusCode::CREATED, Json(detail(&app, &new_id).await?)))
}

/// Tasks, tokens and cost of an execution, and its recorded metrics.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExecutionMetrics {
    pub cost_usd: f64,
    pub input_tokens: i64,
    pub output_tokens: i64,
    pub totals: Totals,
    pub metrics: Vec<Metric>,
}

#[utoipa::path(get, path = "/api/executions/{id}/metrics", tag = "executions",
    params(("id" = String, Path, description = "Execution id")),
    responses((status = 200, body = ExecutionMetrics), (status = 404, body = ErrorBody)))]
async fn execution_metrics(
    State(app): State<AppState>,
    _: Viewer,
    Path(id): Path<String>,
) -> Result<Json<ExecutionMetrics>, AppError> {
    let detail = detail(&app, &id).await?;
    let metrics = store::logs::metrics(&app.db.reader, &id).await?;
    Ok(Json(ExecutionMetrics {
        cost_usd: detail.execution.cost_usd,
        input_tokens: detail.execution.input_tokens,
        output_tokens: detail.execution.output_tokens,
        totals: detail.totals,
        metrics,
    }))
}

async fn saved_plan(app: &AppState, plan_id: &str, project_id: &str) -> Result<Plan, AppError> {
    let record = store::plans::get(&app.db.reader, plan_id).await?.ok_or(AppError::NotFound("plan"))?;
    if record.project_id != project_id {
        return Err(AppError::invalid("plan_id", "the plan belongs to another project"));
    }
    Ok(record.plan)
}

async fn start(
    app: &AppState,
    user: &Principal,
    project_id: &str,
    plan: Plan,
    plan_id: Option<String>,
    rerun_of: Option<String>,
) -> Result<String, AppError> {
    let project =
        store::projects::get(&app.db.reader, project_id).await?.ok_or(AppError::NotFound("project"))?;
    let workspace_dir =
        project.workspace_dir.map(PathBuf::from).unwrap_or_else(|| app.workspaces_root().join(project_id));
    tokio::fs::create_dir_all(&workspace_dir).await.map_err(|e| {
        AppError::invalid(
            "project_id",
            format!("the project's workspace {} cannot be used: {e}", workspace_dir.display()),
        )
    })?;
    let request = StartRequest {
        project_id: project_id.to_owned(),
        workspace_dir,
        plan,
        plan_id,
        created_by: user.name.clone(),
        rerun_of: rerun_of.clone(),
    };
    let id = app.engine.start(request).await?;
    let action = if rerun_of.is_some() { "execution.rerun" } else { "execution.start" };
    user.audit(app, action, "execution", &id, json!({ "project_id": project_id, "rerun_of": rerun_of }))
        .await;
    Ok(id)
}

/// The execution with its tasks and totals.
pub async fn detail(app: &AppState, id: &str) -> Result<ExecutionDetail, AppError> {
    let execution =
        store::executions::get(&app.db.reader, id).await?.ok_or(AppError::NotFound("execution"))?;
    let plan = store::executions::plan_of(&app.db.reader, id).await?;
    let tasks = store::tasks::list_for_execution(&app.db.reader, id).await?;
    let totals = totals(&execution, &tasks);
    Ok(ExecutionDetail { execution, plan, tasks, totals })
}

/// The plan restricted to `selected`, with dependencies on other tasks dropped (they completed).
fn subplan(plan: &Plan, selected: &HashSet<String>) -> Plan {
    let mut plan = plan.clone();
    plan.tasks.retain(|t| selected.contains(&t.id));
    for task in &mut plan.tasks {
        task.depends_on.retain(|d| selected.contains(d));
    }
    plan
}

/// A JSON body that may be left out (empty means the defaults).
fn optional_json<T: serde::de::DeserializeOwned + Default>(body: &[u8]) -> Result<T, AppError> {
    if body.iter().all(u8::is_ascii_whitespace) { Ok(T::default()) } else { parse_json(body) }
}

fn prefix_fields(errors: FieldErrors, prefix: &str) -> AppError {
    let mut prefixed = FieldErrors::new();
    for (field, message) in errors.to_map() {
        prefixed.add(format!("{prefix}.{field}"), message);
    }
    AppError::Validation(prefixed)
}
