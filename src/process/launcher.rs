//! The launcher: `learn __launch STATUS MEMORY PROGRAM ARGS...` runs a
//! learner's program and cleans up after it.
//!
//! It sets the address-space limit (inherited by the program), asks for
//! SIGTERM when `learn` dies (Linux), becomes a child subreaper (Linux: every
//! orphan the program leaves, even one that called `setsid`, becomes the
//! launcher's child), runs the program in a process group of its own and
//! waits. When the program ends, or SIGTERM arrives,
//! it kills the program's group, then every process reparented to it, reaps
//! them, and writes how the program ended to STATUS (`exit N`, `signal N`).

use std::ffi::OsString;
use std::path::Path;
use std::process::{Command, ExitCode};

use super::Ended;

/// The hidden first argument that runs the launcher.
pub const ARG: &str = "__launch";

/// The launcher's command for `cmd`: same program, arguments, folder and
/// environment.
pub fn command(launcher: &Path, cmd: &Command, status: &Path, memory: Option<u64>) -> Command {
    let mut launch = Command::new(launcher);
    launch
        .arg(ARG)
        .arg(status)
        .arg(memory.map_or("none".to_owned(), |m| m.to_string()))
        .arg(cmd.get_program())
        .args(cmd.get_args());
    if let Some(dir) = cmd.get_current_dir() {
        launch.current_dir(dir);
    }
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => launch.env(key, v),
            None => launch.env_remove(key),
        };
    }
    launch
}

/// How the program ended, from the status file the launcher wrote.
pub fn ended(status: &Path) -> Option<Ended> {
    let text = std::fs::read_to_string(status).ok()?;
    let (kind, n) = text.trim().split_once(' ')?;
    let n: i32 = n.parse().ok()?;
    match kind {
        "exit" => Some(Ended::Exit(n)),
        "signal" => Some(Ended::Signal(n)),
        _ => None,
    }
}

/// The launcher's `main`: `args` are what follows `__launch`.
pub fn main(args: &[OsString]) -> ExitCode {
    let [status, memory, program, rest @ ..] = args else {
        eprintln!("learn {ARG}: expected STATUS MEMORY PROGRAM [ARGS...]");
        return ExitCode::from(2);
    };
    #[cfg(unix)]
    {
        unix::run(Path::new(status), memory, program, rest)
    }
    #[cfg(not(unix))]
    {
        let _ = (status, memory, program, rest);
        eprintln!("learn {ARG} is only used on Unix");
        ExitCode::from(2)
    }
}

#[cfg(unix)]
mod unix {
    use std::ffi::{OsStr, OsString};
    use std::path::Path;
    use std::process::{Command, ExitCode};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI32, Ordering};
    use std::time::Duration;

    use rustix::process::{Pid, Signal, WaitOptions};

    use super::super::Ended;

    pub(super) fn run(
        status: &Path,
        memory: &OsStr,
        program: &OsStr,
        args: &[OsString],
    ) -> ExitCode {
        #[cfg(target_os = "linux")]
        {
            // Stop with learn, however learn ends (even SIGKILL).
            let _ = rustix::process::set_parent_process_death_signal(Some(Signal::TERM));
            if rustix::process::getppid().is_none_or(|p| p.as_raw_nonzero().get() == 1) {
                return ExitCode::from(1);
            }
            let _ = rustix::process::set_child_subreaper(Some(rustix::process::getpid()));
        }
        if let Some(bytes) = memory.to_str().and_then(|m| m.parse::<u64>().ok()) {
            let limit = rustix::process::Rlimit {
                current: Some(bytes),
                maximum: Some(bytes),
            };
            let _ = rustix::process::setrlimit(rustix::process::Resource::As, limit);
        }
        // The program's pid once it runs; the signal thread stops its group.
        let child_pid = Arc::new(AtomicI32::new(0));
        watch_signals(Arc::clone(&child_pid), status.to_owned());
        let mut cmd = Command::new(program);
        cmd.args(args);
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let mut child = match cmd.spawn() {
            Ok(child) => child,
            Err(e) => {
                eprintln!("cannot start {}: {e}", program.to_string_lossy());
                write_status(status, Ended::Exit(127));
                return ExitCode::from(127);
            }
        };
        child_pid.store(child.id() as i32, Ordering::SeqCst);
        let ended = match child.wait() {
            Ok(s) => Ended::from_status(s),
            Err(_) => Ended::Exit(1),
        };
        clean_up(child.id() as i32);
        write_status(status, ended);
        ExitCode::from(match ended {
            Ended::Exit(c) => u8::try_from(c).unwrap_or(1),
            Ended::Signal(s) => u8::try_from(128 + s).unwrap_or(1),
        })
    }

    fn write_status(status: &Path, ended: Ended) {
        let text = match ended {
            Ended::Exit(c) => format!("exit {c}"),
            Ended::Signal(s) => format!("signal {s}"),
        };
        let _ = std::fs::write(status, text);
    }

    /// On SIGTERM (learn stops the run, or learn died): stop everything and exit.
    fn watch_signals(child_pid: Arc<AtomicI32>, status: std::path::PathBuf) {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("launcher signals".into())
            .spawn(move || {
                if signals.forever().next().is_some() {
                    clean_up(child_pid.load(Ordering::SeqCst));
                    let _ = std::fs::remove_file(&status);
                    std::process::exit(1);
                }
            });
    }

    /// Kill the program's group, then every process reparented to the
    /// launcher, and reap them, until none is left.
    fn clean_up(child: i32) {
        if let Some(pid) = Pid::from_raw(child) {
            let _ = rustix::process::kill_process_group(pid, Signal::KILL);
        }
        for _ in 0..100 {
            reap();
            let orphans = children();
            if orphans.is_empty() {
                return;
            }
            for pid in orphans {
                let _ = rustix::process::kill_process_group(pid, Signal::KILL);
                let _ = rustix::process::kill_process(pid, Signal::KILL);
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Reap every child that has ended (the launcher has no others to keep).
    fn reap() {
        while let Ok(Some(_)) = rustix::process::waitpid(None, WaitOptions::NOHANG) {}
    }

    /// The launcher's living children (Linux: from /proc).
    fn children() -> Vec<Pid> {
        let me = rustix::process::getpid().as_raw_nonzero().get();
        let mut found = Vec::new();
        // Fast path: the kernel's list of children, per thread.
        if let Ok(tasks) = std::fs::read_dir(format!("/proc/{me}/task")) {
            for task in tasks.flatten() {
                if let Ok(list) = std::fs::read_to_string(task.path().join("children")) {
                    found.extend(
                        list.split_whitespace()
                            .filter_map(|p| p.parse::<i32>().ok()),
                    );
                }
            }
            if !found.is_empty() || Path::new(&format!("/proc/{me}/task/{me}/children")).exists() {
                return found.into_iter().filter_map(Pid::from_raw).collect();
            }
        }
        // Without that list: every process whose parent is the launcher.
        let Ok(procs) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        for entry in procs.flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<i32>() else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            // pid (comm) state ppid ...
            let ppid = stat
                .rsplit_once(") ")
                .and_then(|(_, rest)| rest.split(' ').nth(1))
                .and_then(|p| p.parse::<i32>().ok());
            if ppid == Some(me) {
                found.push(pid);
            }
        }
        found.into_iter().filter_map(Pid::from_raw).collect()
    }
}
