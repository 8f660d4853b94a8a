// Exercise: fields
//
// A zero-copy splitter for log lines such as "2026-05-01|WARN|disk full":
// every field it hands out is a slice of the line, never a new String.
// `Fields<'a>` borrows the line for 'a, so the fields it returns may live
// as long as the LINE does, even after the splitter is gone.
//
// The tests are the spec; do not edit them.

struct Fields<'a> {
    // What is left of the line; None once the last field was returned.
    rest: Option<&'a str>,
    sep: char,
}

impl<'a> Fields<'a> {
    fn new(line: &'a str, sep: char) -> Self {
        Fields {
            rest: Some(line),
            sep,
        }
    }

    // The next field, or None when the line is used up. "a||b" has three
    // fields: "a", "" and "b"; an empty line has one empty field.
    fn next_field(&mut self) -> Option<&'a str> {
        // `Option<&str>` is Copy: `?` copies the slice out of `self.rest`.
        let rest = self.rest?;
        match rest.split_once(self.sep) {
            Some((field, tail)) => {
                self.rest = Some(tail);
                Some(field)
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }

    // Everything not returned yet, without advancing ("" when used up).
    fn remainder(&self) -> &'a str {
        self.rest.unwrap_or("")
    }
}

// The field number `n` (counting from 0) of `line`, or None if the line
// has fewer fields. One input lifetime: elision ties the result to `line`.
fn nth_field(line: &str, sep: char, n: usize) -> Option<&str> {
    let mut fields = Fields::new(line, sep);
    for _ in 0..n {
        fields.next_field()?;
    }
    fields.next_field()
}

// Whichever of two string slices is longer (by `len`; the first one on a
// tie). Two reference inputs: the signature must say the result may borrow
// from either, so both share 'a.
fn longer<'a>(a: &'a str, b: &'a str) -> &'a str {
    if b.len() > a.len() { b } else { a }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_log_line() {
        let mut fields = Fields::new("2026-05-01|WARN|disk full", '|');
        assert_eq!(fields.next_field(), Some("2026-05-01"));
        assert_eq!(fields.remainder(), "WARN|disk full");
        assert_eq!(fields.next_field(), Some("WARN"));
        assert_eq!(fields.next_field(), Some("disk full"));
        assert_eq!(fields.remainder(), "");
        assert_eq!(fields.next_field(), None);
    }

    #[test]
    fn empty_fields_count_too() {
        let mut fields = Fields::new("a||b", '|');
        assert_eq!(fields.next_field(), Some("a"));
        assert_eq!(fields.next_field(), Some(""));
        assert_eq!(fields.next_field(), Some("b"));
        assert_eq!(fields.next_field(), None);

        let mut empty = Fields::new("", ',');
        assert_eq!(empty.next_field(), Some(""));
        assert_eq!(empty.next_field(), None);
    }

    #[test]
    fn fields_outlive_the_splitter() {
        let line = String::from("id=7;user=ann");
        let first;
        {
            let mut fields = Fields::new(&line, ';');
            first = fields.next_field();
        }
        // The splitter is gone; the field is a slice of `line`, which is not.
        assert_eq!(first, Some("id=7"));
    }

    #[test]
    fn nth_field_of_a_csv_line() {
        assert_eq!(nth_field("ann,31,oslo", ',', 0), Some("ann"));
        assert_eq!(nth_field("ann,31,oslo", ',', 2), Some("oslo"));
        assert_eq!(nth_field("ann,31,oslo", ',', 3), None);
    }

    #[test]
    fn longer_may_borrow_from_either_argument() {
        assert_eq!(longer("ab", "abc"), "abc");
        assert_eq!(longer("abc", "xyz"), "abc");
        let city = String::from("Reykjavik");
        let winner = longer(&city, "Rome");
        assert_eq!(winner, "Reykjavik");
        let line = String::from("ann,31,oslo");
        let name = nth_field(&line, ',', 0).unwrap();
        let town = nth_field(&line, ',', 2).unwrap();
        assert_eq!(longer(name, town), "oslo");
    }
}
