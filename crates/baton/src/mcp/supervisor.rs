//! Managed servers: long-lived HTTP servers added in Baton with the command that starts them.
//! Baton starts them with itself, starts them again when they have exited (at the next periodic
//! check), restarts them on demand, and stops them (their whole process group) when it stops.

use std::{
    collections::HashMap,
    process::Stdio,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use serde::Serialize;
use tokio::process::{Child, Command};
use utoipa::ToSchema;

use super::{
    CheckError, CheckResult, FailureKind, KnownServer, Mcp, ServerConfig, client,
    client::stdio::keep_tail,
    target::{self, Target},
};
use crate::runner::process;

/// Time a server gets to stop before it is killed.
const STOP_GRACE: Duration = Duration::from_secs(3);
/// Time a restarted server gets to pass a check.
const READY_WITHIN: Duration = Duration::from_secs(20);
/// Characters of a managed server's output shown when it does not come up.
const OUTPUT_SHOWN: usize = 1000;

/// One process Baton runs.
#[derive(Debug)]
struct Managed {
    child: Child,
    pgid: i32,
    /// What it was started from: a changed configuration means a new process.
    config: ServerConfig,
    /// The end of its stdout and stderr.
    output: Arc<Mutex<Vec<u8>>>,
}

/// The processes of managed servers, by server key.
#[derive(Debug, Default)]
pub struct Supervisor {
    running: tokio::sync::Mutex<HashMap<String, Managed>>,
}

impl Supervisor {
    /// Starts the server unless it runs already with this configuration. True when it started.
    pub async fn ensure_running(&self, server: &KnownServer, target: &Target) -> Result<bool, CheckError> {
        let key = server.key();
        let mut running = self.running.lock().await;
        if let Some(managed) = running.get_mut(&key) {
            let alive = matches!(managed.child.try_wait(), Ok(None));
            if alive && managed.config == server.config {
                return Ok(false);
            }
            if !alive {
                tracing::warn!(server = key, "a managed MCP server has exited: starting it again");
            }
        }
        if let Some(mut old) = running.remove(&key) {
            process::terminate(&mut old.child, old.pgid, STOP_GRACE).await;
        }
        running.insert(key, spawn(server, target)?);
        Ok(true)
    }

    /// Stops the server's process, if Baton runs one.
    pub async fn stop(&self, key: &str) {
        let managed = self.running.lock().await.remove(key);
        if let Some(mut managed) = managed {
            process::terminate(&mut managed.child, managed.pgid, STOP_GRACE).await;
        }
    }

    /// Stops every process (Baton is stopping).
    pub async fn stop_all(&self) {
        let all: Vec<Managed> = self.running.lock().await.drain().map(|(_, m)| m).collect();
        for mut managed in all {
            process::terminate(&mut managed.child, managed.pgid, STOP_GRACE).await;
        }
    }

    /// The process id of the server's process, while it runs.
    pub async fn pid(&self, key: &str) -> Option<u32> {
        let mut running = self.running.lock().await;
        let managed = running.get_mut(key)?;
        matches!(managed.child.try_wait(), Ok(None)).then(|| managed.child.id()).flatten()
    }

    /// The end of what the server's process printed.
    async fn output(&self, key: &str) -> Option<String> {
        let running = self.running.lock().await;
        let kept = running.get(key)?.output.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let text = String::from_utf8_lossy(&kept);
        let skip = text.chars().count().saturating_sub(OUTPUT_SHOWN);
        let tail: String = text.chars().skip(skip).collect::<String>().trim().to_owned();
        (!tail.is_empty()).then_some(tail)
    }
}

fn spawn(server: &KnownServer, target: &Target) -> Result<Managed, CheckError> {
    let not_found = |message: String| CheckError::new(FailureKind::NotFound, message);
    let program =
        target.command.clone().ok_or_else(|| not_found("a managed server needs a command".into()))?;
    let mut command = Command::new(&program);
    command
        .args(&target.args)
        .envs(target.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .kill_on_drop(true);
    if let Some(cwd) = target.cwd.as_ref().filter(|dir| dir.is_dir()) {
        command.current_dir(cwd);
    }
    let mut child = command.spawn().map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => not_found(format!("the command {program:?} was not found")),
        _ => not_found(format!("{program:?} cannot be started: {error}")),
    })?;
    let pgid = child.id().and_then(|id| i32::try_from(id).ok()).unwrap_or_default();
    let output = Arc::new(Mutex::new(Vec::new()));
    if let Some(stdout) = child.stdout.take() {
        tokio::spawn(keep_tail(stdout, output.clone()));
    }
    if let Some(stderr) = child.stderr.take() {
        tokio::spawn(keep_tail(stderr, output.clone()));
    }
    tracing::info!(server = server.key(), pid = child.id(), "started a managed MCP server");
    Ok(Managed { child, pgid, config: server.config.clone(), output })
}

/// What `POST /api/mcp-servers/{name}/restart` did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Restart {
    /// True when Baton ran the server and started it again.
    pub restarted: bool,
    pub message: String,
    /// The check after the restart (or instead of it).
    pub check: CheckResult,
}

impl Mcp {
    /// Starts every managed server that is not running.
    pub async fn start_managed(&self, servers: &[KnownServer]) {
        for server in servers.iter().filter(|s| s.config.managed) {
            let cwd = self.project_dir(server.project_id.as_deref()).await;
            let started = match target::resolve(&server.config, &self.vault, cwd) {
                Ok(target) => self.supervisor.ensure_running(server, &target).await,
                Err(error) => Err(error),
            };
            if let Err(error) = started {
                tracing::warn!(
                    server = server.key(),
                    error = error.message,
                    "cannot start a managed MCP server"
                );
            }
        }
    }

    /// Managed servers: stopped, started, and waited for until a check passes. Others: checked
    /// again, and the message says that is all Baton can do.
    pub async fn restart(&self, server: &KnownServer) -> Restart {
        if !server.config.managed {
            let check = self.check(server).await;
            let message = "Baton does not run this server (Claude Code starts it for each session): \
                           it was checked again instead"
                .to_owned();
            return Restart { restarted: false, message, check };
        }
        let key = server.key();
        let cwd = self.project_dir(server.project_id.as_deref()).await;
        let target = match target::resolve(&server.config, &self.vault, cwd) {
            Ok(target) => target,
            Err(error) => return self.failed_restart(server, error).await,
        };
        self.supervisor.stop(&key).await;
        if let Err(error) = self.supervisor.ensure_running(server, &target).await {
            return self.failed_restart(server, error).await;
        }
        let started = Instant::now();
        let check = loop {
            let check = client::check(&target, &self.http, self.check_timeout()).await;
            if check.ok || started.elapsed() >= READY_WITHIN {
                break check;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        };
        self.record(server, &check).await;
        let waited = started.elapsed().as_millis();
        let message = if check.ok {
            format!("restarted: it answered {waited} ms after starting")
        } else {
            let output =
                self.supervisor.output(&key).await.map(|o| format!(" Its output: {o}")).unwrap_or_default();
            format!("restarted, but it did not pass a check within {} s.{output}", READY_WITHIN.as_secs())
        };
        Restart { restarted: true, message, check }
    }

    async fn failed_restart(&self, server: &KnownServer, error: CheckError) -> Restart {
        let message = format!("cannot start it: {}", error.message);
        let check = CheckResult::failed(error);
        self.record(server, &check).await;
        Restart { restarted: false, message, check }
    }
}
