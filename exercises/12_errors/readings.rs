// Exercise: readings
//
// Parse a sensor log ("boiler,71.5,1700000000": sensor, degrees Celsius,
// Unix time) with errors that keep their causes. `LineError` is complete and
// shows the pattern; write the rest (and any `From` impls `?` needs). The
// tests are the spec. A message never repeats its cause: `source()` hands
// the cause out, and `report` joins the chain.

use std::{error::Error, fmt, num::ParseFloatError, num::ParseIntError};

#[derive(Debug)]
struct Reading {
    sensor: String,
    celsius: f64,
    timestamp: u64,
}

#[derive(Debug)]
enum ReadingError {
    FieldCount(usize),                // "expected 3 fields, found {n}"
    BadTemperature(ParseFloatError), // "temperature is not a number"
    BadTimestamp(ParseIntError),     // "timestamp is not a whole number"
}

#[derive(Debug)]
struct LineError {
    line: usize, // 1-based line number in the log
    cause: ReadingError,
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad reading on line {}", self.line)
    }
}

impl Error for LineError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.cause)
    }
}

// TODO: from here on, the impls and functions have no bodies yet.

impl fmt::Display for ReadingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!()
    }
}

impl Error for ReadingError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        todo!()
    }
}

/// One line: exactly three comma-separated fields, spaces around them ignored.
fn parse_reading(line: &str) -> Result<Reading, ReadingError> {
    todo!()
}

/// Every line of the log, or the first error with its line number.
fn parse_log(text: &str) -> Result<Vec<Reading>, LineError> {
    todo!()
}

/// The mean temperature of a log; an empty log is the error "no readings".
fn mean_celsius(text: &str) -> Result<f64, Box<dyn Error>> {
    todo!()
}

/// The error's message followed by each cause's, joined with ": ".
fn report(err: &dyn Error) -> String {
    todo!()
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_messages_and_sources() {
        let r = parse_reading(" boiler , 71.5 , 1700000000").unwrap();
        assert_eq!((r.sensor.as_str(), r.celsius, r.timestamp), ("boiler", 71.5, 1700000000));
        let e = parse_reading("boiler,71.5").unwrap_err();
        assert_eq!(e.to_string(), "expected 3 fields, found 2");
        assert!(e.source().is_none());
        let e = parse_reading("boiler,hot,1").unwrap_err();
        assert!(matches!(e, ReadingError::BadTemperature(_)));
        assert_eq!(report(&e), "temperature is not a number: invalid float literal");
        let e = parse_reading("boiler,20,-5").unwrap_err();
        assert_eq!(report(&e), "timestamp is not a whole number: invalid digit found in string");
    }

    #[test]
    fn chains_through_lines_and_boxes() {
        assert_eq!(mean_celsius("a,10,1\nb,20.5,2").unwrap(), 15.25);
        let e = parse_log("a,1,1\n\nb,2,2").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(report(&e), "bad reading on line 2: expected 3 fields, found 1");
        let boxed = mean_celsius("a,1,1\nb,x,2").unwrap_err();
        let expected = "bad reading on line 2: temperature is not a number: invalid float literal";
        assert_eq!(report(boxed.as_ref()), expected);
        assert!(boxed.downcast_ref::<LineError>().is_some());
        assert_eq!(mean_celsius("").unwrap_err().to_string(), "no readings");
    }
}
