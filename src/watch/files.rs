//! File events for watch mode: notify on the exercise folders, or polling
//! where file events do not arrive (WSL drives, network file systems).

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use anyhow::{Context, Result};
use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode, Watcher};

use super::Event;

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
    match remote_file_system(root) {
        Some(fs) => Mode::Poll {
            ms: 300,
            reason: format!("the course is on a {fs} file system, where file events do not arrive"),
        },
        None => Mode::Events,
    }
}

/// The name of the file system holding `path` when it is one on which
/// inotify misses changes (network and virtual-machine shares, FUSE), from
/// `statfs` (Linux). Elsewhere: None, file events are used.
#[cfg(target_os = "linux")]
fn remote_file_system(path: &Path) -> Option<&'static str> {
    let magic = rustix::fs::statfs(path).ok()?.f_type as i64 as u32;
    kind_of(magic)
}

#[cfg(not(target_os = "linux"))]
fn remote_file_system(_path: &Path) -> Option<&'static str> {
    None
}

/// The file systems watch mode polls on, by their `statfs` magic number.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn kind_of(magic: u32) -> Option<&'static str> {
    Some(match magic {
        // WSL 2 mounts Windows drives over 9p.
        0x0102_1997 => "9p",
        0x6969 => "NFS",
        0xFF53_4D42 => "CIFS",
        0xFE53_4D42 => "SMB2",
        0x517B => "SMB",
        0x786F_4256 => "VirtualBox shared folder",
        // sshfs, vmhgfs and other FUSE file systems.
        0x6573_5546 => "FUSE",
        _ => return None,
    })
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
    fn network_and_shared_file_systems_are_polled() {
        // WSL's Windows drives, NFS, SMB, VirtualBox, sshfs.
        for magic in [
            0x0102_1997,
            0x6969,
            0xFF53_4D42,
            0xFE53_4D42,
            0x786F_4256,
            0x6573_5546,
        ] {
            assert!(kind_of(magic).is_some(), "{magic:x}");
        }
        // ext4, tmpfs, btrfs, xfs, overlayfs.
        for magic in [0xEF53, 0x0102_1994, 0x9123_683E, 0x5846_5342, 0x794C_7630] {
            assert_eq!(kind_of(magic), None, "{magic:x}");
        }
    }

    #[test]
    fn local_folders_use_events() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(choose(dir.path(), None), Mode::Events);
    }
}
