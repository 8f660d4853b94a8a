// Step 16: From, Into and TryFrom
//
// A thermostat app converts between temperature units and validates the
// humidity a user types in. Two conversions are broken:
//
// - Fahrenheit-to-Celsius was written as an `Into` impl. `.into()` works,
//   but `Celsius::from` only knows the conversion from `Celsius` itself,
//   so `Celsius::from(Fahrenheit(..))` is a type mismatch (E0308).
// - The `TryFrom<i32>` impl for `Humidity` is incomplete (E0046).
//
// Your job: fix both impls so the file compiles and the tests pass. Do not
// change `average_celsius` or the tests.

#[derive(Debug, Clone, Copy, PartialEq)]
struct Celsius(f64);

#[derive(Debug, Clone, Copy, PartialEq)]
struct Fahrenheit(f64);

// Implement `From`; std's blanket `impl<T, U: From<T>> Into<U> for T`
// then provides `.into()` as well.
impl From<Fahrenheit> for Celsius {
    fn from(f: Fahrenheit) -> Celsius {
        Celsius((f.0 - 32.0) * 5.0 / 9.0)
    }
}

/// Relative humidity in percent: always 0 to 100.
#[derive(Debug, PartialEq)]
struct Humidity(u8);

#[derive(Debug, PartialEq)]
enum HumidityError {
    Negative(i32),
    Above100(i32),
}

// `type Error` names what a failed conversion returns.
impl TryFrom<i32> for Humidity {
    type Error = HumidityError;

    fn try_from(raw: i32) -> Result<Self, Self::Error> {
        match raw {
            ..0 => Err(HumidityError::Negative(raw)),
            0..=100 => Ok(Humidity(raw as u8)),
            _ => Err(HumidityError::Above100(raw)),
        }
    }
}

/// The mean of readings in any unit that converts into Celsius.
fn average_celsius<T: Into<Celsius>>(readings: Vec<T>) -> Celsius {
    let count = readings.len() as f64;
    let total: f64 = readings.into_iter().map(|r| r.into().0).sum();
    Celsius(total / count)
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_and_into_both_work() {
        assert_eq!(Celsius::from(Fahrenheit(212.0)), Celsius(100.0));
        let freezing: Celsius = Fahrenheit(32.0).into();
        assert_eq!(freezing, Celsius(0.0));
    }

    #[test]
    fn average_accepts_any_convertible_unit() {
        let mixed = vec![Fahrenheit(32.0), Fahrenheit(212.0)];
        assert_eq!(average_celsius(mixed), Celsius(50.0));
        // Every type converts into itself (a blanket impl in std).
        assert_eq!(average_celsius(vec![Celsius(18.0), Celsius(22.0)]), Celsius(20.0));
    }

    #[test]
    fn humidity_is_validated() {
        assert_eq!(Humidity::try_from(45), Ok(Humidity(45)));
        assert_eq!(Humidity::try_from(-3), Err(HumidityError::Negative(-3)));
        let typed: Result<Humidity, HumidityError> = 130.try_into();
        assert_eq!(typed, Err(HumidityError::Above100(130)));
    }
}
