// Exercise: hashmaps
//
// A small warehouse inventory built on HashMap<String, u32>: item name ->
// units in stock. The tests at the bottom are the specification; make
// them all pass without editing them. Each function has a TODO saying
// what is wrong with it. The first problem is a compile error.

use std::collections::HashMap;

/// Count how often each word occurs in `text` (words are separated by
/// whitespace).
fn count_words(text: &str) -> HashMap<String, u32> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        // One lookup: a new word starts at 0, then the count goes up.
        *counts.entry(word.to_string()).or_insert(0) += 1;
    }
    counts
}

/// Add `qty` units of `item`: increase the stock of a known item, or
/// start a new item at `qty`.
fn restock(stock: &mut HashMap<String, u32>, item: &str, qty: u32) {
    stock
        .entry(item.to_string())
        .and_modify(|q| *q += qty)
        .or_insert(qty);
}

/// How many units of `item` are in stock; 0 for an unknown item.
fn in_stock(stock: &HashMap<String, u32>, item: &str) -> u32 {
    // `get` returns Option<&u32>: a missing key is a value, not a panic.
    stock.get(item).copied().unwrap_or(0)
}

/// Remove every item with 0 units and return how many were removed.
fn drop_sold_out(stock: &mut HashMap<String, u32>) -> usize {
    let before = stock.len();
    // `retain` visits every entry once and drops those the closure rejects,
    // with no outside borrow alive while the map changes.
    stock.retain(|_, qty| *qty > 0);
    before - stock.len()
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
        assert_eq!(stock.len(), 2);
    }

    #[test]
    fn unknown_item_has_zero_stock() {
        let mut stock = HashMap::new();
        restock(&mut stock, "gears", 3);
        assert_eq!(in_stock(&stock, "gears"), 3);
        assert_eq!(in_stock(&stock, "springs"), 0);
        // Asking must not add the item to the map.
        assert_eq!(stock.len(), 1);
    }

    #[test]
    fn sold_out_items_are_dropped() {
        let mut stock = HashMap::new();
        restock(&mut stock, "bolts", 0);
        restock(&mut stock, "nuts", 4);
        restock(&mut stock, "washers", 0);
        assert_eq!(drop_sold_out(&mut stock), 2);
        assert_eq!(stock.len(), 1);
        assert_eq!(in_stock(&stock, "nuts"), 4);
        assert_eq!(drop_sold_out(&mut stock), 0);
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
