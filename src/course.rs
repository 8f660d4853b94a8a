//! The course: info.toml (format v1, or the rustlings v6 format) parsed once
//! into validated types. Nothing outside this module sees raw TOML.

use std::fmt;
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

mod rustlings;
mod v1;

/// The file that describes a course.
pub const INFO_FILE: &str = "info.toml";

const EDITIONS: [&str; 4] = ["2015", "2018", "2021", "2024"];

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
            "{} has {n} problem{}:",
            self.path.display(),
            if n == 1 { "" } else { "s" }
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `learn`'s own format v1 (`[course]` and `[[steps]]`).
    Learn,
    /// The rustlings v6 format (`[[exercises]]`).
    Rustlings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
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

/// What "the exercise passes" means for a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

#[derive(Debug, Clone)]
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

#[derive(Debug, Clone)]
pub struct Step {
    pub name: String,
    pub title: String,
    pub topic: String,
    pub level: Option<Level>,
    /// The exercise, relative to the course root.
    pub path: PathBuf,
    /// The reference solution, relative to the course root.
    pub solution: Option<PathBuf>,
    pub checks: Checks,
    pub expected_output: Option<String>,
    pub reading_minutes: Option<u32>,
    pub reviewed: Option<String>,
    pub error_codes: Vec<String>,
    pub hints: Vec<String>,
    pub lesson: String,
    pub must_know: Vec<String>,
    pub discussion: Vec<String>,
    pub mcqs: Vec<Mcq>,
    pub traces: Vec<Trace>,
    pub interviews: Vec<Interview>,
    /// The starter is allowed to pass as shipped (checked by `learn dev check`).
    pub starter_passes: bool,
    /// Line of the step's `name` in info.toml.
    pub line: usize,
}

#[derive(Debug, Clone)]
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
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Trace {
    pub id: String,
    pub program: String,
    pub compiles: bool,
    pub output: String,
    pub panics: bool,
    pub error_code: Option<String>,
    pub explanation: String,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Interview {
    pub id: String,
    pub question: String,
    pub answer: String,
    pub line: usize,
}

impl Course {
    /// Load and validate the course whose info.toml is in `root`.
    pub fn load(root: &Path) -> anyhow::Result<Course> {
        let info = root.join(INFO_FILE);
        let text = std::fs::read_to_string(&info).map_err(|e| {
            anyhow::anyhow!(
                "cannot read {}: {e}\nRun `learn` inside a course folder, pass --course DIR, or write the built-in course with `learn init DIR`.",
                info.display()
            )
        })?;
        Course::parse_with(root, &text, Files::ExercisesMayBeMissing).map_err(|problems| {
            CourseError {
                path: info,
                problems,
            }
            .into()
        })
    }

    /// Parse and validate info.toml's text; `root` is used to check paths.
    /// Every named file must exist.
    pub fn parse(root: &Path, text: &str) -> Result<Course, Vec<Problem>> {
        Course::parse_with(root, text, Files::Required)
    }

    fn parse_with(root: &Path, text: &str, files: Files) -> Result<Course, Vec<Problem>> {
        let lines = LineIndex::new(text);
        let checker = Checker::new(root, &lines, files);
        if is_rustlings(text) {
            let raw: rustlings::RawRustlings =
                toml::from_str(text).map_err(|e| vec![lines.de_error(&e)])?;
            raw.validate(checker)
        } else {
            let raw: v1::RawInfo = toml::from_str(text).map_err(|e| vec![lines.de_error(&e)])?;
            raw.validate(checker)
        }
    }

    pub fn step_index(&self, name: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.name == name)
    }

    /// The step that teaches a rustc error code, if any.
    pub fn step_teaching(&self, code: &str) -> Option<&Step> {
        self.steps
            .iter()
            .find(|s| s.error_codes.iter().any(|c| c == code))
    }

    /// The exercise file of a step, as an absolute path.
    pub fn exercise_path(&self, step: &Step) -> PathBuf {
        self.root.join(&step.path)
    }
}

/// Find the course folder: the nearest folder from `start` upward that holds info.toml.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join(INFO_FILE).is_file())
        .map(Path::to_path_buf)
}

fn is_rustlings(text: &str) -> bool {
    text.lines()
        .any(|l| l.trim_start().starts_with("[[exercises]]"))
}

/// Maps byte offsets to 1-based line and column.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset);
        let col = offset - self.starts[line.saturating_sub(1)] + 1;
        (line.max(1), col)
    }

    fn problem(&self, offset: usize, step: Option<&str>, message: impl Into<String>) -> Problem {
        let (line, column) = self.position(offset);
        Problem {
            line,
            column,
            step: step.map(str::to_owned),
            message: message.into(),
        }
    }

    fn de_error(&self, e: &toml::de::Error) -> Problem {
        let offset = e.span().map_or(0, |s| s.start);
        // toml's message is already specific ("unknown field `x`, expected one of ...").
        self.problem(offset, None, e.message().trim().to_owned())
    }

    fn line(&self, offset: usize) -> usize {
        self.position(offset).0
    }
}

/// Collects problems while validating.
struct Checker<'a> {
    root: &'a Path,
    lines: &'a LineIndex,
    problems: Vec<Problem>,
    step: Option<String>,
    /// What is checked of the files a course names.
    files: Files,
}

/// How strictly the files named in info.toml are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Files {
    /// Every exercise and solution must exist (`learn dev check`).
    Required,
    /// A learner may have deleted an exercise: the course still loads, and
    /// the commands on that step say how to restore it (`learn reset`).
    ExercisesMayBeMissing,
}

impl<'a> Checker<'a> {
    fn new(root: &'a Path, lines: &'a LineIndex, files: Files) -> Checker<'a> {
        Checker {
            root,
            lines,
            problems: Vec::new(),
            step: None,
            files,
        }
    }

    fn report(&mut self, offset: usize, message: impl Into<String>) {
        let p = self.lines.problem(offset, self.step.as_deref(), message);
        self.problems.push(p);
    }

    fn name(&mut self, name: &Spanned<String>, seen: &mut Vec<String>) {
        let n = name.get_ref();
        if !is_valid_name(n) {
            self.report(
                name.span().start,
                format!("name `{n}` must be lowercase letters, digits and '_' only"),
            );
        }
        if seen.contains(n) {
            self.report(
                name.span().start,
                format!("duplicate step name `{n}`: step names must be unique"),
            );
        }
        seen.push(n.clone());
    }

    /// A path inside the course folder that must exist.
    fn path(&mut self, path: &Spanned<String>, what: &str) -> Option<PathBuf> {
        let rel = PathBuf::from(path.get_ref());
        let at = path.span().start;
        self.inside(rel, at, what)
    }

    /// An exercise: inside the course folder; it must exist unless the
    /// learner may have deleted it.
    fn exercise(&mut self, rel: PathBuf, at: usize, what: &str) -> Option<PathBuf> {
        if self.files == Files::ExercisesMayBeMissing && !self.root.join(&rel).is_file() {
            return self.leaves(&rel, at, what).then_some(rel);
        }
        self.inside(rel, at, what)
    }

    /// Reports a path that leaves the course folder; true when it does not.
    fn leaves(&mut self, rel: &Path, at: usize, what: &str) -> bool {
        let leaves = rel.is_absolute()
            || rel
                .components()
                .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)));
        if leaves {
            self.report(
                at,
                format!(
                    "{what} `{}` leaves the course folder: give a path relative to the folder holding info.toml, without `..`",
                    rel.display()
                ),
            );
        }
        !leaves
    }

    fn inside(&mut self, rel: PathBuf, at: usize, what: &str) -> Option<PathBuf> {
        if !self.leaves(&rel, at, what) {
            return None;
        }
        if !self.root.join(&rel).is_file() {
            self.report(
                at,
                format!(
                    "{what} `{}` does not exist in the course folder",
                    rel.display()
                ),
            );
            return None;
        }
        Some(rel)
    }

    fn error_code(&mut self, code: &str, at: usize) {
        let ok = code.len() == 5
            && code.starts_with('E')
            && code[1..].chars().all(|c| c.is_ascii_digit());
        if !ok {
            self.report(at, format!("error code `{code}` is not of the form E0123"));
        }
    }

    fn question_id(
        &mut self,
        explicit: Option<&Spanned<String>>,
        default: String,
        ids: &mut Vec<String>,
    ) -> String {
        let id = match explicit {
            Some(id) => {
                if id.get_ref().trim().is_empty() {
                    self.report(id.span().start, "a question `id` must not be empty");
                }
                if ids.contains(id.get_ref()) {
                    self.report(
                        id.span().start,
                        format!(
                            "duplicate question id `{}`: ids must be unique in the course",
                            id.get_ref()
                        ),
                    );
                }
                id.get_ref().clone()
            }
            None => default,
        };
        ids.push(id.clone());
        id
    }
}

pub fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
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
mod tests {
    use super::*;

    /// A course folder with the given exercise and solution files.
    fn folder(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "fn main() {}\n").unwrap();
        }
        dir
    }

    const HEAD: &str = "format_version = 1\n[course]\ntitle = \"T\"\nedition = \"2021\"\n";

    fn step(extra: &str) -> String {
        format!(
            "{HEAD}\n[[steps]]\nname = \"one\"\ntitle = \"One\"\ntopic = \"t\"\nlevel = \"beginner\"\npath = \"exercises/one.rs\"\nmode = \"run\"\n{extra}"
        )
    }

    fn problems(text: &str) -> Vec<Problem> {
        let dir = folder(&["exercises/one.rs", "solutions/one.rs"]);
        match Course::parse(dir.path(), text) {
            Ok(_) => Vec::new(),
            Err(p) => p,
        }
    }

    fn only(text: &str) -> Problem {
        let p = problems(text);
        assert_eq!(p.len(), 1, "expected one problem, got {p:#?}");
        p.into_iter().next().unwrap()
    }

    #[test]
    fn a_good_course_loads() {
        let dir = folder(&["exercises/one.rs", "solutions/one.rs"]);
        let text =
            step("[[steps.mcq]]\nprompt = \"?\"\nchoices = [\"x\", \"y\"]\nanswer = \"b\"\n");
        let course = Course::parse(dir.path(), &text).unwrap();
        assert_eq!(course.steps.len(), 1);
        let s = &course.steps[0];
        assert_eq!(s.solution.as_deref(), Some(Path::new("solutions/one.rs")));
        assert_eq!(s.mcqs[0].answer, vec![1]);
        assert_eq!(s.mcqs[0].id, "one.mcq.0");
        assert_eq!(s.line, 7);
    }

    #[test]
    fn unknown_format_version() {
        let p = only(&step("").replace("format_version = 1", "format_version = 2"));
        assert_eq!(p.line, 1);
        assert!(
            p.message.contains("format_version = 2 is not supported"),
            "{p}"
        );
    }

    #[test]
    fn duplicate_step_names() {
        let text = step("").clone() + &step("").replace(HEAD, "");
        let p = only(&text);
        assert_eq!(p.line, 15);
        assert!(p.message.contains("duplicate step name `one`"), "{p}");
    }

    #[test]
    fn path_leaving_the_course() {
        let p = only(&step("").replace("exercises/one.rs", "../one.rs"));
        assert_eq!(p.line, 11);
        assert!(p.message.contains("leaves the course folder"), "{p}");
    }

    #[test]
    fn path_that_does_not_exist() {
        let p = only(&step("solution = \"solutions/two.rs\"\n"));
        assert_eq!(p.line, 13);
        assert!(
            p.message.contains("`solutions/two.rs` does not exist"),
            "{p}"
        );
    }

    #[test]
    fn bad_mode_and_level() {
        let p = problems(
            &step("")
                .replace("\"run\"", "\"walk\"")
                .replace("\"beginner\"", "\"expert\""),
        );
        assert_eq!(p.len(), 2, "{p:#?}");
        assert_eq!(p[0].line, 10);
        assert!(
            p[0].message.contains("level `expert` is not known"),
            "{}",
            p[0]
        );
        assert_eq!(p[1].line, 12);
        assert!(
            p[1].message
                .contains("mode `walk` is not known: expected run or test"),
            "{}",
            p[1]
        );
    }

    #[test]
    fn answer_naming_no_choice() {
        let p = only(&step(
            "[[steps.mcq]]\nprompt = \"?\"\nchoices = [\"x\", \"y\"]\nanswer = \"c\"\n",
        ));
        assert_eq!(p.line, 16);
        assert!(p.message.contains("answer `c` names no choice"), "{p}");
        assert_eq!(p.step.as_deref(), Some("one"));
    }

    #[test]
    fn explanations_not_matching_choices() {
        let p = only(&step(
            "[[steps.mcq]]\nprompt = \"?\"\nchoices = [\"x\", \"y\"]\nanswer = [\"a\", \"b\"]\nexplanations = [\"only one\"]\n",
        ));
        assert_eq!(p.line, 17);
        assert!(
            p.message
                .contains("explanations has 1 entries but choices has 2"),
            "{p}"
        );
    }

    #[test]
    fn unknown_keys_are_errors() {
        let p = only(&step("hintz = [\"typo\"]\n"));
        assert_eq!(p.line, 13);
        assert!(p.message.contains("unknown field `hintz`"), "{p}");
        assert!(p.to_string().starts_with("info.toml:13:"), "{p}");
    }

    #[test]
    fn broken_toml_names_the_line() {
        let p = only(&step("title = \"unterminated\n"));
        assert_eq!(p.line, 13);
    }

    #[test]
    fn rustlings_format() {
        let dir = folder(&["exercises/intro/intro1.rs", "solutions/intro/intro1.rs"]);
        let text = "format_version = 1\n[[exercises]]\nname = \"intro1\"\ndir = \"intro\"\ntest = false\nhint = \"h\"\n";
        let course = Course::parse(dir.path(), text).unwrap();
        assert_eq!(course.format, Format::Rustlings);
        assert_eq!(course.edition, "2024");
        let s = &course.steps[0];
        assert_eq!(s.path, Path::new("exercises/intro/intro1.rs"));
        assert_eq!(
            s.checks,
            Checks {
                tests: false,
                run: true,
                clippy: false
            }
        );
        assert_eq!(s.hints, vec!["h".to_owned()]);
    }

    #[test]
    fn letters() {
        assert_eq!(letter_index("a"), Some(0));
        assert_eq!(letter_index(" C "), Some(2));
        assert_eq!(letter_index("ab"), None);
        assert_eq!(index_letter(3), 'd');
    }
}
