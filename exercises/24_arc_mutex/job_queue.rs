// job_queue.rs
//
// A retrying job queue shared by worker threads. `run_pending` takes jobs
// off the front of the queue one at a time and runs them. A job that fails
// goes back to the end of the queue, until it has used all its attempts.
// Several workers may call `run_pending` on the same queue at once.
//
// The tests run each call on a helper thread and give up after two seconds,
// so a hang shows up as a failed test that says "deadlock".

use std::collections::VecDeque;
use std::sync::Mutex;

#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub name: String,
    /// How many more runs fail before the job succeeds (a flaky service).
    pub failures_left: u32,
    /// Runs left, counting the next one (at least 1).
    pub attempts_left: u32,
}

pub struct JobQueue {
    pending: Mutex<VecDeque<Job>>,
    log: Mutex<Vec<String>>,
}

impl JobQueue {
    pub fn new(jobs: Vec<Job>) -> Self {
        JobQueue {
            pending: Mutex::new(jobs.into()),
            log: Mutex::new(Vec::new()),
        }
    }

    fn requeue(&self, job: Job) {
        self.pending.lock().unwrap().push_back(job);
    }

    fn record(&self, line: String) {
        self.log.lock().unwrap().push(line);
    }

    /// Runs jobs until the queue is empty; returns how many runs it made.
    pub fn run_pending(&self) -> usize {
        let mut runs = 0;
        // TODO: as soon as a job fails, this loop hangs: the thread ends up
        // waiting for a lock that it is still holding itself.
        while let Some(mut job) = self.pending.lock().unwrap().pop_front() {
            runs += 1;
            job.attempts_left -= 1;
            if job.failures_left == 0 {
                self.record(format!("{} ok", job.name));
            } else if job.attempts_left == 0 {
                self.record(format!("{} gave up", job.name));
            } else {
                job.failures_left -= 1;
                self.record(format!("{} retry", job.name));
                self.requeue(job);
            }
        }
        runs
    }

    pub fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::mpsc::{self, RecvTimeoutError};
    use std::thread;
    use std::time::Duration;

    fn job(name: &str, failures_left: u32, attempts_left: u32) -> Job {
        Job {
            name: name.to_owned(),
            failures_left,
            attempts_left,
        }
    }

    /// Runs `work` on a helper thread; fails the test if it takes over 2 s.
    fn within_two_seconds<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || tx.send(work()).unwrap());
        match rx.recv_timeout(Duration::from_secs(2)) {
            Ok(value) => value,
            Err(RecvTimeoutError::Timeout) => panic!("deadlock: the call never returned"),
            Err(RecvTimeoutError::Disconnected) => panic!("the call panicked"),
        }
    }

    #[test]
    fn jobs_that_succeed_run_once() {
        let queue = Arc::new(JobQueue::new(vec![job("backup", 0, 3), job("email", 0, 3)]));
        let q = Arc::clone(&queue);
        assert_eq!(within_two_seconds(move || q.run_pending()), 2);
        assert_eq!(queue.log(), ["backup ok", "email ok"]);
    }

    #[test]
    fn a_failed_job_is_retried_at_the_back() {
        let queue = Arc::new(JobQueue::new(vec![job("sync", 1, 3), job("email", 0, 3)]));
        let q = Arc::clone(&queue);
        assert_eq!(within_two_seconds(move || q.run_pending()), 3);
        assert_eq!(queue.log(), ["sync retry", "email ok", "sync ok"]);
    }

    #[test]
    fn a_job_gives_up_after_its_last_attempt() {
        let queue = Arc::new(JobQueue::new(vec![job("upload", 5, 2)]));
        let q = Arc::clone(&queue);
        assert_eq!(within_two_seconds(move || q.run_pending()), 2);
        assert_eq!(queue.log(), ["upload retry", "upload gave up"]);
    }

    #[test]
    fn several_workers_share_one_queue() {
        let jobs = (0..20).map(|i| job(&format!("job{i}"), i % 3, 3)).collect();
        let queue = Arc::new(JobQueue::new(jobs));
        let q = Arc::clone(&queue);
        let runs = within_two_seconds(move || {
            thread::scope(|s| {
                let workers: Vec<_> = (0..4).map(|_| s.spawn(|| q.run_pending())).collect();
                workers
                    .into_iter()
                    .map(|w| w.join().unwrap())
                    .sum::<usize>()
            })
        });
        // 7 jobs need 1 run, 7 need 2 and 6 need 3.
        assert_eq!(runs, 7 + 14 + 18);
        assert_eq!(
            queue.log().iter().filter(|l| l.ends_with(" ok")).count(),
            20
        );
    }
}
