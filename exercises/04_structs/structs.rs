// Exercise: structs
//
// A bank account as a struct with methods. The tests at the bottom are the
// spec: do not change them. The file does not compile yet: two methods take
// the wrong kind of `self` (errors E0594 and E0507). Fix the two receivers
// marked TODO. Read each method: does it only look, change, or consume?

#[derive(Debug)]
struct Account {
    owner: String,
    balance: i64,
}

impl Account {
    /// An associated function (no `self`): call it as `Account::open(..)`.
    fn open(owner: &str, balance: i64) -> Self {
        let owner = owner.to_string();
        // Field init shorthand: `owner` means `owner: owner`.
        Account { owner, balance }
    }

    /// Only reads the account: `&self`.
    fn is_overdrawn(&self) -> bool {
        self.balance < 0
    }

    // TODO (1): this method CHANGES the account, but `&self` is a shared,
    // read-only borrow.
    fn deposit(&self, amount: i64) {
        self.balance += amount;
    }

    /// Takes money out; the balance may go below zero.
    fn withdraw(&mut self, amount: i64) {
        self.balance -= amount;
    }

    // TODO (2): closing the account hands its owner's name out by value,
    // but a String cannot be moved out of an account that is only borrowed.
    fn close(&self) -> String {
        self.owner
    }
}

fn main() {
    let mut acct = Account::open("Ada", 50);
    acct.deposit(25);
    acct.withdraw(100);
    println!("{acct:?}, overdrawn: {}", acct.is_overdrawn());
    println!("closed the account of {}", acct.close());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_sets_fields() {
        let acct = Account::open("Ada", 50);
        assert_eq!(acct.owner, "Ada");
        assert_eq!(acct.balance, 50);
        assert!(!acct.is_overdrawn());
    }

    #[test]
    fn deposit_and_withdraw() {
        let mut acct = Account::open("Grace", 10);
        acct.deposit(5);
        acct.withdraw(40);
        assert_eq!(acct.balance, -25);
        assert!(acct.is_overdrawn());
    }

    #[test]
    fn close_returns_the_owner() {
        let acct = Account::open("Linus", 0);
        assert_eq!(acct.close(), "Linus");
    }
}
