//! The review log summed up, as `learn stats` needs it: how many answers in
//! all, and per question and per local day how many were right. A year of
//! daily use is 100,000 lines, so the sums are kept in
//! `.learn/cache/answers.bin` with how far into the log they reach, and a
//! later `learn stats` sums up only what was appended since.
//!
//! The cache stands while the log still begins with exactly the bytes it
//! summed up: it holds their hash (blake3), and hashing 4 MB costs a few
//! milliseconds where reading the answers costs twenty. A log rewritten in
//! any way (a merge, an edit, a copy of an older one) is summed up again
//! from its first line. As with every cache, any problem reading or writing
//! it means doing the work without it.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::log::{self, Answer};
use crate::files;

const FILE: &str = "answers.bin";
const MAGIC: &[u8] = b"learn answer tally 2\n";

/// Answers, and how many of them were right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub answers: u32,
    pub correct: u32,
}

impl Counts {
    fn add(&mut self, correct: bool) {
        self.answers = self.answers.saturating_add(1);
        self.correct = self.correct.saturating_add(u32::from(correct));
    }
}

/// Every answer summed up: in all, per question id, per local day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// Seconds east of UTC of the time zone the days are counted in.
    shift: i32,
    answers: u64,
    questions: FxHashMap<String, Counts>,
    /// By local day: days since 1970-01-01 in that time zone.
    days: BTreeMap<i64, Counts>,
}

impl Tally {
    /// Nothing yet; days counted `shift` seconds east of UTC.
    pub fn new(shift: i32) -> Tally {
        Tally {
            shift,
            ..Tally::default()
        }
    }

    pub fn add(&mut self, answer: Answer<'_>) {
        self.answers += 1;
        let correct = answer.correct();
        // Looked up by the borrowed id: a known question allocates nothing.
        match self.questions.get_mut(answer.question) {
            Some(counts) => counts.add(correct),
            None => {
                let mut counts = Counts::default();
                counts.add(correct);
                self.questions.insert(answer.question.to_owned(), counts);
            }
        }
        let day = self.day(answer.at);
        self.days.entry(day).or_default().add(correct);
    }

    /// Every answer, including those to questions since removed.
    pub fn answers(&self) -> u64 {
        self.answers
    }

    /// The answers to one question.
    pub fn question(&self, id: &str) -> Counts {
        self.questions.get(id).copied().unwrap_or_default()
    }

    /// The local day of a time, as the days are numbered.
    pub fn day(&self, at: DateTime<Utc>) -> i64 {
        (at.timestamp() + i64::from(self.shift)).div_euclid(86_400)
    }

    /// The answers given on a local day.
    pub fn on_day(&self, day: i64) -> Counts {
        self.days.get(&day).copied().unwrap_or_default()
    }
}

/// The cache file: how far into the log, the hash of the log up to there,
/// the sums.
#[derive(Serialize, Deserialize)]
struct Saved {
    reached: u64,
    hash: [u8; 32],
    tally: Tally,
}

/// The review log at `log` summed up, days counted `shift` seconds east of
/// UTC: from the cache of the course at `root` and what the log gained
/// since, and the cache brought up to date. A last line still being written
/// counts, but is summed up again next time, when it is whole.
pub(super) fn tally(root: &Path, log: &Path, shift: i32) -> anyhow::Result<Tally> {
    // A log that is not a file is an error that says what to do.
    log::check_regular(log)?;
    if !log.exists() {
        return Ok(Tally::new(shift));
    }
    let cache = files::learn_dir(root).join("cache").join(FILE);
    // The hasher has taken in the log up to `from`, so what is appended
    // is all it needs to read for the cache's next hash.
    let (mut tally, from, mut hasher) = match load(&cache, log, shift) {
        Some((saved, hasher)) => (saved.tally, saved.reached, hasher),
        None => (Tally::new(shift), 0, blake3::Hasher::new()),
    };
    let mut last = None;
    let reached = log::each_from(log, from, |answer, _, complete| {
        if complete {
            tally.add(answer);
        } else {
            last = Some((answer.at, answer.question.to_owned(), answer.rating));
        }
    })?;
    if reached != from && hash_range(log, from, reached, &mut hasher) {
        save(root, &cache, reached, *hasher.finalize().as_bytes(), &tally);
    }
    if let Some((at, question, rating)) = &last {
        tally.add(Answer {
            at: *at,
            question,
            rating: *rating,
        });
    }
    Ok(tally)
}

/// Feed the bytes of `log` from `from` to `to` to `hasher`; false if the
/// log is shorter.
fn hash_range(log: &Path, from: u64, to: u64, hasher: &mut blake3::Hasher) -> bool {
    use std::io::{Seek, SeekFrom};
    let Ok(mut file) = std::fs::File::open(log) else {
        return false;
    };
    if file.seek(SeekFrom::Start(from)).is_err() {
        return false;
    }
    let len = to.saturating_sub(from);
    std::io::copy(&mut file.take(len), hasher).is_ok_and(|copied| copied == len)
}

/// The cached sums, if the log still begins with what they summed up and
/// the days are counted in this time zone; with the hasher that has taken
/// in that beginning.
fn load(cache: &Path, log: &Path, shift: i32) -> Option<(Saved, blake3::Hasher)> {
    // Anything but a file (a FIFO would block) is no cache.
    if !std::fs::metadata(cache).ok()?.is_file() {
        return None;
    }
    let bytes = std::fs::read(cache).ok()?;
    let saved: Saved = postcard::from_bytes(bytes.strip_prefix(MAGIC)?).ok()?;
    if saved.tally.shift != shift {
        return None;
    }
    let mut hasher = blake3::Hasher::new();
    let same = hash_range(log, 0, saved.reached, &mut hasher)
        && hasher.clone().finalize().as_bytes() == &saved.hash;
    same.then_some((saved, hasher))
}

/// Best effort: without the cache, the next `learn stats` reads the whole log.
fn save(root: &Path, cache: &Path, reached: u64, hash: [u8; 32], tally: &Tally) {
    if files::check_inside(root, cache).is_err() {
        return;
    }
    let saved = Saved {
        reached,
        hash,
        tally: tally.clone(),
    };
    let Ok(payload) = postcard::to_stdvec(&saved) else {
        return;
    };
    let mut bytes = MAGIC.to_vec();
    bytes.extend_from_slice(&payload);
    let _ = files::write_cache(cache, &bytes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use std::io::Write;

    const HOUR: i32 = 3600;

    fn line(day: u32, question: &str, rating: u8) -> String {
        format!("2026-11-{day:02}T23:30:00Z {question} {rating}\n")
    }

    fn fresh(log: &Path, shift: i32) -> Tally {
        let mut tally = Tally::new(shift);
        log::each(log, |a, _| tally.add(a)).unwrap();
        tally
    }

    fn append(log: &Path, text: &str) {
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .unwrap();
        f.write_all(text.as_bytes()).unwrap();
    }

    fn course() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".learn")).unwrap();
        let log = dir.path().join(".learn/reviews.log");
        (dir, log)
    }

    #[test]
    fn sums_per_question_and_local_day() {
        let (dir, log) = course();
        append(&log, "# header\n");
        append(&log, &line(1, "a.mcq.0", 3));
        append(&log, &line(1, "a.mcq.0", 1));
        append(&log, &line(2, "b.trace.0", 4));
        let tally = tally(dir.path(), &log, 0).unwrap();
        assert_eq!(tally.answers(), 3);
        assert_eq!(
            tally.question("a.mcq.0"),
            Counts {
                answers: 2,
                correct: 1
            }
        );
        assert_eq!(tally.question("gone"), Counts::default());
        let nov1 = Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap();
        assert_eq!(tally.on_day(tally.day(nov1)).answers, 2);
        // 23:30 UTC is the next day an hour east of UTC.
        let east = super::tally(dir.path(), &log, HOUR).unwrap();
        assert_eq!(east.on_day(east.day(nov1)).answers, 0);
        let nov2 = Utc.with_ymd_and_hms(2026, 11, 2, 12, 0, 0).unwrap();
        assert_eq!(east.on_day(east.day(nov2)).answers, 2);
        assert_eq!(east, fresh(&log, HOUR));
    }

    #[test]
    fn only_what_was_appended_is_read_again() {
        let (dir, log) = course();
        for _ in 0..3 {
            append(&log, &line(1, "a.mcq.1", 3));
        }
        tally(dir.path(), &log, 0).unwrap();
        let cache = dir.path().join(".learn/cache").join(FILE);
        // Sums that the log does not hold, for the log as it is: a cache
        // that stands is believed, so they show through.
        let bytes = std::fs::read(&cache).unwrap();
        let mut saved: Saved = postcard::from_bytes(bytes.strip_prefix(MAGIC).unwrap()).unwrap();
        saved.tally.answers = 1000;
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&postcard::to_stdvec(&saved).unwrap());
        std::fs::write(&cache, bytes).unwrap();
        append(&log, &line(2, "a.mcq.0", 1));
        let later = tally(dir.path(), &log, 0).unwrap();
        assert_eq!(later.answers(), 1001);
        assert_eq!(later.question("a.mcq.0").answers, 1);
        // The cache moved on: the appended answer is summed up once.
        assert_eq!(tally(dir.path(), &log, 0).unwrap().answers(), 1001);
    }

    #[test]
    fn any_change_to_what_was_summed_up_is_seen() {
        let (dir, log) = course();
        append(&log, &line(1, "a.mcq.0", 3));
        for _ in 0..3 {
            append(&log, &line(1, "a.mcq.1", 3));
        }
        let original = std::fs::read(&log).unwrap();
        tally(dir.path(), &log, 0).unwrap();
        // An early line changed in place, same size, same file: seen.
        let text = String::from_utf8(original.clone()).unwrap();
        std::fs::write(&log, text.replacen("mcq.0 3", "mcq.0 1", 1)).unwrap();
        let edited = tally(dir.path(), &log, 0).unwrap();
        assert_eq!(edited.question("a.mcq.0").correct, 0);
        assert_eq!(edited, fresh(&log, 0));
        // The original copied back over it: seen too.
        std::fs::write(&log, &original).unwrap();
        assert_eq!(
            tally(dir.path(), &log, 0)
                .unwrap()
                .question("a.mcq.0")
                .correct,
            1
        );
    }

    #[test]
    fn a_rewritten_or_shorter_log_is_summed_up_again() {
        let (dir, log) = course();
        append(&log, &line(1, "a.mcq.0", 3));
        append(&log, &line(2, "a.mcq.0", 3));
        tally(dir.path(), &log, 0).unwrap();
        // A merge writes a new file with other lines.
        files::write_atomic(
            &log,
            (line(3, "b.mcq.0", 1) + &line(4, "b.mcq.0", 3)).as_bytes(),
        )
        .unwrap();
        let again = tally(dir.path(), &log, 0).unwrap();
        assert_eq!(again, fresh(&log, 0));
        assert_eq!(again.question("a.mcq.0").answers, 0);
        // Cut short in place.
        std::fs::OpenOptions::new()
            .write(true)
            .open(&log)
            .unwrap()
            .set_len(line(3, "b.mcq.0", 1).len() as u64)
            .unwrap();
        assert_eq!(tally(dir.path(), &log, 0).unwrap().answers(), 1);
        // A damaged cache is no cache.
        std::fs::write(dir.path().join(".learn/cache").join(FILE), b"garbage").unwrap();
        assert_eq!(tally(dir.path(), &log, 0).unwrap(), fresh(&log, 0));
    }

    #[test]
    fn a_line_being_written_counts_once() {
        let (dir, log) = course();
        append(&log, &line(1, "a.mcq.0", 3));
        let whole = line(2, "a.mcq.1", 3);
        append(&log, whole.trim_end());
        assert_eq!(tally(dir.path(), &log, 0).unwrap().answers(), 2);
        append(&log, "\n");
        append(&log, &line(3, "a.mcq.2", 3));
        let tally = tally(dir.path(), &log, 0).unwrap();
        assert_eq!(tally.answers(), 3);
        assert_eq!(tally, fresh(&log, 0));
    }

    #[test]
    fn no_log_is_no_answers() {
        let (dir, log) = course();
        assert_eq!(tally(dir.path(), &log, 0).unwrap(), Tally::new(0));
        assert!(!dir.path().join(".learn/cache").exists());
    }
}
