// Exercise: functions
//
// Helpers for a small ticket shop. Prices are in cents. The tests at the
// bottom are the spec: do not change them. The file does not compile yet:
// rustc reports five errors (E0308 four times, E0277 once), but they come
// from just two mistakes, in the two functions marked TODO. Look closely at
// the LAST line of each function body and at each signature: once those
// two are right, the errors in `main` and in the tests, which complain
// about `()`, go away too.

/// 1500 cents per ticket; from 5 tickets on, the whole order is 10% off.
fn ticket_price(count: u32) -> u32 {
    if count == 0 {
        return 0; // early exit with `return`
    }
    let base = count * 1500;
    if count >= 5 { base - base / 10 } else { base }
}

/// 5% of the order, but never less than 100 cents.
// TODO (1): the body should evaluate to the fee, but its last line
// computes the fee and then throws it away.
fn booking_fee(price: u32) -> u32 {
    let fee = price / 20;
    fee.max(100);
}

/// A label such as "R3-S7" for row 3, seat 7.
// TODO (2): the body builds a String, but the signature promises that the
// function returns nothing.
fn seat_label(row: u32, seat: u32) {
    format!("R{row}-S{seat}")
}

/// Ticket price plus booking fee. A block is an expression too.
fn order_total(count: u32) -> u32 {
    let price = ticket_price(count);
    let fee = {
        let f = booking_fee(price);
        if count == 0 { 0 } else { f }
    };
    price + fee
}

fn main() {
    println!("seat {} costs {} cents", seat_label(1, 1), order_total(1));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices() {
        assert_eq!(ticket_price(0), 0);
        assert_eq!(ticket_price(2), 3000);
        assert_eq!(ticket_price(5), 6750);
    }

    #[test]
    fn fee_has_a_minimum() {
        assert_eq!(booking_fee(3000), 150);
        assert_eq!(booking_fee(1000), 100);
    }

    #[test]
    fn labels() {
        assert_eq!(seat_label(3, 7), "R3-S7");
        assert_eq!(seat_label(12, 1), "R12-S1");
    }

    #[test]
    fn totals() {
        assert_eq!(order_total(0), 0);
        assert_eq!(order_total(1), 1600);
        assert_eq!(order_total(5), 7087);
    }
}
