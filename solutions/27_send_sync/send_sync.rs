// send_sync.rs
//
// A tiny job runner: several worker threads process jobs, tag their log
// lines with a shared service name, and bump shared counters.
//
// It does not compile, because two types used here are not thread-safe:
//   * `Rc<str>` is neither Send nor Sync, so a clone of it cannot be moved
//     into another thread.
//   * `Cell<u64>` is Send but not Sync, so a `Metrics` containing it cannot
//     be shared (through an Arc) by several threads.
//
// Swap each one for its thread-safe counterpart. Do not add a Mutex:
// plain counters are exactly what the atomic integer types are for.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

struct Metrics {
    processed: AtomicU64,
    failed: AtomicU64,
}

fn main() {
    let service: Arc<str> = Arc::from("billing");
    let metrics = Arc::new(Metrics {
        processed: AtomicU64::new(0),
        failed: AtomicU64::new(0),
    });

    let jobs: Vec<Vec<i32>> = vec![vec![3, -1, 8], vec![5, 0], vec![-2, 7, 9, 1]];
    let mut handles = Vec::new();
    for batch in jobs {
        let service = Arc::clone(&service);
        let metrics = Arc::clone(&metrics);
        handles.push(thread::spawn(move || {
            let size = batch.len();
            for job in batch {
                if job > 0 {
                    metrics.processed.fetch_add(1, Ordering::Relaxed);
                } else {
                    metrics.failed.fetch_add(1, Ordering::Relaxed);
                }
            }
            format!("[{service}] batch of {size} done")
        }));
    }

    for handle in handles {
        println!("{}", handle.join().unwrap());
    }
    println!("processed = {}", metrics.processed.load(Ordering::Relaxed));
    println!("failed = {}", metrics.failed.load(Ordering::Relaxed));
}
