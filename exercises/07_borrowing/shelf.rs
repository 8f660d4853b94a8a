// Exercise: shelf
//
// A warehouse shelf keeps its items and a log of what was taken out. The
// receivers are given: `&self` methods only read, `&mut self` methods may
// change the shelf. Write the five method bodies; the tests are the spec,
// do not edit them.

#[derive(Debug, PartialEq)]
struct Item {
    name: String,
    qty: u32,
}

#[derive(Default)]
struct Shelf {
    items: Vec<Item>,
    log: Vec<String>,
}

impl Shelf {
    // TODO: none of these methods is written yet.

    // How many units of `name` are on the shelf (0 when there is no such
    // item).
    fn count(&self, name: &str) -> u32 {
        todo!()
    }

    // Adds `qty` units to the item called `name`, or appends a new item.
    fn restock(&mut self, name: &str, qty: u32) {
        todo!()
    }

    // Removes up to `qty` units of `name` and returns how many it removed.
    // When it removed at least one, it logs "took N name".
    fn take(&mut self, name: &str, qty: u32) -> u32 {
        todo!()
    }

    // The name of the item with the most units (the first one on a tie), or
    // None for an empty shelf. Borrowed from the shelf, not copied.
    fn fullest(&self) -> Option<&str> {
        todo!()
    }

    // Hands the log to the caller and leaves an empty log behind.
    fn drain_log(&mut self) -> Vec<String> {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stocked() -> Shelf {
        let mut shelf = Shelf::default();
        shelf.restock("bolts", 40);
        shelf.restock("nuts", 25);
        shelf
    }

    #[test]
    fn count_and_restock() {
        let mut shelf = stocked();
        assert_eq!(shelf.count("bolts"), 40);
        assert_eq!(shelf.count("screws"), 0);
        shelf.restock("nuts", 5);
        shelf.restock("washers", 10);
        assert_eq!(shelf.count("nuts"), 30);
        assert_eq!(shelf.count("washers"), 10);
        assert_eq!(shelf.items.len(), 3);
    }

    #[test]
    fn take_is_limited_by_the_stock_and_logged() {
        let mut shelf = stocked();
        assert_eq!(shelf.take("bolts", 15), 15);
        assert_eq!(shelf.take("nuts", 100), 25);
        assert_eq!(shelf.take("nuts", 1), 0);
        assert_eq!(shelf.take("gears", 3), 0);
        assert_eq!(shelf.count("bolts"), 25);
        assert_eq!(shelf.log, ["took 15 bolts", "took 25 nuts"]);
    }

    #[test]
    fn fullest_borrows_the_name() {
        let mut shelf = Shelf::default();
        assert_eq!(shelf.fullest(), None);
        shelf.restock("hinges", 3);
        shelf.restock("bolts", 7);
        shelf.restock("nuts", 7);
        let name = shelf.fullest().unwrap();
        assert_eq!(name, "bolts");
        // Two shared borrows of `shelf` can be in use at the same time.
        assert_eq!(shelf.count(name), 7);
        assert!(std::ptr::eq(name, shelf.items[1].name.as_str()));
    }

    #[test]
    fn drain_log_leaves_an_empty_log() {
        let mut shelf = stocked();
        shelf.take("bolts", 1);
        assert_eq!(shelf.drain_log(), ["took 1 bolts"]);
        assert!(shelf.log.is_empty());
        assert!(shelf.drain_log().is_empty());
        shelf.take("nuts", 2);
        assert_eq!(shelf.drain_log(), ["took 2 nuts"]);
    }
}
