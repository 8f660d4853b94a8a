//! Speed benchmarks, run by hand (they print ratios; they never fail on time):
//!
//!     cargo test --release --test bench -- --ignored --nocapture
//!
//! Each measures `learn` against bare `rustc` + running the program on the
//! same file in the same run, so the machine's speed cancels out.

mod common;

use std::io::Write as _;
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

/// rustc with the flags tuned for an edit-compile-run cycle (no debug info,
/// incremental), without linking std dynamically, then the program.
fn tuned_rustc(source: &Path, out: &Path, incremental: &Path) -> Duration {
    let start = Instant::now();
    let status = Command::new("rustc")
        .args(["--edition", "2021", "-C", "strip=debuginfo", "-C"])
        .arg(format!("incremental={}", incremental.display()))
        .arg("-o")
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
    let incremental = scratch.path().join("incremental");
    tuned_rustc(&source, &out, &incremental);

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
        bare.push(tuned_rustc(&source, &out, &incremental));
        std::thread::sleep(Duration::from_millis(100));
        // Put the watched file back to a content watch mode has not checked.
        let seen = count(&transcript);
        edit(&source, &base, round + 2000);
        wait_for(seen + 1);
    }
    let (w, b) = (median(watch), median(bare));
    println!(
        "watch save -> verdict: median {w:?}; tuned bare rustc + run: median {b:?}; ratio {:.2} (target <= 1.00)",
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

/// A year of daily use: 100,000 answers in the review log and a card for
/// every question of the built-in course. `learn list`, one save (a hint)
/// and `learn stats` against one bare compile.
#[test]
#[ignore = "benchmark: run by hand with --ignored --nocapture"]
fn a_long_history_against_bare_rustc() {
    let c = TempCourse::builtin();
    let source = c.path("exercises/01_intro/intro.rs");
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("bare");
    let solution = c.read("solutions/01_intro/intro.rs");
    let fixed = scratch.path().join("intro.rs");
    std::fs::write(&fixed, &solution).unwrap();
    let _ = &source;

    // Cards for every question, then 100,000 log lines over a year.
    let ids: Vec<String> = {
        let out = Command::new(BIN)
            .args(["--course"])
            .arg(c.root())
            .args(["stats", "--json"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let info = c.read("info.toml");
        let course: toml::Table = info.parse().unwrap();
        let mut ids = Vec::new();
        for step in course["steps"].as_array().unwrap() {
            let name = step["name"].as_str().unwrap();
            for (kind, key) in [
                ("mcq", "mcq"),
                ("trace", "trace"),
                ("interview", "interview"),
            ] {
                let n = step.get(key).and_then(|v| v.as_array()).map_or(0, Vec::len);
                for i in 0..n {
                    ids.push(format!("{name}.{kind}.{i}"));
                }
            }
        }
        ids
    };
    let mut schedule = String::from("# learn review schedule, format 1\n");
    for id in &ids {
        schedule.push_str(&format!(
            "{id} 2027-01-01T00:00:00Z 12.5 5.1 9 1 review 2026-11-01T00:00:00Z 3 12\n"
        ));
    }
    c.write(".learn/schedule.txt", &schedule);
    c.write(".learn/progress.toml", "version = 2\ncurrent = \"intro\"\n");
    let mut log = String::from("# learn review log\n");
    for n in 0..100_000u64 {
        let day = 1 + (n % 28);
        let month = 1 + (n / 28) % 12;
        log.push_str(&format!(
            "2026-{month:02}-{day:02}T12:00:00Z {} {} a\n",
            ids[(n as usize) % ids.len()],
            1 + n % 4
        ));
    }
    c.write(".learn/reviews.log", &log);
    // A learner's course was written long ago: learn caches its parse (a
    // course written in the last seconds is parsed every time).
    let an_hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(c.path("info.toml"))
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    println!(
        "history: {} cards, schedule.txt {} KiB, reviews.log {} KiB",
        ids.len(),
        schedule.len() / 1024,
        log.len() / 1024
    );

    bare_rustc(&fixed, &out);
    // The first `learn stats` sums up the whole log; later ones read what
    // was appended since (here one answer per round).
    c.learn().arg("list").assert().success(); // the course's parse cached
    let start = Instant::now();
    c.learn().arg("stats").assert().success();
    let first_stats = start.elapsed();
    let (mut list, mut save, mut stats, mut bare) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (round, id) in ids.iter().enumerate().take(ROUNDS) {
        let start = Instant::now();
        c.learn().arg("list").assert().success();
        list.push(start.elapsed());
        let start = Instant::now();
        c.learn().args(["hint", "1"]).assert().success();
        save.push(start.elapsed());
        let mut appended = std::fs::OpenOptions::new()
            .append(true)
            .open(c.path(".learn/reviews.log"))
            .unwrap();
        writeln!(appended, "2026-12-01T12:00:{round:02}Z {id} 3 a").unwrap();
        let start = Instant::now();
        c.learn().arg("stats").assert().success();
        stats.push(start.elapsed());
        bare.push(bare_rustc(&fixed, &out));
    }
    let b = median(bare);
    println!(
        "the first learn stats with 100,000 answers (sums up the whole log): {first_stats:?}; {:.3} of one bare compile ({b:?})",
        first_stats.as_secs_f64() / b.as_secs_f64()
    );
    for (what, v) in [
        ("learn list", list),
        ("one save (learn hint)", save),
        ("learn stats after one more answer", stats),
    ] {
        let m = median(v);
        println!(
            "{what} with 100,000 answers: median {m:?}; {:.3} of one bare compile ({b:?}) (target < 0.10)",
            m.as_secs_f64() / b.as_secs_f64()
        );
    }
}
