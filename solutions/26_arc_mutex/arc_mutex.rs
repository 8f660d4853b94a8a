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

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let stations: Vec<Vec<&'static str>> = vec![
        vec!["oak", "pine", "oak", "birch"],
        vec!["pine", "pine", "oak"],
        vec!["birch", "oak", "pine", "pine", "oak"],
    ];

    let tally: Arc<Mutex<BTreeMap<&'static str, u32>>> = Arc::new(Mutex::new(BTreeMap::new()));

    let mut handles = Vec::new();
    for ballots in stations {
        let tally = Arc::clone(&tally);
        handles.push(thread::spawn(move || {
            for name in ballots {
                *tally.lock().unwrap().entry(name).or_insert(0) += 1;
            }
        }));
    }

    for handle in handles {
        handle.join().unwrap();
    }

    // All workers have been joined, so this is the only handle still in use.
    for (name, votes) in tally.lock().unwrap().iter() {
        println!("{name}: {votes}");
    }
}
