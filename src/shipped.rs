//! Exercises as they were shipped: the built-in course embedded in the binary,
//! and snapshots of other courses' starters, so `learn reset` and `learn init`
//! never depend on the learner's working copy.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use include_dir::{Dir, include_dir};

use crate::course::{Course, Exercise, INFO_FILE};
use crate::state::{learn_dir, write_atomic};

static EXERCISES: Dir = include_dir!("$CARGO_MANIFEST_DIR/exercises");
static SOLUTIONS: Dir = include_dir!("$CARGO_MANIFEST_DIR/solutions");
/// The built-in course's info.toml.
pub static INFO: &str = include_str!("../info.toml");

fn snapshot_dir(root: &Path) -> PathBuf {
    learn_dir(root).join("shipped")
}

/// Is this course the built-in one, unchanged?
pub fn is_builtin(course: &Course) -> bool {
    std::fs::read_to_string(course.root.join(INFO_FILE)).is_ok_and(|t| t == INFO)
}

/// Keep a copy of each starter the first time it is seen, so `learn reset`
/// can restore it. This is the first source for every course, the built-in
/// one too: a learner working in this repository edits the very files the
/// binary embeds, and the next `cargo run` embeds their edits.
pub fn snapshot(course: &Course) {
    let dir = snapshot_dir(&course.root);
    for (_, exercise) in course.exercises() {
        let copy = dir.join(&exercise.path);
        if !copy.exists()
            && let Ok(bytes) = std::fs::read(course.root.join(&exercise.path))
        {
            // Best effort: without a snapshot, reset says what it lacks.
            let _ = write_atomic(&copy, &bytes);
        }
    }
}

/// The starter of a step exactly as shipped: the snapshot, else (built-in
/// course) the copy in the binary.
pub fn original(course: &Course, exercise: &Exercise) -> Result<Vec<u8>> {
    let copy = snapshot_dir(&course.root).join(&exercise.path);
    if let Ok(bytes) = std::fs::read(&copy) {
        return Ok(bytes);
    }
    if is_builtin(course) {
        let rel = exercise
            .path
            .strip_prefix("exercises")
            .unwrap_or(&exercise.path);
        if let Some(file) = EXERCISES.get_file(rel) {
            return Ok(file.contents().to_vec());
        }
    }
    bail!(
        "no shipped copy of {} is known (learn keeps one in {} from the first time it sees a course).\n\
         Restore the file from your course's source (for example `git checkout -- {}`).",
        exercise.path.display(),
        snapshot_dir(&course.root).display(),
        exercise.path.display()
    )
}

/// Write the built-in course into `dir`, which must not exist or be empty.
pub fn init(dir: &Path) -> Result<()> {
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "{} is not empty: choose a new folder name, for example `learn init rust-track`",
                dir.display()
            );
        }
    }
    let write = |rel: &Path, bytes: &[u8]| -> Result<()> {
        let path = dir.join(rel);
        write_atomic(&path, bytes).with_context(|| format!("cannot write {}", path.display()))
    };
    write(Path::new(INFO_FILE), INFO.as_bytes())?;
    for (top, tree) in [("exercises", &EXERCISES), ("solutions", &SOLUTIONS)] {
        for file in files(tree) {
            write(&Path::new(top).join(file.path()), file.contents())?;
        }
    }
    // The snapshot `learn reset` restores from, taken while nothing is edited.
    let shipped = snapshot_dir(dir).join("exercises");
    for file in files(&EXERCISES) {
        let path = shipped.join(file.path());
        write_atomic(&path, file.contents())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

fn files<'a>(dir: &'a Dir<'a>) -> Vec<&'a include_dir::File<'a>> {
    let mut out: Vec<_> = dir.files().collect();
    for sub in dir.dirs() {
        out.extend(files(sub));
    }
    out
}
