//! The course: info.toml (format v1, or the rustlings v6 format) parsed once
//! into validated types. Nothing outside this module sees raw TOML.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::de::{DeTable, DeValue};

use crate::text::{self, LineIndex};

mod cache;
mod check;
mod rustlings;
mod v1;

use check::{Checker, Files};

/// The file that describes a course.
pub const INFO_FILE: &str = "info.toml";

const EDITIONS: [&str; 4] = ["2015", "2018", "2021", "2024"];

/// The longest step name: names become file names and command arguments.
pub const MAX_NAME: usize = 64;

/// One problem found in info.toml, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    /// The step the problem belongs to, when there is one.
    pub step: Option<String>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{INFO_FILE}:{}:{}: ", self.line, self.column)?;
        if let Some(step) = &self.step {
            write!(f, "step {step}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// Every problem that made a course fail to load.
#[derive(Debug, thiserror::Error)]
pub struct CourseError {
    pub path: PathBuf,
    pub problems: Vec<Problem>,
}

impl fmt::Display for CourseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        writeln!(
            f,
            "{} has {}:",
            self.path.display(),
            text::plural(n, "problem")
        )?;
        for p in &self.problems {
            writeln!(f, "  {p}")?;
        }
        write!(
            f,
            "Fix info.toml (its format is described in the README, \"Authoring a course\") and run the command again."
        )
    }
}

/// Which info.toml dialect a course uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    /// `learn`'s own format v1 (`[course]` and `[[steps]]`).
    Learn,
    /// The rustlings v6 format (`[[exercises]]`).
    Rustlings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Beginner => "beginner",
            Level::Intermediate => "intermediate",
            Level::Advanced => "advanced",
        })
    }
}

/// What "the exercise passes" means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checks {
    /// Build with `rustc --test` and require every test to pass.
    pub tests: bool,
    /// Build the program and require it to exit 0 (and print `expected_output`).
    pub run: bool,
    /// Run clippy with warnings denied (rustlings `strict_clippy`).
    pub clippy: bool,
}

impl Checks {
    pub const RUN: Checks = Checks {
        tests: false,
        run: true,
        clippy: false,
    };
    pub const TEST: Checks = Checks {
        tests: true,
        run: false,
        clippy: false,
    };

    /// The name shown to learners.
    pub fn mode_name(&self) -> &'static str {
        match (self.tests, self.run) {
            (true, true) => "test+run",
            (true, false) => "test",
            _ => "run",
        }
    }
}

/// A `dev check` lint an instructor may silence for one question or exercise
/// (`allow = ["near-duplicate"]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lint {
    /// The question's text is very close to another question's.
    NearDuplicate,
    /// The right choice stands out by its form (the only error code, the
    /// only long or hedged choice).
    GiveAway,
    /// A starter's TODO comment spells out the code the solution adds.
    TodoStatesFix,
}

impl Lint {
    pub const ALL: [Lint; 3] = [Lint::NearDuplicate, Lint::GiveAway, Lint::TodoStatesFix];

    pub fn name(self) -> &'static str {
        match self {
            Lint::NearDuplicate => "near-duplicate",
            Lint::GiveAway => "give-away",
            Lint::TodoStatesFix => "todo-states-fix",
        }
    }

    pub fn from_name(name: &str) -> Option<Lint> {
        Lint::ALL.into_iter().find(|l| l.name() == name)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Course {
    /// The folder holding info.toml; every path of the course is inside it.
    pub root: PathBuf,
    pub format: Format,
    pub title: String,
    pub edition: String,
    pub welcome: Option<String>,
    pub done: Option<String>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Step {
    pub name: String,
    pub title: String,
    pub topic: String,
    pub level: Option<Level>,
    /// At least one, in the order the learner works through them.
    pub exercises: Vec<Exercise>,
    pub reading_minutes: Option<u32>,
    pub reviewed: Option<String>,
    pub lesson: String,
    pub must_know: Vec<String>,
    pub discussion: Vec<String>,
    pub mcqs: Vec<Mcq>,
    pub traces: Vec<Trace>,
    pub interviews: Vec<Interview>,
    /// Line of the step's `name` in info.toml.
    pub line: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Exercise {
    /// The file name without `.rs`: unique within its step, it keys the
    /// exercise's progress.
    pub key: String,
    /// The exercise, relative to the course root.
    pub path: PathBuf,
    /// The reference solution, relative to the course root.
    pub solution: Option<PathBuf>,
    pub checks: Checks,
    pub expected_output: Option<String>,
    /// The hint ladder, shown one at a time.
    pub hints: Vec<String>,
    /// rustc error codes this exercise teaches.
    pub error_codes: Vec<String>,
    /// The starter is allowed to pass as shipped (checked by `learn dev check`).
    pub starter_passes: bool,
    /// Lints silenced for this exercise.
    pub allow: Vec<Lint>,
    /// Line of the exercise's `path` in info.toml.
    pub line: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Mcq {
    pub id: String,
    pub prompt: String,
    pub code: Option<String>,
    pub choices: Vec<String>,
    /// Indexes of the right choices, sorted.
    pub answer: Vec<usize>,
    /// The question is select-all-that-apply (its answer was given as a list).
    pub multi: bool,
    pub explanations: Option<Vec<String>>,
    pub explanation: String,
    pub allow: Vec<Lint>,
    pub line: usize,
}

/// Whether and where a tracing program panics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Panic {
    /// It runs to the end and exits 0.
    No,
    /// The main thread panics: the program ends with the panic (exit 101).
    Main,
    /// A spawned thread panics; the main thread goes on and the program
    /// exits 0.
    Thread,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Trace {
    pub id: String,
    pub program: String,
    pub compiles: bool,
    pub output: String,
    pub panics: Panic,
    pub error_code: Option<String>,
    /// When it does not compile: the 1-based line of `program` that rustc's
    /// first error points at.
    pub error_line: Option<usize>,
    pub explanation: String,
    pub allow: Vec<Lint>,
    pub line: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Interview {
    pub id: String,
    pub question: String,
    pub answer: String,
    pub allow: Vec<Lint>,
    pub line: usize,
}

/// A question of the course.
#[derive(Debug, Clone, Copy)]
pub enum Kind<'c> {
    Mcq(&'c Mcq),
    Trace(&'c Trace),
    Interview(&'c Interview),
}

#[derive(Debug, Clone, Copy)]
pub struct Question<'c> {
    /// The index of its step.
    pub step: usize,
    pub kind: Kind<'c>,
}

impl<'c> Question<'c> {
    /// Its stable id: explicit in info.toml, or STEP.KIND.INDEX.
    pub fn id(&self) -> &'c str {
        match self.kind {
            Kind::Mcq(q) => &q.id,
            Kind::Trace(q) => &q.id,
            Kind::Interview(q) => &q.id,
        }
    }

    /// Its line in info.toml (its prompt, program or question).
    pub fn line(&self) -> usize {
        match self.kind {
            Kind::Mcq(q) => q.line,
            Kind::Trace(q) => q.line,
            Kind::Interview(q) => q.line,
        }
    }

    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::Mcq(_) => "multiple choice",
            Kind::Trace(_) => "tracing",
            Kind::Interview(_) => "interview",
        }
    }
}

impl Course {
    /// The questions of step `i`: its MCQs, tracing and interview questions.
    pub fn step_questions(&self, i: usize) -> impl Iterator<Item = Question<'_>> {
        let s = &self.steps[i];
        let mcqs = s.mcqs.iter().map(Kind::Mcq);
        let traces = s.traces.iter().map(Kind::Trace);
        let interviews = s.interviews.iter().map(Kind::Interview);
        mcqs.chain(traces)
            .chain(interviews)
            .map(move |kind| Question { step: i, kind })
    }

    /// Every question of the course, in course order.
    pub fn questions(&self) -> Vec<Question<'_>> {
        (0..self.steps.len())
            .flat_map(|i| self.step_questions(i))
            .collect()
    }

    /// Load the course whose info.toml is in `root`, as a learner's commands
    /// do: a learner may have deleted an exercise or a solution, and the
    /// course still loads (the commands on that exercise say how to restore it).
    /// The parsed course is cached in `.learn/cache/` (see `cache`).
    pub fn load(root: &Path) -> anyhow::Result<Course> {
        let info = root.join(INFO_FILE);
        let key = cache::key(&info);
        if let Some(course) = key.as_ref().and_then(|k| cache::get(root, k)) {
            return Ok(course);
        }
        let bytes = std::fs::read(&info).map_err(|e| {
            anyhow::anyhow!(
                "cannot read {}: {e}\nRun `learn` inside a course folder, pass --course DIR, or write the built-in course with `learn init DIR`.",
                info.display()
            )
        })?;
        let error = |problems| CourseError {
            path: info.clone(),
            problems,
        };
        let text = decode(&bytes).map_err(|p| error(vec![p]))?;
        let course = Course::parse_with(root, text, Files::Learner).map_err(error)?;
        if let Some(k) = &key {
            cache::put(root, k, &course);
        }
        Ok(course)
    }

    /// Parse and validate info.toml's text; `root` is used to check paths.
    /// Every named file must exist (`learn dev check`).
    pub fn parse(root: &Path, text: &str) -> Result<Course, Vec<Problem>> {
        Course::parse_with(root, text, Files::Required)
    }

    fn parse_with(root: &Path, text: &str, files: Files) -> Result<Course, Vec<Problem>> {
        // Windows line ends (an editor, git's autocrlf) are line ends, not
        // a carriage return inside every multi-line string; lines keep
        // their numbers.
        let text: &str = &if text.contains("\r\n") {
            std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
        } else {
            std::borrow::Cow::Borrowed(text)
        };
        let lines = LineIndex::new(text);
        // Problems found before the steps are read get their step from
        // where they are in the text.
        let placed = |mut problems: Vec<Problem>| {
            for p in problems.iter_mut().filter(|p| p.step.is_none()) {
                p.step = step_at(text, p.line);
            }
            problems
        };
        let de_problem = |e: &toml::de::Error| placed(vec![de_problem(&lines, e)]);
        let table = DeTable::parse(text).map_err(|e| de_problem(&e))?;
        let mut forbidden = Vec::new();
        forbidden_in_table(table.get_ref(), &lines, &mut forbidden);
        if !forbidden.is_empty() {
            return Err(placed(forbidden));
        }
        let checker = Checker::new(root, &lines, files);
        let rustlings = table.get_ref().contains_key("exercises")
            && !table.get_ref().contains_key("steps")
            && !table.get_ref().contains_key("course");
        let de = toml::de::Deserializer::from(table);
        if rustlings {
            let raw: rustlings::RawRustlings =
                serde::Deserialize::deserialize(de).map_err(|e| de_problem(&e))?;
            raw.validate(checker)
        } else {
            let raw: v1::RawInfo =
                serde::Deserialize::deserialize(de).map_err(|e| de_problem(&e))?;
            raw.validate(checker)
        }
    }

    pub fn step_index(&self, name: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.name == name)
    }

    /// The step that teaches a rustc error code, if any: the first whose
    /// lesson names it and whose exercises fail with it, else the first
    /// whose lesson names it, else the first with an exercise that fails
    /// with it. (An exercise may fail with a code its step does not teach,
    /// such as E0425 for a function the learner has yet to write, and a
    /// lesson may name a code in passing.)
    pub fn step_teaching(&self, code: &str) -> Option<&Step> {
        let named = |s: &Step| {
            s.lesson.match_indices(code).any(|(at, _)| {
                // E0425, not E04250.
                !s.lesson[at + code.len()..].starts_with(|c: char| c.is_ascii_digit())
            })
        };
        let fails = |s: &Step| {
            s.exercises
                .iter()
                .any(|e| e.error_codes.iter().any(|c| c == code))
        };
        let first = |p: &dyn Fn(&Step) -> bool| self.steps.iter().find(|s| p(s));
        first(&|s| named(s) && fails(s))
            .or_else(|| first(&named))
            .or_else(|| first(&fails))
    }

    /// An exercise file, as an absolute path.
    pub fn exercise_path(&self, exercise: &Exercise) -> PathBuf {
        self.root.join(&exercise.path)
    }

    /// Every exercise of the course with the index of its step, in order.
    pub fn exercises(&self) -> impl Iterator<Item = (usize, &Exercise)> {
        self.steps
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.exercises.iter().map(move |e| (i, e)))
    }
}

impl Step {
    /// The rustc error codes the step teaches, in order, without repeats.
    pub fn error_codes(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = Vec::new();
        for code in self.exercises.iter().flat_map(|e| &e.error_codes) {
            if !codes.contains(&code.as_str()) {
                codes.push(code);
            }
        }
        codes
    }

    /// A name for exercise `i` that is unique in the course: the step's
    /// name when it has one exercise, `STEP/N` (1-based) otherwise.
    pub fn exercise_name(&self, i: usize) -> String {
        if self.exercises.len() == 1 {
            self.name.clone()
        } else {
            format!("{}/{}", self.name, i + 1)
        }
    }

    /// The ids of the step's questions: MCQs, tracing, interview.
    pub fn question_ids(&self) -> impl Iterator<Item = &str> {
        let mcqs = self.mcqs.iter().map(|q| q.id.as_str());
        let traces = self.traces.iter().map(|q| q.id.as_str());
        let interviews = self.interviews.iter().map(|q| q.id.as_str());
        mcqs.chain(traces).chain(interviews)
    }

    /// A label for exercise `i` that is unique in the course and safe as a
    /// file name (the verdict cache's): the step's name, or `STEP.KEY`.
    pub fn exercise_label(&self, i: usize) -> String {
        if self.exercises.len() == 1 {
            self.name.clone()
        } else {
            format!("{}.{}", self.name, self.exercises[i].key)
        }
    }

    /// The exercise named by `spec` within this step: its number (1-based)
    /// or its key (the file name without `.rs`).
    pub fn exercise_index(&self, spec: &str) -> Option<usize> {
        if let Ok(n) = spec.parse::<usize>() {
            return (1..=self.exercises.len()).contains(&n).then(|| n - 1);
        }
        self.exercises.iter().position(|e| e.key == spec)
    }
}

/// info.toml's bytes as text, or the position of the first byte that is
/// not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<&str, Problem> {
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = LineIndex::new(valid).position(valid.len());
        Problem {
            line,
            column,
            step: None,
            message: format!(
                "byte 0x{:02x} is not UTF-8: save info.toml as UTF-8 text",
                bytes[e.valid_up_to()]
            ),
        }
    })
}

fn de_problem(lines: &LineIndex, e: &toml::de::Error) -> Problem {
    let (line, column) = lines.position(e.span().map_or(0, |s| s.start));
    Problem {
        line,
        column,
        step: None,
        // toml's message is already specific ("unknown field `x`, expected
        // one of ..."); a near miss gets a suggestion.
        message: with_suggestion(one_line(e.message())),
    }
}

/// "unknown field `reading_mins`, expected one of `a`, `b`..." with the
/// expected name that is closest, when one is close: "did you mean ...?"
fn with_suggestion(message: String) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message;
    };
    let Some((field, expected)) = rest.split_once('`') else {
        return message;
    };
    let best = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|name| (edit_distance(field, name), name))
        .min();
    match best {
        Some((d, name)) if d <= (field.len() / 3).max(2) => {
            format!("{message}; did you mean `{name}`?")
        }
        _ => message,
    }
}

/// Levenshtein distance, for short names.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The name of the step (or rustlings exercise) whose entry holds line
/// `line` of info.toml, read from the text: for the problems found before
/// the steps themselves are read. Its sub-tables (`[[steps.mcq]]`...) are
/// part of it; another table (`[course]`) is not.
fn step_at(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let upto = line.min(lines.len());
    let start = (0..upto)
        .rev()
        .find_map(|i| {
            let l = lines[i].trim_start();
            if l.starts_with("[[steps]]") || l.starts_with("[[exercises]]") {
                Some(Some(i))
            } else if l.starts_with('[') && !l.starts_with("[[steps.") {
                Some(None)
            } else {
                None
            }
        })
        .flatten()?;
    // The entry's own keys come before its first sub-table.
    lines[start + 1..]
        .iter()
        .map(|l| l.trim())
        .take_while(|l| !l.starts_with('['))
        .find_map(|l| {
            let value = l.strip_prefix("name")?.trim_start().strip_prefix('=')?;
            Some(value.trim().trim_matches('"').to_owned())
        })
}

/// toml's messages may span lines; a problem wants one.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every string (and key) holding a character that must not reach a
/// terminal: a course is third-party input.
fn forbidden_in_table(table: &DeTable, lines: &LineIndex, found: &mut Vec<Problem>) {
    for (key, value) in table.iter() {
        forbidden_in_text(key.get_ref(), key.span().start, lines, found);
        forbidden_in_value(value.get_ref(), value.span().start, lines, found);
    }
}

fn forbidden_in_value(value: &DeValue, at: usize, lines: &LineIndex, found: &mut Vec<Problem>) {
    match value {
        DeValue::String(s) => forbidden_in_text(s, at, lines, found),
        DeValue::Array(items) => {
            for item in items.iter() {
                forbidden_in_value(item.get_ref(), item.span().start, lines, found);
            }
        }
        DeValue::Table(t) => forbidden_in_table(t, lines, found),
        _ => {}
    }
}

fn forbidden_in_text(text: &str, at: usize, lines: &LineIndex, found: &mut Vec<Problem>) {
    if let Some((_, c)) = text::first_forbidden(text) {
        let (line, column) = lines.position(at);
        found.push(Problem {
            line,
            column,
            step: None,
            message: format!(
                "this text holds the control character {}: a course may only use printable text, newlines and tabs (it would reach the learner's terminal)",
                text::codepoint(c)
            ),
        });
    }
}

/// Find the course folder: the nearest folder from `start` upward that holds info.toml.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(INFO_FILE).is_file())
        .map(Path::to_path_buf)
}

pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `a` → 0, `b` → 1, …
pub fn letter_index(letter: &str) -> Option<usize> {
    let mut chars = letter.trim().chars();
    match (chars.next(), chars.next()) {
        (Some(ch @ 'a'..='z'), None) => Some(ch as usize - 'a' as usize),
        (Some(ch @ 'A'..='Z'), None) => Some(ch as usize - 'A' as usize),
        _ => None,
    }
}

/// 0 → `a`, 1 → `b`, …
pub fn index_letter(i: usize) -> char {
    (b'a' + (i % 26) as u8) as char
}

#[cfg(test)]
mod tests;
