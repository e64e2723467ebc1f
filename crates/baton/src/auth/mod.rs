//! Who is calling, and what they may do: access tokens (JWT) for people, API tokens for scripts
//! and hooks, the role extractors every handler uses, and the limits on guessing.

use std::{
    collections::HashMap,
    sync::{Mutex, RwLock},
    time::{Duration, Instant},
};

use crate::{
    domain::{timestamp::Timestamp, user::TokenRole},
    error::AppError,
    store::{self, Db, api_tokens::ApiTokenRecord, users::UserRecord},
};

/// Access tokens: HS256 JWTs.
pub mod jwt;
/// argon2id password hashing, off the async runtime.
pub mod password;
/// The caller of a request and the role extractors (`Viewer`, `Operator`, `Admin`, `Ingest`).
pub mod principal;
/// Sliding windows and token buckets.
pub mod rate_limit;
/// Random secrets and their stored hashes.
pub mod secrets;

pub use principal::{Admin, Ingest, Operator, Principal, PrincipalKind, Viewer};

/// How often a token's `last_used_at` is written at most (it is shown to people, not audited).
const TOUCH_EVERY: Duration = Duration::from_secs(60);

/// What the server keeps in memory to check a token without the database.
#[derive(Debug)]
pub struct Auth {
    pub keys: jwt::Keys,
    db: Db,
    /// user id → (session epoch, disabled), mirrored from `users` by every change.
    sessions: RwLock<HashMap<String, (i64, bool)>>,
    /// token hash → token, for tokens not revoked.
    api_tokens: RwLock<HashMap<String, ApiTokenRecord>>,
    touched: Mutex<HashMap<String, Instant>>,
    /// Failed sign-ins per address and per username.
    pub login_failures: rate_limit::SlidingWindow,
    /// Requests per caller on every other route.
    pub requests: rate_limit::TokenBucket,
    /// See `ServeArgs::refresh_reuse_grace_s`.
    pub refresh_reuse_grace_s: i64,
    /// An ingest token that lives only in this process: scripts Baton launches (orchestrator.sh)
    /// report with it through their `WEBHOOK_URL`.
    runner_token: String,
}

impl Auth {
    /// Loads users and tokens from the database; `rate_limit` is requests per second per caller.
    pub async fn load(db: Db, keys: jwt::Keys, rate_limit: u32) -> anyhow::Result<Self> {
        let users = store::users::list(&db.reader).await?;
        let mut tokens = store::api_tokens::list_active(&db.reader).await?;
        let runner_token = secrets::generate(secrets::API_TOKEN_PREFIX);
        tokens.push(ApiTokenRecord {
            id: "baton-runner".into(),
            name: "scripts Baton runs".into(),
            role: TokenRole::Ingest,
            prefix: String::new(),
            token_hash: secrets::hash(&runner_token),
            created_by: None,
            created_at: Timestamp::now(),
            last_used_at: None,
        });
        Ok(Self {
            keys,
            db,
            sessions: RwLock::new(
                users.iter().map(|u| (u.id.clone(), (u.session_epoch, u.disabled))).collect(),
            ),
            api_tokens: RwLock::new(tokens.into_iter().map(|t| (t.token_hash.clone(), t)).collect()),
            touched: Mutex::new(HashMap::new()),
            login_failures: rate_limit::SlidingWindow::new(5, Duration::from_secs(60)),
            requests: rate_limit::TokenBucket::new(rate_limit.saturating_mul(5), rate_limit),
            refresh_reuse_grace_s: 10,
            runner_token,
        })
    }

    /// The ingest token of scripts Baton launches (see the field).
    pub fn runner_token(&self) -> &str {
        &self.runner_token
    }

    /// Checks a bearer token (an access token or an API token). The socket handshake calls this
    /// too, so both doors have the same lock.
    pub async fn authenticate(&self, bearer: &str) -> Result<Principal, AppError> {
        if bearer.starts_with(secrets::API_TOKEN_PREFIX) {
            let hash = secrets::hash(bearer);
            let cached = read(&self.api_tokens).get(&hash).cloned();
            let token = match cached {
                Some(token) => token,
                // Made by `baton token create` in another process: look it up once.
                None => {
                    let token =
                        store::api_tokens::find_active(&self.db.reader, &hash).await?.ok_or_else(|| {
                            AppError::Unauthenticated("the API token is unknown or revoked".into())
                        })?;
                    self.token_created(token.clone());
                    token
                }
            };
            self.touch(&token.id);
            return Ok(Principal {
                id: token.id,
                name: token.name,
                kind: PrincipalKind::ApiToken,
                role: token.role,
                ip: None,
            });
        }
        let now = Timestamp::now().unix_seconds();
        let claims = self.keys.verify(bearer, now).map_err(|e| AppError::Unauthenticated(e.to_string()))?;
        match read(&self.sessions).get(&claims.sub) {
            Some(&(epoch, false)) if epoch == claims.epoch => Ok(Principal {
                id: claims.sub,
                name: claims.name,
                kind: PrincipalKind::User,
                role: claims.role.into(),
                ip: None,
            }),
            _ => Err(AppError::Unauthenticated("this session has ended: sign in again".into())),
        }
    }

    /// A new access token for `user`, and how many seconds it lives.
    pub fn issue_access_token(&self, user: &UserRecord) -> (String, i64) {
        let now = Timestamp::now().unix_seconds();
        let claims = jwt::Claims {
            sub: user.id.clone(),
            name: user.username.clone(),
            role: user.role,
            epoch: user.session_epoch,
            iat: now,
            exp: now + jwt::ACCESS_TOKEN_SECONDS,
        };
        (self.keys.sign(&claims), jwt::ACCESS_TOKEN_SECONDS)
    }

    /// Reloads every user's epoch and disabled flag from the database, so changes made by
    /// `baton user ...` in another process take effect here too.
    pub async fn sync_users(&self) -> anyhow::Result<()> {
        let users = store::users::list(&self.db.reader).await?;
        let fresh: HashMap<String, (i64, bool)> =
            users.iter().map(|u| (u.id.clone(), (u.session_epoch, u.disabled))).collect();
        *write(&self.sessions) = fresh;
        Ok(())
    }

    /// Mirrors a user's current epoch and disabled flag (after any change to them).
    pub fn user_changed(&self, user: &UserRecord) {
        write(&self.sessions).insert(user.id.clone(), (user.session_epoch, user.disabled));
    }

    pub fn token_created(&self, token: ApiTokenRecord) {
        write(&self.api_tokens).insert(token.token_hash.clone(), token);
    }

    pub fn token_revoked(&self, id: &str) {
        write(&self.api_tokens).retain(|_, token| token.id != id);
    }

    /// Records that a token was used, at most once a minute per token, in the background.
    fn touch(&self, id: &str) {
        let now = Instant::now();
        {
            let mut touched = self.touched.lock().unwrap_or_else(|e| e.into_inner());
            if touched.get(id).is_some_and(|at| now.duration_since(*at) < TOUCH_EVERY) {
                return;
            }
            touched.insert(id.to_owned(), now);
        }
        let (db, id) = (self.db.clone(), id.to_owned());
        tokio::spawn(async move {
            if let Err(error) = store::api_tokens::touch(&db.writer, &id, Timestamp::now()).await {
                tracing::warn!(%error, "could not record when an API token was last used");
            }
        });
    }
}

/// Reads a lock even if a thread panicked while holding it: the maps stay consistent because
/// every write is a single insert or removal.
fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|e| e.into_inner())
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|e| e.into_inner())
}
