//! `/api/webhooks`: outbound webhooks. Viewers read them, admins create, change, delete and
//! rotate their secrets; deliveries are in [`super::webhook_deliveries`]. The inbound
//! `POST /api/webhooks/notify` of orchestrator.sh lives in [`super::ingest`].

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Value, json};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

use super::extract::{AppJson, AppQuery};
use crate::{
    app::AppState,
    auth::{Admin, Viewer, secrets},
    domain::{field_errors::FieldErrors, timestamp::Timestamp},
    error::{AppError, ErrorBody},
    store::{self, webhooks::WebhookRecord},
    vault,
    webhooks::spec,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_webhooks, create_webhook))
        .routes(routes!(get_webhook, update_webhook, delete_webhook))
        .routes(routes!(rotate_secret))
}

/// What generated signing secrets start with.
pub const SECRET_PREFIX: &str = "whsec_";

/// A webhook as the API shows it: secret header values masked, the signing secret never.
#[derive(Debug, Serialize, ToSchema)]
pub struct Webhook {
    pub id: String,
    pub name: String,
    pub url: String,
    /// Event names or `prefix:*`; empty: every event.
    pub events: Vec<String>,
    /// Header name → value, or `{"secret": "********"}` for a secret one.
    #[schema(value_type = Object)]
    pub headers: Value,
    pub active: bool,
    /// The project whose events it gets; null: every project's, and Baton-wide events.
    pub project_id: Option<String>,
    /// Whether requests are signed (always, for webhooks made in Baton).
    pub secret_set: bool,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
    pub last_delivery: Option<LastDelivery>,
}

/// How the newest delivery went.
#[derive(Debug, Serialize, ToSchema)]
pub struct LastDelivery {
    /// `pending`, `delivered`, `failed` (will be retried) or `dead`.
    pub status: String,
    #[schema(value_type = String, format = DateTime)]
    pub at: Timestamp,
    pub status_code: Option<i64>,
}

impl From<WebhookRecord> for Webhook {
    fn from(record: WebhookRecord) -> Self {
        Self {
            headers: vault::tree::mask(&record.headers),
            secret_set: record.secret.is_some(),
            last_delivery: record.last_delivery.map(|last| LastDelivery {
                status: last.status,
                at: last.at,
                status_code: last.status_code,
            }),
            id: record.id,
            name: record.name,
            url: record.url,
            events: record.events,
            active: record.active,
            project_id: record.project_id,
            created_at: record.created_at,
            updated_at: record.updated_at,
        }
    }
}

/// A webhook with its signing secret: only in the answer that made the secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedWebhook {
    #[serde(flatten)]
    pub webhook: Webhook,
    /// Verify `Baton-Signature` with it. Shown only this once.
    pub secret: String,
}

/// A new signing secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct RotatedSecret {
    /// Shown only this once; the previous secret stops signing at once.
    pub secret: String,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    /// Defaults to the URL's host.
    pub name: Option<String>,
    /// `http` or `https`; no user name or password; not a private address unless Baton runs
    /// with `--allow-private-webhooks`.
    pub url: String,
    /// Event names or `prefix:*`; empty or absent: every event.
    #[serde(default)]
    pub events: Vec<String>,
    /// Sent with every request: a string, or `{"secret": "..."}` for a value stored encrypted.
    #[schema(value_type = Option<Object>)]
    pub headers: Option<Value>,
    /// Default true.
    pub active: Option<bool>,
    /// Only this project's events; absent: all events.
    pub project_id: Option<String>,
    /// The signing secret (16–256 characters); generated (`whsec_...`) when absent.
    pub secret: Option<String>,
}

/// Only the fields sent change.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhook {
    pub name: Option<String>,
    pub url: Option<String>,
    pub events: Option<Vec<String>>,
    /// Replaces all headers; a secret value sent back masked keeps its stored value.
    #[schema(value_type = Option<Object>)]
    pub headers: Option<Value>,
    pub active: Option<bool>,
    /// A project id, or null to make the webhook global.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub project_id: Option<Option<String>>,
    /// A new signing secret (16–256 characters); see also `rotate-secret`.
    pub secret: Option<String>,
}

/// A field that is present, even as null, is `Some`.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListParams {
    /// Only the webhooks of this project.
    project_id: Option<String>,
}

/// The webhooks, newest first, each with how its newest delivery went.
#[utoipa::path(get, path = "/api/webhooks", tag = "webhooks", params(ListParams),
    responses((status = 200, body = Vec<Webhook>), (status = 422, body = ErrorBody)))]
async fn list_webhooks(
    State(app): State<AppState>,
    _: Viewer,
    AppQuery(params): AppQuery<ListParams>,
) -> Result<Json<Vec<Webhook>>, AppError> {
    let webhooks = store::webhooks::list(&app.db.reader, params.project_id.as_deref()).await?;
    Ok(Json(webhooks.into_iter().map(Webhook::from).collect()))
}

/// Create a webhook: Baton posts the events it asks for to its URL, signed with its secret.
///
/// Events: `execution:started`, `execution:completed`, `execution:failed`,
/// `execution:cancelled` (cancelled, interrupted or over budget), each with `{execution}` as the
/// socket has it; `project:updated` (`{project}`) and `project:deleted` (`{id}`); `mcp:status`
/// (an MCP server going down or coming back); `webhook:test` (from `POST /api/webhooks/{id}/test`).
/// Filters are exact names, `prefix:*` (e.g. `execution:*`) or `*`. Task events are not sent
/// (too many), nor the `execution:completed` of each answer of a Claude Code session.
///
/// Each request: `POST` with `{id, event, created_at, data}` and the headers `Baton-Delivery`,
/// `Baton-Event`, `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`,
/// `User-Agent: Baton-Webhooks/<version>`, plus the webhook's own. A 2xx answer delivers it;
/// network errors, timeouts, 429 (honouring `Retry-After`) and 5xx are retried with exponential
/// backoff (30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h...) until the delivery is dead;
/// other answers are final. Private, loopback and link-local addresses are refused unless Baton
/// runs with `--allow-private-webhooks`.
#[utoipa::path(post, path = "/api/webhooks", tag = "webhooks", request_body = CreateWebhook,
    responses((status = 201, body = CreatedWebhook), (status = 422, description = "A field is invalid", body = ErrorBody)))]
async fn create_webhook(
    State(app): State<AppState>,
    Admin(admin): Admin,
    AppJson(input): AppJson<CreateWebhook>,
) -> Result<(StatusCode, Json<CreatedWebhook>), AppError> {
    let mut errors = FieldErrors::new();
    let url = errors.check("url", spec::url(&app.webhooks.options.guard(), &input.url));
    let name = match &input.name {
        Some(name) => errors.check("name", spec::name(name)),
        None => url.as_deref().map(spec::default_name),
    };
    let events = spec::events(&input.events, &mut errors);
    let headers = spec::headers(input.headers.as_ref().unwrap_or(&json!({})), &mut errors);
    let secret = match &input.secret {
        Some(secret) => errors.check("secret", spec::secret(secret)),
        None => Some(secrets::generate(SECRET_PREFIX)),
    };
    check_project(&app, input.project_id.as_deref(), &mut errors).await?;
    if let Some(url) = &url {
        check_resolves(&app, url, &mut errors).await;
    }
    let headers = seal_headers(&app, Value::Object(headers), None, &mut errors);
    errors.into_result()?;
    let (Some(url), Some(name), Some(secret)) = (url, name, secret) else {
        return Err(AppError::Internal(anyhow::anyhow!("a checked webhook field is missing")));
    };
    let now = Timestamp::now();
    let record = WebhookRecord {
        id: Uuid::now_v7().to_string(),
        name,
        url,
        events,
        headers,
        active: input.active.unwrap_or(true),
        project_id: input.project_id,
        secret: Some(app.vault.seal(&secret)),
        created_at: now,
        updated_at: now,
        last_delivery: None,
    };
    store::webhooks::insert(&app.db.writer, &record).await?;
    admin
        .audit(
            &app,
            "webhook.create",
            "webhook",
            &record.id,
            json!({ "name": record.name, "events": record.events }),
        )
        .await;
    Ok((StatusCode::CREATED, Json(CreatedWebhook { webhook: record.into(), secret })))
}

/// A webhook.
#[utoipa::path(get, path = "/api/webhooks/{id}", tag = "webhooks",
    params(("id" = String, Path, description = "Webhook id")),
    responses((status = 200, body = Webhook), (status = 404, body = ErrorBody)))]
async fn get_webhook(
    State(app): State<AppState>,
    _: Viewer,
    Path(id): Path<String>,
) -> Result<Json<Webhook>, AppError> {
    Ok(Json(find(&app, &id).await?.into()))
}

/// Change a webhook: only the fields sent change.
#[utoipa::path(put, path = "/api/webhooks/{id}", tag = "webhooks", request_body = UpdateWebhook,
    params(("id" = String, Path, description = "Webhook id")),
    responses((status = 200, body = Webhook), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_webhook(
    State(app): State<AppState>,
    Admin(admin): Admin,
    Path(id): Path<String>,
    AppJson(input): AppJson<UpdateWebhook>,
) -> Result<Json<Webhook>, AppError> {
    let mut webhook = find(&app, &id).await?;
    let mut errors = FieldErrors::new();
    if let Some(url) = &input.url
        && let Some(url) = errors.check("url", spec::url(&app.webhooks.options.guard(), url))
    {
        check_resolves(&app, &url, &mut errors).await;
        webhook.url = url;
    }
    if let Some(name) = input.name.as_deref().and_then(|name| errors.check("name", spec::name(name))) {
        webhook.name = name;
    }
    if let Some(events) = &input.events {
        webhook.events = spec::events(events, &mut errors);
    }
    if let Some(headers) = &input.headers {
        let headers = Value::Object(spec::headers(headers, &mut errors));
        webhook.headers = seal_headers(&app, headers, Some(&webhook.headers), &mut errors);
    }
    if let Some(project_id) = input.project_id {
        check_project(&app, project_id.as_deref(), &mut errors).await?;
        webhook.project_id = project_id;
    }
    if let Some(secret) =
        input.secret.as_deref().and_then(|secret| errors.check("secret", spec::secret(secret)))
    {
        webhook.secret = Some(app.vault.seal(&secret));
    }
    errors.into_result()?;
    webhook.active = input.active.unwrap_or(webhook.active);
    webhook.updated_at = Timestamp::now_after(webhook.updated_at);
    if !store::webhooks::update(&app.db.writer, &webhook).await? {
        return Err(AppError::NotFound("webhook"));
    }
    admin
        .audit(
            &app,
            "webhook.update",
            "webhook",
            &id,
            json!({ "name": webhook.name, "events": webhook.events }),
        )
        .await;
    Ok(Json(find(&app, &id).await?.into()))
}

/// Delete a webhook with its deliveries.
#[utoipa::path(delete, path = "/api/webhooks/{id}", tag = "webhooks",
    params(("id" = String, Path, description = "Webhook id")),
    responses((status = 204, description = "Deleted"), (status = 404, body = ErrorBody)))]
async fn delete_webhook(
    State(app): State<AppState>,
    Admin(admin): Admin,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    if !store::webhooks::delete(&app.db.writer, &id).await? {
        return Err(AppError::NotFound("webhook"));
    }
    admin.audit(&app, "webhook.delete", "webhook", &id, json!({})).await;
    Ok(StatusCode::NO_CONTENT)
}

/// Give a webhook a new generated signing secret, shown once.
#[utoipa::path(post, path = "/api/webhooks/{id}/rotate-secret", tag = "webhooks",
    params(("id" = String, Path, description = "Webhook id")),
    responses((status = 200, body = RotatedSecret), (status = 404, body = ErrorBody)))]
async fn rotate_secret(
    State(app): State<AppState>,
    Admin(admin): Admin,
    Path(id): Path<String>,
) -> Result<Json<RotatedSecret>, AppError> {
    let mut webhook = find(&app, &id).await?;
    let secret = secrets::generate(SECRET_PREFIX);
    webhook.secret = Some(app.vault.seal(&secret));
    webhook.updated_at = Timestamp::now_after(webhook.updated_at);
    if !store::webhooks::update(&app.db.writer, &webhook).await? {
        return Err(AppError::NotFound("webhook"));
    }
    admin.audit(&app, "webhook.rotate_secret", "webhook", &id, json!({})).await;
    Ok(Json(RotatedSecret { secret }))
}

/// The webhook, or 404.
pub async fn find(app: &AppState, id: &str) -> Result<WebhookRecord, AppError> {
    store::webhooks::get(&app.db.reader, id).await?.ok_or(AppError::NotFound("webhook"))
}

async fn check_project(
    app: &AppState,
    project_id: Option<&str>,
    errors: &mut FieldErrors,
) -> Result<(), AppError> {
    if let Some(id) = project_id
        && store::projects::get(&app.db.reader, id).await?.is_none()
    {
        errors.add("project_id", "no project has this id");
    }
    Ok(())
}

/// Refuses a URL whose host resolves to a private address now (sending checks again).
async fn check_resolves(app: &AppState, url: &str, errors: &mut FieldErrors) {
    let Ok(parsed) = reqwest::Url::parse(url) else { return };
    if let Err(refusal) = app.webhooks.options.guard().check_resolves(&parsed).await {
        errors.add("url", refusal.to_string());
    }
}

/// Headers as stored: secret values sealed (a masked one keeps what `previous` holds).
fn seal_headers(app: &AppState, headers: Value, previous: Option<&Value>, errors: &mut FieldErrors) -> Value {
    match vault::tree::seal(&headers, previous, &app.vault) {
        Ok(sealed) => sealed,
        Err(problems) => {
            for (path, message) in problems.to_map() {
                errors.add(format!("headers.{path}"), message);
            }
            json!({})
        }
    }
}
