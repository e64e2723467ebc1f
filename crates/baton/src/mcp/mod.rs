//! MCP servers: discovered from Claude Code's files (`~/.claude.json`, each project's
//! `.mcp.json`) or added in Baton, checked with the protocol's own handshake, watched over time.
//! See shared/reference/claude-code.md §5.

use std::{path::PathBuf, sync::Arc, time::Duration};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::ToSchema;

use crate::{realtime::announce::Announcer, settings::SettingsHub, store::Db, vault::Vault};

/// Recording checks and announcing status changes.
pub mod checks;
/// A small MCP client: the health check over stdio, streamable HTTP and legacy SSE.
pub mod client;
/// Reading `~/.claude.json` and `.mcp.json`; precedence between scopes.
pub mod discovery;
/// `${VAR}` and `${VAR:-default}`.
pub mod expand;
/// What people send to add or change a server.
pub mod input;
/// Periodic checks of every known server.
pub mod monitor;
/// The long-lived HTTP servers Baton runs itself.
pub mod supervisor;
/// A server's configuration made ready to connect: references expanded, secrets opened.
pub mod target;

/// Checks kept per server.
pub const HISTORY_KEPT: i64 = 200;

/// Where a server's configuration comes from, lowest precedence first: on a clash of names
/// inside one project, local beats project beats user, and servers added in Baton beat all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// `~/.claude.json`, top-level `mcpServers`.
    User,
    /// `<project>/.mcp.json`.
    Project,
    /// `~/.claude.json`, `projects["<project dir>"].mcpServers`.
    Local,
    /// Added in Baton.
    Baton,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Project => "project",
            Self::Local => "local",
            Self::Baton => "baton",
        }
    }
}

/// How Baton talks to a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Transport {
    /// A command whose stdin and stdout carry newline-delimited JSON-RPC.
    Stdio,
    /// Streamable HTTP: JSON-RPC POSTed to one URL.
    Http,
    /// The older HTTP+SSE transport.
    Sse,
}

/// A server's configuration as written: `${VAR}` references unexpanded, secrets sealed. This is
/// also what the `config` column of `mcp_servers` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerConfig {
    #[serde(rename = "type")]
    pub transport: Transport,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<String>,
    /// Values are strings or secrets (`{"sealed": ..}` when stored).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub env: Map<String, Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub headers: Map<String, Value>,
    /// Baton starts `command` and keeps it running (HTTP servers added in Baton only).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub managed: bool,
}

/// One server from one scope.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownServer {
    pub name: String,
    pub scope: Scope,
    /// The project it belongs to; None for user-scope servers and global Baton ones.
    pub project_id: Option<String>,
    pub config: ServerConfig,
}

impl KnownServer {
    /// What its checks are recorded under: unique among every server Baton knows.
    pub fn key(&self) -> String {
        server_key(self.scope, self.project_id.as_deref(), &self.name)
    }

    /// Precedence on a clash of names; a project's own Baton server beats a global one.
    pub fn rank(&self) -> (Scope, bool) {
        (self.scope, self.project_id.is_some())
    }
}

/// `<scope>:<project id or empty>:<name>`.
pub fn server_key(scope: Scope, project_id: Option<&str>, name: &str) -> String {
    format!("{}:{}:{name}", scope.as_str(), project_id.unwrap_or_default())
}

/// One health check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CheckResult {
    /// RFC 3339.
    pub checked_at: String,
    pub ok: bool,
    /// From the start of the check to its end (or failure).
    pub latency_ms: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_version: Option<String>,
    /// The protocol version the server agreed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tool_count: Option<usize>,
    /// The tools it offers (left out of history entries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tools: Option<Vec<Tool>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<CheckError>,
}

/// A tool a server offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Tool {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A JSON Schema.
    #[schema(value_type = Object)]
    pub input_schema: Value,
}

/// Why a check failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct CheckError {
    pub kind: FailureKind,
    /// A sentence for a person.
    pub message: String,
    /// The end of what the server wrote on stderr (stdio servers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stderr: Option<String>,
    /// How the server's process ended (`exited`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// The HTTP status it answered with (`http`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
}

/// The kinds of failure a check tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// The command does not exist (or cannot be run), or its configuration cannot be used.
    NotFound,
    /// The process ended before answering.
    Exited,
    /// No complete answer within the check's time.
    Timeout,
    /// The answer was not JSON-RPC, or was a JSON-RPC error.
    Protocol,
    /// The server answered with an HTTP error status.
    Http,
    /// Nothing listens at the URL (or it cannot be reached).
    Refused,
}

impl CheckResult {
    /// A check that failed before it could talk to the server.
    pub fn failed(error: CheckError) -> Self {
        Self {
            checked_at: crate::domain::timestamp::Timestamp::now().to_rfc3339(),
            ok: false,
            latency_ms: 0,
            server_name: None,
            server_version: None,
            protocol_version: None,
            tool_count: None,
            tools: None,
            error: Some(error),
        }
    }

    /// `ok` or `down`.
    pub fn status(&self) -> Status {
        if self.ok { Status::Ok } else { Status::Down }
    }
}

/// What the last check said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Down,
    /// Not checked yet.
    Unknown,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::Down => "down",
            Self::Unknown => "unknown",
        }
    }
}

impl CheckError {
    pub fn new(kind: FailureKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), stderr: None, exit_code: None, http_status: None }
    }
}

/// MCP servers: what is known, their checks, the processes Baton runs. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Mcp {
    pub(crate) db: Db,
    pub(crate) vault: Arc<Vault>,
    pub(crate) announce: Announcer,
    /// `mcp.check_interval` and `mcp.check_timeout`, read when they are used.
    pub(crate) settings: Arc<SettingsHub>,
    /// `~/.claude.json` or what `--claude-json` says; None when there is no home directory.
    pub(crate) claude_json: Option<Arc<PathBuf>>,
    pub(crate) http: reqwest::Client,
    pub supervisor: Arc<supervisor::Supervisor>,
    /// Serialises recording, so one status change is announced once.
    pub(crate) recording: Arc<tokio::sync::Mutex<()>>,
}

impl Mcp {
    /// Time a whole check (start, handshake, tool list) may take.
    pub fn check_timeout(&self) -> Duration {
        self.settings.current().mcp.check_timeout
    }
}

impl Mcp {
    pub fn new(
        db: Db,
        vault: Arc<Vault>,
        announce: Announcer,
        settings: Arc<SettingsHub>,
        claude_json: Option<PathBuf>,
    ) -> Self {
        // Redirects are not followed: an MCP endpoint that moves is a configuration to fix.
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .user_agent(concat!("baton/", env!("CARGO_PKG_VERSION")))
            .build()
            .unwrap_or_default();
        Self {
            db,
            vault,
            announce,
            settings,
            claude_json: claude_json.map(Arc::new),
            http,
            supervisor: Arc::default(),
            recording: Arc::default(),
        }
    }
}

/// `~/.claude.json`, when there is a home directory.
pub fn default_claude_json() -> Option<PathBuf> {
    dirs::home_dir().map(|home| home.join(".claude.json"))
}
