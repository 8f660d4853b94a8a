// Step 14: write a generic, fixed-capacity ring buffer
//
// `Recent<T, N>` remembers the last N values pushed into it, stored in a
// plain array (no Vec, no heap). When it is full, a push overwrites the
// oldest value and hands it back. The capacity is part of the type:
// `Recent<f64, 3>` and `Recent<f64, 5>` are different types.
//
// Write the bodies marked `todo!()`. The tests at the bottom are the spec.

pub struct Recent<T, const N: usize> {
    slots: [Option<T>; N],
    next: usize, // index the next push writes to
    len: usize,  // how many slots hold a value (at most N)
}

// TODO: every method below is still a placeholder that panics; make them
// behave as the tests describe.
impl<T, const N: usize> Recent<T, N> {
    /// An empty buffer. `T` need not be `Copy` or `Clone`.
    /// (Bonus: reject a capacity of 0 at compile time.)
    pub fn new() -> Self {
        todo!()
    }

    pub fn capacity(&self) -> usize {
        todo!()
    }

    pub fn len(&self) -> usize {
        todo!()
    }

    pub fn is_empty(&self) -> bool {
        todo!()
    }

    /// Stores `value`. When the buffer was full, returns the value it
    /// overwrote (the oldest one); otherwise returns `None`.
    pub fn push(&mut self, value: T) -> Option<T> {
        todo!()
    }

    /// The most recently pushed value.
    pub fn latest(&self) -> Option<&T> {
        todo!()
    }

    /// The stored values, from oldest to newest.
    #[allow(unreachable_code)]
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        todo!();
        // Placeholder: until the real body exists, `impl Iterator` still
        // needs some concrete type. Replace the whole body, and remove the
        // `allow` attribute above.
        std::iter::empty()
    }
}

impl<T: PartialOrd + Copy, const N: usize> Recent<T, N> {
    /// The largest stored value, or `None` when empty.
    pub fn max(&self) -> Option<T> {
        todo!()
    }
}

impl<T, const N: usize> Default for Recent<T, N> {
    fn default() -> Self {
        Self::new()
    }
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_empty() {
        let r: Recent<i32, 3> = Recent::new();
        assert_eq!(r.capacity(), 3);
        assert_eq!(r.len(), 0);
        assert!(r.is_empty());
        assert_eq!(r.latest(), None);
        assert_eq!(r.iter().count(), 0);
        assert_eq!(r.max(), None);
    }

    #[test]
    fn fills_up_then_overwrites_the_oldest() {
        let mut r = Recent::<i32, 3>::new();
        assert_eq!(r.push(1), None);
        assert_eq!(r.push(2), None);
        assert_eq!(r.iter().copied().collect::<Vec<_>>(), [1, 2]);
        assert_eq!(r.push(3), None);
        assert_eq!(r.len(), 3);
        assert_eq!(r.push(4), Some(1));
        assert_eq!(r.push(5), Some(2));
        assert_eq!(r.len(), 3);
        assert_eq!(r.latest(), Some(&5));
        assert_eq!(r.iter().copied().collect::<Vec<_>>(), [3, 4, 5]);
    }

    #[test]
    fn holds_values_that_are_not_copy() {
        let mut log: Recent<String, 2> = Recent::default();
        log.push("boot".to_string());
        log.push("login".to_string());
        assert_eq!(log.push("logout".to_string()).as_deref(), Some("boot"));
        let kept: Vec<&str> = log.iter().map(String::as_str).collect();
        assert_eq!(kept, ["login", "logout"]);
    }

    #[test]
    fn max_of_numbers() {
        let mut temps = Recent::<f64, 4>::new();
        for t in [12.5, 19.0, 7.5, 14.0, 11.0] {
            temps.push(t);
        }
        // 12.5 was overwritten; 19.0 is still inside.
        assert_eq!(temps.max(), Some(19.0));
        let mut one = Recent::<u8, 1>::new();
        one.push(9);
        one.push(4);
        assert_eq!(one.max(), Some(4));
        assert_eq!(one.latest(), Some(&4));
    }
}
