//! The execution engine: runs plans as DAGs of supervised child processes.
//!
//! `Engine::start` records an execution and its pending tasks, then a scheduler task
//! ([`scheduler`]) starts each task as soon as its dependencies complete, within the plan's
//! `max_parallel` and the global `--max-agents`. Each attempt ([`attempt`]) is a child process in
//! its own process group whose output becomes log entries; cancel and timeout end the whole group.

use std::{
    collections::{HashMap, HashSet},
    path::PathBuf,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::Duration,
};

use serde::Serialize;
use tokio_util::{sync::CancellationToken, task::TaskTracker};
use utoipa::ToSchema;

use crate::{
    domain::{
        execution::{ExecutionStatus, TaskStatus},
        plan::Plan,
        timestamp::Timestamp,
    },
    realtime::announce::Announcer,
    settings::{Settings, SettingsHub},
    store::{self, Db, executions::NewExecution, log_writer::LogWriter, logs::NewLog},
    vault::Vault,
};

/// Resizes the global agent limit whenever the settings change.
async fn follow_max_agents(
    mut changes: tokio::sync::watch::Receiver<Arc<Settings>>,
    slots: Arc<slots::Slots>,
) {
    while changes.changed().await.is_ok() {
        let size = changes.borrow_and_update().limits.max_agents;
        if size != slots.size() {
            slots.resize(size);
        }
    }
}

/// One attempt of one task: a supervised process.
mod attempt;
/// argv and environment of a task's process.
pub mod command;
/// Reading output line by line with a length cap.
pub mod lines;
/// Process groups: spawn, signal, terminate.
pub mod process;
/// What a restarted Baton does about executions its previous process left running.
mod reconcile;
/// The DAG scheduler of one execution.
mod scheduler;
/// The global agent limit, resizable.
mod slots;

/// What the engine is given besides the database. The `claude` binary, the kill grace, the
/// global agent limit and agents' environment come from the live settings, read as each task
/// starts, so a change applies without a restart.
#[derive(Debug, Clone)]
pub struct EngineSettings {
    /// Where orchestrator scripts post their events.
    pub webhook_url: String,
    pub settings: Arc<SettingsHub>,
    pub vault: Arc<Vault>,
}

/// Why an execution is being stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum StopReason {
    /// Someone cancelled it.
    Cancelled { by: String },
    /// Its cost passed the plan's budget.
    Budget { budget: f64, spent: f64 },
    /// A task failed in a `fail_fast` plan.
    FailFast { task: String },
    /// Baton is stopping.
    Shutdown,
}

/// A running execution's controls.
#[derive(Debug, Default)]
struct Handle {
    token: CancellationToken,
    reason: Mutex<Option<StopReason>>,
}

impl Handle {
    /// Stops the execution for `reason`, unless it is already stopping for another.
    fn stop(&self, reason: StopReason) {
        let mut current = self.reason.lock().unwrap_or_else(|e| e.into_inner());
        if current.is_none() {
            *current = Some(reason);
        }
        self.token.cancel();
    }

    fn reason(&self) -> Option<StopReason> {
        self.reason.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// What starting an execution needs.
#[derive(Debug, Clone)]
pub struct StartRequest {
    pub project_id: String,
    pub workspace_dir: PathBuf,
    pub plan: Plan,
    pub plan_id: Option<String>,
    pub created_by: String,
    pub rerun_of: Option<String>,
}

/// The engine; one per server.
#[derive(Debug)]
pub struct Engine {
    db: Db,
    logs: LogWriter,
    settings: EngineSettings,
    slots: Arc<slots::Slots>,
    running: Mutex<HashMap<String, Arc<Handle>>>,
    tracker: TaskTracker,
    announce: Announcer,
    /// Tasks waiting for a global slot.
    waiting: AtomicUsize,
}

/// What the engine is doing now, for the health page.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct Load {
    /// Log entries waiting to be committed.
    pub log_entries: usize,
    pub tasks_running: usize,
    /// Tasks ready to run but waiting for a slot (`--max-agents`).
    pub tasks_waiting: usize,
    pub executions_running: usize,
}

impl Engine {
    pub fn new(db: Db, settings: EngineSettings, announce: Announcer) -> Arc<Self> {
        let logs = LogWriter::start(db.clone(), announce.hub().clone());
        let slots = Arc::new(slots::Slots::new(settings.settings.current().limits.max_agents));
        tokio::spawn(follow_max_agents(settings.settings.subscribe(), slots.clone()));
        Arc::new(Self {
            announce,
            waiting: AtomicUsize::new(0),
            slots,
            db,
            logs,
            settings,
            running: Mutex::new(HashMap::new()),
            tracker: TaskTracker::new(),
        })
    }

    /// The settings for a project's tasks (global ones with its overrides) and the environment
    /// its agents get, global then project, secrets opened.
    async fn project_settings(&self, project_id: &str) -> anyhow::Result<(Settings, Vec<(String, String)>)> {
        let document = store::config::current(&self.db.reader, store::config::Scope::Project(project_id))
            .await?
            .map(|version| version.document)
            .unwrap_or_default();
        let settings = self.settings.settings.for_project(&document);
        let mut env = Vec::new();
        for layer in [&settings.runner.env, document.get("env").unwrap_or(&serde_json::Value::Null)] {
            if let serde_json::Value::Object(values) = crate::vault::tree::open(layer, &self.settings.vault)?
            {
                env.extend(values.into_iter().filter_map(|(k, v)| v.as_str().map(|v| (k, v.to_owned()))));
            }
        }
        Ok((settings, env))
    }

    /// Records a new execution with every task pending and starts running it. A plan without a
    /// budget gets the project's (or the global) default budget.
    pub async fn start(self: &Arc<Self>, mut request: StartRequest) -> anyhow::Result<String> {
        if request.plan.budget_usd.is_none() {
            request.plan.budget_usd =
                self.project_settings(&request.project_id).await?.0.limits.default_budget_usd;
        }
        let id = uuid::Uuid::now_v7().to_string();
        let mut tx = self.db.writer.begin().await?;
        store::executions::insert(
            &mut *tx,
            &NewExecution {
                id: &id,
                project_id: &request.project_id,
                plan_id: request.plan_id.as_deref(),
                plan: &request.plan,
                created_by: &request.created_by,
                rerun_of: request.rerun_of.as_deref(),
            },
        )
        .await?;
        let mut rows = HashMap::new();
        for task in &request.plan.tasks {
            rows.insert(task.id.clone(), store::tasks::insert_pending(&mut *tx, &id, task, 1).await?);
        }
        tx.commit().await?;

        let handle = Arc::new(Handle::default());
        self.lock_running().insert(id.clone(), handle.clone());
        let engine = self.clone();
        let context = scheduler::Context {
            execution_id: id.clone(),
            project_id: request.project_id,
            workspace_dir: request.workspace_dir,
            plan: request.plan,
            rows,
        };
        self.tracker.spawn(async move {
            let execution_id = context.execution_id.clone();
            scheduler::run(engine.clone(), context, handle).await;
            engine.lock_running().remove(&execution_id);
        });
        Ok(id)
    }

    /// Asks a running execution to stop; false when it is not running in this process.
    pub fn cancel(&self, execution_id: &str, by: &str) -> bool {
        match self.lock_running().get(execution_id) {
            Some(handle) => {
                handle.stop(StopReason::Cancelled { by: by.to_owned() });
                true
            }
            None => false,
        }
    }

    /// Waits until the execution has finished (for tests and the CLI).
    pub async fn wait(&self, execution_id: &str) {
        loop {
            if !self.lock_running().contains_key(execution_id) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Marks executions a previous process left unfinished as interrupted and ends what is left
    /// of their processes. Returns how many there were.
    pub async fn reconcile(&self) -> anyhow::Result<usize> {
        reconcile::run(self).await
    }

    /// Stops every running execution (they end `interrupted`) and waits for their processes.
    pub async fn shutdown(&self) {
        for handle in self.lock_running().values() {
            handle.stop(StopReason::Shutdown);
        }
        self.tracker.close();
        self.tracker.wait().await;
        self.logs.flush().await;
    }

    pub fn load(&self) -> Load {
        Load {
            log_entries: self.logs.pending(),
            tasks_running: self.slots.in_use(),
            tasks_waiting: self.waiting.load(Ordering::Relaxed),
            executions_running: self.lock_running().len(),
        }
    }

    /// Waits until every log entry sent so far is committed.
    pub async fn flush_logs(&self) {
        self.logs.flush().await;
    }

    fn lock_running(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<Handle>>> {
        self.running.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn log(
        &self,
        execution_id: &str,
        task: Option<(&str, &str)>,
        level: &'static str,
        message: String,
    ) {
        self.logs
            .send(NewLog {
                execution_id: execution_id.to_owned(),
                task_id: task.map(|(id, _)| id.to_owned()),
                agent_name: task.map(|(_, agent)| agent.to_owned()),
                level,
                kind: "system",
                message,
                metadata: None,
                at: Timestamp::now(),
            })
            .await;
    }
}

/// The final state of an execution from its tasks' states and why it stopped, if it did.
pub fn final_status(
    tasks: &HashMap<String, TaskStatus>,
    reason: Option<&StopReason>,
) -> (ExecutionStatus, Option<String>) {
    let failed: HashSet<&str> = tasks
        .iter()
        .filter(|(_, s)| matches!(s, TaskStatus::Failed | TaskStatus::TimedOut))
        .map(|(id, _)| id.as_str())
        .collect();
    let mut failed: Vec<&str> = failed.into_iter().collect();
    failed.sort_unstable();
    match reason {
        Some(StopReason::Shutdown) => {
            (ExecutionStatus::Interrupted, Some("Baton stopped while this execution ran".into()))
        }
        Some(StopReason::Cancelled { by }) => {
            (ExecutionStatus::Cancelled, Some(format!("cancelled by {by}")))
        }
        Some(StopReason::Budget { budget, spent }) => {
            (ExecutionStatus::Cancelled, Some(format!("budget exceeded: spent ${spent:.4} of ${budget:.2}")))
        }
        Some(StopReason::FailFast { task }) => {
            (ExecutionStatus::Failed, Some(format!("task {task} failed; fail_fast stopped the rest")))
        }
        None if !failed.is_empty() => {
            (ExecutionStatus::Failed, Some(format!("failed tasks: {}", failed.join(", "))))
        }
        None => (ExecutionStatus::Completed, None),
    }
}
