// reorder.rs
//
// A stock list gets a reorder line for every product that runs low. In C++
// the same loop compiles and hides a classic bug: `push_back` while
// iterating may reallocate the vector, and the loop then reads freed memory
// (iterator invalidation). Rust rejects it (E0502): the loop borrows
// `stock`, and `push` needs it mutably at the same time.
//
// Make it compile and print the expected output. Do not clone the whole
// stock list.
//
// Expected output:
//
//   tea: 12
//   mugs: 3
//   spoons: 40
//   filters: 0
//   mugs: 24 (reorder)
//   filters: 24 (reorder)

struct Line {
    sku: &'static str,
    qty: u32,
    reorder: bool,
}

/// Appends a reorder line of `batch` units for every stock line (not
/// itself a reorder) whose quantity is below `threshold`.
fn add_reorders(stock: &mut Vec<Line>, threshold: u32, batch: u32) {
    for line in stock.iter() {
        if !line.reorder && line.qty < threshold {
            // TODO: E0502. The loop is still reading `stock` when this line
            // wants to grow it; in C++ this is where the vector would move.
            stock.push(Line { sku: line.sku, qty: batch, reorder: true });
        }
    }
}

fn main() {
    let mut stock = vec![
        Line { sku: "tea", qty: 12, reorder: false },
        Line { sku: "mugs", qty: 3, reorder: false },
        Line { sku: "spoons", qty: 40, reorder: false },
        Line { sku: "filters", qty: 0, reorder: false },
    ];
    add_reorders(&mut stock, 5, 24);
    for line in &stock {
        let note = if line.reorder { " (reorder)" } else { "" };
        println!("{}: {}{note}", line.sku, line.qty);
    }
}
