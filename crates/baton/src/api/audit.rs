use axum::{Json, extract::State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::extract::AppQuery;
use crate::{
    app::AppState,
    auth::Admin,
    error::{AppError, ErrorBody},
    store::{
        self,
        audit::{AuditEntry, AuditFilter},
    },
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_audit))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct AuditParams {
    /// Page size, 1–200 (default 50).
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
    /// Username or token name.
    user: Option<String>,
    /// e.g. `project.create`, `auth.login_failed`.
    action: Option<String>,
    /// e.g. `project`, `user`, `token`, `session`.
    resource: Option<String>,
    resource_id: Option<String>,
}

/// One page of the audit log, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditPage {
    pub items: Vec<AuditEntry>,
    pub next_cursor: Option<String>,
}

/// The audit log: every change, who made it, when and from where.
#[utoipa::path(
    get,
    path = "/api/audit",
    tag = "audit",
    params(AuditParams),
    responses((status = 200, body = AuditPage), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody))
)]
async fn list_audit(
    State(app): State<AppState>,
    _: Admin,
    AppQuery(params): AppQuery<AuditParams>,
) -> Result<Json<AuditPage>, AppError> {
    let limit = params.limit.unwrap_or(50);
    if !(1..=200).contains(&limit) {
        return Err(AppError::invalid("limit", format!("must be between 1 and 200 (got {limit})")));
    }
    let before_id = match params.cursor.filter(|c| !c.is_empty()) {
        Some(cursor) => Some(
            cursor
                .parse::<i64>()
                .map_err(|_| AppError::invalid("cursor", "is not a cursor this server issued"))?,
        ),
        None => None,
    };
    let blank_to_none = |value: Option<String>| value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let filter = AuditFilter {
        actor: blank_to_none(params.user),
        action: blank_to_none(params.action),
        resource_type: blank_to_none(params.resource),
        resource_id: blank_to_none(params.resource_id),
        before_id,
        limit,
    };
    let (items, more) = store::audit::list(&app.db.reader, &filter).await?;
    let next_cursor = if more { items.last().map(|entry| entry.id.to_string()) } else { None };
    Ok(Json(AuditPage { items, next_cursor }))
}
