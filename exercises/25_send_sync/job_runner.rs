// job_runner.rs
//
// A tiny job runner: worker threads process batches of jobs, tag their log
// lines with a shared service name, and bump shared counters.
//
// It does not compile, because two types used here are not thread-safe.
// Read each E0277: it names the type and says whether the problem is
// SENDING it to another thread or SHARING it between threads. Swap each
// type for its thread-safe counterpart. Do not add a Mutex: plain counters
// are what the atomic integer types are for.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::thread;

struct Metrics {
    // TODO: several threads update these counters through shared
    // references, and a Cell has no synchronization at all.
    processed: Cell<u64>,
    failed: Cell<u64>,
}

fn main() {
    // TODO: every thread gets a clone of this handle, and its reference
    // count is not updated atomically.
    let service: Rc<str> = Rc::from("billing");
    let metrics = Arc::new(Metrics {
        processed: Cell::new(0),
        failed: Cell::new(0),
    });

    let jobs: Vec<Vec<i32>> = vec![vec![3, -1, 8], vec![5, 0], vec![-2, 7, 9, 1]];
    let mut handles = Vec::new();
    for batch in jobs {
        let service = Rc::clone(&service);
        let metrics = Arc::clone(&metrics);
        handles.push(thread::spawn(move || {
            let size = batch.len();
            for job in batch {
                if job > 0 {
                    metrics.processed.set(metrics.processed.get() + 1);
                } else {
                    metrics.failed.set(metrics.failed.get() + 1);
                }
            }
            format!("[{service}] batch of {size} done")
        }));
    }

    for handle in handles {
        println!("{}", handle.join().unwrap());
    }
    println!("processed = {}", metrics.processed.get());
    println!("failed = {}", metrics.failed.get());
}
