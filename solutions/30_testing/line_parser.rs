// line_parser.rs
//
// A parser for one line of a shopping list, such as "3 x apples", with its
// unit tests in a `#[cfg(test)]` child module. The parser is correct; the
// test module does not compile. Make the tests compile and pass without
// changing what any test asserts.

#[derive(Debug, PartialEq)]
struct Line {
    qty: u32,
    item: String,
}

#[derive(Debug, PartialEq)]
enum LineError {
    MissingSeparator,
    BadQuantity(String),
    EmptyItem,
}

fn parse_line(text: &str) -> Result<Line, LineError> {
    let (qty, item) = text.split_once(" x ").ok_or(LineError::MissingSeparator)?;
    let qty: u32 = match qty.trim().parse() {
        Ok(n) if n > 0 => n,
        _ => return Err(LineError::BadQuantity(qty.trim().to_string())),
    };
    let item = item.trim();
    if item.is_empty() {
        return Err(LineError::EmptyItem);
    }
    Ok(Line { qty, item: item.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_line() {
        let expected = Line { qty: 3, item: "apples".to_string() };
        assert_eq!(parse_line("3 x apples"), Ok(expected));
    }

    #[test]
    fn trims_spaces_around_parts() {
        assert_eq!(parse_line("  12 x  oat milk ").map(|l| l.qty), Ok(12));
    }

    #[test]
    fn rejects_zero_and_words_as_quantity() {
        assert_eq!(parse_line("0 x pears"), Err(LineError::BadQuantity("0".to_string())));
        assert_eq!(parse_line("two x pears"), Err(LineError::BadQuantity("two".to_string())));
    }

    #[test]
    fn reports_missing_parts() {
        assert_eq!(parse_line("3 apples"), Err(LineError::MissingSeparator));
        assert_eq!(parse_line("3 x  "), Err(LineError::EmptyItem));
    }
}
