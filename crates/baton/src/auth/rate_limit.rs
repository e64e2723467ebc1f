//! In-memory rate limits: a sliding window for sign-in failures, a token bucket for API calls.

use std::{
    collections::{HashMap, VecDeque},
    sync::Mutex,
    time::{Duration, Instant},
};

/// At most `max` events per `window` for each key.
#[derive(Debug)]
pub struct SlidingWindow {
    max: usize,
    window: Duration,
    events: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl SlidingWindow {
    pub fn new(max: usize, window: Duration) -> Self {
        Self { max, window, events: Mutex::new(HashMap::new()) }
    }

    /// `Err(retry_after)` when `key` has used up its window.
    pub fn check(&self, key: &str, now: Instant) -> Result<(), Duration> {
        let mut events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        let Some(times) = events.get_mut(key) else { return Ok(()) };
        while times.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
            times.pop_front();
        }
        match times.front() {
            Some(oldest) if times.len() >= self.max => Err(self.window - now.duration_since(*oldest)),
            _ => Ok(()),
        }
    }

    pub fn record(&self, key: &str, now: Instant) {
        let mut events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        // Forget keys whose window has passed, so the map cannot grow without bound.
        if events.len() > 10_000 {
            events.retain(|_, times| times.back().is_some_and(|t| now.duration_since(*t) < self.window));
        }
        let times = events.entry(key.to_owned()).or_default();
        times.push_back(now);
        if times.len() > self.max {
            times.pop_front();
        }
    }

    pub fn clear(&self, key: &str) {
        self.events.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
    }
}

/// A token bucket per key: `burst` requests at once, refilled at `per_second`.
#[derive(Debug)]
pub struct TokenBucket {
    burst: f64,
    per_second: f64,
    buckets: Mutex<HashMap<String, (f64, Instant)>>,
}

impl TokenBucket {
    pub fn new(burst: u32, per_second: u32) -> Self {
        Self {
            burst: f64::from(burst),
            per_second: f64::from(per_second),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token for `key`; `Err(retry_after)` when none is left.
    pub fn take(&self, key: &str, now: Instant) -> Result<(), Duration> {
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let (tokens, last) = buckets.entry(key.to_owned()).or_insert((self.burst, now));
        *tokens = (*tokens + now.duration_since(*last).as_secs_f64() * self.per_second).min(self.burst);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - *tokens) / self.per_second))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_refuses_past_its_maximum_and_reopens_after_it() {
        let limit = SlidingWindow::new(3, Duration::from_secs(60));
        let start = Instant::now();
        for i in 0..3 {
            assert!(limit.check("ip:1", start).is_ok(), "attempt {i}");
            limit.record("ip:1", start + Duration::from_secs(i));
        }
        let retry = limit.check("ip:1", start + Duration::from_secs(10)).expect_err("limited");
        assert_eq!(retry, Duration::from_secs(50));
        assert!(limit.check("ip:2", start).is_ok(), "other keys are not affected");
        assert!(limit.check("ip:1", start + Duration::from_secs(61)).is_ok());
        limit.clear("ip:1");
        assert!(limit.check("ip:1", start + Duration::from_secs(10)).is_ok());
    }

    #[test]
    fn a_bucket_allows_a_burst_then_its_rate() {
        let bucket = TokenBucket::new(2, 10);
        let start = Instant::now();
        assert!(bucket.take("t", start).is_ok());
        assert!(bucket.take("t", start).is_ok());
        assert!(bucket.take("t", start).is_err());
        assert!(bucket.take("t", start + Duration::from_millis(100)).is_ok());
    }
}
