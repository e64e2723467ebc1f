//! Turns changes that are committed into events: reads the rows back (so an event says exactly
//! what the API would) and hands them to the hub. A failure to announce is logged, never
//! returned: the change itself has happened, and clients re-read through the API.

use std::sync::Arc;

use serde::Serialize;
use serde_json::json;

use super::{
    Event, Hub,
    subscriptions::{GLOBAL, agent_room, execution_room, project_room, user_room},
};
use crate::{
    domain::{
        execution::{ExecutionStatus, TaskStatus},
        project::Project,
        timestamp::Timestamp,
    },
    settings::SettingsHub,
    store::{
        self, Db,
        activity::ActivityItem,
        logs::Metric,
        notifications::{NewNotification, Notification},
        summaries::ExecutionSummary,
        tasks::TaskAttempt,
    },
};

/// What happened to a task attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskChange {
    Started,
    /// Anything else (a retry's pending attempt, skipped): progress only.
    Updated,
    Ended,
}

/// Announces committed changes. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Announcer {
    db: Db,
    hub: Hub,
    /// Which kinds of notification go out (`notifications` in the global configuration).
    settings: Option<Arc<SettingsHub>>,
}

impl Announcer {
    pub fn new(db: Db, hub: Hub) -> Self {
        Self { db, hub, settings: None }
    }

    /// Notifications follow the rules of `settings`.
    pub fn with_settings(self, settings: Arc<SettingsHub>) -> Self {
        Self { settings: Some(settings), ..self }
    }

    pub fn hub(&self) -> &Hub {
        &self.hub
    }

    pub async fn execution_started(&self, id: &str) {
        if let Err(error) = self.try_execution_started(id).await {
            tracing::warn!(execution_id = id, error = format!("{error:#}"), "could not announce a start");
        }
    }

    pub async fn task_changed(&self, execution_id: &str, attempt_id: &str, change: TaskChange) {
        if let Err(error) = self.try_task_changed(execution_id, attempt_id, change).await {
            tracing::warn!(execution_id, error = format!("{error:#}"), "could not announce a task change");
        }
    }

    pub async fn execution_ended(&self, id: &str) {
        if let Err(error) = self.try_execution_ended(id).await {
            tracing::warn!(execution_id = id, error = format!("{error:#}"), "could not announce an end");
        }
    }

    /// A task failed and will be tried again.
    pub async fn task_retried(&self, execution_id: &str, task_id: &str, attempt: i64, wait_s: u64) {
        let Ok(Some(summary)) = self.summary(execution_id).await else { return };
        let execution = &summary.execution;
        let new = NewNotification {
            kind: "task_retried",
            title: format!("Task {task_id} is being retried"),
            body: format!(
                "Attempt {attempt} of {task_id} in {} did not succeed; retrying in {wait_s} s.",
                execution.name
            ),
            link: format!("/executions/{execution_id}"),
            execution_id: Some(execution_id.to_owned()),
            project_id: execution.project_id.clone(),
        };
        self.notify(&new).await;
    }

    /// Metrics recorded for an execution.
    pub async fn metrics(&self, execution_id: &str, project_id: Option<&str>, metrics: &[Metric]) {
        let rooms = execution_rooms(execution_id, project_id);
        self.hub
            .publish(Event::new(
                "metric:update",
                rooms,
                json!({ "execution_id": execution_id, "metrics": metrics }),
            ))
            .await;
    }

    /// One metric recorded for an execution.
    pub async fn metric(&self, execution_id: &str, project_id: Option<&str>, name: &str, value: f64) {
        let metric = Metric {
            metric_name: Some(name.to_owned()),
            metric_value: Some(value),
            recorded_at: Some(Timestamp::now()),
        };
        self.metrics(execution_id, project_id, &[metric]).await;
    }

    /// A project Baton created itself (the "Unassigned" project).
    pub async fn project_created(&self, id: &str) {
        match store::projects::get(&self.db.reader, id).await {
            Ok(Some(project)) => self.project_updated(&project).await,
            Ok(None) => {}
            Err(error) => {
                tracing::warn!(project_id = id, error = format!("{error:#}"), "could not announce a project")
            }
        }
    }

    pub async fn project_updated(&self, project: &Project) {
        let rooms = vec![GLOBAL.to_owned(), project_room(&project.id)];
        self.hub.publish(Event::new("project:updated", rooms, json!({ "project": project }))).await;
    }

    pub async fn project_deleted(&self, id: &str) {
        let rooms = vec![GLOBAL.to_owned(), project_room(id)];
        self.hub.publish(Event::new("project:deleted", rooms, json!({ "id": id }))).await;
    }

    /// A configuration document was saved as `version`: Baton's own (`project_id` None) or a
    /// project's.
    pub async fn config_updated(&self, project_id: Option<&str>, version: i64, author: Option<&str>) {
        let payload = json!({
            "scope": if project_id.is_some() { "project" } else { "global" },
            "project_id": project_id, "version": version, "author": author,
        });
        self.hub.publish(Event::new("config:updated", vec![GLOBAL.to_owned()], payload)).await;
    }

    async fn try_execution_started(&self, id: &str) -> anyhow::Result<()> {
        let Some(summary) = self.summary(id).await? else { return Ok(()) };
        let rooms = execution_rooms(id, summary.execution.project_id.as_deref());
        self.hub
            .publish(Event::new("execution:started", rooms, ExecutionPayload { execution: &summary }))
            .await;
        let item = store::activity::for_execution(&self.db.reader, id, "execution_started").await?;
        self.activity(item).await;
        Ok(())
    }

    async fn try_task_changed(
        &self,
        execution_id: &str,
        attempt_id: &str,
        change: TaskChange,
    ) -> anyhow::Result<()> {
        let Some(summary) = self.summary(execution_id).await? else { return Ok(()) };
        let Some(task) = store::tasks::get(&self.db.reader, attempt_id).await? else { return Ok(()) };
        let running = store::tasks::running_in(&self.db.reader, execution_id).await?;
        let rooms = execution_rooms(execution_id, summary.execution.project_id.as_deref());
        let payload = ProgressPayload { execution: &summary, task: &task, running: &running };
        self.hub.publish(Event::new("execution:progress", rooms, payload)).await;
        if change == TaskChange::Updated {
            return Ok(());
        }
        if change == TaskChange::Ended {
            self.agent_metrics(execution_id, &task).await;
        }
        let kind = match (change, task.status) {
            (TaskChange::Started, _) => Some("task_started"),
            (_, TaskStatus::Completed) => Some("task_completed"),
            (_, TaskStatus::Failed) => Some("task_failed"),
            (_, TaskStatus::TimedOut) => Some("task_timed_out"),
            _ => None,
        };
        if let Some(kind) = kind {
            let item = store::activity::for_task(&self.db.reader, attempt_id, kind).await?;
            self.activity(item).await;
        }
        let statuses = store::dashboard::agent_statuses(&self.db.reader, Some(&task.agent)).await?;
        if let Some(status) = statuses.into_iter().next() {
            let rooms = vec![GLOBAL.to_owned(), agent_room(&task.agent)];
            self.hub.publish(Event::new("agent:status", rooms, status)).await;
        }
        Ok(())
    }

    async fn agent_metrics(&self, execution_id: &str, task: &TaskAttempt) {
        let duration_ms = match (task.started_at, task.completed_at) {
            (Some(start), Some(end)) => Some((end.unix_millis() - start.unix_millis()).max(0)),
            _ => None,
        };
        let payload = json!({
            "agent": task.agent,
            "execution_id": execution_id,
            "task_id": task.task_id,
            "status": task.status,
            "duration_ms": duration_ms,
            "input_tokens": task.input_tokens,
            "output_tokens": task.output_tokens,
            "cost_usd": task.cost_usd,
        });
        let rooms = vec![GLOBAL.to_owned(), agent_room(&task.agent)];
        self.hub.publish(Event::new("agent:metrics", rooms, payload)).await;
    }

    async fn try_execution_ended(&self, id: &str) -> anyhow::Result<()> {
        let Some(summary) = self.summary(id).await? else { return Ok(()) };
        let execution = &summary.execution;
        let name = match execution.status {
            ExecutionStatus::Completed => "execution:completed",
            ExecutionStatus::Failed => "execution:failed",
            ExecutionStatus::Cancelled | ExecutionStatus::Interrupted => "execution:cancelled",
            ExecutionStatus::Queued | ExecutionStatus::Running => return Ok(()),
        };
        let rooms = execution_rooms(id, execution.project_id.as_deref());
        self.hub.publish(Event::new(name, rooms, ExecutionPayload { execution: &summary })).await;
        let kind = format!("execution_{}", execution.status.as_str());
        let item = store::activity::for_execution(&self.db.reader, id, &kind).await?;
        self.activity(item).await;
        // A Claude Code session "completes" after every answer; only its failures are news.
        let routine = execution.kind == "session" && execution.status == ExecutionStatus::Completed;
        if !routine {
            self.notify(&ended_notification(&summary)).await;
        }
        Ok(())
    }

    async fn summary(&self, id: &str) -> anyhow::Result<Option<ExecutionSummary>> {
        let Some(execution) = store::executions::get(&self.db.reader, id).await? else { return Ok(None) };
        Ok(store::summaries::summarize(&self.db.reader, vec![execution]).await?.into_iter().next())
    }

    async fn activity(&self, item: Option<ActivityItem>) {
        if let Some(item) = item {
            self.hub.publish(Event::new("activity", vec![GLOBAL.to_owned()], json!({ "item": item }))).await;
        }
    }

    /// Stores the notification for every active user, then tells each of them.
    /// Gives `new` to every active user and tells their open pages.
    pub async fn notify(&self, new: &NewNotification) {
        if self.settings.as_ref().is_some_and(|s| !s.current().notifications.allows(new.kind)) {
            return;
        }
        let made = async {
            let mut tx = self.db.writer.begin().await?;
            let made = store::notifications::insert_for_active_users(&mut tx, new).await?;
            tx.commit().await?;
            anyhow::Ok(made)
        };
        let made = match made.await {
            Ok(made) => made,
            Err(error) => {
                tracing::warn!(
                    error = format!("{error:#}"),
                    kind = new.kind,
                    "could not store a notification"
                );
                return;
            }
        };
        for (user, notification) in made {
            let unread = store::notifications::unread_count(&self.db.reader, &user).await.unwrap_or_default();
            let payload = NotificationPayload { notification: &notification, unread };
            self.hub.publish(Event::new("notification", vec![user_room(&user)], payload)).await;
        }
    }
}

fn execution_rooms(execution_id: &str, project_id: Option<&str>) -> Vec<String> {
    let mut rooms = vec![GLOBAL.to_owned(), execution_room(execution_id)];
    rooms.extend(project_id.map(project_room));
    rooms
}

/// What users are told when an execution ends.
fn ended_notification(summary: &ExecutionSummary) -> NewNotification {
    let execution = &summary.execution;
    let totals = &summary.totals;
    let tasks = format!("{} of {} tasks completed", totals.completed, totals.tasks);
    let error = execution.error.clone().unwrap_or_default();
    let (kind, title, body) = match execution.status {
        ExecutionStatus::Completed => (
            "execution_completed",
            format!("{} completed", execution.name),
            format!("{tasks}, ${:.4}.", execution.cost_usd),
        ),
        ExecutionStatus::Failed => {
            ("execution_failed", format!("{} failed", execution.name), format!("{error} ({tasks})."))
        }
        ExecutionStatus::Cancelled if error.starts_with("budget exceeded") => (
            "budget_exceeded",
            format!("{} went over its budget", execution.name),
            format!("{error} ({tasks})."),
        ),
        ExecutionStatus::Interrupted => (
            "execution_cancelled",
            format!("{} was interrupted", execution.name),
            format!("{error} ({tasks})."),
        ),
        _ => (
            "execution_cancelled",
            format!("{} was cancelled", execution.name),
            format!("{error} ({tasks})."),
        ),
    };
    NewNotification {
        kind,
        title,
        body,
        link: format!("/executions/{}", execution.id),
        execution_id: Some(execution.id.clone()),
        project_id: execution.project_id.clone(),
    }
}

#[derive(Serialize)]
struct ExecutionPayload<'a> {
    execution: &'a ExecutionSummary,
}

#[derive(Serialize)]
struct ProgressPayload<'a> {
    execution: &'a ExecutionSummary,
    task: &'a TaskAttempt,
    running: &'a [String],
}

#[derive(Serialize)]
struct NotificationPayload<'a> {
    notification: &'a Notification,
    unread: i64,
}
