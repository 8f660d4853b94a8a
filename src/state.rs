//! The learner's progress: `.learn/progress.toml`, written atomically, never
//! silently overwritten when damaged.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::course::{Course, Step};

pub const PROGRESS_FILE: &str = "progress.toml";

const HEADER: &str = "\
# learn progress file: which step you are on and what you have done.
# Written by `learn`; safe to read, diff and commit (the README describes it).
";

/// `.learn/` inside a course folder: progress, snapshots and the build cache.
pub fn learn_dir(root: &Path) -> PathBuf {
    root.join(".learn")
}

/// Write a file so that readers see the old or the new content, never a mix:
/// a temporary file in the same folder, fsync, rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Take an exclusive lock on `path` (created if missing) until the returned
/// file is dropped: other `learn` processes wait for their turn.
pub fn lock(path: &Path) -> Result<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .with_context(|| format!("cannot open the lock file {}", path.display()))?;
    file.lock()
        .with_context(|| format!("cannot lock {}", path.display()))?;
    Ok(file)
}

/// Keep the build cache and the lock out of git (in `.learn/.gitignore`);
/// the progress file is meant to be committed.
pub fn write_gitignore(learn_dir: &Path) {
    let ignore = learn_dir.join(".gitignore");
    if !ignore.exists() {
        let _ = write_atomic(
            &ignore,
            b"# the build cache is rebuilt on demand; the lock is only held while saving\ncache/\nprogress.lock\n",
        );
    }
}

/// What the learner has done, as stored in the progress file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The step the learner is on (its name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// Per step, by name.
    #[serde(default)]
    pub steps: BTreeMap<String, StepProgress>,
    /// Spaced-repetition state per question id (see `quiz`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cards: BTreeMap<String, crate::quiz::CardState>,
    /// Every quiz answer, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<crate::quiz::Review>,
}

impl Progress {
    /// Take in what another process recorded. Progress only grows (a pass,
    /// an answer, a hint stays recorded), so each field keeps the larger of
    /// the two; the current step and ratings are this process's, when set.
    pub fn merge(&mut self, theirs: Progress) {
        if self.current.is_none() {
            self.current = theirs.current;
        }
        for (name, t) in theirs.steps {
            let ours = self.steps.entry(name).or_default();
            // A reset on one side wins over what the other had before it.
            if t.resets != ours.resets {
                if t.resets > ours.resets {
                    *ours = t;
                }
                continue;
            }
            ours.exercise_passed |= t.exercise_passed;
            ours.questions_done |= t.questions_done;
            ours.hints_used = ours.hints_used.max(t.hints_used);
            ours.attempts = ours.attempts.max(t.attempts);
            ours.confidence = ours.confidence.or(t.confidence);
            for id in t.answered {
                if !ours.answered.contains(&id) {
                    ours.answered.push(id);
                }
            }
        }
        for (id, t) in theirs.cards {
            match self.cards.get(&id) {
                Some(ours) if ours.last_review >= t.last_review => {}
                _ => {
                    self.cards.insert(id, t);
                }
            }
        }
        let mut reviews = std::mem::take(&mut self.reviews);
        for r in theirs.reviews {
            if !reviews.contains(&r) {
                reviews.push(r);
            }
        }
        reviews.sort_by_key(|r| r.at);
        self.reviews = reviews;
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepProgress {
    /// The exercise passed its check.
    #[serde(default)]
    pub exercise_passed: bool,
    /// Every multiple-choice question was answered correctly.
    #[serde(default)]
    pub questions_done: bool,
    /// How many hints of the ladder were shown.
    #[serde(default)]
    pub hints_used: u32,
    /// How many times the exercise was checked.
    #[serde(default)]
    pub attempts: u32,
    /// "Can you explain this step in 30 seconds without notes?" 1-4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
    /// Ids of the step's multiple-choice questions answered correctly so far
    /// (the step is done when all are).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answered: Vec<String>,
    /// How often the step was reset (`learn reset`): progress from before
    /// the latest reset never comes back through a merge.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub resets: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl StepProgress {
    /// Forget the step's progress, remembering that it was reset.
    pub fn reset(&mut self) {
        *self = StepProgress {
            resets: self.resets + 1,
            ..StepProgress::default()
        };
    }
}

/// The progress of one course, with where it lives.
#[derive(Debug)]
pub struct State {
    pub path: PathBuf,
    pub progress: Progress,
    /// The file as this process last read or wrote it: when it differs at the
    /// next save, another `learn` (a quiz beside watch mode) wrote it meanwhile.
    stamp: Option<Stamp>,
    /// Things a save had to do that the learner should hear about.
    pub notices: Vec<String>,
}

/// Enough of a file's metadata to tell that someone else rewrote it.
/// Every atomic write makes a new file, so its inode tells a rewrite apart
/// even within the same timestamp and length.
type Stamp = (std::time::SystemTime, u64, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some((meta.modified().ok()?, meta.len(), inode))
}

impl State {
    /// Read the progress of the course in `root`. A missing file is a new
    /// learner. A damaged file is moved aside (never overwritten) and the
    /// returned notice says where it went.
    pub fn load(root: &Path) -> Result<(State, Option<String>)> {
        let path = learn_dir(root).join(PROGRESS_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((State::new(path, Progress::default()), None));
            }
            Err(e) => {
                return Err(e).with_context(|| {
                    format!(
                        "cannot read the progress file {}: check its permissions",
                        path.display()
                    )
                });
            }
        };
        match toml::from_str::<Progress>(&text) {
            Ok(progress) => Ok((State::new(path, progress), None)),
            Err(e) => {
                let line = e
                    .span()
                    .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
                    .unwrap_or(1);
                let backup = free_backup_name(&path);
                std::fs::rename(&path, &backup).with_context(|| {
                    format!(
                        "the progress file {} is damaged (line {line}: {}) and could not be moved aside; fix or remove it by hand",
                        path.display(),
                        one_line(e.message())
                    )
                })?;
                let notice = format!(
                    "The progress file {} is damaged (line {line}: {}).\n\
                     It was moved to {} and learn starts with fresh progress.\n\
                     To get your progress back, fix that file and move it back to {}.",
                    path.display(),
                    one_line(e.message()),
                    backup.display(),
                    path.display()
                );
                Ok((State::new(path, Progress::default()), Some(notice)))
            }
        }
    }

    fn new(path: PathBuf, progress: Progress) -> State {
        let stamp = stamp(&path);
        State {
            path,
            progress,
            stamp,
            notices: Vec::new(),
        }
    }

    /// Write the progress. If another `learn` process wrote the file since
    /// this one read it, its progress is merged in first, so running a quiz
    /// beside watch mode loses nothing of either.
    pub fn save(&mut self) -> Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the folder {}", dir.display()))?;
        // One writer at a time: read, merge and write under a lock.
        write_gitignore(dir);
        let _lock = lock(&dir.join("progress.lock"))?;
        if stamp(&self.path) != self.stamp
            && let Ok(text) = std::fs::read_to_string(&self.path)
        {
            match toml::from_str::<Progress>(&text) {
                Ok(theirs) => self.progress.merge(theirs),
                // Edited by hand and broken meanwhile: kept, never overwritten.
                Err(e) => {
                    let backup = free_backup_name(&self.path);
                    std::fs::rename(&self.path, &backup).with_context(|| {
                            format!(
                                "the progress file {} was changed and is damaged ({}); fix or remove it by hand",
                                self.path.display(),
                                one_line(e.message())
                            )
                        })?;
                    self.notices.push(format!(
                            "The progress file {} was changed outside learn and is damaged ({}): it was moved to {}.",
                            self.path.display(),
                            one_line(e.message()),
                            backup.display()
                        ));
                }
            }
        }
        let body = toml::to_string_pretty(&self.progress).context("cannot encode the progress")?;
        let text = format!("{HEADER}\n{body}");
        write_atomic(&self.path, text.as_bytes())
            .with_context(|| format!("cannot write the progress file {}", self.path.display()))?;
        self.stamp = stamp(&self.path);
        Ok(())
    }

    pub fn step(&self, name: &str) -> StepProgress {
        self.progress.steps.get(name).cloned().unwrap_or_default()
    }

    pub fn step_mut(&mut self, name: &str) -> &mut StepProgress {
        self.progress.steps.entry(name.to_owned()).or_default()
    }

    /// The next hint of a step's ladder (the last one again once all were
    /// shown), recorded as used: its index, or None without hints.
    pub fn next_hint(&mut self, step: &Step) -> Option<usize> {
        let last = step.exercises[0].hints.len().checked_sub(1)?;
        let p = self.step_mut(&step.name);
        let shown = (p.hints_used as usize).min(last);
        p.hints_used = (shown + 1) as u32;
        Some(shown)
    }

    /// A step is done when its exercise passed and its questions were answered.
    pub fn is_done(&self, step: &Step) -> bool {
        let p = self.progress.steps.get(&step.name);
        p.is_some_and(|p| p.exercise_passed && (p.questions_done || step.mcqs.is_empty()))
    }

    /// The index of the current step: the recorded one, else the first not done.
    pub fn current(&self, course: &Course) -> usize {
        self.progress
            .current
            .as_deref()
            .and_then(|n| course.step_index(n))
            .or_else(|| course.steps.iter().position(|s| !self.is_done(s)))
            .unwrap_or(course.steps.len().saturating_sub(1))
    }

    pub fn done_count(&self, course: &Course) -> usize {
        course.steps.iter().filter(|s| self.is_done(s)).count()
    }

    /// The first step after `from` (wrapping) that is not done.
    pub fn next_open(&self, course: &Course, from: usize) -> Option<usize> {
        let n = course.steps.len();
        (1..=n)
            .map(|k| (from + k) % n)
            .find(|&i| !self.is_done(&course.steps[i]))
    }
}

/// toml's messages may span lines; a notice wants one.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `progress.toml.bak`, or `.bak2`, `.bak3`… so that no earlier backup is overwritten.
fn free_backup_name(path: &Path) -> PathBuf {
    let base = path.as_os_str().to_string_lossy().into_owned();
    let first = PathBuf::from(format!("{base}.bak"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| PathBuf::from(format!("{base}.bak{n}")))
        .find(|p| !p.exists())
        .expect("some backup name is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_is_a_new_learner() {
        let dir = tempfile::tempdir().unwrap();
        let (state, notice) = State::load(dir.path()).unwrap();
        assert_eq!(state.progress, Progress::default());
        assert!(notice.is_none());
    }

    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, _) = State::load(dir.path()).unwrap();
        state.progress.current = Some("two".into());
        let s = state.step_mut("one");
        s.exercise_passed = true;
        s.hints_used = 2;
        s.attempts = 3;
        state.save().unwrap();
        let text = std::fs::read_to_string(&state.path).unwrap();
        assert!(text.starts_with("# learn progress file"), "{text}");
        assert!(text.contains("[steps.one]"), "{text}");
        let (again, notice) = State::load(dir.path()).unwrap();
        assert!(notice.is_none());
        assert_eq!(again.progress, state.progress);
    }

    #[test]
    fn damaged_file_is_moved_aside_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = learn_dir(dir.path()).join(PROGRESS_FILE);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let damaged = "current = \"one\"\n[steps.one]\nexercise_passed = maybe\n";
        std::fs::write(&path, damaged).unwrap();

        let (state, notice) = State::load(dir.path()).unwrap();
        let notice = notice.expect("a notice");
        assert!(notice.contains("line 3"), "{notice}");
        assert!(notice.contains("progress.toml.bak"), "{notice}");
        assert_eq!(state.progress, Progress::default());
        assert!(!path.exists());
        let backup = dir.path().join(".learn/progress.toml.bak");
        assert_eq!(std::fs::read_to_string(&backup).unwrap(), damaged);

        // A second damaged file does not overwrite the first backup.
        std::fs::write(&path, "garbage = [").unwrap();
        let (_, notice) = State::load(dir.path()).unwrap();
        assert!(notice.unwrap().contains("progress.toml.bak2"));
        assert_eq!(std::fs::read_to_string(&backup).unwrap(), damaged);
    }

    #[test]
    fn a_save_keeps_what_another_process_wrote_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let (mut watch, _) = State::load(dir.path()).unwrap();
        watch.step_mut("one").attempts = 1;
        watch.save().unwrap();

        // A quiz in another terminal records a review and a hint.
        let (mut quiz, _) = State::load(dir.path()).unwrap();
        let at = chrono::Utc::now();
        quiz.progress.reviews.push(crate::quiz::Review {
            at,
            question: "one.mcq.0".into(),
            rating: 3,
        });
        quiz.step_mut("one").hints_used = 2;
        quiz.save().unwrap();

        // Watch mode, unaware, records a pass and saves.
        watch.step_mut("one").exercise_passed = true;
        watch.step_mut("one").attempts = 2;
        watch.save().unwrap();

        let (disk, _) = State::load(dir.path()).unwrap();
        let one = disk.step("one");
        assert!(one.exercise_passed);
        assert_eq!(one.attempts, 2);
        assert_eq!(one.hints_used, 2);
        assert_eq!(disk.progress.reviews.len(), 1);
        assert_eq!(disk.progress.reviews[0].at, at);
    }

    #[test]
    fn a_file_damaged_by_hand_meanwhile_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let (mut watch, _) = State::load(dir.path()).unwrap();
        watch.save().unwrap();
        std::fs::write(&watch.path, "current = \"half-typed\n").unwrap();
        watch.step_mut("one").attempts = 1;
        watch.save().unwrap();
        let backup = dir.path().join(".learn/progress.toml.bak");
        assert_eq!(
            std::fs::read_to_string(backup).unwrap(),
            "current = \"half-typed\n"
        );
        assert_eq!(watch.notices.len(), 1, "{:?}", watch.notices);
        assert!(watch.notices[0].contains("progress.toml.bak"));
        let (disk, _) = State::load(dir.path()).unwrap();
        assert_eq!(disk.step("one").attempts, 1);
    }

    #[test]
    fn a_reset_made_by_another_process_is_not_undone() {
        let dir = tempfile::tempdir().unwrap();
        let (mut watch, _) = State::load(dir.path()).unwrap();
        watch.step_mut("one").exercise_passed = true;
        watch.step_mut("one").questions_done = true;
        watch.save().unwrap();

        // `learn reset one` in another terminal.
        let (mut other, _) = State::load(dir.path()).unwrap();
        other.step_mut("one").reset();
        other.save().unwrap();

        // Watch mode saves its (older) view of the step.
        watch.step_mut("two").hints_used = 1;
        watch.save().unwrap();
        let (disk, _) = State::load(dir.path()).unwrap();
        let one = disk.step("one");
        assert!(!one.exercise_passed && !one.questions_done, "{one:?}");
        assert_eq!(one.resets, 1);
        assert_eq!(disk.step("two").hints_used, 1);
    }

    #[test]
    fn atomic_write_replaces_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b.txt");
        write_atomic(&p, b"first, longer").unwrap();
        write_atomic(&p, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "second");
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }
}
