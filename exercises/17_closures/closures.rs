// Step 17: closures, exercise 1 of 3
//
// Small closure factories and a helper that calls a closure several times.
// As shipped the file does not compile:
//   - two closures borrow local variables but are returned from the function
//     that owns them (E0373);
//   - `repeat` only accepts closures that never mutate their captures, but a
//     test passes it one that pushes to a Vec (E0596).
//
// Your job: fix the three TODOs. The tests are the spec; do not edit them.

// TODO 1: the returned closure borrows `n`, a parameter that dies when this
// function returns. The closure must own what it captures.
fn make_adder(n: i32) -> impl Fn(i32) -> i32 {
    |x| x + n
}

// TODO 2: same problem: each counter must own its own `count`.
fn make_counter() -> impl FnMut() -> u32 {
    let mut count = 0;
    || {
        count += 1;
        count
    }
}

// TODO 3: this bound is too strict for a closure that mutates its state.
// It should accept any closure that can be called many times.
fn repeat<F: Fn()>(times: usize, f: F) {
    for _ in 0..times {
        f();
    }
}

// Already correct: FnOnce lets the closure give away what it captured.
fn finish<F: FnOnce() -> String>(f: F) -> String {
    f()
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adders_remember_their_n() {
        let add5 = make_adder(5);
        let sub1 = make_adder(-1);
        assert_eq!(add5(10), 15);
        assert_eq!(sub1(10), 9);
        assert_eq!(add5(add5(0)), 10);
    }

    #[test]
    fn counters_are_independent() {
        let mut a = make_counter();
        let mut b = make_counter();
        assert_eq!(a(), 1);
        assert_eq!(a(), 2);
        assert_eq!(b(), 1);
        assert_eq!(a(), 3);
    }

    #[test]
    fn repeat_can_mutate_state() {
        let mut log = Vec::new();
        repeat(3, || log.push("tick"));
        assert_eq!(log, ["tick", "tick", "tick"]);
    }

    #[test]
    fn finish_consumes_its_capture() {
        let name = String::from("report");
        let done = finish(move || name + ".txt");
        assert_eq!(done, "report.txt");
    }
}
