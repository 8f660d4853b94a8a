// Exercise: options
//
// Rust has no null: a value that may be absent is an Option<T>.
// The functions below call `.unwrap()`, which PANICS on None, so the tests
// that feed them missing data crash. Replace each unwrap (see the TODOs)
// so that every test passes. Do not edit the tests.

/// A tiny "database": user id -> name.
fn find_user(id: u32) -> Option<&'static str> {
    match id {
        1 => Some("ferris"),
        2 => Some("corro"),
        3 => Some(""),
        _ => None,
    }
}

/// The first letter of a user's name, upper-cased.
/// None if the user does not exist OR the name is empty.
fn user_initial(id: u32) -> Option<char> {
    // `?` on an Option returns None early from this function.
    let name = find_user(id)?;
    let first = name.chars().next()?;
    Some(first.to_ascii_uppercase())
}

/// Parse an optional config value as a port number. Fall back to 8080 when
/// the value is missing OR is not a valid u16.
fn port_or_default(value: Option<&str>) -> u16 {
    value
        .and_then(|text| text.trim().parse::<u16>().ok())
        .unwrap_or(8080)
}

/// Length of a user's name, or an error message for an unknown id.
fn name_len(id: u32) -> Result<usize, String> {
    find_user(id)
        .map(|name| name.len())
        .ok_or_else(|| format!("no user with id {id}"))
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initial_of_existing_user() {
        assert_eq!(user_initial(1), Some('F'));
        assert_eq!(user_initial(2), Some('C'));
    }

    #[test]
    fn initial_of_missing_user_or_empty_name() {
        assert_eq!(user_initial(99), None);
        assert_eq!(user_initial(3), None);
    }

    #[test]
    fn ports() {
        assert_eq!(port_or_default(Some("443")), 443);
        assert_eq!(port_or_default(Some(" 3000 ")), 3000);
        assert_eq!(port_or_default(Some("http")), 8080);
        assert_eq!(port_or_default(Some("70000")), 8080);
        assert_eq!(port_or_default(None), 8080);
    }

    #[test]
    fn name_lengths() {
        assert_eq!(name_len(1), Ok(6));
        assert_eq!(name_len(7), Err(String::from("no user with id 7")));
    }
}
