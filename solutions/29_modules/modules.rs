// modules.rs
//
// `bank` keeps Account's fields private so the balance only changes through
// `deposit`. The tests (do not change them) use `bank` from the outside, and
// three visibility problems stop the crate from compiling. Outside `tests`:
//   * make the constructor callable from outside `bank`;
//   * make `fees` reachable from this crate only (not from other crates);
//   * make `statement` use the public getters, not the private fields.
// Do NOT make Account's fields public.

mod bank {
    pub struct Account {
        owner: String,
        balance: u64,
    }

    impl Account {
        pub fn open(owner: &str) -> Account {
            Account { owner: owner.to_string(), balance: 0 }
        }

        pub fn owner(&self) -> &str {
            &self.owner
        }

        pub fn balance(&self) -> u64 {
            self.balance
        }

        pub fn deposit(&mut self, amount: u64) {
            self.balance += amount;
        }
    }

    pub(crate) mod fees {
        use super::Account;

        // A child module may read its parent's private fields.
        pub fn monthly_fee(account: &Account) -> u64 {
            if account.balance >= 1000 { 0 } else { 5 }
        }
    }
}

fn statement(account: &bank::Account) -> String {
    format!("{}: {}", account.owner(), account.balance())
}

#[cfg(test)]
mod tests {
    use super::bank::{self, Account};
    use super::statement;

    #[test]
    fn open_and_deposit() {
        let mut acct = Account::open("ana");
        acct.deposit(250);
        assert_eq!(acct.owner(), "ana");
        assert_eq!(acct.balance(), 250);
    }

    #[test]
    fn fee_depends_on_balance() {
        let mut acct = Account::open("bo");
        assert_eq!(bank::fees::monthly_fee(&acct), 5);
        acct.deposit(1000);
        assert_eq!(bank::fees::monthly_fee(&acct), 0);
    }

    #[test]
    fn statement_uses_owner_and_balance() {
        let mut acct = Account::open("cy");
        acct.deposit(42);
        assert_eq!(statement(&acct), "cy: 42");
    }
}
