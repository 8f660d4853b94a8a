// Step 28: write three macro_rules! macros
//
// A service's config code wants three small macros:
//
// - `hashmap!{ k => v, ... }` builds a HashMap from literal pairs; the
//   trailing comma is optional, and `hashmap!{}` is an empty map.
// - `max_of!(a, b, c, ...)` is the largest of one or more values that can be
//   compared with `>`; it evaluates each argument exactly once.
// - `ensure!(cond)` and `ensure!(cond, "format", args...)` make the
//   ENCLOSING function return `Err(String)` when `cond` is false: something
//   no function can do. Without a message the error is
//   "check failed: <the condition's source text>".
//
// Replace each placeholder rule with real rules. The tests are the spec.

use std::collections::HashMap;

// Paths in an expansion are resolved where the macro is CALLED, so spell
// them out in full instead of relying on the caller's `use` lines.
macro_rules! hashmap {
    () => {
        ::std::collections::HashMap::new()
    };
    ($($key:expr => $value:expr),+ $(,)?) => {{
        let mut map = ::std::collections::HashMap::new();
        $(map.insert($key, $value);)+
        map
    }};
}

macro_rules! max_of {
    ($only:expr $(,)?) => {
        $only
    };
    ($first:expr, $($rest:expr),+ $(,)?) => {{
        let first = $first;
        let rest = max_of!($($rest),+);
        if first > rest { first } else { rest }
    }};
}

macro_rules! ensure {
    ($cond:expr $(,)?) => {
        if !$cond {
            return Err(format!("check failed: {}", stringify!($cond)));
        }
    };
    ($cond:expr, $($fmt:tt)+) => {
        if !$cond {
            return Err(format!($($fmt)+));
        }
    };
}

fn parse_port(text: &str) -> Result<u16, String> {
    let port: u32 = text.trim().parse().map_err(|_| format!("not a number: {text}"))?;
    ensure!(port > 0);
    ensure!(port <= 65535, "port {} is out of range", port);
    Ok(port as u16)
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashmap_builds_maps() {
        let limits: HashMap<&str, u32> = hashmap! {
            "free" => 10,
            "pro" => 1_000,
        };
        assert_eq!(limits.len(), 2);
        assert_eq!(limits["pro"], 1_000);
        let one: HashMap<char, Vec<i32>> = hashmap! { 'x' => vec![1, 2] };
        assert_eq!(one[&'x'], [1, 2]);
        let empty: HashMap<String, bool> = hashmap! {};
        assert!(empty.is_empty());
    }

    #[test]
    fn max_of_any_number_of_values() {
        let single: i32 = max_of!(7);
        let several: i32 = max_of!(3, 9, 2, 9, -1);
        let floats: f64 = max_of!(0.5, 2.25, 1.0,);
        let words: &str = max_of!("pear", "apple", "zucchini");
        assert_eq!((single, several, floats, words), (7, 9, 2.25, "zucchini"));
    }

    #[test]
    fn max_of_evaluates_each_argument_once() {
        let mut calls = 0;
        let mut reading = |v: i32| {
            calls += 1;
            v
        };
        let best: i32 = max_of!(reading(4), reading(11), reading(6));
        assert_eq!(best, 11);
        assert_eq!(calls, 3);
    }

    #[test]
    fn ensure_returns_early_from_the_caller() {
        assert_eq!(parse_port(" 8080 "), Ok(8080));
        assert_eq!(parse_port("0"), Err("check failed: port > 0".to_string()));
        assert_eq!(parse_port("70000"), Err("port 70000 is out of range".to_string()));
        assert_eq!(parse_port("http"), Err("not a number: http".to_string()));
    }
}
