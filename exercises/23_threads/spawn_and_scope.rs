// spawn_and_scope.rs
//
// Two small parallel jobs over sensor data.
//
// 1. `parallel_sum` splits a Vec into chunks and sums each chunk on its own
//    thread. Each thread must own what it uses: `thread::spawn` cannot know
//    whether the thread outlives the loop iteration that started it.
// 2. `min_and_max` runs two threads that only READ the caller's slice. The
//    threads must be guaranteed to finish while that borrow is still valid.
//
// Make the program compile and print the expected output. Do not clone or
// copy `values` in `min_and_max`.

use std::thread;

fn parallel_sum(data: Vec<u64>, workers: usize) -> u64 {
    assert!(workers > 0, "parallel_sum needs at least one worker");
    // `.max(1)`: an empty Vec gives a chunk size of 0, and `chunks(0)` panics.
    let chunk_size = data.len().div_ceil(workers).max(1);
    let mut handles = Vec::new();
    for chunk in data.chunks(chunk_size) {
        let chunk = chunk.to_vec();
        // TODO: this closure only borrows `chunk`, which dies at the end of
        // this iteration while the thread may still be running.
        let handle = thread::spawn(|| chunk.iter().sum::<u64>());
        handles.push(handle);
    }
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}

fn min_and_max(values: &[i64]) -> Option<(i64, i64)> {
    // TODO: these threads borrow the caller's slice, but nothing guarantees
    // they have finished before the caller frees it.
    let min_handle = thread::spawn(|| values.iter().copied().min());
    let max_handle = thread::spawn(|| values.iter().copied().max());
    let min = min_handle.join().unwrap()?;
    let max = max_handle.join().unwrap()?;
    Some((min, max))
}

fn main() {
    let data: Vec<u64> = (1..=100).collect();
    println!("sum = {}", parallel_sum(data, 4));
    println!("empty sum = {}", parallel_sum(Vec::new(), 4));

    let readings = vec![12, -7, 30, 4, -15, 22];
    match min_and_max(&readings) {
        Some((lo, hi)) => println!("min = {lo}, max = {hi}"),
        None => println!("no readings"),
    }
    println!("readings still usable: {}", readings.len());
}
