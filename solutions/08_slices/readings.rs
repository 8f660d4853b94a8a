// Exercise: readings
//
// A sensor sends six numbers: three baseline values, then three readings.
// Both helpers work IN PLACE, through slices of the caller's Vec, without
// copying it. As shipped, the program does not compile:
//
//   - `clamp_all` tries to change elements it was only allowed to read;
//   - `main` lends out part of `samples` for reading and another part for
//     writing at the same time.
//
// Make it compile and print exactly:
//
//   clamped:  [0, 5, 50, 10, 9, 50]
//   adjusted: [0, 5, 50, 10, 4, 0]

// Forces every value into the range lo..=hi.
// `&mut [i32]` may change elements (never the length).
fn clamp_all(values: &mut [i32], lo: i32, hi: i32) {
    for v in values {
        *v = (*v).clamp(lo, hi);
    }
}

// Subtracts each baseline value from the matching reading.
fn subtract_baseline(baseline: &[i32], readings: &mut [i32]) {
    for (r, b) in readings.iter_mut().zip(baseline) {
        *r -= b;
    }
}

fn main() {
    let mut samples = vec![-3, 5, 60, 10, 9, 100];

    // `&mut Vec<i32>` coerces to `&mut [i32]`.
    clamp_all(&mut samples, 0, 50);
    println!("clamped:  {samples:?}");

    // `split_at_mut` proves the halves are disjoint and lends out both.
    // A `&mut [i32]` is accepted where a `&[i32]` is expected.
    let (baseline, readings) = samples.split_at_mut(3);
    subtract_baseline(baseline, readings);
    println!("adjusted: {samples:?}");
}
