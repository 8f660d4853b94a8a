// Exercise: order_states
//
// An online order as a state machine. Each state carries only the data
// that makes sense in it: an order cannot be shipped without a tracking
// number, and a cart has no amount paid. Write `apply`, `summary` and
// `is_finished`; the tests at the bottom are the spec.
//
// `apply` takes the order by value and returns the next state, so data
// such as the tracking String moves from the event into the new state
// without a clone. Matching on the pair `(self, event)` lets one `match`
// list every transition.
//
// TODO: the three methods of `Order` have no bodies yet.

#[derive(Debug, PartialEq)]
enum Order {
    Cart { items: u32 },
    Paid { items: u32, amount_cents: u64 },
    Shipped { tracking: String },
    Cancelled { reason: String },
}

#[derive(Debug)]
enum Event {
    AddItem,
    Pay { amount_cents: u64 },
    Ship { tracking: String },
    Cancel { reason: String },
}

#[derive(Debug, PartialEq)]
enum OrderError {
    EmptyCart,
    AlreadyPaid,
    NotPaid,
    Finished,
}

impl Order {
    /// The transitions:
    /// - Cart + AddItem: one more item.
    /// - Cart + Pay: Paid with the cart's items (EmptyCart if it has none).
    /// - Cart + Ship: NotPaid.
    /// - Paid + AddItem or Pay: AlreadyPaid.
    /// - Paid + Ship: Shipped with the tracking number.
    /// - Cart or Paid + Cancel: Cancelled with the reason.
    /// - Shipped or Cancelled + any event: Finished.
    fn apply(self, event: Event) -> Result<Order, OrderError> {
        todo!()
    }

    /// One line for the order page: "cart with 3 items",
    /// "paid 12.50 for 1 item", "shipped, tracking ZX81",
    /// "cancelled: out of stock". Exactly one item is "1 item".
    fn summary(&self) -> String {
        todo!()
    }

    /// True once no event can change the order any more.
    fn is_finished(&self) -> bool {
        todo!()
    }
}

fn main() {
    let order = Order::Cart { items: 0 };
    let order = order.apply(Event::AddItem).unwrap();
    let order = order.apply(Event::Pay { amount_cents: 1250 }).unwrap();
    println!("{}", order.summary());
    let tracking = String::from("ZX81");
    let order = order.apply(Event::Ship { tracking }).unwrap();
    println!("{} (finished: {})", order.summary(), order.is_finished());
    let reason = String::from("changed my mind");
    let other = Order::Cart { items: 2 }.apply(Event::Cancel { reason });
    println!("{:?}", other.map(|o| o.summary()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cart(items: u32) -> Order {
        Order::Cart { items }
    }

    #[test]
    fn filling_and_paying() {
        let order = cart(0).apply(Event::AddItem).unwrap();
        assert_eq!(order, cart(1));
        let paid = order.apply(Event::Pay { amount_cents: 999 }).unwrap();
        assert_eq!(
            paid,
            Order::Paid {
                items: 1,
                amount_cents: 999
            }
        );
        assert_eq!(
            cart(0).apply(Event::Pay { amount_cents: 5 }),
            Err(OrderError::EmptyCart)
        );
    }

    #[test]
    fn shipping_needs_payment() {
        let ship = || Event::Ship {
            tracking: String::from("ZX81"),
        };
        assert_eq!(cart(2).apply(ship()), Err(OrderError::NotPaid));
        let paid = Order::Paid {
            items: 2,
            amount_cents: 100,
        };
        let shipped = paid.apply(ship()).unwrap();
        assert_eq!(
            shipped,
            Order::Shipped {
                tracking: String::from("ZX81")
            }
        );
    }

    #[test]
    fn paid_orders_are_frozen() {
        let paid = || Order::Paid {
            items: 2,
            amount_cents: 100,
        };
        assert_eq!(paid().apply(Event::AddItem), Err(OrderError::AlreadyPaid));
        let again = Event::Pay { amount_cents: 100 };
        assert_eq!(paid().apply(again), Err(OrderError::AlreadyPaid));
    }

    #[test]
    fn cancelling_and_finished_orders() {
        let cancel = || Event::Cancel {
            reason: String::from("out of stock"),
        };
        let cancelled = cart(3).apply(cancel()).unwrap();
        assert_eq!(
            cancelled,
            Order::Cancelled {
                reason: String::from("out of stock")
            }
        );
        assert!(cancelled.is_finished());
        let paid = Order::Paid {
            items: 1,
            amount_cents: 100,
        };
        assert!(!paid.is_finished());
        assert!(paid.apply(cancel()).unwrap().is_finished());
        assert_eq!(cancelled.apply(Event::AddItem), Err(OrderError::Finished));
        let shipped = Order::Shipped {
            tracking: String::from("A1"),
        };
        assert_eq!(shipped.apply(cancel()), Err(OrderError::Finished));
        assert!(!cart(1).is_finished());
    }

    #[test]
    fn summaries() {
        assert_eq!(cart(3).summary(), "cart with 3 items");
        assert_eq!(cart(1).summary(), "cart with 1 item");
        assert_eq!(cart(0).summary(), "cart with 0 items");
        let paid = Order::Paid {
            items: 3,
            amount_cents: 1250,
        };
        assert_eq!(paid.summary(), "paid 12.50 for 3 items");
        assert_eq!(
            Order::Paid {
                items: 1,
                amount_cents: 7
            }
            .summary(),
            "paid 0.07 for 1 item"
        );
        let shipped = Order::Shipped {
            tracking: String::from("ZX81"),
        };
        assert_eq!(shipped.summary(), "shipped, tracking ZX81");
        let cancelled = Order::Cancelled {
            reason: String::from("out of stock"),
        };
        assert_eq!(cancelled.summary(), "cancelled: out of stock");
    }
}
