//! Running a program under limits: a time limit, an output cap, a memory
//! limit, a cancel flag; and making sure nothing it starts outlives it or
//! `learn`.
//!
//! On Unix a learner's program runs under a launcher (this binary again,
//! `learn __launch`, see [`launcher`]) that sets the memory limit, runs the
//! program in a process group of its own, and when the program ends stops
//! whatever it left behind; on Linux it is a child subreaper, so even a
//! grandchild that left the group (`setsid`) is found. The launcher also
//! dies with `learn` (parent-death signal), taking the program with it.
//! Elsewhere (Windows), the program is stopped alone: what it started may
//! outlive it.

pub mod launcher;
pub mod signals;

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use wait_timeout::ChildExt;

/// How long, how loud and how big a learner's program may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub timeout: Duration,
    /// Bytes of stdout and stderr together.
    pub output_cap: usize,
    /// Bytes of address space (Unix); None: no limit.
    pub memory: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(10),
            output_cap: 1 << 20,
            memory: Some(2 << 30),
        }
    }
}

/// Set from another thread to stop a run early (a newer save arrived).
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// How a process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Exit(i32),
    /// Killed by this signal (Unix).
    Signal(i32),
}

impl Ended {
    pub fn success(self) -> bool {
        self == Ended::Exit(0)
    }

    pub fn code(self) -> Option<i32> {
        match self {
            Ended::Exit(c) => Some(c),
            Ended::Signal(_) => None,
        }
    }

    fn from_status(status: std::process::ExitStatus) -> Ended {
        #[cfg(unix)]
        if let Some(sig) = std::os::unix::process::ExitStatusExt::signal(&status) {
            return Ended::Signal(sig);
        }
        Ended::Exit(status.code().unwrap_or(-1))
    }
}

/// What a finished process left behind.
#[derive(Debug)]
pub struct Exec {
    /// None when learn stopped it (time-out, flood, cancel).
    pub ended: Option<Ended>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub timed_out: bool,
    pub flooded: bool,
    pub cancelled: bool,
}

/// The program that runs learners' programs under their limits: this binary,
/// registered by `main`. Without it (the library's own unit tests), programs
/// run directly: time and output limits hold, the memory limit does not.
static LAUNCHER: OnceLock<PathBuf> = OnceLock::new();

pub fn set_launcher(path: PathBuf) {
    let _ = LAUNCHER.set(path);
}

/// Whether a run is a learner's program (contained by the launcher) or a
/// trusted tool such as rustc (run directly, in a group of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Program,
    Tool,
}

/// Run a command with a time limit, an output cap and a cancel flag; a
/// learner's program also with the memory limit and the launcher's clean-up.
pub fn exec(cmd: Command, limits: &Limits, cancel: &Cancel, kind: Kind) -> Result<Exec> {
    let status_file = tempfile::NamedTempFile::new().context("cannot create a temporary file")?;
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut cmd = match (kind, LAUNCHER.get()) {
        (Kind::Program, Some(launcher)) if cfg!(unix) => {
            launcher::command(launcher, &cmd, status_file.path(), limits.memory)
        }
        _ => cmd,
    };
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = signals::spawn(&mut cmd).with_context(|| format!("cannot start {program}"))?;
    let guard = signals::Running(child.id());

    let total = Arc::new(AtomicUsize::new(0));
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let reader = |mut pipe: Box<dyn Read + Send>| -> Result<Arc<Mutex<Vec<u8>>>> {
        let kept = Arc::new(Mutex::new(Vec::new()));
        let (total, sink, done) = (Arc::clone(&total), Arc::clone(&kept), done_tx.clone());
        let cap = limits.output_cap;
        std::thread::Builder::new()
            .name("output reader".into())
            .spawn(move || {
                let mut buf = [0u8; 16 * 1024];
                while let Ok(n) = pipe.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    let before = total.fetch_add(n, Ordering::SeqCst);
                    if before < cap {
                        let mut kept = sink.lock().unwrap_or_else(|e| e.into_inner());
                        kept.extend_from_slice(&buf[..n.min(cap - before)]);
                    }
                }
                let _ = done.send(());
            })?;
        Ok(kept)
    };
    let out = reader(Box::new(child.stdout.take().expect("piped")))?;
    let err = reader(Box::new(child.stderr.take().expect("piped")))?;
    let start = Instant::now();
    let (mut timed_out, mut flooded, mut cancelled) = (false, false, false);
    let status = loop {
        if let Some(status) = child.wait_timeout(Duration::from_millis(5))? {
            break Some(status);
        }
        timed_out = start.elapsed() > limits.timeout;
        flooded = total.load(Ordering::SeqCst) > limits.output_cap;
        cancelled = cancel.is_cancelled();
        if timed_out || flooded || cancelled {
            signals::stop(&mut child);
            break None;
        }
    };
    if signals::ending() {
        // Clean up, then tell the signal's handler this child is done with.
        drop(status_file);
        drop(guard);
        signals::park_forever();
    }
    // The pipes close when every process holding them is gone. The launcher
    // has stopped what the program left behind; without it, stop the group.
    let mut finished = 0;
    let mut readers_done = |within: Duration| {
        let deadline = Instant::now() + within;
        while finished < 2 {
            match done_rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(()) => finished += 1,
                Err(_) => break,
            }
        }
        finished == 2
    };
    if !readers_done(Duration::from_millis(300)) {
        signals::kill_group(child.id());
        readers_done(Duration::from_millis(300));
    }
    signals::kill_group(child.id());
    drop(guard);
    let take = |buf: &Arc<Mutex<Vec<u8>>>| {
        std::mem::take(&mut *buf.lock().unwrap_or_else(|e| e.into_inner()))
    };
    let ended =
        status.map(|s| launcher::ended(status_file.path()).unwrap_or(Ended::from_status(s)));
    Ok(Exec {
        ended,
        stdout: take(&out),
        stderr: take(&err),
        timed_out,
        flooded: flooded || total.load(Ordering::SeqCst) > limits.output_cap,
        cancelled,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_program_is_stopped_at_its_time_limit_and_its_output_kept() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo started; sleep 30"]);
        let limits = Limits {
            timeout: Duration::from_millis(300),
            ..Limits::default()
        };
        let start = Instant::now();
        let exec = exec(cmd, &limits, &Cancel::default(), Kind::Tool).unwrap();
        assert!(exec.timed_out && exec.ended.is_none());
        assert_eq!(exec.stdout, b"started\n");
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[cfg(unix)]
    #[test]
    fn a_flood_is_cut_at_the_cap() {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "yes flood"]);
        let limits = Limits {
            output_cap: 1000,
            ..Limits::default()
        };
        let exec = exec(cmd, &limits, &Cancel::default(), Kind::Tool).unwrap();
        assert!(exec.flooded);
        assert_eq!(exec.stdout.len(), 1000);
    }

    #[cfg(unix)]
    #[test]
    fn exit_codes_and_signals() {
        let run = |script: &str| {
            let mut cmd = Command::new("sh");
            cmd.args(["-c", script]);
            exec(cmd, &Limits::default(), &Cancel::default(), Kind::Tool)
                .unwrap()
                .ended
        };
        assert_eq!(run("exit 3"), Some(Ended::Exit(3)));
        assert_eq!(run("kill -9 $$"), Some(Ended::Signal(9)));
        assert!(run("true").unwrap().success());
    }
}
