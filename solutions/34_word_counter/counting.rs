// Step 34, exercise 1: count and rank words, on one thread first
//
// The sequential core of the word counter. Write the four functions (their
// doc comments are the spec); `main` prints two reports with them. Expected output:
//
//   Some("crab's") None Some("well-known")
//   empty text: 0 words, 0 distinct
//     5 the
//     2 borrow
//     2 checker
//     2 crab
//     1 a
//   24 words, 17 distinct
//     2 borrow
//     2 checker
//     2 crab
//   17 words, 14 distinct

use std::collections::HashMap;

const TEXT: &str = "\
The borrow checker checks; the crab borrows.
A crab's borrow ends -- then the crab moves.
Well-known crabs don't race: the checker knows!
THE END";

/// Lowercases a raw token and strips everything that is not a letter or a
/// digit from both ends, keeping inner marks ("don't", "well-known").
/// `None` when nothing is left ("--").
fn normalize(raw: &str) -> Option<String> {
    let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() {
        return None;
    }
    Some(word.to_lowercase())
}

/// How often each normalized word of `text` occurs, leaving out the words
/// in `ignore` (given in lowercase).
fn count_words(text: &str, ignore: &[&str]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace().filter_map(normalize) {
        if !ignore.contains(&word.as_str()) {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    counts
}

/// The `n` most frequent words: count descending, then word ascending, so
/// that ties come out the same on every run.
fn rank(counts: &HashMap<String, usize>, n: usize) -> Vec<(&str, usize)> {
    let mut ranked: Vec<(&str, usize)> = counts
        .iter()
        .map(|(word, &count)| (word.as_str(), count))
        .collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.truncate(n);
    ranked
}

/// One line per ranked word, its count right-aligned in 3 columns, then a
/// last line "TOTAL words, DISTINCT distinct".
fn report(counts: &HashMap<String, usize>, n: usize) -> String {
    let mut lines: Vec<String> = rank(counts, n)
        .into_iter()
        .map(|(word, count)| format!("{count:>3} {word}"))
        .collect();
    let total: usize = counts.values().sum();
    lines.push(format!("{total} words, {} distinct", counts.len()));
    lines.join("\n")
}

fn main() {
    let samples = ["Crab's,", "--", "(Well-Known)"];
    let [a, b, c] = samples.map(normalize);
    println!("{a:?} {b:?} {c:?}");
    println!("empty text: {}", report(&count_words("", &[]), 3));
    println!("{}", report(&count_words(TEXT, &[]), 5));
    println!("{}", report(&count_words(TEXT, &["the", "a", "then"]), 3));
}
