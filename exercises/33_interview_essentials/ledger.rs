// Step 33, exercise 3: write a small component from scratch
//
// A ledger moves money between accounts, each with a balance and a policy.
// Generic over the policy: `Ledger<Savings>` is static dispatch, while
// `Ledger<Box<dyn Policy>>` mixes kinds of policy. The tests are the spec.

use std::collections::HashMap;
use std::error::Error;
use std::fmt;

/// The rules of one kind of account.
trait Policy {
    /// How far below zero the balance may go, in cents.
    fn overdraft(&self) -> i64 {
        0
    }
}

struct Savings;
struct Checking(i64); // its overdraft limit

impl Policy for Savings {}

impl Policy for Checking {
    fn overdraft(&self) -> i64 {
        self.0
    }
}

#[derive(Debug, PartialEq)]
enum TransferError {
    NotPositive(i64),
    SameAccount,
    UnknownAccount(String),
    Insufficient { available: i64 },
}

impl fmt::Display for TransferError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        todo!("one message per variant, worded as in the tests")
    }
}

// TODO: two things the tests rely on are missing: this error cannot yet be
// boxed as a standard error (the question mark into a boxed error fails), and
// a boxed policy is not a policy, so a ledger of mixed policies is rejected.

struct Ledger<P> {
    accounts: HashMap<String, (i64, P)>, // id -> (balance in cents, policy)
}

impl<P: Policy> Ledger<P> {
    fn new() -> Self {
        todo!()
    }

    /// Adds an account; returns false and changes nothing if `id` is taken.
    fn open(&mut self, id: &str, cents: i64, policy: P) -> bool {
        todo!()
    }

    fn balance(&self, id: &str) -> Option<i64> {
        todo!()
    }

    /// All or nothing: on any error no balance changes. Checks, in order:
    /// the amount, same account, unknown source, unknown target, funds.
    fn transfer(&mut self, from: &str, to: &str, cents: i64) -> Result<(), TransferError> {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TransferError::*;

    fn ledger() -> Ledger<Savings> {
        let mut l = Ledger::new();
        assert!(l.open("ana", 100, Savings) && l.open("ben", 20, Savings));
        assert!(!l.open("ana", 5, Savings), "ids are unique");
        l
    }

    #[test]
    fn transfers_are_all_or_nothing() {
        let mut l = ledger();
        assert_eq!(l.transfer("ana", "ben", 30), Ok(()));
        assert_eq!([l.balance("ana"), l.balance("ben"), l.balance("cy")], [Some(70), Some(50), None]);
        assert_eq!(l.transfer("ben", "ana", 51), Err(Insufficient { available: 50 }));
        assert_eq!(l.transfer("ana", "cy", 5), Err(UnknownAccount("cy".into())));
        assert_eq!(l.transfer("cy", "ana", 5), Err(UnknownAccount("cy".into())));
        assert_eq!(l.transfer("ana", "ana", 5), Err(SameAccount));
        assert_eq!(l.transfer("ana", "ben", 0), Err(NotPositive(0)));
        assert_eq!([l.balance("ana"), l.balance("ben")], [Some(70), Some(50)]);
    }

    #[test]
    fn errors_read_well_and_work_with_question_mark() {
        let mut l = ledger();
        let mut pay = |cents| -> Result<(), Box<dyn Error>> { Ok(l.transfer("ben", "ana", cents)?) };
        assert_eq!(pay(25).unwrap_err().to_string(), "only 20 cents available");
        let shown = [SameAccount, UnknownAccount("zed".into()), NotPositive(-3)].map(|e| e.to_string());
        assert_eq!(shown[0], "source and target are the same account");
        assert_eq!(shown[1..], ["no account named \"zed\"", "cannot transfer -3 cents"]);
    }

    #[test]
    fn mixed_policies_behind_dyn() {
        let mut l: Ledger<Box<dyn Policy>> = Ledger::new();
        l.open("shop", 10, Box::new(Checking(50)));
        l.open("jar", 0, Box::new(Savings));
        assert_eq!(l.transfer("shop", "jar", 60), Ok(()));
        assert_eq!([l.balance("shop"), l.balance("jar")], [Some(-50), Some(60)]);
        assert_eq!(l.transfer("shop", "jar", 1), Err(Insufficient { available: 0 }));
    }
}
