// Step 16: typed ids, validated names and `Borrow` lookups
//
// A user directory. `Id<User>` and `Id<Team>` both hold a plain u32, but a
// zero-sized `PhantomData<T>` marker makes mixing them up a compile error.
// Usernames are validated once, by `TryFrom<&str>`, and the directory keyed
// by `Username` can be searched with a plain `&str` (`Username: Borrow<str>`).
// Write the bodies marked `todo!()`. The tests are the spec.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

pub struct User;
pub struct Team;

pub struct Id<T> {
    raw: u32,
    _kind: PhantomData<T>,
}

// Written by hand: `#[derive(Clone, Copy, ...)]` would add `T: Clone`,
// `T: Copy`... bounds, although an `Id<T>` never stores a `T`.
impl<T> Clone for Id<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Id<T> {}
impl<T> PartialEq for Id<T> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}
impl<T> Eq for Id<T> {}
impl<T> Hash for Id<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.raw.hash(state);
    }
}

// TODO: from here on, each body is a placeholder that panics; make them
// behave as the tests describe.
impl<T> Id<T> {
    pub fn new(raw: u32) -> Self {
        todo!()
    }
    pub fn raw(self) -> u32 {
        todo!()
    }
}

/// 3 to 16 characters: lowercase ASCII letters, digits or '_'.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

#[derive(Debug, PartialEq)]
pub enum NameError {
    Length(usize),
    BadChar(char),
}

impl TryFrom<&str> for Username {
    type Error = NameError;
    fn try_from(name: &str) -> Result<Self, Self::Error> {
        todo!()
    }
}

// Sound: the derived `Hash` and `Eq` of `Username` hash and compare exactly
// like the inner `str`, which is the contract `Borrow` requires.
impl Borrow<str> for Username {
    fn borrow(&self) -> &str {
        todo!()
    }
}

#[derive(Default)]
pub struct Directory {
    last_id: u32,
    by_name: HashMap<Username, Id<User>>,
}

impl Directory {
    /// Validates `name` and gives it the next id (1, 2, 3...). A name that
    /// is already registered keeps its id.
    pub fn register(&mut self, name: &str) -> Result<Id<User>, NameError> {
        todo!()
    }

    /// Looks a name up with a plain `&str`: no `Username` is built.
    pub fn find(&self, name: &str) -> Option<Id<User>> {
        todo!()
    }
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_typed_copyable_and_small() {
        let a: Id<User> = Id::new(7);
        let b = a; // a copy: `User` itself is neither Copy nor Clone
        assert!(a == b && a.raw() == 7);
        let teams: HashSet<Id<Team>> = [Id::new(1), Id::new(2), Id::new(1)].into();
        assert_eq!(teams.len(), 2);
        assert_eq!(std::mem::size_of::<Id<Team>>(), std::mem::size_of::<u32>());
    }

    #[test]
    fn usernames_are_validated() {
        assert!(Username::try_from("ada_99").is_ok());
        assert_eq!(Username::try_from("al"), Err(NameError::Length(2)));
        assert_eq!(Username::try_from("a_very_long_username"), Err(NameError::Length(20)));
        assert_eq!(Username::try_from("Grace"), Err(NameError::BadChar('G')));
        let parsed: Result<Username, _> = "zoë".try_into();
        assert_eq!(parsed, Err(NameError::BadChar('ë')));
    }

    #[test]
    fn directory_registers_and_finds_by_str() {
        let mut dir = Directory::default();
        let ada = dir.register("ada").unwrap();
        let bob = dir.register("bob").unwrap();
        assert_eq!((ada.raw(), bob.raw()), (1, 2));
        assert_eq!(dir.register("ada").map(Id::raw), Ok(1));
        assert_eq!(dir.register("B0b").map(Id::raw), Err(NameError::BadChar('B')));
        let typed = String::from("bob");
        assert!(dir.find(&typed) == Some(bob));
        assert!(dir.find("carol").is_none());
        assert_eq!(dir.register("carol").map(Id::raw), Ok(3));
    }
}
