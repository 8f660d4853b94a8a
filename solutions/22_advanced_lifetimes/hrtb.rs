// Exercise: hrtb
//
// A log analyser counts lines by a key that the caller extracts with a
// closure or function: the first word, the level before ':' and so on.
// Each line is first cleaned (trimmed and lower-cased) into a fresh
// String, and the key function is called on that temporary String.
//
// rustc rejects `tally` with E0597. Fix the signature of `tally`; its
// body is fine. The tests are the spec; do not edit them.

use std::collections::BTreeMap;

// `for<'a>` makes the bound higher-ranked: `key` works for EVERY lifetime,
// including the short borrow of `cleaned` inside the loop. The elided form
// `F: Fn(&str) -> &str` means exactly the same thing.
fn tally<F>(lines: &[&str], key: F) -> BTreeMap<String, usize>
where
    F: for<'a> Fn(&'a str) -> &'a str,
{
    let mut counts = BTreeMap::new();
    for line in lines {
        let cleaned = line.trim().to_lowercase();
        let k = key(&cleaned);
        if !k.is_empty() {
            *counts.entry(k.to_string()).or_insert(0) += 1;
        }
    }
    counts
}

fn first_word(s: &str) -> &str {
    s.split_whitespace().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
        pairs.iter().map(|&(k, n)| (k.to_string(), n)).collect()
    }

    #[test]
    fn counts_by_first_word() {
        let lines = ["GET /index", "get /about", "  POST /login", "   "];
        assert_eq!(tally(&lines, first_word), map(&[("get", 2), ("post", 1)]));
    }

    #[test]
    fn counts_by_level_with_a_closure() {
        let lines = ["WARN: disk 91%", "Info: started", "warn: cpu hot"];
        let counts = tally(&lines, |s| s.split(':').next().unwrap_or(""));
        assert_eq!(counts, map(&[("info", 1), ("warn", 2)]));
    }

    #[test]
    fn a_key_may_ignore_its_input() {
        let lines = ["a", "b", "c"];
        assert_eq!(tally(&lines, |_| "all"), map(&[("all", 3)]));
    }

    #[test]
    fn the_key_can_borrow_from_the_caller() {
        let prefix = String::from("error");
        let lines = ["ERROR disk", "error net", "ok"];
        let counts = tally(&lines, |s| {
            if s.starts_with(prefix.as_str()) {
                &s[..prefix.len()]
            } else {
                ""
            }
        });
        assert_eq!(counts, map(&[("error", 2)]));
    }
}
