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
    // TODO: both unwraps panic, for an unknown id and for an empty name,
    // although this function can report "no initial" itself.
    let name = find_user(id).unwrap();
    let first = name.chars().next().unwrap();
    Some(first.to_ascii_uppercase())
}

/// Parse an optional config value as a port number. Fall back to 8080 when
/// the value is missing OR is not a valid u16.
fn port_or_default(value: Option<&str>) -> u16 {
    // TODO: a missing value, or text that is not a valid port, crashes
    // here instead of falling back to 8080.
    value.unwrap().trim().parse::<u16>().unwrap()
}

/// Length of a user's name, or an error message for an unknown id.
fn name_len(id: u32) -> Result<usize, String> {
    // TODO: an unknown id panics here instead of becoming the error
    // value that the signature promises.
    let name = find_user(id).unwrap();
    Ok(name.len())
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
