// Exercise: variables
//
// A tiny wallet. The program does not compile yet, for two reasons that
// this step is about:
//   1. a variable is changed although it was declared immutable (E0384);
//   2. a `mut` variable is given a value of a different type (E0308).
// Fix the two lines marked TODO (rustc shows one error first, then the
// other). The program must print exactly:
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
    // TODO (1): `balance` changes below, so the binding must allow it.
    let balance = 120;
    println!("balance: {balance}");
    balance -= 25;
    println!("balance: {balance}");
    balance += 50;
    println!("balance: {balance}");

    // The input arrives as text and should end up as a number.
    // TODO (2): `mut` lets a variable take a new VALUE, never a new TYPE.
    // Replace the `mut` + assignment with shadowing (a second `let`).
    // (rustc may also say it cannot multiply a `&str`: same root cause.)
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
