use std::fmt;

use serde::{Serialize, Serializer};
use time::{
    OffsetDateTime, PrimitiveDateTime, format_description::BorrowedFormatItem,
    format_description::well_known::Rfc3339, macros::format_description,
};

/// An instant in UTC with millisecond precision.
///
/// Stored as `YYYY-MM-DD HH:MM:SS.SSS`, the shape of SQLite's own `CURRENT_TIMESTAMP` plus
/// milliseconds, so rows written by Baton and by the seed schema's defaults sort together.
/// Shown to clients as RFC 3339 (`2026-11-25T19:49:03.123Z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(OffsetDateTime);

const DB_FORMAT: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day] [hour]:[minute]:[second].[subsecond digits:3]");
const DB_FORMAT_SECONDS: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");

impl Timestamp {
    pub fn now() -> Self {
        let now = OffsetDateTime::now_utc();
        // Truncate to what is stored, so a value read back equals the value written.
        let millis = now.millisecond();
        Self(now.replace_millisecond(millis).unwrap_or(now))
    }

    /// The instant `seconds` after the Unix epoch (the epoch itself when out of range).
    pub fn from_unix_seconds(seconds: i64) -> Self {
        Self(OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH))
    }

    /// Seconds since the Unix epoch.
    pub fn unix_seconds(self) -> i64 {
        self.0.unix_timestamp()
    }

    /// Milliseconds since the Unix epoch.
    pub fn unix_millis(self) -> i64 {
        i64::try_from(self.0.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
    }

    /// This instant moved by `seconds` (negative: earlier).
    pub fn plus_seconds(self, seconds: i64) -> Self {
        Self(self.0 + time::Duration::seconds(seconds))
    }

    /// This instant moved by `millis` milliseconds (negative: earlier).
    pub fn plus_millis(self, millis: i64) -> Self {
        Self(self.0 + time::Duration::milliseconds(millis))
    }

    /// Now, or a millisecond after `previous` if the clock has not moved past it: successive
    /// updates of a row get strictly increasing times.
    pub fn now_after(previous: Self) -> Self {
        let next = Self(previous.0 + time::Duration::milliseconds(1));
        Self::now().max(next)
    }

    /// The stored text form.
    pub fn to_db(self) -> String {
        self.0.format(DB_FORMAT).unwrap_or_default()
    }

    /// Reads the stored form, with or without fractional seconds, or RFC 3339.
    pub fn from_db(text: &str) -> Result<Self, String> {
        PrimitiveDateTime::parse(text, DB_FORMAT)
            .or_else(|_| PrimitiveDateTime::parse(text, DB_FORMAT_SECONDS))
            .map(|t| Self(t.assume_utc()))
            .or_else(|_| {
                OffsetDateTime::parse(text, &Rfc3339).map(|t| Self(t.to_offset(time::UtcOffset::UTC)))
            })
            .map_err(|_| format!("not a timestamp: {text:?}"))
    }

    pub fn to_rfc3339(self) -> String {
        let utc = self.0.to_offset(time::UtcOffset::UTC);
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
            utc.year(),
            u8::from(utc.month()),
            utc.day(),
            utc.hour(),
            utc.minute(),
            utc.second(),
            utc.millisecond()
        )
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_timestamp_reads_back_equal() {
        let now = Timestamp::now();
        assert_eq!(Timestamp::from_db(&now.to_db()), Ok(now));
    }

    #[test]
    fn sqlite_current_timestamp_is_read() {
        let t = Timestamp::from_db("2025-08-01 10:00:00").expect("parses");
        assert_eq!(t.to_rfc3339(), "2025-08-01T10:00:00.000Z");
    }

    #[test]
    fn rfc3339_with_an_offset_is_read_as_utc() {
        let t = Timestamp::from_db("2025-08-01T12:00:00.5+02:00").expect("parses");
        assert_eq!(t.to_rfc3339(), "2025-08-01T10:00:00.500Z");
        assert_eq!(t.to_db(), "2025-08-01 10:00:00.500");
    }

    #[test]
    fn now_after_is_strictly_later() {
        let future = Timestamp::from_db("2999-01-01 00:00:00.000").expect("parses");
        assert_eq!(Timestamp::now_after(future).to_db(), "2999-01-01 00:00:00.001");
        let past = Timestamp::from_db("2000-01-01 00:00:00").expect("parses");
        assert!(Timestamp::now_after(past) > past);
    }

    #[test]
    fn garbage_is_refused() {
        assert!(Timestamp::from_db("yesterday").is_err());
        assert!(Timestamp::from_db("").is_err());
    }
}
