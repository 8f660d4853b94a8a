// Exercise: parking
//
// A multi-storey car park. Write the four functions below with `if`,
// `for`, `while` or `loop`, whichever fits each one best; the tests at the
// bottom are the spec. A spot is `true` when it is free.
//
// TODO: all four bodies are still missing.

/// Fee in cents for a stay of `minutes`:
/// up to 30 minutes is free, up to 2 hours costs 300, up to 6 hours costs
/// 900, and anything longer is a day ticket at 2000.
fn fee_cents(minutes: u32) -> u32 {
    todo!()
}

/// The labels on the lift's buttons, top floor first, separated by
/// spaces. Floor 0 is labelled "G": a car park with 4 floors shows
/// "3 2 1 G", one with a single floor shows "G".
fn lift_buttons(floors: u32) -> String {
    todo!()
}

/// The first free spot as (floor, spot): floor 0 first, and on each floor
/// from spot 0 upwards. `None` when every spot is taken.
fn first_free(floors: &[Vec<bool>]) -> Option<(usize, usize)> {
    todo!()
}

/// A driver circles one row of spots: starting at `start`, they check
/// `start`, `start + 1`, ... and wrap around to 0 after the last spot,
/// checking each spot at most once. Returns the first free spot seen, or
/// `None` if the row is full (or empty). `start` is a valid index whenever
/// the row is not empty.
fn circle_for_spot(row: &[bool], start: usize) -> Option<usize> {
    todo!()
}

fn main() {
    let floors = vec![vec![false, false], vec![false, true, true]];
    println!("fee for 95 minutes: {}", fee_cents(95));
    println!("lift: {}", lift_buttons(floors.len() as u32));
    println!("first free: {:?}", first_free(&floors));
    println!("circling from 2: {:?}", circle_for_spot(&floors[1], 2));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fees_follow_the_tariff() {
        assert_eq!(fee_cents(0), 0);
        assert_eq!(fee_cents(30), 0);
        assert_eq!(fee_cents(31), 300);
        assert_eq!(fee_cents(120), 300);
        assert_eq!(fee_cents(121), 900);
        assert_eq!(fee_cents(360), 900);
        assert_eq!(fee_cents(361), 2000);
        assert_eq!(fee_cents(5000), 2000);
    }

    #[test]
    fn lift_counts_down_to_ground() {
        assert_eq!(lift_buttons(4), "3 2 1 G");
        assert_eq!(lift_buttons(2), "1 G");
        assert_eq!(lift_buttons(1), "G");
    }

    #[test]
    fn first_free_scans_floor_by_floor() {
        let floors = vec![vec![false, false, false], vec![false, true], vec![true]];
        assert_eq!(first_free(&floors), Some((1, 1)));
        let mixed = vec![vec![false, true, true]];
        assert_eq!(first_free(&mixed), Some((0, 1)));
        let full = vec![vec![false, false], vec![false]];
        assert_eq!(first_free(&full), None);
        assert_eq!(first_free(&[]), None);
    }

    #[test]
    fn circling_wraps_around_once() {
        let row = [true, false, false, true, false];
        assert_eq!(circle_for_spot(&row, 0), Some(0));
        assert_eq!(circle_for_spot(&row, 1), Some(3));
        assert_eq!(circle_for_spot(&row, 4), Some(0));
        assert_eq!(circle_for_spot(&[false, false, false], 1), None);
        assert_eq!(circle_for_spot(&[], 0), None);
    }
}
