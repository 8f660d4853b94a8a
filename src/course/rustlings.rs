//! The rustlings v6 info.toml (`[[exercises]]`), read into the same course
//! model with rustlings' semantics.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::check::Checker;
use super::{Checks, Course, Exercise, Format, Problem, Step};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRustlings {
    format_version: Spanned<i64>,
    welcome_message: Option<String>,
    final_message: Option<String>,
    exercises: Vec<RawExercise>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    name: Spanned<String>,
    dir: Option<String>,
    #[serde(default = "yes")]
    test: bool,
    #[serde(default)]
    strict_clippy: bool,
    #[serde(default)]
    hint: String,
    #[serde(default)]
    skip_check_unsolved: bool,
}

fn yes() -> bool {
    true
}

impl RawRustlings {
    pub(super) fn validate(self, mut c: Checker) -> Result<Course, Vec<Problem>> {
        let root = c.root;
        if *self.format_version.get_ref() != 1 {
            c.report(
                self.format_version.span().start,
                format!(
                    "format_version = {} is not supported: rustlings-format courses use format_version = 1",
                    self.format_version.get_ref()
                ),
            );
        }
        let mut names = Vec::new();
        let mut steps = Vec::new();
        for ex in self.exercises {
            c.step = Some(ex.name.get_ref().clone());
            let before = c.problems.len();
            c.name(&ex.name, &mut names);
            let name = ex.name.get_ref().clone();
            let file = match &ex.dir {
                Some(dir) => format!("{dir}/{name}.rs"),
                None => format!("{name}.rs"),
            };
            let at = ex.name.span().start;
            let path = c.exercise(&format!("exercises/{file}"), at, "exercise");
            let solution = Path::new("solutions").join(&file);
            // A solution is optional in this format, as in rustlings.
            let solution = root.join(&solution).is_file().then_some(solution);
            if c.problems.len() > before {
                continue;
            }
            let Some(path) = path else { continue };
            steps.push(Step {
                line: c.line(at),
                title: name.clone(),
                topic: ex.dir.clone().unwrap_or_else(|| "exercises".to_owned()),
                level: None,
                exercises: vec![Exercise {
                    key: name.clone(),
                    path,
                    solution,
                    checks: Checks {
                        tests: ex.test,
                        run: true,
                        clippy: ex.strict_clippy,
                    },
                    expected_output: None,
                    hints: if ex.hint.trim().is_empty() {
                        Vec::new()
                    } else {
                        vec![ex.hint]
                    },
                    error_codes: Vec::new(),
                    starter_passes: ex.skip_check_unsolved,
                    allow: Vec::new(),
                    line: c.line(at),
                }],
                name,
                reading_minutes: None,
                reviewed: None,
                lesson: String::new(),
                must_know: Vec::new(),
                discussion: Vec::new(),
                mcqs: Vec::new(),
                traces: Vec::new(),
                interviews: Vec::new(),
            });
        }
        if steps.is_empty() && c.problems.is_empty() {
            c.report(0, "the course has no [[exercises]]: add at least one");
        }
        if !c.problems.is_empty() {
            return Err(c.problems);
        }
        let title = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "rustlings".to_owned());
        Ok(Course {
            root: root.to_path_buf(),
            format: Format::Rustlings,
            title,
            edition: "2024".to_owned(),
            welcome: self.welcome_message,
            done: self.final_message,
            steps,
        })
    }
}
