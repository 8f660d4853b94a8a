// lazy_steps.rs
//
// A deploy script written with async functions. std has no async runtime,
// so this file brings a minimal one: `block_on` polls a future in a loop
// until it is ready. (It busy-polls, which is only acceptable for futures
// that never wait for anything outside, like the ones here. You will write
// a proper executor later in this step.)
//
// The program should print the four deploy stages in order. It does not
// compile yet, and once it does, one stage is missing from the output.

use std::pin::pin;
use std::task::{Context, Poll, Waker};

fn block_on<F: Future>(fut: F) -> F::Output {
    let mut fut = pin!(fut);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(out) = fut.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

async fn build(service: &str) -> u32 {
    println!("build {service}");
    3
}

async fn upload(service: &str, artifacts: u32) {
    println!("upload {artifacts} artifacts of {service}");
}

async fn notify(service: &str) {
    println!("notify on-call about {service}");
}

async fn deploy(service: &str) -> bool {
    let artifacts = build(service).await;
    upload(service, artifacts).await;
    notify(service).await;
    true
}

fn main() {
    let ok = block_on(deploy("billing"));
    println!("deployed: {ok}");
}
