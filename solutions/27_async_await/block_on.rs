// block_on.rs
//
// Write a real `block_on`: the smallest useful executor. It runs one future
// to completion on the current thread, and sleeps while the future waits
// instead of polling it in a busy loop.
//
// The plan:
//   * a waker that, when woken, unparks the thread running `block_on`
//     (`ThreadWaker` below; `std::task::Wake` turns an `Arc` of it into a
//     `Waker`);
//   * pin the future on the stack, then loop: poll it with a `Context` made
//     from that waker; on `Ready` return the value, on `Pending` park the
//     thread until a wake-up arrives.
// `thread::park` returns at once if `unpark` was already called, so a wake
// that comes before the park is not lost. The tests are the spec.

use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

struct ThreadWaker {
    thread: Thread,
}

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.thread.unpark();
    }
}

pub fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let waker = Waker::from(Arc::new(ThreadWaker {
        thread: thread::current(),
    }));
    let mut cx = Context::from_waker(&waker);
    loop {
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(value) => return value,
            Poll::Pending => thread::park(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::pin::Pin;
    use std::rc::Rc;
    use std::sync::Mutex;
    use std::time::Duration;

    /// Pending once, after asking to be polled again at once.
    struct YieldNow(bool);

    impl Future for YieldNow {
        type Output = ();
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            if self.0 {
                return Poll::Ready(());
            }
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }

    /// Ready after a helper thread has slept; counts how often it is polled.
    struct Delay {
        state: Arc<Mutex<(bool, Option<Waker>)>>,
        started: bool,
        polls: u32,
    }

    impl Delay {
        fn new() -> Self {
            Delay {
                state: Arc::new(Mutex::new((false, None))),
                started: false,
                polls: 0,
            }
        }
    }

    impl Future for Delay {
        type Output = u32;
        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
            self.polls += 1;
            let mut state = self.state.lock().unwrap();
            if state.0 {
                drop(state);
                return Poll::Ready(self.polls);
            }
            state.1 = Some(cx.waker().clone());
            drop(state);
            if !self.started {
                self.started = true;
                let shared = Arc::clone(&self.state);
                thread::spawn(move || {
                    thread::sleep(Duration::from_millis(50));
                    let mut state = shared.lock().unwrap();
                    state.0 = true;
                    if let Some(waker) = state.1.take() {
                        waker.wake();
                    }
                });
            }
            Poll::Pending
        }
    }

    async fn add(a: u32, b: u32) -> u32 {
        YieldNow(false).await;
        a + b
    }

    #[test]
    fn returns_a_ready_value() {
        assert_eq!(block_on(async { 6 * 7 }), 42);
    }

    #[test]
    fn drives_nested_awaits_that_yield() {
        let total = block_on(async { add(1, 2).await + add(3, 4).await });
        assert_eq!(total, 10);
    }

    #[test]
    fn wakes_up_when_another_thread_calls_wake() {
        let polls = block_on(Delay::new());
        // 2 polls normally; a spurious unpark may add one or two more. A busy
        // loop would poll thousands of times in 50 ms.
        assert!(polls <= 5, "the future was polled {polls} times");
    }

    #[test]
    fn futures_need_not_be_send_on_the_current_thread() {
        let total = block_on(async {
            let prices = Rc::new(vec![3, 4]);
            YieldNow(false).await;
            prices.iter().sum::<u32>()
        });
        assert_eq!(total, 7);
    }
}
