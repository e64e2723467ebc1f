//! The states of executions and tasks.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// `queued → running → completed | failed | cancelled | interrupted`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExecutionStatus {
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
    /// The server stopped while the execution ran.
    Interrupted,
}

/// `pending → running → completed | failed | cancelled | skipped | timed_out`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
    /// A task it depends on did not complete.
    Skipped,
    TimedOut,
}

macro_rules! text_enum {
    ($type:ty { $($variant:ident = $text:literal),+ $(,)? }) => {
        impl $type {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Result<Self, String> {
                match text {
                    $($text => Ok(Self::$variant),)+
                    other => Err(format!("must be one of {} (got {other:?})", [$($text),+].join(", "))),
                }
            }
        }
    };
}

text_enum!(ExecutionStatus {
    Queued = "queued",
    Running = "running",
    Completed = "completed",
    Failed = "failed",
    Cancelled = "cancelled",
    Interrupted = "interrupted",
});

text_enum!(TaskStatus {
    Pending = "pending",
    Running = "running",
    Completed = "completed",
    Failed = "failed",
    Cancelled = "cancelled",
    Skipped = "skipped",
    TimedOut = "timed_out",
});

impl ExecutionStatus {
    pub fn is_terminal(self) -> bool {
        !matches!(self, Self::Queued | Self::Running)
    }
}

impl TaskStatus {
    pub fn is_terminal(self) -> bool {
        !matches!(self, Self::Pending | Self::Running)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_read_back_and_unknown_ones_are_named() {
        for status in [TaskStatus::Pending, TaskStatus::TimedOut, TaskStatus::Skipped] {
            assert_eq!(TaskStatus::parse(status.as_str()), Ok(status));
        }
        assert!(ExecutionStatus::parse("done").expect_err("unknown").contains("queued, running"));
        assert!(ExecutionStatus::Interrupted.is_terminal() && !ExecutionStatus::Queued.is_terminal());
    }
}
