// Exercise: shipping
//
// A shipping desk prices different kinds of item through one trait.
// `label` and `weight_grams` are required; `is_fragile` and `cost` have
// default bodies that follow the desk's standard rules, and an item type
// overrides a default only where its own rule differs (the doc comment
// of each item type says which rule applies). Fill in the bodies, add the
// overrides, and write `quote` and `total`; the tests are the spec.

use std::fmt;

/// An amount of money in cents, shown in dollars: `Cents(1205)` is "$12.05".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cents(u32);

impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "${}.{:02}", self.0 / 100, self.0 % 100)
    }
}

trait Shipment {
    /// What goes on the label, e.g. "parcel 1200 g".
    fn label(&self) -> String;
    fn weight_grams(&self) -> u32;

    /// Most items are not fragile.
    fn is_fragile(&self) -> bool {
        false
    }

    /// The standard rate: $4.00, plus 50 cents for every 500 g or part of
    /// it; fragile items cost double.
    fn cost(&self) -> Cents {
        let base = 400 + 50 * self.weight_grams().div_ceil(500);
        Cents(if self.is_fragile() { base * 2 } else { base })
    }
}

/// A letter weighs 20 g and goes at a flat 95 cents. Label: "letter".
struct Letter;

/// Label: "parcel {weight} g". Standard rules.
struct Parcel {
    weight_grams: u32,
}

/// Fragile. Label: "glassware x{pieces}"; weight: 250 g per piece.
struct Glassware {
    pieces: u32,
}

impl Shipment for Letter {
    fn label(&self) -> String {
        String::from("letter")
    }
    fn weight_grams(&self) -> u32 {
        20
    }
    fn cost(&self) -> Cents {
        Cents(95)
    }
}

impl Shipment for Parcel {
    fn label(&self) -> String {
        format!("parcel {} g", self.weight_grams)
    }
    fn weight_grams(&self) -> u32 {
        self.weight_grams
    }
}

impl Shipment for Glassware {
    fn label(&self) -> String {
        format!("glassware x{}", self.pieces)
    }
    fn weight_grams(&self) -> u32 {
        250 * self.pieces
    }
    fn is_fragile(&self) -> bool {
        true
    }
}

/// One line of a quote: "parcel 1200 g: $5.50", and for fragile items
/// "glassware x3 (fragile): $10.00".
fn quote(item: &impl Shipment) -> String {
    let fragile = if item.is_fragile() { " (fragile)" } else { "" };
    format!("{}{fragile}: {}", item.label(), item.cost())
}

/// The cost of shipping every item in the slice.
fn total<T: Shipment>(items: &[T]) -> Cents {
    Cents(items.iter().map(|item| item.cost().0).sum())
}

fn main() {
    println!("{}", quote(&Parcel { weight_grams: 1200 }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cents_display_as_dollars() {
        assert_eq!(Cents(1205).to_string(), "$12.05");
        assert_eq!(Cents(7).to_string(), "$0.07");
        assert_eq!(format!("{}", Cents(400)), "$4.00");
    }

    #[test]
    fn standard_rules() {
        assert_eq!(Parcel { weight_grams: 1200 }.cost(), Cents(550));
        assert_eq!(Parcel { weight_grams: 500 }.cost(), Cents(450));
        assert_eq!(Parcel { weight_grams: 0 }.cost(), Cents(400));
        assert!(!Parcel { weight_grams: 10 }.is_fragile());
    }

    #[test]
    fn overrides() {
        assert_eq!(Letter.cost(), Cents(95));
        assert_eq!(Letter.weight_grams(), 20);
        assert!(!Letter.is_fragile());
        let glass = Glassware { pieces: 3 };
        assert!(glass.is_fragile());
        assert_eq!(glass.weight_grams(), 750);
        assert_eq!(glass.cost(), Cents(1000));
    }

    #[test]
    fn quotes_and_totals() {
        assert_eq!(quote(&Letter), "letter: $0.95");
        assert_eq!(quote(&Parcel { weight_grams: 1200 }), "parcel 1200 g: $5.50");
        assert_eq!(quote(&Glassware { pieces: 3 }), "glassware x3 (fragile): $10.00");
        let parcels = [Parcel { weight_grams: 300 }, Parcel { weight_grams: 2600 }];
        assert_eq!(total(&parcels), Cents(450 + 700));
        assert_eq!(total::<Letter>(&[]), Cents(0));
    }
}
