// Step 34: project: a concurrent word counter
//
// `count_parallel` splits the lines of a text into chunks, counts the words
// of each chunk on its own thread, then merges the per-thread maps. `main`
// sorts the result so the output never depends on HashMap order.
//
// As shipped this does not compile (E0597, E0521): `thread::spawn` needs a
// closure that owns everything it uses ('static), but each chunk borrows the
// local `lines` vector, which is dropped when the function returns.
//
// Your job: keep the threads, but use scoped threads so they may borrow.
// Only `count_parallel` needs to change. Expected output:
//
//   the: 5
//   a: 3
//   crab: 3
//   borrow: 2
//   distinct words: 19

use std::collections::HashMap;
use std::thread;

const TEXT: &str = "The crab checks the borrow.
A crab never races;
the borrow ends, the crab moves on.
Threads share the text, not a lock!
A scope joins them all.";

/// Counts lowercase words, ignoring punctuation around them.
fn count_lines(lines: &[&str]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in lines.iter().flat_map(|line| line.split_whitespace()) {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !word.is_empty() {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    counts
}

fn merge(total: &mut HashMap<String, usize>, part: HashMap<String, usize>) {
    for (word, n) in part {
        *total.entry(word).or_insert(0) += n;
    }
}

fn count_parallel(text: &str, workers: usize) -> HashMap<String, usize> {
    let lines: Vec<&str> = text.lines().collect();
    let chunk_size = lines.len().div_ceil(workers).max(1);
    let mut total = HashMap::new();
    // TODO: these threads borrow `lines`, so they must be joined before
    // `lines` is dropped. Spawn them inside `thread::scope` instead.
    let handles: Vec<_> = lines
        .chunks(chunk_size)
        .map(|chunk| thread::spawn(move || count_lines(chunk)))
        .collect();
    for handle in handles {
        merge(&mut total, handle.join().unwrap());
    }
    total
}

fn main() {
    let counts = count_parallel(TEXT, 3);
    let mut ranked: Vec<(&String, &usize)> = counts.iter().collect();
    // Most frequent first; ties broken alphabetically: a total order.
    ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (word, n) in ranked.iter().take(4) {
        println!("{word}: {n}");
    }
    println!("distinct words: {}", counts.len());
}
