// Step 31: unsafe Rust
//
// `ends` returns the first and last element of a slice. It reads them through
// a raw pointer instead of indexing (so no bounds checks are emitted).
//
// As shipped this does not compile (E0133): dereferencing a raw pointer and
// calling the unsafe method `pointer::add` are only allowed inside `unsafe`.
//
// Your job: make `ends` a SAFE function that wraps the unsafe operations.
// Put them in an `unsafe { ... }` block and write a `// SAFETY:` comment
// above it saying why every read is in bounds. Keep the empty-slice check:
// it is what makes the unsafe block sound. Do not change `main`.
//
// Expected output:
//
//   Some((4, 9))
//   Some((7, 7))
//   None

/// Returns `(first, last)` of `v`, or `None` when `v` is empty.
fn ends(v: &[i32]) -> Option<(i32, i32)> {
    if v.is_empty() {
        return None;
    }
    // Creating a raw pointer is safe; only using it is not.
    let p: *const i32 = v.as_ptr();

    // TODO: these two reads are unsafe operations. Wrap them in an
    // `unsafe` block with a `// SAFETY:` comment that justifies them.
    let first = *p;
    let last = *p.add(v.len() - 1);

    Some((first, last))
}

fn main() {
    println!("{:?}", ends(&[4, 8, 15, 9]));
    println!("{:?}", ends(&[7]));
    println!("{:?}", ends(&[]));
}
