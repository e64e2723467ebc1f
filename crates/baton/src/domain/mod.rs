//! Domain types validate on construction ("parse, don't validate"): a value of one of these types
//! is known to be good, so nothing downstream checks it again.

/// How an agent runs: runner kind, command template, model, limits.
pub mod agent_config;
/// Which agents hand work to which, tallied from plans.
pub mod collaboration;
/// Execution and task states.
pub mod execution;
/// Field-level validation errors, collected so a client learns every problem at once.
pub mod field_errors;
/// Plans: DAGs of agent tasks, their validation and cycle detection.
pub mod plan;
/// Projects: names, statuses, workspace directories.
pub mod project;
/// Instants in UTC, stored as SQLite-compatible text and shown as RFC 3339.
pub mod timestamp;
/// Users, roles and token roles.
pub mod user;
