//! info.toml format v1 (`[course]` and `[[steps]]`): the raw serde shapes
//! and their validation into the course model.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{
    Checker, Checks, Course, EDITIONS, Format, Interview, Level, Mcq, Problem, Step, Trace,
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
    /// The exercise, relative to the course folder.
    path: Spanned<String>,
    /// The reference solution; defaults to the same path under solutions/.
    solution: Option<Spanned<String>>,
    /// run | test
    mode: Spanned<String>,
    /// run mode only: stdout must equal it (trailing whitespace trimmed).
    expected_output: Option<Spanned<String>>,
    /// Minutes to read the lesson.
    reading_minutes: Option<u32>,
    /// When the content was last reviewed (YYYY-MM-DD).
    reviewed: Option<Spanned<String>>,
    /// rustc error codes this step teaches.
    error_codes: Option<Spanned<Vec<String>>>,
    /// A ladder of hints, shown one at a time.
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
    /// The starter may pass as shipped (otherwise `dev check` requires it to fail).
    #[serde(default)]
    starter_passes: bool,
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
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawAnswer {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrace {
    id: Option<Spanned<String>>,
    program: Spanned<String>,
    compiles: bool,
    #[serde(default)]
    output: String,
    #[serde(default)]
    panics: bool,
    /// The error code rustc reports when `compiles = false`.
    error_code: Option<Spanned<String>>,
    #[serde(default)]
    explanation: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInterview {
    id: Option<Spanned<String>>,
    question: Spanned<String>,
    answer: String,
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
        let checks = match self.mode.get_ref().as_str() {
            "run" => Checks::RUN,
            "test" => Checks::TEST,
            other => {
                c.report(
                    self.mode.span().start,
                    format!("mode `{other}` is not known: expected run or test"),
                );
                Checks::RUN
            }
        };
        if let Some(out) = &self.expected_output
            && checks.tests
        {
            c.report(
                    out.span().start,
                    "expected_output is only for mode = \"run\": a test step passes when its tests pass",
                );
        }
        if let Some(r) = &self.reviewed
            && !is_date(r.get_ref())
        {
            c.report(
                r.span().start,
                format!(
                    "reviewed = \"{}\" is not a date: expected YYYY-MM-DD",
                    r.get_ref()
                ),
            );
        }
        if let Some(codes) = &self.error_codes {
            for code in codes.get_ref() {
                c.error_code(code, codes.span().start);
            }
        }
        let path = c.exercise(
            PathBuf::from(self.path.get_ref()),
            self.path.span().start,
            "path",
        );
        let solution = match &self.solution {
            Some(s) => c.path(s, "solution"),
            None if path.is_none() => None,
            None => {
                // Default: the same path under solutions/.
                let rel = Path::new(self.path.get_ref());
                let under = rel.strip_prefix("exercises").unwrap_or(rel);
                let default = Path::new("solutions").join(under);
                c.inside(default, self.path.span().start, "solution (default)")
            }
        };

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
            .map(|(i, t)| {
                if let Some(code) = &t.error_code {
                    c.error_code(code.get_ref(), code.span().start);
                    if t.compiles {
                        c.report(
                            code.span().start,
                            "error_code is only for a program with compiles = false",
                        );
                    }
                }
                if !t.compiles && (t.panics || !t.output.is_empty()) {
                    c.report(
                        t.program.span().start,
                        "a program with compiles = false cannot have output or panic",
                    );
                }
                Trace {
                    id: c.question_id(t.id.as_ref(), format!("{name}.trace.{i}"), ids),
                    line: c.lines.line(t.program.span().start),
                    program: t.program.into_inner(),
                    compiles: t.compiles,
                    output: t.output,
                    panics: t.panics,
                    error_code: t.error_code.map(Spanned::into_inner),
                    explanation: t.explanation,
                }
            })
            .collect();
        let interviews = self
            .interview
            .into_iter()
            .enumerate()
            .map(|(i, q)| Interview {
                id: c.question_id(q.id.as_ref(), format!("{name}.interview.{i}"), ids),
                line: c.lines.line(q.question.span().start),
                question: q.question.into_inner(),
                answer: q.answer,
            })
            .collect();
        if c.problems.len() > before {
            return None;
        }
        Some(Step {
            line: c.lines.line(self.name.span().start),
            name,
            title: self.title,
            topic: self.topic,
            level,
            path: path?,
            solution,
            checks,
            expected_output: self.expected_output.map(Spanned::into_inner),
            reading_minutes: self.reading_minutes,
            reviewed: self.reviewed.map(Spanned::into_inner),
            error_codes: self
                .error_codes
                .map(Spanned::into_inner)
                .unwrap_or_default(),
            hints: self.hints,
            lesson: self.lesson,
            must_know: self.must_know,
            discussion: self.discussion,
            mcqs,
            traces,
            interviews,
            starter_passes: self.starter_passes,
        })
    }
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
        if c.problems.len() > before {
            return None;
        }
        Some(Mcq {
            id,
            line: c.lines.line(self.prompt.span().start),
            prompt: self.prompt.into_inner(),
            code: self.code,
            choices: self.choices.into_inner(),
            answer,
            multi,
            explanations: self.explanations.map(Spanned::into_inner),
            explanation: self.explanation,
        })
    }
}

/// YYYY-MM-DD.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}
