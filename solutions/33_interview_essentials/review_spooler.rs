// Step 33, exercise 1: review findings that only show up at run time
//
// A single-threaded print spooler. Jobs arrive as text lines ("NAME PAGES"),
// wait in a queue, and print while there is paper. A job that finds too
// little paper goes back to the end of the queue (someone refills the tray
// meanwhile) and is dropped after its third attempt. The queue sits in a
// RefCell because the spooler is shared through Rc with the parts of the
// program that submit work.
//
// It compiles, but a reviewer found two ways it crashes at run time. Fix both
// TODOs. Expected output:
//
//   rejected "poster many": bad page count (invalid digit found in string)
//   printed invoice (2 pages)
//   waiting for paper: report
//   printed memo (3 pages)
//   waiting for paper: atlas
//   printed report (6 pages)
//   waiting for paper: atlas
//   gave up on atlas
//   paper left: 6

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

const MAX_ATTEMPTS: u32 = 3;
const REFILL: u32 = 4;

struct Job {
    name: String,
    pages: u32,
    attempts: u32,
}

struct Spooler {
    jobs: RefCell<VecDeque<Job>>,
    paper: Cell<u32>,
}

impl Spooler {
    fn new(paper: u32) -> Self {
        Spooler {
            jobs: RefCell::new(VecDeque::new()),
            paper: Cell::new(paper),
        }
    }

    /// Queues a job given as "NAME PAGES". A bad line comes back as an error
    /// message: the line in quotes, then ": expected NAME PAGES" (no space in
    /// it) or ": bad page count (REASON)", REASON being the parse error.
    fn submit(&self, line: &str) -> Result<(), String> {
        // A bad line is the sender's mistake, not a bug in the spooler:
        // report it instead of taking the whole spooler down.
        let (name, pages) = line
            .split_once(' ')
            .ok_or_else(|| format!("{line:?}: expected NAME PAGES"))?;
        let pages: u32 = pages
            .parse()
            .map_err(|e| format!("{line:?}: bad page count ({e})"))?;
        let name = name.to_string();
        self.jobs.borrow_mut().push_back(Job { name, pages, attempts: 0 });
        Ok(())
    }

    /// Handles the next job; returns false once the queue is empty.
    fn step(&self) -> bool {
        // The RefMut is a temporary of this `let` statement, so it is gone at
        // the semicolon and the arms below may borrow the queue again. In the
        // scrutinee of a `match` it would live until the end of the match.
        let next = self.jobs.borrow_mut().pop_front();
        match next {
            None => false,
            Some(mut job) => {
                job.attempts += 1;
                let paper = self.paper.get();
                if job.pages <= paper {
                    self.paper.set(paper - job.pages);
                    println!("printed {} ({} pages)", job.name, job.pages);
                } else if job.attempts < MAX_ATTEMPTS {
                    println!("waiting for paper: {}", job.name);
                    self.paper.set(paper + REFILL);
                    self.jobs.borrow_mut().push_back(job);
                } else {
                    println!("gave up on {}", job.name);
                }
                true
            }
        }
    }
}

fn main() {
    let spooler = Rc::new(Spooler::new(5));
    let front_desk = Rc::clone(&spooler);
    for line in ["invoice 2", "poster many", "report 6", "memo 3", "atlas 40"] {
        if let Err(e) = front_desk.submit(line) {
            println!("rejected {e}");
        }
    }
    while spooler.step() {}
    println!("paper left: {}", spooler.paper.get());
}
