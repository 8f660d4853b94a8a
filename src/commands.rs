//! The one-shot commands: list, run, hint, lesson, reset, jump, verify, init.

use std::path::Path;

use anyhow::{Context, Result};
use console::style;
use serde::Serialize;

use crate::builtin;
use crate::course::{Course, Step};
use crate::files;
use crate::process::Cancel;
use crate::runner::{Checked, Job, Outcome, Verdict};
use crate::session::{Ctx, Exit, Target};
use crate::shell::Shell;
use crate::ui;

/// The version of the JSON shapes of `list`, `run`, `verify` and `lesson`;
/// bumped only when a field changes meaning or goes away.
pub const JSON_VERSION: u32 = 1;

fn print_json(sh: &mut Shell, value: &impl Serialize) -> Result<()> {
    let text = serde_json::to_string_pretty(value).context("cannot encode JSON")?;
    writeln!(sh.out(), "{text}")?;
    Ok(())
}

/// A step's state in a word.
fn state_word(ctx: &Ctx, step: &Step) -> &'static str {
    let p = ctx.progress();
    let worked = (0..step.exercises.len()).any(|i| {
        let e = p.exercise(step, i);
        e.passed || e.attempts > 0
    });
    if p.is_done(step) {
        "done"
    } else if p.exercises_passed(step) {
        "questions"
    } else if worked {
        "started"
    } else {
        "todo"
    }
}

#[derive(Serialize)]
struct ListJson<'a> {
    version: u32,
    course: &'a str,
    done: usize,
    total: usize,
    current: ExerciseRef<'a>,
    steps: Vec<StepJson<'a>>,
}

#[derive(Serialize)]
struct ExerciseRef<'a> {
    step: &'a str,
    exercise: String,
}

#[derive(Serialize)]
struct StepJson<'a> {
    number: usize,
    name: &'a str,
    title: &'a str,
    topic: &'a str,
    level: Option<String>,
    state: &'static str,
    questions_done: bool,
    exercises: Vec<ExerciseJson<'a>>,
}

#[derive(Serialize)]
struct ExerciseJson<'a> {
    number: usize,
    name: String,
    path: &'a Path,
    mode: &'static str,
    passed: bool,
    attempts: u32,
    hints_used: u32,
}

/// `learn list`
pub fn list(ctx: &Ctx, sh: &mut Shell, json: bool) -> Result<Exit> {
    let course = &ctx.course;
    let p = ctx.progress();
    let current = p.current(course);
    if json {
        let cur = &course.steps[current];
        let steps = course
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| StepJson {
                number: i + 1,
                name: &s.name,
                title: &s.title,
                topic: &s.topic,
                level: s.level.map(|l| l.to_string()),
                state: state_word(ctx, s),
                questions_done: p.step(&s.name).is_some_and(|sp| sp.questions_done),
                exercises: s
                    .exercises
                    .iter()
                    .enumerate()
                    .map(|(j, e)| {
                        let ep = p.exercise(s, j);
                        ExerciseJson {
                            number: j + 1,
                            name: s.exercise_name(j),
                            path: &e.path,
                            mode: e.checks.mode_name(),
                            passed: ep.passed,
                            attempts: ep.attempts,
                            hints_used: ep.hints_used,
                        }
                    })
                    .collect(),
            })
            .collect();
        return print_json(
            sh,
            &ListJson {
                version: JSON_VERSION,
                course: &course.title,
                done: p.done_count(course),
                total: course.steps.len(),
                current: ExerciseRef {
                    step: &cur.name,
                    exercise: cur.exercise_name(p.current_exercise(cur)),
                },
                steps,
            },
        )
        .map(|()| Exit::Success);
    }
    let out = sh.out();
    writeln!(out, "{}", style(&course.title).bold())?;
    let width = course.steps.iter().map(|s| s.name.len()).max().unwrap_or(0);
    let topic_width = course
        .steps
        .iter()
        .map(|s| s.topic.len())
        .max()
        .unwrap_or(0);
    for (i, step) in course.steps.iter().enumerate() {
        // Padded before styling, so the counts after it line up.
        let word = state_word(ctx, step);
        let padded = format!("{word:<9}");
        let state = match word {
            "done" => style(padded).green(),
            "questions" | "started" => style(padded).yellow(),
            _ => style(padded).dim(),
        };
        let marker = if i == current {
            style(">").cyan().bold()
        } else {
            style(" ")
        };
        let n = step.exercises.len();
        let exercises = if n > 1 {
            let passed = (0..n).filter(|&j| p.exercise(step, j).passed).count();
            format!("{passed}/{n} exercises")
        } else {
            String::new()
        };
        let line = format!(
            "{marker} {:>2}  {:<width$}  {:<topic_width$}  {state}  {}",
            i + 1,
            step.name,
            step.topic,
            style(exercises).dim()
        );
        writeln!(out, "{}", line.trim_end())?;
        // The current step's exercises, one per line.
        if i == current && n > 1 {
            let at = p.current_exercise(step);
            for (j, e) in step.exercises.iter().enumerate() {
                let mark = if j == at { ">" } else { " " };
                let done = if p.exercise(step, j).passed {
                    "  passed"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "      {mark} {:<width$}  {}{}",
                    step.exercise_name(j),
                    e.path.display(),
                    style(done).green()
                )?;
            }
        }
    }
    let done = p.done_count(course);
    writeln!(
        out,
        "\n{}  {}",
        ui::bar(done, course.steps.len(), 30),
        ui::progress_line(course, p)
    )?;
    Ok(Exit::Success)
}

/// Check one exercise once, without recording anything.
fn check(ctx: &Ctx, t: Target) -> Result<Verdict> {
    let runner = ctx.runner()?;
    let step = ctx.step(t);
    let exercise = &step.exercises[t.exercise];
    let source = ctx.course.exercise_path(exercise);
    if !source.is_file() {
        anyhow::bail!(
            "the exercise {} of step `{}` is missing: `learn reset {}` restores it as shipped",
            exercise.path.display(),
            step.name,
            step.exercise_name(t.exercise)
        );
    }
    let label = step.exercise_label(t.exercise);
    match runner.check(
        &Job::exercise(exercise, &label, &source),
        &Cancel::default(),
    )? {
        Checked::Done(v) => Ok(v),
        Checked::Cancelled => anyhow::bail!("the check was cancelled"),
    }
}

#[derive(Serialize)]
struct RunJson<'a> {
    version: u32,
    step: &'a str,
    exercise: String,
    path: &'a Path,
    outcome: Outcome,
    passed: bool,
    error_codes: &'a [String],
    error_line: Option<usize>,
    failed_tests: Vec<&'a str>,
    exit_code: Option<i32>,
    stdout: &'a str,
    stderr: &'a str,
    /// rustc's diagnostics (or what went wrong), without colour.
    diagnostics: String,
}

/// `learn run [TARGET]`
pub fn run(ctx: &mut Ctx, sh: &mut Shell, target: Option<&str>, json: bool) -> Result<Exit> {
    let t = ctx.resolve(target)?;
    let verdict = check(ctx, t)?;
    if verdict.outcome != Outcome::Environment {
        ctx.record_verdict(t, &verdict, true)?;
    }
    let step = ctx.step(t);
    let exercise = &step.exercises[t.exercise];
    if json {
        print_json(
            sh,
            &RunJson {
                version: JSON_VERSION,
                step: &step.name,
                exercise: step.exercise_name(t.exercise),
                path: &exercise.path,
                outcome: verdict.outcome,
                passed: verdict.passed(),
                error_codes: &verdict.error_codes,
                error_line: verdict.error_line,
                failed_tests: verdict.failed_tests(),
                exit_code: verdict.exit_code,
                stdout: &verdict.stdout,
                stderr: &verdict.stderr,
                diagnostics: console::strip_ansi_codes(&verdict.diagnostics).into_owned(),
            },
        )?;
    } else {
        let text = ui::verdict(&ctx.course, step, exercise, &verdict, &ctx.limits);
        write!(sh.out(), "{}", ui::colour(&text))?;
        if verdict.passed() {
            let next = sh.wrap(&next_after_pass(ctx, t));
            writeln!(sh.out(), "{next}")?;
        }
    }
    Ok(match verdict.outcome {
        Outcome::Passed => Exit::Success,
        Outcome::Environment => Exit::Error,
        _ => Exit::Failed,
    })
}

/// What to do after an exercise passes.
fn next_after_pass(ctx: &Ctx, t: Target) -> String {
    let step = ctx.step(t);
    let p = ctx.progress();
    if let Some(j) = (0..step.exercises.len()).find(|&j| !p.exercise(step, j).passed) {
        return format!(
            "Next: exercise {}/{} of this step, `learn run {}`.",
            j + 1,
            step.exercises.len(),
            step.exercise_name(j)
        );
    }
    if p.is_done(step) {
        return "This step is done.".to_owned();
    }
    format!(
        "Next: answer the step's {} in `learn watch` to finish the step.",
        crate::text::plural(step.mcqs.len(), "question")
    )
}

/// `learn hint [TARGET]`
pub fn hint(ctx: &mut Ctx, sh: &mut Shell, target: Option<&str>) -> Result<Exit> {
    let t = ctx.resolve(target)?;
    let name = ctx.step(t).exercise_name(t.exercise);
    let step_name = ctx.step(t).name.clone();
    let Some(hint) = ctx.next_hint(t)? else {
        let text = sh.wrap(&format!(
            "`{name}` has no hints. Read its lesson: `learn lesson {step_name}`"
        ));
        writeln!(sh.out(), "{text}")?;
        return Ok(Exit::Success);
    };
    let text = format!(
        "{} {}",
        style(format!("Hint {}/{}:", hint.index + 1, hint.total)).bold(),
        ui::prose(&hint.text)
    );
    let text = sh.wrap(&ui::colour(&text));
    writeln!(sh.out(), "{text}")?;
    if hint.is_last() {
        writeln!(
            sh.out(),
            "{}",
            style("That is the last hint of this exercise.").dim()
        )?;
    }
    Ok(Exit::Success)
}

#[derive(Serialize)]
struct LessonJson<'a> {
    version: u32,
    number: usize,
    step: &'a str,
    title: &'a str,
    topic: &'a str,
    level: Option<String>,
    reading_minutes: Option<u32>,
    reviewed: Option<&'a str>,
    exercises: Vec<LessonExercise<'a>>,
    lesson: &'a str,
    must_know: &'a [String],
    discussion: &'a [String],
    interview: Vec<InterviewJson<'a>>,
}

#[derive(Serialize)]
struct LessonExercise<'a> {
    name: String,
    path: &'a Path,
    mode: &'static str,
}

#[derive(Serialize)]
struct InterviewJson<'a> {
    question: &'a str,
    /// Only with --answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    answer: Option<&'a str>,
}

/// `learn lesson [STEP]`
pub fn lesson(
    ctx: &mut Ctx,
    sh: &mut Shell,
    step: Option<&str>,
    answers: bool,
    confidence: Option<u8>,
    json: bool,
) -> Result<Exit> {
    let index = ctx.resolve_step(step)?;
    if let Some(c) = confidence {
        ctx.rate_confidence(index, c)?;
    }
    let course = &ctx.course;
    let step = &course.steps[index];
    if json {
        return print_json(
            sh,
            &LessonJson {
                version: JSON_VERSION,
                number: index + 1,
                step: &step.name,
                title: &step.title,
                topic: &step.topic,
                level: step.level.map(|l| l.to_string()),
                reading_minutes: step.reading_minutes,
                reviewed: step.reviewed.as_deref(),
                exercises: step
                    .exercises
                    .iter()
                    .enumerate()
                    .map(|(j, e)| LessonExercise {
                        name: step.exercise_name(j),
                        path: &e.path,
                        mode: e.checks.mode_name(),
                    })
                    .collect(),
                lesson: step.lesson.trim(),
                must_know: &step.must_know,
                discussion: &step.discussion,
                interview: step
                    .interviews
                    .iter()
                    .map(|q| InterviewJson {
                        question: q.question.trim(),
                        answer: answers.then(|| q.answer.trim()),
                    })
                    .collect(),
            },
        )
        .map(|()| Exit::Success);
    }
    let at = ctx.progress().current_exercise(step);
    let mut text = format!("{}\n", ui::step_heading(course, index, at));
    if let Some(r) = &step.reviewed {
        text.push_str(&format!(
            "{}\n",
            style(format!("Content reviewed {r}")).dim()
        ));
    }
    for (j, e) in step.exercises.iter().enumerate() {
        text.push_str(&format!(
            "Exercise {}: {}\n",
            step.exercise_name(j),
            e.path.display()
        ));
    }
    text.push('\n');
    text.push_str(&ui::lesson(step));
    if !step.interviews.is_empty() {
        text.push_str(&format!("\n{}\n", style("Interview questions").bold()));
        for (i, q) in step.interviews.iter().enumerate() {
            text.push_str(&format!("{}. {}\n", i + 1, ui::prose(&q.question)));
            if answers {
                text.push_str(&format!("{}\n\n", ui::answer(&q.answer)));
            }
        }
        if !answers {
            text.push_str(&format!(
                "{}\n",
                style("(model answers: learn lesson --answers)").dim()
            ));
        }
    }
    text.push('\n');
    match confidence {
        Some(c) => text.push_str(&format!("Confidence for `{}` recorded: {c}/4.\n", step.name)),
        None => text.push_str(&format!(
            "{}\n",
            style(format!(
                "Can you explain this step in 30 seconds without notes? Rate it: learn lesson {} --confidence 1-4",
                step.name
            ))
            .dim()
        )),
    }
    let text = sh.wrap(&ui::colour(&text));
    write!(sh.out(), "{text}")?;
    Ok(Exit::Success)
}

/// `learn reset TARGET`: one exercise (`STEP/N`), or every exercise of a step.
pub fn reset(ctx: &mut Ctx, sh: &mut Shell, target: &str) -> Result<Exit> {
    let t = ctx.resolve(Some(target))?;
    let step = ctx.step(t).clone();
    let which: Vec<usize> = if target.contains('/') {
        vec![t.exercise]
    } else {
        (0..step.exercises.len()).collect()
    };
    // Know every shipped version before writing anything.
    let originals: Vec<Vec<u8>> = which
        .iter()
        .map(|&j| builtin::shipped(&ctx.course, &step.exercises[j]))
        .collect::<Result<_>>()?;
    for (&j, original) in which.iter().zip(originals) {
        let exercise = &step.exercises[j];
        let path = ctx.course.exercise_path(exercise);
        files::check_inside(&ctx.course.root, &path)?;
        // The learner's own version is kept, never just overwritten.
        if let Ok(mine) = std::fs::read(&path)
            && mine != original
        {
            let copy = files::learn_dir(&ctx.course.root)
                .join("before-reset")
                .join(&exercise.path);
            files::check_inside(&ctx.course.root, &copy)?;
            // A version kept by an earlier reset stays too.
            if let Ok(kept) = std::fs::read(&copy)
                && kept != mine
            {
                let older = files::free_backup_name(&copy);
                std::fs::rename(&copy, &older).with_context(|| {
                    format!("cannot keep your earlier version as {}", older.display())
                })?;
                writeln!(
                    sh.out(),
                    "The version kept by an earlier reset is now {}.",
                    older.display()
                )?;
            }
            files::write_atomic(&copy, &mine)
                .with_context(|| format!("cannot keep your version in {}", copy.display()))?;
            writeln!(
                sh.out(),
                "Your version of {} is kept in {}.",
                exercise.path.display(),
                copy.display()
            )?;
        }
        files::write_atomic(&path, &original)
            .with_context(|| format!("cannot write {}", path.display()))?;
        ctx.forget_exercise(Target {
            step: t.step,
            exercise: j,
        })?;
        writeln!(
            sh.out(),
            "{} is back as shipped; its progress is cleared.",
            exercise.path.display()
        )?;
    }
    if which.len() == step.exercises.len() {
        let name = step.name.clone();
        ctx.update(|p, _| {
            if let Some(sp) = p.steps.get_mut(&name) {
                sp.questions_done = false;
                sp.answered.clear();
                sp.exercise = None;
            }
        })?;
    }
    Ok(Exit::Success)
}

/// `learn jump TARGET`
pub fn jump(ctx: &mut Ctx, sh: &mut Shell, target: &str) -> Result<Exit> {
    let t = ctx.resolve(Some(target))?;
    ctx.go_to(t)?;
    let step = ctx.step(t);
    let text = format!(
        "{}\nExercise: {}\n",
        ui::step_heading(&ctx.course, t.step, t.exercise),
        step.exercises[t.exercise].path.display()
    );
    write!(sh.out(), "{}", ui::colour(&text))?;
    Ok(Exit::Success)
}

#[derive(Serialize)]
struct VerifyJson<'a> {
    version: u32,
    total: usize,
    passed: usize,
    exercises: Vec<VerifyEntry<'a>>,
}

#[derive(Serialize)]
struct VerifyEntry<'a> {
    name: String,
    path: &'a Path,
    /// null when the exercise file is missing.
    outcome: Option<Outcome>,
    passed: bool,
}

/// `learn verify`
pub fn verify(ctx: &mut Ctx, sh: &mut Shell, json: bool) -> Result<Exit> {
    let runner = ctx.runner()?;
    let targets: Vec<Target> = ctx
        .course
        .steps
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            (0..s.exercises.len()).map(move |j| Target {
                step: i,
                exercise: j,
            })
        })
        .collect();
    let course: &Course = &ctx.course;
    let verdicts = ui::parallel(&targets, "checking", |t| {
        let step = &course.steps[t.step];
        let exercise = &step.exercises[t.exercise];
        let source = course.exercise_path(exercise);
        if !source.is_file() {
            return Ok(None);
        }
        let label = step.exercise_label(t.exercise);
        match runner.check(
            &Job::exercise(exercise, &label, &source),
            &Cancel::default(),
        )? {
            Checked::Done(v) => Ok(Some(v)),
            Checked::Cancelled => anyhow::bail!("the check was cancelled"),
        }
    });
    let mut entries = Vec::new();
    for (t, v) in targets.iter().zip(verdicts) {
        let v = v?;
        if let Some(v) = &v
            && v.outcome != Outcome::Environment
        {
            // Verify records passes, not attempts: nobody asked for these checks.
            ctx.record_verdict(*t, v, false)?;
        }
        entries.push((*t, v));
    }
    let total = entries.len();
    let passed = entries
        .iter()
        .filter(|(_, v)| v.as_ref().is_some_and(Verdict::passed))
        .count();
    if json {
        let exercises = entries
            .iter()
            .map(|(t, v)| {
                let step = ctx.step(*t);
                VerifyEntry {
                    name: step.exercise_name(t.exercise),
                    path: &step.exercises[t.exercise].path,
                    outcome: v.as_ref().map(|v| v.outcome),
                    passed: v.as_ref().is_some_and(Verdict::passed),
                }
            })
            .collect();
        print_json(
            sh,
            &VerifyJson {
                version: JSON_VERSION,
                total,
                passed,
                exercises,
            },
        )?;
    } else {
        for (t, v) in &entries {
            let step = ctx.step(*t);
            let name = step.exercise_name(t.exercise);
            let what = match v {
                Some(v) if v.passed() => continue,
                Some(v) => ui::outcome_words(v.outcome).to_owned(),
                None => format!("is missing (`learn reset {name}` restores it)"),
            };
            writeln!(
                sh.out(),
                "{} {:>2} {:<20} {what}",
                style("✗").red(),
                t.step + 1,
                name
            )?;
        }
        writeln!(
            sh.out(),
            "{passed} of {total} exercises pass, {} fail.",
            total - passed
        )?;
    }
    Ok(if passed == total {
        Exit::Success
    } else {
        Exit::Failed
    })
}

/// `learn init DIR`
pub fn init(sh: &mut Shell, dir: &Path) -> Result<Exit> {
    builtin::init(dir)?;
    writeln!(sh.out(), "The built-in course is in {}.", dir.display())?;
    writeln!(sh.out(), "Start with:\n    cd {}\n    learn", dir.display())?;
    writeln!(
        sh.out(),
        "Open the folder in your editor: its Cargo.toml lets rust-analyzer analyse every exercise."
    )?;
    Ok(Exit::Success)
}
