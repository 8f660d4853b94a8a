// Exercise: results
//
// `report` uses the `?` operator, but it returns `()`, and `?` only works in
// a function whose return type can carry the error (Result or Option).
// rustc rejects it with E0277. Fix `report` (see the TODO) so that the
// program compiles and prints exactly:
//
//   1 + 2 + 3 = 6
//   could not add "4 + x": invalid digit found in string
//   limit = 200
//
// Leave `main` as it is: it already returns a Result.

use std::error::Error;
use std::num::ParseIntError;

/// Add up "a + b + c". Any part that is not an integer is an error.
fn parse_sum(line: &str) -> Result<i32, ParseIntError> {
    let mut total = 0;
    for part in line.split('+') {
        // `?`: on Err, return the error to the caller right here.
        total += part.trim().parse::<i32>()?;
    }
    Ok(total)
}

// `report` returns a Result, so `?` can hand the error to its caller.
fn report(line: &str) -> Result<(), ParseIntError> {
    let total = parse_sum(line)?;
    println!("{line} = {total}");
    Ok(())
}

// `main` may return a Result. Here `?` converts a ParseIntError into a
// Box<dyn Error> through the `From` trait. If `main` returned Err, the
// error would be printed to stderr and the exit code would be 1.
fn main() -> Result<(), Box<dyn Error>> {
    report("1 + 2 + 3")?;

    let bad = "4 + x";
    if let Err(e) = report(bad) {
        println!("could not add {bad:?}: {e}");
    }

    let limit: u8 = "200".parse()?;
    println!("limit = {limit}");
    Ok(())
}
