//! Running a process under limits: a time limit, an output cap, a cancel
//! flag, and a process group so that nothing it starts outlives it.

use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use wait_timeout::ChildExt;

use super::{Cancel, Limits};

/// What a finished process left behind.
pub(super) struct Exec {
    pub(super) status: Option<ExitStatus>,
    pub(super) stdout: Vec<u8>,
    pub(super) stderr: Vec<u8>,
    pub(super) timed_out: bool,
    pub(super) flooded: bool,
    pub(super) cancelled: bool,
}

/// Run a command with a time limit, an output cap and a cancel flag.
///
/// The command runs in a process group of its own, so that a learner's
/// program that starts programs of its own is stopped whole: a grandchild
/// left holding the output pipes would otherwise keep the check waiting.
pub(super) fn exec(mut cmd: Command, limits: Limits, cancel: &Cancel) -> Result<Exec> {
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let program = cmd.get_program().to_string_lossy().into_owned();
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {program}"))?;
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
            kill_group(&mut child);
            let _ = child.wait();
            break None;
        }
    };
    // The pipes close when every process holding them is gone; a program
    // that left something running behind it gets that stopped too.
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
        kill_group(&mut child);
        readers_done(Duration::from_millis(300));
    }
    let take = |buf: &Arc<Mutex<Vec<u8>>>| {
        std::mem::take(&mut *buf.lock().unwrap_or_else(|e| e.into_inner()))
    };
    Ok(Exec {
        status,
        stdout: take(&out),
        stderr: take(&err),
        timed_out,
        flooded: flooded || total.load(Ordering::SeqCst) > limits.output_cap,
        cancelled,
    })
}

/// Stop a child and everything it started (its process group).
fn kill_group(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        // `unsafe` is not allowed here, so no libc::kill: the kill program
        // signals the whole group.
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
}
