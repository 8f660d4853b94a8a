// cargo.rs
//
// In Cargo.toml, `serde = "1.2.3"` means the CARET requirement `^1.2.3`:
// "any version that is semver-compatible with 1.2.3". Cargo treats the
// left-most non-zero component as the breaking one:
//   ^1.2.3  ->  >= 1.2.3 and < 2.0.0
//   ^0.2.3  ->  >= 0.2.3 and < 0.3.0
//   ^0.0.3  ->  >= 0.0.3 and < 0.0.4
//
// `caret_matches` gets the 1.x case right but is too generous for 0.x
// versions. Fix it so that every test passes. Only plain MAJOR.MINOR.PATCH
// versions are used (no pre-release tags).

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Version {
    major: u64,
    minor: u64,
    patch: u64,
}

fn parse(text: &str) -> Option<Version> {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().ok());
    let version = Version {
        major: parts.next()??,
        minor: parts.next()??,
        patch: parts.next()??,
    };
    if parts.next().is_some() { None } else { Some(version) }
}

/// Does `version` satisfy the requirement `req` ("^1.2.3" or just "1.2.3")?
fn caret_matches(req: &str, version: &str) -> bool {
    let req = parse(req.strip_prefix('^').unwrap_or(req)).expect("bad requirement");
    let version = parse(version).expect("bad version");
    // TODO: compute the exclusive upper bound from the left-most non-zero
    // component of `req`, instead of always bumping the major version.
    let upper = Version { major: req.major + 1, minor: 0, patch: 0 };
    version >= req && version < upper
}

#[cfg(test)]
mod tests {
    use super::caret_matches;

    #[test]
    fn major_one_allows_minor_and_patch_updates() {
        assert!(caret_matches("^1.2.3", "1.2.3"));
        assert!(caret_matches("^1.2.3", "1.9.0"));
        assert!(!caret_matches("^1.2.3", "1.2.2"));
        assert!(!caret_matches("^1.2.3", "2.0.0"));
    }

    #[test]
    fn bare_version_means_caret() {
        assert!(caret_matches("1.4.0", "1.5.7"));
        assert!(!caret_matches("1.4.0", "3.0.0"));
    }

    #[test]
    fn zero_major_treats_minor_as_breaking() {
        assert!(caret_matches("^0.2.3", "0.2.3"));
        assert!(caret_matches("^0.2.3", "0.2.9"));
        assert!(!caret_matches("^0.2.3", "0.3.0"));
        assert!(!caret_matches("^0.2.3", "0.2.1"));
    }

    #[test]
    fn zero_zero_pins_the_patch() {
        assert!(caret_matches("^0.0.3", "0.0.3"));
        assert!(!caret_matches("^0.0.3", "0.0.4"));
        assert!(!caret_matches("^0.0.3", "0.1.0"));
    }
}
