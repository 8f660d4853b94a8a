// arc_mutex.rs
//
// Three polling stations count ballots in parallel and add their counts to
// one shared tally. The code was first written single-threaded with
// Rc<RefCell<...>>, and it no longer compiles now that the work happens on
// real threads.
//
// Replace the shared handle with the standard thread-safe pattern so that
// every thread can update the same tally, then print the result.
// Keep each lock as short as possible: lock once per ballot, not for the
// whole loop.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use std::thread;

fn main() {
    let stations: Vec<Vec<&'static str>> = vec![
        vec!["oak", "pine", "oak", "birch"],
        vec!["pine", "pine", "oak"],
        vec!["birch", "oak", "pine", "pine", "oak"],
    ];

    // TODO: Rc<RefCell<..>> cannot cross threads. Use Arc<Mutex<..>>.
    let tally: Rc<RefCell<BTreeMap<&'static str, u32>>> = Rc::new(RefCell::new(BTreeMap::new()));

    let mut handles = Vec::new();
    for ballots in stations {
        let tally = Rc::clone(&tally);
        handles.push(thread::spawn(move || {
            for name in ballots {
                // TODO: lock the mutex instead of borrowing the RefCell.
                *tally.borrow_mut().entry(name).or_insert(0) += 1;
            }
        }));
    }

    for handle in handles {
        handle.join().unwrap();
    }

    // All workers have been joined, so this is the only handle still in use.
    for (name, votes) in tally.borrow().iter() {
        println!("{name}: {votes}");
    }
}
