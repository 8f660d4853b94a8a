// Exercise: lifetimes
//
// `Entry` keeps a borrowed line of a log file, and `display_name` returns
// one of two borrowed names. A reference that is returned or stored must
// say which input it borrows from; as shipped rustc cannot tell (E0106).
//
// 1. Add lifetime parameters to `Entry` (and its impl) and to
//    `display_name`.
// 2. Then rustc finds a real bug in `main` (E0597): `full` is dropped at
//    the end of the inner block, but `shown` may point into it and is used
//    afterwards. Make `full` live long enough.
//
// The program must print exactly:
//
//   level: WARN
//   shown: Grace Hopper

// An Entry cannot outlive the line it borrows.
struct Entry<'a> {
    line: &'a str,
}

impl<'a> Entry<'a> {
    // The result borrows from the log line, not from the Entry.
    fn level(&self) -> &'a str {
        self.line.split(':').next().unwrap_or("")
    }
}

// The result is valid as long as BOTH inputs are.
fn display_name<'a>(nick: &'a str, full: &'a str) -> &'a str {
    if nick.is_empty() { full } else { nick }
}

fn main() {
    let log = String::from("WARN: disk 91% full");
    let entry = Entry { line: &log };
    println!("level: {}", entry.level());

    let nick = String::new();
    // `full` now lives until the end of main, as long as `shown`.
    let full = String::from("Grace Hopper");
    let shown = display_name(&nick, &full);
    println!("shown: {shown}");
}
