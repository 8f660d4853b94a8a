// Exercise: traits
// A trait with a default method, two implementors, and Display for a log.
// It does not compile: it implements the foreign trait Display for the
// foreign type Vec<Reading>, which the orphan rule forbids (E0117).
// Fix it with a NEWTYPE (see the TODOs) so that it prints exactly:
//
//   thermo-1 reads 21.5
//   door-7 is OPEN
//   [thermo-1: 21.5 | door-7: 1.0]

use std::fmt;

trait Sensor {
    fn id(&self) -> String;
    fn read(&self) -> f64;

    // Default method: implementors get it for free, and may override it.
    fn report(&self) -> String {
        format!("{} reads {:.1}", self.id(), self.read())
    }
}

struct Thermometer(f64); // degrees Celsius
struct DoorSwitch(bool); // true = open

impl Sensor for Thermometer {
    fn id(&self) -> String {
        "thermo-1".to_string()
    }
    fn read(&self) -> f64 {
        self.0
    }
    // `report` comes from the default
}

impl Sensor for DoorSwitch {
    fn id(&self) -> String {
        "door-7".to_string()
    }
    fn read(&self) -> f64 {
        if self.0 { 1.0 } else { 0.0 }
    }
    fn report(&self) -> String {
        let state = if self.0 { "OPEN" } else { "closed" };
        format!("{} is {state}", self.id())
    }
}

struct Reading {
    id: String,
    value: f64,
}

// Display and Vec both come from std, so we implement Display for a
// local wrapper type (a newtype) instead.
struct Log(Vec<Reading>);

impl fmt::Display for Log {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|r| format!("{}: {:.1}", r.id, r.value))
            .collect();
        write!(f, "[{}]", parts.join(" | "))
    }
}

fn main() {
    let sensors: Vec<Box<dyn Sensor>> =
        vec![Box::new(Thermometer(21.5)), Box::new(DoorSwitch(true))];
    let mut readings = Vec::new();
    for s in &sensors {
        println!("{}", s.report());
        readings.push(Reading {
            id: s.id(),
            value: s.read(),
        });
    }
    println!("{}", Log(readings));
}
