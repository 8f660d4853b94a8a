// Step 20: drop, exercise 3 of 3
//
// A `Transaction` stages operations for a small store and writes what
// happens to an audit log. The rule the tests check:
//
// - `begin` logs "begin".
// - `commit` logs "apply OP" for every staged operation, in order, then
//   "commit N" (N = number of operations), and returns N.
// - `abandon` hands the staged operations back to the caller and logs
//   nothing more.
// - A transaction that goes out of scope any other way (an early return,
//   a `?`, a panic) logs "rollback N" exactly once.
//
// The tests are the spec.

struct Transaction<'a> {
    log: &'a mut Vec<String>,
    staged: Vec<String>,
    finished: bool,
}

impl<'a> Transaction<'a> {
    fn begin(log: &'a mut Vec<String>) -> Self {
        log.push(String::from("begin"));
        Transaction { log, staged: Vec::new(), finished: false }
    }

    fn stage(&mut self, op: &str) {
        self.staged.push(op.to_string());
    }

    // `self` is dropped at the end of `commit`; `finished` tells `drop` that
    // there is nothing to roll back.
    fn commit(mut self) -> usize {
        for op in &self.staged {
            self.log.push(format!("apply {op}"));
        }
        let n = self.staged.len();
        self.log.push(format!("commit {n}"));
        self.finished = true;
        n
    }

    // Moving `self.staged` out is E0509 (the type implements Drop), so take
    // it and leave an empty Vec behind for `drop` to see.
    fn abandon(mut self) -> Vec<String> {
        self.finished = true;
        std::mem::take(&mut self.staged)
    }
}

// Runs on every path out of scope: normal end, early return, `?`, and
// unwinding after a panic.
impl Drop for Transaction<'_> {
    fn drop(&mut self) {
        if !self.finished {
            self.log.push(format!("rollback {}", self.staged.len()));
        }
    }
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::panic::{self, AssertUnwindSafe};

    fn transfer(log: &mut Vec<String>, amount: i64) -> Result<usize, String> {
        let mut tx = Transaction::begin(log);
        tx.stage("debit alice");
        if amount <= 0 {
            return Err(format!("bad amount {amount}"));
        }
        tx.stage("credit bob");
        Ok(tx.commit())
    }

    #[test]
    fn commit_applies_in_order() {
        let mut log = Vec::new();
        assert_eq!(transfer(&mut log, 50), Ok(2));
        assert_eq!(log, ["begin", "apply debit alice", "apply credit bob", "commit 2"]);
    }

    #[test]
    fn early_return_rolls_back() {
        let mut log = Vec::new();
        assert!(transfer(&mut log, -5).is_err());
        assert_eq!(log, ["begin", "rollback 1"]);
    }

    #[test]
    fn end_of_scope_rolls_back() {
        let mut log = Vec::new();
        {
            let mut tx = Transaction::begin(&mut log);
            tx.stage("set a=1");
            tx.stage("set b=2");
        }
        assert_eq!(log, ["begin", "rollback 2"]);
    }

    #[test]
    fn panic_rolls_back_while_unwinding() {
        let mut log = Vec::new();
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            let mut tx = Transaction::begin(&mut log);
            tx.stage("set a=1");
            panic!("disk full");
        }));
        assert!(result.is_err());
        assert_eq!(log, ["begin", "rollback 1"]);
    }

    #[test]
    fn abandon_returns_the_operations() {
        let mut log = Vec::new();
        let mut tx = Transaction::begin(&mut log);
        tx.stage("set a=1");
        tx.stage("del b");
        assert_eq!(tx.abandon(), ["set a=1", "del b"]);
        assert_eq!(log, ["begin"]);
    }
}
