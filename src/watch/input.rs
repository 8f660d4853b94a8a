//! Learner input for watch mode: key presses on a terminal, or one answer per
//! line when stdin is not a terminal (scripts and tests).

use std::io::BufRead;
use std::sync::mpsc::Sender;

use console::{Key, Term};

use super::Event;

/// One unit of learner input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    Line(String),
    /// stdin ended (no terminal) or the terminal went away.
    Closed,
}

/// Start the thread that turns keys or lines into events.
pub fn spawn(tty: bool, tx: Sender<Event>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            if tty {
                let term = Term::stdout();
                // The raw read reports Ctrl-C as a key, so quitting restores the terminal.
                while let Ok(key) = term.read_key_raw() {
                    if tx.send(Event::Input(Input::Key(key))).is_err() {
                        return;
                    }
                }
            } else {
                for line in std::io::stdin().lock().lines() {
                    let Ok(line) = line else { break };
                    if tx.send(Event::Input(Input::Line(line))).is_err() {
                        return;
                    }
                }
            }
            let _ = tx.send(Event::Input(Input::Closed));
        })
        .map(drop)
}
