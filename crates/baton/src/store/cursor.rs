use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sqlx::{QueryBuilder, Sqlite};

use crate::domain::timestamp::Timestamp;

/// A position in a newest-first list: the `(created_at, id)` of the last row of the previous
/// page. Clients get it as an opaque string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub created_at: String,
    pub id: String,
}

impl Cursor {
    pub fn new(created_at: String, id: String) -> Self {
        Self { created_at, id }
    }

    /// The opaque form given to clients.
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("{}\n{}", self.created_at, self.id))
    }

    /// Adds the condition that selects the rows after this cursor in newest-first order.
    pub fn push_condition<'a>(&'a self, query: &mut QueryBuilder<'a, Sqlite>) {
        query
            .push(" AND (created_at, id) < (")
            .push_bind(&self.created_at)
            .push(", ")
            .push_bind(&self.id)
            .push(")");
    }

    pub fn decode(text: &str) -> Option<Self> {
        let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let (created_at, id) = text.split_once('\n')?;
        Timestamp::from_db(created_at).ok()?;
        Some(Self { created_at: created_at.to_owned(), id: id.to_owned() })
    }
}
