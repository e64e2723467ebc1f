//! What the dashboard reads: the system's health, what agents are doing, executions over time
//! and the recent-activity feed.

use axum::{Json, extract::State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::extract::AppQuery;
use crate::{
    app::AppState,
    auth::Viewer,
    domain::{field_errors::FieldErrors, timestamp::Timestamp},
    error::{AppError, ErrorBody},
    host::{HostLoad, ProcessLoad},
    runner::Load,
    store::{
        self, DB_FILE,
        activity::ActivityItem,
        dashboard::{AgentStatus, Bucket, Range},
    },
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(system_health))
        .routes(routes!(agent_statuses))
        .routes(routes!(metrics_over_time))
        .routes(routes!(activity))
}

/// The database files' sizes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DatabaseSize {
    pub size_bytes: u64,
    /// The write-ahead log, not yet folded into the database file.
    pub wal_bytes: u64,
}

/// socket.io clients.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RealtimeLoad {
    pub clients: usize,
    /// Clients that fell behind and have not been told yet.
    pub lagged_clients: usize,
    /// Events written to sockets since Baton started.
    pub events_sent: u64,
    /// Messages waiting for the hub.
    pub queued: usize,
}

/// Everything the dashboard's health indicators show.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SystemHealth {
    #[schema(example = "ok")]
    pub status: &'static str,
    pub version: &'static str,
    #[schema(value_type = String, format = DateTime)]
    pub started_at: Timestamp,
    pub uptime_s: u64,
    pub host: HostLoad,
    pub process: ProcessLoad,
    pub database: DatabaseSize,
    pub realtime: RealtimeLoad,
    pub queues: Load,
}

/// Host, process, database, clients and queues, now.
pub fn health_now(app: &AppState) -> SystemHealth {
    use std::sync::atomic::Ordering::Relaxed;
    let (host, process) = app.sampler.sample(&app.data_dir);
    let size = |name: &str| std::fs::metadata(app.data_dir.join(name)).map_or(0, |m| m.len());
    let stats = app.realtime.hub.stats();
    let uptime = app.started.elapsed();
    SystemHealth {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        started_at: Timestamp::now().plus_seconds(-i64::try_from(uptime.as_secs()).unwrap_or(0)),
        uptime_s: uptime.as_secs(),
        host,
        process,
        database: DatabaseSize { size_bytes: size(DB_FILE), wal_bytes: size(&format!("{DB_FILE}-wal")) },
        realtime: RealtimeLoad {
            clients: app.realtime.clients(),
            lagged_clients: stats.lagged_clients.load(Relaxed),
            events_sent: stats.events_sent.load(Relaxed),
            queued: stats.queued.load(Relaxed),
        },
        queues: app.engine.load(),
    }
}

/// Host CPU, memory and disk; database size; connected clients; queue depths; uptime.
#[utoipa::path(get, path = "/api/system/health", tag = "system",
    responses((status = 200, body = SystemHealth)))]
async fn system_health(State(app): State<AppState>, _: Viewer) -> Json<SystemHealth> {
    // A few small reads of /proc: quick enough to do here.
    Json(health_now(&app))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AgentStatuses {
    pub agents: Vec<AgentStatus>,
}

/// Every agent that has run a task: running ones first (with what), then by when last seen.
#[utoipa::path(get, path = "/api/agents/status", tag = "agents",
    responses((status = 200, body = AgentStatuses)))]
async fn agent_statuses(State(app): State<AppState>, _: Viewer) -> Result<Json<AgentStatuses>, AppError> {
    let agents = store::dashboard::agent_statuses(&app.db.reader, None).await?;
    Ok(Json(AgentStatuses { agents }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct MetricsParams {
    /// `1h` (5-minute buckets), `24h` (hourly, the default), `7d` (6-hourly) or `30d` (daily).
    #[param(value_type = Option<String>, example = "24h")]
    range: Option<Range>,
}

/// Executions and tasks that ended over a window, in buckets.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExecutionMetricsSeries {
    pub range: Range,
    pub bucket_seconds: i64,
    /// Oldest first; the last holds now.
    pub buckets: Vec<Bucket>,
}

/// Executions per bucket by outcome, task duration percentiles, tokens and cost.
#[utoipa::path(get, path = "/api/metrics/executions", tag = "executions", params(MetricsParams),
    responses((status = 200, body = ExecutionMetricsSeries), (status = 422, body = ErrorBody)))]
async fn metrics_over_time(
    State(app): State<AppState>,
    _: Viewer,
    AppQuery(params): AppQuery<MetricsParams>,
) -> Result<Json<ExecutionMetricsSeries>, AppError> {
    let range = params.range.unwrap_or(Range::Day);
    let (bucket_seconds, buckets) =
        store::dashboard::execution_buckets(&app.db.reader, range, Timestamp::now()).await?;
    Ok(Json(ExecutionMetricsSeries { range, bucket_seconds, buckets }))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ActivityParams {
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
    /// RFC 3339: items before this time (for the next page, the `at` of the last item).
    before: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityPage {
    /// Newest first.
    pub items: Vec<ActivityItem>,
}

/// What happened lately: executions and tasks that started and ended.
#[utoipa::path(get, path = "/api/activity", tag = "executions", params(ActivityParams),
    responses((status = 200, body = ActivityPage), (status = 422, body = ErrorBody)))]
async fn activity(
    State(app): State<AppState>,
    _: Viewer,
    AppQuery(params): AppQuery<ActivityParams>,
) -> Result<Json<ActivityPage>, AppError> {
    let mut errors = FieldErrors::new();
    let (limit, _) = super::pagination::page(params.limit, None, &mut errors);
    let before = params.before.and_then(|b| {
        errors.check("before", Timestamp::from_db(&b).map_err(|_| "must be an RFC 3339 time".to_owned()))
    });
    errors.into_result()?;
    let items = store::activity::list(&app.db.reader, before, limit).await?;
    Ok(Json(ActivityPage { items }))
}
