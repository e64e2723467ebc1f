use std::{net::IpAddr, path::PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

/// `baton [serve] [flags]`: every flag also reads a `BATON_*` environment variable.
#[derive(Debug, Parser)]
#[command(
    name = "baton",
    version,
    about = "Baton: the dashboard for running and watching teams of coding agents"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Flags for `serve`, which is what runs when no subcommand is given.
    #[command(flatten)]
    pub serve: ServeArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the server: HTTP API, web app and background jobs (the default).
    // Boxed: the flags are many, the other subcommands small.
    Serve(Box<ServeArgs>),
    /// Print the OpenAPI document of the HTTP API to stdout.
    Openapi,
    /// A stand-in for the `claude` CLI that prints realistic stream-json (for tests and the
    /// example project; it calls no model).
    #[command(hide = true, disable_help_flag = true)]
    FakeClaude {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Manage the people who sign in (works on the database directly).
    User {
        #[command(subcommand)]
        command: UserCommand,
        #[command(flatten)]
        data: DataDirArg,
    },
    /// Manage API tokens for scripts and hooks.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
        #[command(flatten)]
        data: DataDirArg,
    },
    /// Write everything configurable (global and project configuration, projects, plans, agent
    /// configurations) as one YAML or JSON bundle, to stdout or a file.
    Export {
        #[arg(long, value_parser = ["yaml", "json"], default_value = "yaml")]
        format: String,
        /// Write to this file instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Encrypt secrets into the bundle with a passphrase read from the first line of stdin
        /// (without it, secrets are left out).
        #[arg(long)]
        passphrase_stdin: bool,
        #[command(flatten)]
        data: DataDirArg,
    },
    /// Apply a bundle written by `baton export` (or the API) in one transaction, printing what
    /// changes item by item; nothing changes if any item is invalid.
    Import {
        /// The bundle file (YAML or JSON); `-` reads stdin.
        file: PathBuf,
        /// Only print what would change.
        #[arg(long)]
        dry_run: bool,
        /// Also delete what the bundle does not list.
        #[arg(long)]
        prune: bool,
        /// The passphrase the bundle's secrets were encrypted with, from the first line of stdin.
        #[arg(long)]
        passphrase_stdin: bool,
        #[command(flatten)]
        data: DataDirArg,
    },
    /// Forward one Claude Code hook event (read from stdin) to Baton: the `command` form of
    /// Baton's hook. Prints nothing and always exits 0, so it never blocks or steers the agent.
    Hook {
        #[command(flatten)]
        target: BatonTarget,
        /// Seconds to wait for Baton before giving up on this event.
        #[arg(long, default_value_t = 2.0)]
        timeout: f64,
    },
    /// Manage the Claude Code hooks that report to Baton.
    Hooks {
        #[command(subcommand)]
        command: HooksCommand,
    },
}

/// Where a running Baton is, and the token to post with.
#[derive(Debug, Clone, Args)]
pub struct BatonTarget {
    /// Baton's address.
    #[arg(long, env = "BATON_URL", default_value = "http://127.0.0.1:3001")]
    pub url: String,
    /// An ingest token (`baton token create --name hooks --role ingest`).
    #[arg(long, env = "BATON_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
}

/// `baton hooks ...`
#[derive(Debug, Subcommand)]
pub enum HooksCommand {
    /// Add Baton's hooks to a Claude Code settings file, keeping everything already in it, and
    /// print what changed.
    Install {
        /// The project whose `.claude/settings.json` to change [default: the current directory].
        #[arg(long, conflicts_with = "user")]
        project: Option<PathBuf>,
        /// Change your own `~/.claude/settings.json`, for every project.
        #[arg(long)]
        user: bool,
        /// Write the project's `.claude/settings.local.json` (not committed) instead.
        #[arg(long, conflicts_with = "user")]
        local: bool,
        /// `http`: Claude Code posts to Baton itself; `command`: it runs `baton hook` (older
        /// Claude Code versions without http hooks).
        #[arg(long, value_enum, default_value_t = HookKind::Http)]
        kind: HookKind,
        /// Baton's address.
        #[arg(long, env = "BATON_URL", default_value = "http://127.0.0.1:3001")]
        url: String,
        /// Print the result instead of writing it.
        #[arg(long)]
        dry_run: bool,
    },
}

/// How Claude Code reaches Baton.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HookKind {
    Http,
    Command,
}

/// `baton user ...`
#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a user; the password is asked for (or read from stdin with --password-stdin).
    Add {
        name: String,
        #[arg(long, value_parser = ["admin", "operator", "viewer"], default_value = "viewer")]
        role: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a user's password; their sessions end.
    Passwd {
        name: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List users.
    List,
}

/// `baton token ...`
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token and print it (shown only this once).
    Create {
        /// What the token is for, e.g. "claude hooks".
        #[arg(long)]
        name: String,
        /// `ingest` may only post events; the others act like a user with that role.
        #[arg(long, value_parser = ["admin", "operator", "viewer", "ingest"], default_value = "ingest")]
        role: String,
    },
}

/// The data directory, for subcommands that open the database.
#[derive(Debug, Clone, Args)]
pub struct DataDirArg {
    /// Directory of the database [default: the platform data directory, e.g. ~/.local/share/baton].
    #[arg(long, env = "BATON_DATA_DIR", global = true)]
    pub data_dir: Option<PathBuf>,
}

impl DataDirArg {
    pub fn resolve(&self) -> anyhow::Result<PathBuf> {
        resolve_data_dir(self.data_dir.as_ref())
    }
}

fn resolve_data_dir(flag: Option<&PathBuf>) -> anyhow::Result<PathBuf> {
    match flag {
        Some(dir) => Ok(dir.clone()),
        None => dirs::data_dir()
            .map(|d| d.join("baton"))
            .ok_or_else(|| anyhow::anyhow!("cannot find a data directory for this user: pass --data-dir")),
    }
}

/// How the server runs.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on. Keep 127.0.0.1 unless you put Baton behind a proxy that signs users in.
    #[arg(long, env = "BATON_HOST", default_value = "127.0.0.1")]
    pub host: IpAddr,

    /// Port to listen on; 0 picks a free one. The legacy orchestrator scripts post to 3001.
    #[arg(long, env = "BATON_PORT", default_value_t = 3001)]
    pub port: u16,

    /// Directory for the database and Baton's own files [default: the platform data directory,
    /// e.g. ~/.local/share/baton].
    #[arg(long, env = "BATON_DATA_DIR")]
    pub data_dir: Option<PathBuf>,

    /// Log format: `pretty` for a terminal, `json` for log collectors.
    #[arg(long, env = "BATON_LOG_FORMAT", value_enum, default_value_t = LogFormat::Pretty)]
    pub log_format: LogFormat,

    /// Log filter, in `tracing` syntax (e.g. `info`, `baton=debug,sqlx=warn`).
    #[arg(long, env = "BATON_LOG", default_value = "info")]
    pub log: String,

    /// Origins other than Baton's own that browsers may call the API from (repeatable, or
    /// comma-separated in the variable). Without it, only same-origin pages may.
    #[arg(long = "cors-origin", env = "BATON_CORS_ORIGIN", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// Password for the `admin` user created on first start [default: a generated one, printed
    /// once].
    #[arg(long, env = "BATON_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: Option<String>,

    /// Requests per second each signed-in user or token may make (bursts of five times that);
    /// ingest tokens are not limited here. Sign-in has its own, strict limit.
    #[arg(long, env = "BATON_RATE_LIMIT", default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..))]
    pub rate_limit: u32,

    /// The Claude Code executable for agents with no command of their own.
    #[arg(long, env = "BATON_CLAUDE_BIN", default_value = "claude")]
    pub claude_bin: String,

    /// Agent processes running at once, across all executions.
    #[arg(long, env = "BATON_MAX_AGENTS", default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub max_agents: u32,

    /// Time a cancelled or timed-out agent gets between SIGTERM and SIGKILL (e.g. 10s, 1m).
    #[arg(long, env = "BATON_KILL_GRACE", default_value = "10s", value_parser = parse_grace)]
    pub kill_grace: std::time::Duration,

    /// Do not create the example project on a brand-new data directory.
    #[arg(long, env = "BATON_NO_EXAMPLE")]
    pub no_example: bool,

    /// Claude Code's directory: agents are read from its `agents/` and orchestrator.sh's files from
    /// its `agent-workspaces/` [default: ~/.claude].
    #[arg(long, env = "BATON_CLAUDE_DIR")]
    pub claude_dir: Option<PathBuf>,

    /// Claude Code's `.claude.json`, where its user- and local-scope MCP servers are
    /// [default: ~/.claude.json].
    #[arg(long, env = "BATON_CLAUDE_JSON")]
    pub claude_json: Option<PathBuf>,

    /// Another directory of agent definition files (`*.md`, `agent-registry.json`) to list and
    /// watch (repeatable, or comma-separated in the variable).
    #[arg(long = "agents-dir", env = "BATON_AGENTS_DIR", value_delimiter = ',')]
    pub agents_dirs: Vec<PathBuf>,

    /// Another orchestrator.sh workspace directory to watch (repeatable, or comma-separated in
    /// the variable).
    #[arg(long = "workspaces-dir", env = "BATON_WORKSPACES_DIR", value_delimiter = ',')]
    pub workspaces_dirs: Vec<PathBuf>,

    /// Seconds during which a just-rotated refresh token is still accepted (two tabs refreshing
    /// at once); after that, presenting it again ends its whole session family.
    #[arg(long, env = "BATON_REFRESH_REUSE_GRACE", default_value_t = 10)]
    pub refresh_reuse_grace_s: u64,

    /// Let webhooks post to loopback, private and link-local addresses (a receiver on this
    /// machine or network). Off by default: a webhook URL could otherwise reach internal
    /// services or the cloud metadata address.
    #[arg(long, env = "BATON_ALLOW_PRIVATE_WEBHOOKS")]
    pub allow_private_webhooks: bool,

    /// The first wait before a failed webhook delivery is retried; later waits grow from it.
    #[arg(long, env = "BATON_WEBHOOK_BACKOFF_BASE", default_value = "30s", hide = true,
        value_parser = crate::webhooks::retry::parse_base)]
    pub webhook_backoff_base: std::time::Duration,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Pretty,
    Json,
}

impl ServeArgs {
    /// The data directory to use: the flag, or the platform's data directory.
    pub fn resolved_data_dir(&self) -> anyhow::Result<PathBuf> {
        resolve_data_dir(self.data_dir.as_ref())
    }

    /// Claude Code's directory: the flag, or `~/.claude` (none when there is no home).
    pub fn resolved_claude_dir(&self) -> Option<PathBuf> {
        self.claude_dir.clone().or_else(|| dirs::home_dir().map(|home| home.join(".claude")))
    }

    /// Claude Code's `.claude.json`: the flag, or `~/.claude.json` (none when there is no home).
    pub fn resolved_claude_json(&self) -> Option<PathBuf> {
        self.claude_json.clone().or_else(crate::mcp::default_claude_json)
    }
}

fn parse_grace(text: &str) -> Result<std::time::Duration, String> {
    crate::domain::plan::parse_duration(text)
}
