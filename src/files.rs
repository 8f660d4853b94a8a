//! Files: atomic writes, locks, the `.learn` folder, and the rule that a
//! write never follows a symlink out of the course folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// `.learn/` inside a course folder: progress, the review log, the build cache.
pub fn learn_dir(root: &Path) -> PathBuf {
    root.join(".learn")
}

/// The prefix of the temporary files of an atomic write: a writer killed
/// mid-write leaves one behind, which `clean_temporaries` removes and
/// `.learn/.gitignore` ignores.
pub const TEMP_PREFIX: &str = ".learn-tmp-";

/// Write a file so that readers see the old or the new content, never a mix:
/// a temporary file in the same folder, fsync, rename. New files get the
/// usual permissions (0666 less the umask), like any other program's.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_renamed(path, bytes, true)
}

/// As [`write_atomic`], without waiting for the disk: for a cache, which
/// is checked when read (a file cut short by a crash is no cache) and
/// rebuilt when it is not usable.
pub fn write_cache(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_renamed(path, bytes, false)
}

fn write_renamed(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if sync {
        tmp.as_file().sync_all()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Remove the temporary files that killed writers left in `dir`. Only call
/// it while holding the lock every writer of that folder takes.
pub fn clean_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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

/// What `.learn/.gitignore` keeps out of git: the progress file and the
/// review log are meant to be committed, the rest is rebuilt on demand.
const GITIGNORE: &str = "\
# learn: the build cache is rebuilt on demand, the lock is held only while
# saving, and temporary files are left only by a write that was killed.
cache/
progress.lock
.learn-tmp-*
";

/// Write `.learn/.gitignore` if it is missing or out of date.
pub fn write_gitignore(learn_dir: &Path) {
    let ignore = learn_dir.join(".gitignore");
    if std::fs::read_to_string(&ignore).ok().as_deref() != Some(GITIGNORE) {
        // Best effort: without it, git only shows more files.
        let _ = write_atomic(&ignore, GITIGNORE.as_bytes());
    }
}

/// Refuse to write `path` when the folders on its way are symlinks that lead
/// outside `root`: a write must land inside the course folder. Folders that
/// do not exist yet are created inside it.
pub fn check_inside(root: &Path, path: &Path) -> Result<()> {
    let root = std::fs::canonicalize(root)
        .with_context(|| format!("cannot resolve the course folder {}", root.display()))?;
    // The nearest folder on the way that exists, resolved through symlinks.
    let mut existing = path.parent().unwrap_or(path);
    while !existing.exists() {
        match existing.parent() {
            Some(p) => existing = p,
            None => return Ok(()),
        }
    }
    let real = std::fs::canonicalize(existing)
        .with_context(|| format!("cannot resolve {}", existing.display()))?;
    if !real.starts_with(&root) {
        bail!(
            "refusing to write {}: {} leads outside the course folder (to {}), probably through a symlink. Replace the symlink by a real folder, or restore the file by hand.",
            path.display(),
            existing.display(),
            real.display()
        );
    }
    // The file itself must not be a symlink out either.
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && meta.file_type().is_symlink()
    {
        let target = std::fs::canonicalize(path).unwrap_or_default();
        if !target.starts_with(&root) {
            bail!(
                "refusing to write {}: it is a symlink to {}, outside the course folder. Remove the symlink, or restore the file by hand.",
                path.display(),
                target.display()
            );
        }
    }
    Ok(())
}

/// `FILE.bak`, or `.bak2`, `.bak3`… so that no earlier backup is overwritten.
pub fn free_backup_name(path: &Path) -> PathBuf {
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
    fn atomic_write_replaces_whole_file_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b.txt");
        write_atomic(&p, b"first, longer").unwrap();
        write_atomic(&p, b"second").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "second");
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn new_files_follow_the_umask_not_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        write_atomic(&p, b"x").unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        // Whatever the umask, group or others may read unless it forbids it:
        // 0600 would mean the umask was ignored (test runners use 022 or 002).
        assert_ne!(mode, 0o600, "{mode:o}");
        assert_eq!(mode & 0o600, 0o600, "{mode:o}");
    }

    #[test]
    fn temporaries_left_by_killed_writers_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".learn-tmp-abc"), "half").unwrap();
        std::fs::write(dir.path().join("progress.toml"), "kept").unwrap();
        clean_temporaries(dir.path());
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["progress.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn writes_through_a_symlink_out_of_the_course_are_refused() {
        let course = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), course.path().join("exercises")).unwrap();
        let e = check_inside(course.path(), &course.path().join("exercises/a.rs")).unwrap_err();
        assert!(
            e.to_string().contains("leads outside the course folder"),
            "{e}"
        );
        // Inside, or not yet existing: fine.
        std::fs::create_dir(course.path().join("solutions")).unwrap();
        check_inside(course.path(), &course.path().join("solutions/a.rs")).unwrap();
        check_inside(course.path(), &course.path().join(".learn/x/y.toml")).unwrap();
        // A file that is itself a symlink out.
        std::os::unix::fs::symlink(
            outside.path().join("f.rs"),
            course.path().join("solutions/f.rs"),
        )
        .unwrap();
        std::fs::write(outside.path().join("f.rs"), "").unwrap();
        let e = check_inside(course.path(), &course.path().join("solutions/f.rs")).unwrap_err();
        assert!(e.to_string().contains("it is a symlink to"), "{e}");
    }
}
