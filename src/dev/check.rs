//! `learn dev check`: everything that can be wrong in a course, one line per
//! problem. The checks that need no compiler live here; `probe` runs rustc.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use std::time::Duration;

use anyhow::{Context, Result};
use console::style;
use serde::Serialize;

use super::doc::Doc;
use super::probe;
use crate::course::{Course, Format, INFO_FILE, Problem, Step};
use crate::process::Limits;
use crate::runner::Runner;
use crate::session::Exit;
use crate::shell::Shell;
use crate::text::plural;

/// One problem found in a course.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Found {
    /// The line of info.toml it is about.
    pub line: usize,
    /// The step it belongs to, when there is one.
    pub step: Option<String>,
    pub level: Level,
    pub message: String,
}

/// An error fails the check; a warning (a lint) fails it under `--strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
}

impl Found {
    pub fn new(line: usize, step: &Step, message: impl Into<String>) -> Found {
        Found {
            line,
            step: Some(step.name.clone()),
            level: Level::Error,
            message: message.into(),
        }
    }

    pub fn warning(line: usize, step: &Step, message: impl Into<String>) -> Found {
        Found {
            level: Level::Warning,
            ..Found::new(line, step, message)
        }
    }
}

impl From<Problem> for Found {
    fn from(p: Problem) -> Found {
        Found {
            line: p.line,
            step: p.step,
            level: Level::Error,
            message: p.message,
        }
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{INFO_FILE}:{}: ", self.line)?;
        if self.level == Level::Warning {
            f.write_str("warning: ")?;
        }
        if let Some(step) = &self.step {
            write!(f, "step {step}: ")?;
        }
        f.write_str(&self.message)
    }
}

/// The machine-readable report of `learn dev check --json`.
#[derive(Debug, Serialize)]
struct Report {
    ok: bool,
    steps: usize,
    /// Errors and warnings, by line.
    problems: Vec<Found>,
}

/// How `dev check` reports.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub json: bool,
    /// Warnings (the question-quality lints) fail the check too.
    pub strict: bool,
}

/// What a check found, with what is needed to summarise it.
struct Outcome {
    found: Vec<Found>,
    steps: usize,
    counts: Option<probe::Counts>,
    /// The share of select-all questions, for the summary.
    select_all: Option<String>,
}

/// Check the course in `root` and print the problems.
pub fn run(
    sh: &mut Shell,
    root: &Path,
    limits: Limits,
    compile_timeout: Duration,
    options: Options,
) -> Result<Exit> {
    let info = root.join(INFO_FILE);
    let bytes = std::fs::read(&info).with_context(|| {
        format!(
            "cannot read {}: run `learn dev check` in a course folder or pass --course DIR",
            info.display()
        )
    })?;
    let outcome = match crate::course::decode(&bytes) {
        Ok(text) => check(root, text, limits, compile_timeout)?,
        // Nothing else can be read of a file that is not text.
        Err(problem) => Outcome {
            found: vec![Found::from(problem)],
            steps: 0,
            counts: None,
            select_all: None,
        },
    };
    report(sh, outcome, options)
}

fn check(root: &Path, text: &str, limits: Limits, compile_timeout: Duration) -> Result<Outcome> {
    let doc = Doc::parse(text);
    let mut found: Vec<Found> = doc
        .placeholders()
        .into_iter()
        .map(|p| Found {
            line: p.line,
            step: p.step,
            level: Level::Error,
            message: format!(
                "`{}` is still a TODO placeholder: write the real text",
                p.field
            ),
        })
        .collect();
    let course = match Course::parse(root, text) {
        Ok(course) => course,
        // Nothing else can be checked on a course that does not load.
        Err(problems) => {
            found.extend(problems.into_iter().map(Found::from));
            return Ok(Outcome {
                found,
                steps: doc.step_count(),
                counts: None,
                select_all: None,
            });
        }
    };
    found.extend(static_checks(&course, &doc));
    found.extend(super::lint::run(&course, &|i, j| {
        probe::exercise_line(&doc, &course.steps[i], i, j, "path")
    }));
    let runner = Runner::new(&course, limits, compile_timeout)?;
    let probed = probe::run(&course, &doc, &runner)?;
    found.extend(probed.found);
    Ok(Outcome {
        found,
        steps: course.steps.len(),
        counts: Some(probed.counts),
        select_all: (course.format == Format::Learn)
            .then(|| super::lint::select_all_share(&course)),
    })
}

/// Print the problems (or the all-clear) and choose the exit code.
fn report(sh: &mut Shell, outcome: Outcome, options: Options) -> Result<Exit> {
    let Outcome {
        mut found,
        steps,
        counts,
        select_all,
    } = outcome;
    found.sort_by_key(|f| f.line);
    let errors = found.iter().filter(|f| f.level == Level::Error).count();
    let warnings = found.len() - errors;
    let ok = errors == 0 && (warnings == 0 || !options.strict);
    if options.json {
        let report = Report {
            ok,
            steps,
            problems: found,
        };
        writeln!(
            sh.out(),
            "{}",
            serde_json::to_string_pretty(&report).context("cannot encode the report")?
        )?;
        return Ok(if ok { Exit::Success } else { Exit::Failed });
    }
    for f in &found {
        writeln!(sh.out(), "{f}")?;
    }
    let warned = if warnings == 0 {
        String::new()
    } else {
        format!(" ({})", plural(warnings, "warning"))
    };
    if ok {
        let counts = counts.unwrap_or_default();
        writeln!(
            sh.out(),
            "{} The course is ready{warned}: {}; {}, {} and {} checked.",
            style("✓").green().bold(),
            plural(steps, "step"),
            plural(counts.files, "exercise file"),
            plural(counts.traces, "tracing program"),
            plural(counts.codes, "error code")
        )?;
    } else if errors == 0 {
        writeln!(
            sh.out(),
            "{} {} found, and --strict makes warnings fail the check. Fix them, or silence one with `allow = [\"LINT\"]` on its question or exercise.",
            style("✗").red().bold(),
            plural(warnings, "warning")
        )?;
    } else {
        writeln!(
            sh.out(),
            "{} {} found{warned}. Fix info.toml or the files it names, then run `learn dev check` again.",
            style("✗").red().bold(),
            plural(errors, "problem")
        )?;
    }
    if let Some(share) = select_all {
        writeln!(sh.out(), "{}", style(format!("note: {share}")).dim())?;
    }
    if let Some(missing) = counts.map(|c| c.unsolved).filter(|&n| n > 0) {
        sh.note(&format!(
            "{} without a file under solutions/: nothing proves they can be solved.",
            plural(missing, "exercise")
        ))?;
    }
    Ok(if ok { Exit::Success } else { Exit::Failed })
}

/// The checks that need no compiler: questions and their ids.
fn static_checks(course: &Course, doc: &Doc) -> Vec<Found> {
    let mut found = Vec::new();
    for (i, step) in course.steps.iter().enumerate() {
        if course.format == Format::Learn && step.mcqs.is_empty() {
            found.push(Found::new(
                step.line,
                step,
                "has no [[steps.mcq]]: add at least one multiple-choice question (a step is done when its exercise passes and its questions are answered)",
            ));
        }
        for (j, mcq) in step.mcqs.iter().enumerate() {
            let line = |key: &str| doc.question_line(i, "mcq", j, key).unwrap_or(mcq.line);
            let q = j + 1;
            let n = mcq.choices.len();
            if n < 2 {
                found.push(Found::new(
                    line("choices"),
                    step,
                    format!("mcq {q} has {}: give at least 2", plural(n, "choice")),
                ));
            }
            for a in 0..n {
                if let Some(b) =
                    (a + 1..n).find(|&b| mcq.choices[a].trim() == mcq.choices[b].trim())
                {
                    found.push(Found::new(
                        line("choices"),
                        step,
                        format!(
                            "mcq {q}: choices {} and {} are identical: every choice must be different",
                            crate::course::index_letter(a),
                            crate::course::index_letter(b)
                        ),
                    ));
                }
            }
            let blank = |s: &String| s.trim().is_empty();
            match &mcq.explanations {
                Some(ex) if ex.iter().any(blank) => {
                    let empty: Vec<String> = ex
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| blank(e))
                        .map(|(k, _)| crate::course::index_letter(k).to_string())
                        .collect();
                    found.push(Found::new(
                        line("explanations"),
                        step,
                        format!(
                            "mcq {q}: the explanation of choice {} is empty",
                            empty.join(", ")
                        ),
                    ));
                }
                Some(_) => {}
                None if blank(&mcq.explanation) => found.push(Found::new(
                    mcq.line,
                    step,
                    format!(
                        "mcq {q} has no explanation: add `explanation` (shown after answering) or `explanations` (one per choice)"
                    ),
                )),
                None => {}
            }
        }
    }
    found.extend(duplicate_ids(course));
    found
}

/// Question ids key the review schedule, so two questions must never share one.
fn duplicate_ids(course: &Course) -> Vec<Found> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut found = Vec::new();
    for step in &course.steps {
        let ids = step
            .mcqs
            .iter()
            .map(|q| (q.id.as_str(), q.line))
            .chain(step.traces.iter().map(|q| (q.id.as_str(), q.line)))
            .chain(step.interviews.iter().map(|q| (q.id.as_str(), q.line)));
        for (id, line) in ids {
            if let Some(&at) = first.get(id) {
                found.push(Found::new(
                    line,
                    step,
                    format!(
                        "question id `{id}` is already used by the question at {INFO_FILE}:{at}: ids must be unique in the course (set `id` to a new one)"
                    ),
                ));
            } else {
                first.insert(id, line);
            }
        }
    }
    found
}
