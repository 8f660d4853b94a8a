//! The learner's progress, the whole of it: `.learn/progress.toml` (where
//! the learner is, what they did per step and exercise),
//! `.learn/schedule.txt` (the review schedule of every question answered,
//! one line each) and `.learn/reviews.log` (every answer, one line each).
//! All three are meant to be committed. [`Store`] reads and writes
//! them; every change is a read-modify-write under a lock.

mod cards;
mod log;
mod store;
mod tally;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::course::{Course, Exercise, Step};

pub use log::Review;
pub use store::{PROGRESS_FILE, Store, read_file};
pub use tally::Tally;

/// The format of progress.toml. A file with a higher number comes from a
/// newer learn that changed something this one would misread: it is read,
/// never written.
pub const VERSION: u32 = 2;

/// What the learner has done, as stored in progress.toml.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The file's format; 0 for files written before it was recorded.
    #[serde(default)]
    pub version: u32,
    /// The step the learner is on (its name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<String>,
    /// Per step, by name.
    #[serde(default)]
    pub steps: BTreeMap<String, StepProgress>,
    /// The memory state of every question answered, by question id. Kept
    /// in the schedule file (`cards`); progress.toml held it before, and
    /// such a file is still read (the next save moves the cards).
    #[serde(default, skip_serializing)]
    pub cards: BTreeMap<String, Card>,
    /// Answers stored in the file by learn before format 2; moved to the
    /// review log by the next save.
    #[serde(default, skip_serializing)]
    pub(crate) reviews: Vec<Review>,
    /// Fields this learn does not know (written by a newer one): kept.
    #[serde(flatten)]
    pub other: toml::Table,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StepProgress {
    /// Every multiple-choice question was answered correctly.
    #[serde(default, skip_serializing_if = "is_false")]
    pub questions_done: bool,
    /// "Can you explain this step in 30 seconds without notes?" 1-4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<u8>,
    /// Ids of the step's multiple-choice questions answered correctly so far.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answered: Vec<String>,
    /// The exercise the learner is on (its key), when the step has several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<String>,
    /// Per exercise, by key (the file name without `.rs`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exercises: BTreeMap<String, ExerciseProgress>,
    /// Before format 2 a step had one exercise, recorded in the step.
    #[serde(default, skip_serializing)]
    exercise_passed: bool,
    #[serde(default, skip_serializing)]
    hints_used: u32,
    #[serde(default, skip_serializing)]
    attempts: u32,
    #[serde(default, skip_serializing)]
    resets: u32,
    #[serde(flatten)]
    pub other: toml::Table,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ExerciseProgress {
    /// The exercise passed its check (and stays passed if it breaks later).
    #[serde(default, skip_serializing_if = "is_false")]
    pub passed: bool,
    /// How many times the learner had it checked (saves, `r`, `learn run`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub attempts: u32,
    /// How many hints of its ladder were shown.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub hints_used: u32,
    #[serde(flatten)]
    pub other: toml::Table,
}

/// The memory state of one question (FSRS).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// When the question is next due.
    pub due: DateTime<Utc>,
    /// FSRS stability, in days.
    pub stability: f64,
    /// FSRS difficulty, 1-10.
    pub difficulty: f64,
    /// How often it was reviewed, and forgotten.
    pub reps: i32,
    pub lapses: i32,
    /// new | learning | review | relearning
    pub state: MemoryState,
    pub last_review: DateTime<Utc>,
    #[serde(default)]
    pub elapsed_days: i64,
    #[serde(default)]
    pub scheduled_days: i64,
}

/// FSRS's learning phase of a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MemoryState {
    New,
    Learning,
    Review,
    Relearning,
}

impl Card {
    pub fn is_due(&self, now: DateTime<Utc>) -> bool {
        self.due <= now
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Progress {
    pub fn step(&self, name: &str) -> Option<&StepProgress> {
        self.steps.get(name)
    }

    pub fn step_mut(&mut self, name: &str) -> &mut StepProgress {
        self.steps.entry(name.to_owned()).or_default()
    }

    /// The progress of exercise `i` of `step` (empty when there is none).
    pub fn exercise(&self, step: &Step, i: usize) -> ExerciseProgress {
        self.steps
            .get(&step.name)
            .and_then(|p| p.exercises.get(&step.exercises[i].key))
            .cloned()
            .unwrap_or_default()
    }

    pub fn exercise_mut(&mut self, step: &Step, i: usize) -> &mut ExerciseProgress {
        let key = step.exercises[i].key.clone();
        self.step_mut(&step.name).exercises.entry(key).or_default()
    }

    /// Every exercise of the step passed.
    pub fn exercises_passed(&self, step: &Step) -> bool {
        (0..step.exercises.len()).all(|i| self.exercise(step, i).passed)
    }

    /// A step is done when every exercise passed and its MCQs were answered.
    pub fn is_done(&self, step: &Step) -> bool {
        self.exercises_passed(step)
            && (step.mcqs.is_empty() || self.step(&step.name).is_some_and(|p| p.questions_done))
    }

    /// The index of the current step: the recorded one, else the first not done.
    pub fn current(&self, course: &Course) -> usize {
        self.current
            .as_deref()
            .and_then(|n| course.step_index(n))
            .or_else(|| course.steps.iter().position(|s| !self.is_done(s)))
            .unwrap_or(course.steps.len().saturating_sub(1))
    }

    /// The exercise the learner is on in a step: the recorded one, else the
    /// first that has not passed, else the last.
    pub fn current_exercise(&self, step: &Step) -> usize {
        let recorded = self
            .step(&step.name)
            .and_then(|p| p.exercise.as_deref())
            .and_then(|k| step.exercises.iter().position(|e| e.key == k));
        recorded
            .or_else(|| (0..step.exercises.len()).find(|&i| !self.exercise(step, i).passed))
            .unwrap_or(step.exercises.len() - 1)
    }

    pub fn done_count(&self, course: &Course) -> usize {
        course.steps.iter().filter(|s| self.is_done(s)).count()
    }

    /// The first step after `from` (wrapping) that is not done.
    pub fn next_open(&self, course: &Course, from: usize) -> Option<usize> {
        let n = course.steps.len();
        (1..=n)
            .map(|k| (from + k) % n)
            .find(|&i| !self.is_done(&course.steps[i]))
    }

    /// Whether the learner has reached a step: it is at or before the
    /// current one, or they worked on it (an exercise checked, a question
    /// answered). Its questions are then theirs to drill.
    pub fn reached(&self, course: &Course, i: usize) -> bool {
        let step = &course.steps[i];
        i <= self.current(course)
            || self.is_done(step)
            || self.step(&step.name).is_some_and(|p| {
                p.questions_done
                    || !p.answered.is_empty()
                    || p.exercises.values().any(|e| e.passed || e.attempts > 0)
            })
            || step.question_ids().any(|id| self.cards.contains_key(id))
    }

    /// Bring a file written before format 2 to this format: a step's own
    /// exercise fields go to its first exercise. Needs the course, to know
    /// which exercise that is.
    pub fn adopt(&mut self, course: &Course) {
        for step in &course.steps {
            let Some(p) = self.steps.get_mut(&step.name) else {
                continue;
            };
            let legacy = ExerciseProgress {
                passed: p.exercise_passed,
                attempts: p.attempts,
                hints_used: p.hints_used,
                other: toml::Table::new(),
            };
            (p.exercise_passed, p.attempts, p.hints_used, p.resets) = (false, 0, 0, 0);
            if legacy != ExerciseProgress::default() {
                let first: &Exercise = &step.exercises[0];
                p.exercises.entry(first.key.clone()).or_insert(legacy);
            }
        }
        self.version = self.version.max(VERSION);
    }

    /// Values no learn writes (a hand edit): dropped, each with a notice.
    pub fn sanitize(&mut self) -> Vec<String> {
        let mut notices = Vec::new();
        for (name, step) in &mut self.steps {
            if let Some(c) = step.confidence.filter(|c| !(1..=4).contains(c)) {
                notices.push(format!(
                    "[steps.{name}] confidence = {c} is not a rating from 1 to 4: it is ignored."
                ));
                step.confidence = None;
            }
        }
        notices
    }
}

#[cfg(test)]
mod tests;
