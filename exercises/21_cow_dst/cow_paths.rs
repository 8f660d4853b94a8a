// Exercise: cow_paths
//
// A file indexer normalises millions of paths, and almost all of them are
// already clean. `normalise` must:
//   - turn every Windows separator '\' into '/',
//   - drop ONE trailing '/', except that a lone "/" stays as it is,
// and return a `Cow<str>` that BORROWS the input whenever the result is a
// slice of it, allocating only when characters really have to change.
//
// The tests are the spec: they check the text AND whether the result
// borrowed or allocated. Do not edit them.

use std::borrow::Cow;

fn normalise(path: &str) -> Cow<'_, str> {
    // TODO: every path is copied up front, so even clean paths allocate.
    // Start from a borrow and switch to an owned String only when a
    // character has to change. Dropping the last character of a borrowed
    // path never needs a copy either.
    let mut out: Cow<'_, str> = Cow::Owned(path.to_string());
    if path.contains('\\') {
        out = Cow::Owned(path.replace('\\', "/"));
    }
    if out.len() > 1 && out.ends_with('/') {
        out.to_mut().pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_paths_are_borrowed_not_copied() {
        let input = String::from("src/main.rs");
        let out = normalise(&input);
        assert_eq!(out, "src/main.rs");
        assert!(
            matches!(out, Cow::Borrowed(_)),
            "a clean path must not allocate"
        );
        // Same address: the result is the caller's own text.
        assert_eq!(out.as_ptr(), input.as_ptr());
    }

    #[test]
    fn a_trailing_slash_is_trimmed_without_copying() {
        let out = normalise("docs/guide/");
        assert_eq!(out, "docs/guide");
        assert!(
            matches!(out, Cow::Borrowed(_)),
            "trimming the end is just a shorter slice"
        );
    }

    #[test]
    fn the_root_stays_the_root() {
        let out = normalise("/");
        assert_eq!(out, "/");
        assert!(matches!(out, Cow::Borrowed(_)));
    }

    #[test]
    fn backslashes_force_an_owned_string() {
        let out = normalise(r"src\net\tcp.rs");
        assert_eq!(out, "src/net/tcp.rs");
        assert!(matches!(out, Cow::Owned(_)));
    }

    #[test]
    fn backslashes_and_a_trailing_separator() {
        let out = normalise(r"C:\Users\ada\");
        assert_eq!(out, "C:/Users/ada");
        assert!(matches!(out, Cow::Owned(_)));
    }

    #[test]
    fn callers_can_still_get_a_string() {
        let paths = ["a/b/", r"a\c", "a/d"];
        let owned: Vec<String> = paths.iter().map(|p| normalise(p).into_owned()).collect();
        assert_eq!(owned, ["a/b", "a/c", "a/d"]);
    }
}
