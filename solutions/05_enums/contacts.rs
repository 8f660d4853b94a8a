// Exercise: contacts
//
// An address book where some fields are optional. Every function here
// matches on a value it only borrows (`&Contact`), so match ergonomics
// decide how each binding borrows: a non-reference pattern such as
// `Some(addr)` matched against a `&Option<String>` binds `addr: &String`.
//
// The code was written in an older style and does not compile in edition
// 2024. rustc reports two pattern errors that have no error code (binding
// modifiers that 2024 forbids inside an implicitly-borrowing pattern), and
// an E0507: a match that moves a String out of a borrowed contact (the
// E0515 after it has the same cause). Fix the three places marked TODO;
// the tests are the spec.

struct Contact {
    name: String,
    email: Option<String>,
    age: Option<u32>,
}

/// "Ada <ada@example.com>", or just "Ada" when there is no e-mail.
fn display_line(c: &Contact) -> String {
    // Matching `&Option<String>` with `Some(addr)` already borrows:
    // `addr` is a `&String`, no `ref` needed (or allowed, in 2024).
    if let Some(addr) = &c.email {
        format!("{} <{addr}>", c.name)
    } else {
        c.name.clone()
    }
}

/// The age the contact turns on their next birthday, if known.
fn age_next_year(c: &Contact) -> Option<u32> {
    // `c.age` is a `u32` inside an `Option`, both Copy: match it by value,
    // so `years` is a `u32` of its own and `mut` is allowed.
    match c.age {
        Some(mut years) => {
            years += 1;
            Some(years)
        }
        None => None,
    }
}

/// The domain of the contact's e-mail ("example.com"), borrowed from the
/// contact itself.
fn email_domain(c: &Contact) -> Option<&str> {
    // Matching through a reference binds `addr: &String`, borrowed from `c`.
    match &c.email {
        Some(addr) => addr.split_once('@').map(|(_, domain)| domain),
        None => None,
    }
}

fn main() {
    let ada = Contact {
        name: String::from("Ada"),
        email: Some(String::from("ada@example.com")),
        age: Some(36),
    };
    println!("{}", display_line(&ada));
    println!("{:?} {:?}", age_next_year(&ada), email_domain(&ada));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(name: &str, email: Option<&str>, age: Option<u32>) -> Contact {
        Contact {
            name: name.to_string(),
            email: email.map(String::from),
            age,
        }
    }

    #[test]
    fn display_lines() {
        let ada = contact("Ada", Some("ada@example.com"), None);
        assert_eq!(display_line(&ada), "Ada <ada@example.com>");
        assert_eq!(display_line(&contact("Alan", None, None)), "Alan");
    }

    #[test]
    fn next_birthday() {
        assert_eq!(age_next_year(&contact("Grace", None, Some(85))), Some(86));
        assert_eq!(age_next_year(&contact("Ken", None, None)), None);
    }

    #[test]
    fn domains_are_borrowed_from_the_contact() {
        let ada = contact("Ada", Some("ada@example.com"), None);
        let domain = email_domain(&ada);
        assert_eq!(domain, Some("example.com"));
        assert_eq!(
            email_domain(&contact("Bob", Some("no-at-sign"), None)),
            None
        );
        assert_eq!(email_domain(&contact("Eve", None, None)), None);
        // `ada` is still whole: nothing was moved out of it.
        assert_eq!(ada.email.as_deref(), Some("ada@example.com"));
    }
}
