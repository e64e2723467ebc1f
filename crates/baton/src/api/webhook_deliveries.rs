//! The delivery log of a webhook, "send a test event" and "redeliver". Viewers read the log;
//! operators send.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::{extract::AppQuery, webhooks::find};
use crate::{
    app::AppState,
    auth::{Operator, Viewer},
    domain::{field_errors::FieldErrors, timestamp::Timestamp},
    error::{AppError, ErrorBody},
    store::{
        self,
        webhook_deliveries::{AttemptRecord, DeliveryRecord},
    },
    webhooks::{TEST_EVENT, outbox::new_delivery, sender},
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_deliveries))
        .routes(routes!(send_test))
        .routes(routes!(redeliver))
}

/// One event for one webhook, and every attempt to send it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Delivery {
    /// Also the `Baton-Delivery` header and the body's `id`.
    pub id: String,
    pub webhook_id: String,
    pub event: String,
    /// `pending` (not tried yet), `delivered`, `failed` (will be retried) or `dead` (given up).
    pub status: String,
    pub attempts: i64,
    /// When it is tried next, while pending or failed.
    #[schema(value_type = Option<String>, format = DateTime)]
    pub next_attempt_at: Option<Timestamp>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    pub last_status_code: Option<i64>,
    pub last_error: Option<String>,
    /// The delivery this one sends again.
    pub redelivery_of: Option<String>,
    /// The body sent: `{id, event, created_at, data}`.
    #[schema(value_type = Object)]
    pub payload: Value,
    /// Oldest first.
    pub attempts_log: Vec<Attempt>,
}

/// One try.
#[derive(Debug, Serialize, ToSchema)]
pub struct Attempt {
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    pub status_code: Option<i64>,
    pub duration_ms: i64,
    pub error: Option<String>,
    /// The first KiB of the answer.
    pub response_excerpt: Option<String>,
}

impl Delivery {
    fn new(record: DeliveryRecord, attempts: Vec<AttemptRecord>) -> Self {
        let waiting = matches!(record.status.as_str(), "pending" | "failed");
        Self {
            payload: sender::body(&record),
            next_attempt_at: record.next_attempt_at.filter(|_| waiting),
            attempts_log: attempts
                .into_iter()
                .map(|a| Attempt {
                    at: a.at,
                    status_code: a.status_code,
                    duration_ms: a.duration_ms,
                    error: a.error,
                    response_excerpt: a.response_excerpt,
                })
                .collect(),
            id: record.id,
            webhook_id: record.webhook_id,
            event: record.event,
            status: record.status,
            attempts: record.attempts,
            created_at: record.created_at,
            last_status_code: record.last_status_code,
            last_error: record.last_error,
            redelivery_of: record.redelivery_of,
        }
    }
}

/// One page of deliveries, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryPage {
    pub deliveries: Vec<Delivery>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct PageParams {
    #[param(minimum = 1, maximum = 200)]
    limit: Option<u32>,
    cursor: Option<String>,
}

/// The delivery log of a webhook, newest first, each delivery with its attempts.
#[utoipa::path(get, path = "/api/webhooks/{id}/deliveries", tag = "webhooks",
    params(("id" = String, Path, description = "Webhook id"), PageParams),
    responses((status = 200, body = DeliveryPage), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn list_deliveries(
    State(app): State<AppState>,
    _: Viewer,
    Path(id): Path<String>,
    AppQuery(params): AppQuery<PageParams>,
) -> Result<Json<DeliveryPage>, AppError> {
    let mut errors = FieldErrors::new();
    let (limit, after) = super::pagination::page(params.limit, params.cursor, &mut errors);
    errors.into_result()?;
    find(&app, &id).await?;
    let (records, next) = store::webhook_deliveries::list(&app.db.reader, &id, after.as_ref(), limit).await?;
    let ids: Vec<String> = records.iter().map(|d| d.id.clone()).collect();
    let mut attempts = store::webhook_deliveries::attempts_of(&app.db.reader, &ids).await?;
    let deliveries = records
        .into_iter()
        .map(|delivery| {
            let log = attempts.remove(&delivery.id).unwrap_or_default();
            Delivery::new(delivery, log)
        })
        .collect();
    Ok(Json(DeliveryPage { deliveries, next_cursor: next.map(|c| c.encode()) }))
}

/// Send a `webhook:test` event to the webhook now (whatever its filter, even when inactive).
#[utoipa::path(post, path = "/api/webhooks/{id}/test", tag = "webhooks",
    params(("id" = String, Path, description = "Webhook id")),
    responses((status = 202, description = "Queued", body = Delivery), (status = 404, body = ErrorBody)))]
async fn send_test(
    State(app): State<AppState>,
    Operator(user): Operator,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<Delivery>), AppError> {
    let webhook = find(&app, &id).await?;
    let data = json!({
        "webhook_id": webhook.id,
        "message": "A test event from Baton: this webhook works.",
        "sent_by": user.name,
    });
    queue(&app, new_delivery(&webhook.id, TEST_EVENT, data, Timestamp::now(), None)).await
}

/// Send a delivery's event again, as a new delivery.
#[utoipa::path(post, path = "/api/webhooks/{id}/deliveries/{delivery_id}/redeliver", tag = "webhooks",
    params(("id" = String, Path, description = "Webhook id"), ("delivery_id" = String, Path, description = "Delivery id")),
    responses((status = 202, description = "Queued", body = Delivery), (status = 404, body = ErrorBody)))]
async fn redeliver(
    State(app): State<AppState>,
    _: Operator,
    Path((id, delivery_id)): Path<(String, String)>,
) -> Result<(StatusCode, Json<Delivery>), AppError> {
    let webhook = find(&app, &id).await?;
    let original = store::webhook_deliveries::get(&app.db.reader, &webhook.id, &delivery_id)
        .await?
        .ok_or(AppError::NotFound("delivery"))?;
    let again =
        new_delivery(&webhook.id, &original.event, original.data, Timestamp::now(), Some(original.id));
    queue(&app, again).await
}

async fn queue(app: &AppState, delivery: DeliveryRecord) -> Result<(StatusCode, Json<Delivery>), AppError> {
    store::webhook_deliveries::insert(&app.db.writer, &delivery).await?;
    app.webhooks.outbox.wake();
    Ok((StatusCode::ACCEPTED, Json(Delivery::new(delivery, Vec::new()))))
}
