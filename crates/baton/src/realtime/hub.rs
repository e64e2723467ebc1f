//! The hub: the one task that sends events to sockets.
//!
//! Producers hand it events after their data is committed. It numbers them (`seq`), coalesces
//! log entries into one frame per stream every [`FRAME_EVERY`], and writes each frame to every
//! socket in the rooms it is for without ever waiting: a socket whose send buffer is full is
//! marked lagged, gets nothing more, and is told `lagged` as soon as its buffer has room, so the
//! client re-reads what it missed through the REST API. A slow client therefore costs memory
//! bounded by its buffer and never slows a producer.

use std::{
    collections::{HashMap, HashSet},
    sync::{
        Arc,
        atomic::{AtomicU64, AtomicUsize, Ordering},
    },
    time::Duration,
};

use serde::Serialize;
use serde_json::Value;
use socketioxide::{SendError, SocketError, SocketIo, extract::SocketRef, socket::Sid};
use tokio::sync::mpsc;

use crate::{domain::timestamp::Timestamp, store::logs::LogEntry};

/// How often pending log entries go out, at most.
pub const FRAME_EVERY: Duration = Duration::from_millis(50);
/// Entries in one `log:entry` frame, at most.
pub const FRAME_ENTRIES: usize = 250;
/// Messages waiting for the hub; a producer that finds it full waits for the hub, never for a
/// socket.
const QUEUE: usize = 4_096;

/// An event for the rooms it names.
#[derive(Debug, Clone)]
pub struct Event {
    pub name: &'static str,
    pub rooms: Vec<String>,
    /// A JSON object; the hub adds `seq` and `at`.
    pub payload: Value,
}

impl Event {
    pub fn new(name: &'static str, rooms: Vec<String>, payload: impl Serialize) -> Self {
        let payload = serde_json::to_value(payload).unwrap_or_else(|_| Value::Object(Default::default()));
        Self { name, rooms, payload }
    }
}

/// Something besides the sockets that takes committed events: the outbound webhooks' outbox.
/// It sees each published event before the sockets do, so it must be quick.
pub trait EventTap: Send + Sync + std::fmt::Debug {
    fn offer<'a>(&'a self, event: &'a Event) -> futures_util::future::BoxFuture<'a, ()>;
}

/// A committed log entry and the execution it belongs to.
#[derive(Debug, Clone)]
pub struct CommittedLog {
    pub execution_id: String,
    pub entry: LogEntry,
}

enum Message {
    Event(Event),
    Logs(Vec<CommittedLog>),
}

/// Counters the health endpoint shows.
#[derive(Debug, Default)]
pub struct Stats {
    pub events_sent: AtomicU64,
    pub lagged_clients: AtomicUsize,
    pub queued: AtomicUsize,
}

/// Hands events to the hub task. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Hub {
    sender: mpsc::Sender<Message>,
    stats: Arc<Stats>,
    seq: Arc<AtomicU64>,
    pub instance: Arc<str>,
    /// Set once, when the webhooks' outbox is ready.
    tap: Arc<std::sync::OnceLock<Arc<dyn EventTap>>>,
}

impl Hub {
    /// Starts the hub task for `io`.
    pub fn start(io: SocketIo) -> Self {
        let (sender, receiver) = mpsc::channel(QUEUE);
        let stats = Arc::new(Stats::default());
        let seq = Arc::new(AtomicU64::new(0));
        let task = Task {
            io,
            seq: seq.clone(),
            stats: stats.clone(),
            pending: HashMap::new(),
            pending_count: 0,
            lagged: HashSet::new(),
        };
        tokio::spawn(task.run(receiver));
        Self { sender, stats, seq, instance: uuid::Uuid::new_v4().to_string().into(), tap: Arc::default() }
    }

    /// Sends `event` once everything handed to the hub before it is out.
    pub async fn publish(&self, event: Event) {
        if let Some(tap) = self.tap.get() {
            tap.offer(&event).await;
        }
        self.send(Message::Event(event)).await;
    }

    /// Hands every event published from now on to `tap` as well (the first tap set stays).
    pub fn set_tap(&self, tap: Arc<dyn EventTap>) {
        let _ = self.tap.set(tap);
    }

    /// Log entries that are now in the database.
    pub async fn logs(&self, entries: Vec<CommittedLog>) {
        if !entries.is_empty() {
            self.send(Message::Logs(entries)).await;
        }
    }

    /// The last sequence number sent.
    pub fn seq(&self) -> u64 {
        self.seq.load(Ordering::Relaxed)
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    async fn send(&self, message: Message) {
        self.stats.queued.fetch_add(1, Ordering::Relaxed);
        // Fails only once the hub has stopped (the runtime is shutting down).
        if self.sender.send(message).await.is_err() {
            self.stats.queued.fetch_sub(1, Ordering::Relaxed);
        }
    }
}

struct Task {
    io: SocketIo,
    seq: Arc<AtomicU64>,
    stats: Arc<Stats>,
    /// Entries waiting for the next frame, by execution.
    pending: HashMap<String, Vec<LogEntry>>,
    pending_count: usize,
    /// Sockets that missed an event and have not been told yet.
    lagged: HashSet<Sid>,
}

impl Task {
    async fn run(mut self, mut receiver: mpsc::Receiver<Message>) {
        let mut tick = tokio::time::interval(FRAME_EVERY);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                message = receiver.recv() => {
                    let Some(message) = message else { break };
                    self.stats.queued.fetch_sub(1, Ordering::Relaxed);
                    match message {
                        Message::Logs(entries) => self.buffer(entries),
                        Message::Event(event) => {
                            // Entries always arrive before the event that follows them.
                            self.flush_logs();
                            self.emit(&event);
                        }
                    }
                }
                _ = tick.tick() => {
                    self.flush_logs();
                    self.tell_lagged();
                }
            }
        }
    }

    fn buffer(&mut self, entries: Vec<CommittedLog>) {
        for CommittedLog { execution_id, entry } in entries {
            self.pending_count += 1;
            self.pending.entry(execution_id).or_default().push(entry);
        }
        if self.pending_count >= FRAME_ENTRIES * 8 {
            self.flush_logs();
        }
    }

    fn flush_logs(&mut self) {
        if self.pending_count == 0 {
            return;
        }
        self.pending_count = 0;
        let pending = std::mem::take(&mut self.pending);
        for (execution_id, entries) in pending {
            self.emit_logs(&execution_id, &entries);
        }
    }

    /// One frame (per [`FRAME_ENTRIES`]) for the execution's stream, and per task for the
    /// sockets that follow only that task.
    fn emit_logs(&mut self, execution_id: &str, entries: &[LogEntry]) {
        let whole = format!("logs:{execution_id}");
        let everything = self.io.to(whole.clone()).sockets();
        let whole_sids: HashSet<Sid> = everything.iter().map(|s| s.id).collect();
        for chunk in entries.chunks(FRAME_ENTRIES) {
            self.frame(&everything, execution_id, chunk);
        }
        let mut tasks: Vec<&str> = entries.iter().filter_map(|e| e.task_id.as_deref()).collect();
        tasks.sort_unstable();
        tasks.dedup();
        for task in tasks {
            let only_task: Vec<SocketRef> = self
                .io
                .to(format!("{whole}:{task}"))
                .sockets()
                .into_iter()
                .filter(|s| !whole_sids.contains(&s.id))
                .collect();
            if only_task.is_empty() {
                continue;
            }
            let mine: Vec<LogEntry> =
                entries.iter().filter(|e| e.task_id.as_deref() == Some(task)).cloned().collect();
            for chunk in mine.chunks(FRAME_ENTRIES) {
                self.frame(&only_task, execution_id, chunk);
            }
        }
    }

    fn frame(&mut self, sockets: &[SocketRef], execution_id: &str, entries: &[LogEntry]) {
        if sockets.is_empty() {
            return;
        }
        #[derive(Serialize)]
        struct Frame<'a> {
            execution_id: &'a str,
            entries: &'a [LogEntry],
        }
        let payload = serde_json::to_value(Frame { execution_id, entries }).unwrap_or_default();
        self.deliver(sockets, "log:entry", payload);
    }

    fn emit(&mut self, event: &Event) {
        let mut seen = HashSet::new();
        let sockets: Vec<SocketRef> =
            self.io.to(event.rooms.clone()).sockets().into_iter().filter(|s| seen.insert(s.id)).collect();
        self.deliver(&sockets, event.name, event.payload.clone());
    }

    /// Numbers the payload and writes it to each socket that is not lagging.
    fn deliver(&mut self, sockets: &[SocketRef], name: &str, mut payload: Value) {
        let seq = self.seq.fetch_add(1, Ordering::Relaxed) + 1;
        if let Value::Object(map) = &mut payload {
            map.insert("seq".into(), seq.into());
            map.insert("at".into(), Timestamp::now().to_rfc3339().into());
        }
        // Serialized once; each socket gets a copy of the text.
        let Ok(raw) = serde_json::value::to_raw_value(&payload) else { return };
        for socket in sockets {
            if self.lagged.contains(&socket.id) {
                continue;
            }
            match socket.emit(name, &*raw) {
                Ok(()) => {
                    self.stats.events_sent.fetch_add(1, Ordering::Relaxed);
                }
                Err(SendError::Socket(SocketError::InternalChannelFull)) => {
                    self.lagged.insert(socket.id);
                }
                Err(_) => {}
            }
        }
        self.stats.lagged_clients.store(self.lagged.len(), Ordering::Relaxed);
    }

    /// Tells each lagging socket that it lagged, once its buffer has room for the message.
    fn tell_lagged(&mut self) {
        if self.lagged.is_empty() {
            return;
        }
        let lagged: Vec<Sid> = self.lagged.iter().copied().collect();
        for sid in lagged {
            let Some(socket) = self.io.get_socket(sid) else {
                self.lagged.remove(&sid);
                continue;
            };
            let seq = self.seq.fetch_add(1, Ordering::Relaxed) + 1;
            let payload = LaggedPayload {
                seq,
                at: Timestamp::now().to_rfc3339(),
                reason: "your connection fell behind: events were dropped; re-read through the API",
            };
            match socket.emit("lagged", &payload) {
                Ok(()) => {
                    self.lagged.remove(&sid);
                }
                Err(SendError::Socket(SocketError::InternalChannelFull)) => {}
                Err(_) => {
                    self.lagged.remove(&sid);
                }
            }
        }
        self.stats.lagged_clients.store(self.lagged.len(), Ordering::Relaxed);
    }
}

#[derive(Serialize)]
struct LaggedPayload {
    seq: u64,
    at: String,
    reason: &'static str,
}
