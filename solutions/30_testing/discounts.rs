// discounts.rs
//
// The tests at the bottom are the specification for a small discount
// helper. Read them: they show the main tools of Rust's built-in test
// harness (#[test], assert!/assert_eq!, #[should_panic(expected = ...)],
// tests that return Result, and #[ignore]).
//
// Three tests fail. Fix the two functions (not the tests) so that all pass.

/// Parses a percentage written like "15%" (the % sign is required).
fn parse_percent(text: &str) -> Result<u8, String> {
    let digits = text
        .trim()
        .strip_suffix('%')
        .ok_or_else(|| format!("missing % sign: {text:?}"))?;
    let number: u8 = digits
        .parse()
        .map_err(|_| format!("not a percentage: {text:?}"))?;
    Ok(number)
}

/// Applies a discount to a price in cents. A discount above 100% is a
/// programming error, so it panics instead of returning an error.
fn apply_discount(price_cents: u64, percent: u8) -> u64 {
    assert!(percent <= 100, "discount above 100%: {percent}");
    price_cents - price_cents * percent as u64 / 100
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_percentage() -> Result<(), String> {
        // `?` turns an Err into a failed test, with the error printed.
        assert_eq!(parse_percent("15%")?, 15);
        assert_eq!(parse_percent(" 100% ")?, 100);
        Ok(())
    }

    #[test]
    fn rejects_missing_percent_sign() {
        assert!(parse_percent("15").is_err());
        assert!(parse_percent("abc%").is_err());
    }

    #[test]
    fn applies_discount() {
        assert_eq!(apply_discount(2000, 25), 1500);
        assert_eq!(apply_discount(999, 0), 999, "0% must not change the price");
    }

    #[test]
    #[should_panic(expected = "discount above 100%")]
    fn discount_over_100_panics() {
        apply_discount(1000, 150);
    }

    #[test]
    #[ignore = "slow: run with --ignored"]
    fn every_percentage_keeps_price_in_range() {
        for percent in 0..=100 {
            let after = apply_discount(10_000, percent);
            assert!(after <= 10_000, "{percent}% gave {after}");
        }
    }
}
