//! `GET /api/collaboration`: which agents hand work to which, from the plans of recent executions.

use axum::{Json, extract::State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::extract::AppQuery;
use crate::{
    app::AppState,
    auth::Viewer,
    domain::{
        collaboration::{CollaboratingAgent, Handoff, Tally},
        timestamp::Timestamp,
    },
    error::{AppError, ErrorBody},
    store::{self, dashboard::Range},
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(collaboration))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct Params {
    /// `1h`, `24h`, `7d` or `30d` (default): executions created in this window.
    range: Option<Range>,
    /// One project's executions only.
    project_id: Option<String>,
}

/// Agents and their hand-offs over a window.
#[derive(Debug, Serialize, ToSchema)]
pub struct Collaboration {
    pub range: Range,
    /// Every agent with a task in the window, by name.
    pub agents: Vec<CollaboratingAgent>,
    /// Hand-offs, most frequent first.
    pub edges: Vec<Handoff>,
}

/// Which agents hand work to which: an edge from A to B counts the tasks of B that depended on a
/// task of A, over the plans of the executions created in the window.
#[utoipa::path(get, path = "/api/collaboration", tag = "agents", params(Params),
    responses((status = 200, body = Collaboration), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn collaboration(
    State(app): State<AppState>,
    _: Viewer,
    AppQuery(params): AppQuery<Params>,
) -> Result<Json<Collaboration>, AppError> {
    let range = params.range.unwrap_or(Range::Month);
    if let Some(id) = &params.project_id {
        store::projects::get(&app.db.reader, id).await?.ok_or(AppError::NotFound("project"))?;
    }
    let (width, count) = range.buckets();
    let since = Timestamp::now().plus_seconds(-width * count);
    let mut tally = Tally::default();
    store::executions::fold_plans_since(&app.db.reader, since, params.project_id.as_deref(), |plan| {
        tally.add(plan)
    })
    .await?;
    let (agents, edges) = tally.finish();
    Ok(Json(Collaboration { range, agents, edges }))
}
