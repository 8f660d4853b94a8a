// Exercise: request
//
// A tiny HTTP request-line reader that never copies text: every piece it
// returns is a slice borrowed from its input. Write the four function
// bodies; the tests are the spec, do not edit them.

// Splits "GET /index.html HTTP/1.1" into (method, target, version): exactly
// three parts separated by single spaces, none of them empty. Anything else
// gives None.
fn parse_request_line(line: &str) -> Option<(&str, &str, &str)> {
    let mut parts = line.split(' ');
    let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || method.is_empty() || target.is_empty() || version.is_empty() {
        return None;
    }
    Some((method, target, version))
}

// The non-empty segments of a target's path: "/docs//api/" gives
// ["docs", "api"]. A query string ('?' and everything after it) is not part
// of the path.
fn path_segments(target: &str) -> Vec<&str> {
    let path = target.split_once('?').map_or(target, |(path, _)| path);
    path.split('/').filter(|s| !s.is_empty()).collect()
}

// At most `max` CHARACTERS of `text` (not bytes), for log previews. Must
// never panic, whatever the text.
fn preview(text: &str, max: usize) -> &str {
    // `char_indices` yields BYTE offsets, which are always char boundaries.
    match text.char_indices().nth(max) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

// A packet body without the zero padding at both ends:
// [0, 0, 7, 0, 3, 0] gives [7, 0, 3]. Zeros in the middle stay.
fn trim_zeros(mut bytes: &[u8]) -> &[u8] {
    // Slice patterns: re-slice the view, the data never moves.
    while let [0, rest @ ..] = bytes {
        bytes = rest;
    }
    while let [rest @ .., 0] = bytes {
        bytes = rest;
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_line_has_exactly_three_parts() {
        assert_eq!(
            parse_request_line("GET /index.html HTTP/1.1"),
            Some(("GET", "/index.html", "HTTP/1.1"))
        );
        assert_eq!(
            parse_request_line("POST /api/users?id=7 HTTP/2"),
            Some(("POST", "/api/users?id=7", "HTTP/2"))
        );
        assert_eq!(parse_request_line("GET /index.html"), None);
        assert_eq!(parse_request_line("GET  /index.html HTTP/1.1"), None);
        assert_eq!(parse_request_line("GET / HTTP/1.1 extra"), None);
        assert_eq!(parse_request_line(""), None);
    }

    #[test]
    fn the_parts_point_into_the_input() {
        let owned = String::from("DELETE /cart/3 HTTP/1.1");
        let (method, target, _) = parse_request_line(&owned).unwrap();
        // No text was copied: the slices start inside `owned`.
        assert_eq!(method.as_ptr(), owned.as_ptr());
        assert_eq!(target.as_ptr(), owned[7..].as_ptr());
    }

    #[test]
    fn segments_skip_empty_parts_and_the_query() {
        assert_eq!(path_segments("/docs//api/"), ["docs", "api"]);
        assert_eq!(path_segments("/api/users?id=7&sort=name"), ["api", "users"]);
        assert_eq!(path_segments("/a/b/c"), ["a", "b", "c"]);
        assert!(path_segments("/").is_empty());
        assert!(path_segments("/?page=2").is_empty());
    }

    #[test]
    fn preview_counts_characters_not_bytes() {
        assert_eq!(preview("hello world", 5), "hello");
        assert_eq!(preview("héllo wörld", 7), "héllo w");
        assert_eq!(preview("日本語のテキスト", 3), "日本語");
        assert_eq!(preview("short", 10), "short");
        assert_eq!(preview("abc", 0), "");
    }

    #[test]
    fn trim_zeros_keeps_inner_zeros() {
        assert_eq!(trim_zeros(&[0, 0, 7, 0, 3, 0]), [7, 0, 3]);
        assert_eq!(trim_zeros(&[5]), [5]);
        assert_eq!(trim_zeros(&[0, 0, 0]), []);
        assert_eq!(trim_zeros(&[]), []);
        let packet = vec![0, 1, 2, 0];
        assert_eq!(trim_zeros(&packet), &packet[1..3]);
    }
}
