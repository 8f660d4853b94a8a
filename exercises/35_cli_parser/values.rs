// Step 35, exercise 1: typed errors for option values
//
// Before whole command lines, single option values: logtail will take
// `--level LEVEL` and `--since AGE` (90s, 15m, 2h). Design ValueError yourself:
// a variant per way a value can be wrong, a Display message for people, and
// std::error::Error with a `source()` where a lower-level error explains more.
// Then implement FromStr for Level and write parse_age. Expected output:
//
//   "WARN" -> Warn
//   "debug" -> Debug
//   "loud" -> error: unknown level "loud" (expected error, warn, info or debug)
//   "90s" -> 90s
//   "15m" -> 900s
//   "15" -> error: "15": missing unit (s, m or h)
//   "2d" -> error: "2d": unknown unit 'd' (s, m or h)
//   "xm" -> error: "xm": not a number
//       caused by: invalid digit found in string
//   "h" -> error: "h": not a number
//       caused by: cannot parse integer from empty string
//   "" -> error: empty age (expected a number and s, m or h)
//   "9000000000000000h" -> error: "9000000000000000h": too large
//   "99999999999999999999s" -> error: "99999999999999999999s": too large

use std::error::Error;
use std::fmt;
use std::num::ParseIntError;
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    Error,
    Warn,
    Info,
    Debug,
}

// TODO: this error type has no variants yet, and people cannot read it: main
// prints it and walks its chain of causes, which it does not support.
#[derive(Debug)]
enum ValueError {}

impl FromStr for Level {
    type Err = ValueError;

    /// Case does not matter: "WARN", "warn" and "Warn" are all Level::Warn.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        todo!()
    }
}

/// A whole number followed by one unit: s (seconds), m (minutes), h (hours).
fn parse_age(text: &str) -> Result<Duration, ValueError> {
    todo!()
}

/// Prints a result, and for an error every cause in its source chain.
fn show<T: fmt::Debug>(input: &str, result: Result<T, ValueError>) {
    match result {
        Ok(value) => println!("{input:?} -> {value:?}"),
        Err(err) => {
            println!("{input:?} -> error: {err}");
            let mut cause = err.source();
            while let Some(inner) = cause {
                println!("    caused by: {inner}");
                cause = inner.source();
            }
        }
    }
}

fn main() {
    for input in ["WARN", "debug", "loud"] {
        show(input, input.parse::<Level>());
    }
    let ages = ["90s", "15m", "15", "2d", "xm", "h", "", "9000000000000000h", "99999999999999999999s"];
    for input in ages {
        show(input, parse_age(input));
    }
}
