// Step 18: iterators, exercise 2 of 3
//
// A warehouse keeps its stock in a `Vec<Item>`. Three functions walk it with
// iterator chains, but each one asks the iterator for the wrong kind of
// access: a shared `&Item` where it needs to change an item (E0594), or to
// take ownership of a field (E0507).
//
// Your job: fix the three TODOs. The tests are the spec; do not edit them.

#[derive(Debug, Clone, PartialEq)]
struct Item {
    name: String,
    qty: u32,
}

fn item(name: &str, qty: u32) -> Item {
    Item { name: name.to_string(), qty }
}

// TODO 1: `iter()` hands out shared references, and this loop tries to
// change the items through them.
fn restock(items: &mut [Item], amount: u32) {
    for it in items.iter().filter(|it| it.qty < 5) {
        it.qty += amount;
    }
}

// TODO 2: the caller keeps its inventory, so the names cannot be moved out
// of the borrowed items. The result must own its strings.
fn names_in_stock(items: &[Item]) -> Vec<String> {
    items.iter().filter(|it| it.qty > 0).map(|it| it.name).collect()
}

// TODO 3: same error, but here the function owns the Vec, which nobody uses
// afterwards. The names should be handed over, not copied.
fn sold_out(items: Vec<Item>) -> Vec<String> {
    items.iter().filter(|it| it.qty == 0).map(|it| it.name).collect()
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    fn stock() -> Vec<Item> {
        vec![item("bolt", 12), item("nut", 0), item("washer", 3), item("gear", 0)]
    }

    #[test]
    fn restock_only_low_items() {
        let mut items = stock();
        restock(&mut items, 10);
        let qtys: Vec<u32> = items.iter().map(|it| it.qty).collect();
        assert_eq!(qtys, [12, 10, 13, 10]);
    }

    #[test]
    fn names_leave_the_inventory_intact() {
        let items = stock();
        assert_eq!(names_in_stock(&items), ["bolt", "washer"]);
        assert_eq!(items, stock());
    }

    #[test]
    fn sold_out_takes_the_items() {
        assert_eq!(sold_out(stock()), ["nut", "gear"]);
        assert!(sold_out(Vec::new()).is_empty());
    }
}
