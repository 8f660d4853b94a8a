// vote_tally.rs
//
// Three polling stations count ballots in parallel and add them to one
// shared tally. The code was first written single-threaded with
// Rc<RefCell<...>>, and it stopped compiling when each station got its own
// thread.
//
// Give the tally a handle that every thread can own a copy of, and a way
// for one thread at a time to update it. Lock once per ballot, not for a
// whole station: other stations should be able to count in between.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::thread;

type Tally = BTreeMap<&'static str, u32>;

fn main() {
    let stations: Vec<Vec<&'static str>> = vec![
        vec!["oak", "pine", "oak", "birch"],
        vec!["pine", "pine", "oak"],
        vec!["birch", "oak", "pine", "pine", "oak"],
    ];

    // TODO: neither the reference count of this handle nor the borrow flag
    // inside it is safe to update from several threads at once.
    let tally: Rc<RefCell<Tally>> = Rc::new(RefCell::new(BTreeMap::new()));

    let mut handles = Vec::new();
    for ballots in stations {
        let tally = Rc::clone(&tally);
        handles.push(thread::spawn(move || {
            for name in ballots {
                *tally.borrow_mut().entry(name).or_insert(0) += 1;
            }
        }));
    }

    for handle in handles {
        handle.join().unwrap();
    }

    // All workers have been joined, so no other thread uses the tally now.
    for (name, votes) in tally.borrow().iter() {
        println!("{name}: {votes}");
    }
}
