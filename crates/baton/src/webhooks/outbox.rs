//! The outbox: each committed event of a kind webhooks receive becomes one delivery row per
//! active webhook whose filter and project match, in one transaction, before the socket hears
//! of it. The sender is woken after each insert.

use std::sync::Arc;

use futures_util::future::BoxFuture;
use serde_json::Value;
use tokio::sync::Notify;
use uuid::Uuid;

use super::EVENTS;
use crate::{
    domain::timestamp::Timestamp,
    realtime::{Event, hub::EventTap},
    store::{self, Db, webhook_deliveries::DeliveryRecord, webhooks::WebhookRecord},
};

/// Stores deliveries and wakes the sender. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Outbox {
    db: Db,
    wake: Arc<Notify>,
}

impl Outbox {
    pub fn new(db: Db) -> Self {
        Self { db, wake: Arc::new(Notify::new()) }
    }

    /// What the sender waits on between rounds.
    pub fn wakeup(&self) -> Arc<Notify> {
        self.wake.clone()
    }

    /// Tells the sender that a delivery is due now.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// Stores a delivery of `event` for each active webhook that wants it; returns how many.
    pub async fn enqueue(
        &self,
        event: &str,
        data: &Value,
        project_id: Option<&str>,
    ) -> anyhow::Result<usize> {
        let webhooks = store::webhooks::active_for(&self.db.reader, project_id).await?;
        let wanted: Vec<&WebhookRecord> = webhooks.iter().filter(|w| wants(&w.events, event)).collect();
        if wanted.is_empty() {
            return Ok(0);
        }
        let now = Timestamp::now();
        let mut tx = self.db.writer.begin().await?;
        for webhook in &wanted {
            store::webhook_deliveries::insert(
                &mut *tx,
                &new_delivery(&webhook.id, event, data.clone(), now, None),
            )
            .await?;
        }
        tx.commit().await?;
        self.wake();
        Ok(wanted.len())
    }
}

/// A delivery due now.
pub fn new_delivery(
    webhook_id: &str,
    event: &str,
    data: Value,
    now: Timestamp,
    redelivery_of: Option<String>,
) -> DeliveryRecord {
    DeliveryRecord {
        id: Uuid::now_v7().to_string(),
        webhook_id: webhook_id.to_owned(),
        event: event.to_owned(),
        data,
        status: "pending".into(),
        attempts: 0,
        next_attempt_at: Some(now),
        last_status_code: None,
        last_error: None,
        redelivery_of,
        created_at: now,
    }
}

impl EventTap for Outbox {
    fn offer<'a>(&'a self, event: &'a Event) -> BoxFuture<'a, ()> {
        Box::pin(async move {
            if !delivered(event) {
                return;
            }
            let project_id = project_of(event);
            if let Err(error) = self.enqueue(event.name, &event.payload, project_id.as_deref()).await {
                tracing::warn!(
                    event = event.name,
                    error = format!("{error:#}"),
                    "could not store webhook deliveries"
                );
            }
        })
    }
}

/// Whether webhooks get this event. A Claude Code session "completes" after every answer, so
/// only its start and its failures are sent (as in notifications).
fn delivered(event: &Event) -> bool {
    if !EVENTS.contains(&event.name) {
        return false;
    }
    let session = event.payload.pointer("/execution/kind").and_then(Value::as_str) == Some("session");
    !(session && event.name == "execution:completed")
}

/// The project an event belongs to: its project room, or a `project_id` in its payload.
fn project_of(event: &Event) -> Option<String> {
    let from_room = event.rooms.iter().find_map(|room| room.strip_prefix("project:")).map(str::to_owned);
    from_room.or_else(|| event.payload.get("project_id").and_then(Value::as_str).map(str::to_owned))
}

/// Whether a webhook with these filters wants `event`: empty means every event; otherwise an
/// exact name, `prefix:*`, or `*`.
pub fn wants(filters: &[String], event: &str) -> bool {
    filters.is_empty()
        || filters.iter().any(|filter| match filter.strip_suffix('*') {
            Some(prefix) => event.starts_with(prefix),
            None => filter == event,
        })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn filters(list: &[&str]) -> Vec<String> {
        list.iter().map(|f| (*f).to_owned()).collect()
    }

    #[test]
    fn filters_match_exact_names_prefixes_and_everything() {
        assert!(wants(&[], "execution:failed"));
        assert!(wants(&filters(&["execution:failed"]), "execution:failed"));
        assert!(!wants(&filters(&["execution:failed"]), "execution:completed"));
        assert!(wants(&filters(&["execution:*"]), "execution:completed"));
        assert!(!wants(&filters(&["execution:*"]), "project:updated"));
        assert!(wants(&filters(&["project:deleted", "mcp:*"]), "mcp:status"));
        assert!(wants(&filters(&["*"]), "project:deleted"));
    }

    #[test]
    fn the_project_comes_from_the_rooms_or_the_payload() {
        let rooms = vec!["global".to_owned(), "execution:e1".to_owned(), "project:p1".to_owned()];
        let event = Event::new("execution:failed", rooms, json!({}));
        assert_eq!(project_of(&event).as_deref(), Some("p1"));
        let event = Event::new("mcp:status", vec!["global".into()], json!({"project_id": "p2"}));
        assert_eq!(project_of(&event).as_deref(), Some("p2"));
        let event = Event::new("mcp:status", vec!["global".into()], json!({"project_id": null}));
        assert_eq!(project_of(&event), None);
    }

    #[test]
    fn chatty_events_and_session_completions_are_not_delivered() {
        let event = |name, kind| Event::new(name, vec![], json!({"execution": {"kind": kind}}));
        assert!(delivered(&event("execution:completed", "plan")));
        assert!(delivered(&event("execution:failed", "session")));
        assert!(!delivered(&event("execution:completed", "session")));
        assert!(!delivered(&event("execution:progress", "plan")));
        assert!(!delivered(&Event::new("system:health", vec![], json!({}))));
    }
}
