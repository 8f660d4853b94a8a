// Step 19: smart pointers, exercise 2 of 3 (Rc and RefCell)
//
// Several listeners share one playlist through Rc<RefCell<Playlist>>.
// The file compiles, but the tests panic at run time: RefCell checks the
// borrow rules while the program runs, and `add_unique` asks for a mutable
// borrow while a shared borrow is still alive.
//
// Your job: fix the TODO in `add_unique` so every test passes.
// The tests are the spec; do not edit them.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Playlist {
    songs: Vec<String>,
}

type Shared = Rc<RefCell<Playlist>>;

fn new_playlist() -> Shared {
    Rc::new(RefCell::new(Playlist { songs: Vec::new() }))
}

/// Adds `song` unless it is already in the list. Returns true if it was added.
fn add_unique(list: &Shared, song: &str) -> bool {
    // The temporary Ref is dropped at the end of this statement.
    let present = list.borrow().songs.iter().any(|s| s == song);
    if present {
        return false;
    }
    list.borrow_mut().songs.push(song.to_string());
    true
}

/// Number of songs, or None if the playlist has already been dropped.
fn len_if_alive(weak: &Weak<RefCell<Playlist>>) -> Option<usize> {
    weak.upgrade().map(|rc| rc.borrow().songs.len())
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clones_share_one_playlist() {
        let alice = new_playlist();
        let bob = Rc::clone(&alice);
        assert_eq!(Rc::strong_count(&alice), 2);
        assert!(add_unique(&alice, "Blue"));
        assert!(add_unique(&bob, "Red"));
        assert!(!add_unique(&alice, "Red"));
        assert_eq!(alice.borrow().songs, ["Blue", "Red"]);
        drop(bob);
        assert_eq!(Rc::strong_count(&alice), 1);
    }

    #[test]
    fn weak_does_not_keep_it_alive() {
        let list = new_playlist();
        add_unique(&list, "Green");
        let watcher = Rc::downgrade(&list);
        assert_eq!(Rc::weak_count(&list), 1);
        assert_eq!(len_if_alive(&watcher), Some(1));
        drop(list);
        assert_eq!(len_if_alive(&watcher), None);
    }
}
