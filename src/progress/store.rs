//! Reading and writing the progress: progress.toml written atomically, every
//! change a read-modify-write under `.learn/progress.lock` (so two `learn`
//! processes never lose each other's counts), damage moved aside and never
//! overwritten, and a file that cannot be used read as a fresh start with a
//! warning, for the commands that only read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::cards::{self, CARDS_FILE};
use super::log::{self, LOG_FILE, Review};
use super::tally::{self, Tally};
use super::{Card, ExerciseProgress, Progress, StepProgress, VERSION};
use crate::course::Course;
use crate::files;
use crate::text::LineIndex;

pub const PROGRESS_FILE: &str = "progress.toml";

const HEADER: &str = "\
# learn progress file: which step you are on and what you have done.
# Written by `learn`; safe to read, diff and commit (the README describes it).
";

/// The progress of one course, with where it lives.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    path: PathBuf,
    log: PathBuf,
    /// The review schedule's file.
    schedule: PathBuf,
    /// As this process last read or wrote it (the schedule's cards included).
    pub progress: Progress,
    /// The cards as the schedule file holds them: a save writes that file
    /// only when they changed.
    saved_cards: BTreeMap<String, Card>,
    /// The files as this process last read or wrote them: when one differs,
    /// another `learn` wrote it meanwhile.
    stamp: Option<Stamp>,
    schedule_stamp: Option<Stamp>,
    /// Why the progress cannot be saved, when it cannot.
    read_only: Option<String>,
    /// What the learner should hear about (damage moved aside...), until taken.
    notices: Vec<String>,
}

/// Enough of a file's metadata to tell that someone else rewrote it. Every
/// atomic write makes a new file, so its inode tells a rewrite apart even
/// within the same timestamp and length.
type Stamp = (std::time::SystemTime, u64, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some((meta.modified().ok()?, meta.len(), inode))
}

/// What reading progress.toml gave.
enum Read {
    Missing,
    Good(Progress),
    /// Not progress: where it is broken.
    Damaged(String),
    /// Not readable at all (a folder, a FIFO, no permission): why.
    Unusable(String),
}

fn read(path: &Path) -> Read {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Read::Missing,
        Err(e) => return Read::Unusable(e.to_string()),
        // A FIFO would block every command; a folder cannot be read.
        Ok(meta) if !meta.is_file() => {
            return Read::Unusable("it is not a regular file".to_owned());
        }
        Ok(_) => {}
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Read::Unusable(e.to_string()),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            return Read::Damaged(format!("line {line}: it is not UTF-8 text"));
        }
    };
    match toml::from_str::<Progress>(&text) {
        Ok(p) => Read::Good(p),
        Err(e) => {
            let line = e.span().map_or(1, |s| LineIndex::new(&text).line(s.start));
            let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
            Read::Damaged(format!("line {line}: {message}"))
        }
    }
}

/// Read a progress file and the review log beside it, read-only: nothing
/// is moved aside or written (`learn dev report` reads learners' files this
/// way). The error says why the file cannot be used, with the line of the
/// damage (`line 3: ...`). A missing log is no answers.
pub fn read_file(path: &Path, course: &Course) -> Result<(Progress, Vec<Review>)> {
    let mut progress = match read(path) {
        Read::Good(progress) => progress,
        Read::Missing => bail!("no such file"),
        Read::Damaged(why) | Read::Unusable(why) => bail!(why),
    };
    progress.adopt(course);
    let mut reviews = std::mem::take(&mut progress.reviews);
    reviews.extend(log::read(&path.with_file_name(LOG_FILE))?);
    Ok((progress, reviews))
}

impl Store {
    /// Read the progress of `course`. A missing file is a new learner. A
    /// damaged file is moved aside (never overwritten) and a notice says
    /// where it went. A file that cannot be read leaves the store read-only.
    pub fn open(course: &Course) -> Store {
        let dir = files::learn_dir(&course.root);
        let mut store = Store {
            root: course.root.clone(),
            path: dir.join(PROGRESS_FILE),
            log: dir.join(LOG_FILE),
            schedule: dir.join(CARDS_FILE),
            progress: Progress::default(),
            saved_cards: BTreeMap::new(),
            stamp: None,
            schedule_stamp: None,
            read_only: None,
            notices: Vec::new(),
        };
        store.load(course);
        store
    }

    fn load(&mut self, course: &Course) {
        match read(&self.path) {
            Read::Missing => {}
            Read::Good(progress) => self.take(progress, course),
            Read::Damaged(why) => self.move_aside(&why),
            Read::Unusable(why) => {
                let reason = format!(
                    "the progress file {} cannot be read ({why}). learn shows a fresh start and cannot save your progress: move that path away (it must be a file learn can write) and run learn again.",
                    self.path.display()
                );
                self.notices.push(reason.clone());
                self.read_only = Some(reason);
            }
        }
        self.stamp = stamp(&self.path);
        self.load_schedule();
    }

    /// Read the schedule file and merge in the cards a progress.toml from
    /// before it still holds.
    fn load_schedule(&mut self) {
        self.saved_cards = match cards::read(&self.schedule) {
            cards::Read::Missing => BTreeMap::new(),
            cards::Read::Good(cards, damaged) if damaged.is_empty() => cards,
            cards::Read::Good(cards, damaged) => {
                self.repair_schedule(&cards, &damaged);
                cards
            }
            cards::Read::Newer(format) => {
                self.refuse(format!(
                    "the review schedule {} was written by a newer learn (format {format}; this one writes format {}). It is never overwritten: update learn to save progress again.",
                    self.schedule.display(),
                    cards::FORMAT
                ));
                BTreeMap::new()
            }
            cards::Read::Unusable(why) => {
                self.refuse(format!(
                    "the review schedule {} cannot be read ({why}). learn shows every question as new and cannot save your progress: move that path away (it must be a file learn can write) and run learn again.",
                    self.schedule.display()
                ));
                BTreeMap::new()
            }
        };
        let legacy = std::mem::take(&mut self.progress.cards);
        self.progress.cards = self.saved_cards.clone();
        cards::merge(&mut self.progress.cards, legacy);
        self.schedule_stamp = stamp(&self.schedule);
    }

    /// Lines of the schedule that cannot be read: the file is moved aside
    /// as it is and the cards that could be read are written in its place.
    /// Those questions count as new until answered again; their answers
    /// are still in the review log.
    fn repair_schedule(&mut self, good: &BTreeMap<String, Card>, damaged: &[String]) {
        if self.read_only.is_some() {
            return;
        }
        let backup = files::free_backup_name(&self.schedule);
        let moved = std::fs::rename(&self.schedule, &backup)
            .and_then(|()| files::write_atomic(&self.schedule, cards::encode(good).as_bytes()));
        match moved {
            Ok(()) => self.notices.push(format!(
                "The review schedule {} is damaged ({}): those questions count as new until you answer them again.\n\
                 The file was moved to {} and its readable lines were kept.",
                self.schedule.display(),
                damaged.join(", "),
                backup.display()
            )),
            Err(e) => self.refuse(format!(
                "the review schedule {} is damaged ({}) and could not be repaired ({e}): fix or remove it by hand.",
                self.schedule.display(),
                damaged.join(", ")
            )),
        }
    }

    /// Keep the progress read-only, for `reason` (told to the learner).
    /// When the progress is read-only already, that reason is the one told:
    /// `.learn` as a file makes both files unusable, and one notice says so.
    fn refuse(&mut self, reason: String) {
        if self.read_only.is_none() {
            self.notices.push(reason.clone());
            self.read_only = Some(reason);
        }
    }

    fn take(&mut self, mut progress: Progress, course: &Course) {
        if progress.version > VERSION {
            let reason = format!(
                "the progress file {} was written by a newer learn (format {}; this one writes format {VERSION}). It is read as far as this learn understands it and never overwritten: update learn to save progress again.",
                self.path.display(),
                progress.version
            );
            self.notices.push(reason.clone());
            self.read_only = Some(reason);
        }
        progress.adopt(course);
        self.notices.extend(progress.sanitize());
        self.progress = progress;
    }

    /// Move a damaged file aside, keeping this process's view of the progress.
    fn move_aside(&mut self, why: &str) {
        let backup = files::free_backup_name(&self.path);
        // A learn that read the file before (watch mode) still holds that
        // progress and writes it back with its next change.
        let held = self.stamp.is_some();
        match std::fs::rename(&self.path, &backup) {
            Ok(()) if held => self.notices.push(format!(
                "The progress file {} was damaged ({why}) and is moved to {}; the progress this learn read before is saved in its place.",
                self.path.display(),
                backup.display(),
            )),
            Ok(()) => self.notices.push(format!(
                "The progress file {} is damaged ({why}): moved to {}, and learn starts without it. To get that progress back, fix that file and move it back.",
                self.path.display(),
                backup.display(),
            )),
            Err(e) => {
                let reason = format!(
                    "the progress file {} is damaged ({why}) and could not be moved aside ({e}): fix or remove it by hand.",
                    self.path.display()
                );
                self.notices.push(reason.clone());
                self.read_only = Some(reason);
            }
        }
    }

    /// What the learner should hear about since the last call.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    /// Why the progress cannot be saved, if it cannot.
    #[cfg(test)]
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Read the file again if another process wrote it since.
    pub fn refresh(&mut self, course: &Course) {
        if stamp(&self.path) != self.stamp || stamp(&self.schedule) != self.schedule_stamp {
            self.load(course);
        }
    }

    /// Change the progress: under the lock, on what the file holds now (so
    /// nothing another `learn` recorded is lost), then write it. `reviews`
    /// that `change` pushes go to the review log in the same turn.
    pub fn update<R>(
        &mut self,
        course: &Course,
        change: impl FnOnce(&mut Progress, &mut Vec<Review>) -> R,
    ) -> Result<R> {
        if let Some(reason) = &self.read_only {
            bail!("cannot save progress: {reason}");
        }
        let dir = self.path.parent().unwrap_or(Path::new(".")).to_owned();
        files::check_inside(&self.root, &self.path)?;
        std::fs::create_dir_all(&dir).with_context(|| {
            format!(
                "cannot create the folder {}: progress cannot be saved",
                dir.display()
            )
        })?;
        files::write_gitignore(&dir);
        let _lock = files::lock(&dir.join("progress.lock"))?;
        files::clean_temporaries(&dir);
        // Always read again under the lock: a file's metadata cannot tell
        // two quick rewrites apart (inodes are reused, clocks are coarse).
        self.load(course);
        if let Some(reason) = &self.read_only {
            bail!("cannot save progress: {reason}");
        }
        let mut reviews = std::mem::take(&mut self.progress.reviews);
        let result = change(&mut self.progress, &mut reviews);
        log::append(&self.log, &reviews)?;
        // The schedule before progress.toml: a progress.toml from before the
        // schedule had its file loses its cards only once they are saved.
        if self.progress.cards != self.saved_cards {
            let text = cards::encode(&self.progress.cards);
            files::write_atomic(&self.schedule, text.as_bytes()).with_context(|| {
                format!(
                    "cannot write the review schedule {}",
                    self.schedule.display()
                )
            })?;
            self.saved_cards = self.progress.cards.clone();
            self.schedule_stamp = stamp(&self.schedule);
        }
        self.progress.version = VERSION;
        let text = encode(&self.progress)?;
        files::write_atomic(&self.path, text.as_bytes())
            .with_context(|| format!("cannot write the progress file {}", self.path.display()))?;
        self.stamp = stamp(&self.path);
        Ok(result)
    }

    /// Every answer recorded, oldest first (the log, and answers a file
    /// from before format 2 still holds).
    #[cfg(test)]
    pub fn reviews(&self) -> Result<Vec<Review>> {
        let mut all = self.progress.reviews.clone();
        all.extend(log::read(&self.log)?);
        Ok(all)
    }

    /// The same answers summed up per question and per local day, days
    /// counted `shift` seconds east of UTC (`learn stats` sums a year of
    /// them: see `tally`).
    pub fn tally(&self, shift: i32) -> Result<Tally> {
        let mut tally = tally::tally(&self.root, &self.log, shift)?;
        self.progress
            .reviews
            .iter()
            .for_each(|r| tally.add(r.answer()));
        Ok(tally)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// progress.toml's text: the header, then the steps as tables, without
/// the empty ones (an exercise opened but not yet checked).
fn encode(progress: &Progress) -> Result<String> {
    let mut progress = progress.clone();
    for step in progress.steps.values_mut() {
        step.exercises
            .retain(|_, e| *e != ExerciseProgress::default());
    }
    progress.steps.retain(|_, s| *s != StepProgress::default());
    Ok(format!(
        "{HEADER}{}",
        toml::to_string_pretty(&progress).context("cannot encode the progress")?
    ))
}

#[cfg(test)]
mod tests;
