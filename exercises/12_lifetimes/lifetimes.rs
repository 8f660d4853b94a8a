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

// TODO (1): this struct stores a reference; give it a lifetime parameter.
struct Entry {
    line: &str,
}

impl Entry {
    // Elision ties the result to `&self`; with a lifetime on the struct you
    // can promise more: the result borrows from the log line itself.
    fn level(&self) -> &str {
        self.line.split(':').next().unwrap_or("")
    }
}

// TODO (1): the result is either `nick` or `full`; say so with one lifetime.
fn display_name(nick: &str, full: &str) -> &str {
    if nick.is_empty() { full } else { nick }
}

fn main() {
    let log = String::from("WARN: disk 91% full");
    let entry = Entry { line: &log };
    println!("level: {}", entry.level());

    let nick = String::new();
    let shown;
    {
        // TODO (2): `full` dies at the closing brace below.
        let full = String::from("Grace Hopper");
        shown = display_name(&nick, &full);
    }
    println!("shown: {shown}");
}
