//! The stdio transport: the server is a child process (in its own process group) reading
//! newline-delimited JSON-RPC on stdin and answering on stdout; stderr is its log, of which we
//! keep the end to explain a failure.

use std::{
    process::Stdio,
    sync::{Arc, Mutex},
    time::Duration,
};

use serde_json::{Value, json};
use tokio::{
    io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader},
    process::{Child, ChildStdin, ChildStdout, Command},
    task::JoinHandle,
};

use super::{answers, not_json_rpc};
use crate::{
    mcp::{CheckError, FailureKind, target::Target},
    runner::process,
};

/// The longest message accepted on stdout.
const MAX_LINE: u64 = 16 * 1024 * 1024;
/// Bytes of stderr kept.
const STDERR_KEPT: usize = 16 * 1024;
/// Characters of stderr shown in a failure.
const STDERR_SHOWN: usize = 2000;

/// A running server process.
pub struct StdioConnection {
    program: String,
    child: Child,
    pgid: i32,
    stdin: Option<ChildStdin>,
    stdout: BufReader<ChildStdout>,
    stderr: Arc<Mutex<Vec<u8>>>,
    stderr_reader: Option<JoinHandle<()>>,
}

impl StdioConnection {
    /// Starts the command with Baton's environment plus the server's own.
    pub fn spawn(target: &Target) -> Result<Self, CheckError> {
        let not_found = |message: String| CheckError::new(FailureKind::NotFound, message);
        let program = target
            .command
            .clone()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| not_found("no command is configured".into()))?;
        let mut command = Command::new(&program);
        command
            .args(&target.args)
            .envs(target.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0)
            .kill_on_drop(true);
        if let Some(cwd) = target.cwd.as_ref().filter(|dir| dir.is_dir()) {
            command.current_dir(cwd);
        }
        let mut child = command.spawn().map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => {
                not_found(format!("the command {program:?} was not found (is it installed and on PATH?)"))
            }
            std::io::ErrorKind::PermissionDenied => {
                not_found(format!("{program:?} cannot be run: permission denied"))
            }
            _ => not_found(format!("{program:?} cannot be started: {error}")),
        })?;
        let pgid = child.id().and_then(|id| i32::try_from(id).ok()).unwrap_or_default();
        let (Some(stdin), Some(stdout), Some(stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err(not_found(format!("{program:?} started without its pipes")));
        };
        let kept = Arc::new(Mutex::new(Vec::new()));
        let stderr_reader = tokio::spawn(keep_tail(stderr, kept.clone()));
        Ok(Self {
            program,
            child,
            pgid,
            stdin: Some(stdin),
            stdout: BufReader::new(stdout),
            stderr: kept,
            stderr_reader: Some(stderr_reader),
        })
    }

    /// Sends `message` and reads until its answer, answering what the server asks meanwhile.
    pub async fn request(&mut self, message: &Value, id: u64) -> Result<Value, CheckError> {
        self.send(message).await?;
        loop {
            let received = self.receive().await?;
            if answers(&received, id) {
                return Ok(received);
            }
            // A request of the server (ping, roots/list): answered, so it does not wait on us.
            if let (Some(method), Some(request_id)) = (received.get("method"), received.get("id")) {
                let reply = if method == "ping" {
                    json!({"jsonrpc": "2.0", "id": request_id, "result": {}})
                } else {
                    json!({"jsonrpc": "2.0", "id": request_id, "error": {"code": -32601, "message": "Method not found"}})
                };
                self.send(&reply).await?;
            }
        }
    }

    /// Writes one line.
    pub async fn send(&mut self, message: &Value) -> Result<(), CheckError> {
        let mut line = serde_json::to_vec(message).unwrap_or_default();
        line.push(b'\n');
        let written = match self.stdin.as_mut() {
            Some(stdin) => match stdin.write_all(&line).await {
                Ok(()) => stdin.flush().await,
                Err(error) => Err(error),
            },
            None => Err(std::io::ErrorKind::BrokenPipe.into()),
        };
        match written {
            Ok(()) => Ok(()),
            Err(_) => Err(self.exited().await),
        }
    }

    /// The next JSON object on stdout; blank lines are skipped.
    async fn receive(&mut self) -> Result<Value, CheckError> {
        loop {
            let mut line = Vec::new();
            match (&mut self.stdout).take(MAX_LINE).read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => return Err(self.exited().await),
                Ok(_) if !line.ends_with(b"\n") && line.len() as u64 >= MAX_LINE => {
                    return Err(CheckError::new(
                        FailureKind::Protocol,
                        "a message on stdout is longer than 16 MiB",
                    ));
                }
                Ok(_) => {}
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return serde_json::from_slice::<Value>(&line)
                .ok()
                .filter(Value::is_object)
                .ok_or_else(|| not_json_rpc("a line on stdout", &line));
        }
    }

    /// Why stdout closed: the exit status and the end of stderr.
    async fn exited(&mut self) -> CheckError {
        let status = tokio::time::timeout(Duration::from_secs(2), self.child.wait()).await;
        // stderr is complete once the process is gone (unless a child of its own holds it).
        if let Some(reader) = self.stderr_reader.take() {
            let _ = tokio::time::timeout(Duration::from_millis(500), reader).await;
        }
        let program = &self.program;
        let mut error = match status {
            Ok(Ok(status)) => match status.code() {
                Some(code) => CheckError {
                    exit_code: Some(code),
                    ..CheckError::new(
                        FailureKind::Exited,
                        format!("{program} exited with code {code} before answering"),
                    )
                },
                None => CheckError::new(
                    FailureKind::Exited,
                    format!("{program} was ended by a signal ({status})"),
                ),
            },
            _ => CheckError::new(
                FailureKind::Protocol,
                format!("{program} closed its stdout without answering"),
            ),
        };
        error.stderr = self.stderr_tail();
        error
    }

    /// The last lines of stderr, if it wrote any.
    pub fn stderr_tail(&self) -> Option<String> {
        let kept = self.stderr.lock().unwrap_or_else(|e| e.into_inner());
        let text = String::from_utf8_lossy(&kept);
        let text = text.trim();
        let skip = text.chars().count().saturating_sub(STDERR_SHOWN);
        let tail: String = text.chars().skip(skip).collect();
        (!tail.is_empty()).then_some(tail)
    }

    /// Closes stdin (the protocol's way to ask a stdio server to stop), then ends the group.
    pub async fn close(mut self) {
        drop(self.stdin.take());
        if tokio::time::timeout(Duration::from_millis(200), self.child.wait()).await.is_err() && self.pgid > 0
        {
            process::terminate(&mut self.child, self.pgid, Duration::from_secs(1)).await;
        } else if self.pgid > 0 {
            // The leader is gone; anything it left in its group goes too.
            process::signal_group(self.pgid, nix::sys::signal::Signal::SIGKILL);
        }
        if let Some(reader) = self.stderr_reader.take() {
            reader.abort();
        }
    }
}

/// Keeps the last bytes `stderr` writes in `kept`.
pub(crate) async fn keep_tail(mut stderr: impl tokio::io::AsyncRead + Unpin, kept: Arc<Mutex<Vec<u8>>>) {
    let mut buffer = [0u8; 4096];
    while let Ok(read) = stderr.read(&mut buffer).await {
        if read == 0 {
            break;
        }
        let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.extend_from_slice(&buffer[..read]);
        let excess = kept.len().saturating_sub(STDERR_KEPT);
        kept.drain(..excess);
    }
}
