//! The review schedule, `.learn/schedule.txt`: the memory state (FSRS card)
//! of every question answered, one line each, sorted by question id.
//!
//! ```text
//! # learn review schedule, format 1: ...
//! ownership.mcq.0 2026-11-26T14:03:07Z 3.1262 5.31 1 0 learning 2026-11-25T14:03:07Z 0 1
//! ```
//!
//! Fields, separated by one space: the question's id, when it is next due
//! (UTC), FSRS stability (days), FSRS difficulty (1-10), reviews, lapses,
//! the learning phase (new, learning, review, relearning), the last review
//! (UTC), the days between the last two reviews and the days scheduled.
//!
//! It is its own file, not a table of progress.toml, because every command
//! reads progress.toml and few need the schedule: a plain line format reads
//! a whole course's schedule in well under a millisecond, where TOML took
//! several. A review changes one line, so it diffs well in git.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::log::{format_time, parse_time};
use super::{Card, MemoryState};

pub const CARDS_FILE: &str = "schedule.txt";

/// The format this learn reads and writes; a higher one is a newer learn's.
pub const FORMAT: u32 = 1;

const HEADER_START: &str = "# learn review schedule, format ";

fn header() -> String {
    format!(
        "{HEADER_START}{FORMAT}: one question per line: id, due (UTC), stability (days), difficulty (1-10), reviews, lapses, phase, last review (UTC), elapsed days, scheduled days. Rewritten by learn; safe to commit.\n"
    )
}

/// What reading the schedule gave.
pub(super) enum Read {
    Missing,
    /// The cards, and the lines that could not be read (`line 3: why`).
    Good(BTreeMap<String, Card>, Vec<String>),
    /// Written by a newer learn, in this format number.
    Newer(u32),
    /// Not readable at all (a folder, a FIFO, no permission): why.
    Unusable(String),
}

pub(super) fn read(path: &Path) -> Read {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Read::Missing,
        Err(e) => return Read::Unusable(e.to_string()),
        Ok(meta) if !meta.is_file() => {
            return Read::Unusable("it is not a regular file".to_owned());
        }
        Ok(_) => {}
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Read::Unusable(e.to_string()),
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut cards = BTreeMap::new();
    let mut damaged = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix(HEADER_START) {
            let format: u32 = rest
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(FORMAT);
            if format > FORMAT {
                return Read::Newer(format);
            }
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        match parse(line) {
            Some((id, card)) => {
                cards.insert(id.to_owned(), card);
            }
            None => damaged.push(format!("line {}", n + 1)),
        }
    }
    Read::Good(cards, damaged)
}

/// One line; None when it is not a card as learn writes one.
fn parse(line: &str) -> Option<(&str, Card)> {
    let f: Vec<&str> = line.split(' ').collect();
    let [
        id,
        due,
        stability,
        difficulty,
        reps,
        lapses,
        state,
        last,
        elapsed,
        scheduled,
    ] = f[..]
    else {
        return None;
    };
    let positive = |s: &str| s.parse::<f64>().ok().filter(|x| x.is_finite() && *x >= 0.0);
    let count = |s: &str| s.parse::<i32>().ok().filter(|n| *n >= 0);
    let card = Card {
        due: parse_time(due)?,
        stability: positive(stability)?,
        difficulty: positive(difficulty)?,
        reps: count(reps)?,
        lapses: count(lapses)?,
        state: match state {
            "new" => MemoryState::New,
            "learning" => MemoryState::Learning,
            "review" => MemoryState::Review,
            "relearning" => MemoryState::Relearning,
            _ => return None,
        },
        last_review: parse_time(last)?,
        elapsed_days: elapsed.parse().ok()?,
        scheduled_days: scheduled.parse().ok()?,
    };
    (!id.is_empty()).then_some((id, card))
}

/// The file's text: the header, then one line per card, by id.
pub(super) fn encode(cards: &BTreeMap<String, Card>) -> String {
    let mut text = header();
    for (id, c) in cards {
        let state = match c.state {
            MemoryState::New => "new",
            MemoryState::Learning => "learning",
            MemoryState::Review => "review",
            MemoryState::Relearning => "relearning",
        };
        let _ = writeln!(
            text,
            "{id} {} {} {} {} {} {state} {} {} {}",
            format_time(&c.due),
            c.stability,
            c.difficulty,
            c.reps,
            c.lapses,
            format_time(&c.last_review),
            c.elapsed_days,
            c.scheduled_days
        );
    }
    text
}

/// Cards from two sources (a progress.toml from before the schedule had
/// its own file, and the schedule): per question, the later review wins.
pub(super) fn merge(into: &mut BTreeMap<String, Card>, from: BTreeMap<String, Card>) {
    for (id, card) in from {
        match into.get(&id) {
            Some(have) if have.last_review >= card.last_review => {}
            _ => {
                into.insert(id, card);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn card(day: u32) -> Card {
        Card {
            due: Utc.with_ymd_and_hms(2026, 12, day, 9, 30, 0).unwrap(),
            stability: 3.1262000000000003,
            difficulty: 5.31,
            reps: 2,
            lapses: 1,
            state: MemoryState::Relearning,
            last_review: Utc.with_ymd_and_hms(2026, 11, day, 9, 30, 0).unwrap(),
            elapsed_days: 4,
            scheduled_days: 1,
        }
    }

    #[test]
    fn cards_round_trip_one_line_each_and_damage_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CARDS_FILE);
        let cards = BTreeMap::from([
            ("b.trace.0".to_owned(), card(2)),
            ("a.mcq.0".to_owned(), card(1)),
        ]);
        let text = encode(&cards);
        assert!(text.starts_with("# learn review schedule, format 1: "));
        assert_eq!(text.lines().count(), 3);
        assert!(
            text.contains(
                "\na.mcq.0 2026-12-01T09:30:00Z 3.1262000000000003 5.31 2 1 relearning 2026-11-01T09:30:00Z 4 1\n"
            ),
            "{text}"
        );
        let damaged = text.replace("b.trace.0 2026-12-02", "b.trace.0 2026-12-32")
            + "c.mcq.0 2026-12-01T09:30:00Z NaN 5 1 0 review 2026-11-01T09:30:00Z 0 0\n"
            + "d.mcq.0 2026-12-01T09:30:00Z 1 5 1 0 review 2026-11-01T09:30:00Z 0\n";
        std::fs::write(&path, &damaged).unwrap();
        let Read::Good(back, bad) = read(&path) else {
            panic!("not read")
        };
        assert_eq!(back, BTreeMap::from([("a.mcq.0".to_owned(), card(1))]));
        assert_eq!(bad, ["line 3", "line 4", "line 5"]);

        std::fs::write(&path, &text).unwrap();
        let Read::Good(back, bad) = read(&path) else {
            panic!("not read")
        };
        assert_eq!((back, bad.len()), (cards, 0));
    }

    #[test]
    fn a_newer_format_and_an_unusable_path_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CARDS_FILE);
        assert!(matches!(read(&path), Read::Missing));
        std::fs::write(&path, "# learn review schedule, format 7: ...\nx y\n").unwrap();
        assert!(matches!(read(&path), Read::Newer(7)));
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        assert!(matches!(read(&path), Read::Unusable(_)));
    }

    #[test]
    fn the_later_review_wins_a_merge() {
        let mut into = BTreeMap::from([("q".to_owned(), card(5)), ("r".to_owned(), card(1))]);
        merge(
            &mut into,
            BTreeMap::from([
                ("q".to_owned(), card(3)),
                ("r".to_owned(), card(2)),
                ("s".to_owned(), card(1)),
            ]),
        );
        assert_eq!(into["q"], card(5));
        assert_eq!(into["r"], card(2));
        assert_eq!(into["s"], card(1));
    }
}
