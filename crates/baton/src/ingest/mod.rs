//! Parsers that turn what agents print or send into Baton's events: pure functions, no I/O.

/// Claude Code hook events.
pub mod hooks;
/// orchestrator.sh's `webhook_notify` events.
pub mod notify;
/// The report every outside source is read into.
pub mod report;
/// `claude -p --output-format stream-json` lines.
pub mod stream_json;
/// orchestrator.sh's workspace files.
pub mod workspace;
