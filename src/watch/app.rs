//! Watch mode's state and what changes it: opening a step or exercise,
//! checks and their verdicts, the question gate, notes. Keys are handled in
//! `keys`, the screen is drawn in `draw`.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::Sender;

use anyhow::Result;

use super::{CheckRequest, Event};
use crate::grade::Order;
use crate::process::Cancel;
use crate::runner::{Checked, Job, Outcome, Runner, Verdict};
use crate::session::{Ctx, Target};
pub use crate::term::END;
use crate::term::{Input, Screen};
use crate::text::plural;
use crate::ui;

/// What fills the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    /// The step: verdict or questions.
    Main,
    /// The course's welcome, before anything else on a first start.
    Welcome,
    /// The whole lesson, must-know points and discussion prompts.
    Lesson { top: usize },
    /// Every step; typing filters.
    List {
        filter: String,
        selected: usize,
        top: usize,
    },
    /// A long text (rustc --explain), scrolled.
    Explain {
        title: String,
        text: String,
        top: usize,
    },
    /// The step's interview questions, one at a time.
    Interview { index: usize, revealed: bool },
}

/// Where the learner is in the step.
#[derive(Debug, Clone)]
pub enum Phase {
    /// Fixing the exercise; every save is checked.
    Editing,
    /// Every exercise passes; the step's MCQs, one at a time.
    Questions(Questions),
    /// The step is done: the confidence prompt, then the next step.
    Done,
    /// "Move on without finishing?"
    Confirm(Skip),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    Step,
    Exercise,
}

#[derive(Debug, Clone)]
pub struct Questions {
    /// MCQ indexes still to answer right, the current one first.
    pub queue: VecDeque<usize>,
    pub order: Order,
    /// How often each MCQ was asked in this sitting (its shuffle round).
    pub rounds: Vec<u32>,
    /// Choices toggled so far (select-all), by their index in the MCQ.
    pub selected: Vec<usize>,
    /// The feedback on the last answer, shown until a key is pressed.
    pub feedback: Option<String>,
    /// The feedback is on screen (a terminal waits for a key before the
    /// next question).
    pub reading: bool,
}

/// Why the current exercise is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The exercise was opened: its last verdict is shown (from the cache when unchanged).
    Open,
    /// The learner saved the file.
    Save,
    /// `r`: check again even if nothing changed.
    Recheck,
}

/// A note under the verdict. A note of a kind replaces the earlier one of
/// that kind; notes belong to the step and go when another opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: &'static str,
    pub text: String,
}

pub struct App {
    pub ctx: Ctx,
    pub runner: Runner,
    pub tty: bool,
    pub target: Target,
    pub view: View,
    pub phase: Phase,
    pub verdict: Option<Verdict>,
    /// The first line of the main region shown (the verdict scrolls).
    pub top: usize,
    /// The step of another step's file saved last (a note says so): `l`
    /// chooses it in the list.
    pub saved_elsewhere: Option<usize>,
    /// The first row shown by the last draw (`top` may be [`END`]: follow
    /// the end, whatever the size of the terminal and the text).
    pub shown_top: usize,
    /// The check in flight, if any.
    pub checking: Option<Cancel>,
    pub generation: u64,
    /// Cache key of the content last sent to be checked: an unchanged save is skipped.
    last_key: Option<String>,
    /// Cache key of the content whose verdict is on screen: a save that
    /// comes back to it (after a half-written state) needs no new check.
    shown_key: Option<String>,
    /// `r` was pressed: the verdict before it, to say "same result".
    recheck: Option<Option<Verdict>>,
    /// Lines (no terminal) that arrived during a check, applied once its verdict is in.
    pub pending: VecDeque<Input>,
    pub notes: Vec<Note>,
    /// Every exercise passed while another view was open: the questions
    /// start when the learner is back.
    pub questions_waiting: bool,
    /// How often each MCQ (by id) came back after a wrong answer in this
    /// sitting: a question asked again never shows its old order, also
    /// after its step's questions were paused and resumed.
    mcq_rounds: std::collections::HashMap<String, u32>,
    pub poll_note: Option<String>,
    checks: Sender<CheckRequest>,
    /// Seeds the choices' order for this sitting.
    pub seed: u64,
    /// What a transcript prints next.
    transcript: String,
    /// An editor to open (`o`), run by the loop with the screen lent.
    pub editor: Option<PathBuf>,
    /// The feedback on the answer that finished the step, shown above the
    /// done screen.
    pub last_feedback: Option<String>,
    pub quit: bool,
}

impl App {
    pub fn new(
        ctx: Ctx,
        runner: Runner,
        tty: bool,
        checks: Sender<CheckRequest>,
        poll_note: Option<String>,
    ) -> App {
        let step = ctx.progress().current(&ctx.course);
        let exercise = ctx.progress().current_exercise(&ctx.course.steps[step]);
        App {
            ctx,
            runner,
            tty,
            target: Target { step, exercise },
            view: View::Main,
            phase: Phase::Editing,
            verdict: None,
            top: 0,
            shown_top: 0,
            saved_elsewhere: None,
            checking: None,
            generation: 0,
            last_key: None,
            shown_key: None,
            recheck: None,
            pending: VecDeque::new(),
            notes: Vec::new(),
            questions_waiting: false,
            mcq_rounds: std::collections::HashMap::new(),
            poll_note,
            checks,
            seed: fastrand::u64(..),
            transcript: String::new(),
            editor: None,
            last_feedback: None,
            quit: false,
        }
    }

    /// The first screen: the welcome on a first start, then the step.
    pub fn start(&mut self, missing: &[PathBuf]) {
        let first_start =
            self.ctx.progress().steps.is_empty() && self.ctx.progress().cards.is_empty();
        if first_start && let Some(welcome) = self.ctx.course.welcome.clone() {
            if self.tty {
                self.view = View::Welcome;
            } else {
                self.say(&format!("{}\n", ui::prose(&welcome)));
            }
        }
        self.say_heading();
        for dir in missing {
            let step = self
                .ctx
                .course
                .exercises()
                .find(|(_, e)| self.ctx.course.exercise_path(e).starts_with(dir))
                .map(|(i, _)| self.ctx.course.steps[i].name.clone());
            if let Some(name) = step {
                self.note(
                    "missing",
                    format!(
                        "The folder of step `{name}` is missing, so its saves are not watched: `learn reset {name}` restores its exercises; then restart learn."
                    ),
                );
            }
        }
        self.start_check(Trigger::Open);
    }

    /// Text for the transcript (ignored on a terminal, which draws the state).
    pub fn say(&mut self, text: &str) {
        if !self.tty {
            self.transcript.push_str(text);
            if !text.ends_with('\n') {
                self.transcript.push('\n');
            }
        }
    }

    pub fn take_transcript(&mut self) -> String {
        std::mem::take(&mut self.transcript)
    }

    /// Add a note, replacing the earlier note of its kind.
    pub fn note(&mut self, kind: &'static str, text: String) {
        self.say(&text);
        self.notes.retain(|n| n.kind != kind || kind.is_empty());
        self.notes.push(Note { kind, text });
        const KEEP: usize = 6;
        if self.notes.len() > KEEP {
            self.notes.drain(..self.notes.len() - KEEP);
        }
    }

    pub fn drop_note(&mut self, kind: &str) {
        self.notes.retain(|n| n.kind != kind);
    }

    /// Drop every note but those of the `kinds` given.
    pub fn keep_notes(&mut self, kinds: &[&str]) {
        self.notes.retain(|n| kinds.contains(&n.kind));
    }

    fn say_heading(&mut self) {
        if self.tty {
            return;
        }
        let course = &self.ctx.course;
        let step = &course.steps[self.target.step];
        let exercise = &step.exercises[self.target.exercise];
        let mut text = format!(
            "\n{}\n",
            ui::step_heading(course, self.target.step, self.target.exercise)
        );
        let summary = ui::lesson_summary(step);
        if !summary.is_empty() {
            text.push_str(&format!("{summary}\n"));
        }
        text.push_str(&format!(
            "Exercise: {}  (open it in your editor: every save is checked)\n",
            exercise.path.display()
        ));
        if let Some(note) = &self.poll_note {
            text.push_str(&format!("{note}\n"));
        }
        self.transcript.push_str(&text);
    }

    pub fn handle(&mut self, event: Event) -> Result<()> {
        match event {
            Event::File(path) => self.on_file(&path)?,
            Event::Input(input) => {
                // A key applies to the screen on which it was pressed. Lines
                // from a script are answers to what comes next: they wait for
                // the check in flight, so none is applied too early.
                if self.checking.is_some() && !self.tty {
                    self.pending.push_back(input);
                } else {
                    self.on_input(input)?;
                }
            }
            Event::Checked {
                generation,
                attempt,
                key,
                result,
            } => {
                if generation == self.generation {
                    self.checking = None;
                    match result {
                        Ok(Checked::Done(v)) => {
                            self.shown_key = Some(key);
                            self.on_verdict(v, attempt)?;
                        }
                        Ok(Checked::Cancelled) => {}
                        Err(e) => self.note(
                            "check",
                            format!("The check could not run: {e:#}. Press r to try again."),
                        ),
                    }
                    while self.checking.is_none() && !self.quit {
                        let Some(input) = self.pending.pop_front() else {
                            break;
                        };
                        self.on_input(input)?;
                    }
                }
            }
            Event::WatchError(e) => self.note(
                "watch",
                format!("File watching failed ({e}); press r to re-check by hand."),
            ),
        }
        Ok(())
    }

    /// After a batch of events: what a save told the learner.
    pub fn after_events(&mut self) {
        // A quiz or `learn run` in another terminal may have saved meanwhile.
        self.ctx.refresh();
        for notice in self.ctx.take_notices() {
            self.note("notice", notice);
        }
    }

    fn on_file(&mut self, path: &std::path::Path) -> Result<()> {
        let course = &self.ctx.course;
        let Some(t) = course.steps.iter().enumerate().find_map(|(i, s)| {
            s.exercises
                .iter()
                .position(|e| course.exercise_path(e) == path)
                .map(|j| Target {
                    step: i,
                    exercise: j,
                })
        }) else {
            return Ok(());
        };
        if t == self.target {
            self.start_check(Trigger::Save);
        } else if !path.exists() {
            // Deleted: when the learner opens it, its step says so.
        } else if t.step == self.target.step
            && matches!(self.phase, Phase::Editing | Phase::Questions(_))
        {
            // Another exercise of this step: the learner is working on it,
            // so it is the one to show (the step is done only when every
            // exercise passes; answered questions are kept).
            let s = &course.steps[t.step];
            let note = format!(
                "Showing exercise {}/{}: you saved {}.",
                t.exercise + 1,
                s.exercises.len(),
                s.exercises[t.exercise].path.display()
            );
            self.open(t)?;
            self.note("showing", note);
        } else {
            let s = &course.steps[t.step];
            let note = format!(
                "{} (step {} `{}`) was saved; press l to jump to it.",
                s.exercises[t.exercise].path.display(),
                t.step + 1,
                s.exercise_name(t.exercise)
            );
            self.saved_elsewhere = Some(t.step);
            if !self.notes.iter().any(|n| n.text == note) {
                self.note("other file", note);
            }
        }
        Ok(())
    }

    /// Send the current exercise to be checked, unless its content is what
    /// was checked last (`Recheck` checks anyway). A later save cancels a
    /// check in flight and starts again.
    pub fn start_check(&mut self, trigger: Trigger) {
        let step = self.ctx.course.steps[self.target.step].clone();
        let exercise = &step.exercises[self.target.exercise];
        let label = step.exercise_label(self.target.exercise);
        let source = self.ctx.course.exercise_path(exercise);
        let content = match std::fs::read(&source) {
            Ok(content) => {
                self.drop_note("unreadable");
                content
            }
            Err(e) => {
                // Mid-save (deleted, not yet re-created) the next event brings
                // the file back; otherwise the learner needs to know.
                let note = format!(
                    "Cannot read {}: {e}. If it is gone, `learn reset {}` restores it as shipped.",
                    exercise.path.display(),
                    step.exercise_name(self.target.exercise)
                );
                self.note("unreadable", note);
                return;
            }
        };
        let key = self
            .runner
            .key(&Job::exercise(exercise, &label, &source), &content);
        if trigger != Trigger::Recheck {
            if self.last_key.as_ref() == Some(&key) {
                return;
            }
            if self.shown_key.as_ref() == Some(&key) {
                // Back to what is on screen (an editor's truncate-then-write):
                // the check of the state in between is moot.
                self.drop_check();
                self.last_key = Some(key);
                return;
            }
        }
        if trigger == Trigger::Recheck {
            self.runner.forget(&label);
            self.recheck = Some(self.verdict.clone());
        }
        self.last_key = Some(key);
        self.drop_check();
        let cancel = Cancel::default();
        self.checking = Some(cancel.clone());
        let request = CheckRequest {
            generation: self.generation,
            target: self.target,
            attempt: trigger != Trigger::Open,
            key: self.last_key.clone().unwrap_or_default(),
            cancel,
        };
        if self.checks.send(request).is_err() {
            self.checking = None;
            self.note("check", "The checker stopped; restart learn.".to_owned());
        }
    }

    /// Cancel the check in flight; whatever it still reports is stale.
    pub fn drop_check(&mut self) {
        if let Some(stale) = self.checking.take() {
            stale.cancel();
        }
        self.generation += 1;
    }

    fn on_verdict(&mut self, verdict: Verdict, attempt: bool) -> Result<()> {
        // A new result: what was said about the last one, or about a key
        // pressed since, is moot (a hint stays until the exercise passes).
        for kind in ["recheck", "keys", "skip", "editor", "other file"] {
            self.drop_note(kind);
        }
        if let Some(before) = self.recheck.take()
            && before.as_ref() == Some(&verdict)
        {
            self.note("recheck", "Checked again: same result.".to_owned());
        }
        let t = self.target;
        let step = self.ctx.course.steps[t.step].clone();
        let exercise = &step.exercises[t.exercise];
        if self.verdict.as_ref() != Some(&verdict) {
            self.top = 0;
        }
        let text = ui::verdict(
            &self.ctx.course,
            &step,
            exercise,
            &verdict,
            &self.ctx.limits,
        );
        self.say(&text);
        let passed = verdict.passed();
        let environment = verdict.outcome == Outcome::Environment;
        let was_done = self.ctx.progress().is_done(&step);
        self.verdict = Some(verdict);
        if !environment {
            let v = self.verdict.clone().expect("just set");
            self.ctx.record_verdict(t, &v, attempt)?;
        }
        if !passed {
            if matches!(self.phase, Phase::Questions(_)) {
                // The step is not done while an exercise fails: pause the questions.
                self.phase = Phase::Editing;
                self.note(
                    "paused",
                    "The exercise does not pass any more: fix it and the questions continue (right answers are kept)."
                        .to_owned(),
                );
            }
            return Ok(());
        }
        self.drop_note("paused");
        // It passes: its hints have done their work.
        self.drop_note("hint");
        match self.next_open_exercise() {
            Some(j) => {
                let text = format!(
                    "Exercise {}/{} passes. Press n for exercise {}/{}.",
                    t.exercise + 1,
                    step.exercises.len(),
                    j + 1,
                    step.exercises.len()
                );
                self.note("next", text);
            }
            None if was_done => {
                if !matches!(self.phase, Phase::Done) {
                    self.note(
                        "next",
                        "The exercise passes and this step is done. Press n for the next step."
                            .to_owned(),
                    );
                }
            }
            None => {
                // On the list, interview or explain screen the questions wait
                // until the learner is back (see `keys`).
                self.questions_waiting = true;
                self.start_waiting_questions()?;
            }
        }
        Ok(())
    }

    /// The exercise `n` opens once the one on screen passes: the next one
    /// of the step that does not pass yet, after it in order (then from
    /// the start of the step); None when every other one passes.
    pub fn next_open_exercise(&self) -> Option<usize> {
        let step = &self.ctx.course.steps[self.target.step];
        let p = self.ctx.progress();
        let (n, cur) = (step.exercises.len(), self.target.exercise);
        (1..n)
            .map(|k| (cur + k) % n)
            .find(|&j| !p.exercise(step, j).passed)
    }

    pub fn start_waiting_questions(&mut self) -> Result<()> {
        if self.questions_waiting
            && matches!(self.phase, Phase::Editing)
            && matches!(self.view, View::Main)
        {
            self.questions_waiting = false;
            self.start_questions()?;
        }
        Ok(())
    }

    fn start_questions(&mut self) -> Result<()> {
        let step = self.ctx.course.steps[self.target.step].clone();
        if step.mcqs.is_empty() {
            return self.finish_step();
        }
        // Questions answered right before (then quit, or paused) are kept.
        let answered = self
            .ctx
            .progress()
            .step(&step.name)
            .map(|p| p.answered.clone())
            .unwrap_or_default();
        let queue: VecDeque<usize> = (0..step.mcqs.len())
            .filter(|&i| !answered.contains(&step.mcqs[i].id))
            .collect();
        if queue.is_empty() {
            return self.finish_step();
        }
        // The notes about editing (hints, saves, keys) give the question
        // their rows; a notice not yet answered past stays.
        self.keep_notes(&["check", "watch", "notice"]);
        let total = step.mcqs.len();
        let left = queue.len();
        self.drop_note("next");
        let passes = if step.exercises.len() > 1 {
            "Every exercise of the step passes."
        } else {
            "The exercise passes."
        };
        self.note(
            "questions",
            if left == total {
                format!(
                    "{passes} Now {} to finish the step.",
                    plural(total, "question")
                )
            } else {
                format!(
                    "{passes} {} of {total} answered before; {left} to go.",
                    total - left
                )
            },
        );
        let rounds: Vec<u32> = step
            .mcqs
            .iter()
            .map(|m| self.mcq_rounds.get(&m.id).copied().unwrap_or(0))
            .collect();
        // Missed ones after the others, as when they were missed.
        let mut queue = queue;
        queue.make_contiguous().sort_by_key(|&i| rounds[i]);
        let first = queue[0];
        let order = Order::new(&step.mcqs[first], self.seed, rounds[first]);
        self.phase = Phase::Questions(Questions {
            queue,
            order,
            rounds,
            selected: Vec::new(),
            feedback: None,
            reading: false,
        });
        self.top = 0;
        self.say_question();
        Ok(())
    }

    /// The current question, for the transcript.
    pub fn say_question(&mut self) {
        if self.tty {
            return;
        }
        let Phase::Questions(q) = &self.phase else {
            return;
        };
        let Some(&i) = q.queue.front() else { return };
        let mcq = &self.ctx.course.steps[self.target.step].mcqs[i];
        let text = format!(
            "Question ({} to go)\n{}{}\n",
            q.queue.len(),
            ui::mcq(mcq, &q.order),
            console::style(ui::mcq_help(mcq)).dim()
        );
        self.say(&text);
    }

    /// An MCQ answered with these choices (indexes in the MCQ).
    pub fn answer(&mut self, picked: Vec<usize>) -> Result<()> {
        let Phase::Questions(mut q) = std::mem::replace(&mut self.phase, Phase::Editing) else {
            return Ok(());
        };
        let Some(i) = q.queue.pop_front() else {
            return Ok(());
        };
        // What was said before this answer is moot now: only a broken
        // checker or file watcher is still news.
        self.keep_notes(&["check", "watch"]);
        let step = self.target.step;
        let answer = self.ctx.answer_mcq(step, i, &picked)?;
        let mcq = &self.ctx.course.steps[step].mcqs[i];
        let feedback = ui::mcq_feedback(mcq, &q.order, &answer.grade);
        self.say(&feedback);
        if !answer.grade.correct {
            // It comes back after the others, in a new order.
            q.queue.push_back(i);
            q.rounds[i] += 1;
            let id = self.ctx.course.steps[step].mcqs[i].id.clone();
            *self.mcq_rounds.entry(id).or_default() += 1;
        }
        if answer.step_questions_done || q.queue.is_empty() {
            self.last_feedback = Some(feedback);
            return self.finish_step();
        }
        let next = *q.queue.front().expect("not empty");
        let mcq = &self.ctx.course.steps[step].mcqs[next];
        q.order = Order::new(mcq, self.seed, q.rounds[next]);
        q.selected.clear();
        // On a terminal the feedback is read first; a key brings the next
        // question onto a clean screen.
        q.reading = self.tty;
        q.feedback = Some(feedback);
        self.phase = Phase::Questions(q);
        self.top = 0;
        self.say_question();
        Ok(())
    }

    /// Every MCQ answered: the step is done. The learner rates it, then
    /// the next step opens.
    fn finish_step(&mut self) -> Result<()> {
        let step = self.ctx.course.steps[self.target.step].clone();
        if !step.mcqs.is_empty() {
            self.ctx
                .update(|p, _| p.step_mut(&step.name).questions_done = true)?;
        }
        self.phase = Phase::Done;
        self.top = 0;
        let text = self.done_text();
        self.say(&text);
        Ok(())
    }

    /// The done screen: the step, the course when it was the last, the
    /// confidence prompt.
    pub fn done_text(&self) -> String {
        let step = &self.ctx.course.steps[self.target.step];
        let mut text = format!(
            "{} Step {} `{}` is done.\n",
            console::style("✓").green().bold(),
            self.target.step + 1,
            step.title
        );
        if self
            .ctx
            .progress()
            .next_open(&self.ctx.course, self.target.step)
            .is_none()
        {
            let done = self
                .ctx
                .course
                .done
                .as_deref()
                .unwrap_or("Every step is done. Keep your answers fresh with `learn quiz`.");
            text.push_str(&format!("{}\n", done.trim()));
        }
        text.push_str(&format!(
            "Can you explain `{}` in 30 seconds without notes? Press 1 (not yet) to 4 (easily) to rate it; any other key goes on.\n",
            step.name
        ));
        text
    }

    /// Make an exercise the current one and check it; another step starts clean.
    pub fn open(&mut self, t: Target) -> Result<()> {
        // The previous check, if one runs, must not land here.
        self.drop_check();
        let new_step = t.step != self.target.step;
        self.target = t;
        self.ctx.go_to(t)?;
        self.questions_waiting = false;
        self.last_feedback = None;
        self.phase = Phase::Editing;
        self.view = View::Main;
        self.verdict = None;
        self.top = 0;
        self.last_key = None;
        self.shown_key = None;
        self.recheck = None;
        self.saved_elsewhere = None;
        if new_step {
            self.notes.clear();
        } else {
            // The notes about the exercise left (its hints, a save of the
            // one opened now, a notice already read...) go.
            self.keep_notes(&["check", "watch"]);
        }
        self.say_heading();
        self.start_check(Trigger::Open);
        Ok(())
    }

    /// After the done screen: the next step not done (or stay on the last).
    pub fn open_next_step(&mut self, skip: bool) -> Result<()> {
        let course = &self.ctx.course;
        let n = course.steps.len();
        let next = if skip {
            (self.target.step + 1 < n).then_some(self.target.step + 1)
        } else {
            self.ctx.progress().next_open(course, self.target.step)
        };
        match next {
            Some(i) => {
                let exercise = self
                    .ctx
                    .progress()
                    .current_exercise(&self.ctx.course.steps[i]);
                self.open(Target { step: i, exercise })
            }
            None => {
                self.phase = Phase::Editing;
                let msg = if self.ctx.progress().done_count(course) == n {
                    "Every step is done. Drill the questions with `learn quiz`."
                } else {
                    "This is the last step."
                };
                self.note("next", msg.to_owned());
                Ok(())
            }
        }
    }

    /// Open the current exercise in the learner's editor (`o`).
    pub fn open_editor(&mut self, screen: &mut Screen, path: &std::path::Path) {
        let Some(editor) = editor_command() else {
            self.note(
                "editor",
                "No editor is set: set VISUAL or EDITOR (for example `export EDITOR=vim`), or open the file yourself.".to_owned(),
            );
            return;
        };
        let (program, args) = editor;
        if !is_gui_editor(&program) {
            let result = screen.lend(|| {
                std::process::Command::new(&program)
                    .args(&args)
                    .arg(path)
                    .status()
                    .map(drop)
            });
            if let Err(e) = result {
                self.note("editor", format!("`{program}` could not run: {e:#}"));
            }
        } else {
            // A window of its own: started and left to run.
            let started = std::process::Command::new(&program)
                .args(&args)
                .arg(path)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn();
            match started {
                Ok(_) => self.note("editor", format!("Opened {} in {program}.", path.display())),
                Err(e) => self.note("editor", format!("`{program}` could not start: {e}")),
            }
        }
    }
}

/// `$VISUAL`, else `$EDITOR`, split into a program and its arguments.
pub fn editor_command() -> Option<(String, Vec<String>)> {
    let value = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())?;
    let mut words = value.split_whitespace().map(str::to_owned);
    let program = words.next()?;
    Some((program, words.collect()))
}

/// Editors that open a window of their own: started and left to run. Any
/// other editor is taken to run in the terminal, which it gets until it ends.
pub fn is_gui_editor(program: &str) -> bool {
    let name = std::path::Path::new(program)
        .file_stem()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    matches!(
        name.as_str(),
        "code"
            | "codium"
            | "code-insiders"
            | "subl"
            | "sublime_text"
            | "gedit"
            | "kate"
            | "mousepad"
            | "zed"
            | "gvim"
            | "mvim"
            | "idea"
            | "clion"
            | "rustrover"
            | "notepad"
            | "notepad++"
            | "xdg-open"
            | "open"
    )
}
