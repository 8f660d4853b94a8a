// Exercise: hashmaps
//
// A tiny warehouse inventory built on HashMap<String, u32>.
// Run it with tests: the tests at the bottom are the specification.
// Make every test pass WITHOUT editing the tests. There are three TODOs.

use std::collections::HashMap;

/// Count how often each word occurs in `text` (words are separated by whitespace).
fn count_words(text: &str) -> HashMap<String, u32> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        // TODO: `insert` overwrites the old count with 1 every time.
        // Use the entry API so a new word starts at 0 and is then incremented.
        counts.insert(word.to_string(), 1);
    }
    counts
}

/// Add `qty` units of `item`: increase the stock if the item is known,
/// otherwise start it at `qty`.
fn restock(stock: &mut HashMap<String, u32>, item: &str, qty: u32) {
    // TODO: this replaces the existing quantity. Use
    // `entry(...).and_modify(...).or_insert(...)` instead.
    stock.insert(item.to_string(), qty);
}

/// How many units of `item` are in stock (0 for an unknown item).
fn in_stock(stock: &HashMap<String, u32>, item: &str) -> u32 {
    // TODO: indexing a HashMap with a missing key panics.
    // Use `get`, which returns an Option<&u32>.
    stock[item]
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_repeated_words() {
        let counts = count_words("to be or not to be");
        assert_eq!(counts["to"], 2);
        assert_eq!(counts["be"], 2);
        assert_eq!(counts["or"], 1);
        assert_eq!(counts.len(), 4);
    }

    #[test]
    fn restock_adds_to_existing_stock() {
        let mut stock = HashMap::new();
        restock(&mut stock, "bolts", 10);
        restock(&mut stock, "nuts", 4);
        restock(&mut stock, "bolts", 5);
        assert_eq!(stock.get("bolts"), Some(&15));
        assert_eq!(stock.get("nuts"), Some(&4));
    }

    #[test]
    fn unknown_item_has_zero_stock() {
        let mut stock = HashMap::new();
        restock(&mut stock, "gears", 3);
        assert_eq!(in_stock(&stock, "gears"), 3);
        assert_eq!(in_stock(&stock, "springs"), 0);
    }

    #[test]
    fn sorted_report_is_deterministic() {
        // HashMap iteration order is unspecified, so sort before comparing.
        let counts = count_words("b a c a b a");
        let mut pairs: Vec<(&String, &u32)> = counts.iter().collect();
        pairs.sort();
        let report: Vec<String> = pairs.iter().map(|(w, n)| format!("{w}={n}")).collect();
        assert_eq!(report, ["a=3", "b=2", "c=1"]);
    }
}
