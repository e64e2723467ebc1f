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
    auth::{Admin, password},
    domain::{
        field_errors::FieldErrors,
        timestamp::Timestamp,
        user::{Role, check_password, parse_username},
    },
    error::{AppError, ErrorBody},
    store::{self, users::UserRecord},
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_users, create_user)).routes(routes!(update_user))
}

/// A user as the API shows it (never with the password hash).
#[derive(Debug, Serialize, ToSchema)]
pub struct User {
    pub id: String,
    pub username: String,
    pub role: Role,
    pub disabled: bool,
    #[schema(value_type = String, format = DateTime)]
    pub created_at: Timestamp,
    #[schema(value_type = String, format = DateTime)]
    pub updated_at: Timestamp,
}

impl From<UserRecord> for User {
    fn from(user: UserRecord) -> Self {
        Self {
            id: user.id,
            username: user.username,
            role: user.role,
            disabled: user.disabled,
            created_at: user.created_at,
            updated_at: user.updated_at,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUser {
    /// 1–64 letters, digits, `.`, `_`, `-`, `@`; unique regardless of case.
    pub username: String,
    /// At least 10 characters.
    pub password: String,
    pub role: Role,
}

/// Only the fields sent change. Any change ends the user's sessions.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUser {
    pub role: Option<Role>,
    pub password: Option<String>,
    pub disabled: Option<bool>,
}

/// List users.
#[utoipa::path(get, path = "/api/users", tag = "users", responses((status = 200, body = Vec<User>), (status = 403, body = ErrorBody)))]
async fn list_users(State(app): State<AppState>, _: Admin) -> Result<Json<Vec<User>>, AppError> {
    Ok(Json(store::users::list(&app.db.reader).await?.into_iter().map(User::from).collect()))
}

/// Add a user.
#[utoipa::path(
    post,
    path = "/api/users",
    tag = "users",
    request_body = CreateUser,
    responses((status = 201, body = User), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody))
)]
async fn create_user(
    State(app): State<AppState>,
    Admin(admin): Admin,
    AppJson(request): AppJson<CreateUser>,
) -> Result<(StatusCode, Json<User>), AppError> {
    let mut errors = FieldErrors::new();
    let username = errors.check("username", parse_username(&request.username));
    errors.check("password", check_password(&request.password));
    errors.into_result()?;
    let user = create(&app, username.unwrap_or_default(), request.password, request.role).await?;
    admin
        .audit(&app, "user.create", "user", &user.id, json!({ "username": user.username, "role": user.role }))
        .await;
    Ok((StatusCode::CREATED, Json(user.into())))
}

/// Creates a user (for the API, the CLI and the first start).
pub async fn create(
    app: &AppState,
    username: String,
    password: String,
    role: Role,
) -> Result<UserRecord, AppError> {
    let now = Timestamp::now();
    let user = UserRecord {
        id: Uuid::now_v7().to_string(),
        username,
        password_hash: password::hash(password).await?,
        role,
        disabled: false,
        session_epoch: 0,
        created_at: now,
        updated_at: now,
    };
    store::users::insert(&app.db.writer, &user).await.map_err(|error| {
        if store::is_unique_violation(&error) {
            AppError::Conflict {
                message: "a user with this name already exists".into(),
                field: Some("username"),
            }
        } else {
            error.into()
        }
    })?;
    app.auth.user_changed(&user);
    Ok(user)
}

/// Change a user's role or password, or disable them. Ends all of their sessions.
#[utoipa::path(
    put,
    path = "/api/users/{id}",
    tag = "users",
    params(("id" = String, Path, description = "User id")),
    request_body = UpdateUser,
    responses(
        (status = 200, body = User),
        (status = 404, body = ErrorBody),
        (status = 409, description = "It would leave Baton without an active admin", body = ErrorBody),
        (status = 422, body = ErrorBody),
    )
)]
async fn update_user(
    State(app): State<AppState>,
    Admin(admin): Admin,
    Path(id): Path<String>,
    AppJson(request): AppJson<UpdateUser>,
) -> Result<Json<User>, AppError> {
    if let Some(password) = &request.password {
        check_password(password).map_err(|message| AppError::invalid("password", message))?;
    }
    let mut user = store::users::get(&app.db.reader, &id).await?.ok_or(AppError::NotFound("user"))?;
    let loses_admin = user.role == Role::Admin
        && !user.disabled
        && (request.role.is_some_and(|r| r != Role::Admin) || request.disabled == Some(true));
    if loses_admin && store::users::other_active_admins(&app.db.reader, &user.id).await? == 0 {
        return Err(AppError::Conflict {
            message: "Baton needs at least one active admin: make another user admin first".into(),
            field: None,
        });
    }
    let changed: Vec<&str> = [
        request.role.is_some().then_some("role"),
        request.password.is_some().then_some("password"),
        request.disabled.is_some().then_some("disabled"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(role) = request.role {
        user.role = role;
    }
    if let Some(disabled) = request.disabled {
        user.disabled = disabled;
    }
    if let Some(password) = request.password {
        user.password_hash = password::hash(password).await?;
    }
    end_sessions(&app, &mut user).await?;
    let detail = json!({ "changed": changed, "role": user.role, "disabled": user.disabled });
    admin.audit(&app, "user.update", "user", &user.id, detail).await;
    Ok(Json(user.into()))
}

/// Saves `user` with a new session epoch and revokes its refresh tokens, so every access token
/// and session it had stops working at once.
pub async fn end_sessions(app: &AppState, user: &mut UserRecord) -> Result<(), AppError> {
    user.session_epoch += 1;
    user.updated_at = Timestamp::now_after(user.updated_at);
    let mut tx = app.db.writer.begin().await?;
    if !store::users::update(&mut *tx, user).await? {
        return Err(AppError::NotFound("user"));
    }
    store::refresh_tokens::revoke_user(&mut *tx, &user.id).await?;
    tx.commit().await?;
    app.auth.user_changed(user);
    Ok(())
}
