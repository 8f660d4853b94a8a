// Exercise: two_phase
//
// A job scheduler keeps job ids in batches. Several statements below read
// a collection in their arguments while the same statement changes it.
//
// Rust accepts `ids.push(ids.len())`: for a method call, the mutable
// borrow of the receiver is first only RESERVED, the arguments are
// evaluated (reading `ids` is allowed meanwhile), and then the borrow is
// ACTIVATED for the call. This "two-phase borrow" is narrow, though, and
// the three other statements marked below get no such treatment.
//
// Fix `main` so it compiles and prints exactly:
//
//   next id: 3
//   audit: ["entry 0: 3 ids"]
//   batches: [[0, 1], [2, 3, 2]]
//   stack: [4, 10]
//
// Keep what each statement does: the same values, pushed in the same
// order. Do not change `record`.

fn record(log: &mut Vec<String>, entry: String) {
    log.push(entry);
}

fn main() {
    let mut ids: Vec<usize> = vec![0, 1, 2];
    ids.push(ids.len()); // fine: a two-phase borrow
    println!("next id: {}", ids[3]);

    let mut audit: Vec<String> = Vec::new();
    let count = ids.len() - 1;
    // An explicit `&mut audit` argument is active at once: read first.
    let entry = format!("entry {}: {count} ids", audit.len());
    record(&mut audit, entry);
    println!("audit: {audit:?}");

    let mut batches: Vec<Vec<usize>> = vec![vec![0, 1], vec![2, 3]];
    // `last_mut()` returns an active `&mut`: read the length before it.
    let n = batches.len();
    batches.last_mut().unwrap().push(n);
    println!("batches: {batches:?}");

    let mut stack = vec![4, 5];
    // `pop` needs `&mut stack` while `push` holds its reservation.
    let top = stack.pop().unwrap();
    stack.push(top * 2);
    println!("stack: {stack:?}");
}
