//! The signed-in user's notifications: list, mark read, mark all read.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::extract::AppQuery;
use crate::{
    app::AppState,
    auth::Viewer,
    domain::field_errors::FieldErrors,
    error::{AppError, ErrorBody},
    store::{self, notifications::Notification},
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_notifications))
        .routes(routes!(mark_read))
        .routes(routes!(mark_all_read))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListParams {
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
    cursor: Option<String>,
    /// Only those not read yet.
    #[serde(default)]
    unread_only: bool,
}

/// One page of notifications, newest first, and how many are unread in all.
#[derive(Debug, Serialize, ToSchema)]
pub struct NotificationPage {
    pub items: Vec<Notification>,
    pub next_cursor: Option<String>,
    pub unread: i64,
}

/// Your notifications (API tokens have none).
#[utoipa::path(get, path = "/api/notifications", tag = "notifications", params(ListParams),
    responses((status = 200, body = NotificationPage), (status = 422, body = ErrorBody)))]
async fn list_notifications(
    State(app): State<AppState>,
    Viewer(user): Viewer,
    AppQuery(params): AppQuery<ListParams>,
) -> Result<Json<NotificationPage>, AppError> {
    let mut errors = FieldErrors::new();
    let (limit, after) = super::pagination::page(params.limit, params.cursor, &mut errors);
    errors.into_result()?;
    let (items, next) =
        store::notifications::list(&app.db.reader, &user.id, params.unread_only, after.as_ref(), limit)
            .await?;
    let unread = store::notifications::unread_count(&app.db.reader, &user.id).await?;
    Ok(Json(NotificationPage { items, next_cursor: next.map(|c| c.encode()), unread }))
}

/// Mark one notification read.
#[utoipa::path(post, path = "/api/notifications/{id}/read", tag = "notifications",
    params(("id" = String, Path, description = "Notification id")),
    responses((status = 204, description = "Read"), (status = 404, body = ErrorBody)))]
async fn mark_read(
    State(app): State<AppState>,
    Viewer(user): Viewer,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    if store::notifications::mark_read(&app.db.writer, &user.id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound("notification"))
    }
}

/// Mark every notification read.
#[utoipa::path(post, path = "/api/notifications/read-all", tag = "notifications",
    responses((status = 204, description = "All read")))]
async fn mark_all_read(State(app): State<AppState>, Viewer(user): Viewer) -> Result<StatusCode, AppError> {
    store::notifications::mark_all_read(&app.db.writer, &user.id).await?;
    Ok(StatusCode::NO_CONTENT)
}
