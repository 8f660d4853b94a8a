// boxed_jobs.rs
//
// A background worker receives boxed jobs over a channel and runs them in
// the order they arrive. Each job is a closure that reports where it ran.
//
// The program does not compile. The first E0277 is about the job type
// itself; once that is solved, the second is about what the jobs capture.
// Make it print the expected output without changing what a job does.

use std::sync::Arc;
use std::sync::mpsc;
use std::thread;

type Job = Box<dyn FnOnce() -> String + Send>;

fn main() {
    let (tx, rx) = mpsc::channel::<Job>();
    let worker = thread::spawn(move || {
        for job in rx {
            println!("{}", job());
        }
    });

    let region = Arc::new(String::from("eu-west"));
    for id in 1..=3 {
        let region = Arc::clone(&region);
        tx.send(Box::new(move || format!("job {id} ran in {region}")))
            .unwrap();
    }
    // Closing the channel ends the worker's loop.
    drop(tx);
    worker.join().unwrap();
}
