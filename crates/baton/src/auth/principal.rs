use std::{net::SocketAddr, time::Instant};

use axum::{
    extract::{ConnectInfo, FromRequestParts},
    http::{header::AUTHORIZATION, request::Parts},
};
use serde_json::Value;

use crate::{
    app::AppState,
    domain::user::{Role, TokenRole},
    error::AppError,
    store::{self, audit::NewAuditEntry},
};

/// Whether a person or a script is calling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrincipalKind {
    User,
    ApiToken,
}

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Principal {
    /// User id or API token id.
    pub id: String,
    /// Username or token name.
    pub name: String,
    pub kind: PrincipalKind,
    pub role: TokenRole,
    /// The client's address, for the audit log.
    pub ip: Option<String>,
}

impl Principal {
    /// Records a change made by this caller. A failure to record is logged, not returned: the
    /// change itself has already happened.
    pub async fn audit(
        &self,
        app: &AppState,
        action: &str,
        resource_type: &str,
        resource_id: &str,
        detail: Value,
    ) {
        let entry = NewAuditEntry {
            actor_id: Some(&self.id),
            actor_name: Some(&self.name),
            action,
            resource_type,
            resource_id: Some(resource_id),
            detail,
            ip: self.ip.as_deref(),
        };
        if let Err(error) = store::audit::insert(&app.db.writer, &entry).await {
            tracing::error!(%error, action, "could not write the audit log");
        }
    }
}

/// The client's address as the server saw it.
pub fn client_ip(parts: &Parts) -> Option<String> {
    parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(address)| address.ip().to_string())
}

/// The token of an `Authorization: Bearer <token>` header.
pub fn bearer(parts: &Parts) -> Option<&str> {
    let value = parts.headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim()).filter(|t| !t.is_empty())
}

impl FromRequestParts<AppState> for Principal {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, AppError> {
        if let Some(principal) = parts.extensions.get::<Principal>() {
            return Ok(principal.clone());
        }
        let token = bearer(parts).map(str::to_owned).ok_or_else(|| {
            AppError::Unauthenticated(
                "sign in, or send an API token as `Authorization: Bearer <token>`".into(),
            )
        })?;
        authenticate(parts, app, &token).await
    }
}

async fn authenticate(parts: &mut Parts, app: &AppState, token: &str) -> Result<Principal, AppError> {
    let mut principal = app.auth.authenticate(token).await?;
    principal.ip = client_ip(parts);
    // Ingest tokens sit in agents' paths and post at machine speed; their volume is bounded
    // by the ingest endpoints themselves.
    if principal.role != TokenRole::Ingest {
        app.auth
            .requests
            .take(&principal.id, Instant::now())
            .map_err(|retry_after| AppError::TooManyRequests { retry_after })?;
    }
    parts.extensions.insert(principal.clone());
    Ok(principal)
}

/// The `token` query parameter, for senders that cannot set a header (a legacy script's
/// `WEBHOOK_URL`).
fn query_token(parts: &Parts) -> Option<String> {
    let query = parts.uri.query()?;
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "token")
        .map(|(_, v)| v.into_owned())
        .filter(|t| !t.is_empty())
}

/// Declares an extractor that admits callers whose role is at least `$min`.
macro_rules! role_extractor {
    ($(#[$doc:meta])* $name:ident, $min:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name(pub Principal);

        impl FromRequestParts<AppState> for $name {
            type Rejection = AppError;

            async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, AppError> {
                let principal = Principal::from_request_parts(parts, app).await?;
                match principal.role.role() {
                    Some(role) if role >= $min => Ok(Self(principal)),
                    _ => Err(AppError::Forbidden(format!(
                        "this needs the {} role or higher; {} {:?} has the {} role",
                        $min.as_str(),
                        if principal.kind == PrincipalKind::User { "user" } else { "token" },
                        principal.name,
                        principal.role.as_str()
                    ))),
                }
            }
        }
    };
}

role_extractor!(
    /// Any signed-in person or token that may read (everything but ingest tokens).
    Viewer,
    Role::Viewer
);
role_extractor!(
    /// May start, stop and cancel, and create and edit projects, plans and agent configuration.
    Operator,
    Role::Operator
);
role_extractor!(
    /// May manage users, tokens, global configuration, webhooks, MCP restarts and imports.
    Admin,
    Role::Admin
);

/// May post events: ingest tokens, operators and admins; the token may also come as `?token=`.
#[derive(Debug, Clone)]
pub struct Ingest(pub Principal);

impl FromRequestParts<AppState> for Ingest {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, AppError> {
        let principal = match (bearer(parts), query_token(parts)) {
            (None, Some(token)) => authenticate(parts, app, &token).await?,
            _ => Principal::from_request_parts(parts, app).await?,
        };
        match principal.role {
            TokenRole::Ingest | TokenRole::Operator | TokenRole::Admin => Ok(Self(principal)),
            TokenRole::Viewer => {
                Err(AppError::Forbidden("posting events needs an ingest token, or the operator role".into()))
            }
        }
    }
}
