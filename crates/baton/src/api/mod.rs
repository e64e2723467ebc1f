//! The HTTP API: one module per resource, each with its `router()`; this module joins them,
//! collects the OpenAPI document from the handlers, and answers unknown `/api` routes in the
//! app's error shape.

use std::sync::OnceLock;

use axum::{
    Router,
    http::{HeaderValue, header},
    response::IntoResponse,
    routing::{any, get},
};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::{app::AppState, error::AppError, web};

/// The agent catalog: list, detail, status, metrics.
pub mod agent_catalog;
/// Agent runner configuration.
pub mod agents;
/// The audit log.
pub mod audit;
/// Sign-in, refresh, sign-out, who am I.
pub mod auth;
/// Which agents hand work to which.
pub mod collaboration;
/// Global and project configuration: versions, diffs, reverts, export and import.
pub mod config;
/// Executions: start, watch, cancel, re-run; their logs and metrics.
pub mod executions;
/// Extractors that answer bad input in the app's error shape.
pub mod extract;
/// `GET /api/health`.
pub mod health;
/// Claude Code hooks and orchestrator.sh's webhook.
pub mod ingest;
/// Log entries of executions: pages, filters, server-sent events.
pub mod logs;
/// MCP servers: list, check, history, restart; add, change, remove Baton's own.
pub mod mcp_servers;
/// The signed-in user's notifications.
pub mod notifications;
/// `limit` and `cursor` of newest-first lists.
pub mod pagination;
/// Plans of projects.
pub mod plans;
/// `/api/projects`: the seed's five project endpoints.
pub mod projects;
/// JSON Schemas of editable configuration.
pub mod schemas;
/// The dashboard's reads: system health, agent statuses, metrics over time, activity.
pub mod system;
/// API tokens for scripts and hooks.
pub mod tokens;
/// User management.
pub mod users;
/// The delivery log of outbound webhooks, test events and redelivery.
pub mod webhook_deliveries;
/// Outbound webhooks: where Baton posts events.
pub mod webhooks;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Baton API",
        description = "The HTTP API of Baton, the Agent Orchestrator Dashboard. Every error answers \
                       `{\"error\":{\"code\",\"message\",\"fields\"}}`.",
        license(name = "MIT")
    ),
    tags(
        (name = "system", description = "Health and metadata"),
        (name = "auth", description = "Sign-in sessions: access tokens and the refresh cookie"),
        (name = "projects", description = "Projects: units of work with a workspace directory and settings"),
        (name = "plans", description = "DAGs of agent tasks, in JSON or YAML"),
        (name = "executions", description = "Runs of plans: tasks, logs, metrics, cancel, re-run"),
        (name = "agents", description = "The agent catalog: definitions, status, metrics, and how each agent runs"),
        (name = "integrations", description = "Events from Claude Code hooks and orchestrator.sh (ingest tokens)"),
        (name = "notifications", description = "What each user is told about: failures, completions, budgets, retries"),
        (name = "users", description = "People who sign in, and their roles (admin only)"),
        (name = "tokens", description = "API tokens for scripts and hooks (admin only)"),
        (name = "audit", description = "Who changed what, when and from where (admin only)"),
        (name = "config", description = "Baton's configuration and each project's: versions, diffs, reverts, export and import"),
        (name = "mcp", description = "MCP servers: discovered from Claude Code's files or added in Baton, checked, restarted"),
        (name = "webhooks", description = "Outbound webhooks: signed event deliveries to other systems, retried, with a log"),
    ),
    components(schemas(crate::error::ErrorBody, crate::settings::GlobalConfig, crate::settings::ProjectConfig)),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
struct ApiDoc;

/// Every route needs `Authorization: Bearer <access token or API token>` unless its operation
/// says `security(())`.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

fn documented_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(health::router())
        .merge(auth::router())
        .merge(projects::router())
        .merge(users::router())
        .merge(tokens::router())
        .merge(audit::router())
        .merge(plans::router())
        .merge(executions::router())
        .merge(logs::router())
        .merge(agents::router())
        .merge(agent_catalog::router())
        .merge(collaboration::router())
        .merge(config::router())
        .merge(ingest::router())
        .merge(schemas::router())
        .merge(system::router())
        .merge(notifications::router())
        .merge(mcp_servers::router())
        .merge(webhooks::router())
        .merge(webhook_deliveries::router())
}

/// The OpenAPI document, generated from the handlers' annotations.
pub fn openapi_json() -> &'static str {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        let (_, openapi) = documented_routes().split_for_parts();
        openapi.to_pretty_json().unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    })
}

/// Every route of the application: the API, its documentation, and the web app.
pub fn router() -> Router<AppState> {
    let (api, _) = documented_routes().split_for_parts();
    api.route("/api/openapi.json", get(openapi_document))
        .route("/api/docs", get(web::api_docs_page))
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(web::serve)
}

async fn openapi_document() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], openapi_json())
}

async fn api_not_found() -> AppError {
    AppError::NotFound("API route")
}

async fn method_not_allowed() -> AppError {
    AppError::MethodNotAllowed
}
