// Exercise: borrowing
//
// A tiny document editor. The borrow rules: at any moment a value has
// EITHER any number of shared borrows (&T) OR exactly one mutable borrow
// (&mut T), and a borrow lasts until its last use.
// `main` breaks that rule twice (errors E0502 and E0499).
//
// Fix both places by REORDERING statements (no clone, no new variables),
// so that the program prints exactly:
//
//   old title: draft
//   new title: release notes
//   ## Changes
//   - faster startup (reviewed)

struct Document {
    title: String,
    lines: Vec<String>,
}

impl Document {
    fn title(&self) -> &str {
        &self.title
    }

    fn set_title(&mut self, title: &str) {
        self.title = title.to_string();
    }

    fn line_mut(&mut self, i: usize) -> &mut String {
        &mut self.lines[i]
    }
}

fn main() {
    let mut doc = Document {
        title: String::from("draft"),
        lines: vec![String::from("Changes"), String::from("- faster startup")],
    };

    // TODO (1): `old` is a shared borrow of `doc` that is still in use
    // after `set_title` has borrowed `doc` mutably.
    let old = doc.title();
    doc.set_title("release notes");
    println!("old title: {old}");
    println!("new title: {}", doc.title());

    // TODO (2): `heading` and `item` are two mutable borrows of `doc` that
    // are in use at the same time.
    let heading = doc.line_mut(0);
    let item = doc.line_mut(1);
    heading.insert_str(0, "## ");
    item.push_str(" (reviewed)");

    for line in &doc.lines {
        println!("{line}");
    }
}
