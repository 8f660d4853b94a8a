// Step 34, exercise 2: split the work and count in parallel
//
// `count_parallel` splits the lines of a text into at most `workers` chunks,
// counts each chunk on its own thread, then merges the per-thread maps: a
// small map-reduce with no lock in the hot loop. The tests are the spec.

use std::collections::HashMap;
use std::thread;

/// Counts the words of `lines` on the current thread, normalized as in
/// exercise 1: non-alphanumeric characters stripped from both ends, then
/// lowercased; tokens that end up empty are skipped.
fn count_lines(lines: &[&str]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for raw in lines.iter().flat_map(|line| line.split_whitespace()) {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if !word.is_empty() {
            *counts.entry(word.to_lowercase()).or_insert(0) += 1;
        }
    }
    counts
}

/// Splits `items`, in order, into at most `workers` non-empty chunks; every
/// chunk but the last holds ceil(len / workers) items. Zero workers are
/// treated as one. An empty slice gives no chunks.
fn split_evenly<T>(items: &[T], workers: usize) -> Vec<&[T]> {
    // max(1) twice: no division by zero, and no chunks(0), which panics.
    let size = items.len().div_ceil(workers.max(1)).max(1);
    items.chunks(size).collect()
}

/// Adds every count of `part` into `total`.
fn merge(total: &mut HashMap<String, usize>, part: HashMap<String, usize>) {
    for (word, n) in part {
        *total.entry(word).or_insert(0) += n;
    }
}

/// The merged counts, and how many threads produced them.
struct Report {
    counts: HashMap<String, usize>,
    threads: usize,
}

/// Counts the words of `text` with one thread per chunk of lines.
fn count_parallel(text: &str, workers: usize) -> Report {
    let lines: Vec<&str> = text.lines().collect();
    let chunks = split_evenly(&lines, workers);
    let threads = chunks.len();
    // Scoped threads are joined before `scope` returns, so they may borrow
    // `lines` (and `text`): no 'static bound, no Arc, no copies.
    let counts = thread::scope(|s| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|chunk| s.spawn(move || count_lines(chunk)))
            .collect();
        let mut total = HashMap::new();
        for handle in handles {
            merge(&mut total, handle.join().expect("a counting thread panicked"));
        }
        total
    });
    Report { counts, threads }
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
