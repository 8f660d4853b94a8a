//! File events for watch mode: notify on the exercise folders, or polling
//! where file events do not arrive (WSL drives, network file systems).

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode, Watcher};

use super::Event;

/// File systems on which inotify events for changes do not arrive reliably.
const POLL_FILE_SYSTEMS: [&str; 10] = [
    "9p",
    "drvfs",
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "vboxsf",
    "fuse.sshfs",
    "fuse.vmhgfs-fuse",
];

/// How files are watched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Events,
    /// Poll every so many milliseconds; the reason is shown on screen.
    Poll {
        ms: u64,
        reason: String,
    },
}

/// Choose events or polling: `--poll` wins; else poll on file systems known
/// not to deliver events.
pub fn choose(root: &Path, poll: Option<u64>) -> Mode {
    if let Some(ms) = poll {
        return Mode::Poll {
            ms: ms.max(10),
            reason: "--poll was given".to_owned(),
        };
    }
    match file_system(root) {
        Some(fs) if POLL_FILE_SYSTEMS.contains(&fs.as_str()) => Mode::Poll {
            ms: 300,
            reason: format!("the course is on a {fs} file system, where file events do not arrive"),
        },
        _ => Mode::Events,
    }
}

/// The type of the file system holding `path` (Linux: from /proc/self/mountinfo).
fn file_system(path: &Path) -> Option<String> {
    let path = std::fs::canonicalize(path).ok()?;
    let info = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    mount_type(&info, &path)
}

/// The type of the innermost mount holding `path`, from mountinfo's text.
fn mount_type(mountinfo: &str, path: &Path) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for line in mountinfo.lines() {
        // ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPER
        let Some(mount) = line.split(' ').nth(4).map(|m| m.replace("\\040", " ")) else {
            continue;
        };
        let Some(fstype) = line
            .split(" - ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
        else {
            continue;
        };
        if path.starts_with(&mount) && best.as_ref().is_none_or(|(len, _)| mount.len() >= *len) {
            best = Some((mount.len(), fstype.to_owned()));
        }
    }
    best.map(|(_, fs)| fs)
}

/// A running watcher; dropping it stops the events.
pub struct Watch {
    _watcher: Box<dyn Watcher + Send>,
}

/// Watch the folders holding `files`; every change to one of them is sent as
/// `Event::File`. Reads (which watch mode itself causes) are not sent.
/// Returns the folders that do not exist (and so are not watched).
pub fn watch(files: &[PathBuf], mode: &Mode, tx: Sender<Event>) -> Result<(Watch, Vec<PathBuf>)> {
    let wanted: Vec<PathBuf> = files.to_vec();
    let handler = move |res: notify::Result<notify::Event>| match res {
        Ok(event) => {
            if is_read(&event.kind) {
                return;
            }
            for path in event.paths {
                if wanted.contains(&path) {
                    let _ = tx.send(Event::File(path));
                }
            }
        }
        Err(e) => {
            let _ = tx.send(Event::WatchError(e.to_string()));
        }
    };
    let mut watcher: Box<dyn Watcher + Send> = match mode {
        Mode::Events => {
            Box::new(notify::recommended_watcher(handler).context("cannot start the file watcher")?)
        }
        Mode::Poll { ms, .. } => Box::new(
            // The poller's timestamps have whole-second resolution: compare
            // contents too, or two saves within one second look the same.
            notify::PollWatcher::new(
                handler,
                notify::Config::default()
                    .with_poll_interval(Duration::from_millis(*ms))
                    .with_compare_contents(true),
            )
            .context("cannot start the file poller")?,
        ),
    };
    let mut dirs: Vec<&Path> = files.iter().filter_map(|f| f.parent()).collect();
    dirs.sort();
    dirs.dedup();
    let mut missing = Vec::new();
    for dir in dirs {
        if !dir.is_dir() {
            missing.push(dir.to_path_buf());
            continue;
        }
        // Watching the folder, not the file, sees saves that replace the file
        // (write to a temporary file and rename, or delete and create).
        watcher
            .watch(dir, RecursiveMode::NonRecursive)
            .with_context(|| format!("cannot watch {}", dir.display()))?;
    }
    Ok((Watch { _watcher: watcher }, missing))
}

fn is_read(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(
            AccessKind::Open(_) | AccessKind::Read | AccessKind::Close(AccessMode::Read)
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poll_flag_wins() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            choose(dir.path(), Some(50)),
            Mode::Poll {
                ms: 50,
                reason: "--poll was given".into()
            }
        );
    }

    #[test]
    fn the_innermost_mount_decides() {
        // A WSL machine: the Windows drive is a 9p mount under an ext4 root.
        let info = "\
23 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sdb rw
40 23 0:43 / /mnt/c rw,noatime shared:20 - 9p drvfs rw,dirsync,aname=drvfs
41 23 0:44 / /mnt/my\\040disk rw - nfs4 server:/x rw
";
        let fs = |p: &str| mount_type(info, Path::new(p));
        assert_eq!(fs("/home/me/course").as_deref(), Some("ext4"));
        assert_eq!(fs("/mnt/c/Users/me/course").as_deref(), Some("9p"));
        assert_eq!(fs("/mnt/my disk/course").as_deref(), Some("nfs4"));
        assert!(POLL_FILE_SYSTEMS.contains(&fs("/mnt/c/x").unwrap().as_str()));
        assert_eq!(mount_type("garbage\n", Path::new("/x")), None);
    }

    #[test]
    fn local_folders_use_events() {
        let dir = tempfile::tempdir().unwrap();
        if let Some(fs) = file_system(dir.path()) {
            assert!(!POLL_FILE_SYSTEMS.contains(&fs.as_str()), "{fs}");
            assert_eq!(choose(dir.path(), None), Mode::Events);
        }
    }
}
