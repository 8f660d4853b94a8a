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

// TODO: every arm builds its own closure, and no two closures share a type,
// but `impl Fn` promises the caller one single concrete type.
fn pricing_rule(code: &str) -> impl Fn(u32) -> u32 {
    match code.split_once(':') {
        Some(("pct", pct)) => {
            let pct: u32 = pct.parse().unwrap_or(0).min(100);
            move |cents: u32| cents * (100 - pct) / 100
        }
        Some(("off", amount)) => {
            let amount: u32 = amount.parse().unwrap_or(0);
            move |cents: u32| cents.saturating_sub(amount)
        }
        _ => |cents: u32| cents,
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
