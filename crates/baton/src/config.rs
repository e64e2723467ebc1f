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
    Serve(ServeArgs),
    /// Print the OpenAPI document of the HTTP API to stdout.
    Openapi,
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
        match &self.data_dir {
            Some(dir) => Ok(dir.clone()),
            None => dirs::data_dir().map(|d| d.join("baton")).ok_or_else(|| {
                anyhow::anyhow!("cannot find a data directory for this user: pass --data-dir")
            }),
        }
    }
}
