// Exercise: variables
//
// A tiny wallet. The program does not compile yet, for two reasons that
// this step is about:
//   1. a variable is changed although it was declared immutable (E0384);
//   2. a `mut` variable is given a value of a different type (E0308).
// Fix the two places marked TODO. rustc reports the type errors first
// (E0308, plus an E0369 that has the same cause); E0384 shows up only once
// the types check. The program must print exactly:
//
//   balance: 120
//   balance: 95
//   balance: 145
//   coins: 42, doubled: 84
//   inner level: 11
//   outer level: 1
//
// Do not change the other lines.

fn main() {
    // TODO (1): `balance` changes below, but this binding forbids that.
    let balance = 120;
    println!("balance: {balance}");
    balance -= 25;
    println!("balance: {balance}");
    balance += 50;
    println!("balance: {balance}");

    // The input arrives as text and should end up as a number.
    // TODO (2): this one variable is asked to hold text first and a number
    // afterwards, but a variable keeps the type it was declared with.
    let mut coins = " 42 ";
    coins = coins.trim().parse::<i32>().unwrap();
    println!("coins: {coins}, doubled: {}", coins * 2);

    // Shadowing in an inner block lasts only until the block ends.
    let level = 1;
    {
        let level = level + 10;
        println!("inner level: {level}");
    }
    println!("outer level: {level}");
}
