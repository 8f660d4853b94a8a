// Exercise: vecs
//
// A small score board kept in a Vec<i32>. The program does not compile:
// a reference into the Vec is still in use when the Vec is pushed to
// (error E0502). Fix the marked line so that the program compiles and
// prints exactly:
//
//   best before bonus = 90
//   scores = [45, 80, 95, 15]
//   fifth score: none
//   total = 235
//   room for 8 without reallocating: true
//
// Only change what the TODO asks for.

fn main() {
    let mut scores = vec![40, 75, 90];

    // Dereference to copy the i32 out: no borrow of `scores` stays alive,
    // so the `push` below is allowed.
    let best = *scores.iter().max().unwrap();
    scores.push(10);
    println!("best before bonus = {best}");

    // Add a 5-point bonus to every score, in place (iterate by &mut).
    for s in &mut scores {
        *s += 5;
    }
    println!("scores = {scores:?}");

    // `scores[4]` would panic; `get` returns an Option instead.
    match scores.get(4) {
        Some(s) => println!("fifth score: {s}"),
        None => println!("fifth score: none"),
    }

    // Iterate by shared reference: `scores` is still usable afterwards.
    let total: i32 = scores.iter().sum();
    println!("total = {total}");

    // len is how many elements there are; capacity is how many fit
    // in the current allocation.
    let mut buffer: Vec<i32> = Vec::with_capacity(8);
    buffer.extend(&scores);
    println!(
        "room for 8 without reallocating: {}",
        buffer.capacity() >= 8 && buffer.len() == scores.len()
    );
}
