//! Reading and writing the progress: progress.toml written atomically, every
//! change a read-modify-write under `.learn/progress.lock` (so two `learn`
//! processes never lose each other's counts), damage moved aside and never
//! overwritten, and a file that cannot be used read as a fresh start with a
//! warning, for the commands that only read.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::log::{self, LOG_FILE, Review};
use super::{Progress, VERSION};
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
    /// As this process last read or wrote it.
    pub progress: Progress,
    /// The file as this process last read or wrote it: when it differs, another
    /// `learn` wrote it meanwhile.
    stamp: Option<Stamp>,
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
            progress: Progress::default(),
            stamp: None,
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
        match std::fs::rename(&self.path, &backup) {
            Ok(()) => self.notices.push(format!(
                "The progress file {} is damaged ({why}).\n\
                 It was moved to {} and learn goes on without it.\n\
                 To get that progress back, fix the file and move it back to {}.",
                self.path.display(),
                backup.display(),
                self.path.display()
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
        if stamp(&self.path) != self.stamp {
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
        self.progress.version = VERSION;
        let text = encode(&self.progress)?;
        files::write_atomic(&self.path, text.as_bytes())
            .with_context(|| format!("cannot write the progress file {}", self.path.display()))?;
        self.stamp = stamp(&self.path);
        Ok(result)
    }

    /// Every answer recorded, oldest first (the log, and answers a file
    /// from before format 2 still holds).
    pub fn reviews(&self) -> Result<Vec<Review>> {
        let mut all = self.progress.reviews.clone();
        all.extend(log::read(&self.log)?);
        Ok(all)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// progress.toml's text: steps as tables, then one line per card, so a
/// review changes one line.
fn encode(progress: &Progress) -> Result<String> {
    let cards = std::mem::take(&mut progress.clone().cards);
    let mut rest = progress.clone();
    rest.cards.clear();
    let mut text = format!(
        "{HEADER}{}",
        toml::to_string_pretty(&rest).context("cannot encode the progress")?
    );
    if !cards.is_empty() {
        text.push_str("\n# The review schedule: one line per question answered.\n[cards]\n");
        for (id, card) in &cards {
            let fields = toml::to_string(card).context("cannot encode a card")?;
            let inline: Vec<&str> = fields.lines().filter(|l| !l.is_empty()).collect();
            text.push_str(&format!(
                "{} = {{ {} }}\n",
                toml::Value::String(id.clone()),
                inline.join(", ")
            ));
        }
    }
    Ok(text)
}

#[cfg(test)]
mod tests;
