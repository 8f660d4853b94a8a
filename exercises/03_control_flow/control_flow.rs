// Exercise: control_flow
//
// Every loop kind in one program. As shipped it does not compile (E0317),
// and once it compiles it prints one wrong line. Fix the two TODOs so the
// program prints exactly:
//
//   7 is odd
//   10 is even
//   doubling 1 reaches 128 after 7 steps
//   halving: 100 50 25 12 6 3 1
//   squares: 1 4 9 16 25
//   first cell above 20: row 1, column 1

fn parity(n: i32) -> &'static str {
    // TODO (1): this `if` is used as a value, but it has no value at all
    // when `n` is odd.
    let word = if n % 2 == 0 {
        "even"
    };
    word
}

fn main() {
    println!("7 is {}", parity(7));
    println!("10 is {}", parity(10));

    // `loop` is an expression: `break value` hands a value out of it.
    let mut value = 1;
    let mut steps = 0;
    let reached = loop {
        if value >= 100 {
            break value;
        }
        value *= 2;
        steps += 1;
    };
    println!("doubling 1 reaches {reached} after {steps} steps");

    // `while` runs as long as its condition holds.
    let mut n = 100;
    print!("halving:");
    while n > 0 {
        print!(" {n}");
        n /= 2;
    }
    println!();

    // `for` over an inclusive range.
    print!("squares:");
    for i in 1..=5 {
        print!(" {}", i * i);
    }
    println!();

    let grid = [[4, 8, 15], [16, 23, 42], [7, 99, 1]];
    let mut found = None;
    // TODO (2): we want the FIRST cell above 20, but this `break` leaves
    // only the inner loop: the outer loop keeps searching, and a later
    // match overwrites `found`.
    for (r, row) in grid.iter().enumerate() {
        for (c, &cell) in row.iter().enumerate() {
            if cell > 20 {
                found = Some((r, c));
                break;
            }
        }
    }
    match found {
        Some((r, c)) => println!("first cell above 20: row {r}, column {c}"),
        None => println!("no cell above 20"),
    }
}
