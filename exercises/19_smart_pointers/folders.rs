// Step 19: smart pointers, exercise 3 of 3 (Weak)
//
// A file browser keeps folders in a tree. A parent owns its children through
// `Rc`, and every child points back at its parent. If that back link were an
// `Rc` as well, parent and child would keep each other alive forever (a
// reference cycle leaks), so the back link is a `Weak`.
//
// Write the four functions below. The tests are the spec; do not edit them.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Folder {
    name: String,
    parent: Weak<Folder>,
    children: RefCell<Vec<Rc<Folder>>>,
}

// TODO: a folder with no parent and no children yet.
fn root(name: &str) -> Rc<Folder> {
    todo!()
}

// TODO: create a folder called `name` inside `parent` and return it. The
// parent must own the new folder, and the new folder must not own its parent.
fn add_child(parent: &Rc<Folder>, name: &str) -> Rc<Folder> {
    todo!()
}

// TODO: the names from the topmost living ancestor down to `folder`, joined
// by '/', e.g. "home/ada/notes". A parent that no longer exists ends the walk.
fn path(folder: &Folder) -> String {
    todo!()
}

// TODO: the number of folders in this subtree, `folder` itself included.
fn count(folder: &Folder) -> usize {
    todo!()
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_walk_up_to_the_root() {
        let home = root("home");
        let ada = add_child(&home, "ada");
        let notes = add_child(&ada, "notes");
        add_child(&home, "bob");
        assert_eq!(path(&home), "home");
        assert_eq!(path(&notes), "home/ada/notes");
        assert_eq!(count(&home), 4);
        assert_eq!(count(&ada), 2);
    }

    #[test]
    fn parents_own_children_but_not_the_reverse() {
        let home = root("home");
        let ada = add_child(&home, "ada");
        add_child(&home, "bob");
        // `ada` is held by this test and by `home`'s children list.
        assert_eq!(Rc::strong_count(&ada), 2);
        // Nothing but this test owns `home`; the children only point back.
        assert_eq!(Rc::strong_count(&home), 1);
        assert_eq!(Rc::weak_count(&home), 2);
    }

    #[test]
    fn dropping_the_root_frees_the_whole_tree() {
        let home = root("home");
        let ada = add_child(&home, "ada");
        let leaf = Rc::downgrade(&add_child(&ada, "notes"));
        drop(ada);
        assert!(leaf.upgrade().is_some(), "still owned by its parent");
        drop(home);
        assert!(leaf.upgrade().is_none(), "the tree leaked");
    }

    #[test]
    fn an_orphan_keeps_its_own_name() {
        let home = root("home");
        let ada = add_child(&home, "ada");
        let notes = add_child(&ada, "notes");
        drop(home);
        assert!(ada.parent.upgrade().is_none());
        assert_eq!(path(&notes), "ada/notes");
        assert_eq!(count(&ada), 2);
    }
}
