// fan_out.rs
//
// Write `fan_out`: start `n` threads with `thread::spawn`, give thread `i`
// the shared context and its index, run `job(&ctx, i)` there, and hand the
// JoinHandles back to the caller in index order. The caller joins them
// whenever it likes, so the threads are not scoped.
//
// The signature has no thread-safety bounds yet. Write the body, then add
// exactly the bounds rustc asks for: each one should be something you can
// explain (who moves what to which thread, who shares what).

use std::sync::Arc;
use std::thread::{self, JoinHandle};

pub fn fan_out<C, R, F>(ctx: Arc<C>, n: usize, job: F) -> Vec<JoinHandle<R>>
where
    // Every thread reads the same `C` (Sync), and whichever thread drops the
    // last `Arc` drops the `C` (Send).
    C: Send + Sync + 'static,
    // The result travels back to the joining thread.
    R: Send + 'static,
    // One closure, shared by all threads through an `Arc`.
    F: Fn(&C, usize) -> R + Send + Sync + 'static,
{
    let job = Arc::new(job);
    (0..n)
        .map(|i| {
            let ctx = Arc::clone(&ctx);
            let job = Arc::clone(&job);
            thread::spawn(move || job(&ctx, i))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    fn join_all<R>(handles: Vec<JoinHandle<R>>) -> Vec<R> {
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    }

    #[test]
    fn results_come_back_in_index_order() {
        let prices = Arc::new(vec![120, 80, 45]);
        let doubled = join_all(fan_out(prices, 3, |p, i| p[i] * 2));
        assert_eq!(doubled, vec![240, 160, 90]);
    }

    #[test]
    fn every_thread_sees_the_same_context() {
        let hits = Arc::new(AtomicUsize::new(0));
        join_all(fan_out(Arc::clone(&hits), 5, |h, _| {
            h.fetch_add(1, Ordering::Relaxed);
        }));
        assert_eq!(hits.load(Ordering::Relaxed), 5);
    }

    #[test]
    fn context_can_be_a_mutex() {
        let names = Arc::new(Mutex::new(Vec::new()));
        join_all(fan_out(Arc::clone(&names), 3, |n, i| {
            n.lock().unwrap().push(format!("worker-{i}"));
        }));
        let mut names = names.lock().unwrap().clone();
        names.sort();
        assert_eq!(names, ["worker-0", "worker-1", "worker-2"]);
    }

    #[test]
    fn the_job_may_own_state_that_cannot_be_cloned() {
        // This closure owns an AtomicUsize, so the closure is not Clone:
        // all threads must share the one closure.
        let calls = AtomicUsize::new(0);
        let job = move |base: &u64, i: usize| {
            calls.fetch_add(1, Ordering::Relaxed);
            base + i as u64
        };
        assert_eq!(
            join_all(fan_out(Arc::new(1000), 3, job)),
            vec![1000, 1001, 1002]
        );
    }

    #[test]
    fn zero_threads_is_fine() {
        let handles = fan_out(Arc::new(()), 0, |_: &(), i| i);
        assert!(handles.is_empty());
    }
}
