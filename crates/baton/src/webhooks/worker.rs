//! The sender: one background task that wakes when the outbox has something new or the next
//! delivery is due, sends due deliveries a few at a time, logs each attempt and schedules the
//! next one. A delivery being sent is leased (its due time moved past the timeout), so it is not
//! picked twice and, if Baton stops mid-send, is sent again after it starts.

use std::time::Duration;

use anyhow::Context;
use serde_json::json;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use super::{
    Limits,
    retry::{self, Outcome},
    sender::{self, Request, Sender, Sent},
};
use crate::{
    app::AppState,
    domain::timestamp::Timestamp,
    realtime::{Event, subscriptions::GLOBAL},
    store::{
        self,
        webhook_deliveries::{AttemptRecord, AttemptResult, DeliveryRecord},
    },
    vault,
};

/// Deliveries sent at once.
const CONCURRENCY: usize = 4;
/// The longest the sender sleeps without looking at the outbox.
const IDLE: Duration = Duration::from_secs(60);
/// How much longer than the timeout a delivery being sent stays leased.
const LEASE_MARGIN: Duration = Duration::from_secs(5);

/// The limits in force now (`webhooks.timeout` and `.max_attempts` of the global
/// configuration: a change applies from the next attempt).
pub fn limits(state: &AppState) -> Limits {
    let settings = state.settings.current();
    Limits { timeout: settings.webhooks.timeout, max_attempts: settings.webhooks.max_attempts }
}

/// Runs until `stop`; deliveries being sent then are left leased, to be sent again later.
pub async fn run(state: AppState, stop: CancellationToken) {
    let sender = match Sender::new(state.webhooks.options.guard()) {
        Ok(sender) => sender,
        Err(error) => {
            tracing::error!(error = format!("{error:#}"), "webhooks cannot be sent: no HTTP client");
            return;
        }
    };
    let wake = state.webhooks.outbox.wakeup();
    let mut sending: JoinSet<()> = JoinSet::new();
    loop {
        let wait = match start_due(&state, &sender, &mut sending).await {
            Ok(wait) => wait,
            Err(error) => {
                tracing::warn!(error = format!("{error:#}"), "could not read the webhook outbox");
                Duration::from_secs(5)
            }
        };
        let full = sending.len() >= CONCURRENCY;
        tokio::select! {
            () = stop.cancelled() => break,
            () = wake.notified() => {}
            () = tokio::time::sleep(wait), if !full => {}
            Some(_) = sending.join_next(), if !sending.is_empty() => {}
        }
    }
    sending.abort_all();
}

/// Starts as many due deliveries as there is room for; returns how long until the next one is
/// due.
async fn start_due(state: &AppState, sender: &Sender, sending: &mut JoinSet<()>) -> anyhow::Result<Duration> {
    let free = CONCURRENCY.saturating_sub(sending.len());
    if free > 0 {
        let now = Timestamp::now();
        let limits = limits(state);
        let due = store::webhook_deliveries::due(&state.db.reader, now, free as u32)
            .await
            .context("due deliveries")?;
        for delivery in due {
            let lease = now.plus_millis(duration_ms(limits.timeout + LEASE_MARGIN));
            store::webhook_deliveries::lease(&state.db.writer, &delivery.id, lease)
                .await
                .context("leasing")?;
            let (state, sender) = (state.clone(), sender.clone());
            sending.spawn(async move {
                let id = delivery.id.clone();
                if let Err(error) = attempt(&state, &sender, delivery, limits).await {
                    tracing::warn!(
                        delivery_id = id,
                        error = format!("{error:#}"),
                        "a webhook attempt failed to run"
                    );
                }
            });
        }
    }
    let next = store::webhook_deliveries::next_due_at(&state.db.reader).await.context("next due")?;
    let wait = next.map_or(IDLE, |at| {
        Duration::from_millis(u64::try_from(at.unix_millis() - Timestamp::now().unix_millis()).unwrap_or(0))
    });
    Ok(wait.min(IDLE))
}

/// Sends one delivery and records how it went.
async fn attempt(
    state: &AppState,
    sender: &Sender,
    delivery: DeliveryRecord,
    limits: Limits,
) -> anyhow::Result<()> {
    let Some(webhook) = store::webhooks::get(&state.db.reader, &delivery.webhook_id).await? else {
        return Ok(()); // deleted meanwhile: its deliveries went with it
    };
    let sent = match open_request(state, &webhook, &delivery) {
        Ok(request) => sender.send(&request, limits.timeout).await,
        Err(error) => Sent {
            outcome: Outcome::Final,
            status_code: None,
            duration: Duration::ZERO,
            error: Some(error),
            excerpt: None,
            retry_after: None,
        },
    };
    let result = next_step(&delivery, &sent, limits, state.webhooks.options.backoff_base);
    let mut tx = state.db.writer.begin().await?;
    store::webhook_deliveries::record_attempt(&mut tx, &delivery.id, &result).await?;
    tx.commit().await?;
    let payload = json!({
        "webhook_id": webhook.id,
        "delivery_id": delivery.id,
        "event": delivery.event,
        "status": result.status,
        "attempts": delivery.attempts + 1,
        "status_code": sent.status_code,
    });
    state.realtime.hub.publish(Event::new("webhook:delivery", vec![GLOBAL.to_owned()], payload)).await;
    Ok(())
}

/// The request for a delivery, its secrets opened. An error (a secret sealed with another
/// key) is said without the secret.
fn open_request(
    state: &AppState,
    webhook: &store::webhooks::WebhookRecord,
    delivery: &DeliveryRecord,
) -> Result<Request, String> {
    let secret =
        match &webhook.secret {
            Some(sealed) => Some(state.vault.open(sealed).map_err(|_| {
                "the webhook's secret cannot be opened (was the secret key changed?)".to_owned()
            })?),
            None => None,
        };
    let headers = vault::tree::open(&webhook.headers, &state.vault).map_err(|_| {
        "a secret header of the webhook cannot be opened (was the secret key changed?)".to_owned()
    })?;
    let headers = headers
        .as_object()
        .map(|object| {
            object
                .iter()
                .filter_map(|(name, value)| Some((name.clone(), value.as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default();
    Ok(Request {
        url: webhook.url.clone(),
        delivery_id: delivery.id.clone(),
        event: delivery.event.clone(),
        body: sender::body(delivery).to_string().into_bytes(),
        secret,
        headers,
    })
}

/// What an attempt leads to: delivered, dead, or failed with the time of the next try.
pub fn next_step(delivery: &DeliveryRecord, sent: &Sent, limits: Limits, base: Duration) -> AttemptResult {
    let attempts = u32::try_from(delivery.attempts + 1).unwrap_or(u32::MAX);
    let now = Timestamp::now();
    let (status, next_attempt_at) = match sent.outcome {
        Outcome::Delivered => ("delivered", None),
        Outcome::Final => ("dead", None),
        Outcome::Retry if attempts >= limits.max_attempts => ("dead", None),
        Outcome::Retry => {
            let wait = sent.retry_after.unwrap_or_else(|| retry::with_jitter(retry::backoff(base, attempts)));
            ("failed", Some(now.plus_millis(duration_ms(wait))))
        }
    };
    let attempt = AttemptRecord {
        at: now,
        status_code: sent.status_code.map(i64::from),
        duration_ms: duration_ms(sent.duration),
        error: sent.error.clone(),
        response_excerpt: sent.excerpt.clone(),
    };
    AttemptResult { attempt, status, next_attempt_at }
}

fn duration_ms(duration: Duration) -> i64 {
    i64::try_from(duration.as_millis()).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    fn delivery(attempts: i64) -> DeliveryRecord {
        let mut delivery =
            super::super::outbox::new_delivery("w", "webhook:test", Value::Null, Timestamp::now(), None);
        delivery.attempts = attempts;
        delivery
    }

    fn sent(outcome: Outcome, retry_after: Option<Duration>) -> Sent {
        Sent {
            outcome,
            status_code: Some(500),
            duration: Duration::ZERO,
            error: None,
            excerpt: None,
            retry_after,
        }
    }

    #[test]
    fn failures_are_retried_on_schedule_until_the_last_attempt() {
        let limits = Limits { timeout: Duration::from_secs(1), max_attempts: 3 };
        let base = Duration::from_secs(30);
        let first = next_step(&delivery(0), &sent(Outcome::Retry, None), limits, base);
        assert_eq!(first.status, "failed");
        let wait = first.next_attempt_at.expect("next").unix_millis() - Timestamp::now().unix_millis();
        assert!((29_000..=36_100).contains(&wait), "{wait} ms");
        let last = next_step(&delivery(2), &sent(Outcome::Retry, None), limits, base);
        assert_eq!((last.status, last.next_attempt_at), ("dead", None));
        let final_ = next_step(&delivery(0), &sent(Outcome::Final, None), limits, base);
        assert_eq!(final_.status, "dead");
        let ok = next_step(&delivery(1), &sent(Outcome::Delivered, None), limits, base);
        assert_eq!((ok.status, ok.next_attempt_at), ("delivered", None));
    }

    #[test]
    fn retry_after_replaces_the_schedule() {
        let limits = Limits::default();
        let step = next_step(
            &delivery(0),
            &sent(Outcome::Retry, Some(Duration::from_secs(600))),
            limits,
            retry::DEFAULT_BASE,
        );
        let wait = step.next_attempt_at.expect("next").unix_millis() - Timestamp::now().unix_millis();
        assert!((599_000..=600_100).contains(&wait), "{wait} ms");
    }
}
