// Step 16: operator overloading, by value and by reference
//
// A tiny polynomial type for a curve-fitting tool: `Poly(vec![c0, c1, c2])`
// means c0 + c1*x + c2*x^2. Adding two owned polynomials and reading a
// coefficient with `p[k]` already work.
//
// `main` also adds two BORROWED polynomials (it prints them afterwards),
// negates one, and accumulates a total with `+=`. None of these operators
// exists for `Poly` yet (E0369, E0600, E0368).
//
// Your job: add the missing operator impls so that the program prints the
// expected output. Do not change `main`.

use std::fmt;
use std::ops::{Add, Index};

#[derive(Debug, Clone, PartialEq)]
struct Poly(Vec<i64>);

impl Poly {
    fn eval(&self, x: i64) -> i64 {
        self.0.iter().rev().fold(0, |acc, &c| acc * x + c)
    }
}

// TODO: this is the only arithmetic `Poly` supports so far, and it consumes
// both operands; `main` needs more than that.
impl Add for Poly {
    type Output = Poly;
    fn add(self, rhs: Poly) -> Poly {
        let len = self.0.len().max(rhs.0.len());
        Poly((0..len).map(|k| self[k] + rhs[k]).collect())
    }
}

// A missing coefficient is 0, so `p[k]` never panics.
impl Index<usize> for Poly {
    type Output = i64;
    fn index(&self, k: usize) -> &i64 {
        self.0.get(k).unwrap_or(&0)
    }
}

impl fmt::Display for Poly {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (k, &c) in self.0.iter().enumerate().filter(|&(_, &c)| c != 0) {
            let power = match k {
                0 => String::new(),
                1 => "x".to_string(),
                _ => format!("x^{k}"),
            };
            match (first, c < 0) {
                (true, _) => write!(f, "{c}{power}")?,
                (false, false) => write!(f, " + {c}{power}")?,
                (false, true) => write!(f, " - {}{power}", -c)?,
            }
            first = false;
        }
        if first {
            write!(f, "0")?;
        }
        Ok(())
    }
}

fn main() {
    let p = Poly(vec![1, 2]); // 1 + 2x
    let q = Poly(vec![0, -1, 3]); // -1x + 3x^2

    let sum = &p + &q;
    println!("p + q = {sum}");
    println!("p is still {p}, q is still {q}");
    println!("-q = {}", -q.clone());

    let mut total = Poly(vec![]);
    for part in [&p, &q, &sum] {
        total += part;
    }
    println!("total = {total}, total(2) = {}", total.eval(2));
    println!("coefficient of x^5: {}", total[5]);

    let owned = p + q; // by value: `p` and `q` are moved here
    println!("owned = {owned}");
}
