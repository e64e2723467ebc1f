use axum::{Json, extract::State, http::StatusCode};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

use crate::app::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health))
}

/// Whether Baton and its database answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok`, or `degraded` when the database does not answer.
    #[schema(example = "ok")]
    pub status: &'static str,
    #[schema(example = "0.1.0")]
    pub version: &'static str,
    /// Seconds since this process started.
    pub uptime_s: u64,
    /// `ok` or `error`.
    #[schema(example = "ok")]
    pub db: &'static str,
}

/// Health check, for people and load balancers. Needs no sign-in.
#[utoipa::path(
    get,
    path = "/api/health",
    tag = "system",
    security(()),
    responses(
        (status = 200, description = "Baton is up and its database answers", body = Health),
        (status = 503, description = "The database does not answer", body = Health),
    )
)]
async fn health(State(app): State<AppState>) -> (StatusCode, Json<Health>) {
    let db_ok = app.db.ping().await;
    let health = Health {
        status: if db_ok { "ok" } else { "degraded" },
        version: env!("CARGO_PKG_VERSION"),
        uptime_s: app.started.elapsed().as_secs(),
        db: if db_ok { "ok" } else { "error" },
    };
    let status = if db_ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, Json(health))
}
