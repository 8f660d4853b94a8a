//! The processes `learn` is running, so that a signal to `learn` (Ctrl-C
//! outside watch mode, `kill`, a closed terminal) stops them and runs the
//! registered clean-ups (the terminal is restored) before it exits.

use std::process::{Child, Command};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The signal that is ending learn, once one came (0 until then).
static ENDING: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);

/// Whether a signal is ending learn. A thread whose child just ended then
/// knows why: learn stopped it on the way out, which says nothing about the
/// learner's code; it cleans up and calls [`park_forever`].
pub fn ending() -> bool {
    ENDING.load(std::sync::atomic::Ordering::SeqCst) != 0
}

/// Wait, reporting and recording nothing, until the signal's handler exits
/// learn.
pub fn park_forever() -> ! {
    loop {
        std::thread::park();
    }
}

/// Process ids of the running children (each leads a process group).
static RUNNING: Mutex<Vec<u32>> = Mutex::new(Vec::new());

/// What to do before `learn` exits on a signal.
type Cleanup = Box<dyn Fn() + Send>;
static CLEANUPS: Mutex<Vec<Cleanup>> = Mutex::new(Vec::new());

fn running() -> std::sync::MutexGuard<'static, Vec<u32>> {
    RUNNING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Spawn and register in one step, so a signal never misses a child.
pub fn spawn(cmd: &mut Command) -> std::io::Result<Child> {
    let mut running = running();
    let child = cmd.spawn()?;
    running.push(child.id());
    Ok(child)
}

/// Unregisters its child when dropped.
pub struct Running(pub u32);

impl Drop for Running {
    fn drop(&mut self) {
        running().retain(|&p| p != self.0);
    }
}

/// Stop a child: ask its group first (see `terminate`), then kill what is
/// left of it; wait for it.
pub fn stop(child: &mut Child) {
    #[cfg(unix)]
    {
        use wait_timeout::ChildExt;
        terminate(child.id());
        if matches!(child.wait_timeout(Duration::from_millis(500)), Ok(Some(_))) {
            kill_group(child.id());
            return;
        }
        kill_group(child.id());
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(unix)]
fn pid(id: u32) -> Option<rustix::process::Pid> {
    rustix::process::Pid::from_raw(i32::try_from(id).ok()?)
}

/// Ask the whole group `id` leads to stop: the launcher stops what the
/// program started, and a compiler's linker removes its temporary files.
#[cfg(unix)]
fn terminate(id: u32) {
    if let Some(pid) = pid(id) {
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::TERM);
    }
}

/// Kill every process left in the group `id` leads (a no-op without groups).
pub fn kill_group(id: u32) {
    #[cfg(unix)]
    if let Some(pid) = pid(id) {
        let _ = rustix::process::kill_process_group(pid, rustix::process::Signal::KILL);
    }
    #[cfg(not(unix))]
    let _ = id;
}

/// Run `cleanup` before `learn` exits on a signal (and never again after
/// `forget_cleanups`).
pub fn on_signal(cleanup: impl Fn() + Send + 'static) {
    CLEANUPS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Box::new(cleanup));
}

/// Drop the clean-ups (the terminal was restored the normal way).
pub fn forget_cleanups() {
    CLEANUPS.lock().unwrap_or_else(|e| e.into_inner()).clear();
}

/// Handle SIGINT, SIGTERM and SIGHUP: stop every running child and its
/// group, run the clean-ups, exit with 128 + the signal's number.
pub fn install() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    ENDING.store(signal, std::sync::atomic::Ordering::SeqCst);
                    // The clean-up may block (a terminal nobody reads any
                    // more): it gets a moment, then learn exits regardless.
                    let (done, wait) = std::sync::mpsc::channel();
                    let _ = std::thread::Builder::new()
                        .name("clean-up".into())
                        .spawn(move || {
                            stop_everything();
                            // Each thread that ran a child cleans up after
                            // it (its temporary file) and unregisters it.
                            let deadline = Instant::now() + Duration::from_millis(500);
                            while !running().is_empty() && Instant::now() < deadline {
                                std::thread::sleep(Duration::from_millis(5));
                            }
                            if let Ok(cleanups) = CLEANUPS.try_lock() {
                                for cleanup in cleanups.iter() {
                                    cleanup();
                                }
                            }
                            let _ = done.send(());
                        });
                    let _ = wait.recv_timeout(Duration::from_millis(1500));
                    // A signal handler's exit: nothing else may run after it.
                    std::process::exit(128 + signal);
                }
            });
    }
}

/// Ask every running child to stop, give the launchers a moment to clean up,
/// then kill what is left of every group.
#[cfg(unix)]
fn stop_everything() {
    let ids: Vec<u32> = match RUNNING.try_lock() {
        Ok(ids) => ids.clone(),
        // A spawn in progress: it registers right after; stop what is known.
        Err(_) => {
            std::thread::sleep(Duration::from_millis(50));
            running().clone()
        }
    };
    for &id in &ids {
        terminate(id);
    }
    let deadline = Instant::now() + Duration::from_millis(300);
    while Instant::now() < deadline && ids.iter().any(|&id| alive(id)) {
        std::thread::sleep(Duration::from_millis(10));
    }
    for &id in &ids {
        kill_group(id);
    }
}

/// Whether a process still runs (and is not a zombie waiting to be reaped).
#[cfg(unix)]
fn alive(id: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{id}/stat")) {
        Ok(stat) => stat
            .rsplit_once(") ")
            .is_some_and(|(_, rest)| !rest.starts_with('Z')),
        // Not Linux: ask the kernel whether the pid exists.
        Err(_) => pid(id).is_some_and(|p| rustix::process::test_kill_process(p).is_ok()),
    }
}
