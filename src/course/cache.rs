//! The parsed course, kept in `.learn/cache/course.bin` so that a command
//! does not parse and validate a large info.toml again: the built-in
//! course's info.toml is over 700 KB, and parsing it costs more than a
//! tenth of a compile, while reading the cache costs a millisecond or two.
//!
//! The file is the key, then the course in postcard's binary form. The key
//! identifies info.toml's version and the running learn (see `key`), so an
//! edited course or another build of learn never reads a stale or
//! differently shaped cache. Only a course in
//! learn's own format is cached: what it parses to depends on info.toml
//! alone (a rustlings course also looks at which solutions exist).
//!
//! The cache is an optimisation and nothing else: any problem reading or
//! writing it means parsing info.toml as if it were not there.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::{Course, Format};
use crate::files;

const FILE: &str = "course.bin";
const MAGIC: &[u8] = b"learn course cache 1\n";

/// How long info.toml must be unchanged before its parse is cached.
const STILL: std::time::Duration = std::time::Duration::from_secs(3);

/// The cache key of info.toml as it is now, for this build of learn; None
/// when either cannot be identified (then nothing is cached). It is taken
/// from the metadata, so that a command that finds the course cached does
/// not read info.toml at all: size, modification time and, on Unix, the
/// inode and the change time, which no editor or tool preserves when it
/// writes a file. Take it before reading info.toml: a course edited in
/// between is then cached under the old key and parsed again next time.
pub(super) fn key(info: &Path) -> Option<[u8; 32]> {
    let exe = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let info = std::fs::metadata(info).ok()?;
    // A file written in the last seconds may be written again within its
    // file system's time granularity, leaving the metadata as it was: such
    // a course is parsed, not cached, until it has been still for a while.
    let age = std::time::SystemTime::now().duration_since(info.modified().ok()?);
    if age.is_ok_and(|age| age < STILL) {
        return None;
    }
    // A modification time in the future (clock skew) does not stop caching:
    // the next write sets a time of its own.
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    for meta in [&exe, &info] {
        hasher.update(&meta.len().to_le_bytes());
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        hasher.update(&modified.as_nanos().to_le_bytes());
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            for n in [
                meta.ino(),
                meta.dev(),
                meta.ctime() as u64,
                meta.ctime_nsec() as u64,
            ] {
                hasher.update(&n.to_le_bytes());
            }
        }
    }
    Some(*hasher.finalize().as_bytes())
}

fn path(root: &Path) -> PathBuf {
    files::learn_dir(root).join("cache").join(FILE)
}

/// The course cached under `key`, if the cache holds it.
pub(super) fn get(root: &Path, key: &[u8; 32]) -> Option<Course> {
    let path = path(root);
    // Anything but a file (a FIFO would block) is no cache.
    if !std::fs::metadata(&path).ok()?.is_file() {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    let rest = bytes.strip_prefix(MAGIC)?.strip_prefix(key.as_slice())?;
    let (mut course, unread) = postcard::take_from_bytes::<Course>(rest).ok()?;
    if !unread.is_empty() || course.format != Format::Learn {
        return None;
    }
    course.root = root.to_path_buf();
    Some(course)
}

/// Keep `course` under `key`. Only where the learner's `.learn/` folder
/// already exists: a command that only reads never creates it.
pub(super) fn put(root: &Path, key: &[u8; 32], course: &Course) {
    if course.format != Format::Learn || !files::learn_dir(root).is_dir() {
        return;
    }
    let target = path(root);
    if files::check_inside(root, &target).is_err() {
        return;
    }
    let Ok(payload) = postcard::to_stdvec(course) else {
        return;
    };
    let mut bytes = Vec::with_capacity(MAGIC.len() + key.len() + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(key);
    bytes.extend_from_slice(&payload);
    // Best effort: without the cache, the next command parses info.toml.
    let _ = files::write_cache(&target, &bytes);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A course whose info.toml was last written an hour ago.
    fn course_in(dir: &Path) -> (PathBuf, Course) {
        let text = include_str!("../../tests/fixtures/basic/info.toml");
        let info = dir.join("info.toml");
        std::fs::write(&info, text).unwrap();
        assert!(key(&info).is_none(), "just written: not cached yet");
        let then = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&info)
            .unwrap()
            .set_modified(then)
            .unwrap();
        let course = Course::parse_with(dir, text, super::super::Files::Learner).unwrap();
        (info, course)
    }

    #[test]
    fn a_cached_course_reads_back_only_under_its_key() {
        let dir = tempfile::tempdir().unwrap();
        let (info, course) = course_in(dir.path());
        let k = key(&info).unwrap();
        put(dir.path(), &k, &course);
        assert!(
            !path(dir.path()).exists(),
            "no .learn/ folder: nothing is written"
        );

        std::fs::create_dir(files::learn_dir(dir.path())).unwrap();
        put(dir.path(), &k, &course);
        let back = get(dir.path(), &k).expect("cached");
        assert_eq!(back.root, dir.path());
        assert_eq!(back.steps[0].name, "passes");
        assert_eq!(back.steps[0].mcqs[0].answer, course.steps[0].mcqs[0].answer);
        assert_eq!(format!("{back:?}"), format!("{course:?}"));

        // An edit of the same length keeps the size, and a tool may keep
        // the modification time; on Unix the change time still changes the
        // key.
        #[cfg(unix)]
        {
            let text = std::fs::read_to_string(&info).unwrap();
            let modified = std::fs::metadata(&info).unwrap().modified().unwrap();
            std::fs::write(&info, text.replacen("passes", "passed", 1)).unwrap();
            std::fs::File::options()
                .write(true)
                .open(&info)
                .unwrap()
                .set_modified(modified)
                .unwrap();
            assert_ne!(key(&info).unwrap(), k);
            assert!(get(dir.path(), &key(&info).unwrap()).is_none());
        }
    }

    #[test]
    fn a_damaged_cache_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let (info, course) = course_in(dir.path());
        std::fs::create_dir(files::learn_dir(dir.path())).unwrap();
        let k = key(&info).unwrap();
        put(dir.path(), &k, &course);
        let file = path(dir.path());
        let whole = std::fs::read(&file).unwrap();
        for cut in [0, MAGIC.len(), MAGIC.len() + 32, whole.len() - 1] {
            std::fs::write(&file, &whole[..cut]).unwrap();
            assert!(get(dir.path(), &k).is_none(), "cut at {cut}");
        }
        let mut longer = whole.clone();
        longer.push(0);
        std::fs::write(&file, &longer).unwrap();
        assert!(get(dir.path(), &k).is_none());
    }
}
