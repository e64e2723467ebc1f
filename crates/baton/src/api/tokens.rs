use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

use super::extract::AppJson;
use crate::{
    app::AppState,
    auth::{Admin, secrets},
    domain::{timestamp::Timestamp, user::TokenRole},
    error::{AppError, ErrorBody},
    store::{self, api_tokens::ApiTokenRecord},
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_tokens, create_token)).routes(routes!(revoke_token))
}

/// An API token as listed: never its secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiToken {
    pub id: String,
    pub name: String,
    pub role: TokenRole,
    /// The first characters of the token, to tell tokens apart.
    #[schema(example = "baton_Xk3f")]
    pub prefix: String,
    /// Username of the admin who created it.
    pub created_by: Option<String>,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_used_at: Option<Timestamp>,
}

impl From<ApiTokenRecord> for ApiToken {
    fn from(token: ApiTokenRecord) -> Self {
        Self {
            id: token.id,
            name: token.name,
            role: token.role,
            prefix: token.prefix,
            created_by: token.created_by,
            created_at: token.created_at,
            last_used_at: token.last_used_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateToken {
    /// What the token is for, e.g. "claude hooks on laptop".
    pub name: String,
    /// `ingest` may only post events (hooks, notify); other roles act like a user with that role.
    pub role: TokenRole,
}

/// A new token: the only time its secret is shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedToken {
    pub id: String,
    pub name: String,
    pub role: TokenRole,
    pub prefix: String,
    /// The secret. Store it now: Baton keeps only its hash.
    pub token: String,
}

/// List API tokens that have not been revoked.
#[utoipa::path(get, path = "/api/tokens", tag = "tokens", responses((status = 200, body = Vec<ApiToken>), (status = 403, body = ErrorBody)))]
async fn list_tokens(State(app): State<AppState>, _: Admin) -> Result<Json<Vec<ApiToken>>, AppError> {
    Ok(Json(store::api_tokens::list_active(&app.db.reader).await?.into_iter().map(ApiToken::from).collect()))
}

/// Create an API token.
#[utoipa::path(
    post,
    path = "/api/tokens",
    tag = "tokens",
    request_body = CreateToken,
    responses((status = 201, body = CreatedToken), (status = 422, body = ErrorBody))
)]
async fn create_token(
    State(app): State<AppState>,
    Admin(admin): Admin,
    AppJson(request): AppJson<CreateToken>,
) -> Result<(StatusCode, Json<CreatedToken>), AppError> {
    let name = request.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::invalid("name", "must be 1 to 100 characters"));
    }
    let (record, secret) = create(&app, name, request.role, Some(&admin.id)).await?;
    admin
        .audit(&app, "token.create", "token", &record.id, json!({ "name": record.name, "role": record.role }))
        .await;
    let created = CreatedToken {
        id: record.id,
        name: record.name,
        role: record.role,
        prefix: record.prefix,
        token: secret,
    };
    Ok((StatusCode::CREATED, Json(created)))
}

/// Creates a token (for the API and the CLI); returns it with its secret.
pub async fn create(
    app: &AppState,
    name: &str,
    role: TokenRole,
    created_by: Option<&str>,
) -> Result<(ApiTokenRecord, String), AppError> {
    let secret = secrets::generate(secrets::API_TOKEN_PREFIX);
    let record = ApiTokenRecord {
        id: Uuid::now_v7().to_string(),
        name: name.to_owned(),
        role,
        prefix: secret.chars().take(secrets::API_TOKEN_PREFIX.len() + 4).collect(),
        token_hash: secrets::hash(&secret),
        created_by: created_by.map(str::to_owned),
        created_at: Timestamp::now(),
        last_used_at: None,
    };
    store::api_tokens::insert(&app.db.writer, &record).await?;
    app.auth.token_created(record.clone());
    Ok((record, secret))
}

/// Revoke an API token: it stops working at once.
#[utoipa::path(
    delete,
    path = "/api/tokens/{id}",
    tag = "tokens",
    params(("id" = String, Path, description = "Token id")),
    responses((status = 204, description = "Revoked"), (status = 404, body = ErrorBody))
)]
async fn revoke_token(
    State(app): State<AppState>,
    Admin(admin): Admin,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    if !store::api_tokens::revoke(&app.db.writer, &id).await? {
        return Err(AppError::NotFound("token"));
    }
    app.auth.token_revoked(&id);
    admin.audit(&app, "token.revoke", "token", &id, json!({})).await;
    Ok(StatusCode::NO_CONTENT)
}
