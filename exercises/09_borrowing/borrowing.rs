// Exercise: borrowing
//
// A tiny text-editor buffer. The borrow rules say: at any moment a value
// has EITHER any number of shared borrows (&T) OR exactly one mutable
// borrow (&mut T), and a borrow lasts until its last use.
// `main` breaks that rule twice (errors E0502 and E0499).
//
// Fix both places by REORDERING statements (no clone, no new variables),
// so that the program prints exactly:
//
//   header: fn main() {
//   pub fn main() {
//   }
//   // end of file (edited)

struct Buffer {
    lines: Vec<String>,
}

impl Buffer {
    fn line(&self, i: usize) -> &str {
        &self.lines[i]
    }

    fn push_line(&mut self, text: &str) {
        self.lines.push(text.to_string());
    }

    fn line_mut(&mut self, i: usize) -> &mut String {
        &mut self.lines[i]
    }
}

fn main() {
    let mut buf = Buffer {
        lines: vec![String::from("fn main() {"), String::from("}")],
    };

    // TODO (1): `header` is a shared borrow of `buf` that is still used
    // after `push_line` has borrowed `buf` mutably.
    let header = buf.line(0);
    buf.push_line("// end of file");
    println!("header: {header}");

    // TODO (2): `first` and `last` are two mutable borrows of `buf` that
    // are alive at the same time. Finish with one before taking the other.
    let first = buf.line_mut(0);
    let last = buf.line_mut(2);
    first.insert_str(0, "pub ");
    last.push_str(" (edited)");

    for line in &buf.lines {
        println!("{line}");
    }
}
