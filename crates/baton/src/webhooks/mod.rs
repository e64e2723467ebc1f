//! Outbound webhooks: committed events are written to an outbox (one delivery row per event and
//! matching webhook) and a background sender posts them, signed, retrying with backoff over
//! hours. Deliveries are rows, so those pending when Baton stops are sent after it starts again.
//!
//! The request: `POST <url>` with `{id, event, created_at, data}` and the headers
//! `Baton-Delivery`, `Baton-Event`, `Baton-Signature` (see [`signature`]) and the webhook's own.

use std::time::Duration;

/// The refused destinations: loopback, private, link-local and metadata addresses.
pub mod guard;
/// Which events reach which webhooks, and storing deliveries for them.
pub mod outbox;
/// The backoff schedule and which outcomes are retried.
pub mod retry;
/// Sending one delivery: the guarded HTTP client, the signed request, capped responses.
pub mod sender;
/// `Baton-Signature`: signing and verifying.
pub mod signature;
/// Checking what an admin sends for a webhook.
pub mod spec;
/// The background task that sends due deliveries.
pub mod worker;

pub use outbox::Outbox;

/// The events webhooks can receive. Task-level events are left out on purpose: a plan can have
/// hundreds of tasks, and a webhook per task floods receivers; `execution:*` says when a run
/// ends and how it went.
pub const EVENTS: &[&str] = &[
    "execution:started",
    "execution:completed",
    "execution:failed",
    "execution:cancelled",
    "project:updated",
    "project:deleted",
    "mcp:status",
    "webhook:test",
];

/// The event a test delivery carries.
pub const TEST_EVENT: &str = "webhook:test";

/// How deliveries are sent; from the command line.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `--allow-private-webhooks`.
    pub allow_private: bool,
    /// `--webhook-backoff-base`: the first wait of the retry schedule.
    pub backoff_base: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Self { allow_private: false, backoff_base: retry::DEFAULT_BASE }
    }
}

impl Options {
    pub fn guard(&self) -> guard::Guard {
        guard::Guard { allow_private: self.allow_private }
    }
}

/// What handlers and the sender share: the outbox and the options. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Webhooks {
    pub outbox: Outbox,
    pub options: Options,
}

/// Per-request limits, from `settings.webhooks` (see [`worker::limits`]).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// How long a receiver has to answer, body included.
    pub timeout: Duration,
    /// Attempts before a delivery is dead.
    pub max_attempts: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self { timeout: Duration::from_secs(10), max_attempts: 10 }
    }
}
