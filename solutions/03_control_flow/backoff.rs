// Exercise: backoff
//
// A client retries a failed request and waits longer after each failure:
// exponential backoff with a cap. The tests at the bottom are the spec: do
// not change them. As shipped the file does not compile (E0571, and an
// E0308 with the same cause); once it compiles, one test still fails.

/// Delay before retry number `attempt` (1-based): 100 ms, then doubling
/// (200, 400, 800, ...), but never more than `cap_ms`.
fn delay_ms(attempt: u32, cap_ms: u64) -> u64 {
    let mut delay: u64 = 100;
    for _ in 1..attempt {
        delay = (delay * 2).min(cap_ms);
    }
    delay.min(cap_ms)
}

/// Total time spent waiting when a request is retried `retries` times:
/// the delays of retries 1, 2, ..., `retries` added up.
fn total_wait_ms(retries: u32, cap_ms: u64) -> u64 {
    let mut total = 0;
    // The range includes `retries` itself.
    for attempt in 1..=retries {
        total += delay_ms(attempt, cap_ms);
    }
    total
}

/// How many retries fit into a time budget: add the delays of retries 1,
/// 2, 3, ... while the running total stays within `budget_ms`, and return
/// how many were added. `cap_ms` must be positive.
fn retries_within(budget_ms: u64, cap_ms: u64) -> u32 {
    let mut attempt = 0;
    let mut spent = 0;
    // Only `loop` can hand a value out through `break`; as the body's tail
    // expression, its value is the function's result.
    loop {
        let next = delay_ms(attempt + 1, cap_ms);
        if spent + next > budget_ms {
            break attempt;
        }
        spent += next;
        attempt += 1;
    }
}

fn main() {
    for attempt in 1..=6 {
        print!("{} ", delay_ms(attempt, 1000));
    }
    println!();
    println!("3 retries wait {} ms", total_wait_ms(3, 1000));
    println!("2 s allow {} retries", retries_within(2000, 1000));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_up_to_the_cap() {
        assert_eq!(delay_ms(1, 10_000), 100);
        assert_eq!(delay_ms(2, 10_000), 200);
        assert_eq!(delay_ms(4, 10_000), 800);
        assert_eq!(delay_ms(4, 500), 500);
        assert_eq!(delay_ms(60, 30_000), 30_000);
    }

    #[test]
    fn total_counts_every_retry() {
        assert_eq!(total_wait_ms(0, 10_000), 0);
        assert_eq!(total_wait_ms(1, 10_000), 100);
        assert_eq!(total_wait_ms(3, 10_000), 700);
        assert_eq!(total_wait_ms(4, 250), 800);
    }

    #[test]
    fn budget_limits_the_retries() {
        assert_eq!(retries_within(50, 10_000), 0);
        assert_eq!(retries_within(700, 10_000), 3);
        assert_eq!(retries_within(699, 10_000), 2);
        assert_eq!(retries_within(1000, 250), 4);
    }
}
