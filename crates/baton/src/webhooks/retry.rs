//! When a delivery is tried again: exponential backoff with jitter, over hours, and which
//! outcomes are worth another try at all.

use std::time::Duration;

use rand::Rng;

/// The default first wait (`--webhook-backoff-base`).
pub const DEFAULT_BASE: Duration = Duration::from_secs(30);

/// Each wait as a multiple of the base: with 30 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h,
/// then 8 h for every later attempt. Ten attempts span about a day.
const STEPS: [u32; 8] = [1, 4, 20, 60, 120, 240, 480, 960];

/// The longest a `Retry-After` header can make us wait.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 3600);

/// The wait after the `attempt`-th failed attempt (1-based), before jitter.
pub fn backoff(base: Duration, attempt: u32) -> Duration {
    let step = attempt.saturating_sub(1).min(STEPS.len() as u32 - 1) as usize;
    base.saturating_mul(STEPS[step])
}

/// [`backoff`] plus up to a fifth more, so deliveries that failed together do not all come
/// back at once.
pub fn with_jitter(wait: Duration) -> Duration {
    let extra = rand::thread_rng().gen_range(0.0..0.2);
    wait + wait.mul_f64(extra)
}

/// How an attempt ended, for deciding what comes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 2xx.
    Delivered,
    /// Network error, timeout, 429 or 5xx: worth another try.
    Retry,
    /// Any other status (a 4xx is the receiver's answer; a 3xx left after the redirects we
    /// follow): trying again will not help.
    Final,
}

impl Outcome {
    /// The outcome of an HTTP status code.
    pub fn of_status(code: u16) -> Self {
        match code {
            200..=299 => Self::Delivered,
            429 | 500..=599 => Self::Retry,
            _ => Self::Final,
        }
    }
}

/// A `Retry-After` value: seconds, or an HTTP date (compared with `now`, Unix seconds). At
/// most a day; none when it cannot be read.
pub fn parse_retry_after(value: &str, now: i64) -> Option<Duration> {
    let value = value.trim();
    let wait = match value.parse::<u64>() {
        Ok(seconds) => Duration::from_secs(seconds),
        Err(_) => {
            let format = time::format_description::well_known::Rfc2822;
            let at = time::OffsetDateTime::parse(value, &format).ok()?;
            Duration::from_secs(u64::try_from(at.unix_timestamp() - now).unwrap_or(0))
        }
    };
    Some(wait.min(MAX_RETRY_AFTER))
}

/// Reads `--webhook-backoff-base`: `250ms`, or what plan durations accept (`30s`, `2m`).
pub fn parse_base(text: &str) -> Result<Duration, String> {
    if let Some(millis) = text.trim().strip_suffix("ms") {
        return match millis.parse::<u64>() {
            Ok(millis) if millis > 0 => Ok(Duration::from_millis(millis)),
            _ => Err(format!("{text:?} is not a duration (use 250ms, 30s or 2m)")),
        };
    }
    crate::domain::plan::parse_duration(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: u64 = 60;
    const HOUR: u64 = 3600;

    #[test]
    fn the_default_schedule_spreads_ten_attempts_over_about_a_day() {
        let waits: Vec<u64> = (1..=9).map(|attempt| backoff(DEFAULT_BASE, attempt).as_secs()).collect();
        assert_eq!(
            waits,
            [30, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 8 * HOUR]
        );
        let total: u64 = waits.iter().sum();
        assert!((20 * HOUR..30 * HOUR).contains(&total), "{total} s");
    }

    #[test]
    fn a_smaller_base_shrinks_the_whole_schedule() {
        let base = Duration::from_millis(100);
        assert_eq!(backoff(base, 1), Duration::from_millis(100));
        assert_eq!(backoff(base, 2), Duration::from_millis(400));
        assert_eq!(backoff(base, 50), Duration::from_millis(96_000));
    }

    #[test]
    fn jitter_only_ever_adds_up_to_a_fifth() {
        let wait = Duration::from_secs(100);
        for _ in 0..200 {
            let jittered = with_jitter(wait);
            assert!(jittered >= wait && jittered < Duration::from_secs(120), "{jittered:?}");
        }
    }

    #[test]
    fn retries_follow_the_status_code() {
        assert_eq!(Outcome::of_status(200), Outcome::Delivered);
        assert_eq!(Outcome::of_status(204), Outcome::Delivered);
        for code in [429, 500, 502, 503, 504] {
            assert_eq!(Outcome::of_status(code), Outcome::Retry, "{code}");
        }
        for code in [400, 401, 403, 404, 408, 410, 422, 301] {
            assert_eq!(Outcome::of_status(code), Outcome::Final, "{code}");
        }
    }

    #[test]
    fn retry_after_reads_seconds_and_dates_and_is_capped() {
        assert_eq!(parse_retry_after("120", 0), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after(" 0 ", 0), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("99999999", 0), Some(MAX_RETRY_AFTER));
        // Tue, 14 Nov 2023 22:13:20 GMT is 1700000000.
        assert_eq!(
            parse_retry_after("Tue, 14 Nov 2023 22:13:20 GMT", 1_700_000_000 - 90),
            Some(Duration::from_secs(90))
        );
        assert_eq!(parse_retry_after("Tue, 14 Nov 2023 22:13:20 GMT", 1_800_000_000), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", 0), None);
        assert_eq!(parse_retry_after("-5", 0), None);
    }

    #[test]
    fn the_base_reads_milliseconds_and_plan_durations() {
        assert_eq!(parse_base("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_base("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_base("2m"), Ok(Duration::from_secs(120)));
        assert!(parse_base("0ms").is_err());
        assert!(parse_base("fast").is_err());
    }
}
