use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What a signed-in person may do. Ordered: each role may do everything the one before may.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Every read.
    Viewer,
    /// Also start, stop and cancel; create and edit projects, plans and agent configuration.
    Operator,
    /// Also users, tokens, global configuration, webhooks, MCP restarts, imports.
    Admin,
}

impl Role {
    pub const ALL: [Self; 3] = [Self::Viewer, Self::Operator, Self::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Viewer => "viewer",
            Self::Operator => "operator",
            Self::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|role| role.as_str() == text)
            .ok_or_else(|| format!("must be one of viewer, operator, admin (got {text:?})"))
    }
}

/// What an API token may do: a role, or `ingest` (post events only).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum TokenRole {
    Viewer,
    Operator,
    Admin,
    /// May only post events (Claude Code hooks, legacy notify events).
    Ingest,
}

impl TokenRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ingest => "ingest",
            Self::Viewer => "viewer",
            Self::Operator => "operator",
            Self::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        match text {
            "ingest" => Ok(Self::Ingest),
            other => Role::parse(other)
                .map(Self::from)
                .map_err(|_| format!("must be one of viewer, operator, admin, ingest (got {other:?})")),
        }
    }

    /// The role for reading and changing things; `None` for an ingest-only token.
    pub fn role(self) -> Option<Role> {
        match self {
            Self::Viewer => Some(Role::Viewer),
            Self::Operator => Some(Role::Operator),
            Self::Admin => Some(Role::Admin),
            Self::Ingest => None,
        }
    }
}

impl From<Role> for TokenRole {
    fn from(role: Role) -> Self {
        match role {
            Role::Viewer => Self::Viewer,
            Role::Operator => Self::Operator,
            Role::Admin => Self::Admin,
        }
    }
}

/// The fewest characters a password may have.
pub const PASSWORD_MIN_CHARS: usize = 10;
/// The most: argon2 takes any length, but a megabyte "password" is an attack on the CPU.
pub const PASSWORD_MAX_CHARS: usize = 1024;

/// A username: 1–64 characters of letters, digits, `.`, `_`, `-`, `@`; unique regardless of case.
pub fn parse_username(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 64 {
        return Err("must be 1 to 64 characters".into());
    }
    if !name.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '@')) {
        return Err("may contain only letters, digits, '.', '_', '-' and '@'".into());
    }
    Ok(name.to_owned())
}

pub fn check_password(password: &str) -> Result<(), String> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(format!("must be at least {PASSWORD_MIN_CHARS} characters"));
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(format!("must be at most {PASSWORD_MAX_CHARS} characters"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered_by_what_they_allow() {
        assert!(Role::Viewer < Role::Operator && Role::Operator < Role::Admin);
        assert_eq!(TokenRole::Ingest.role(), None);
        assert_eq!(TokenRole::parse("operator").map(TokenRole::role), Ok(Some(Role::Operator)));
        assert!(TokenRole::parse("root").is_err());
    }

    #[test]
    fn usernames_and_passwords_are_checked() {
        assert_eq!(parse_username("  ada.l@x ").as_deref(), Ok("ada.l@x"));
        assert!(parse_username("").is_err());
        assert!(parse_username("has space").is_err());
        assert!(parse_username(&"a".repeat(65)).is_err());
        assert!(check_password("123456789").is_err());
        assert!(check_password("1234567890").is_ok());
        assert!(check_password(&"x".repeat(1025)).is_err());
    }
}
