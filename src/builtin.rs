//! The built-in course, embedded in the binary (only the files its info.toml
//! names, see `src/build.rs`), and the exercises "as shipped" that `learn
//! reset` restores: the embedded copy for the built-in course, the snapshot
//! in `.learn/shipped/` for a course that has one. A folder it writes the
//! course to is one a learner works in: it gets the generated Cargo.toml
//! editors read (see `workspace`).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::course::{Course, Exercise, INFO_FILE};
use crate::files;
use crate::workspace;

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// The built-in course's info.toml.
pub static INFO: &str = include_str!("../info.toml");

/// The folder, in the repository of learn, where `cargo run` keeps the
/// learner's copy of the built-in course (gitignored).
pub const LEARNER_COPY: &str = "track";

/// Where a course keeps its starters as shipped, for `learn reset`.
fn snapshot_dir(root: &Path) -> PathBuf {
    files::learn_dir(root).join("shipped")
}

/// Is this course the built-in one (its info.toml unchanged)?
pub fn is_builtin(course: &Course) -> bool {
    std::fs::read_to_string(course.root.join(INFO_FILE)).is_ok_and(|t| t == INFO)
}

/// An embedded file of the built-in course.
fn embedded(path: &Path) -> Option<&'static [u8]> {
    let wanted = path.to_string_lossy().replace('\\', "/");
    FILES
        .iter()
        .find(|(p, _)| *p == wanted)
        .map(|(_, bytes)| *bytes)
}

/// The starter of an exercise exactly as shipped: the embedded copy for the
/// built-in course, else the course's snapshot. Never the learner's file.
pub fn shipped(course: &Course, exercise: &Exercise) -> Result<Vec<u8>> {
    if is_builtin(course)
        && let Some(bytes) = embedded(&exercise.path)
    {
        return Ok(bytes.to_vec());
    }
    let copy = snapshot_dir(&course.root).join(&exercise.path);
    if let Ok(bytes) = std::fs::read(&copy) {
        return Ok(bytes);
    }
    bail!(
        "learn cannot know how {} was shipped: this course has no snapshot of it ({}).\n\
         Restore the file from your course's source (for example `git checkout -- {}`). \
         Instructors: commit a copy of the starters in .learn/shipped/ with the course (`mkdir -p .learn/shipped && cp -r exercises .learn/shipped/`).",
        exercise.path.display(),
        copy.display(),
        exercise.path.display()
    )
}

/// Write the built-in course into `dir`, which must not exist or be empty:
/// info.toml, every exercise and solution, the snapshot `learn reset`
/// restores from, and for editors the generated Cargo.toml and a
/// `.gitignore` for what cargo makes.
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
        files::write_atomic(&path, bytes)
            .with_context(|| format!("cannot write {}", path.display()))
    };
    write(Path::new(INFO_FILE), INFO.as_bytes())?;
    for (path, bytes) in FILES {
        write(Path::new(path), bytes)?;
        if path.starts_with("exercises/") {
            write(&Path::new(".learn/shipped").join(path), bytes)?;
        }
    }
    workspace::create(&Course::load(dir)?)?;
    Ok(())
}

/// When `root` is learn's own repository (`cargo run` there), the folder of
/// the learner's copy of the built-in course, written on first use: the
/// repository's exercises stay as shipped, and `git status` stays clean.
pub fn learner_copy(root: &Path) -> Result<Option<PathBuf>> {
    let Some(copy) = learner_copy_path(root) else {
        return Ok(None);
    };
    if !copy.join(INFO_FILE).is_file() {
        init(&copy).with_context(|| {
            format!(
                "cannot write your copy of the built-in course to {}",
                copy.display()
            )
        })?;
    }
    Ok(Some(copy))
}

/// Where the learner's copy is (or will be) when `root` is learn's own
/// repository; writes nothing.
pub fn learner_copy_path(root: &Path) -> Option<PathBuf> {
    is_learn_repository(root).then(|| root.join(LEARNER_COPY))
}

/// learn's own repository: a Cargo package named `learn` with the built-in
/// course beside it.
fn is_learn_repository(root: &Path) -> bool {
    let Ok(manifest) = std::fs::read_to_string(root.join("Cargo.toml")) else {
        return false;
    };
    let name = manifest
        .parse::<toml::Table>()
        .ok()
        .and_then(|t| t.get("package")?.get("name")?.as_str().map(str::to_owned));
    name.as_deref() == Some("learn") && root.join("src/builtin.rs").is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_named_files_are_embedded_and_each_exists() {
        assert!(!FILES.is_empty());
        assert!(
            FILES
                .iter()
                .all(|(p, _)| p.starts_with("exercises/") || p.starts_with("solutions/"))
        );
        assert!(
            FILES.iter().all(|(p, _)| p.ends_with(".rs")),
            "no editor swap files"
        );
    }

    #[test]
    fn the_repository_is_told_apart_from_a_course() {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert!(is_learn_repository(repo));
        let dir = tempfile::tempdir().unwrap();
        assert!(!is_learn_repository(dir.path()));
        init(&dir.path().join("c")).unwrap();
        assert!(!is_learn_repository(&dir.path().join("c")));
        assert!(dir.path().join("c/.learn/shipped/exercises").is_dir());
        let manifest = std::fs::read(dir.path().join("c/Cargo.toml")).unwrap();
        assert!(workspace::is_generated(&manifest));
    }
}
