// order_flow.rs
//
// "Make invalid states unrepresentable." An order goes Draft -> Paid ->
// Shipped, and each state is a type parameter of `Order`. A transition
// takes `self` by value, so after `pay` the draft no longer exists, and
// `ship` is defined only on `Order<Paid>`: shipping an unpaid order is a
// compile error, not a runtime check that someone forgot. The one rule
// the types cannot see (an empty order cannot be paid) returns a `Result`.
//
// Write the method bodies so that the tests pass. The tests are the spec.

#[derive(Debug, Clone, PartialEq)]
pub struct LineItem {
    pub sku: String,
    pub cents: u64,
}

/// The states. Each one carries only the data that exists in that state.
pub struct Draft;
pub struct Paid {
    receipt: String,
}
pub struct Shipped {
    receipt: String,
    tracking: String,
}

pub struct Order<S> {
    customer: String,
    items: Vec<LineItem>,
    state: S,
}

#[derive(Debug, PartialEq)]
pub enum PayError {
    EmptyOrder,
}

/// Available in every state.
impl<S> Order<S> {
    pub fn customer(&self) -> &str {
        &self.customer
    }

    pub fn total_cents(&self) -> u64 {
        self.items.iter().map(|item| item.cents).sum()
    }
}

impl Order<Draft> {
    pub fn open(customer: &str) -> Order<Draft> {
        Order { customer: customer.to_string(), items: Vec::new(), state: Draft }
    }

    /// Adds a line and hands the draft back, so calls can be chained.
    pub fn add(mut self, sku: &str, cents: u64) -> Order<Draft> {
        self.items.push(LineItem { sku: sku.to_string(), cents });
        self
    }

    pub fn pay(self, receipt: &str) -> Result<Order<Paid>, PayError> {
        if self.items.is_empty() {
            return Err(PayError::EmptyOrder);
        }
        Ok(Order {
            customer: self.customer,
            items: self.items,
            state: Paid { receipt: receipt.to_string() },
        })
    }
}

impl Order<Paid> {
    pub fn receipt(&self) -> &str {
        &self.state.receipt
    }

    pub fn ship(self, tracking: &str) -> Order<Shipped> {
        Order {
            customer: self.customer,
            items: self.items,
            state: Shipped { receipt: self.state.receipt, tracking: tracking.to_string() },
        }
    }
}

impl Order<Shipped> {
    pub fn receipt(&self) -> &str {
        &self.state.receipt
    }

    pub fn tracking(&self) -> &str {
        &self.state.tracking
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_collects_items() {
        let draft = Order::open("ana").add("tea", 450).add("mug", 600);
        assert_eq!(draft.customer(), "ana");
        assert_eq!(draft.total_cents(), 1050);
    }

    #[test]
    fn paying_keeps_the_items_and_records_the_receipt() {
        let paid = Order::open("bo").add("tea", 450).pay("R-17").unwrap();
        assert_eq!(paid.receipt(), "R-17");
        assert_eq!(paid.total_cents(), 450);
        assert_eq!(paid.customer(), "bo");
    }

    #[test]
    fn an_empty_order_cannot_be_paid() {
        let result = Order::open("cy").pay("R-18");
        assert!(matches!(result, Err(PayError::EmptyOrder)));
    }

    #[test]
    fn shipping_keeps_everything_and_adds_tracking() {
        let shipped = Order::open("di")
            .add("spoon", 200)
            .add("spoon", 200)
            .pay("R-19")
            .unwrap()
            .ship("TRK-001");
        assert_eq!(shipped.tracking(), "TRK-001");
        assert_eq!(shipped.receipt(), "R-19");
        assert_eq!(shipped.total_cents(), 400);
        assert_eq!(shipped.customer(), "di");
        // `Order::open("x").ship("T")` would not compile: a draft has no
        // `ship` method. That check costs nothing at run time.
    }
}
