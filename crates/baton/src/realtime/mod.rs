//! socket.io on the API's port: the authenticated handshake, subscriptions to rooms, and the
//! [`hub`] that sends committed events. The contract is `docs/realtime.md`.

use std::sync::Arc;

use serde::Serialize;
use serde_json::{Value, json};
use socketioxide::{
    SocketIo,
    extract::{AckSender, Extension, SocketRef, TryData},
    handler::ConnectHandler,
    layer::SocketIoLayer,
};

use crate::{
    auth::{Auth, Principal, PrincipalKind},
    domain::user::TokenRole,
    store::{self, Db},
};

/// Building events from what is in the database, for every producer.
pub mod announce;
/// The task that numbers, coalesces and sends events.
pub mod hub;
/// Topics and their rooms.
pub mod subscriptions;

pub use hub::{CommittedLog, Event, Hub};
use subscriptions::Topic;

/// Packets waiting in one socket's send buffer before it counts as lagging. Each holds its own
/// copy of a frame (at most [`hub::FRAME_ENTRIES`] entries), so this bounds a slow client's cost.
const SOCKET_BUFFER: usize = 64;

/// The socket.io server and its hub.
#[derive(Clone)]
pub struct Realtime {
    pub io: SocketIo,
    pub layer: SocketIoLayer,
    pub hub: Hub,
}

impl std::fmt::Debug for Realtime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Realtime").field("instance", &self.hub.instance).finish_non_exhaustive()
    }
}

impl Realtime {
    /// The socket.io service, its handlers and the hub task.
    pub fn start(auth: Arc<Auth>, db: Db) -> Self {
        let (layer, io) = SocketIo::builder().max_buffer_size(SOCKET_BUFFER).build_layer();
        let hub = Hub::start(io.clone());
        let handshake = {
            let auth = auth.clone();
            move |socket: SocketRef, TryData(data): TryData<Value>| {
                let auth = auth.clone();
                async move { authenticate(&auth, &socket, data.ok()).await }
            }
        };
        let connected = {
            let hub = hub.clone();
            move |socket: SocketRef, Extension(principal): Extension<Principal>| {
                let (hub, db) = (hub.clone(), db.clone());
                async move { on_connect(socket, principal, hub, db).await }
            }
        };
        io.ns("/", connected.with(handshake));
        Self { io, layer, hub }
    }

    /// Sockets connected now.
    pub fn clients(&self) -> usize {
        self.io.sockets().len()
    }
}

/// Why a handshake was refused; the text is what the client's `connect_error` says.
#[derive(Debug, thiserror::Error)]
pub enum HandshakeError {
    #[error("authentication required")]
    Missing,
    #[error("invalid or expired token")]
    Invalid,
    #[error("ingest tokens may not subscribe")]
    Ingest,
}

async fn authenticate(auth: &Auth, socket: &SocketRef, data: Option<Value>) -> Result<(), HandshakeError> {
    let token = data
        .as_ref()
        .and_then(|d| d.get("token"))
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .ok_or(HandshakeError::Missing)?;
    let principal = auth.authenticate(token).await.map_err(|_| HandshakeError::Invalid)?;
    if principal.role == TokenRole::Ingest {
        return Err(HandshakeError::Ingest);
    }
    socket.extensions.insert(principal);
    Ok(())
}

#[derive(Serialize)]
struct Hello<'a> {
    instance: &'a str,
    seq: u64,
    user: HelloUser<'a>,
}

#[derive(Serialize)]
struct HelloUser<'a> {
    id: &'a str,
    username: &'a str,
    role: &'static str,
}

const TOPICS: [&str; 5] = ["global", "execution", "logs", "project", "agent"];

async fn on_connect(socket: SocketRef, principal: Principal, hub: Hub, db: Db) {
    if principal.kind == PrincipalKind::User {
        socket.join(subscriptions::user_room(&principal.id));
    }
    for kind in TOPICS {
        let db = db.clone();
        socket.on(
            format!("subscribe:{kind}"),
            move |socket: SocketRef, TryData(data): TryData<Value>, ack: AckSender| {
                let db = db.clone();
                async move {
                    let answer = match topic(kind, data.ok()) {
                        Ok(topic) => match exists(&db, &topic).await {
                            Ok(()) => {
                                socket.join(topic.room());
                                json!({ "ok": true })
                            }
                            Err(error) => json!({ "ok": false, "error": error }),
                        },
                        Err(error) => json!({ "ok": false, "error": error }),
                    };
                    let _ = ack.send(&answer);
                }
            },
        );
        socket.on(
            format!("unsubscribe:{kind}"),
            move |socket: SocketRef, TryData(data): TryData<Value>, ack: AckSender| async move {
                let answer = match topic(kind, data.ok()) {
                    Ok(topic) => {
                        socket.leave(topic.room());
                        json!({ "ok": true })
                    }
                    Err(error) => json!({ "ok": false, "error": error }),
                };
                let _ = ack.send(&answer);
            },
        );
    }
    let hello = Hello {
        instance: &hub.instance,
        seq: hub.seq(),
        user: HelloUser { id: &principal.id, username: &principal.name, role: principal.role.as_str() },
    };
    let _ = socket.emit("hello", &hello);
}

fn topic(kind: &str, data: Option<Value>) -> Result<Topic, String> {
    Topic::parse(kind, &data.unwrap_or(Value::Null))
}

/// Subscribing to something that does not exist is refused, so a typo does not wait forever.
async fn exists(db: &Db, topic: &Topic) -> Result<(), String> {
    let found = match topic {
        Topic::Global | Topic::Agent(_) => return Ok(()),
        Topic::Execution(id) | Topic::Logs { execution_id: id, .. } => {
            store::executions::get(&db.reader, id).await.map(|e| e.is_some())
        }
        Topic::Project(id) => store::projects::get(&db.reader, id).await.map(|p| p.is_some()),
    };
    match (found, topic) {
        (Ok(true), _) => Ok(()),
        (Ok(false), Topic::Project(_)) => Err("id: project not found".into()),
        (Ok(false), Topic::Logs { .. }) => Err("execution_id: execution not found".into()),
        (Ok(false), _) => Err("id: execution not found".into()),
        (Err(error), _) => {
            tracing::error!(error = format!("{error:#}"), "checking a subscription");
            Err("the server could not check the subscription; try again".into())
        }
    }
}
