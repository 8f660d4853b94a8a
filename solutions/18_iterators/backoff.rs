// Step 18: iterators, exercise 3 of 3
//
// A network client waits longer and longer between reconnect attempts.
// `Backoff` produces those waits in milliseconds: the first is `initial`,
// each next one is the previous times `factor`, no wait is ever above `max`,
// and the sequence ends after `attempts` waits. For example
//
//   Backoff::new(100, 2, 1000, 6)  gives  100, 200, 400, 800, 1000, 1000
//
// Write the struct's fields, `Backoff::new`, and make `Backoff` an iterator.
// The tests are the spec: they use `collect`, `sum`, `zip`, `last` and a
// `for` loop, none of which you write yourself. Huge values must not
// overflow (a debug build panics on overflow).

struct Backoff {
    next_wait: u64,
    factor: u64,
    max: u64,
    remaining: u32,
}

impl Backoff {
    fn new(initial: u64, factor: u64, max: u64, attempts: u32) -> Self {
        Backoff { next_wait: initial.min(max), factor, max, remaining: attempts }
    }
}

// `next` is the only required method; every adapter and consumer the tests
// use is a provided method built on it.
impl Iterator for Backoff {
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let wait = self.next_wait;
        self.next_wait = wait.saturating_mul(self.factor).min(self.max);
        Some(wait)
    }
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_until_the_cap() {
        let waits: Vec<u64> = Backoff::new(100, 2, 1000, 6).collect();
        assert_eq!(waits, [100, 200, 400, 800, 1000, 1000]);
    }

    #[test]
    fn adapters_come_for_free() {
        let total: u64 = Backoff::new(50, 3, 10_000, 4).sum();
        assert_eq!(total, 50 + 150 + 450 + 1350);
        assert_eq!(Backoff::new(10, 10, 500, 5).last(), Some(500));
        let labels: Vec<String> = (1..)
            .zip(Backoff::new(1, 2, 8, 3))
            .map(|(n, ms)| format!("#{n}:{ms}"))
            .collect();
        assert_eq!(labels, ["#1:1", "#2:2", "#3:4"]);
    }

    #[test]
    fn works_in_a_for_loop() {
        let mut seen = Vec::new();
        for ms in Backoff::new(7, 1, 100, 3) {
            seen.push(ms);
        }
        assert_eq!(seen, [7, 7, 7]);
    }

    #[test]
    fn zero_attempts_and_exhaustion() {
        assert_eq!(Backoff::new(100, 2, 1000, 0).next(), None);
        let mut b = Backoff::new(5, 2, 100, 1);
        assert_eq!(b.next(), Some(5));
        assert_eq!(b.next(), None);
        assert_eq!(b.next(), None);
    }

    #[test]
    fn initial_above_max_is_capped() {
        let waits: Vec<u64> = Backoff::new(5000, 2, 3000, 2).collect();
        assert_eq!(waits, [3000, 3000]);
    }

    #[test]
    fn huge_values_do_not_overflow() {
        let waits: Vec<u64> = Backoff::new(u64::MAX / 2, 3, u64::MAX, 3).collect();
        assert_eq!(waits, [u64::MAX / 2, u64::MAX, u64::MAX]);
    }
}
