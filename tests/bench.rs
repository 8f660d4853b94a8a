//! Speed benchmarks, run by hand (they print ratios; they never fail on time):
//!
//!     cargo test --release --test bench -- --ignored --nocapture
//!
//! Each measures `learn` against bare `rustc` + running the program on the
//! same file in the same run, so the machine's speed cancels out.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{BIN, TempCourse};

const ROUNDS: usize = 15;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// A new version of the exercise each round, so nothing is answered from a cache.
fn edit(path: &Path, base: &str, round: usize) {
    std::fs::write(path, format!("{base}// round {round}\n")).unwrap();
}

/// `rustc` as a learner would type it (through rustup), then the program.
fn bare_rustc(source: &Path, out: &Path) -> Duration {
    let start = Instant::now();
    let status = Command::new("rustc")
        .args(["--edition", "2021", "-o"])
        .arg(out)
        .arg(source)
        .status()
        .unwrap();
    assert!(status.success());
    let run = Command::new(out).stdout(Stdio::null()).status().unwrap();
    assert!(run.success());
    start.elapsed()
}

#[test]
#[ignore = "benchmark: run by hand with --ignored --nocapture"]
fn run_command_against_bare_rustc() {
    let c = TempCourse::fixture("basic");
    let source = c.path("exercises/passes.rs");
    let base = c.read("exercises/passes.rs");
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("bare");
    // Warm both (first incremental session, page cache).
    c.learn().args(["run", "passes"]).assert().success();
    bare_rustc(&source, &out);

    let (mut learn, mut bare) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        edit(&source, &base, round);
        let start = Instant::now();
        c.learn().args(["run", "passes"]).assert().success();
        learn.push(start.elapsed());
        edit(&source, &base, round + 1000);
        bare.push(bare_rustc(&source, &out));
    }
    let (l, b) = (median(learn), median(bare));
    println!(
        "learn run: median {l:?}; bare rustc + run: median {b:?}; ratio {:.2} (target <= 1.10)",
        l.as_secs_f64() / b.as_secs_f64()
    );

    let mut list = Vec::new();
    for _ in 0..ROUNDS {
        let start = Instant::now();
        c.learn().arg("list").assert().success();
        list.push(start.elapsed());
    }
    let ls = median(list);
    println!(
        "learn list: median {ls:?}; {:.3} of one bare compile (target: well under 0.10)",
        ls.as_secs_f64() / b.as_secs_f64()
    );
}

/// Time from a save until watch mode prints the verdict, against bare rustc
/// on the same content; then watch mode's idle CPU and memory.
#[test]
#[ignore = "benchmark: run by hand with --ignored --nocapture"]
fn watch_save_to_verdict_against_bare_rustc() {
    let c = TempCourse::fixture("basic");
    let source = c.path("exercises/passes.rs");
    let base = c.read("exercises/passes.rs");
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("bare");

    let mut child = Command::new(BIN)
        .arg("watch")
        .current_dir(c.root())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let transcript = common::capture(child.stdout.take().unwrap());
    let passes = "exercises/passes.rs passes";
    let count = |t: &Arc<Mutex<String>>| t.lock().unwrap().matches(passes).count();
    let wait_for = |n: usize| {
        let start = Instant::now();
        while count(&transcript) < n {
            assert!(start.elapsed() < Duration::from_secs(60), "no verdict");
            std::thread::sleep(Duration::from_micros(200));
        }
    };
    wait_for(1);
    bare_rustc(&source, &out);

    let (mut watch, mut bare) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let seen = count(&transcript);
        let start = Instant::now();
        edit(&source, &base, round);
        wait_for(seen + 1);
        watch.push(start.elapsed());
        // Let the redraw finish before the bare compile competes for the CPU.
        std::thread::sleep(Duration::from_millis(100));
        edit(&source, &base, round + 1000);
        bare.push(bare_rustc(&source, &out));
        std::thread::sleep(Duration::from_millis(100));
        // Put the watched file back to a content watch mode has not checked.
        let seen = count(&transcript);
        edit(&source, &base, round + 2000);
        wait_for(seen + 1);
    }
    let (w, b) = (median(watch), median(bare));
    println!(
        "watch save -> verdict: median {w:?}; bare rustc + run: median {b:?}; ratio {:.2} (target <= 1.10)",
        w.as_secs_f64() / b.as_secs_f64()
    );

    // Idle: no events for two seconds.
    let pid = child.id();
    let ticks = || -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
        let after = &stat[stat.rfind(')').unwrap() + 2..];
        let f: Vec<&str> = after.split(' ').collect();
        f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()
    };
    std::thread::sleep(Duration::from_millis(500));
    let before = ticks();
    std::thread::sleep(Duration::from_secs(2));
    let idle = ticks() - before;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let rss = status
        .lines()
        .find(|l| l.starts_with("VmRSS"))
        .unwrap_or("VmRSS: ?");
    println!("idle for 2 s: {idle} CPU ticks (target 0); {rss} (target < 20 MB)");
    let _ = child.kill();
    let _ = child.wait();
}
