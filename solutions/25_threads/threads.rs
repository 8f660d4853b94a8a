// threads.rs
//
// Two small parallel jobs, and neither compiles yet.
//
// 1. `parallel_sum` splits a Vec into chunks and sums each chunk on its own
//    thread. The closure given to `thread::spawn` must own what it uses,
//    because the thread may outlive the loop iteration that created it.
// 2. `min_and_max` runs two threads that only READ the caller's slice.
//    A plain `thread::spawn` cannot borrow it (the slice is not 'static),
//    and adding `move` is not enough either. Use `thread::scope`, which
//    guarantees the threads are joined before the borrow ends.
//
// Make the program compile and print the expected output. Do not clone
// `values` in `min_and_max`.

use std::thread;

fn parallel_sum(data: Vec<u64>, workers: usize) -> u64 {
    let chunk_size = data.len().div_ceil(workers);
    let mut handles = Vec::new();
    for chunk in data.chunks(chunk_size) {
        let chunk = chunk.to_vec();
        let handle = thread::spawn(move || chunk.iter().sum::<u64>());
        handles.push(handle);
    }
    handles.into_iter().map(|h| h.join().unwrap()).sum()
}

fn min_and_max(values: &[i64]) -> (i64, i64) {
    thread::scope(|s| {
        let min_handle = s.spawn(|| *values.iter().min().unwrap());
        let max_handle = s.spawn(|| *values.iter().max().unwrap());
        (min_handle.join().unwrap(), max_handle.join().unwrap())
    })
}

fn main() {
    let data: Vec<u64> = (1..=100).collect();
    println!("sum = {}", parallel_sum(data, 4));

    let readings = vec![12, -7, 30, 4, -15, 22];
    let (lo, hi) = min_and_max(&readings);
    println!("min = {lo}, max = {hi}");
    println!("readings still usable: {}", readings.len());
}
