// rate_limiter.rs
//
// Write a rate limiter that many request-handling threads share. In each
// time window a client may make at most `limit` requests:
//   * `try_acquire(client)` allows one more request and counts it, or says no;
//   * `remaining(client)` says how many requests the client has left;
//   * `reset()` starts a new window for every client.
// `RateLimiter` is a handle: a clone is a second handle to the SAME counts,
// so each thread can own one. Choose its fields, then write the methods.
// The tests are the spec.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Clone)]
pub struct RateLimiter {
    limit: u32,
    used: Arc<Mutex<HashMap<String, u32>>>,
}

impl RateLimiter {
    pub fn new(limit: u32) -> Self {
        RateLimiter {
            limit,
            used: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    pub fn try_acquire(&self, client: &str) -> bool {
        // Check and update under ONE lock: two separate lock calls would let
        // another thread slip in between and exceed the limit.
        let mut used = self.used.lock().unwrap();
        let count = used.entry(client.to_owned()).or_insert(0);
        if *count < self.limit {
            *count += 1;
            true
        } else {
            false
        }
    }

    pub fn remaining(&self, client: &str) -> u32 {
        let used = self.used.lock().unwrap();
        self.limit - used.get(client).copied().unwrap_or(0)
    }

    pub fn reset(&self) {
        self.used.lock().unwrap().clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::thread;

    #[test]
    fn allows_up_to_the_limit() {
        let limiter = RateLimiter::new(2);
        assert_eq!(limiter.remaining("ada"), 2);
        assert!(limiter.try_acquire("ada"));
        assert!(limiter.try_acquire("ada"));
        assert!(!limiter.try_acquire("ada"));
        assert_eq!(limiter.remaining("ada"), 0);
    }

    #[test]
    fn clients_are_counted_separately() {
        let limiter = RateLimiter::new(1);
        assert!(limiter.try_acquire("ada"));
        assert!(limiter.try_acquire("bob"));
        assert!(!limiter.try_acquire("ada"));
        assert_eq!(limiter.remaining("cy"), 1);
    }

    #[test]
    fn clones_share_the_counts() {
        let limiter = RateLimiter::new(3);
        let other = limiter.clone();
        assert!(limiter.try_acquire("ada"));
        assert!(other.try_acquire("ada"));
        assert_eq!(limiter.remaining("ada"), 1);
        assert_eq!(other.remaining("ada"), 1);
    }

    #[test]
    fn reset_starts_a_new_window() {
        let limiter = RateLimiter::new(1);
        assert!(limiter.try_acquire("ada"));
        limiter.clone().reset();
        assert_eq!(limiter.remaining("ada"), 1);
        assert!(limiter.try_acquire("ada"));
    }

    #[test]
    fn threads_never_exceed_the_limit_together() {
        let limiter = RateLimiter::new(100);
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let limiter = limiter.clone();
                thread::spawn(move || (0..50).filter(|_| limiter.try_acquire("ada")).count())
            })
            .collect();
        let granted: usize = handles.into_iter().map(|h| h.join().unwrap()).sum();
        assert_eq!(granted, 100);
        assert_eq!(limiter.remaining("ada"), 0);
    }
}
