// Step 17: closures, exercise 3 of 3
//
// A job scheduler needs four small closure helpers. Every body below is a
// `todo!()`: write them yourself. The tests at the bottom are the spec; do
// not edit them.
//
// - `compose(f, g)` returns a closure that runs `f`, then `g` on its result.
// - `limiter(max)` returns a closure that answers `true` for its first `max`
//   calls and `false` after that. Every limiter counts on its own.
// - `retry(attempts, op)` calls `op(1)`, `op(2)`, ... until one call returns
//   `Ok`, or `attempts` calls have failed; it returns the last result.
//   `attempts` is at least 1.
// - `Hooks` stores callbacks; `fire` runs all of them, in the order they
//   were added, with the event name.

// TODO: return a closure that feeds the output of `f` into `g`.
fn compose<A, B, C>(f: impl Fn(A) -> B, g: impl Fn(B) -> C) -> impl Fn(A) -> C {
    |_| todo!()
}

// TODO: the returned closure needs state of its own that survives between
// calls.
fn limiter(max: u32) -> impl FnMut() -> bool {
    || todo!()
}

// TODO: call `op` until it succeeds or the attempts run out.
fn retry<T, E>(attempts: u32, op: impl FnMut(u32) -> Result<T, E>) -> Result<T, E> {
    todo!()
}

// A boxed callback that may borrow data living for `'a`.
type Callback<'a> = Box<dyn FnMut(&str) + 'a>;

struct Hooks<'a> {
    callbacks: Vec<Callback<'a>>,
}

impl<'a> Hooks<'a> {
    fn new() -> Self {
        Hooks { callbacks: Vec::new() }
    }

    // TODO: keep the callback for later.
    fn add(&mut self, callback: impl FnMut(&str) + 'a) {
        todo!()
    }

    // TODO: run every stored callback, oldest first.
    fn fire(&mut self, event: &str) {
        todo!()
    }
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_runs_f_then_g() {
        let trim_len = compose(|s: &str| s.trim(), |s: &str| s.len());
        assert_eq!(trim_len("  job-7 "), 5);
        let label = compose(|n: u32| n * 10, |n: u32| format!("#{n}"));
        assert_eq!(label(4), "#40");
        assert_eq!(label(0), "#0");
    }

    #[test]
    fn limiters_count_separately() {
        let mut a = limiter(2);
        let mut b = limiter(1);
        assert!(a());
        assert!(b());
        assert!(a());
        assert!(!a());
        assert!(!b());
        assert!(!a());
        let mut never = limiter(0);
        assert!(!never());
    }

    #[test]
    fn retry_stops_at_first_success() {
        let mut seen = Vec::new();
        let result = retry(5, |n| {
            seen.push(n);
            if n == 3 { Ok("connected") } else { Err(format!("timeout {n}")) }
        });
        assert_eq!(result, Ok("connected"));
        assert_eq!(seen, [1, 2, 3]);
    }

    #[test]
    fn retry_returns_the_last_error() {
        let mut calls = 0;
        let result: Result<(), String> = retry(3, |n| {
            calls += 1;
            Err(format!("timeout {n}"))
        });
        assert_eq!(result, Err(String::from("timeout 3")));
        assert_eq!(calls, 3);
    }

    #[test]
    fn hooks_run_in_order() {
        let mut seen = Vec::new();
        let mut count = 0;
        let mut hooks = Hooks::new();
        hooks.add(|event| seen.push(format!("log {event}")));
        hooks.add(|_| count += 1);
        hooks.fire("start");
        hooks.fire("stop");
        drop(hooks);
        assert_eq!(seen, ["log start", "log stop"]);
        assert_eq!(count, 2);
    }
}
