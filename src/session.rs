//! A session: one loaded course, its learner's progress, the limits; and
//! the actions every front-end shares, each written once: record a verdict,
//! the next hint, a confidence rating, an answer (only the first answer to
//! a question in a sitting is a review), moving between steps and exercises.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use chrono::{DateTime, SubsecRound, Utc};

use crate::cli::Global;
use crate::course::{Course, INFO_FILE, Step, find_root};
use crate::grade::{self, McqGrade};
use crate::process::Limits;
use crate::progress::{Progress, Review, Store};
use crate::runner::{Runner, Verdict};
use crate::schedule::{self, Rating};

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// It did what was asked.
    Success,
    /// An exercise (or `dev check`) failed.
    Failed,
    /// A usage or course error (the message is printed).
    Error,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(match e {
            Exit::Success => 0,
            Exit::Failed => 1,
            Exit::Error => 2,
        })
    }
}

/// A step and one of its exercises, by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub step: usize,
    pub exercise: usize,
}

/// A hint shown: its place on the ladder and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// 0-based.
    pub index: usize,
    pub total: usize,
    pub text: String,
}

impl Hint {
    pub fn is_last(&self) -> bool {
        self.index + 1 == self.total
    }
}

/// An MCQ answered in watch mode.
#[derive(Debug, Clone)]
pub struct McqAnswer {
    pub grade: McqGrade,
    /// Every MCQ of the step is now answered right.
    pub step_questions_done: bool,
}

/// A loaded course with its learner's progress.
pub struct Ctx {
    pub course: Course,
    pub store: Store,
    pub limits: Limits,
    pub compile_timeout: Duration,
    /// Questions answered in this sitting: a later answer is practice.
    answered_now: HashSet<String>,
}

impl Ctx {
    pub fn new(course: Course, global: &Global) -> Ctx {
        let store = Store::open(&course);
        Ctx {
            course,
            store,
            limits: limits(global),
            compile_timeout: global.compile_timeout,
            answered_now: HashSet::new(),
        }
    }

    pub fn progress(&self) -> &Progress {
        &self.store.progress
    }

    /// Read the progress again if another `learn` wrote it meanwhile.
    pub fn refresh(&mut self) {
        self.store.refresh(&self.course);
    }

    /// What the learner should hear about (damage moved aside...).
    pub fn take_notices(&mut self) -> Vec<String> {
        self.store.take_notices()
    }

    pub fn runner(&self) -> Result<Runner> {
        Runner::new(&self.course, self.limits, self.compile_timeout)
    }

    /// Change the progress under the lock.
    pub fn update<R>(
        &mut self,
        change: impl FnOnce(&mut Progress, &mut Vec<Review>) -> R,
    ) -> Result<R> {
        self.store.update(&self.course, change)
    }

    /// A step given by name or by its number (1-based); None: the current step.
    pub fn resolve_step(&self, spec: Option<&str>) -> Result<usize> {
        let Some(spec) = spec else {
            return Ok(self.progress().current(&self.course));
        };
        if let Some(i) = self.course.step_index(spec) {
            return Ok(i);
        }
        if let Ok(n) = spec.parse::<usize>()
            && (1..=self.course.steps.len()).contains(&n)
        {
            return Ok(n - 1);
        }
        bail!(
            "no step `{spec}` in this course: give a step name or a number from 1 to {} (`learn list` shows them)",
            self.course.steps.len()
        )
    }

    /// An exercise: `STEP` (its current exercise), `STEP/N` (N from 1) or
    /// `STEP/KEY` (the file name without `.rs`); None: where the learner is.
    pub fn resolve(&self, spec: Option<&str>) -> Result<Target> {
        let (step_spec, exercise_spec) = match spec.map(|s| s.split_once('/')) {
            Some(Some((s, e))) => (Some(s), Some(e)),
            _ => (spec, None),
        };
        let step = self.resolve_step(step_spec)?;
        let s = &self.course.steps[step];
        let exercise = match exercise_spec {
            None => self.progress().current_exercise(s),
            Some(e) => s.exercise_index(e).with_context(|| {
                format!(
                    "step `{}` has no exercise `{e}`: it has {} (give a number from 1 to {}, or a file name without .rs)",
                    s.name,
                    crate::text::plural(s.exercises.len(), "exercise"),
                    s.exercises.len()
                )
            })?,
        };
        Ok(Target { step, exercise })
    }

    pub fn step(&self, t: Target) -> &Step {
        &self.course.steps[t.step]
    }

    /// Record a verdict: a pass is kept even if the file breaks later; an
    /// attempt is counted when the learner asked for this check.
    pub fn record_verdict(&mut self, t: Target, verdict: &Verdict, attempt: bool) -> Result<()> {
        let step = self.course.steps[t.step].clone();
        let passed = verdict.passed();
        self.update(|p, _| {
            let e = p.exercise_mut(&step, t.exercise);
            if attempt {
                e.attempts = e.attempts.saturating_add(1);
            }
            e.passed |= passed;
        })
    }

    /// The next hint of an exercise's ladder (the last one again once all
    /// were shown), recorded as used; None when it has no hints.
    pub fn next_hint(&mut self, t: Target) -> Result<Option<Hint>> {
        let step = self.course.steps[t.step].clone();
        let hints = &step.exercises[t.exercise].hints;
        let Some(last) = hints.len().checked_sub(1) else {
            return Ok(None);
        };
        let index = self.update(|p, _| {
            let e = p.exercise_mut(&step, t.exercise);
            let shown = (e.hints_used as usize).min(last);
            e.hints_used = (shown + 1) as u32;
            shown
        })?;
        Ok(Some(Hint {
            index,
            total: hints.len(),
            text: hints[index].trim().to_owned(),
        }))
    }

    /// "Can you explain this step in 30 seconds without notes?" (1-4).
    pub fn rate_confidence(&mut self, step: usize, rating: u8) -> Result<()> {
        if !(1..=4).contains(&rating) {
            bail!("a confidence rating is 1, 2, 3 or 4");
        }
        let name = self.course.steps[step].name.clone();
        self.update(|p, _| p.step_mut(&name).confidence = Some(rating))
    }

    /// Record an answer to a question. Only the first answer to a question
    /// in a sitting is a review that moves its schedule; an answer after the
    /// right one was shown is practice. Returns the question's card when the
    /// answer counted.
    pub fn answer(
        &mut self,
        id: &str,
        rating: Rating,
        picked: Option<String>,
    ) -> Result<Option<crate::progress::Card>> {
        if !self.answered_now.insert(id.to_owned()) {
            return Ok(None);
        }
        let now = now();
        let id = id.to_owned();
        let card = self.update(|p, log| schedule::record(p, log, &id, rating, picked, now))?;
        Ok(Some(card))
    }

    /// An MCQ of a step answered in watch mode: graded, recorded as a review
    /// (first answer only), and kept as answered when right.
    pub fn answer_mcq(&mut self, step: usize, mcq: usize, picked: &[usize]) -> Result<McqAnswer> {
        let s = self.course.steps[step].clone();
        let q = &s.mcqs[mcq];
        let grade = grade::grade_mcq(q, picked);
        let rating = if grade.correct {
            Rating::Good
        } else {
            Rating::Again
        };
        self.answer(&q.id, rating, Some(grade::original_letters(picked)))?;
        let correct = grade.correct;
        let id = q.id.clone();
        let step_questions_done = self.update(|p, _| {
            let sp = p.step_mut(&s.name);
            if correct && !sp.answered.contains(&id) {
                sp.answered.push(id.clone());
            }
            if s.mcqs.iter().all(|m| sp.answered.contains(&m.id)) {
                sp.questions_done = true;
            }
            sp.questions_done
        })?;
        Ok(McqAnswer {
            grade,
            step_questions_done,
        })
    }

    /// Make a step (and one of its exercises) the current one.
    pub fn go_to(&mut self, t: Target) -> Result<()> {
        let step = self.course.steps[t.step].clone();
        let key = step.exercises[t.exercise].key.clone();
        self.update(|p, _| {
            p.current = Some(step.name.clone());
            if step.exercises.len() > 1 {
                p.step_mut(&step.name).exercise = Some(key);
            }
        })
    }

    /// Forget an exercise's progress (after `learn reset`); the step's
    /// questions stay answered.
    pub fn forget_exercise(&mut self, t: Target) -> Result<()> {
        let step = self.course.steps[t.step].clone();
        let key = step.exercises[t.exercise].key.clone();
        self.update(|p, _| {
            if let Some(sp) = p.steps.get_mut(&step.name) {
                sp.exercises.remove(&key);
            }
        })
    }
}

/// The limits a learner's program runs under, from the command line.
pub fn limits(global: &Global) -> Limits {
    Limits {
        timeout: global.timeout,
        memory: global.memory.0,
        ..Limits::default()
    }
}

/// The time of an answer, to the second (the files stay readable).
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(0)
}

/// The course folder: --course, else the nearest folder holding info.toml.
pub fn course_root(global: &Global) -> Result<PathBuf> {
    if let Some(dir) = &global.course {
        if !dir.join(INFO_FILE).is_file() {
            bail!(
                "{} holds no info.toml: --course (or LEARN_COURSE) must name a course folder",
                dir.display()
            );
        }
        return std::path::absolute(dir)
            .with_context(|| format!("cannot resolve {}", dir.display()));
    }
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    find_root(&cwd).with_context(|| {
        format!(
            "no info.toml in {} or any folder above it.\n\
             Run learn inside a course folder, pass --course DIR, or write the built-in course with `learn init rust-track`.\n\
             To start a course of your own here, write info.toml with these three lines, then run `learn dev new STEP`:\n\
             \x20   format_version = 1\n\
             \x20   [course]\n\
             \x20   title = \"My course\"",
            cwd.display()
        )
    })
}
