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
use std::num::{IntErrorKind, ParseIntError};
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    Error,
    Warn,
    Info,
    Debug,
}

#[derive(Debug)]
enum ValueError {
    UnknownLevel(String),
    EmptyAge,
    MissingUnit(String),
    UnknownUnit { text: String, unit: char },
    NotANumber { text: String, source: ParseIntError },
    TooLarge(String),
}

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownLevel(name) => {
                write!(f, "unknown level {name:?} (expected error, warn, info or debug)")
            }
            Self::EmptyAge => write!(f, "empty age (expected a number and s, m or h)"),
            Self::MissingUnit(text) => write!(f, "{text:?}: missing unit (s, m or h)"),
            Self::UnknownUnit { text, unit } => {
                write!(f, "{text:?}: unknown unit {unit:?} (s, m or h)")
            }
            // The reason stays out of the message: `source()` carries it.
            Self::NotANumber { text, .. } => write!(f, "{text:?}: not a number"),
            Self::TooLarge(text) => write!(f, "{text:?}: too large"),
        }
    }
}

impl Error for ValueError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Self::NotANumber { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl FromStr for Level {
    type Err = ValueError;

    /// Case does not matter: "WARN", "warn" and "Warn" are all Level::Warn.
    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.to_ascii_lowercase().as_str() {
            "error" => Ok(Level::Error),
            "warn" => Ok(Level::Warn),
            "info" => Ok(Level::Info),
            "debug" => Ok(Level::Debug),
            _ => Err(ValueError::UnknownLevel(name.to_string())),
        }
    }
}

/// A whole number followed by one unit: s (seconds), m (minutes), h (hours).
fn parse_age(text: &str) -> Result<Duration, ValueError> {
    let Some(unit) = text.chars().last() else {
        return Err(ValueError::EmptyAge);
    };
    let seconds_per_unit = match unit {
        's' => 1,
        'm' => 60,
        'h' => 60 * 60,
        _ if unit.is_ascii_digit() => return Err(ValueError::MissingUnit(text.to_string())),
        _ => return Err(ValueError::UnknownUnit { text: text.to_string(), unit }),
    };
    let digits = &text[..text.len() - unit.len_utf8()];
    let n: u64 = match digits.parse() {
        Ok(n) => n,
        // Digits, just too many of them for a u64.
        Err(e) if *e.kind() == IntErrorKind::PosOverflow => {
            return Err(ValueError::TooLarge(text.to_string()));
        }
        Err(source) => return Err(ValueError::NotANumber { text: text.to_string(), source }),
    };
    let seconds = n
        .checked_mul(seconds_per_unit)
        .ok_or_else(|| ValueError::TooLarge(text.to_string()))?;
    Ok(Duration::from_secs(seconds))
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
