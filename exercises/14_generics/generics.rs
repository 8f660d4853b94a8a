// Step 14: generics and trait bounds
//
// Two generic helpers for a leaderboard. Their bodies are fine, but their
// type parameters have no bounds, so rustc cannot know that an arbitrary `T`
// supports `>` (E0369) or `{}` formatting (E0277).
//
// Your job: add the smallest trait bounds that make the file compile and the
// tests pass. Do not change the function bodies or the tests.

use std::fmt::Display;

// TODO: rustc rejects `item > cutoff`: nothing promises that two values of
// an arbitrary T can be compared.
fn count_above<T>(items: &[T], cutoff: &T) -> usize {
    let mut n = 0;
    for item in items {
        if item > cutoff {
            n += 1;
        }
    }
    n
}

// TODO: rustc rejects `{item}`: nothing promises that an arbitrary T can be
// shown to a user. (Long bound lists read best below the signature.)
fn join_all<T>(items: &[T], sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(&format!("{item}"));
    }
    out
}

// Already correct: `impl Trait` in argument position is an anonymous
// generic parameter, so this accepts any iterator of displayable items.
fn banner(parts: impl IntoIterator<Item = impl Display>) -> String {
    let words: Vec<String> = parts.into_iter().map(|p| p.to_string()).collect();
    format!("[{}]", words.join(" | "))
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_above_numbers_strings_and_floats() {
        assert_eq!(count_above(&[3, 9, 4, 12], &4), 2);
        assert_eq!(count_above(&["pear", "apple", "zucchini"], &"kiwi"), 2);
        // NaN is not greater than anything: a partial order is enough here.
        assert_eq!(count_above(&[1.5, -2.0, f64::NAN], &0.0), 1);
        let empty: [u8; 0] = [];
        assert_eq!(count_above(&empty, &0), 0);
    }

    #[test]
    fn join_numbers_and_strs() {
        assert_eq!(join_all(&[1, 2, 3], ", "), "1, 2, 3");
        assert_eq!(join_all(&["ann", "bo"], "/"), "ann/bo");
        assert_eq!(join_all::<char>(&[], "-"), "");
    }

    #[test]
    fn banner_accepts_any_display_iterator() {
        assert_eq!(banner(vec!["top", "score"]), "[top | score]");
        assert_eq!(banner([7, 42]), "[7 | 42]");
    }
}
