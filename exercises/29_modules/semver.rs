// semver.rs
//
// Write the `semver` module: the rules Cargo uses to decide which versions
// a requirement in Cargo.toml accepts. The tests at the bottom are the
// specification. They live outside `semver`, which is why the items they
// use are `pub`; helpers you add for yourself can stay private.
//
// Rules (plain MAJOR.MINOR.PATCH numbers only, no pre-release tags):
//   "1.2.3" or "^1.2.3"  ->  >= 1.2.3 and < 2.0.0
//   "^0.2.3"             ->  >= 0.2.3 and < 0.3.0  (for 0.x the minor is breaking)
//   "^0.0.3"             ->  >= 0.0.3 and < 0.0.4  (for 0.0.x the patch is)
//   "~1.2.3"             ->  >= 1.2.3 and < 1.3.0
//   "=1.2.3"             ->  exactly 1.2.3

// TODO: every body in `semver` is a `todo!()`. Write them so that the
// tests pass; add private helpers if they make the code clearer.
mod semver {
    /// The derived `Ord` compares major, then minor, then patch.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    pub struct Version {
        pub major: u64,
        pub minor: u64,
        pub patch: u64,
    }

    impl Version {
        /// Parses "MAJOR.MINOR.PATCH"; anything else gives `None`.
        pub fn parse(text: &str) -> Option<Version> {
            todo!("split on '.', expect exactly three numbers")
        }
    }

    /// A requirement accepts every version `v` with `min <= v < max`.
    #[derive(Debug)]
    pub struct Req {
        min: Version,
        max: Version,
    }

    impl Req {
        /// Parses "1.2.3", "^1.2.3", "~1.2.3" or "=1.2.3".
        pub fn parse(text: &str) -> Option<Req> {
            todo!("find the operator, parse the version, compute the upper bound")
        }

        pub fn matches(&self, version: Version) -> bool {
            todo!()
        }
    }

    /// The newest version in `published` that `req` accepts (what
    /// `cargo update` would pick). Entries that do not parse are skipped.
    pub fn newest(req: &Req, published: &[&str]) -> Option<Version> {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use crate::semver::{self, Req, Version};

    fn v(text: &str) -> Version {
        Version::parse(text).expect("test versions are valid")
    }

    fn accepts(req: &str, version: &str) -> bool {
        Req::parse(req).expect("test requirements are valid").matches(v(version))
    }

    #[test]
    fn parses_versions() {
        assert_eq!(Version::parse("1.10.0"), Some(Version { major: 1, minor: 10, patch: 0 }));
        assert_eq!(Version::parse("1.2"), None);
        assert_eq!(Version::parse("1.2.3.4"), None);
        assert_eq!(Version::parse("1.x.3"), None);
        assert!(v("1.10.0") > v("1.9.3"), "compare numbers, not text");
    }

    #[test]
    fn caret_on_one_point_x() {
        assert!(accepts("^1.2.3", "1.2.3"));
        assert!(accepts("1.2.3", "1.9.0"));
        assert!(!accepts("^1.2.3", "1.2.2"));
        assert!(!accepts("1.2.3", "2.0.0"));
    }

    #[test]
    fn caret_below_one() {
        assert!(accepts("^0.2.3", "0.2.9"));
        assert!(!accepts("^0.2.3", "0.3.0"));
        assert!(accepts("^0.0.3", "0.0.3"));
        assert!(!accepts("^0.0.3", "0.0.4"));
    }

    #[test]
    fn tilde_and_exact() {
        assert!(accepts("~1.2.3", "1.2.7"));
        assert!(!accepts("~1.2.3", "1.3.0"));
        assert!(accepts("=1.2.3", "1.2.3"));
        assert!(!accepts("=1.2.3", "1.2.4"));
    }

    #[test]
    fn rejects_malformed_requirements() {
        assert!(Req::parse("").is_none());
        assert!(Req::parse("^").is_none());
        assert!(Req::parse(">=1.0.0").is_none());
    }

    #[test]
    fn picks_the_newest_compatible_version() {
        let published = ["0.2.2", "0.2.9", "0.3.0", "0.2.10", "not-a-version"];
        let req = Req::parse("^0.2.3").unwrap();
        assert_eq!(semver::newest(&req, &published), Some(v("0.2.10")));
        let pinned = Req::parse("=0.1.0").unwrap();
        assert_eq!(semver::newest(&pinned, &published), None);
    }
}
