// boxed_jobs.rs
//
// A background worker receives boxed jobs over a channel and runs them in
// the order they arrive. Each job is a closure that reports where it ran.
//
// The program does not compile. The first E0277 is about the job type
// itself; once that is solved, the second is about what the jobs capture.
// Make it print the expected output without changing what a job does.

use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

// TODO: a trait object type promises only the traits it names, so nothing
// says these jobs may be moved to the worker thread.
type Job = Box<dyn FnOnce() -> String>;

fn main() {
    let (tx, rx) = mpsc::channel::<Job>();
    let worker = thread::spawn(move || {
        for job in rx {
            println!("{}", job());
        }
    });

    // TODO: every job carries a clone of this handle to the worker thread,
    // and the handle keeps its reference count without any synchronization.
    let region = Rc::new(String::from("eu-west"));
    for id in 1..=3 {
        let region = Rc::clone(&region);
        tx.send(Box::new(move || format!("job {id} ran in {region}")))
            .unwrap();
    }
    // Closing the channel ends the worker's loop.
    drop(tx);
    worker.join().unwrap();
}
