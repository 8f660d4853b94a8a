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

// TODO: as written, the CALLER of `tally` picks one lifetime `'a`, longer
// than the whole call, and every borrow handed to `key` must live that
// long. `cleaned` lives for one loop iteration only. `key` has to accept
// a borrow of any lifetime at all, and return one that lives as long.
fn tally<'a, F>(lines: &[&str], key: F) -> BTreeMap<String, usize>
where
    F: Fn(&'a str) -> &'a str,
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
