// paths.rs
//
// Paths, `use`, re-exports and conditional compilation. A small shop keeps
// its catalogue and its pricing rules in separate modules and re-exports
// the one function most callers need. Its audit log is optional: it exists
// only when the crate is built with the "audit" feature (Cargo would pass
// `--cfg feature="audit"` to rustc; plain rustc, as here, passes none).
//
// The program does not compile. Make it print the expected output below
// without turning the feature on, without moving `total` out of `pricing`
// and without changing `main`.
//
// Expected output:
//
//   cart: tea, mug, spoon
//   total: 1250 cents
//   after 10% off: 1125 cents
//   audit log: off

mod shop {
    pub mod catalog {
        pub struct Item {
            pub name: &'static str,
            pub cents: u32,
        }

        pub fn sample_cart() -> Vec<Item> {
            vec![
                Item { name: "tea", cents: 450 },
                Item { name: "mug", cents: 600 },
                Item { name: "spoon", cents: 200 },
            ]
        }
    }

    pub mod pricing {
        // TODO: this path is resolved from inside `pricing`, which has no
        // child module named `catalog`.
        use catalog::Item;

        pub fn total(items: &[Item]) -> u32 {
            items.iter().map(|item| item.cents).sum()
        }

        pub fn discounted(cents: u32, percent: u32) -> u32 {
            cents - cents * percent / 100
        }
    }

    // TODO: `main` calls `shop::total`, but `total` is defined one module
    // deeper, and it must stay there.

    #[cfg(feature = "audit")]
    pub fn audit(event: &str) {
        println!("audit: {event}");
    }

    // TODO: in a build without the feature, `audit` does not exist at all,
    // yet `main` still calls it.
}

fn main() {
    let cart = shop::catalog::sample_cart();
    let names: Vec<&str> = cart.iter().map(|item| item.name).collect();
    println!("cart: {}", names.join(", "));

    let total = shop::total(&cart);
    println!("total: {total} cents");
    println!("after 10% off: {} cents", shop::pricing::discounted(total, 10));

    shop::audit("checkout");
    if !cfg!(feature = "audit") {
        println!("audit log: off");
    }
}
