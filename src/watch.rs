//! `learn watch`: recompile on every save, then gate the step on its
//! questions. One event channel, producer threads for files, input and
//! checks, and one `match` on the main thread. On a terminal the screen is
//! drawn from the state after every event (`draw`); otherwise each change
//! is printed once, as a transcript a script can read.

mod app;
mod draw;
mod files;
mod keys;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::cli::WatchArgs;
use crate::course::Course;
use crate::process::Cancel;
use crate::runner::{Checked, Job, Runner};
use crate::session::{Ctx, Exit, Target};
use crate::shell::Shell;
use crate::term::{self, Input, Screen};
use crate::workspace;

use app::App;

/// Everything the main loop reacts to.
pub enum Event {
    /// A watched exercise file changed (or may have).
    File(PathBuf),
    Input(Input),
    /// A check finished; `generation` tells whether it is still current.
    Checked {
        generation: u64,
        /// The check was asked for by a save or `r`: it counts as an attempt.
        attempt: bool,
        /// The cache key of the content checked.
        key: String,
        result: Result<Checked>,
    },
    WatchError(String),
}

/// A request to the checker thread.
struct CheckRequest {
    generation: u64,
    target: Target,
    attempt: bool,
    key: String,
    cancel: Cancel,
}

/// Run watch mode until the learner quits.
pub fn run(ctx: Ctx, sh: &mut Shell, args: &WatchArgs) -> Result<Exit> {
    let runner = ctx.runner()?;
    // The generated Cargo.toml follows info.toml (a hand-written one is left alone).
    match workspace::refresh(&ctx.course) {
        Ok(workspace::Update::Rewritten) => sh.note(&format!(
            "{} rewritten for your editor: info.toml changed",
            workspace::MANIFEST
        ))?,
        Ok(_) => {}
        Err(e) => sh.warn(&format!("{e:#}"))?,
    }
    let tty = term::interactive();
    let (tx, rx) = mpsc::channel();
    let mode = files::choose(&ctx.course.root, args.poll);
    let paths: Vec<PathBuf> = ctx
        .course
        .exercises()
        .map(|(_, e)| ctx.course.exercise_path(e))
        .collect();
    let (_watch, missing) = files::watch(&paths, &mode, tx.clone())?;
    let paused = Arc::new(AtomicBool::new(false));
    let input_tx = tx.clone();
    term::spawn_input(tty, Arc::clone(&paused), move |i| {
        input_tx.send(Event::Input(i)).is_ok()
    })?;
    let checks = spawn_checker(runner.clone(), &ctx.course, tx)?;
    let poll_note = match &mode {
        files::Mode::Poll { ms, reason } => {
            Some(format!("Polling for changes every {ms} ms: {reason}."))
        }
        files::Mode::Events => None,
    };
    let mut screen = if tty {
        Some(Screen::enter(paused)?)
    } else {
        None
    };
    let mut app = App::new(ctx, runner, tty, checks, poll_note);
    app.start(&missing);
    let result = event_loop(&mut app, &rx, &mut screen, sh);
    app.stop_check(&rx);
    drop(screen);
    result?;
    writeln!(
        sh.out(),
        "Progress saved. Run `learn` to continue where you left off."
    )?;
    Ok(Exit::Success)
}

fn event_loop(
    app: &mut App,
    rx: &Receiver<Event>,
    screen: &mut Option<Screen>,
    sh: &mut Shell,
) -> Result<()> {
    show(app, screen, sh)?;
    while !app.quit {
        let Ok(event) = rx.recv() else { break };
        app.handle(event)?;
        // Apply what is already queued before drawing.
        while !app.quit {
            match rx.try_recv() {
                Ok(event) => app.handle(event)?,
                Err(_) => break,
            }
        }
        app.after_events();
        if let (Some(screen), Some(editor)) = (screen.as_mut(), app.editor.take()) {
            app.open_editor(screen, &editor);
        }
        show(app, screen, sh)?;
    }
    Ok(())
}

/// Draw the screen, or print what is new in the transcript.
fn show(app: &mut App, screen: &mut Option<Screen>, sh: &mut Shell) -> Result<()> {
    match screen {
        Some(screen) => screen.draw(|frame| draw::screen(frame, app)),
        None => {
            let text = app.take_transcript();
            if !text.is_empty() {
                write!(sh.out(), "{}", crate::ui::colour(&text))?;
                sh.flush()?;
            }
            Ok(())
        }
    }
}

/// One thread runs checks one after another, so two builds of the same
/// exercise never share a cache folder; stale requests are skipped.
fn spawn_checker(
    runner: Runner,
    course: &Course,
    events: Sender<Event>,
) -> Result<Sender<CheckRequest>> {
    let (tx, rx) = mpsc::channel::<CheckRequest>();
    let course = course.clone();
    std::thread::Builder::new()
        .name("checker".into())
        .spawn(move || {
            while let Ok(mut req) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    req = newer;
                }
                if req.cancel.is_cancelled() {
                    continue;
                }
                let step = &course.steps[req.target.step];
                let exercise = &step.exercises[req.target.exercise];
                let source = course.exercise_path(exercise);
                let label = step.exercise_label(req.target.exercise);
                let result = runner.check(&Job::exercise(exercise, &label, &source), &req.cancel);
                let event = Event::Checked {
                    generation: req.generation,
                    attempt: req.attempt,
                    key: req.key,
                    result,
                };
                if events.send(event).is_err() {
                    return;
                }
            }
        })
        .context("cannot start the checker thread")?;
    Ok(tx)
}

impl App {
    /// On quit: stop the learner's program if a check is running, and wait
    /// (briefly) until it is gone, so nothing outlives `learn`.
    fn stop_check(&mut self, rx: &Receiver<Event>) {
        let Some(cancel) = self.checking.take() else {
            return;
        };
        cancel.cancel();
        let deadline = Instant::now() + Duration::from_secs(2);
        while let Ok(event) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            if matches!(event, Event::Checked { generation, .. } if generation == self.generation) {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests;
