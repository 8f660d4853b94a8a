//! The validation shared by both dialects: problems with their positions,
//! names, paths inside the course folder, error codes, question ids.

use std::path::{Component, Path, PathBuf};

use toml::Spanned;

use super::{Lint, MAX_NAME, Problem, is_valid_name};
use crate::text::LineIndex;

/// How strictly the files named in info.toml are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Files {
    /// Every exercise and solution must exist (`learn dev check`).
    Required,
    /// A learner may have deleted an exercise or a solution: the course
    /// still loads, and the commands on that exercise say how to restore it.
    Learner,
}

/// Collects problems while validating.
pub(super) struct Checker<'a> {
    pub(super) root: &'a Path,
    pub(super) lines: &'a LineIndex<'a>,
    pub(super) problems: Vec<Problem>,
    pub(super) step: Option<String>,
    files: Files,
    /// The exercise files named so far, with their step.
    exercises: Vec<(PathBuf, Option<String>)>,
}

impl<'a> Checker<'a> {
    pub(super) fn new(root: &'a Path, lines: &'a LineIndex<'a>, files: Files) -> Checker<'a> {
        Checker {
            root,
            lines,
            problems: Vec::new(),
            step: None,
            files,
            exercises: Vec::new(),
        }
    }

    pub(super) fn report(&mut self, offset: usize, message: impl Into<String>) {
        let (line, column) = self.lines.position(offset);
        self.problems.push(Problem {
            line,
            column,
            step: self.step.clone(),
            message: message.into(),
        });
    }

    pub(super) fn line(&self, offset: usize) -> usize {
        self.lines.line(offset)
    }

    pub(super) fn name(&mut self, name: &Spanned<String>, seen: &mut Vec<String>) {
        let n = name.get_ref();
        if n.len() > MAX_NAME {
            self.report(
                name.span().start,
                format!(
                    "the name is {} characters long: at most {MAX_NAME} (names become file names and command arguments)",
                    n.len()
                ),
            );
        } else if !is_valid_name(n) {
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

    /// A solution: inside the course folder; it must exist unless a learner
    /// may have deleted it.
    pub(super) fn solution(&mut self, rel: &str, at: usize, what: &str) -> Option<PathBuf> {
        let rel = self.relative(rel, at, what)?;
        self.exists(rel, at, what)
    }

    /// An exercise: inside the course folder; it must exist unless a learner
    /// may have deleted it.
    pub(super) fn exercise(&mut self, rel: &str, at: usize, what: &str) -> Option<PathBuf> {
        let rel = self.relative(rel, at, what)?;
        if rel.extension().is_none_or(|e| e != "rs") {
            self.report(
                at,
                format!(
                    "{what} `{}` is not a Rust file: name a file ending in .rs",
                    rel.display()
                ),
            );
            return None;
        }
        // One file, one exercise: a save must tell which one it was. (Two
        // of the same step are caught by their names.)
        if let Some((_, step)) = self
            .exercises
            .iter()
            .find(|(p, s)| *p == rel && *s != self.step)
        {
            let owner = step
                .as_deref()
                .map_or(String::new(), |s| format!(" of step `{s}`"));
            self.report(
                at,
                format!(
                    "{what} `{}` is already an exercise{owner}: give each exercise a file of its own",
                    rel.display()
                ),
            );
        }
        self.exercises.push((rel.clone(), self.step.clone()));
        self.exists(rel, at, what)
    }

    fn exists(&mut self, rel: PathBuf, at: usize, what: &str) -> Option<PathBuf> {
        if self.files == Files::Required && !self.root.join(&rel).is_file() {
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

    /// A path relative to the course folder, without `.` components, that
    /// does not leave it.
    pub(super) fn relative(&mut self, rel: &str, at: usize, what: &str) -> Option<PathBuf> {
        let path = Path::new(rel);
        let leaves = path.is_absolute()
            || path
                .components()
                .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)));
        if leaves {
            self.report(
                at,
                format!(
                    "{what} `{rel}` leaves the course folder: give a path relative to the folder holding info.toml, without `..`"
                ),
            );
            return None;
        }
        let normal: PathBuf = path
            .components()
            .filter(|c| !matches!(c, Component::CurDir))
            .collect();
        if normal.as_os_str().is_empty() {
            self.report(at, format!("{what} is empty: name a file"));
            return None;
        }
        Some(normal)
    }

    pub(super) fn error_code(&mut self, code: &str, at: usize) {
        let ok = code.len() == 5
            && code.starts_with('E')
            && code[1..].chars().all(|c| c.is_ascii_digit());
        if !ok {
            self.report(at, format!("error code `{code}` is not of the form E0123"));
        }
    }

    pub(super) fn question_id(
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

    /// The lints an `allow` list names.
    pub(super) fn allow(&mut self, allow: Option<&Spanned<Vec<String>>>) -> Vec<Lint> {
        let Some(allow) = allow else {
            return Vec::new();
        };
        let mut lints = Vec::new();
        for name in allow.get_ref() {
            match Lint::from_name(name) {
                Some(l) => lints.push(l),
                None => self.report(
                    allow.span().start,
                    format!(
                        "allow: `{name}` is not a lint: expected {}",
                        Lint::ALL.map(Lint::name).join(", ")
                    ),
                ),
            }
        }
        lints
    }
}
