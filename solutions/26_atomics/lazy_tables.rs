// Exercise: lazy_tables
//
// A unit converter keeps a global table of conversion factors, built once
// and then read by many worker threads. Building it is expensive, so
// `build_table` must run only on first use, and only ONCE, however many
// threads race to that first use.
//
// rustc rejects the static below (E0015). Make the table lazily
// initialised using std only (no lazy_static, no once_cell), so that the
// program prints exactly:
//
//   5 km = 5000 m
//   3 h = 10800 s
//   2 mi = 3218 m
//   12 kg = unknown unit
//   table built 1 time(s)

use std::collections::HashMap;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

type Table = HashMap<&'static str, (u64, &'static str)>;

static BUILDS: AtomicUsize = AtomicUsize::new(0);

fn build_table() -> Table {
    BUILDS.fetch_add(1, Ordering::Relaxed);
    HashMap::from([
        ("km", (1000, "m")),
        ("mi", (1609, "m")),
        ("h", (3600, "s")),
        ("min", (60, "s")),
    ])
}

// `LazyLock` runs `build_table` on the first dereference; threads that
// arrive meanwhile block until it is done, and all later reads are cheap.
static UNITS: LazyLock<Table> = LazyLock::new(build_table);

fn convert(amount: u64, unit: &str) -> String {
    match UNITS.get(unit) {
        Some((factor, base)) => format!("{amount} {unit} = {} {base}", amount * factor),
        None => format!("{amount} {unit} = unknown unit"),
    }
}

fn main() {
    let requests = [(5, "km"), (3, "h"), (2, "mi"), (12, "kg")];
    // One thread per request; joining them in order keeps the output stable.
    let lines: Vec<String> = thread::scope(|s| {
        let workers: Vec<_> = requests
            .iter()
            .map(|&(amount, unit)| s.spawn(move || convert(amount, unit)))
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    for line in &lines {
        println!("{line}");
    }
    // The scope joined every thread, so Relaxed sees the final count.
    println!("table built {} time(s)", BUILDS.load(Ordering::Relaxed));
}
