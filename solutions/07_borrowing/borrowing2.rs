// Exercise: borrowing2
//
// A small order desk. Three functions below do not compile, each for a
// different ownership reason. The tests are the spec; do not edit them.
//
//   first_item  E0507  moves a String out from behind a `&` reference
//   pack        E0505  moves `order` while a borrow of it is still in use
//   archive     E0382  uses `order` after it was moved into `ship`
//
// Fix each with the cheapest tool that works, and keep every function's
// signature as it is.

#[derive(Debug)]
struct Order {
    id: u32,
    items: Vec<String>,
}

// Consumes the order: after shipping, the caller no longer has it.
fn ship(order: Order) -> (u32, usize) {
    (order.id, order.items.len())
}

// Returns the name of the first item; the caller keeps the order.
fn first_item(order: &Order) -> String {
    // Reading through `&` is fine; an owned result needs a clone.
    order.items[0].clone()
}

// Returns a packing label ("tea+cups") and the shipping result.
fn pack(order: Order) -> (String, (u32, usize)) {
    let items = &order.items;
    // The borrow `items` ends at its last use, before `order` is moved.
    let label = items.join("+");
    let shipped = ship(order);
    (label, shipped)
}

// Ships the order and records its id in the log; returns the item count.
fn archive(order: Order, log: &mut Vec<String>) -> usize {
    // Use `order` before it is moved into `ship`.
    log.push(format!("archived #{}", order.id));
    let (_, count) = ship(order);
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Order {
        Order {
            id: 7,
            items: vec![String::from("tea"), String::from("cups")],
        }
    }

    #[test]
    fn first_item_leaves_the_order_intact() {
        let order = sample();
        assert_eq!(first_item(&order), "tea");
        assert_eq!(order.items, ["tea", "cups"]);
    }

    #[test]
    fn pack_builds_the_label_and_ships() {
        assert_eq!(pack(sample()), (String::from("tea+cups"), (7, 2)));
    }

    #[test]
    fn archive_logs_the_id() {
        let mut log = Vec::new();
        assert_eq!(archive(sample(), &mut log), 2);
        assert_eq!(log, ["archived #7"]);
    }
}
