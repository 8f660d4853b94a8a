// rate_limiter.rs
//
// Code that reads the real clock is hard to test: the test would have to
// sleep, and it would be slow and flaky. The usual cure is to pass the
// clock in. `RateLimiter` asks a `Clock` for the time; a program would
// give it a clock built on `std::time::Instant`, and the tests give it a
// `FakeClock` that moves only when the test says so.
//
// Write `RateLimiter`'s methods and the test double `FakeClock` (in the
// tests module) so that every test passes. The tests are the spec.
//
// The limiter allows at most `limit` requests per window of `window_ms`
// milliseconds. The first window starts when the limiter is created; once
// a window has fully passed, the next request starts a new window at the
// current time.

pub trait Clock {
    /// Milliseconds since some fixed starting point.
    fn now_ms(&self) -> u64;
}

pub struct RateLimiter<C: Clock> {
    clock: C,
    limit: u32,
    window_ms: u64,
    window_start: u64,
    used: u32,
}

impl<C: Clock> RateLimiter<C> {
    /// Panics with a message containing "limit must be positive" when
    /// `limit` is 0.
    pub fn new(clock: C, limit: u32, window_ms: u64) -> Self {
        assert!(limit > 0, "limit must be positive, got {limit}");
        let window_start = clock.now_ms();
        RateLimiter { clock, limit, window_ms, window_start, used: 0 }
    }

    fn window_expired(&self, now: u64) -> bool {
        now - self.window_start >= self.window_ms
    }

    /// Takes one request from the current window; `false` when none is left.
    pub fn try_acquire(&mut self) -> bool {
        let now = self.clock.now_ms();
        if self.window_expired(now) {
            self.window_start = now;
            self.used = 0;
        }
        if self.used < self.limit {
            self.used += 1;
            true
        } else {
            false
        }
    }

    /// Requests still allowed right now.
    pub fn remaining(&self) -> u32 {
        if self.window_expired(self.clock.now_ms()) {
            self.limit
        } else {
            self.limit - self.used
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;

    /// A clock the test moves by hand. Clones share one time, so the test
    /// keeps a clone and gives another to the limiter.
    #[derive(Clone, Default)]
    struct FakeClock {
        now: Rc<Cell<u64>>,
    }

    impl FakeClock {
        fn advance(&self, ms: u64) {
            self.now.set(self.now.get() + ms);
        }
    }

    impl Clock for FakeClock {
        fn now_ms(&self) -> u64 {
            self.now.get()
        }
    }

    fn limiter(limit: u32, window_ms: u64) -> (FakeClock, RateLimiter<FakeClock>) {
        let clock = FakeClock::default();
        (clock.clone(), RateLimiter::new(clock, limit, window_ms))
    }

    #[test]
    fn fake_clock_moves_only_when_told() {
        let clock = FakeClock::default();
        let shared = clock.clone();
        assert_eq!(clock.now_ms(), 0);
        shared.advance(250);
        assert_eq!(clock.now_ms(), 250);
    }

    #[test]
    fn allows_up_to_the_limit_in_one_window() {
        let (_clock, mut rl) = limiter(3, 1000);
        assert_eq!(rl.remaining(), 3);
        assert!(rl.try_acquire() && rl.try_acquire() && rl.try_acquire());
        assert!(!rl.try_acquire(), "a fourth request in the same window");
        assert_eq!(rl.remaining(), 0);
    }

    #[test]
    fn a_new_window_starts_once_the_old_one_has_passed() {
        let (clock, mut rl) = limiter(2, 1000);
        assert!(rl.try_acquire() && rl.try_acquire());
        clock.advance(999);
        assert!(!rl.try_acquire(), "the window has 1 ms left");
        clock.advance(1);
        assert_eq!(rl.remaining(), 2);
        assert!(rl.try_acquire());
        assert_eq!(rl.remaining(), 1);
    }

    #[test]
    fn the_next_window_starts_at_the_first_late_request() {
        let (clock, mut rl) = limiter(1, 1000);
        clock.advance(2500);
        assert!(rl.try_acquire());
        clock.advance(900);
        assert!(!rl.try_acquire(), "the window opened at 2500 lasts until 3500");
        clock.advance(100);
        assert!(rl.try_acquire());
    }

    #[test]
    #[should_panic(expected = "limit must be positive")]
    fn zero_limit_is_a_bug() {
        limiter(0, 1000);
    }
}
