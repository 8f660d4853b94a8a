// shared_total.rs
//
// Four worker threads each add up one batch of order amounts and add their
// batch sum to a shared running total. In C++ or Go the same shape compiles
// and contains a data race: `total += sum` is a read-modify-write, and two
// threads can interleave it and lose an update. Rust refuses to build it.
//
// As shipped this does not compile (E0499): every spawned closure wants a
// `&mut total` at the same time, and the borrow checker allows only one.
//
// Your job: make the shared total safe to update from several threads
// without giving up the threads. Change only what the TODOs mark (and add
// any `use` line you need).
//
// Expected output:
//
//   batches = 4
//   total = 38

use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

fn main() {
    let batches: Vec<Vec<u32>> = vec![vec![3, 4], vec![10], vec![1, 2, 3], vec![7, 8]];

    // An atomic can be updated through `&AtomicU32`, and it is `Sync`, so
    // every thread may hold a shared reference to it at once.
    let total = AtomicU32::new(0);

    thread::scope(|s| {
        for batch in &batches {
            s.spawn(|| {
                let sum: u32 = batch.iter().sum();
                // One indivisible read-modify-write: no update can be lost.
                total.fetch_add(sum, Ordering::Relaxed);
            });
        }
    });

    println!("batches = {}", batches.len());
    // The scope joined every thread, so all additions are visible here.
    println!("total = {}", total.into_inner());
}
