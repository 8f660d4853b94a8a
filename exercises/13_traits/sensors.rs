// Exercise: sensors
//
// Two kinds of sensor share the `Sensor` trait: `id` and `read` are
// required, `report` has a default body that an implementor may replace.
// A unit conversion lives in its own module, as a trait implemented for
// f64. The program does not compile: fix the two TODOs so that it prints
// exactly:
//
//   thermo-1 reads 21.5
//   door-7 is OPEN
//   thermo-1 in Fahrenheit: 70.7
//   door-7 reads 1

mod units {
    /// Unit conversions for plain temperature readings.
    pub trait Fahrenheit {
        fn to_fahrenheit(self) -> f64;
    }

    impl Fahrenheit for f64 {
        fn to_fahrenheit(self) -> f64 {
            self * 9.0 / 5.0 + 32.0
        }
    }
}

trait Sensor {
    fn id(&self) -> String;
    fn read(&self) -> f64;

    fn report(&self) -> String {
        format!("{} reads {:.1}", self.id(), self.read())
    }
}

struct Thermometer {
    name: String,
    celsius: f64,
}

struct DoorSwitch {
    name: String,
    open: bool,
}

impl Sensor for Thermometer {
    fn id(&self) -> String {
        self.name.clone()
    }
    fn read(&self) -> f64 {
        self.celsius
    }
    // `report` comes from the default body.
}

// TODO: this impl does not provide everything the trait requires. A door
// reads 1 when it is open and 0 when it is closed.
impl Sensor for DoorSwitch {
    fn id(&self) -> String {
        self.name.clone()
    }
    fn report(&self) -> String {
        let state = if self.open { "OPEN" } else { "closed" };
        format!("{} is {state}", self.id())
    }
}

/// Works with any type that implements `Sensor`.
fn print_report(sensor: &impl Sensor) {
    println!("{}", sensor.report());
}

fn main() {
    let thermo = Thermometer {
        name: String::from("thermo-1"),
        celsius: 21.5,
    };
    let door = DoorSwitch {
        name: String::from("door-7"),
        open: true,
    };
    print_report(&thermo);
    print_report(&door);

    // TODO: the conversion method exists, but rustc cannot see it here.
    let fahrenheit = thermo.read().to_fahrenheit();
    println!("{} in Fahrenheit: {fahrenheit:.1}", thermo.id());
    println!("{} reads {}", door.id(), door.read());
}
