// Exercise: conversions
//
// A weather station sends its readings over a slow radio link. Write the
// five helpers below; the tests at the bottom are the spec. Rust never
// converts between numeric types on its own, so each function needs an
// explicit conversion, of one of three kinds:
//   - `From` is lossless; it exists only where every value of the source
//     type fits in the target type.
//   - `TryFrom` is checked: it returns a `Result`.
//   - `as` never fails: between integers it keeps the low bits, and from a
//     float to an integer it drops the fraction and saturates.
// Pick the one whose behaviour matches each doc comment.

/// Total bytes received: `packets` packets of `packet_size` bytes each.
/// Must be exact for every input, even `u32::MAX` packets of `u16::MAX` bytes.
fn total_bytes(packets: u32, packet_size: u16) -> u64 {
    // Widen before multiplying: the product can need more than 32 bits.
    u64::from(packets) * u64::from(packet_size)
}

/// The low byte of a 32-bit word, as it goes on the wire: 0x1234 -> 0x34.
fn low_byte(word: u32) -> u8 {
    // Truncation is exactly what is wanted here.
    word as u8
}

/// A radio channel number must fit in one byte: the number itself if it
/// does, `None` if it is negative or above 255.
fn channel(raw: i32) -> Option<u8> {
    u8::try_from(raw).ok()
}

/// The one-byte display shows whole degrees from 0 to 255: drop the
/// fraction, show 0 below the range and 255 above it, and 0 for a broken
/// sensor that reports NaN.
fn display_temp(celsius: f64) -> u8 {
    // Float-to-int `as` truncates toward zero, saturates, and maps NaN to 0.
    celsius as u8
}

/// Mean of `samples` readings that add up to `total`.
fn mean(total: u32, samples: u16) -> f64 {
    f64::from(total) / f64::from(samples)
}

fn main() {
    println!("{} bytes", total_bytes(1_000_000, 1500));
    println!("low byte {:#04x}", low_byte(0x1234));
    println!("channel {:?} / {:?}", channel(42), channel(300));
    println!("display {} / mean {}", display_temp(21.7), mean(7, 2));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn total_bytes_never_overflows() {
        assert_eq!(total_bytes(3, 512), 1536);
        assert_eq!(total_bytes(u32::MAX, u16::MAX), 281_470_681_677_825);
    }

    #[test]
    fn low_byte_keeps_the_last_eight_bits() {
        assert_eq!(low_byte(0x1234), 0x34);
        assert_eq!(low_byte(300), 44);
        assert_eq!(low_byte(u32::MAX), 255);
    }

    #[test]
    fn channel_rejects_what_does_not_fit() {
        assert_eq!(channel(0), Some(0));
        assert_eq!(channel(255), Some(255));
        assert_eq!(channel(256), None);
        assert_eq!(channel(-1), None);
    }

    #[test]
    fn display_truncates_and_clamps() {
        assert_eq!(display_temp(21.7), 21);
        assert_eq!(display_temp(-3.5), 0);
        assert_eq!(display_temp(300.0), 255);
        assert_eq!(display_temp(f64::NAN), 0);
    }

    #[test]
    fn mean_keeps_the_fraction() {
        assert_eq!(mean(7, 2), 3.5);
        assert_eq!(mean(u32::MAX, 1), 4_294_967_295.0);
    }
}
