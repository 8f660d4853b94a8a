// Exercise: sensor_log
//
// Readings are printed through `Display`. One reading works: `Reading` is
// defined in this crate, so implementing the std trait `Display` for it is
// allowed. The whole log does not compile: `Display` and `Vec` both come
// from std, and the orphan rule (E0117) forbids implementing a foreign
// trait for a foreign type. Fix it so that the program prints exactly:
//
//   thermo-1: 21.5
//   [thermo-1: 21.5 | door-7: 1.0 | thermo-2: 19.0]
//   3 readings, highest: thermo-1: 21.5

use std::fmt;

struct Reading {
    id: String,
    value: f64,
}

impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:.1}", self.id, self.value)
    }
}

// A newtype: `Log` is local, so a foreign trait may be implemented for it,
// and it can have inherent methods of its own. It costs nothing at run time.
struct Log(Vec<Reading>);

impl Log {
    /// The reading with the highest value, if the log is not empty.
    fn highest(&self) -> Option<&Reading> {
        self.0.iter().max_by(|a, b| a.value.total_cmp(&b.value))
    }
}

impl fmt::Display for Log {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[")?;
        for (i, reading) in self.0.iter().enumerate() {
            if i > 0 {
                write!(f, " | ")?;
            }
            write!(f, "{reading}")?;
        }
        write!(f, "]")
    }
}

fn reading(id: &str, value: f64) -> Reading {
    Reading {
        id: id.to_string(),
        value,
    }
}

fn main() {
    let log = Log(vec![
        reading("thermo-1", 21.5),
        reading("door-7", 1.0),
        reading("thermo-2", 19.0),
    ]);
    println!("{}", log.0[0]);

    println!("{log}");
    if let Some(top) = log.highest() {
        println!("{} readings, highest: {top}", log.0.len());
    }
}
