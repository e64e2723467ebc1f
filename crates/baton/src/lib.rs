//! Baton: the Agent Orchestrator Dashboard. One binary that serves the HTTP API, the web app
//! the execution engine and socket.io, all on SQLite in a data directory.

/// HTTP handlers, one module per resource, and the router that joins them.
pub mod api;
/// Builds the application from configuration and runs it until it is told to stop.
pub mod app;
/// Who is calling and what they may do: tokens, roles, rate limits.
pub mod auth;
/// The agent catalog: definition files and registries, watched.
pub mod catalog;
/// The `user` and `token` subcommands, which work on the database directly.
pub mod cli;
/// Command-line flags and `BATON_*` environment variables.
pub mod config;
/// Validated domain types; no HTTP and no SQL here.
pub mod domain;
/// The one error type every handler returns, and its JSON shape.
pub mod error;
/// The example project a brand-new data directory starts with.
pub mod example;
/// Runs Baton is told about: Claude Code sessions, orchestrator.sh runs.
pub mod external;
/// `baton fake-claude`: a stand-in for the claude CLI, for tests and the example project.
pub mod fake_claude;
/// CPU, memory and disk of the machine, read from /proc.
pub mod host;
/// Parsers for what agents print and send.
pub mod ingest;
/// MCP servers: discovered and added, health-checked, watched; the ones Baton runs.
pub mod mcp;
/// socket.io: the authenticated handshake, rooms, and the hub that sends committed events.
pub mod realtime;
/// The execution engine: scheduler, supervisor, runners.
pub mod runner;
/// Security headers and CORS.
pub mod security;
/// Baton's configuration at run time: defaults, flags and stored documents, merged and live.
pub mod settings;
/// All SQL, one module per table group.
pub mod store;
/// Logging setup: pretty for people, JSON for machines.
pub mod telemetry;
/// Secrets at rest: sealed with a key of the data directory, shown masked.
pub mod vault;
/// Watching directories for changes.
pub mod watch;
/// The embedded web app, served with an SPA fallback.
pub mod web;
/// Outbound webhooks: the outbox of deliveries, the guarded sender, signatures, retries.
pub mod webhooks;
