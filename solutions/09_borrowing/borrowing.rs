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

    // The shared borrow `header` ends at its last use, before push_line.
    let header = buf.line(0);
    println!("header: {header}");
    buf.push_line("// end of file");

    // One mutable borrow at a time: `first` is done before `last` starts.
    let first = buf.line_mut(0);
    first.insert_str(0, "pub ");
    let last = buf.line_mut(2);
    last.push_str(" (edited)");

    for line in &buf.lines {
        println!("{line}");
    }
}
