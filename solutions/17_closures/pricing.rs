// Step 17: closures, exercise 2 of 3
//
// A checkout applies promo codes. `pricing_rule` turns a code such as
// "pct:10" (10% off) or "off:250" (250 cents off) into a closure that maps a
// price in cents to the discounted price. Unknown codes change nothing.
//
// As shipped it does not compile (E0308): read the note rustc adds under
// the error.
//
// Your job: fix the TODO so the program prints exactly:
//
//   pct:10 -> 1800
//   off:250 -> 1750
//   pct:x -> 2000
//   half -> 2000
//   best deal: 1750

// Each arm builds a closure of its own type; boxing them as trait objects
// gives all arms one common type. `move` makes each box own its captures,
// so it is `'static`.
fn pricing_rule(code: &str) -> Box<dyn Fn(u32) -> u32> {
    match code.split_once(':') {
        Some(("pct", pct)) => {
            let pct: u32 = pct.parse().unwrap_or(0).min(100);
            Box::new(move |cents| cents * (100 - pct) / 100)
        }
        Some(("off", amount)) => {
            let amount: u32 = amount.parse().unwrap_or(0);
            Box::new(move |cents| cents.saturating_sub(amount))
        }
        _ => Box::new(|cents| cents),
    }
}

fn main() {
    let price = 2000;
    let codes = ["pct:10", "off:250", "pct:x", "half"];

    let mut best = price;
    for code in codes {
        let rule = pricing_rule(code);
        let discounted = rule(price);
        println!("{code} -> {discounted}");
        best = best.min(discounted);
    }
    println!("best deal: {best}");
}
