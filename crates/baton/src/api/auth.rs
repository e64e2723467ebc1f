use std::time::Instant;

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

use super::extract::{AppJson, ClientIp};
use crate::{
    app::AppState,
    auth::{Principal, PrincipalKind, password, secrets},
    domain::{timestamp::Timestamp, user::TokenRole},
    error::{AppError, ErrorBody},
    store::{self, audit::NewAuditEntry, users::UserRecord},
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login))
        .routes(routes!(refresh))
        .routes(routes!(logout))
        .routes(routes!(me))
}

/// The refresh token's cookie: httpOnly, SameSite=Strict, sent only to `/api/auth`.
const REFRESH_COOKIE: &str = "baton_refresh";
/// How long a refresh token (and so a session without activity) lives.
const REFRESH_SECONDS: i64 = 30 * 24 * 60 * 60;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
}

/// Who is signed in.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: String,
    /// The username, or the API token's name.
    pub username: String,
    pub role: TokenRole,
    /// `user` or `token`.
    #[schema(example = "user")]
    pub kind: &'static str,
}

/// A new access token.
#[derive(Debug, Serialize, ToSchema)]
pub struct Session {
    /// Send as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until the access token expires; refresh before then.
    pub expires_in: i64,
    pub user: Me,
}

fn me_of(user: &UserRecord) -> Me {
    Me { id: user.id.clone(), username: user.username.clone(), role: user.role.into(), kind: "user" }
}

/// Sign in with a username and password. Also sets the refresh token cookie.
#[utoipa::path(
    post,
    path = "/api/auth/login",
    tag = "auth",
    request_body = LoginRequest,
    security(()),
    responses(
        (status = 200, body = Session),
        (status = 401, description = "Wrong username or password", body = ErrorBody),
        (status = 429, description = "Too many failed attempts; see Retry-After", body = ErrorBody),
    )
)]
async fn login(
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    AppJson(request): AppJson<LoginRequest>,
) -> Result<Response, AppError> {
    let now = Instant::now();
    let ip_key = format!("ip:{}", ip.as_deref().unwrap_or("unknown"));
    let user_key = format!("user:{}", request.username.trim().to_lowercase());
    for key in [&ip_key, &user_key] {
        app.auth
            .login_failures
            .check(key, now)
            .map_err(|retry_after| AppError::TooManyRequests { retry_after })?;
    }
    let user = store::users::find_by_name(&app.db.reader, request.username.trim()).await?;
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    let verified = password::verify(request.password, hash).await;
    let user = match user {
        Some(user) if verified && !user.disabled => user,
        other => {
            app.auth.login_failures.record(&ip_key, now);
            app.auth.login_failures.record(&user_key, now);
            let reason =
                if other.is_some_and(|u| u.disabled && verified) { "disabled" } else { "bad_credentials" };
            let entry = NewAuditEntry {
                actor_name: Some(request.username.trim()),
                action: "auth.login_failed",
                resource_type: "session",
                detail: json!({ "reason": reason }),
                ip: ip.as_deref(),
                ..Default::default()
            };
            store::audit::insert(&app.db.writer, &entry).await?;
            return Err(AppError::Unauthenticated(if reason == "disabled" {
                "this account is disabled: ask an admin".into()
            } else {
                "wrong username or password".into()
            }));
        }
    };
    app.auth.login_failures.clear(&user_key);
    let family = Uuid::now_v7().to_string();
    let cookie = new_refresh_token(&app, &user.id, &family, is_https(&headers)).await?;
    let entry = NewAuditEntry {
        actor_id: Some(&user.id),
        actor_name: Some(&user.username),
        action: "auth.login",
        resource_type: "session",
        resource_id: Some(&family),
        ip: ip.as_deref(),
        ..Default::default()
    };
    store::audit::insert(&app.db.writer, &entry).await?;
    Ok(session_response(&app, &user, cookie))
}

/// Exchange the refresh token cookie for a new access token; the cookie rotates.
#[utoipa::path(
    post,
    path = "/api/auth/refresh",
    tag = "auth",
    security(()),
    responses(
        (status = 200, body = Session),
        (status = 401, description = "No valid refresh token; sign in again", body = ErrorBody),
    )
)]
async fn refresh(
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let ended = || AppError::Unauthenticated("the session has ended: sign in again".into());
    let presented = refresh_cookie(&headers).ok_or_else(ended)?;
    let mut tx = app.db.writer.begin().await?;
    let token = store::refresh_tokens::find(&mut *tx, &secrets::hash(presented)).await?.ok_or_else(ended)?;
    let now = Timestamp::now();
    let expired = Timestamp::from_db(&token.expires_at).map_or(true, |at| at <= now);
    if token.revoked_at.is_some() || expired {
        return Err(ended());
    }
    if let Some(used_at) = &token.used_at {
        let within_grace =
            Timestamp::from_db(used_at).is_ok_and(|at| at.plus_seconds(app.auth.refresh_reuse_grace_s) > now);
        if !within_grace {
            // A rotated token came back: someone holds a copy. End every session of the family.
            store::refresh_tokens::revoke_family(&mut *tx, &token.family_id).await?;
            let entry = NewAuditEntry {
                actor_id: Some(&token.user_id),
                action: "auth.refresh_reuse",
                resource_type: "session",
                resource_id: Some(&token.family_id),
                ip: ip.as_deref(),
                ..Default::default()
            };
            store::audit::insert(&mut *tx, &entry).await?;
            tx.commit().await?;
            return Err(AppError::Unauthenticated(
                "this refresh token was already used, so its session was ended for safety: sign in again"
                    .into(),
            ));
        }
    } else {
        store::refresh_tokens::mark_used(&mut *tx, &token.id).await?;
    }
    let user =
        store::users::get(&mut *tx, &token.user_id).await?.filter(|u| !u.disabled).ok_or_else(ended)?;
    tx.commit().await?;
    let cookie = new_refresh_token(&app, &user.id, &token.family_id, is_https(&headers)).await?;
    Ok(session_response(&app, &user, cookie))
}

/// Sign out: the refresh token's session ends and the cookie is cleared.
#[utoipa::path(
    post,
    path = "/api/auth/logout",
    tag = "auth",
    responses((status = 204, description = "Signed out"), (status = 401, body = ErrorBody))
)]
async fn logout(
    State(app): State<AppState>,
    principal: Principal,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(presented) = refresh_cookie(&headers)
        && let Some(token) = store::refresh_tokens::find(&app.db.reader, &secrets::hash(presented)).await?
        && token.user_id == principal.id
    {
        store::refresh_tokens::revoke_family(&app.db.writer, &token.family_id).await?;
    }
    principal.audit(&app, "auth.logout", "session", &principal.id, json!({})).await;
    let clear = format!("{REFRESH_COOKIE}=; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age=0");
    Ok((StatusCode::NO_CONTENT, [(header::SET_COOKIE, clear)]).into_response())
}

/// Who the bearer token belongs to.
#[utoipa::path(
    get,
    path = "/api/auth/me",
    tag = "auth",
    responses((status = 200, body = Me), (status = 401, body = ErrorBody))
)]
async fn me(principal: Principal) -> Json<Me> {
    Json(Me {
        id: principal.id,
        username: principal.name,
        role: principal.role,
        kind: if principal.kind == PrincipalKind::User { "user" } else { "token" },
    })
}

/// Stores a new refresh token of `family` and returns its Set-Cookie value.
async fn new_refresh_token(
    app: &AppState,
    user_id: &str,
    family: &str,
    secure: bool,
) -> Result<String, AppError> {
    let token = secrets::generate("");
    let expires = Timestamp::now().plus_seconds(REFRESH_SECONDS);
    let id = Uuid::now_v7().to_string();
    store::refresh_tokens::insert(&app.db.writer, &id, user_id, family, &secrets::hash(&token), expires)
        .await?;
    let secure = if secure { "; Secure" } else { "" };
    Ok(format!(
        "{REFRESH_COOKIE}={token}; Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age={REFRESH_SECONDS}{secure}"
    ))
}

fn session_response(app: &AppState, user: &UserRecord, cookie: String) -> Response {
    let (access_token, expires_in) = app.auth.issue_access_token(user);
    let session = Session { access_token, token_type: "Bearer", expires_in, user: me_of(user) };
    let mut response = Json(session).into_response();
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    // Tokens must not be cached by anything between Baton and the browser.
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn refresh_cookie(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(REFRESH_COOKIE)?.strip_prefix('='))
        .filter(|token| !token.is_empty())
}

/// Behind a TLS-terminating proxy the cookie must be marked Secure.
fn is_https(headers: &HeaderMap) -> bool {
    headers.get("x-forwarded-proto").is_some_and(|proto| proto.as_bytes().eq_ignore_ascii_case(b"https"))
}
