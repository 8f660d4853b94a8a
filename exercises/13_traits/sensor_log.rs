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

// TODO: Display and Vec<Reading> are both foreign to this crate, so this
// impl is not allowed. The log needs a type of its own, which can then
// also carry the `highest` helper that `main` expects.
impl fmt::Display for Vec<Reading> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[")?;
        for (i, reading) in self.iter().enumerate() {
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
    let readings = vec![
        reading("thermo-1", 21.5),
        reading("door-7", 1.0),
        reading("thermo-2", 19.0),
    ];
    println!("{}", readings[0]);

    println!("{readings}");
    if let Some(top) = readings.highest() {
        println!("{} readings, highest: {top}", readings.len());
    }
}
