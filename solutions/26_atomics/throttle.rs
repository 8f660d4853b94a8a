// Exercise: throttle
//
// Write a lock-free throttle for an alerting system.
//
// `try_fire(now_ms)` returns true, and records `now_ms` as the time of the
// last firing, only if the throttle has never fired or at least
// `interval_ms` have passed since it last fired. A refused call records
// nothing. When several threads call it at the same moment, exactly ONE
// of them wins. `fired()` counts the successful calls.
//
// `global_throttle(interval_ms)` returns a process-wide throttle: the
// first call creates it with the given interval, and every later call
// returns that same throttle and ignores its argument.
//
// The caller passes the time in, so the tests are deterministic. Use
// atomics and std's one-time initialisation; no Mutex. The tests are the
// spec; do not edit them.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// The value of `last_ms` while the throttle has never fired.
const NEVER: u64 = u64::MAX;

pub struct Throttle {
    interval_ms: u64,
    last_ms: AtomicU64,
    fired: AtomicUsize,
}

impl Throttle {
    pub const fn new(interval_ms: u64) -> Self {
        Throttle {
            interval_ms,
            last_ms: AtomicU64::new(NEVER),
            fired: AtomicUsize::new(0),
        }
    }

    pub fn interval_ms(&self) -> u64 {
        self.interval_ms
    }

    pub fn try_fire(&self, now_ms: u64) -> bool {
        // Relaxed is enough: the decision depends on `last_ms` alone, and
        // every compare_exchange on it is atomic whatever the ordering.
        // No other data is published through it.
        let mut last = self.last_ms.load(Ordering::Relaxed);
        loop {
            // A clock that went backwards counts as "too soon".
            if last != NEVER && now_ms.saturating_sub(last) < self.interval_ms {
                return false;
            }
            // Claim this firing only if nobody changed `last_ms` meanwhile;
            // exactly one of several racing threads can succeed.
            match self.last_ms.compare_exchange_weak(
                last,
                now_ms,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => {
                    self.fired.fetch_add(1, Ordering::Relaxed);
                    return true;
                }
                // Lost the race (or a spurious failure): re-check.
                Err(actual) => last = actual,
            }
        }
    }

    pub fn fired(&self) -> usize {
        self.fired.load(Ordering::Relaxed)
    }
}

pub fn global_throttle(interval_ms: u64) -> &'static Throttle {
    // `LazyLock` cannot take the interval as an argument; `OnceLock` is
    // initialised by whoever calls first, with the value they pass.
    static GLOBAL: OnceLock<Throttle> = OnceLock::new();
    GLOBAL.get_or_init(|| Throttle::new(interval_ms))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::thread;

    /// Calls `try_fire(now_ms)` from 8 threads at once; returns how many won.
    fn race(t: &Throttle, now_ms: u64) -> usize {
        thread::scope(|s| {
            let racers: Vec<_> = (0..8).map(|_| s.spawn(|| t.try_fire(now_ms))).collect();
            racers
                .into_iter()
                .map(|r| r.join().unwrap())
                .filter(|&won| won)
                .count()
        })
    }

    #[test]
    fn the_first_call_fires() {
        let t = Throttle::new(100);
        assert!(t.try_fire(5));
        assert_eq!(t.fired(), 1);
    }

    #[test]
    fn refused_calls_record_nothing() {
        let t = Throttle::new(100);
        let fired: Vec<bool> = [1000, 1050, 1099, 1100, 1150, 1250]
            .iter()
            .map(|&now| t.try_fire(now))
            .collect();
        // 1100 fires: 100 ms after 1000, because 1050 and 1099 were refused.
        assert_eq!(fired, [true, false, false, true, false, true]);
        assert_eq!(t.fired(), 3);
    }

    #[test]
    fn exactly_one_winner_per_moment() {
        let t = Throttle::new(1000);
        assert_eq!(race(&t, 5_000), 1);
        assert_eq!(race(&t, 5_500), 0);
        assert_eq!(race(&t, 6_000), 1);
        assert_eq!(t.fired(), 2);
    }

    #[test]
    fn works_as_a_plain_static() {
        static DISK_ALERTS: Throttle = Throttle::new(60_000);
        assert!(DISK_ALERTS.try_fire(0));
        assert!(!DISK_ALERTS.try_fire(59_999));
        assert_eq!(DISK_ALERTS.fired(), 1);
    }

    #[test]
    fn the_global_throttle_is_created_once() {
        let handles: Vec<&'static Throttle> = thread::scope(|s| {
            let callers: Vec<_> = (0..4).map(|_| s.spawn(|| global_throttle(250))).collect();
            callers.into_iter().map(|c| c.join().unwrap()).collect()
        });
        let later = global_throttle(9_999);
        assert!(handles.iter().all(|h| std::ptr::eq(*h, later)));
        assert_eq!(later.interval_ms(), 250);
    }
}
