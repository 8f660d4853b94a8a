//! The review log, `.learn/reviews.log`: every answer that counts for the
//! schedule, one line each, appended, never rewritten. It grows with use,
//! so it lives beside progress.toml (whose size stays bounded by the course),
//! and only the commands that need the history read it.
//!
//! ```text
//! # learn review log: ...
//! 2026-11-25T14:03:07Z ownership.mcq.0 3 b
//! ```
//!
//! Fields, separated by one space: the time (UTC, to the second), the
//! question's id, the rating (1 again, 2 hard, 3 good, 4 easy) and, for a
//! multiple-choice question, the letters of the choices picked, in the order
//! info.toml lists them (`a` is its first choice, whatever order was shown).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

pub const LOG_FILE: &str = "reviews.log";

const HEADER: &str = "# learn review log: one answer per line: time (UTC), question id, rating (1 again, 2 hard, 3 good, 4 easy), choices picked (a = the first in info.toml). Appended by learn; safe to commit.\n";

/// One answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub at: DateTime<Utc>,
    pub question: String,
    /// 1 again, 2 hard, 3 good, 4 easy.
    pub rating: u8,
    /// For an MCQ: the letters picked, in info.toml's order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picked: Option<String>,
}

impl Review {
    /// MCQ and tracing answers are stored as 3 (right) or 1 (wrong); an
    /// interview recall rated hard or worse does not count as correct.
    pub fn correct(&self) -> bool {
        self.rating >= 3
    }

    fn line(&self) -> String {
        let mut line = format!(
            "{} {} {}",
            format_time(&self.at),
            self.question,
            self.rating
        );
        if let Some(p) = &self.picked {
            line.push(' ');
            line.push_str(p);
        }
        line.push('\n');
        line
    }

    /// The answer, borrowed.
    pub fn answer(&self) -> Answer<'_> {
        Answer {
            at: self.at,
            question: &self.question,
            rating: self.rating,
        }
    }
}

/// An answer as the figures need it, borrowed from the line it was read
/// from: walking a long log this way allocates nothing per line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer<'a> {
    pub at: DateTime<Utc>,
    pub question: &'a str,
    /// 1 again, 2 hard, 3 good, 4 easy.
    pub rating: u8,
}

impl Answer<'_> {
    /// As [`Review::correct`].
    pub fn correct(&self) -> bool {
        self.rating >= 3
    }
}

/// A line of the log, and what follows its rating (the choices picked,
/// when it records them); None for a comment or a damaged line.
fn parse(line: &str) -> Option<(Answer<'_>, &str)> {
    // Field by field on the bytes: `learn stats` reads every line.
    let at = parse_time(line.get(..20)?)?;
    let rest = line.get(20..)?.strip_prefix(' ')?;
    let end = rest.bytes().position(|b| b == b' ').filter(|&e| e > 0)?;
    let (question, rest) = (&rest[..end], &rest[end + 1..]);
    match rest.as_bytes() {
        [d @ b'1'..=b'4'] => Some((answer(at, question, *d), "")),
        [d @ b'1'..=b'4', b' ', ..] => Some((answer(at, question, *d), &rest[2..])),
        _ => None,
    }
}

/// The choices a line records, from what follows its rating.
fn picked(tail: &str) -> Option<&str> {
    (!tail.is_empty()).then(|| tail.split(' ').next().unwrap_or_default())
}

fn answer(at: DateTime<Utc>, question: &str, digit: u8) -> Answer<'_> {
    Answer {
        at,
        question,
        rating: digit - b'0',
    }
}

/// A time as the log and the schedule write it: `YYYY-MM-DDTHH:MM:SSZ`.
pub(super) fn format_time(at: &DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `YYYY-MM-DDTHH:MM:SSZ`, read digit by digit: the log of a year of daily
/// use has 100,000 lines, and `learn stats` reads them all.
pub(super) fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() != 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[19] != b'Z' {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        b[from..to].iter().try_fold(0u32, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 7)?, num(8, 10)?)?;
    let time = NaiveTime::from_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)?;
    Some(NaiveDateTime::new(date, time).and_utc())
}

/// Append answers. The caller holds the progress lock; a line is written in
/// one call, and a line that a killed writer left half-written is ended
/// first, so each answer stays on a line of its own.
pub(super) fn append(path: &Path, reviews: &[Review]) -> Result<()> {
    if reviews.is_empty() {
        return Ok(());
    }
    check_regular(path)?;
    let existing = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let mut text = String::new();
    if existing == 0 {
        text.push_str(HEADER);
    } else if !ends_with_newline(path)? {
        text.push('\n');
    }
    for r in reviews {
        text.push_str(&r.line());
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot open the review log {}", path.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write the review log {}", path.display()))
}

/// A log that is not a regular file (a folder, a FIFO, which would block
/// every reader and writer) is an error that says what to do.
pub(super) fn check_regular(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => bail!(
            "the review log {} is not a regular file: move it away (learn writes a new one) and run learn again",
            path.display()
        ),
        _ => Ok(()),
    }
}

fn ends_with_newline(path: &Path) -> Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(path)
        .with_context(|| format!("cannot read the review log {}", path.display()))?;
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

/// Every answer in the log, oldest first; damaged lines are skipped.
pub(super) fn read(path: &Path) -> Result<Vec<Review>> {
    let mut reviews = Vec::new();
    each(path, |answer, tail| {
        reviews.push(Review {
            at: answer.at,
            question: answer.question.to_owned(),
            rating: answer.rating,
            picked: picked(tail).map(str::to_owned),
        });
    })?;
    Ok(reviews)
}

/// Walk the answers in the log, oldest first, each with what follows its
/// rating (see `picked`); damaged lines are skipped. The log is read through a small
/// buffer, a line at a time: `learn stats` walks a year of answers
/// (100,000 lines, 4 MB) without holding them.
pub(super) fn each(path: &Path, mut f: impl FnMut(Answer<'_>, &str)) -> Result<()> {
    each_from(path, 0, |answer, tail, _| f(answer, tail)).map(|_| ())
}

/// As [`each`], from byte `from` on (the start of a line), telling `f`
/// whether the line is complete (ends with a newline; a writer may still be
/// at the last one). Returns where the last complete line ends, the place
/// to go on from next time.
pub(super) fn each_from(
    path: &Path,
    from: u64,
    mut f: impl FnMut(Answer<'_>, &str, bool),
) -> Result<u64> {
    use std::io::{BufRead, Seek, SeekFrom};
    check_regular(path)?;
    let context = || format!("cannot read the review log {}", path.display());
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(e).with_context(context),
    };
    if from > 0 {
        file.seek(SeekFrom::Start(from)).with_context(context)?;
    }
    let mut reader = std::io::BufReader::with_capacity(64 * 1024, file);
    let mut line = Vec::with_capacity(128);
    let mut end = from;
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line).with_context(context)?;
        if read == 0 {
            return Ok(end);
        }
        let complete = line.ends_with(b"\n");
        if complete {
            end += read as u64;
        }
        let bytes = line.strip_suffix(b"\n").unwrap_or(&line);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        // A damaged byte damages its line only.
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(bytes),
        };
        if let Some((answer, tail)) = parse(&text) {
            f(answer, tail, complete);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn review(sec: u32, q: &str, rating: u8, picked: Option<&str>) -> Review {
        Review {
            at: Utc.with_ymd_and_hms(2026, 11, 25, 14, 3, sec).unwrap(),
            question: q.into(),
            rating,
            picked: picked.map(str::to_owned),
        }
    }

    #[test]
    fn lines_round_trip_and_damage_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(LOG_FILE);
        let a = review(7, "ownership.mcq.0", 3, Some("b"));
        let b = review(9, "ownership.trace.1", 1, None);
        append(&path, std::slice::from_ref(&a)).unwrap();
        // A writer killed mid-line: the next answer still gets a line of its own.
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        f.write_all(b"2026-11-25T14:0").unwrap();
        append(&path, std::slice::from_ref(&b)).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# learn review log"), "{text}");
        assert!(
            text.contains("\n2026-11-25T14:03:07Z ownership.mcq.0 3 b\n"),
            "{text}"
        );
        assert_eq!(read(&path).unwrap(), [a, b]);
        assert_eq!(read(&dir.path().join("none")).unwrap(), []);
    }

    #[cfg(unix)]
    #[test]
    fn a_log_that_is_not_a_file_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join(LOG_FILE);
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let e = read(&fifo).unwrap_err().to_string();
        assert!(e.contains("is not a regular file: move it away"), "{e}");
        let e = append(&fifo, &[review(1, "q", 3, None)]).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        let folder = dir.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        assert!(read(&folder).is_err());
    }

    #[test]
    fn times_are_read_strictly() {
        assert!(parse_time("2026-11-25T14:03:07Z").is_some());
        assert!(parse_time("2026-13-25T14:03:07Z").is_none());
        assert!(parse_time("2026-11-25 14:03:07Z").is_none());
        assert!(parse("2026-11-25T14:03:07Z q 5").is_none());
        assert!(parse("# comment").is_none());
        let (a, tail) = parse("2026-11-25T14:03:07Z ownership.mcq.0 3 bd").unwrap();
        assert_eq!(
            (a.question, a.rating, picked(tail)),
            ("ownership.mcq.0", 3, Some("bd"))
        );
        let (a, tail) = parse("2026-11-25T14:03:07Z q 1").unwrap();
        assert_eq!((a.rating, picked(tail)), (1, None));
        for damaged in [
            "2026-11-25T14:03:07Z  3",
            "2026-11-25T14:03:07Z q 34",
            "2026-11-25T14:03:07Z q 0",
            "2026-11-25T14:03:07Z q",
            "2026-11-25T14:03:07Zq 3",
            "2026-11-25T14:03:07Z q 3x",
        ] {
            assert!(parse(damaged).is_none(), "{damaged}");
        }
    }
}
