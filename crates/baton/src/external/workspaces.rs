//! Watches orchestrator.sh's workspace directories (`~/.claude/agent-workspaces` and any
//! `--workspaces-dir`): new lines of `orchestration.log` become log entries, `Agent-<name>.md`
//! files update that agent's task, `Agent-orchestration.md` names the run (a new `Started`
//! begins a new one). How far each file was read is saved with what was read from it, so a
//! restart neither repeats nor loses anything; a truncated or replaced file is read from the
//! start.

use std::{
    collections::HashMap,
    io::{Read, Seek, SeekFrom},
    os::unix::fs::MetadataExt,
    path::{Path, PathBuf},
    time::Duration,
};

use sha2::{Digest, Sha256};
use tokio_util::sync::CancellationToken;

use super::Intake;
use crate::{
    domain::{
        execution::{ExecutionStatus, TaskStatus},
        timestamp::Timestamp,
    },
    ingest::{
        report::{Change, LogLine, ProjectHint, Report, RunKey, Source, TaskKey, agent_match_key},
        workspace::{self, RunHeader},
    },
    store::{
        Db,
        external::{self, Position},
    },
    watch::{self, DirWatcher},
};

pub const LOG_FILE: &str = "orchestration.log";
pub const HEADER_FILE: &str = "Agent-orchestration.md";
/// Re-read everything this often even without events.
const RESCAN_EVERY: Duration = Duration::from_secs(10);
/// New log bytes read per pass at most (the rest on the next pass).
const READ_CHUNK: u64 = 4 * 1024 * 1024;
const BY: &str = "workspace watcher";

/// Follows the workspace directories until stopped.
pub struct WorkspaceWatcher {
    dirs: Vec<PathBuf>,
    /// Never watched for a missing directory (the data directory), see [`DirWatcher`].
    busy: Vec<PathBuf>,
    intake: Intake,
    db: Db,
    /// What was last saved for each file (read from the database on first use).
    positions: HashMap<PathBuf, Option<Position>>,
}

impl WorkspaceWatcher {
    pub fn new(dirs: Vec<PathBuf>, busy: Vec<PathBuf>, intake: Intake, db: Db) -> Self {
        Self { dirs, busy, intake, db, positions: HashMap::new() }
    }

    pub async fn run(mut self, stop: CancellationToken) {
        let (mut watcher, mut changes) = DirWatcher::new(self.busy.clone());
        let mut every = tokio::time::interval(RESCAN_EVERY);
        loop {
            watcher.watch(&self.dirs);
            let changed: Vec<PathBuf> = tokio::select! {
                changed = watch::next_changes(&mut changes) => match changed {
                    Some(changed) => changed.into_iter().collect(),
                    None => return,
                },
                _ = every.tick() => self.all_files(),
                () = stop.cancelled() => return,
            };
            for path in changed {
                if let Err(error) = self.read(&path).await {
                    tracing::warn!(path = %path.display(), error = format!("{error:#}"), "could not read a workspace file");
                }
            }
        }
    }

    fn all_files(&self) -> Vec<PathBuf> {
        let mut files = Vec::new();
        for dir in &self.dirs {
            // The header first: it says which run the other files belong to.
            files.push(dir.join(HEADER_FILE));
            if let Ok(entries) = std::fs::read_dir(dir) {
                files.extend(
                    entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| !p.ends_with(HEADER_FILE)),
                );
            }
        }
        files
    }

    /// Reads whatever is new in `path`, if it is a workspace file.
    pub async fn read(&mut self, path: &Path) -> anyhow::Result<()> {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
            return Ok(());
        };
        if !self.dirs.iter().any(|d| d == dir) || !path.is_file() {
            return Ok(());
        }
        match name {
            LOG_FILE => self.read_log(dir, path).await,
            HEADER_FILE => self.read_header(dir, path).await,
            _ => match workspace::agent_of_file_name(name) {
                Some(agent) => self.read_agent_file(dir, path, &agent).await,
                None => Ok(()),
            },
        }
    }

    async fn saved(&mut self, path: &Path) -> anyhow::Result<Option<Position>> {
        if let Some(saved) = self.positions.get(path) {
            return Ok(saved.clone());
        }
        let saved = external::position(&self.db.reader, &path.display().to_string()).await?;
        self.positions.insert(path.to_path_buf(), saved.clone());
        Ok(saved)
    }

    /// The run the files of `dir` belong to now.
    fn current_run(dir: &Path) -> RunKey {
        let header = std::fs::read_to_string(dir.join(HEADER_FILE)).map(|t| workspace::parse_run_header(&t));
        run_key(dir, &header.unwrap_or_default())
    }

    async fn read_header(&mut self, dir: &Path, path: &Path) -> anyhow::Result<()> {
        let text = std::fs::read_to_string(path)?;
        let header = workspace::parse_run_header(&text);
        let digest = header.started.clone().unwrap_or_default();
        let saved = self.saved(path).await?;
        if saved.as_ref().and_then(|s| s.digest.as_deref()) == Some(digest.as_str()) {
            return Ok(());
        }
        let position = position_of(path, text.len() as u64, Some(digest))?;
        let mut reports = Vec::new();
        // The previous run is over when a new one starts.
        if let Some(previous) = saved.and_then(|s| s.digest) {
            let old = RunHeader { started: Some(previous).filter(|p| !p.is_empty()), ..header.clone() };
            reports.push(report(
                run_key(dir, &old),
                vec![Change::RunEnded { status: ExecutionStatus::Completed, error: None }],
            ));
        }
        let mut details = vec![format!("Orchestration {}", header.name.as_deref().unwrap_or("run"))];
        details.extend(header.level.as_ref().map(|l| format!("level {l}")));
        details.extend(header.mode.as_ref().map(|m| format!("{m} mode")));
        details.extend(header.timeout.as_ref().map(|t| format!("timeout {t}")));
        let line = LogLine {
            task: None,
            level: "info",
            kind: "system",
            message: details.join(" · "),
            metadata: None,
        };
        reports.push(report(run_key(dir, &header), vec![Change::RunStarted, Change::Log(line)]));
        self.submit(reports, position).await
    }

    async fn read_log(&mut self, dir: &Path, path: &Path) -> anyhow::Result<()> {
        let saved = self.saved(path).await?;
        let mut file = std::fs::File::open(path)?;
        let meta = file.metadata()?;
        let fingerprint = fingerprint(&meta);
        let start = match &saved {
            Some(saved) if saved.fingerprint == fingerprint && saved.offset as u64 <= meta.len() => {
                saved.offset as u64
            }
            // Never read, replaced, or truncated: from the start.
            _ => 0,
        };
        if start == meta.len() {
            return Ok(());
        }
        file.seek(SeekFrom::Start(start))?;
        let mut bytes = Vec::new();
        file.take(READ_CHUNK).read_to_end(&mut bytes)?;
        // Only whole lines; a partial last line waits for its newline.
        let Some(end) = bytes.iter().rposition(|&b| b == b'\n') else { return Ok(()) };
        let key = Self::current_run(dir);
        let mut reports = Vec::new();
        let mut positions = Vec::new();
        let mut offset = start;
        for raw in bytes[..=end].split_inclusive(|&b| b == b'\n') {
            offset += raw.len() as u64;
            let text = String::from_utf8_lossy(raw);
            if text.trim().is_empty() {
                continue;
            }
            let line = workspace::parse_log_line(&text);
            reports.push(log_report(key.clone(), line));
            positions.push(Some(Position {
                path: path.display().to_string(),
                fingerprint: fingerprint.clone(),
                offset: offset as i64,
                digest: None,
            }));
        }
        let last =
            Position { path: path.display().to_string(), fingerprint, offset: offset as i64, digest: None };
        if reports.is_empty() {
            return self.submit(Vec::new(), last).await;
        }
        self.intake.submit_each(reports, BY, positions).await.map_err(anyhow::Error::msg)?;
        self.positions.insert(path.to_path_buf(), Some(last));
        Ok(())
    }

    async fn read_agent_file(&mut self, dir: &Path, path: &Path, agent: &str) -> anyhow::Result<()> {
        let text = std::fs::read_to_string(path)?;
        let digest = hex::encode(Sha256::digest(text.as_bytes()));
        let saved = self.saved(path).await?;
        if saved.as_ref().and_then(|s| s.digest.as_deref()) == Some(digest.as_str()) {
            return Ok(());
        }
        let position = position_of(path, text.len() as u64, Some(digest))?;
        let file = workspace::parse_agent_file(agent, &text);
        let task = TaskKey {
            key: agent_match_key(&file.agent),
            agent: file.agent.clone(),
            task_id: file.task_id.clone().unwrap_or_else(|| file.agent.clone()),
            parent: None,
        };
        let mut changes = Vec::new();
        let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if !file.problems.is_empty() {
            changes.push(Change::Log(LogLine {
                task: Some(task.clone()),
                level: "warn",
                kind: "system",
                message: format!(
                    "{file_name}: the last JSON report was not used: {}",
                    file.problems.join("; ")
                ),
                metadata: None,
            }));
        }
        match file.status {
            Some(status) => {
                let summary = file.report.as_ref().and_then(|r| r.get("summary")).and_then(|s| s.as_str());
                let output = file.report.clone().map(|mut report| {
                    if let (Some(object), Some(summary)) = (report.as_object_mut(), summary) {
                        object.insert("result".into(), summary.into());
                    }
                    report
                });
                let status_text = file.status_text.as_deref().unwrap_or(status.as_str());
                changes.push(Change::Log(LogLine {
                    task: Some(task.clone()),
                    level: if status == TaskStatus::Failed { "error" } else { "info" },
                    kind: "system",
                    message: format!(
                        "{}: {status_text}{}",
                        file.agent,
                        summary.map(|s| format!(" · {s}")).unwrap_or_default()
                    ),
                    metadata: file.report.clone(),
                }));
                let error =
                    (status == TaskStatus::Failed).then(|| summary.unwrap_or("reported failed").to_owned());
                changes.push(Change::TaskUpdated { task, status, output, error });
            }
            None => changes.push(Change::TaskStarted { task, prompt: file.phase.clone() }),
        }
        let key = Self::current_run(dir);
        self.submit(vec![report(key, changes)], position).await
    }

    /// Stores `reports` with `position` saved alongside the last one.
    async fn submit(&mut self, reports: Vec<Report>, position: Position) -> anyhow::Result<()> {
        let path = PathBuf::from(&position.path);
        let positions = match reports.len() {
            0 => {
                let mut tx = self.db.writer.acquire().await?;
                external::save_position(&mut tx, &position).await?;
                self.positions.insert(path, Some(position));
                return Ok(());
            }
            n => std::iter::repeat_n(None, n - 1).chain([Some(position.clone())]).collect(),
        };
        self.intake.submit_each(reports, BY, positions).await.map_err(anyhow::Error::msg)?;
        self.positions.insert(path, Some(position));
        Ok(())
    }
}

fn run_key(dir: &Path, header: &RunHeader) -> RunKey {
    let name = header.name.clone();
    RunKey {
        source: Source::Workspace,
        external_id: Some(format!("{}#{}", dir.display(), header.started.as_deref().unwrap_or(""))),
        name: match (&name, &header.started) {
            (Some(name), Some(started)) => format!("{name} · {started}"),
            (Some(name), None) => name.clone(),
            (None, Some(started)) => format!("Run of {started}"),
            (None, None) => "Workspace run".to_owned(),
        },
        project: name.map_or(ProjectHint::None, ProjectHint::Named),
    }
}

fn report(run: RunKey, changes: Vec<Change>) -> Report {
    Report { run, at: Timestamp::now(), changes }
}

/// A log line, and the agent it starts or ends.
fn log_report(run: RunKey, line: workspace::LogLine) -> Report {
    let at = line.at.unwrap_or_else(Timestamp::now);
    let task = line.agent.as_ref().map(|(agent, _)| TaskKey {
        key: agent_match_key(agent),
        agent: agent.clone(),
        task_id: agent.clone(),
        parent: None,
    });
    let mut changes = vec![Change::RunStarted];
    match (&task, &line.agent) {
        (Some(task), Some((_, TaskStatus::Running))) => {
            changes.push(Change::TaskStarted { task: task.clone(), prompt: None })
        }
        (Some(task), Some((_, status))) => {
            let error = (*status != TaskStatus::Completed).then(|| line.message.clone());
            changes.push(Change::TaskUpdated { task: task.clone(), status: *status, output: None, error })
        }
        _ => {}
    }
    changes.push(Change::Log(LogLine {
        task,
        level: line.level,
        kind: "stdout",
        message: line.message,
        metadata: None,
    }));
    let lower = changes
        .iter()
        .find_map(|c| if let Change::Log(l) = c { Some(l.message.to_lowercase()) } else { None });
    if let Some(lower) = lower {
        if lower.contains("orchestration completed") || lower.contains("orchestration complete!") {
            changes.push(Change::RunEnded { status: ExecutionStatus::Completed, error: None });
        } else if lower.contains("orchestration failed") {
            changes.push(Change::RunEnded {
                status: ExecutionStatus::Failed,
                error: Some("the orchestrator reported a failure".into()),
            });
        }
    }
    Report { run, at, changes }
}

fn fingerprint(meta: &std::fs::Metadata) -> String {
    format!("{}:{}", meta.dev(), meta.ino())
}

fn position_of(path: &Path, len: u64, digest: Option<String>) -> anyhow::Result<Position> {
    let meta = std::fs::metadata(path)?;
    Ok(Position {
        path: path.display().to_string(),
        fingerprint: fingerprint(&meta),
        offset: len as i64,
        digest,
    })
}
