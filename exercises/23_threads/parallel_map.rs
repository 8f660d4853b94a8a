// parallel_map.rs
//
// Write `parallel_map`: apply `f` to every item of a slice, spreading the
// work over at most `workers` threads, and return the results in the order
// of the input. `f` and the items are only borrowed, so the caller's data
// needs no cloning, no `Arc` and no 'static lifetime.
//
// The tests are the spec:
//   * results come back in input order;
//   * the chunks run at the same time, on at most `workers` threads;
//   * an empty slice gives an empty Vec, and more workers than items is fine;
//   * `workers == 0` is a caller bug: panic with a message naming `workers`.

use std::thread;

pub fn parallel_map<T, R, F>(items: &[T], workers: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    // TODO: spread the work over the threads and gather the results in
    // input order.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};
    use std::sync::Barrier;
    use std::sync::mpsc::{self, RecvTimeoutError};
    use std::time::Duration;

    #[test]
    fn keeps_input_order() {
        let lengths = parallel_map(&["ox", "horse", "cat", "emu", "yak"], 2, |s| s.len());
        assert_eq!(lengths, vec![2, 5, 3, 3, 3]);
    }

    #[test]
    fn closure_may_borrow_local_data() {
        let prices = HashMap::from([("apple", 30), ("pear", 45)]);
        let basket = ["pear", "apple", "pear"];
        assert_eq!(
            parallel_map(&basket, 3, |item| prices[item]),
            vec![45, 30, 45]
        );
    }

    #[test]
    fn empty_input_and_many_workers() {
        let none: Vec<u8> = Vec::new();
        assert!(parallel_map(&none, 4, |b| *b).is_empty());
        assert_eq!(parallel_map(&[7], 16, |x| x * 2), vec![14]);
    }

    #[test]
    fn uses_several_threads_but_at_most_workers() {
        let items: Vec<u32> = (0..10).collect();
        let ids = parallel_map(&items, 3, |_| thread::current().id());
        let distinct: HashSet<_> = ids.into_iter().collect();
        assert!(distinct.len() > 1, "all items ran on one thread");
        assert!(
            distinct.len() <= 3,
            "used {} threads for 3 workers",
            distinct.len()
        );
    }

    #[test]
    fn chunks_run_at_the_same_time() {
        // Each call waits until all three calls have started, so this only
        // finishes if the three chunks really run concurrently.
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || {
            let barrier = Barrier::new(3);
            let out = parallel_map(&[1, 2, 3], 3, |x| {
                barrier.wait();
                x * 10
            });
            tx.send(out).unwrap();
        });
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(out) => assert_eq!(out, vec![10, 20, 30]),
            Err(RecvTimeoutError::Timeout) => panic!("the three chunks never ran at the same time"),
            Err(RecvTimeoutError::Disconnected) => panic!("parallel_map panicked"),
        }
    }

    #[test]
    #[should_panic(expected = "workers")]
    fn zero_workers_is_a_bug() {
        parallel_map(&[1, 2, 3], 0, |x| x + 1);
    }
}
