// Step 19: smart pointers, exercise 1 of 3 (Box<T>)
//
// A calculator stores arithmetic expressions as a tree and evaluates them.
// As shipped the `Expr` enum does not compile: it contains itself directly,
// so its size would be infinite (E0072).
//
// Your job: fix the TODOs so that the program prints exactly:
//
//   (2 + 3) * -4 = -20
//   nodes: 6

#[derive(Debug)]
enum Expr {
    Num(i64),
    // A Box is one pointer wide, so `Expr` now has a finite size.
    Add(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
}

use Expr::*;

// The helpers move their arguments onto the heap.
fn add(a: Expr, b: Expr) -> Expr {
    Add(Box::new(a), Box::new(b))
}

fn mul(a: Expr, b: Expr) -> Expr {
    Mul(Box::new(a), Box::new(b))
}

fn neg(a: Expr) -> Expr {
    Neg(Box::new(a))
}

fn eval(e: &Expr) -> i64 {
    match e {
        Num(n) => *n,
        Add(a, b) => eval(a) + eval(b),
        Mul(a, b) => eval(a) * eval(b),
        Neg(a) => -eval(a),
    }
}

fn show(e: &Expr) -> String {
    match e {
        Num(n) => n.to_string(),
        Add(a, b) => format!("({} + {})", show(a), show(b)),
        Mul(a, b) => format!("{} * {}", show(a), show(b)),
        Neg(a) => format!("-{}", show(a)),
    }
}

fn count_nodes(e: &Expr) -> usize {
    match e {
        Num(_) => 1,
        Add(a, b) | Mul(a, b) => 1 + count_nodes(a) + count_nodes(b),
        Neg(a) => 1 + count_nodes(a),
    }
}

fn main() {
    let expr = mul(add(Num(2), Num(3)), neg(Num(4)));
    println!("{} = {}", show(&expr), eval(&expr));
    println!("nodes: {}", count_nodes(&expr));
}
