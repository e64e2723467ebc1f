//! The `limit` and `cursor` query parameters every newest-first list shares.

use crate::{domain::field_errors::FieldErrors, store::cursor::Cursor};

/// The most items one page may hold.
pub const MAX_LIMIT: u32 = 200;
const DEFAULT_LIMIT: u32 = 50;

/// Reads `limit` (1–200, default 50) and `cursor` (opaque, from a previous page), recording
/// what is wrong with either in `errors`.
pub fn page(limit: Option<u32>, cursor: Option<String>, errors: &mut FieldErrors) -> (u32, Option<Cursor>) {
    let limit = limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        errors.add("limit", format!("must be between 1 and {MAX_LIMIT} (got {limit})"));
    }
    let after = cursor.filter(|c| !c.is_empty()).and_then(|text| {
        let cursor = Cursor::decode(&text);
        if cursor.is_none() {
            errors.add("cursor", "is not a cursor this server issued");
        }
        cursor
    });
    (limit, after)
}
