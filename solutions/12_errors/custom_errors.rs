// Exercise: custom_errors
// Parse settings lines such as "retries = 3". ConfigError implements Display
// and Error, but `parse_setting` does not compile: `?` cannot turn a
// ParseIntError into a ConfigError (E0277), as no `From` impl exists.
// Complete the TODO so that all tests pass; do not edit the tests.

use std::{error::Error, fmt, num::ParseIntError};

#[derive(Debug)]
enum ConfigError {
    MissingEquals(String),    // the line has no '='
    BadNumber(ParseIntError), // the value is not a number; keeps the cause
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::MissingEquals(line) => write!(f, "no '=' in line {line:?}"),
            ConfigError::BadNumber(_) => write!(f, "value is not a number"),
        }
    }
}

impl Error for ConfigError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            ConfigError::MissingEquals(_) => None,
            ConfigError::BadNumber(e) => Some(e),
        }
    }
}

// `?` calls `From::from` on the error, so this impl lets it convert
// a ParseIntError into a ConfigError automatically.
impl From<ParseIntError> for ConfigError {
    fn from(e: ParseIntError) -> Self {
        ConfigError::BadNumber(e)
    }
}

fn parse_setting(line: &str) -> Result<(String, u32), ConfigError> {
    let (name, value) = line
        .split_once('=')
        .ok_or_else(|| ConfigError::MissingEquals(line.to_string()))?;
    let value = value.trim().parse::<u32>()?;
    Ok((name.trim().to_string(), value))
}

/// `?` boxes any std::error::Error into a Box<dyn Error>.
fn total(lines: &[&str]) -> Result<u32, Box<dyn Error>> {
    let mut sum = 0;
    for line in lines {
        sum += parse_setting(line)?.1;
    }
    Ok(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_line_and_missing_equals() {
        assert_eq!(parse_setting("a = 3").unwrap(), ("a".to_string(), 3));
        let err = parse_setting("verbose").unwrap_err();
        assert_eq!(err.to_string(), "no '=' in line \"verbose\"");
        assert!(err.source().is_none());
    }

    #[test]
    fn bad_number_keeps_its_cause() {
        let err = parse_setting("timeout = soon").unwrap_err();
        assert!(matches!(err, ConfigError::BadNumber(_)));
        assert_eq!(err.to_string(), "value is not a number");
        let cause = err.source().expect("BadNumber should have a source");
        assert_eq!(cause.to_string(), "invalid digit found in string");
    }

    #[test]
    fn boxed_errors_propagate() {
        assert_eq!(total(&["a = 1", "b = 2"]).unwrap(), 3);
        let err = total(&["a = 1", "b"]).unwrap_err();
        assert_eq!(err.to_string(), "no '=' in line \"b\"");
    }
}
