// Step 34, exercise 2: split the work and count in parallel
//
// `count_parallel` splits the lines of a text into at most `workers` chunks,
// counts each chunk on its own thread, then merges the per-thread maps: a
// small map-reduce with no lock in the hot loop. The tests are the spec:
// write the four functions.

use std::collections::HashMap;
use std::thread;

/// Counts the words of `lines` on the current thread, normalized as in
/// exercise 1: non-alphanumeric characters stripped from both ends, then
/// lowercased; tokens that end up empty are skipped.
fn count_lines(lines: &[&str]) -> HashMap<String, usize> {
    todo!()
}

/// Splits `items`, in order, into at most `workers` non-empty chunks; every
/// chunk but the last holds ceil(len / workers) items. Zero workers are
/// treated as one. An empty slice gives no chunks.
fn split_evenly<T>(items: &[T], workers: usize) -> Vec<&[T]> {
    todo!()
}

/// Adds every count of `part` into `total`.
fn merge(total: &mut HashMap<String, usize>, part: HashMap<String, usize>) {
    todo!()
}

/// The merged counts, and how many threads produced them.
struct Report {
    counts: HashMap<String, usize>,
    threads: usize,
}

/// Counts the words of `text` with one thread per chunk of lines.
fn count_parallel(text: &str, workers: usize) -> Report {
    // TODO: count each chunk of lines on its own thread and merge the
    // results; this must not need the text to live forever.
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "the crab\nthe borrow\nA crab, a borrow\n\nthe end";

    fn sequential() -> HashMap<String, usize> {
        count_lines(&TEXT.lines().collect::<Vec<_>>())
    }

    #[test]
    fn split_keeps_order_and_uses_at_most_workers_chunks() {
        let five = [1, 2, 3, 4, 5];
        assert_eq!(split_evenly(&five, 3), [&[1, 2][..], &[3, 4], &[5]]);
        assert_eq!(split_evenly(&five, 1), [&five[..]]);
        assert_eq!(split_evenly(&five, 9).len(), 5);
        assert_eq!(split_evenly(&[1, 2, 3, 4], 2), [&[1, 2][..], &[3, 4]]);
    }

    #[test]
    fn zero_workers_and_empty_input_do_not_panic() {
        assert_eq!(split_evenly(&[7, 8, 9], 0), [&[7, 8, 9][..]]);
        assert!(split_evenly::<u8>(&[], 4).is_empty());
        assert!(split_evenly::<u8>(&[], 0).is_empty());
        let empty = count_parallel("", 4);
        assert!(empty.counts.is_empty());
        assert_eq!(empty.threads, 0);
        let one = count_parallel(TEXT, 0);
        assert_eq!((one.counts, one.threads), (sequential(), 1));
    }

    #[test]
    fn parallel_counts_equal_sequential_counts() {
        for workers in 1..=8 {
            let report = count_parallel(TEXT, workers);
            assert_eq!(report.counts, sequential(), "{workers} workers");
            assert!(report.threads <= workers, "{workers} workers");
        }
        assert_eq!(count_parallel(TEXT, 3).threads, 3);
        assert_eq!(sequential()["the"], 3);
    }

    #[test]
    fn merge_adds_counts() {
        let mut total = HashMap::from([("crab".to_string(), 2)]);
        merge(&mut total, HashMap::from([("crab".to_string(), 3), ("end".to_string(), 1)]));
        assert_eq!(total, HashMap::from([("crab".to_string(), 5), ("end".to_string(), 1)]));
    }

    #[test]
    fn works_on_borrowed_text() {
        let owned = String::from("borrowed, not 'static\nborrowed again");
        assert_eq!(count_parallel(&owned, 2).counts["borrowed"], 2);
    }
}
