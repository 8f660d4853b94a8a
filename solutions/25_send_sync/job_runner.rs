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
