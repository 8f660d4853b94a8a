// Exercise: permits
//
// A connection pool hands out a fixed number of permits. Many threads call
// `try_acquire` at the same time; it must take a permit only when one is
// left, and say whether it got one. `release` gives a permit back.
//
// The count is a single AtomicUsize shared by every thread, no Mutex.
// The tests are the spec; do not edit them.

use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Permits {
    available: AtomicUsize,
}

impl Permits {
    pub const fn new(n: usize) -> Self {
        Permits {
            available: AtomicUsize::new(n),
        }
    }

    /// Takes one permit if any is left. Returns whether it got one.
    pub fn try_acquire(&self) -> bool {
        // A compare-and-swap loop: only ever store `current - 1` if the
        // count is still `current`; if another thread got there first,
        // retry with the value it left. (`try_update`, Rust 1.95, wraps this loop.)
        // Acquire on success pairs with the Release in `release`.
        let mut current = self.available.load(Ordering::Relaxed);
        while current > 0 {
            match self.available.compare_exchange_weak(
                current,
                current - 1,
                Ordering::Acquire,
                Ordering::Relaxed,
            ) {
                Ok(_) => return true,
                Err(actual) => current = actual,
            }
        }
        false
    }

    pub fn release(&self) {
        self.available.fetch_add(1, Ordering::Release);
    }

    pub fn available(&self) -> usize {
        self.available.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::thread;

    #[test]
    fn three_permits_then_none() {
        let p = Permits::new(3);
        let got: Vec<bool> = (0..5).map(|_| p.try_acquire()).collect();
        assert_eq!(got, [true, true, true, false, false]);
        assert_eq!(p.available(), 0);
    }

    #[test]
    fn a_failed_attempt_changes_nothing() {
        let p = Permits::new(0);
        for _ in 0..3 {
            assert!(!p.try_acquire());
        }
        assert_eq!(p.available(), 0);
    }

    #[test]
    fn release_makes_a_permit_available_again() {
        let p = Permits::new(1);
        assert!(p.try_acquire());
        assert!(!p.try_acquire());
        p.release();
        assert_eq!(p.available(), 1);
        assert!(p.try_acquire());
    }

    #[test]
    fn racing_threads_never_oversubscribe() {
        static POOL: Permits = Permits::new(50);
        let granted: usize = thread::scope(|s| {
            let workers: Vec<_> = (0..8)
                .map(|_| s.spawn(|| (0..100).filter(|_| POOL.try_acquire()).count()))
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).sum()
        });
        assert_eq!(granted, 50);
        assert_eq!(POOL.available(), 0);
    }
}
