// Step 18: iterators, exercise 1 of 3
//
// A tiny score report built from iterator chains.
// As shipped it compiles (with a warning worth reading!) but prints wrong
// numbers: an adapter chain is never consumed, and adapters are lazy.
//
// Your job: fix the TODO so the program prints exactly:
//
//   scores: [12, 30, 7, 45]
//   total: 94
//   best: 45
//   1: 30
//   3: 45
//   error: invalid digit found in string

use std::num::ParseIntError;

// Collecting an iterator of Result<T, E> into Result<Vec<T>, E> stops at the
// first error and returns it.
fn parse_scores(raw: &[&str]) -> Result<Vec<u32>, ParseIntError> {
    raw.iter().map(|s| s.trim().parse::<u32>()).collect()
}

fn main() {
    let raw = ["12", " 30", "7 ", "45"];
    let scores = parse_scores(&raw).expect("all inputs are valid");
    println!("scores: {scores:?}");

    let mut total = 0;
    // TODO: nothing ever pulls items out of this adapter chain, so its closure
    // never runs and `total` stays 0.
    scores.iter().map(|s| total += s);
    println!("total: {total}");

    let best = scores.iter().max().copied().unwrap_or(0);
    println!("best: {best}");

    // enumerate pairs every item with its index; filter keeps the big ones.
    for (i, s) in scores.iter().enumerate().filter(|&(_, &s)| s >= 30) {
        println!("{i}: {s}");
    }

    match parse_scores(&["5", "x9", "2"]) {
        Ok(v) => println!("parsed: {v:?}"),
        Err(e) => println!("error: {e}"),
    }
}
