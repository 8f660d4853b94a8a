//! `learn watch`: recompile on every save, then gate the step on its
//! questions. One event channel, producer threads for files, input and
//! checks, and one `match` on the main thread.

mod files;
mod gate;
mod input;
mod screen;
mod views;

use std::collections::VecDeque;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use console::Key;

use crate::app::{Ctx, EXIT_OK};
use crate::cli::WatchArgs;
use crate::questions::Asked;
use crate::runner::{Cancel, Checked, Job, Runner, Verdict};

pub use input::Input;

/// How long the events of one save may take to arrive before it is checked.
/// A few milliseconds: far below what a learner notices, far above the gap
/// between an editor's truncate and its write.
const SETTLE: Duration = Duration::from_millis(15);

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
        result: Result<Checked>,
    },
    WatchError(String),
}

/// What the learner is doing right now.
enum Phase {
    /// Fixing the exercise; every save is checked.
    Editing,
    /// The exercise passes; the step's MCQs are asked one at a time.
    Questions {
        /// MCQ indexes still to answer correctly, the current one first.
        queue: VecDeque<usize>,
        asked: Asked,
        /// Shown positions toggled so far (select-all questions).
        selected: Vec<usize>,
    },
    /// "Skip this step without finishing it?"
    ConfirmSkip,
    /// The step list; typing a number jumps there.
    List { typed: String },
    /// The step's interview questions, one at a time.
    Interview { index: usize, revealed: bool },
    /// A long text (rustc --explain), one screen at a time.
    Pager {
        title: String,
        lines: Vec<String>,
        top: usize,
    },
}

/// A request to the checker thread.
struct CheckRequest {
    generation: u64,
    step: usize,
    attempt: bool,
    cancel: Cancel,
}

/// Why the current exercise is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// The step was opened: its last verdict is shown (from the cache when unchanged).
    Open,
    /// The learner saved the file.
    Save,
    /// `r`: check again even if nothing changed.
    Recheck,
}

/// Input normalised across keys and lines.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Char(char),
    Text(String),
    Enter,
    Escape,
    Up,
    Down,
    Backspace,
    Quit,
}

fn tok(input: Input) -> Tok {
    match input {
        Input::Key(Key::Char(c)) => Tok::Char(c),
        Input::Key(Key::Enter) => Tok::Enter,
        Input::Key(Key::Escape) => Tok::Escape,
        Input::Key(Key::ArrowUp | Key::PageUp) => Tok::Up,
        Input::Key(Key::ArrowDown | Key::PageDown) => Tok::Down,
        Input::Key(Key::Backspace) => Tok::Backspace,
        Input::Key(Key::CtrlC) | Input::Closed => Tok::Quit,
        Input::Key(_) => Tok::Text(String::new()),
        Input::Line(line) => {
            let t = line.trim();
            let mut chars = t.chars();
            match (chars.next(), chars.next()) {
                (None, _) => Tok::Enter,
                (Some(c), None) => Tok::Char(c),
                _ => Tok::Text(t.to_owned()),
            }
        }
    }
}

pub struct App {
    ctx: Ctx,
    runner: Runner,
    tty: bool,
    /// The step on screen.
    step: usize,
    phase: Phase,
    verdict: Option<Verdict>,
    /// Bumped whenever the verdict on screen changes.
    verdict_seq: u64,
    /// The check in flight, if any.
    checking: Option<Cancel>,
    generation: u64,
    /// Cache key of the content last sent to be checked: an unchanged save is skipped.
    last_key: Option<String>,
    /// Lines (no terminal) that arrived during a check, applied once its verdict is in.
    pending: VecDeque<Input>,
    /// One-line notes and feedback under the verdict, newest last.
    notes: Vec<String>,
    /// The exercise passed while another screen was open: ask the questions
    /// when the learner is back.
    questions_pending: bool,
    /// When to check the current exercise after its file changed.
    settle: Option<Instant>,
    /// Step whose confidence rating (1-4) the next digit key records.
    rate: Option<String>,
    watch_note: Option<String>,
    checks: Sender<CheckRequest>,
    rng: fastrand::Rng,
    printed: screen::Printed,
    quit: bool,
}

/// Run watch mode until the learner quits.
pub fn run(ctx: Ctx, args: &WatchArgs) -> Result<u8> {
    let runner = ctx.runner()?;
    let tty = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    // Before the input thread puts the terminal in raw mode.
    let _terminal = screen::TerminalGuard::new(tty);
    let (tx, rx) = mpsc::channel();
    let mode = files::choose(&ctx.course.root, args.poll);
    let paths: Vec<PathBuf> = ctx
        .course
        .steps
        .iter()
        .map(|s| ctx.course.exercise_path(&s.exercises[0]))
        .collect();
    let (_watch, missing) = files::watch(&paths, &mode, tx.clone())?;
    input::spawn(tty, tx.clone()).context("cannot start the input thread")?;
    let checks = spawn_checker(runner.clone(), &ctx, tx)?;

    let step = ctx.state.current(&ctx.course);
    let mut app = App {
        runner,
        tty,
        step,
        phase: Phase::Editing,
        verdict: None,
        verdict_seq: 0,
        checking: None,
        generation: 0,
        last_key: None,
        pending: VecDeque::new(),
        notes: Vec::new(),
        rate: None,
        settle: None,
        questions_pending: false,
        watch_note: match &mode {
            files::Mode::Poll { ms, reason } => {
                Some(format!("Polling for changes every {ms} ms: {reason}."))
            }
            files::Mode::Events => None,
        },
        checks,
        rng: fastrand::Rng::new(),
        printed: screen::Printed::default(),
        quit: false,
        ctx,
    };
    if app.ctx.state.progress.steps.is_empty()
        && let Some(welcome) = app.ctx.course.welcome.clone()
    {
        app.notes.push(welcome.trim().to_owned());
    }
    for dir in missing {
        let step = app.ctx.course.steps.iter().find(|s| {
            app.ctx
                .course
                .exercise_path(&s.exercises[0])
                .starts_with(&dir)
        });
        if let Some(step) = step {
            let note = format!(
                "The folder of step `{}` is missing, so its saves are not watched: `learn reset {}` restores its exercise; then restart learn.",
                step.name, step.name
            );
            app.note(note);
        }
    }
    app.start_check(Trigger::Open);
    app.draw();
    app.event_loop(&rx)?;
    app.stop_check(&rx);
    app.ctx.state.save()?;
    screen::goodbye(tty);
    Ok(EXIT_OK)
}

/// One thread runs checks one after another, so two builds of the same
/// exercise never share a cache folder; stale requests are skipped.
fn spawn_checker(runner: Runner, ctx: &Ctx, events: Sender<Event>) -> Result<Sender<CheckRequest>> {
    let (tx, rx) = mpsc::channel::<CheckRequest>();
    let course = ctx.course.clone();
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
                let step = &course.steps[req.step];
                let source = course.exercise_path(&step.exercises[0]);
                let label = step.exercise_label(0);
                let result = runner.check(
                    &Job::exercise(&step.exercises[0], &label, &source),
                    &req.cancel,
                );
                let event = Event::Checked {
                    generation: req.generation,
                    attempt: req.attempt,
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
    fn event_loop(&mut self, rx: &Receiver<Event>) -> Result<()> {
        while !self.quit {
            let event = match self.settle {
                Some(at) => match rx.recv_timeout(at.saturating_duration_since(Instant::now())) {
                    Ok(event) => Some(event),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => break,
                },
                None => match rx.recv() {
                    Ok(event) => Some(event),
                    Err(_) => break,
                },
            };
            match event {
                Some(event) => self.handle(event)?,
                None => {
                    self.settle = None;
                    self.start_check(Trigger::Save);
                }
            }
            // Apply what is already queued before drawing.
            while !self.quit {
                match rx.try_recv() {
                    Ok(event) => self.handle(event)?,
                    Err(_) => break,
                }
            }
            let notices: Vec<String> = self.ctx.state.notices.drain(..).collect();
            for notice in notices {
                self.note(notice);
            }
            self.draw();
        }
        Ok(())
    }

    fn handle(&mut self, event: Event) -> Result<()> {
        match event {
            Event::File(path) => self.on_file(&path),
            Event::Input(input) => {
                // A key press applies to the screen on which it was pressed.
                // Lines from a script are answers to what comes next: they
                // wait for the check in flight, so none is applied too early.
                if self.checking.is_some() && !self.tty {
                    self.pending.push_back(input);
                } else {
                    self.on_input(input)?;
                }
            }
            Event::Checked {
                generation,
                attempt,
                result,
            } => {
                if generation == self.generation {
                    self.checking = None;
                    match result {
                        Ok(Checked::Done(v)) => self.on_verdict(v, attempt)?,
                        Ok(Checked::Cancelled) => {}
                        Err(e) => self.note(format!(
                            "The check could not run: {e:#}. Press r to try again."
                        )),
                    }
                    while self.checking.is_none() && !self.quit {
                        let Some(input) = self.pending.pop_front() else {
                            break;
                        };
                        self.on_input(input)?;
                    }
                }
            }
            Event::WatchError(e) => self.note(format!(
                "File watching failed ({e}); press r to re-check by hand."
            )),
        }
        Ok(())
    }

    fn on_file(&mut self, path: &std::path::Path) {
        let course = &self.ctx.course;
        let Some(i) = course
            .steps
            .iter()
            .position(|s| course.exercise_path(&s.exercises[0]) == path)
        else {
            return;
        };
        if i == self.step {
            // An editor's save is often several events (truncate, write,
            // rename): let them settle briefly, then check once.
            self.settle.get_or_insert_with(|| Instant::now() + SETTLE);
        } else if path.exists() {
            let s = &course.steps[i];
            let note = format!(
                "{} (step {} `{}`) was saved; press l to jump to it.",
                s.exercises[0].path.display(),
                i + 1,
                s.name
            );
            if self.notes.last() != Some(&note) {
                self.note(note);
            }
        }
    }

    /// Send the current exercise to be checked, unless its content is what
    /// was checked last (`force` re-checks anyway).
    fn start_check(&mut self, trigger: Trigger) {
        let force = trigger == Trigger::Recheck;
        let step = &self.ctx.course.steps[self.step];
        let source = self.ctx.course.exercise_path(&step.exercises[0]);
        let label = step.exercise_label(0);
        let content = match std::fs::read(&source) {
            Ok(content) => {
                self.notes.retain(|n| !n.starts_with("Cannot read "));
                content
            }
            Err(e) => {
                // Mid-save (deleted, not yet re-created) the next event brings
                // the file back; otherwise the learner needs to know.
                let note = format!(
                    "Cannot read {}: {e}. If it is gone, `learn reset {}` restores it as shipped.",
                    step.exercises[0].path.display(),
                    step.name
                );
                if self.notes.last() != Some(&note) {
                    self.note(note);
                }
                return;
            }
        };
        let key = self.runner.key(
            &Job::exercise(&step.exercises[0], &label, &source),
            &content,
        );
        if !force && self.last_key.as_ref() == Some(&key) {
            return;
        }
        if force {
            self.runner.forget(&step.name);
        }
        self.last_key = Some(key);
        self.drop_check();
        let cancel = Cancel::default();
        self.checking = Some(cancel.clone());
        let request = CheckRequest {
            generation: self.generation,
            step: self.step,
            attempt: trigger != Trigger::Open,
            cancel,
        };
        if self.checks.send(request).is_err() {
            self.checking = None;
            self.note("The checker stopped; restart learn.".to_owned());
        }
    }

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

    /// Cancel the check in flight; whatever it still reports is stale.
    fn drop_check(&mut self) {
        if let Some(stale) = self.checking.take() {
            stale.cancel();
        }
        self.generation += 1;
    }

    fn on_verdict(&mut self, verdict: Verdict, attempt: bool) -> Result<()> {
        let step = self.ctx.course.steps[self.step].clone();
        let passed = verdict.passed();
        self.verdict = Some(verdict);
        self.verdict_seq += 1;
        let was_done = self.ctx.state.is_done(&step);
        let progress = self.ctx.state.step_mut(&step.name);
        progress.attempts += u32::from(attempt);
        progress.exercise_passed |= passed;
        self.ctx.state.save()?;
        if passed && !was_done {
            // On the list, interview or explain screen the questions wait
            // until the learner is back (see `on_input`).
            self.questions_pending = true;
            self.start_pending_questions()?;
        } else if !passed && matches!(self.phase, Phase::Questions { .. }) {
            // The step is not done while its exercise fails: pause the questions.
            self.phase = Phase::Editing;
            self.note(
                "The exercise does not pass any more: fix it and the questions continue (right answers are kept)."
                    .to_owned(),
            );
        }
        Ok(())
    }

    fn start_pending_questions(&mut self) -> Result<()> {
        if self.questions_pending && matches!(self.phase, Phase::Editing) {
            self.questions_pending = false;
            self.start_questions()?;
        }
        Ok(())
    }

    fn note(&mut self, note: String) {
        self.notes.push(note);
        let keep = 8;
        if self.notes.len() > keep && self.tty {
            self.notes.drain(..self.notes.len() - keep);
            self.printed.notes = self.notes.len();
        }
    }

    fn on_input(&mut self, input: Input) -> Result<()> {
        let t = tok(input);
        if t == Tok::Quit {
            self.quit = true;
            return Ok(());
        }
        match std::mem::replace(&mut self.phase, Phase::Editing) {
            Phase::Editing => self.editing_input(t)?,
            Phase::Questions {
                queue,
                asked,
                selected,
            } => self.question_input(t, queue, asked, selected)?,
            Phase::ConfirmSkip => {
                if matches!(t, Tok::Char('y' | 'Y')) {
                    self.open_next(true)?;
                } else {
                    self.note("Staying on this step.".to_owned());
                }
            }
            Phase::List { typed } => self.list_input(t, typed)?,
            Phase::Interview { index, revealed } => self.interview_input(t, index, revealed),
            Phase::Pager { title, lines, top } => self.pager_input(t, title, lines, top),
        }
        self.start_pending_questions()
    }

    fn editing_input(&mut self, t: Tok) -> Result<()> {
        let step = self.ctx.course.steps[self.step].clone();
        match t {
            Tok::Char('q') => self.quit = true,
            Tok::Char('r') => {
                self.note("Re-checking…".to_owned());
                self.start_check(Trigger::Recheck);
            }
            Tok::Char('h') => {
                if let Some(shown) = self.ctx.state.next_hint(&step) {
                    self.ctx.state.save()?;
                    self.note(format!(
                        "Hint {}/{}: {}{}",
                        shown + 1,
                        step.exercises[0].hints.len(),
                        step.exercises[0].hints[shown].trim(),
                        if shown + 1 == step.exercises[0].hints.len() {
                            " (the last hint of this step)"
                        } else {
                            ""
                        }
                    ));
                } else {
                    self.note("This step has no hints.".to_owned());
                }
            }
            Tok::Char('l') => {
                self.phase = Phase::List {
                    typed: String::new(),
                };
            }
            Tok::Char('i') => {
                if step.interviews.is_empty() {
                    self.note("This step has no interview questions.".to_owned());
                } else if !self.tty {
                    for (i, q) in step.interviews.iter().enumerate() {
                        self.note(format!(
                            "Interview question {}/{}: {}\nModel answer:\n{}",
                            i + 1,
                            step.interviews.len(),
                            q.question.trim(),
                            crate::ui::indent(q.answer.trim())
                        ));
                    }
                } else {
                    self.phase = Phase::Interview {
                        index: 0,
                        revealed: false,
                    };
                }
            }
            Tok::Char('e') => self.explain(),
            Tok::Char('n') => {
                if self.ctx.state.is_done(&step) {
                    self.open_next(false)?;
                } else {
                    self.phase = Phase::ConfirmSkip;
                }
            }
            Tok::Char(c @ '1'..='4') if self.rate.is_some() => {
                let name = self.rate.take().unwrap_or_default();
                self.ctx.state.step_mut(&name).confidence = Some(c as u8 - b'0');
                self.ctx.state.save()?;
                self.note(format!("Confidence for `{name}` recorded: {c}/4."));
            }
            Tok::Enter | Tok::Escape => {}
            _ => self.note(
                "Keys: h hint, l list, i interview, e explain error, r re-check, n next, q quit."
                    .to_owned(),
            ),
        }
        Ok(())
    }

    /// Go to the next step (`skip`: even though this one is not done).
    fn open_next(&mut self, skip: bool) -> Result<()> {
        let n = self.ctx.course.steps.len();
        let next = if skip {
            (self.step + 1 < n).then_some(self.step + 1)
        } else {
            self.ctx.state.next_open(&self.ctx.course, self.step)
        };
        match next {
            Some(i) => self.open(i),
            None => {
                let msg = if self.ctx.state.done_count(&self.ctx.course) == n {
                    "Every step is done. Drill the questions with `learn quiz`."
                } else {
                    "This is the last step."
                };
                self.note(msg.to_owned());
                Ok(())
            }
        }
    }

    /// Make step `i` the current one and check it.
    fn open(&mut self, i: usize) -> Result<()> {
        // The previous step's check, if one runs, must not land on this one.
        self.drop_check();
        self.questions_pending = false;
        self.step = i;
        self.ctx.state.progress.current = Some(self.ctx.course.steps[i].name.clone());
        self.ctx.state.save()?;
        self.phase = Phase::Editing;
        self.verdict = None;
        self.verdict_seq += 1;
        self.last_key = None;
        self.notes.clear();
        self.printed.notes = 0;
        self.rate = None;
        self.settle = None;
        self.start_check(Trigger::Open);
        Ok(())
    }
}
