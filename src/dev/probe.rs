//! The checks of `learn dev check` that need rustc: starters fail, solutions
//! pass, tracing answers match what rustc and the program do, error codes
//! exist. All of them run in parallel; the runner's cache makes a second run
//! nearly free, and `rustc --explain` answers are cached per toolchain.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::Result;
use serde::{Deserialize, Serialize};

use super::check::Found;
use super::doc::Doc;
use crate::course::{Course, Exercise, Format, Panic, Step, Trace};
use crate::files;
use crate::process::Cancel;
use crate::runner::{Checked, Job, Outcome, Runner, Verdict};

/// How much was checked, for the summary line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub files: usize,
    pub traces: usize,
    pub codes: usize,
    /// Exercises without a solution file (only possible in rustlings format).
    pub unsolved: usize,
}

pub struct Probed {
    pub found: Vec<Found>,
    pub counts: Counts,
}

enum Task {
    /// Step and exercise indexes.
    Starter(usize, usize),
    Solution(usize, usize, PathBuf),
    Trace(usize, usize),
    Code(String),
}

/// What one task found: problems, or the answer of `rustc --explain`.
enum Answer {
    Found(Vec<Found>),
    Code(String, bool),
}

pub fn run(course: &Course, doc: &Doc, runner: &Runner) -> Result<Probed> {
    let cache_file = files::learn_dir(&course.root)
        .join("cache")
        .join("error-codes.json");
    let mut known = CodeCache::load(&cache_file, runner.toolchain.identity());
    let codes: BTreeSet<&str> = course.steps.iter().flat_map(Step::error_codes).collect();

    let mut counts = Counts {
        codes: codes.len(),
        ..Counts::default()
    };
    let mut tasks = Vec::new();
    for (i, step) in course.steps.iter().enumerate() {
        for (j, exercise) in step.exercises.iter().enumerate() {
            if !exercise.starter_passes {
                tasks.push(Task::Starter(i, j));
                counts.files += 1;
            }
            match &exercise.solution {
                Some(s) => {
                    tasks.push(Task::Solution(i, j, course.root.join(s)));
                    counts.files += 1;
                }
                None => counts.unsolved += 1,
            }
        }
        tasks.extend((0..step.traces.len()).map(|j| Task::Trace(i, j)));
        counts.traces += step.traces.len();
    }
    tasks.extend(
        codes
            .iter()
            .filter(|c| !known.codes.contains_key(**c))
            .map(|c| Task::Code((*c).to_owned())),
    );

    let answers = crate::ui::parallel(&tasks, "dev check", |task| match task {
        Task::Starter(i, j) => Answer::Found(starter(course, doc, runner, *i, *j)),
        Task::Solution(i, j, path) => Answer::Found(solution(course, doc, runner, *i, *j, path)),
        Task::Trace(i, j) => Answer::Found(trace(course, doc, runner, *i, *j)),
        Task::Code(code) => Answer::Code(code.clone(), explains(runner, code)),
    });

    let mut found = Vec::new();
    let mut learned = false;
    for answer in answers {
        match answer {
            Answer::Found(f) => found.extend(f),
            Answer::Code(code, real) => {
                known.codes.insert(code, real);
                learned = true;
            }
        }
    }
    if learned {
        known.store(&cache_file);
    }
    for (i, step) in course.steps.iter().enumerate() {
        for code in step.error_codes() {
            if known.codes.get(code) == Some(&false) {
                let j = step
                    .exercises
                    .iter()
                    .position(|e| e.error_codes.iter().any(|c| c == code))
                    .unwrap_or(0);
                found.push(Found::new(
                    exercise_line(doc, step, i, j, "error_codes"),
                    step,
                    format!(
                        "error_codes: `{code}` is not a rustc error code (`rustc --explain {code}` fails): list only codes rustc reports"
                    ),
                ));
            }
        }
    }
    Ok(Probed { found, counts })
}

/// Run a check that nothing cancels.
fn check(runner: &Runner, job: &Job) -> Result<Verdict> {
    match runner.check(job, &Cancel::default())? {
        Checked::Done(v) => Ok(v),
        Checked::Cancelled => anyhow::bail!("the check was cancelled"),
    }
}

fn starter(course: &Course, doc: &Doc, runner: &Runner, i: usize, j: usize) -> Vec<Found> {
    let step = &course.steps[i];
    let exercise = &step.exercises[j];
    let line = exercise_line(doc, step, i, j, "path");
    let source = course.exercise_path(exercise);
    let escape = match course.format {
        Format::Learn => "starter_passes = true",
        Format::Rustlings => "skip_check_unsolved = true",
    };
    let label = step.exercise_label(j);
    match check(runner, &Job::exercise(exercise, &label, &source)) {
        Ok(v) if v.passed() => vec![Found::new(
            line,
            step,
            format!(
                "the starter {} passes as shipped, so the learner has nothing to do: break it the way the lesson teaches (or set {escape})",
                exercise.path.display()
            ),
        )],
        Ok(_) => Vec::new(),
        Err(e) => vec![Found::new(
            line,
            step,
            format!(
                "cannot check the starter {}: {e:#}",
                exercise.path.display()
            ),
        )],
    }
}

/// The line of a field of exercise `j` of step `i`: in its
/// `[[steps.exercises]]` table, or in the step for a one-exercise step.
pub fn exercise_line(doc: &Doc, step: &Step, i: usize, j: usize, key: &str) -> usize {
    doc.question_line(i, "exercises", j, key)
        .or_else(|| doc.field_line(i, key))
        .unwrap_or(step.exercises[j].line)
}

fn solution(
    course: &Course,
    doc: &Doc,
    runner: &Runner,
    i: usize,
    j: usize,
    path: &Path,
) -> Vec<Found> {
    let step = &course.steps[i];
    let exercise = &step.exercises[j];
    let line = doc
        .question_line(i, "exercises", j, "solution")
        .or_else(|| doc.field_line(i, "solution"))
        .unwrap_or_else(|| exercise_line(doc, step, i, j, "path"));
    let rel = path.strip_prefix(&course.root).unwrap_or(path).display();
    let label = format!("{}.solution", step.exercise_label(j));
    match check(runner, &Job::exercise(exercise, &label, path)) {
        Ok(v) if v.passed() => Vec::new(),
        Ok(v) => vec![Found::new(
            line,
            step,
            format!("the solution {rel} {}", failure(&v, exercise, runner)),
        )],
        Err(e) => vec![Found::new(
            line,
            step,
            format!("cannot check the solution {rel}: {e:#}"),
        )],
    }
}

/// One line on why a verdict is not a pass: the words for its outcome, and
/// what rustc or the program said.
fn failure(v: &Verdict, exercise: &Exercise, runner: &Runner) -> String {
    let words = crate::ui::outcome_words(v.outcome);
    let detail = match v.outcome {
        Outcome::CompileError
        | Outcome::ClippyFailed
        | Outcome::CompileTimedOut
        | Outcome::Environment => first_error(&v.diagnostics),
        Outcome::TestsFailed => v.failed_tests().join(", "),
        Outcome::Failed => v.exit_code.map_or("killed by a signal".to_owned(), |c| {
            format!("exit code {c}")
        }),
        Outcome::Panicked => panic_message(&v.stderr),
        Outcome::WrongOutput => {
            return format!(
                "prints {:?}, not the expected_output {:?}",
                short(v.stdout.trim_end()),
                short(
                    exercise
                        .expected_output
                        .as_deref()
                        .unwrap_or_default()
                        .trim_end()
                )
            );
        }
        Outcome::TimedOut => format!("more than {} s", runner.limits.timeout.as_secs_f64()),
        Outcome::Flooded => format!("more than {} KiB", runner.limits.output_cap / 1024),
        Outcome::OutOfMemory | Outcome::Passed => String::new(),
    };
    if detail.is_empty() {
        words.to_owned()
    } else {
        format!("{words}: {detail}")
    }
}

fn trace(course: &Course, doc: &Doc, runner: &Runner, i: usize, j: usize) -> Vec<Found> {
    let step = &course.steps[i];
    let t = &step.traces[j];
    let line = |key: &str| {
        doc.question_line(i, "trace", j, key)
            .or_else(|| doc.question_line(i, "trace", j, "program"))
            .unwrap_or(t.line)
    };
    let q = j + 1;
    // Step names are identifiers, so this label is a safe file name.
    let label = format!("{}.trace.{j}", step.name);
    let v = match runner.run_program(&label, &t.program, &Cancel::default()) {
        Ok(Checked::Done(v)) => v,
        Ok(Checked::Cancelled) => return Vec::new(),
        Err(e) => {
            return vec![Found::new(
                line("program"),
                step,
                format!("trace {q}: cannot compile the program: {e:#}"),
            )];
        }
    };
    trace_mismatches(t, &v, runner)
        .into_iter()
        .map(|(key, message)| Found::new(line(key), step, format!("trace {q}: {message}")))
        .collect()
}

/// Where the recorded answer of a tracing question differs from what
/// happened: (the field that is wrong, what is wrong).
fn trace_mismatches(t: &Trace, v: &Verdict, runner: &Runner) -> Vec<(&'static str, String)> {
    let mut wrong = Vec::new();
    if v.outcome == Outcome::CompileError {
        if t.compiles {
            wrong.push((
                "compiles",
                format!(
                    "compiles = true, but the program does not compile: {}",
                    first_error(&v.diagnostics)
                ),
            ));
        } else {
            if let Some(code) = &t.error_code
                && !v.error_codes.contains(code)
            {
                let reported = if v.error_codes.is_empty() {
                    "no error code".to_owned()
                } else {
                    v.error_codes.join(", ")
                };
                wrong.push((
                    "error_code",
                    format!("error_code = \"{code}\", but rustc reports {reported}"),
                ));
            }
            if let Some(line) = t.error_line
                && v.error_line != Some(line)
            {
                let real = v
                    .error_line
                    .map_or("no line".to_owned(), |l| format!("line {l}"));
                wrong.push((
                    "error_line",
                    format!("error_line = {line}, but rustc's first error points at {real}"),
                ));
            }
        }
        return wrong;
    }
    if !t.compiles {
        wrong.push((
            "compiles",
            "compiles = false, but the program compiles".to_owned(),
        ));
        return wrong;
    }
    match v.outcome {
        Outcome::Passed | Outcome::Panicked => {
            let real = if v.outcome == Outcome::Panicked {
                Panic::Main
            } else if v.stderr.contains("panicked at") {
                Panic::Thread
            } else {
                Panic::No
            };
            let said = |p: Panic| match p {
                Panic::No => "panics = false",
                Panic::Main => "panics = true (or \"main\")",
                Panic::Thread => "panics = \"thread\"",
            };
            let message = match (real, t.panics) {
                (real, said) if real == said => None,
                (Panic::No, Panic::Main) => {
                    Some("panics = true, but the program does not panic".to_owned())
                }
                (Panic::Main, Panic::No) => Some(format!(
                    "the program panics ({}), but panics = false",
                    panic_message(&v.stderr)
                )),
                (Panic::No, _) => Some(format!(
                    "the program does not panic, but {}: write {}",
                    said(t.panics),
                    said(real)
                )),
                (Panic::Main, _) => Some(format!(
                    "the program ends in a panic ({}), but {}: write {}",
                    panic_message(&v.stderr),
                    said(t.panics),
                    said(real)
                )),
                (Panic::Thread, _) => Some(format!(
                    "a spawned thread panics ({}) and the program exits 0, but {}: write {}",
                    panic_message(&v.stderr),
                    said(t.panics),
                    said(real)
                )),
            };
            if let Some(message) = message {
                wrong.push(("panics", message));
            }
            if v.stdout.trim() != t.output.trim() {
                wrong.push((
                    "output",
                    format!(
                        "the program prints {:?}, but output = {:?}",
                        short(v.stdout.trim()),
                        short(t.output.trim())
                    ),
                ));
            }
        }
        Outcome::Failed => wrong.push((
            "program",
            format!(
                "the program exits with {}: a tracing program must exit 0 or panic",
                v.exit_code
                    .map_or("a signal".to_owned(), |c| format!("code {c}"))
            ),
        )),
        Outcome::TimedOut => wrong.push((
            "program",
            format!(
                "the program runs longer than the time limit of {} s",
                runner.limits.timeout.as_secs_f64()
            ),
        )),
        Outcome::Flooded => wrong.push((
            "program",
            format!(
                "the program prints more than {} KiB",
                runner.limits.output_cap / 1024
            ),
        )),
        Outcome::OutOfMemory => wrong.push((
            "program",
            "the program uses more memory than the memory limit".to_owned(),
        )),
        Outcome::CompileTimedOut | Outcome::Environment => wrong.push((
            "program",
            format!(
                "the program could not be checked: {}",
                first_error(&v.diagnostics)
            ),
        )),
        Outcome::CompileError
        | Outcome::ClippyFailed
        | Outcome::TestsFailed
        | Outcome::WrongOutput => {}
    }
    wrong
}

/// rustc's first error line, without colour.
fn first_error(diagnostics: &str) -> String {
    let plain = console::strip_ansi_codes(diagnostics);
    plain
        .lines()
        .find(|l| l.starts_with("error"))
        .or_else(|| plain.lines().find(|l| !l.trim().is_empty()))
        .unwrap_or("no diagnostics")
        .trim()
        .to_owned()
}

/// The message of a panic: the line after `panicked at FILE:LINE:COL:`.
fn panic_message(stderr: &str) -> String {
    let mut lines = stderr.lines();
    while let Some(l) = lines.next() {
        if l.contains("panicked at") {
            return lines.next().unwrap_or(l).trim().to_owned();
        }
    }
    "no panic message".to_owned()
}

/// Keep one problem on one readable line.
fn short(text: &str) -> String {
    const MAX: usize = 120;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// Does `rustc --explain CODE` know the code?
fn explains(runner: &Runner, code: &str) -> bool {
    Command::new(&runner.toolchain.rustc)
        .args(["--explain", code])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The answers of `rustc --explain`, kept per toolchain in the build cache.
#[derive(Debug, Default, Serialize, Deserialize)]
struct CodeCache {
    toolchain: String,
    codes: BTreeMap<String, bool>,
}

impl CodeCache {
    fn load(path: &Path, toolchain: &str) -> CodeCache {
        std::fs::read_to_string(path)
            .ok()
            .and_then(|t| serde_json::from_str::<CodeCache>(&t).ok())
            .filter(|c| c.toolchain == toolchain)
            .unwrap_or_else(|| CodeCache {
                toolchain: toolchain.to_owned(),
                codes: BTreeMap::new(),
            })
    }

    fn store(&self, path: &Path) {
        // A cache that cannot be written only costs a few `rustc --explain` next time.
        if let Ok(json) = serde_json::to_string_pretty(self) {
            let _ = files::write_atomic(path, json.as_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_error_skips_colour_and_warnings() {
        let d = "\u{1b}[33mwarning\u{1b}[0m: unused\nerror[E0382]: borrow of moved value: `s`\n  --> a.rs\n";
        assert_eq!(first_error(d), "error[E0382]: borrow of moved value: `s`");
        assert_eq!(first_error(""), "no diagnostics");
    }

    #[test]
    fn panic_messages() {
        let stderr = "\nthread 'main' panicked at t.rs:3:5:\nindex out of bounds\nnote: run with `RUST_BACKTRACE=1`\n";
        assert_eq!(panic_message(stderr), "index out of bounds");
        assert_eq!(panic_message(""), "no panic message");
    }

    #[test]
    fn long_text_is_cut() {
        assert_eq!(short("abc"), "abc");
        assert_eq!(short(&"x".repeat(200)).chars().count(), 121);
    }
}
