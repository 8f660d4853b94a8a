// Step 28: fragment specifiers and repetitions
//
// A physics toy defines its unit newtypes with one macro, `unit!`, and adds
// up quantities with another, `sum!`. Two mistakes keep it from compiling:
//
// - `unit!` captures the type name with a fragment specifier that does not
//   produce an identifier, so the name cannot follow `struct` ("expected
//   identifier, found metavariable").
// - `sum!` uses a repeated matcher variable outside of any repetition in
//   its expansion ("variable is still repeating at this depth").
//
// Your job: fix both macros so the program prints the expected output. Do
// not change `main`.

// TODO: the captured name cannot be used where Rust expects an identifier.
macro_rules! unit {
    ($name:expr, $suffix:literal) => {
        #[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
        struct $name(f64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{:.2} {}", self.0, $suffix)
            }
        }

        impl std::ops::Add for $name {
            type Output = $name;
            fn add(self, rhs: $name) -> $name {
                $name(self.0 + rhs.0)
            }
        }
    };
}

unit!(Meters, "m");
unit!(Seconds, "s");
unit!(Kilograms, "kg");

/// `sum!(a, b, c)` adds one or more quantities of the same unit; a trailing
/// comma is allowed. Mixing units is caught later, by the type checker.
// TODO: the expansion uses `$rest` as if it were a single expression.
macro_rules! sum {
    ($first:expr $(, $rest:expr)* $(,)?) => {
        $first + $rest
    };
}

fn main() {
    let legs = [Meters(1.25), Meters(2.5), Meters(0.75)];
    let trip = sum!(legs[0], legs[1], legs[2]);
    let time = sum!(Seconds(12.0), Seconds(3.5),);
    let load = sum!(Kilograms(20.0));

    println!("trip: {trip}");
    println!("time: {time}");
    println!("load: {load}");
    println!("speed: {:.3} m/s", trip.0 / time.0);
    println!("longest leg beats 2 m: {}", legs[1] > Meters(2.0));
    // sum!(Meters(1.0), Seconds(2.0)) would expand fine, then fail type
    // checking (E0308): macros run before types are known.
}
