// raw_pointers.rs
//
// A syntax drill: raw pointers, `unsafe` blocks, `unsafe fn` contracts and
// `// SAFETY:` comments. None of this needs unsafe in real code: the safe
// slice methods do the same jobs, and the optimiser makes them just as
// fast. Measure before you reach for unsafe. Here the raw pointers are the
// point: practise the rules on code small enough to check by eye.
//
// The file does not compile (E0133, and a denied lint). Make it compile and
// print the expected output. Keep every raw-pointer operation; do not
// rewrite the functions with safe slice methods.
//
// Expected output:
//
//   readings: [12, 40, 7, 1]
//   total = 60
//   after reset(1, 3): [12, 0, 0, 1]
//   last = Some(1)

// Edition 2024 warns about this lint; this file makes it an error.
#![deny(unsafe_op_in_unsafe_fn)]

/// Adds up `len` values starting at `ptr`.
///
/// # Safety
/// `ptr` must be non-null, aligned and point to `len` initialised `u32`
/// values that nothing writes to during the call.
unsafe fn sum_raw(ptr: *const u32, len: usize) -> u64 {
    let mut total = 0;
    for i in 0..len {
        // SAFETY: i < len, and the caller guarantees `len` readable values.
        total += u64::from(unsafe { *ptr.add(i) });
    }
    total
}

/// Writes zero into `count` values starting at `ptr`.
///
/// # Safety
/// `ptr` must be non-null, aligned and valid for writes of `count` `u32`
/// values, and no reference to those values may be used during the call.
unsafe fn zero_raw(ptr: *mut u32, count: usize) {
    for i in 0..count {
        // TODO: the lint denied at the top of this file rejects this line:
        // since edition 2024 a function's contract does not exempt its body.
        ptr.add(i).write(0);
    }
}

/// Sets `v[start..end]` to zero. Safe to call: the assert checks what
/// `zero_raw` needs.
fn reset(v: &mut [u32], start: usize, end: usize) {
    assert!(start <= end && end <= v.len(), "range {start}..{end} is out of bounds");
    let p = v.as_mut_ptr();
    // TODO: E0133. Offsetting a raw pointer and calling `zero_raw` are
    // operations the compiler cannot check; mark them, and write down why
    // the assert above makes them sound.
    zero_raw(p.add(start), end - start);
}

/// The last element, read through a raw pointer.
fn last(v: &[u32]) -> Option<u32> {
    if v.is_empty() {
        return None;
    }
    let p = v.as_ptr();
    // TODO: E0133 again: this read goes through a raw pointer, and nothing
    // here records why it stays in bounds.
    Some(*p.add(v.len() - 1))
}

fn main() {
    let mut readings = vec![12_u32, 40, 7, 1];
    println!("readings: {readings:?}");

    // TODO: `sum_raw` has a contract (its `# Safety` section). This call
    // neither takes responsibility for it nor says why it holds.
    let total = sum_raw(readings.as_ptr(), readings.len());
    println!("total = {total}");

    reset(&mut readings, 1, 3);
    println!("after reset(1, 3): {readings:?}");
    println!("last = {:?}", last(&readings));
}
