//! The one-shot commands: list, run, hint, lesson, reset, jump, verify, init.

use std::path::Path;

use anyhow::{Context, Result};
use console::style;

use crate::app::{Ctx, EXIT_FAILED, EXIT_OK};
use crate::runner::{Cancel, Checked, Job, Runner, Verdict};
use crate::ui;

/// `learn list`
pub fn list(ctx: &Ctx) -> Result<u8> {
    let course = &ctx.course;
    let current = ctx.state.current(course);
    println!("{}", style(&course.title).bold());
    let width = course.steps.iter().map(|s| s.name.len()).max().unwrap_or(0);
    let topic_width = course
        .steps
        .iter()
        .map(|s| s.topic.len())
        .max()
        .unwrap_or(0);
    for (i, step) in course.steps.iter().enumerate() {
        let p = ctx.state.step(&step.name);
        let state = if ctx.state.is_done(step) {
            style("done").green()
        } else if p.exercise_passed {
            style("questions").yellow()
        } else if p.attempts > 0 {
            style("started").yellow()
        } else {
            style("todo").dim()
        };
        let marker = if i == current {
            style(">").cyan().bold()
        } else {
            style(" ")
        };
        println!(
            "{marker} {:>2}  {:<width$}  {:<topic_width$}  {state}",
            i + 1,
            step.name,
            step.topic
        );
    }
    let done = ctx.state.done_count(course);
    println!(
        "\n{}  {}",
        ui::bar(done, course.steps.len(), 30),
        ui::progress_line(course, &ctx.state)
    );
    Ok(EXIT_OK)
}

/// Check one step's exercise and record the attempt.
pub fn check_step(ctx: &mut Ctx, runner: &Runner, index: usize) -> Result<Verdict> {
    let step = &ctx.course.steps[index];
    let exercise = &step.exercises[0];
    let source = ctx.course.exercise_path(exercise);
    let label = step.exercise_label(0);
    let job = Job::exercise(exercise, &label, &source);
    if !source.is_file() {
        anyhow::bail!(
            "the exercise {} of step `{}` is missing: `learn reset {}` restores it as shipped",
            exercise.path.display(),
            step.name,
            step.name
        );
    }
    let verdict = match runner.check(&job, &Cancel::default())? {
        Checked::Done(v) => v,
        Checked::Cancelled => unreachable!("nothing cancels a one-shot check"),
    };
    record(ctx, index, &verdict, true);
    Ok(verdict)
}

/// Record a verdict: a pass is kept even if the file breaks later; an
/// attempt is counted when the learner asked for this step's check (not for
/// every step `verify` runs).
pub fn record(ctx: &mut Ctx, index: usize, verdict: &Verdict, attempt: bool) {
    let name = ctx.course.steps[index].name.clone();
    let p = ctx.state.step_mut(&name);
    p.attempts += u32::from(attempt);
    p.exercise_passed |= verdict.passed();
}

/// `learn run [STEP]`
pub fn run(ctx: &mut Ctx, step: Option<&str>) -> Result<u8> {
    let index = ctx.resolve(step)?;
    let runner = ctx.runner()?;
    let verdict = check_step(ctx, &runner, index)?;
    ctx.state.save()?;
    let step = &ctx.course.steps[index];
    print!("{}", ui::verdict(&ctx.course, step, &verdict, &ctx.limits));
    if verdict.passed() && !ctx.state.is_done(step) {
        println!(
            "Next: answer the step's {} question(s) in `learn watch` to finish the step.",
            step.mcqs.len()
        );
    }
    Ok(if verdict.passed() {
        EXIT_OK
    } else {
        EXIT_FAILED
    })
}

/// `learn hint [STEP]`
pub fn hint(ctx: &mut Ctx, step: Option<&str>) -> Result<u8> {
    let index = ctx.resolve(step)?;
    let step = ctx.course.steps[index].clone();
    let Some(shown) = ctx.state.next_hint(&step) else {
        println!(
            "Step `{}` has no hints. Read its lesson: `learn lesson {}`",
            step.name, step.name
        );
        return Ok(EXIT_OK);
    };
    ctx.state.save()?;
    println!(
        "{} {}",
        style(format!(
            "Hint {}/{}:",
            shown + 1,
            step.exercises[0].hints.len()
        ))
        .bold(),
        step.exercises[0].hints[shown].trim()
    );
    if shown + 1 == step.exercises[0].hints.len() {
        println!("{}", style("That is the last hint of this step.").dim());
    }
    Ok(EXIT_OK)
}

/// `learn lesson [STEP]`
pub fn lesson(
    ctx: &mut Ctx,
    step: Option<&str>,
    answers: bool,
    confidence: Option<u8>,
) -> Result<u8> {
    let index = ctx.resolve(step)?;
    let course = &ctx.course;
    let step = &course.steps[index];
    println!("{}", ui::step_heading(course, index));
    if let Some(r) = &step.reviewed {
        println!("{}", style(format!("Content reviewed {r}")).dim());
    }
    println!("Exercise: {}\n", step.exercises[0].path.display());
    if step.lesson.trim().is_empty() {
        // rustlings-format courses have hints but no lessons.
        println!("This step has no lesson text; `learn hint` shows its hint.\n");
    } else {
        println!("{}\n", step.lesson.trim());
    }
    section("Must know", &step.must_know);
    section("Discuss", &step.discussion);
    if !step.interviews.is_empty() {
        println!("{}", style("Interview questions").bold());
        for (i, q) in step.interviews.iter().enumerate() {
            println!("{}. {}", i + 1, q.question.trim());
            if answers {
                println!("{}\n", ui::indent(q.answer.trim()));
            }
        }
        if !answers {
            println!("{}", style("(model answers: learn lesson --answers)").dim());
        }
        println!();
    }
    if let Some(c) = confidence {
        let name = step.name.clone();
        ctx.state.step_mut(&name).confidence = Some(c);
        ctx.state.save()?;
        println!("Confidence for `{name}` recorded: {c}/4.");
    } else {
        println!(
            "{}",
            style(format!(
                "Can you explain this step in 30 seconds without notes? Rate it: learn lesson {} --confidence 1-4",
                step.name
            ))
            .dim()
        );
    }
    Ok(EXIT_OK)
}

fn section(title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    println!("{}", style(title).bold());
    for item in items {
        println!("  • {}", item.trim());
    }
    println!();
}

/// `learn reset STEP`
pub fn reset(ctx: &mut Ctx, step: &str) -> Result<u8> {
    let index = ctx.resolve(Some(step))?;
    let step = ctx.course.steps[index].clone();
    let exercise = &step.exercises[0];
    let original = crate::shipped::original(&ctx.course, exercise)?;
    let path = ctx.course.exercise_path(exercise);
    // The learner's own version is kept, never just overwritten.
    let kept = match std::fs::read(&path) {
        Ok(mine) if mine != original => {
            let copy = crate::state::learn_dir(&ctx.course.root)
                .join("before-reset")
                .join(&exercise.path);
            crate::state::write_atomic(&copy, &mine)
                .with_context(|| format!("cannot keep your version in {}", copy.display()))?;
            Some(copy)
        }
        _ => None,
    };
    crate::state::write_atomic(&path, &original)
        .with_context(|| format!("cannot write {}", path.display()))?;
    ctx.state.step_mut(&step.name).reset();
    ctx.state.save()?;
    println!(
        "{} is back as shipped; the progress of step `{}` is cleared.",
        exercise.path.display(),
        step.name
    );
    if let Some(copy) = kept {
        println!("Your version is kept in {}.", copy.display());
    }
    Ok(EXIT_OK)
}

/// `learn jump STEP`
pub fn jump(ctx: &mut Ctx, step: &str) -> Result<u8> {
    let index = ctx.resolve(Some(step))?;
    let name = ctx.course.steps[index].name.clone();
    ctx.state.progress.current = Some(name);
    ctx.state.save()?;
    println!("{}", ui::step_heading(&ctx.course, index));
    println!(
        "Exercise: {}",
        ctx.course.steps[index].exercises[0].path.display()
    );
    Ok(EXIT_OK)
}

/// `learn verify`
pub fn verify(ctx: &mut Ctx) -> Result<u8> {
    let runner = ctx.runner()?;
    let indices: Vec<usize> = (0..ctx.course.steps.len()).collect();
    let course = &ctx.course;
    let verdicts = ui::parallel(&indices, "checking", |&i| {
        let step = &course.steps[i];
        let source = course.exercise_path(&step.exercises[0]);
        let label = step.exercise_label(0);
        runner.check(
            &Job::exercise(&step.exercises[0], &label, &source),
            &Cancel::default(),
        )
    });
    let mut failing: Vec<(usize, String)> = Vec::new();
    for (i, v) in verdicts.into_iter().enumerate() {
        match v {
            Ok(Checked::Done(v)) => {
                record(ctx, i, &v, false);
                if !v.passed() {
                    failing.push((i, describe(v.outcome).to_owned()));
                }
            }
            Ok(Checked::Cancelled) => unreachable!("nothing cancels verify"),
            // A missing exercise fails its step, not the whole run.
            Err(_)
                if !ctx
                    .course
                    .exercise_path(&ctx.course.steps[i].exercises[0])
                    .is_file() =>
            {
                let name = &ctx.course.steps[i].name;
                failing.push((i, format!("is missing (`learn reset {name}` restores it)")));
            }
            Err(e) => return Err(e),
        }
    }
    ctx.state.save()?;
    let total = ctx.course.steps.len();
    for (i, what) in &failing {
        let step = &ctx.course.steps[*i];
        println!("{} {:>2} {:<20} {what}", style("✗").red(), i + 1, step.name);
    }
    println!(
        "{} of {total} exercises pass, {} fail.",
        total - failing.len(),
        failing.len()
    );
    Ok(if failing.is_empty() {
        EXIT_OK
    } else {
        EXIT_FAILED
    })
}

/// A few words for an outcome.
pub fn describe(outcome: crate::runner::Outcome) -> &'static str {
    use crate::runner::Outcome::*;
    match outcome {
        Passed => "passes",
        CompileError => "does not compile",
        ClippyFailed => "has clippy warnings",
        TestsFailed => "tests fail",
        Failed => "exits with an error",
        Panicked => "panics",
        WrongOutput => "prints the wrong output",
        TimedOut => "runs too long",
        Flooded => "prints too much",
    }
}

/// `learn init DIR`
pub fn init(dir: &Path) -> Result<u8> {
    crate::shipped::init(dir)?;
    println!("The built-in course is in {}.", dir.display());
    println!("Start with:\n    cd {}\n    learn", dir.display());
    Ok(EXIT_OK)
}
