// oneshot.rs
//
// Write a one-shot channel, the building block async code uses to wait for
// another thread. The sender sends one value or is dropped without sending;
// the receiver is a future that resolves to `Ok(value)`, or to
// `Err(Canceled)` once the sender is gone without sending. The heart of it
// is the waker protocol: a `poll` that finds nothing yet stores the waker
// of its `Context` (the latest one: an executor may poll with a new waker)
// and returns `Pending`; whatever changes the state later must wake it.
// The tests poll the receiver by hand with counting wakers: they are the spec.

use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

#[derive(Debug, PartialEq)]
pub struct Canceled;

struct Shared<T> {
    value: Option<T>,
    sender_gone: bool,
    waker: Option<Waker>,
}

pub struct Sender<T> {
    shared: Arc<Mutex<Shared<T>>>,
}

pub struct Receiver<T> {
    shared: Arc<Mutex<Shared<T>>>,
}

pub fn oneshot<T>() -> (Sender<T>, Receiver<T>) {
    let shared = Arc::new(Mutex::new(Shared {
        value: None,
        sender_gone: false,
        waker: None,
    }));
    let sender = Sender {
        shared: Arc::clone(&shared),
    };
    (sender, Receiver { shared })
}

impl<T> Sender<T> {
    pub fn send(self, value: T) {
        // Store only; waking happens in `drop`, which runs right after.
        self.shared.lock().unwrap().value = Some(value);
    }
}

impl<T> Drop for Sender<T> {
    fn drop(&mut self) {
        // Runs after `send` too: either way the receiver has news. Wake
        // after the lock is released: waking may poll the receiver at
        // once, on this thread, and it takes the same lock.
        let waker = {
            let mut shared = self.shared.lock().unwrap();
            shared.sender_gone = true;
            shared.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}

impl<T> Future for Receiver<T> {
    type Output = Result<T, Canceled>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // `Receiver` is `Unpin` (it holds only an `Arc`): the pin is no obstacle.
        let mut shared = self.shared.lock().unwrap();
        if let Some(value) = shared.value.take() {
            Poll::Ready(Ok(value))
        } else if shared.sender_gone {
            Poll::Ready(Err(Canceled))
        } else {
            shared.waker = Some(cx.waker().clone());
            Poll::Pending
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::task::Wake;
    use std::thread;

    /// A waker that counts its wake-ups.
    struct Counter(AtomicUsize);

    impl Wake for Counter {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    fn counting_waker() -> (Waker, Arc<Counter>) {
        let counter = Arc::new(Counter(AtomicUsize::new(0)));
        (Waker::from(Arc::clone(&counter)), counter)
    }

    fn woken(counter: &Counter) -> bool {
        counter.0.load(Ordering::SeqCst) > 0
    }

    fn poll_with<T>(rx: &mut Receiver<T>, waker: &Waker) -> Poll<Result<T, Canceled>> {
        Pin::new(rx).poll(&mut Context::from_waker(waker))
    }

    #[test]
    fn value_sent_before_the_first_poll() {
        let (tx, mut rx) = oneshot();
        tx.send("ready");
        assert_eq!(poll_with(&mut rx, Waker::noop()), Poll::Ready(Ok("ready")));
    }

    #[test]
    fn a_send_from_another_thread_wakes_the_receiver() {
        let (tx, mut rx) = oneshot();
        let (waker, counter) = counting_waker();
        assert!(poll_with(&mut rx, &waker).is_pending());
        let sender = thread::spawn(move || tx.send(String::from("pdf")));
        sender.join().unwrap();
        assert!(woken(&counter), "nobody woke the receiver");
        let ready = poll_with(&mut rx, &waker);
        assert_eq!(ready, Poll::Ready(Ok(String::from("pdf"))));
    }

    #[test]
    fn a_dropped_sender_wakes_and_cancels() {
        let (tx, mut rx) = oneshot::<u32>();
        let (waker, counter) = counting_waker();
        assert!(poll_with(&mut rx, &waker).is_pending());
        thread::spawn(move || drop(tx)).join().unwrap();
        assert!(woken(&counter), "nobody woke the receiver");
        assert_eq!(poll_with(&mut rx, &waker), Poll::Ready(Err(Canceled)));
    }

    #[test]
    fn only_the_latest_waker_is_woken() {
        let (tx, mut rx) = oneshot();
        let (old_waker, old) = counting_waker();
        let (new_waker, new) = counting_waker();
        assert!(poll_with(&mut rx, &old_waker).is_pending());
        assert!(poll_with(&mut rx, &new_waker).is_pending());
        tx.send('x');
        assert!(!woken(&old), "an outdated waker was woken");
        assert!(woken(&new), "the latest waker was not woken");
        assert_eq!(poll_with(&mut rx, &new_waker), Poll::Ready(Ok('x')));
    }
}
