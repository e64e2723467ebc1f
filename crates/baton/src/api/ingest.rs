//! Events from the tools people already run: Claude Code hooks and orchestrator.sh's
//! `webhook_notify`. Both answer 204 with an empty body once the event is stored (Claude Code
//! reads a JSON body as a decision), and both take an `ingest` token.

use axum::{
    extract::{DefaultBodyLimit, State},
    http::StatusCode,
};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::extract::{AnyJson, INGEST_BODY_LIMIT};
use crate::{
    app::AppState,
    auth::Ingest,
    domain::timestamp::Timestamp,
    error::{AppError, ErrorBody},
    ingest::{
        self,
        report::{Rejected, Report},
    },
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(claude_hook))
        .routes(routes!(legacy_notify))
        .layer(DefaultBodyLimit::max(INGEST_BODY_LIMIT))
}

/// Takes any Claude Code hook event, as Claude Code's `http` hook (or `baton hook`) posts it.
/// Each `session_id` is an execution of kind `session`; subagents are its tasks; tool calls are
/// log entries with their durations; notifications reach people. Answers 204, empty.
#[utoipa::path(post, path = "/api/hooks/claude", tag = "integrations",
    request_body(content = Object, description = "A Claude Code hook event: session_id, hook_event_name, cwd, ..."),
    params(("token" = Option<String>, Query, description = "An ingest token, for senders that cannot set a header")),
    responses((status = 204, description = "Stored"), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn claude_hook(
    State(app): State<AppState>,
    Ingest(by): Ingest,
    AnyJson(body): AnyJson,
) -> Result<StatusCode, AppError> {
    store(&app, ingest::hooks::parse(&body, Timestamp::now()), &by.name).await
}

/// Takes orchestrator.sh's `webhook_notify` events (`event`, `executionId`, `projectId`,
/// `data`, `timestamp`; the ids at the top level or in `data`, any of them missing).
/// Answers 204, empty.
#[utoipa::path(post, path = "/api/webhooks/notify", tag = "integrations",
    request_body(content = Object, description = "{event, executionId?, projectId?, data?, timestamp?}"),
    params(("token" = Option<String>, Query, description = "An ingest token, for scripts that cannot set a header")),
    responses((status = 204, description = "Stored"), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn legacy_notify(
    State(app): State<AppState>,
    Ingest(by): Ingest,
    AnyJson(body): AnyJson,
) -> Result<StatusCode, AppError> {
    store(&app, ingest::notify::parse(&body, Timestamp::now()), &by.name).await
}

async fn store(app: &AppState, report: Result<Report, Rejected>, by: &str) -> Result<StatusCode, AppError> {
    let report = report.map_err(|rejected| AppError::invalid(rejected.field, rejected.problem))?;
    app.intake.submit(report, by).await.map_err(|error| AppError::Internal(anyhow::anyhow!(error)))?;
    Ok(StatusCode::NO_CONTENT)
}
