//! Domain types validate on construction ("parse, don't validate"): a value of one of these types
//! is known to be good, so nothing downstream checks it again.

/// Field-level validation errors, collected so a client learns every problem at once.
pub mod field_errors;
/// Projects: names, statuses, workspace directories.
pub mod project;
/// Instants in UTC, stored as SQLite-compatible text and shown as RFC 3339.
pub mod timestamp;
/// Users, roles and token roles.
pub mod user;
