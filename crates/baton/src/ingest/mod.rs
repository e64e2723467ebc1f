//! Parsers that turn what agents print or send into Baton's events: pure functions, no I/O.

/// `claude -p --output-format stream-json` lines.
pub mod stream_json;
