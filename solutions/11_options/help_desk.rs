// Exercise: help_desk
//
// A help desk that works on one ticket at a time. The ticket in progress
// lives in an `Option<Ticket>` field: `None` when the agent is free.
// Two methods try to get at what is inside an Option that belongs to
// `self`, and rustc refuses both: a method that only borrows the desk
// cannot move things out of it.
//
// Fix the two methods (see the TODOs) so that the program prints exactly:
//
//   working on #7: printer jam (note: toner checked)
//   closed #7
//   free: true, note: none
//   working on #8: vpn down (note: none)

use std::collections::VecDeque;

#[derive(Debug)]
struct Ticket {
    id: u32,
    title: String,
    note: Option<String>,
}

struct Desk {
    current: Option<Ticket>,
    waiting: VecDeque<Ticket>,
}

impl Desk {
    /// The note of the ticket in progress, if there is one and it has a note.
    fn current_note(&self) -> Option<&str> {
        // `as_ref` turns `&Option<Ticket>` into `Option<&Ticket>`, and
        // `as_deref` turns `&Option<String>` into `Option<&str>`: nothing
        // moves, and the &str borrows the note stored in the desk.
        self.current.as_ref().and_then(|t| t.note.as_deref())
    }

    /// Closes the ticket in progress and hands it back; the desk is free
    /// afterwards.
    fn close_current(&mut self) -> Option<Ticket> {
        // `take` moves the ticket out and leaves `None` in the field.
        self.current.take()
    }

    /// Starts the first waiting ticket if the desk is free (`pop_front`
    /// returns None when nobody is waiting).
    fn start_next(&mut self) {
        if self.current.is_none() {
            self.current = self.waiting.pop_front();
        }
    }

    fn status(&self) -> String {
        match &self.current {
            Some(t) => {
                let note = self.current_note().unwrap_or("none");
                format!("working on #{}: {} (note: {note})", t.id, t.title)
            }
            None => format!("free: true, note: {}", self.current_note().unwrap_or("none")),
        }
    }
}

fn main() {
    let jam = Ticket {
        id: 7,
        title: "printer jam".into(),
        note: Some("toner checked".into()),
    };
    let vpn = Ticket {
        id: 8,
        title: "vpn down".into(),
        note: None,
    };
    let mut desk = Desk {
        current: Some(jam),
        waiting: VecDeque::from([vpn]),
    };

    println!("{}", desk.status());
    if let Some(t) = desk.close_current() {
        println!("closed #{}", t.id);
    }
    println!("{}", desk.status());
    desk.start_next();
    println!("{}", desk.status());
}
