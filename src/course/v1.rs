//! info.toml format v1 (`[course]` and `[[steps]]`): the raw serde shapes
//! and their validation into the course model.

use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use toml::Spanned;

use super::check::Checker;
use super::{
    Checks, Course, EDITIONS, Exercise, Format, Interview, Level, Mcq, Panic, Problem, Step, Trace,
    letter_index,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawInfo {
    /// Must be 1.
    format_version: Spanned<i64>,
    /// The course's title, edition and messages.
    course: Spanned<RawCourse>,
    /// The ordered steps.
    #[serde(default)]
    steps: Vec<RawStep>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCourse {
    /// Shown at the top of every screen.
    title: String,
    /// `rustc --edition` for every exercise and program.
    #[serde(default = "default_edition")]
    edition: Spanned<String>,
    /// Shown on the first start.
    welcome: Option<String>,
    /// Shown when the last step is done.
    done: Option<String>,
}

fn default_edition() -> Spanned<String> {
    Spanned::new(0..0, "2021".to_owned())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    /// Unique; lowercase letters, digits and '_'.
    name: Spanned<String>,
    /// Shown as the step's heading.
    title: String,
    /// Groups steps for stats and quiz filters.
    topic: String,
    /// beginner | intermediate | advanced
    level: Spanned<String>,
    /// The step's one exercise, relative to the course folder (or give
    /// `[[steps.exercises]]` instead).
    path: Option<Spanned<String>>,
    /// One exercise: the reference solution; defaults to the same path under solutions/.
    solution: Option<Spanned<String>>,
    /// One exercise: run | test
    mode: Option<Spanned<String>>,
    /// One exercise, run mode only: stdout must equal it (trailing whitespace trimmed).
    expected_output: Option<Spanned<String>>,
    /// One exercise: the starter may pass as shipped.
    starter_passes: Option<Spanned<bool>>,
    /// Several exercises of growing difficulty, in order.
    #[serde(default)]
    exercises: Vec<RawExercise>,
    /// Minutes to read the lesson.
    reading_minutes: Option<u32>,
    /// When the content was last reviewed (YYYY-MM-DD).
    reviewed: Option<Spanned<String>>,
    /// rustc error codes this step teaches.
    error_codes: Option<Spanned<Vec<String>>>,
    /// A ladder of hints, shown one at a time (for the exercises that have
    /// none of their own).
    #[serde(default)]
    hints: Vec<String>,
    /// The lesson text.
    #[serde(default)]
    lesson: String,
    /// Points a learner must be able to say without notes.
    #[serde(default)]
    must_know: Vec<String>,
    /// Prompts for discussion.
    #[serde(default)]
    discussion: Vec<String>,
    /// Lints silenced for the step's one exercise.
    allow: Option<Spanned<Vec<String>>>,
    /// Multiple-choice questions that gate the step.
    #[serde(default)]
    mcq: Vec<RawMcq>,
    /// "Does it compile? What does it print?" questions.
    #[serde(default)]
    trace: Vec<RawTrace>,
    /// Interview questions with model answers.
    #[serde(default)]
    interview: Vec<RawInterview>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    /// The exercise, relative to the course folder.
    path: Spanned<String>,
    /// The reference solution; defaults to the same path under solutions/.
    solution: Option<Spanned<String>>,
    /// run | test
    mode: Spanned<String>,
    /// run mode only: stdout must equal it (trailing whitespace trimmed).
    expected_output: Option<Spanned<String>>,
    /// The starter may pass as shipped.
    #[serde(default)]
    starter_passes: bool,
    /// rustc error codes this exercise teaches.
    error_codes: Option<Spanned<Vec<String>>>,
    /// This exercise's hint ladder (default: the step's).
    #[serde(default)]
    hints: Vec<String>,
    /// Lints silenced for this exercise.
    allow: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMcq {
    /// A stable id for the review schedule; defaults to STEP.mcq.INDEX.
    id: Option<Spanned<String>>,
    prompt: Spanned<String>,
    code: Option<String>,
    choices: Spanned<Vec<String>>,
    /// A letter, or a list of letters for select-all-that-apply.
    answer: Spanned<RawAnswer>,
    /// One per choice.
    explanations: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    explanation: String,
    allow: Option<Spanned<Vec<String>>>,
}

/// `answer = "b"` or `answer = ["a", "c"]`.
enum RawAnswer {
    One(String),
    Many(Vec<String>),
}

impl<'de> Deserialize<'de> for RawAnswer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawAnswer, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawAnswer;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a letter such as \"b\", or a list of letters such as [\"a\", \"c\"] for select-all",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawAnswer, E> {
                Ok(RawAnswer::One(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawAnswer, A::Error> {
                let mut letters = Vec::new();
                while let Some(l) = seq.next_element::<String>()? {
                    letters.push(l);
                }
                Ok(RawAnswer::Many(letters))
            }
        }
        d.deserialize_any(V)
    }
}

/// `panics = false | true | "main" | "thread"`.
struct RawPanic(Panic);

impl<'de> Deserialize<'de> for RawPanic {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawPanic, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = RawPanic;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "false, true (the same as \"main\"), \"main\" (the program ends in a panic) or \"thread\" (a spawned thread panics and the program exits 0)",
                )
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawPanic, E> {
                Ok(RawPanic(if v { Panic::Main } else { Panic::No }))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawPanic, E> {
                match v {
                    "main" => Ok(RawPanic(Panic::Main)),
                    "thread" => Ok(RawPanic(Panic::Thread)),
                    _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
                }
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrace {
    id: Option<Spanned<String>>,
    program: Spanned<String>,
    compiles: bool,
    #[serde(default)]
    output: String,
    panics: Option<RawPanic>,
    /// The error code rustc reports when `compiles = false`.
    error_code: Option<Spanned<String>>,
    /// The line of `program` rustc's first error points at.
    error_line: Option<Spanned<i64>>,
    #[serde(default)]
    explanation: String,
    allow: Option<Spanned<Vec<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInterview {
    id: Option<Spanned<String>>,
    question: Spanned<String>,
    answer: String,
    allow: Option<Spanned<Vec<String>>>,
}

impl RawInfo {
    pub(super) fn validate(self, mut c: Checker) -> Result<Course, Vec<Problem>> {
        let root = c.root;
        if *self.format_version.get_ref() != 1 {
            c.report(
                self.format_version.span().start,
                format!(
                    "format_version = {} is not supported: this version of learn reads format_version = 1",
                    self.format_version.get_ref()
                ),
            );
        }
        let course_at = self.course.span().start;
        let course = self.course.into_inner();
        let edition = course.edition.get_ref().clone();
        if !EDITIONS.contains(&edition.as_str()) {
            c.report(
                course.edition.span().start,
                format!(
                    "edition `{edition}` is not a Rust edition: expected one of {}",
                    EDITIONS.join(", ")
                ),
            );
        }
        if self.steps.is_empty() {
            c.report(course_at, "the course has no [[steps]]: add at least one");
        }
        let mut names = Vec::new();
        let mut ids = Vec::new();
        let mut steps = Vec::new();
        for raw in self.steps {
            c.step = Some(raw.name.get_ref().clone());
            if let Some(step) = raw.validate(&mut c, &mut names, &mut ids) {
                steps.push(step);
            }
        }
        if !c.problems.is_empty() {
            return Err(c.problems);
        }
        Ok(Course {
            root: root.to_path_buf(),
            format: Format::Learn,
            title: course.title,
            edition,
            welcome: course.welcome,
            done: course.done,
            steps,
        })
    }
}

/// The fields of one exercise, from either form.
struct ExerciseFields<'r> {
    path: &'r Spanned<String>,
    solution: Option<&'r Spanned<String>>,
    mode: Option<&'r Spanned<String>>,
    expected_output: Option<&'r Spanned<String>>,
    starter_passes: bool,
    error_codes: Option<&'r Spanned<Vec<String>>>,
    hints: &'r [String],
    allow: Option<&'r Spanned<Vec<String>>>,
}

impl RawStep {
    fn validate(
        self,
        c: &mut Checker,
        names: &mut Vec<String>,
        ids: &mut Vec<String>,
    ) -> Option<Step> {
        let before = c.problems.len();
        c.name(&self.name, names);
        let name = self.name.get_ref().clone();
        let level = match self.level.get_ref().as_str() {
            "beginner" => Some(Level::Beginner),
            "intermediate" => Some(Level::Intermediate),
            "advanced" => Some(Level::Advanced),
            other => {
                c.report(
                    self.level.span().start,
                    format!(
                        "level `{other}` is not known: expected beginner, intermediate or advanced"
                    ),
                );
                None
            }
        };
        if let Some(r) = &self.reviewed
            && chrono::NaiveDate::parse_from_str(r.get_ref(), "%Y-%m-%d").is_err()
        {
            c.report(
                r.span().start,
                format!(
                    "reviewed = \"{}\" is not a date: expected YYYY-MM-DD",
                    r.get_ref()
                ),
            );
        }
        let exercises = self.exercises(c);
        let mcqs = self
            .mcq
            .into_iter()
            .enumerate()
            .filter_map(|(i, m)| m.validate(c, &name, i, ids))
            .collect();
        let traces = self
            .trace
            .into_iter()
            .enumerate()
            .filter_map(|(i, t)| t.validate(c, &name, i, ids))
            .collect();
        let interviews = self
            .interview
            .into_iter()
            .enumerate()
            .map(|(i, q)| Interview {
                id: c.question_id(q.id.as_ref(), format!("{name}.interview.{i}"), ids),
                line: c.line(q.question.span().start),
                allow: c.allow(q.allow.as_ref()),
                question: q.question.into_inner(),
                answer: q.answer,
            })
            .collect();
        if c.problems.len() > before {
            return None;
        }
        Some(Step {
            line: c.line(self.name.span().start),
            name,
            title: self.title,
            topic: self.topic,
            level,
            exercises,
            reading_minutes: self.reading_minutes,
            reviewed: self.reviewed.map(Spanned::into_inner),
            lesson: self.lesson,
            must_know: self.must_know,
            discussion: self.discussion,
            mcqs,
            traces,
            interviews,
        })
    }

    /// The step's exercises: its `path` (one exercise), or its
    /// `[[steps.exercises]]`, never both.
    fn exercises(&self, c: &mut Checker) -> Vec<Exercise> {
        let step_at = self.name.span().start;
        let Some(path) = &self.path else {
            if self.exercises.is_empty() {
                c.report(
                    step_at,
                    "the step has no exercise: give `path` and `mode`, or one [[steps.exercises]] table per exercise",
                );
            }
            // One exercise's fields belong to each [[steps.exercises]] instead.
            let single = [
                ("mode", self.mode.as_ref().map(|s| s.span().start)),
                ("solution", self.solution.as_ref().map(|s| s.span().start)),
                (
                    "expected_output",
                    self.expected_output.as_ref().map(|s| s.span().start),
                ),
                (
                    "starter_passes",
                    self.starter_passes.as_ref().map(|s| s.span().start),
                ),
                ("allow", self.allow.as_ref().map(|s| s.span().start)),
            ];
            for (field, at) in single {
                if let Some(at) = at {
                    c.report(
                        at,
                        format!(
                            "`{field}` belongs to each [[steps.exercises]] when a step lists its exercises: move it there"
                        ),
                    );
                }
            }
            let mut exercises: Vec<Exercise> = Vec::new();
            for e in &self.exercises {
                let fields = ExerciseFields {
                    path: &e.path,
                    solution: e.solution.as_ref(),
                    mode: Some(&e.mode),
                    expected_output: e.expected_output.as_ref(),
                    starter_passes: e.starter_passes,
                    error_codes: e.error_codes.as_ref(),
                    hints: if e.hints.is_empty() {
                        &self.hints
                    } else {
                        &e.hints
                    },
                    allow: e.allow.as_ref(),
                };
                if let Some(mut ex) = exercise(c, &fields) {
                    if let Some(codes) = &self.error_codes {
                        for code in codes.get_ref() {
                            if !ex.error_codes.contains(code) {
                                ex.error_codes.push(code.clone());
                            }
                        }
                    }
                    if exercises.iter().any(|other| other.key == ex.key) {
                        c.report(
                            e.path.span().start,
                            format!(
                                "two exercises of this step are named `{}.rs`: give each a file name of its own",
                                ex.key
                            ),
                        );
                    }
                    exercises.push(ex);
                }
            }
            return exercises;
        };
        if let Some(first) = self.exercises.first() {
            c.report(
                first.path.span().start,
                "the step has both `path` and [[steps.exercises]]: give one exercise with `path`, or list them all as [[steps.exercises]]",
            );
        }
        if self.mode.is_none() {
            c.report(
                path.span().start,
                "the exercise has no `mode`: add mode = \"run\" or mode = \"test\"",
            );
        }
        let fields = ExerciseFields {
            path,
            solution: self.solution.as_ref(),
            mode: self.mode.as_ref(),
            expected_output: self.expected_output.as_ref(),
            starter_passes: self.starter_passes.as_ref().is_some_and(|s| *s.get_ref()),
            error_codes: self.error_codes.as_ref(),
            hints: &self.hints,
            allow: self.allow.as_ref(),
        };
        exercise(c, &fields).into_iter().collect()
    }
}

fn exercise(c: &mut Checker, f: &ExerciseFields) -> Option<Exercise> {
    let before = c.problems.len();
    let checks = match f.mode.map(|m| m.get_ref().as_str()) {
        Some("run") | None => Checks::RUN,
        Some("test") => Checks::TEST,
        Some(other) => {
            c.report(
                f.mode.map_or(0, |m| m.span().start),
                format!("mode `{other}` is not known: expected run or test"),
            );
            Checks::RUN
        }
    };
    if let Some(out) = f.expected_output
        && checks.tests
    {
        c.report(
            out.span().start,
            "expected_output is only for mode = \"run\": a test exercise passes when its tests pass",
        );
    }
    let mut error_codes = Vec::new();
    if let Some(codes) = f.error_codes {
        for code in codes.get_ref() {
            c.error_code(code, codes.span().start);
            if !error_codes.contains(code) {
                error_codes.push(code.clone());
            }
        }
    }
    let at = f.path.span().start;
    let path = c.exercise(f.path.get_ref(), at, "path");
    let solution = match (f.solution, &path) {
        (Some(s), _) => c.solution(s.get_ref(), s.span().start, "solution"),
        (None, None) => None,
        (None, Some(rel)) => {
            // Default: the same path under solutions/.
            let under = rel.strip_prefix("exercises").unwrap_or(rel);
            let default = Path::new("solutions").join(under);
            c.solution(&default.to_string_lossy(), at, "solution (default)")
        }
    };
    let allow = c.allow(f.allow);
    if c.problems.len() > before {
        return None;
    }
    let path = path?;
    Some(Exercise {
        key: path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
        line: c.line(at),
        path,
        solution,
        checks,
        expected_output: f.expected_output.map(|s| s.get_ref().clone()),
        hints: f.hints.to_vec(),
        error_codes,
        starter_passes: f.starter_passes,
        allow,
    })
}

impl RawMcq {
    fn validate(
        self,
        c: &mut Checker,
        step: &str,
        index: usize,
        ids: &mut Vec<String>,
    ) -> Option<Mcq> {
        let before = c.problems.len();
        let id = c.question_id(self.id.as_ref(), format!("{step}.mcq.{index}"), ids);
        let n = self.choices.get_ref().len();
        if n > 26 {
            c.report(
                self.choices.span().start,
                format!("choices has {n} entries: at most 26 (a to z)"),
            );
        }
        let (letters, multi) = match self.answer.get_ref() {
            RawAnswer::One(a) => (vec![a.clone()], false),
            RawAnswer::Many(a) => (a.clone(), true),
        };
        let mut answer = Vec::new();
        for letter in &letters {
            match letter_index(letter) {
                Some(i) if answer.contains(&i) => c.report(
                    self.answer.span().start,
                    format!("answer names `{letter}` twice: name each right choice once"),
                ),
                Some(i) if i < n => answer.push(i),
                _ => c.report(
                    self.answer.span().start,
                    format!(
                        "answer `{letter}` names no choice: expected a letter from a to {}",
                        (b'a' + n.saturating_sub(1).min(25) as u8) as char
                    ),
                ),
            }
        }
        if letters.is_empty() {
            c.report(
                self.answer.span().start,
                "answer is empty: name at least one choice",
            );
        }
        answer.sort_unstable();
        answer.dedup();
        if let Some(ex) = &self.explanations
            && ex.get_ref().len() != n
        {
            c.report(
                ex.span().start,
                format!(
                    "explanations has {} entries but choices has {n}: give one explanation per choice",
                    ex.get_ref().len()
                ),
            );
        }
        let allow = c.allow(self.allow.as_ref());
        if c.problems.len() > before {
            return None;
        }
        Some(Mcq {
            id,
            line: c.line(self.prompt.span().start),
            prompt: self.prompt.into_inner(),
            code: self.code,
            choices: self.choices.into_inner(),
            answer,
            multi,
            explanations: self.explanations.map(Spanned::into_inner),
            explanation: self.explanation,
            allow,
        })
    }
}

impl RawTrace {
    fn validate(
        self,
        c: &mut Checker,
        step: &str,
        index: usize,
        ids: &mut Vec<String>,
    ) -> Option<Trace> {
        let before = c.problems.len();
        let panics = self.panics.map_or(Panic::No, |p| p.0);
        if let Some(code) = &self.error_code {
            c.error_code(code.get_ref(), code.span().start);
            if self.compiles {
                c.report(
                    code.span().start,
                    "error_code is only for a program with compiles = false",
                );
            }
        }
        if !self.compiles && (panics != Panic::No || !self.output.is_empty()) {
            c.report(
                self.program.span().start,
                "a program with compiles = false cannot have output or panic",
            );
        }
        let lines = self.program.get_ref().lines().count();
        let error_line = match &self.error_line {
            None => None,
            Some(l) if self.compiles => {
                c.report(
                    l.span().start,
                    "error_line is only for a program with compiles = false",
                );
                None
            }
            Some(l) => match usize::try_from(*l.get_ref()) {
                Ok(n) if (1..=lines).contains(&n) => Some(n),
                _ => {
                    c.report(
                        l.span().start,
                        format!(
                            "error_line = {} is not a line of the program: expected 1 to {lines}",
                            l.get_ref()
                        ),
                    );
                    None
                }
            },
        };
        let allow = c.allow(self.allow.as_ref());
        let id = c.question_id(self.id.as_ref(), format!("{step}.trace.{index}"), ids);
        if c.problems.len() > before {
            return None;
        }
        Some(Trace {
            id,
            line: c.line(self.program.span().start),
            program: self.program.into_inner(),
            compiles: self.compiles,
            output: self.output,
            panics,
            error_code: self.error_code.map(Spanned::into_inner),
            error_line,
            explanation: self.explanation,
            allow,
        })
    }
}
