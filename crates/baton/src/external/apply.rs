//! Stores what a [`Report`] says, in the writer's transaction: finds or creates the run and its
//! tasks (remembering them, so a busy session costs one insert per event), pairs tool calls, and
//! collects what to announce once the transaction is committed.

use std::{collections::HashMap, path::Path};

use serde_json::json;
use sqlx::SqliteConnection;

use crate::{
    domain::{
        execution::{ExecutionStatus, TaskStatus},
        project::{Project, ProjectStatus},
        timestamp::Timestamp,
    },
    ingest::report::{Change, LogLine, ProjectHint, Report, RunKey, Source, TaskKey, excerpt, tool_summary},
    realtime::announce::TaskChange,
    store::{
        external::{self, NewRun, NewTask, RunRow, TaskRow, TaskUpdate},
        logs::NewLog,
        notifications::NewNotification,
        projects,
    },
};

/// The project that holds what belongs to no other.
pub const UNASSIGNED: &str = "Unassigned";
/// Runs remembered at most; the oldest are forgotten (and read back from the database if they
/// report again).
const REMEMBERED_RUNS: usize = 4_096;

/// What to announce after the commit.
#[derive(Debug, Default)]
pub struct Effects {
    pub logs: Vec<NewLog>,
    /// The `seq` each of `logs` got, once committed.
    pub seqs: Vec<i64>,
    pub started: Vec<String>,
    pub tasks: Vec<(String, String, TaskChange)>,
    pub ended: Vec<String>,
    /// `(execution_id, project_id, name, value)`.
    pub metrics: Vec<(String, Option<String>, String, f64)>,
    pub notifications: Vec<NewNotification>,
    pub projects_created: Vec<String>,
}

#[derive(Debug)]
struct Run {
    row: RunRow,
    tasks: HashMap<String, TaskRow>,
    /// Tool calls started and not yet ended: when, by tool_use_id.
    tools: HashMap<String, Timestamp>,
    used: u64,
}

/// The applier's memory of runs and tasks. Cleared whenever a transaction fails, since it may
/// then remember rows that were never committed.
#[derive(Debug, Default)]
pub struct Applier {
    runs: HashMap<(&'static str, String), Run>,
    unassigned: Option<String>,
    clock: u64,
}

impl Applier {
    pub fn forget(&mut self) {
        self.runs.clear();
        self.unassigned = None;
    }

    /// Applies `report` (sent by `by`) in `tx`, adding to `effects`.
    pub async fn apply(
        &mut self,
        tx: &mut SqliteConnection,
        report: &Report,
        by: &str,
        effects: &mut Effects,
    ) -> anyhow::Result<()> {
        let key = self.run(tx, &report.run, by, report.at, effects).await?;
        for change in &report.changes {
            self.change(tx, &key, change, report.at, effects).await?;
        }
        Ok(())
    }

    /// Finds or creates the run; returns its key in memory.
    async fn run(
        &mut self,
        tx: &mut SqliteConnection,
        key: &RunKey,
        by: &str,
        at: Timestamp,
        effects: &mut Effects,
    ) -> anyhow::Result<(&'static str, String)> {
        let source = key.source.as_str();
        // A run without the sender's id is the open run of its project.
        let (memory_key, open_in) = match &key.external_id {
            Some(id) => ((source, id.clone()), None),
            None => {
                let project = self.project(tx, &key.project, effects).await?;
                ((source, format!("open:{project}")), Some(project))
            }
        };
        self.clock += 1;
        if let Some(run) = self.runs.get_mut(&memory_key) {
            run.used = self.clock;
            return Ok(memory_key);
        }
        let found = match (&key.external_id, &open_in) {
            (Some(id), _) => match external::find_run(tx, source, id).await? {
                Some(run) => Some(run),
                // A script Baton launched reports with Baton's own execution id.
                None if key.source == Source::Notify => external::find_by_id(tx, id).await?,
                None => None,
            },
            (None, Some(project)) => external::find_open_run(tx, source, project).await?,
            (None, None) => None,
        };
        let row = match found {
            Some(row) => row,
            None => {
                let project_id = match open_in {
                    Some(project) => project,
                    None => self.project(tx, &key.project, effects).await?,
                };
                let external_id =
                    key.external_id.clone().unwrap_or_else(|| format!("auto-{}", uuid::Uuid::now_v7()));
                let new = NewRun {
                    source,
                    kind: key.source.kind(),
                    external_id: &external_id,
                    project_id: &project_id,
                    name: &key.name,
                    created_by: by,
                    at,
                };
                let id = external::insert_run(tx, &new).await?;
                effects.started.push(id.clone());
                RunRow { id, project_id: Some(project_id), status: ExecutionStatus::Running, baton: false }
            }
        };
        if self.runs.len() >= REMEMBERED_RUNS {
            let oldest = self.runs.iter().min_by_key(|(_, run)| run.used).map(|(key, _)| key.clone());
            if let Some(oldest) = oldest {
                self.runs.remove(&oldest);
            }
        }
        let run = Run { row, tasks: HashMap::new(), tools: HashMap::new(), used: self.clock };
        self.runs.insert(memory_key.clone(), run);
        Ok(memory_key)
    }

    async fn change(
        &mut self,
        tx: &mut SqliteConnection,
        key: &(&'static str, String),
        change: &Change,
        at: Timestamp,
        effects: &mut Effects,
    ) -> anyhow::Result<()> {
        let run =
            self.runs.get_mut(key).ok_or_else(|| anyhow::anyhow!("the run {key:?} was not remembered"))?;
        let execution_id = run.row.id.clone();
        match change {
            Change::RunStarted => {
                if !run.row.baton && run.row.status != ExecutionStatus::Running {
                    external::set_run_status(tx, &execution_id, ExecutionStatus::Running, None, at).await?;
                    run.row.status = ExecutionStatus::Running;
                    effects.started.push(execution_id);
                }
            }
            Change::RunEnded { status, error } => {
                if !run.row.baton && run.row.status == ExecutionStatus::Running {
                    external::set_run_status(tx, &execution_id, *status, error.as_deref(), at).await?;
                    run.row.status = *status;
                    effects.ended.push(execution_id);
                }
            }
            Change::TaskStarted { task, prompt } => {
                let row = task_row(tx, run, task, prompt.as_deref(), at, effects).await?;
                if row.status != TaskStatus::Running || prompt.is_some() {
                    let update = TaskUpdate {
                        status: TaskStatus::Running,
                        task_id: None,
                        prompt: prompt.as_deref(),
                        output: None,
                        error: None,
                        at,
                    };
                    external::update_task(tx, &row.id, &update).await?;
                    if row.status != TaskStatus::Running {
                        effects.tasks.push((execution_id, row.id.clone(), TaskChange::Started));
                    }
                    set_status(run, &task.key, TaskStatus::Running);
                }
            }
            Change::TaskUpdated { task, status, output, error } => {
                let row = task_row(tx, run, task, None, at, effects).await?;
                let renamed = (row.task_id != task.task_id).then_some(task.task_id.as_str());
                if row.status != *status || renamed.is_some() || output.is_some() {
                    let update = TaskUpdate {
                        status: *status,
                        task_id: renamed,
                        prompt: None,
                        output: output.as_ref(),
                        error: error.as_deref(),
                        at,
                    };
                    external::update_task(tx, &row.id, &update).await?;
                    let change = if status.is_terminal() { TaskChange::Ended } else { TaskChange::Updated };
                    effects.tasks.push((execution_id, row.id.clone(), change));
                    if let Some(remembered) = run.tasks.get_mut(&task.key) {
                        remembered.status = *status;
                        remembered.task_id = task.task_id.clone();
                    }
                }
            }
            Change::ToolStarted { task, tool_use_id, tool, input } => {
                let row = match task {
                    Some(task) => Some(task_row(tx, run, task, None, at, effects).await?),
                    None => None,
                };
                run.tools.insert(tool_use_id.clone(), at);
                effects.logs.push(log_entry(
                    &execution_id,
                    row.as_ref(),
                    "tool_use",
                    "info",
                    format!("{tool} {}", tool_summary(input)),
                    json!({ "tool_use_id": tool_use_id, "tool": tool, "input": input, "source": "hooks" }),
                    at,
                ));
            }
            Change::ToolEnded { task, tool_use_id, tool, error, response } => {
                let row = match task {
                    Some(task) => Some(task_row(tx, run, task, None, at, effects).await?),
                    None => None,
                };
                let started = match run.tools.remove(tool_use_id) {
                    Some(started) => Some(started),
                    None => external::tool_started_at(tx, &execution_id, tool_use_id).await?,
                };
                let duration_ms = started.map(|s| (at.unix_millis() - s.unix_millis()).max(0));
                let level = if error.is_some() { "error" } else { "info" };
                effects.logs.push(log_entry(
                    &execution_id,
                    row.as_ref(),
                    "tool_result",
                    level,
                    response.clone(),
                    json!({ "tool_use_id": tool_use_id, "tool": tool, "is_error": error.is_some(),
                            "duration_ms": duration_ms, "error": error, "source": "hooks" }),
                    at,
                ));
            }
            Change::Log(LogLine { task, level, kind, message, metadata }) => {
                let row = match task {
                    Some(task) => Some(task_row(tx, run, task, None, at, effects).await?),
                    None => None,
                };
                let mut entry = log_entry(
                    &execution_id,
                    row.as_ref(),
                    kind,
                    level,
                    message.clone(),
                    serde_json::Value::Null,
                    at,
                );
                entry.metadata = metadata.clone();
                effects.logs.push(entry);
            }
            Change::Metric { name, value } => {
                crate::store::logs::insert_metrics(tx, &execution_id, &[(name.as_str(), *value)]).await?;
                effects.metrics.push((execution_id, run.row.project_id.clone(), name.clone(), *value));
            }
            Change::Notify { title, body } => effects.notifications.push(NewNotification {
                kind: "agent_attention",
                title: title.clone(),
                body: excerpt(body, 500),
                link: format!("/executions/{execution_id}"),
                execution_id: Some(execution_id.clone()),
                project_id: run.row.project_id.clone(),
            }),
        }
        Ok(())
    }

    /// The project a new run goes to.
    async fn project(
        &mut self,
        tx: &mut SqliteConnection,
        hint: &ProjectHint,
        effects: &mut Effects,
    ) -> anyhow::Result<String> {
        let found = match hint {
            ProjectHint::Cwd(cwd) => {
                let dirs = external::project_dirs(&mut *tx).await?;
                dirs.into_iter()
                    .filter(|(_, dir)| Path::new(cwd).starts_with(dir))
                    .max_by_key(|(_, dir)| dir.len())
                    .map(|(id, _)| id)
            }
            ProjectHint::Named(name) => external::project_named(tx, name).await?,
            ProjectHint::None => None,
        };
        match found {
            Some(id) => Ok(id),
            None => self.unassigned(tx, effects).await,
        }
    }

    async fn unassigned(
        &mut self,
        tx: &mut SqliteConnection,
        effects: &mut Effects,
    ) -> anyhow::Result<String> {
        if let Some(id) = &self.unassigned {
            return Ok(id.clone());
        }
        let id = match external::project_named(tx, UNASSIGNED).await? {
            Some(id) => id,
            None => {
                let now = Timestamp::now();
                let project = Project {
                    id: uuid::Uuid::now_v7().to_string(),
                    name: UNASSIGNED.into(),
                    description: Some(
                        "Claude Code sessions and orchestrator runs that belong to no project's workspace directory."
                            .into(),
                    ),
                    status: ProjectStatus::Active,
                    workspace_dir: None,
                    config: json!({}),
                    created_at: now,
                    updated_at: now,
                };
                projects::insert(&mut *tx, &project).await?;
                effects.projects_created.push(project.id.clone());
                project.id
            }
        };
        self.unassigned = Some(id.clone());
        Ok(id)
    }
}

/// The task row of `task`, created (running) on first sight with its parent link.
async fn task_row(
    tx: &mut SqliteConnection,
    run: &mut Run,
    task: &TaskKey,
    prompt: Option<&str>,
    at: Timestamp,
    effects: &mut Effects,
) -> anyhow::Result<TaskRow> {
    if let Some(row) = run.tasks.get(&task.key) {
        return Ok(row.clone());
    }
    let row = match external::find_task(tx, &run.row.id, &task.key).await? {
        Some(row) => row,
        None => {
            let parent_id = match &task.parent {
                Some(parent) => match run.tasks.get(parent) {
                    Some(row) => Some(row.id.clone()),
                    None => external::find_task(tx, &run.row.id, parent).await?.map(|row| row.id),
                },
                None => None,
            };
            let new = NewTask {
                execution_id: &run.row.id,
                external_id: &task.key,
                task_id: &task.task_id,
                agent: &task.agent,
                parent_id: parent_id.as_deref(),
                prompt,
                at,
            };
            let id = external::insert_task(tx, &new).await?;
            effects.tasks.push((run.row.id.clone(), id.clone(), TaskChange::Started));
            TaskRow {
                id,
                task_id: task.task_id.clone(),
                agent: task.agent.clone(),
                status: TaskStatus::Running,
            }
        }
    };
    run.tasks.insert(task.key.clone(), row.clone());
    Ok(row)
}

fn set_status(run: &mut Run, key: &str, status: TaskStatus) {
    if let Some(row) = run.tasks.get_mut(key) {
        row.status = status;
    }
}

fn log_entry(
    execution_id: &str,
    task: Option<&TaskRow>,
    kind: &'static str,
    level: &'static str,
    message: String,
    metadata: serde_json::Value,
    at: Timestamp,
) -> NewLog {
    NewLog {
        execution_id: execution_id.to_owned(),
        task_id: task.map(|t| t.task_id.clone()),
        agent_name: task.map(|t| t.agent.clone()),
        level,
        kind,
        message,
        metadata: (!metadata.is_null()).then_some(metadata),
        at,
    }
}
