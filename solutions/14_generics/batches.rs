// Step 14: const generics, `[T; N]` in signatures
//
// A weather station reports readings in fixed-size batches: four per hour
// from the roof sensor, six from the garden, two from the cellar. The
// helpers below were written for the roof batch only, so the other batches
// do not type-check (E0308), and `main` cannot ask `latest` for a batch
// size of its choice (E0107).
//
// Your job: make the three helpers work for arrays of ANY length known at
// compile time. Keep the batches as arrays (do not switch them to Vec or
// slices), and do not change `main`.

// `N` is a compile-time value: each batch size gets its own copy of `mean`.
fn mean<const N: usize>(readings: [f64; N]) -> f64 {
    let total: f64 = readings.iter().sum();
    total / readings.len() as f64
}

// The array length is part of the type `[f64; N]`.
fn spread<const N: usize>(readings: &[f64; N]) -> f64 {
    let mut low = readings[0];
    let mut high = readings[0];
    for &r in readings {
        low = low.min(r);
        high = high.max(r);
    }
    high - low
}

// The caller picks `N` (turbofish or type annotation); inside the body `N`
// is an ordinary `usize` value.
fn latest<const N: usize>(history: &[f64]) -> [f64; N] {
    let mut out = [0.0; N];
    out.copy_from_slice(&history[history.len() - N..]);
    out
}

fn main() {
    let roof = [11.5, 12.0, 12.5, 13.0];
    let garden = [9.0, 9.5, 11.0, 12.5, 14.0, 13.0];
    let cellar = [7.0, 7.5];

    println!("roof:   mean {:.2}, spread {:.1}", mean(roof), spread(&roof));
    println!("garden: mean {:.2}, spread {:.1}", mean(garden), spread(&garden));
    println!("cellar: mean {:.2}, spread {:.1}", mean(cellar), spread(&cellar));

    let history = [8.0, 8.5, 9.0, 10.5, 12.0, 12.5, 11.0, 10.0];
    let last_three = latest::<3>(&history);
    println!("last three: {last_three:?}");
    // Here the length comes from the annotation, not from a turbofish.
    let last_hour: [f64; 4] = latest(&history);
    println!("last hour mean: {:.2}", mean(last_hour));
}
