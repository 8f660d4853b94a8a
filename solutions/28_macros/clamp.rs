// Step 28: macro arguments are pasted, not evaluated first
//
// A mixer reads volume changes from a queue and clamps each one into a
// range with `clamp!`. A macro does not receive VALUES like a function: it
// pastes the argument's code into its expansion, once for every place the
// matcher variable appears. The tests fail: values are skipped, and an id
// generator jumps ahead.
//
// Your job: fix `clamp!` so that each argument is evaluated exactly once,
// whatever expression the caller passes. Do not change the tests.

use std::collections::VecDeque;

// Each argument is evaluated once, into a local of the expansion. Hygiene
// keeps `value`, `low` and `high` from clashing with the caller's names.
macro_rules! clamp {
    ($value:expr, $low:expr, $high:expr) => {{
        let value = $value;
        let low = $low;
        let high = $high;
        if value < low {
            low
        } else if value > high {
            high
        } else {
            value
        }
    }};
}

struct IdGen {
    next: u32,
}

impl IdGen {
    fn next_id(&mut self) -> u32 {
        self.next += 1;
        self.next
    }
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_values_are_clamped() {
        assert_eq!(clamp!(130, 0, 100), 100);
        assert_eq!(clamp!(-4, 0, 100), 0);
        assert_eq!(clamp!(2.5, 1.0, 3.0), 2.5);
    }

    #[test]
    fn each_queued_change_is_read_once() {
        let mut changes: VecDeque<i32> = VecDeque::from([40, 120, -10, 75]);
        let mut levels = Vec::new();
        while !changes.is_empty() {
            levels.push(clamp!(changes.pop_front().unwrap(), 0, 100));
        }
        assert_eq!(levels, [40, 100, 0, 75]);
    }

    #[test]
    fn ids_are_not_skipped() {
        let mut ids = IdGen { next: 0 };
        let first = clamp!(ids.next_id(), 1, 10);
        let second = clamp!(ids.next_id(), 1, 10);
        assert_eq!((first, second), (1, 2));
    }

    #[test]
    fn bounds_are_evaluated_once_too() {
        let mut ids = IdGen { next: 0 };
        // The value is below the lower bound, so the bound is the result.
        let level = clamp!(0, ids.next_id(), 10);
        assert_eq!(level, 1);
        assert_eq!(ids.next, 1);
    }
}
