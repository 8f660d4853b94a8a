// Exercise: token_bucket
//
// A rate limiter as a struct: a token bucket. Every request costs tokens;
// each tick of the clock puts a fixed number back, up to the capacity.
// The tests at the bottom are the spec. Choose the fields yourself, then
// write the constructor and the methods; their receivers already say what
// each one may do to the bucket. Invariant: the tokens available never
// exceed the capacity.

struct TokenBucket {
    // TODO: the bucket has no fields yet, and every method below is still
    // missing its body.
}

impl TokenBucket {
    /// A full bucket, or `None` when `capacity` is 0 (such a bucket could
    /// never serve a request).
    fn new(capacity: u32, refill_per_tick: u32) -> Option<Self> {
        todo!()
    }

    /// Tokens available right now.
    fn available(&self) -> u32 {
        todo!()
    }

    /// Takes `cost` tokens and returns true if there are enough; otherwise
    /// takes nothing and returns false.
    fn try_take(&mut self, cost: u32) -> bool {
        todo!()
    }

    /// One tick passes: `refill_per_tick` tokens come back, but the bucket
    /// never holds more than its capacity (and never overflows).
    fn tick(&mut self) {
        todo!()
    }

    /// Uses the bucket up and reports (capacity, tokens left), for a final
    /// log line.
    fn into_report(self) -> (u32, u32) {
        todo!()
    }
}

fn main() {
    let mut bucket = TokenBucket::new(5, 2).expect("capacity is positive");
    for request in 1..=4 {
        let ok = bucket.try_take(2);
        println!(
            "request {request}: {}",
            if ok { "served" } else { "throttled" }
        );
    }
    bucket.tick();
    println!("after a tick: {} tokens", bucket.available());
    let (capacity, left) = bucket.into_report();
    println!("capacity {capacity}, left {left}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_capacity_is_rejected() {
        assert!(TokenBucket::new(0, 1).is_none());
    }

    #[test]
    fn starts_full() {
        let bucket = TokenBucket::new(5, 1).unwrap();
        assert_eq!(bucket.available(), 5);
    }

    #[test]
    fn takes_only_what_is_there() {
        let mut bucket = TokenBucket::new(5, 1).unwrap();
        assert!(bucket.try_take(3));
        assert_eq!(bucket.available(), 2);
        assert!(!bucket.try_take(3));
        assert_eq!(bucket.available(), 2);
        assert!(bucket.try_take(2));
        assert_eq!(bucket.available(), 0);
        assert!(bucket.try_take(0));
    }

    #[test]
    fn ticks_refill_up_to_capacity() {
        let mut bucket = TokenBucket::new(5, 2).unwrap();
        assert!(bucket.try_take(5));
        bucket.tick();
        assert_eq!(bucket.available(), 2);
        bucket.tick();
        assert_eq!(bucket.available(), 4);
        bucket.tick();
        assert_eq!(bucket.available(), 5);
        bucket.tick();
        assert_eq!(bucket.available(), 5);
    }

    #[test]
    fn huge_values_do_not_overflow() {
        let mut bucket = TokenBucket::new(u32::MAX, u32::MAX).unwrap();
        assert!(bucket.try_take(1));
        bucket.tick();
        assert_eq!(bucket.available(), u32::MAX);
    }

    #[test]
    fn report_consumes_the_bucket() {
        let mut bucket = TokenBucket::new(8, 3).unwrap();
        assert!(bucket.try_take(6));
        bucket.tick();
        assert_eq!(bucket.into_report(), (8, 5));
    }
}
