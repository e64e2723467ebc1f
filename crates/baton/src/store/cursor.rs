use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

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

    pub fn decode(text: &str) -> Option<Self> {
        let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let (created_at, id) = text.split_once('\n')?;
        Timestamp::from_db(created_at).ok()?;
        Some(Self { created_at: created_at.to_owned(), id: id.to_owned() })
    }
}
