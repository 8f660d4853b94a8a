// Exercise: versions
//
// In Cargo.toml, `rand = "0.8"` is a caret requirement: "any version
// compatible with 0.8". Here you write that rule yourself.
//
// This file is checked with the test harness (`rustc --test`; in a Cargo
// project, `cargo test`): every `#[test]` function at the bottom runs, and
// the exercise passes when they all pass. The tests are the spec: do not
// change them. As shipped, both functions stop at `todo!()`, which
// compiles (it has whatever type is needed) but panics when it runs.
//
// A version is a tuple (major, minor, patch): read its parts as `v.0`,
// `v.1` and `v.2`. Tuples compare element by element, so
// `(1, 2, 3) < (1, 10, 0)` is true.

/// Formats a version as Cargo prints it: (1, 4, 0) becomes "1.4.0".
fn format_version(v: (u64, u64, u64)) -> String {
    // TODO: the text is the three numbers joined by dots.
    todo!()
}

/// Does `candidate` satisfy the caret requirement `req`?
///
/// - The candidate may not be older than `req`.
/// - If req's major is not 0, the majors must be equal:
///   1.2.3 accepts 1.9.0 but not 2.0.0.
/// - If req's major is 0 but its minor is not, major and minor must be
///   equal: 0.8.1 accepts 0.8.5 but not 0.9.0.
/// - If both are 0, only that exact version matches: 0.0.3 accepts 0.0.3.
fn is_compatible(req: (u64, u64, u64), candidate: (u64, u64, u64)) -> bool {
    // TODO: return whether the candidate passes all four rules above.
    todo!()
}

fn main() {
    let req = (0, 8, 1);
    let found = (0, 8, 5);
    println!(
        "{} satisfies ^{}: {}",
        format_version(found),
        format_version(req),
        is_compatible(req, found)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_versions() {
        assert_eq!(format_version((1, 4, 0)), "1.4.0");
        assert_eq!(format_version((0, 12, 3)), "0.12.3");
    }

    #[test]
    fn major_version_rules() {
        assert!(is_compatible((1, 2, 3), (1, 2, 3)));
        assert!(is_compatible((1, 2, 3), (1, 9, 0)));
        assert!(!is_compatible((1, 2, 3), (2, 0, 0)));
        assert!(!is_compatible((1, 2, 3), (1, 2, 2)));
        assert!(!is_compatible((1, 2, 3), (1, 1, 9)));
    }

    #[test]
    fn zero_major_rules() {
        assert!(is_compatible((0, 8, 1), (0, 8, 5)));
        assert!(!is_compatible((0, 8, 1), (0, 9, 0)));
        assert!(!is_compatible((0, 8, 1), (0, 8, 0)));
        assert!(!is_compatible((0, 8, 1), (1, 8, 1)));
    }

    #[test]
    fn zero_zero_is_exact() {
        assert!(is_compatible((0, 0, 3), (0, 0, 3)));
        assert!(!is_compatible((0, 0, 3), (0, 0, 4)));
        assert!(!is_compatible((0, 0, 3), (0, 1, 0)));
    }
}
