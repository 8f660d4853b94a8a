// Step 19: smart pointers, exercise 3 of 3 (Weak)
//
// A file browser keeps folders in a tree. A parent owns its children through
// `Rc`, and every child points back at its parent. If that back link were an
// `Rc` as well, parent and child would keep each other alive forever (a
// reference cycle leaks), so the back link is a `Weak`.
//
// The tests are the spec.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Folder {
    name: String,
    parent: Weak<Folder>,
    children: RefCell<Vec<Rc<Folder>>>,
}

// `Weak::new()` points at nothing: `upgrade()` on it always returns None.
fn root(name: &str) -> Rc<Folder> {
    Rc::new(Folder {
        name: name.to_string(),
        parent: Weak::new(),
        children: RefCell::new(Vec::new()),
    })
}

// The child holds a `Weak` to its parent; the parent holds an `Rc` clone of
// the child.
fn add_child(parent: &Rc<Folder>, name: &str) -> Rc<Folder> {
    let child = Rc::new(Folder {
        name: name.to_string(),
        parent: Rc::downgrade(parent),
        children: RefCell::new(Vec::new()),
    });
    parent.children.borrow_mut().push(Rc::clone(&child));
    child
}

// Walk up while `upgrade()` finds a living parent, then reverse the names.
fn path(folder: &Folder) -> String {
    let mut names = vec![folder.name.clone()];
    let mut up = folder.parent.upgrade();
    while let Some(parent) = up {
        names.push(parent.name.clone());
        up = parent.parent.upgrade();
    }
    names.reverse();
    names.join("/")
}

fn count(folder: &Folder) -> usize {
    1 + folder.children.borrow().iter().map(|c| count(c)).sum::<usize>()
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
