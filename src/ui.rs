//! Rendering, as text with ANSI styles (console decides whether colour is
//! wanted; the full-screen views convert the same text): verdicts, the
//! words for an outcome, step headings, progress bars, questions and their
//! feedback. Nothing here reads or writes files.

use std::fmt::Write;

use console::style;

use crate::course::{Course, Exercise, Mcq, Panic, Step, Trace, index_letter};
use crate::grade::{McqGrade, Order, TraceGrade};
use crate::process::Limits;
use crate::progress::Progress;
use crate::runner::{Outcome, Verdict, signal_name};
use crate::text::{reflow, visible};

/// A few words for an outcome, as in "exercises/x.rs {words}".
pub fn outcome_words(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Passed => "passes",
        Outcome::CompileError => "does not compile",
        Outcome::ClippyFailed => "has clippy warnings",
        Outcome::TestsFailed => "fails its tests",
        Outcome::Failed => "exits with an error",
        Outcome::Panicked => "panics",
        Outcome::WrongOutput => "prints the wrong output",
        Outcome::TimedOut => "runs too long",
        Outcome::Flooded => "prints too much",
        Outcome::OutOfMemory => "uses too much memory",
        Outcome::CompileTimedOut => "takes rustc too long to compile",
        Outcome::Environment => "could not be checked (a problem with the machine, not the code)",
    }
}

/// Text with ANSI colour kept when colour is wanted and removed otherwise.
pub fn colour(text: &str) -> String {
    if console::colors_enabled() {
        text.to_owned()
    } else {
        console::strip_ansi_codes(text).into_owned()
    }
}

/// A bar of `width` cells, `part` of `whole` filled.
pub fn bar(part: usize, whole: usize, width: usize) -> String {
    let filled = (part * width).checked_div(whole).unwrap_or(0).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// "step 3/36, 8% done"
pub fn progress_line(course: &Course, progress: &Progress) -> String {
    let total = course.steps.len();
    let done = progress.done_count(course);
    let current = progress.current(course) + 1;
    format!(
        "step {current}/{total}, {}% done",
        (done * 100).checked_div(total).unwrap_or(0)
    )
}

/// The heading of a step: number, title, level, reading time, mode.
pub fn step_heading(course: &Course, index: usize, exercise: usize) -> String {
    let step = &course.steps[index];
    let mut meta = Vec::new();
    if let Some(l) = step.level {
        meta.push(l.to_string());
    }
    if let Some(m) = step.reading_minutes {
        meta.push(format!("{m} min read"));
    }
    if step.exercises.len() > 1 {
        meta.push(format!(
            "exercise {}/{}",
            exercise + 1,
            step.exercises.len()
        ));
    }
    meta.push(format!(
        "mode {}",
        step.exercises[exercise].checks.mode_name()
    ));
    format!(
        "{} {} {}",
        style(format!("Step {}/{}:", index + 1, course.steps.len())).bold(),
        style(&step.title).bold().cyan(),
        style(format!("({})", meta.join(", "))).dim()
    )
}

/// The start of a lesson for screens with little room: its first paragraph,
/// or, when that leads into an example (ends with ':'), the first sentences
/// up to the last full stop.
pub fn lesson_summary(step: &Step) -> String {
    summary(&step.lesson)
}

fn summary(lesson: &str) -> String {
    let para = lesson
        .trim()
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .trim();
    let para = &reflow(para);
    // At most a few lines: whole sentences, up to about 240 characters.
    const ROOM: usize = 240;
    if !para.ends_with(':') && para.len() <= ROOM {
        return para.to_owned();
    }
    let mut end = ROOM.min(para.len());
    while !para.is_char_boundary(end) {
        end -= 1;
    }
    match para[..end].rfind(". ") {
        Some(stop) => para[..=stop].trim().to_owned(),
        None if para.len() <= ROOM => para.trim_end_matches(':').to_owned() + ".",
        None => para[..end].trim_end().to_owned() + "…",
    }
}

/// The whole lesson: text, must-know points, discussion prompts.
pub fn lesson(step: &Step) -> String {
    let mut out = String::new();
    if step.lesson.trim().is_empty() {
        // rustlings-format courses have hints but no lessons.
        out.push_str("This step has no lesson text; its hints help with the exercise.\n");
    } else {
        let _ = writeln!(out, "{}", reflow(step.lesson.trim()));
    }
    for (title, items) in [
        ("Must know", &step.must_know),
        ("Discuss", &step.discussion),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", style(title).bold());
        for item in items {
            let _ = writeln!(out, "• {}", reflow(item.trim()));
        }
    }
    out
}

/// A verdict as the learner reads it, with pointers for each error code.
pub fn verdict(
    course: &Course,
    step: &Step,
    exercise: &Exercise,
    v: &Verdict,
    limits: &Limits,
) -> String {
    let (body, summary) = verdict_parts(course, step, exercise, v, limits);
    body + &summary
}

/// A verdict in two parts: what rustc or the program said (the body, which
/// may be long), and the summary lines (short, always shown).
pub fn verdict_parts(
    course: &Course,
    step: &Step,
    exercise: &Exercise,
    v: &Verdict,
    limits: &Limits,
) -> (String, String) {
    let mut body = String::new();
    let mut summary = String::new();
    let file = exercise.path.display();
    let fail = style("✗").red().bold();
    // rustc quotes the learner's source: its control characters are shown,
    // never sent to the terminal (rustc's own colour stays).
    let diagnostics = visible(&v.diagnostics, true);
    match v.outcome {
        Outcome::Passed => {
            body.push_str(&diagnostics);
            push_output(&mut body, v);
            let _ = writeln!(summary, "{} {file} passes", style("✓").green().bold());
        }
        Outcome::CompileError => {
            body.push_str(&diagnostics);
            let _ = writeln!(summary, "{fail} {file} does not compile yet");
            for code in &v.error_codes {
                let _ = write!(summary, "  {code}: `rustc --explain {code}`");
                // The step on screen may teach it itself (after an earlier step).
                let here = step.error_codes().contains(&code.as_str());
                if let Some(s) = course
                    .step_teaching(code)
                    .filter(|s| !here && s.name != step.name)
                {
                    let _ = write!(
                        summary,
                        ", taught in step `{}` (`learn lesson {}`)",
                        s.name, s.name
                    );
                }
                summary.push('\n');
            }
        }
        Outcome::ClippyFailed => {
            body.push_str(&diagnostics);
            let _ = writeln!(
                summary,
                "{fail} clippy has warnings for {file}; they count as errors here"
            );
        }
        Outcome::TestsFailed => {
            let failed = v.failed_tests();
            if !failed.is_empty() {
                let _ = writeln!(
                    body,
                    "{} {}",
                    style("Failing:").red().bold(),
                    failed.join(", ")
                );
            }
            push_output(&mut body, v);
            // The body names them all; the summary stays short.
            let _ = match failed.len() {
                0 => writeln!(summary, "{fail} tests of {file} fail"),
                1..=3 => writeln!(
                    summary,
                    "{fail} tests of {file} fail: {}",
                    failed.join(", ")
                ),
                n => writeln!(
                    summary,
                    "{fail} tests of {file} fail: {} and {} more",
                    failed[..2].join(", "),
                    n - 2
                ),
            };
        }
        Outcome::Failed => {
            push_output(&mut body, v);
            let how = match (v.exit_code, v.signal) {
                (Some(c), _) => format!("exit code {c}"),
                (None, Some(s)) => format!("signal {s} ({})", signal_name(s)),
                (None, None) => "an error".to_owned(),
            };
            let _ = writeln!(
                summary,
                "{fail} {file} compiled, but the program ended with {how}"
            );
        }
        Outcome::Panicked => {
            push_output(&mut body, v);
            let _ = writeln!(summary, "{fail} {file} compiled, but the program panicked");
        }
        Outcome::WrongOutput => {
            let expected = exercise.expected_output.as_deref().unwrap_or_default();
            let _ = writeln!(body, "Expected output:\n{}", indent(expected.trim_end()));
            let _ = writeln!(
                body,
                "Your program printed:\n{}",
                indent(&visible(v.stdout.trim_end(), false))
            );
            let _ = writeln!(
                summary,
                "{fail} {file} runs, but its output is not the expected one"
            );
            if let Some(line) = first_difference(expected, &v.stdout) {
                let at = |text: &str| {
                    text.trim_end()
                        .lines()
                        .nth(line - 1)
                        .map_or("(no line)".to_owned(), |l| {
                            format!("`{}`", visible(l.trim_end(), false))
                        })
                };
                let _ = writeln!(
                    summary,
                    "  The first difference is on line {line}: expected {}, printed {}.",
                    at(expected),
                    at(&v.stdout)
                );
            }
        }
        Outcome::TimedOut => {
            push_output(&mut body, v);
            let _ = writeln!(
                summary,
                "{fail} the program ran longer than {} s and was stopped: look for a loop that never ends (or raise --timeout)",
                limits.timeout.as_secs_f64()
            );
        }
        Outcome::Flooded => {
            // Show the start of whichever stream flooded.
            let flood = if v.stdout.len() >= v.stderr.len() {
                &v.stdout
            } else {
                &v.stderr
            };
            let shown: String = flood.chars().take(2000).collect();
            let _ = writeln!(body, "{}\n[…]", visible(shown.trim_end(), true));
            let _ = writeln!(
                summary,
                "{fail} the program printed more than {} KiB and was stopped: look for a loop that prints without end",
                limits.output_cap / 1024
            );
        }
        Outcome::OutOfMemory => {
            push_output(&mut body, v);
            let limit = limits.memory.map_or("the memory limit".to_owned(), size);
            let _ = writeln!(
                summary,
                "{fail} the program used more than {limit} and was stopped: look for a collection that grows without end, or an allocation sized by a wrong number (or raise --memory)"
            );
        }
        Outcome::CompileTimedOut => {
            let _ = writeln!(summary, "{fail} {}", v.diagnostics.trim());
        }
        Outcome::Environment => {
            body.push_str(diagnostics.trim_end());
            body.push('\n');
            let _ = writeln!(
                summary,
                "{} {file} could not be checked: a problem with the machine, not with your code (see above). Nothing was recorded.",
                style("!").yellow().bold()
            );
        }
    }
    // The program ran and failed: rustc's warnings (an unreachable pattern,
    // an unused variable) are often the clue, so they are kept, after it.
    let ran = matches!(
        v.outcome,
        Outcome::Failed
            | Outcome::Panicked
            | Outcome::TestsFailed
            | Outcome::WrongOutput
            | Outcome::TimedOut
            | Outcome::OutOfMemory
            | Outcome::Flooded
    );
    if ran && !diagnostics.trim().is_empty() {
        let _ = write!(
            body,
            "\n{}\n{}",
            style("rustc's warnings:").dim(),
            diagnostics.trim_end()
        );
        body.push('\n');
        // Unused names are what a stub (`todo!()`) leaves: no clue there.
        if telling_warning(&v.diagnostics) {
            let _ = writeln!(
                summary,
                "  rustc warned (below the output): it may point at the bug."
            );
        }
    }
    (body, summary)
}

/// Whether rustc's warnings hold one that may explain a failure: anything
/// but the unused names and dead code that unfinished code always has.
fn telling_warning(diagnostics: &str) -> bool {
    let plain = console::strip_ansi_codes(diagnostics);
    plain
        .lines()
        .filter_map(|l| l.strip_prefix("warning: "))
        .filter(|m| !m.ends_with(" emitted"))
        .any(|m| {
            !(m.starts_with("unused ")
                || m.contains("never used")
                || m.contains("never read")
                || m.contains("never constructed")
                || m.contains("does not need to be mutable"))
        })
}

/// "in 3 days (2026-11-28 14:05)", in local time.
pub fn when(now: chrono::DateTime<chrono::Utc>, then: chrono::DateTime<chrono::Utc>) -> String {
    format!(
        "{} ({})",
        crate::schedule::until(now, then),
        then.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M")
    )
}

/// 2 GiB, 512 MiB.
pub fn size(bytes: u64) -> String {
    if bytes >= 1 << 30 && bytes.is_multiple_of(1 << 30) {
        format!("{} GiB", bytes >> 30)
    } else {
        format!("{} MiB", bytes >> 20)
    }
}

/// The first line (1-based) where two outputs differ, trailing spaces aside.
fn first_difference(expected: &str, actual: &str) -> Option<usize> {
    let (e, a): (Vec<&str>, Vec<&str>) = (
        expected.trim_end().lines().map(str::trim_end).collect(),
        actual.trim_end().lines().map(str::trim_end).collect(),
    );
    (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .map(|i| i + 1)
}

/// Lines of a program's output shown in a verdict: enough to read, not a
/// megabyte redrawn on every key press.
const SHOWN_LINES: usize = 200;

/// A program's output, control sequences made visible (colour may stay).
fn push_output(out: &mut String, v: &Verdict) {
    if v.stdout.trim().is_empty() && v.stderr.trim().is_empty() {
        let _ = writeln!(out, "{}", style("(The program printed nothing.)").dim());
        return;
    }
    if !v.stdout.trim().is_empty() {
        let _ = writeln!(out, "{}", style("Output:").dim());
        let _ = writeln!(out, "{}", tail(&visible(v.stdout.trim_end(), true)));
    }
    if !v.stderr.trim().is_empty() {
        let _ = writeln!(out, "{}", tail(&visible(v.stderr.trim_end(), true)));
    }
}

/// The last lines of a long text, saying how many were left out.
fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= SHOWN_LINES {
        return text.to_owned();
    }
    let skipped = lines.len() - SHOWN_LINES;
    format!(
        "[… {skipped} earlier lines]\n{}",
        lines[skipped..].join("\n")
    )
}

/// Course prose (a hint, an answer) as one line per paragraph, ready to wrap.
pub fn prose(text: &str) -> String {
    reflow(text.trim())
}

/// A model answer under its question: prose indented by two, so it wraps
/// with its indentation (code in it stays code).
pub fn answer(text: &str) -> String {
    prose(text)
        .lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("  {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// An MCQ as asked: the prompt, the code, the lettered choices.
pub fn mcq(mcq: &Mcq, order: &Order) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", style(reflow(mcq.prompt.trim())).bold());
    if let Some(code) = &mcq.code {
        let _ = writeln!(out, "\n{}\n", indent(code.trim_end()));
    }
    for (shown, &i) in order.order.iter().enumerate() {
        let _ = writeln!(out, "  {}) {}", index_letter(shown), mcq.choices[i].trim());
    }
    out
}

/// How to answer an MCQ.
pub fn mcq_help(mcq: &Mcq) -> &'static str {
    if mcq.multi {
        "Select all that apply: type the letters (e.g. ac), then Enter."
    } else {
        "Press a letter."
    }
}

/// The feedback on an MCQ answer: right or not, the explanation of each
/// choice picked and of each right choice missed, the general explanation.
pub fn mcq_feedback(mcq: &Mcq, order: &Order, grade: &McqGrade) -> String {
    let mut text = String::new();
    if grade.correct {
        let _ = writeln!(text, "{}", style("✓ Right.").green().bold());
    } else {
        let mut right: Vec<String> = mcq
            .answer
            .iter()
            .map(|&i| order.letter_of(i).to_string())
            .collect();
        right.sort_unstable();
        let _ = writeln!(
            text,
            "{} The answer is {}.",
            style("✗ Not quite.").red().bold(),
            right.join(", ")
        );
    }
    if let Some(ex) = &mcq.explanations {
        // In the order the learner sees the choices.
        let mut shown: Vec<usize> = grade.picked.iter().chain(&grade.missed).copied().collect();
        shown.sort_by_key(|&i| order.letter_of(i));
        shown.dedup();
        for i in shown {
            let _ = writeln!(text, "  {}) {}", order.letter_of(i), reflow(ex[i].trim()));
        }
    }
    if !mcq.explanation.trim().is_empty() {
        let _ = writeln!(text, "{}", reflow(mcq.explanation.trim()));
    }
    text
}

/// A tracing question as asked.
pub fn trace(trace: &Trace) -> String {
    format!(
        "{}\n\n{}\n",
        style("What does this program do?").bold(),
        indent(trace.program.trim_end())
    )
}

/// The truth about a tracing program, and the explanation.
pub fn trace_feedback(trace: &Trace, grade: TraceGrade) -> String {
    let truth = if !trace.compiles {
        let code = trace
            .error_code
            .as_ref()
            .map_or(String::new(), |c| format!(" ({c})"));
        match trace.error_line {
            Some(l) => format!("It does not compile{code}: rustc rejects line {l}."),
            None => format!("It does not compile{code}."),
        }
    } else {
        let printed = trace.output.trim();
        match (trace.panics, printed.is_empty()) {
            (Panic::Main, true) => "It compiles and panics.".to_owned(),
            (Panic::Main, false) => {
                format!("It compiles, prints\n{}\nand then panics.", indent(printed))
            }
            (Panic::Thread, _) => format!(
                "It compiles; a spawned thread panics, the program goes on and prints:\n{}",
                indent(printed)
            ),
            (Panic::No, _) => format!("It compiles and prints:\n{}", indent(printed)),
        }
    };
    let mark = match grade {
        TraceGrade::Right => style("✓ Right.".to_owned()).green().bold(),
        TraceGrade::WrongLine { said, .. } => style(format!(
            "◐ Right that it does not compile, but not line {said}."
        ))
        .yellow()
        .bold(),
        TraceGrade::Wrong => style("✗ Not quite.".to_owned()).red().bold(),
    };
    let mut text = format!("{mark} {truth}\n");
    if !trace.explanation.trim().is_empty() {
        let _ = writeln!(text, "{}", reflow(trace.explanation.trim()));
    }
    text
}

/// Run `f` on every item on all cores, with a progress bar on a terminal;
/// results come back in the items' order.
pub fn parallel<T: Sync, R: Send>(
    items: &[T],
    message: &str,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let bar = indicatif::ProgressBar::new(items.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message(message.to_owned());
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(items.len().max(1));
    std::thread::scope(|s| {
        for n in 0..workers {
            std::thread::Builder::new()
                .name(format!("{message} {n}"))
                .spawn_scoped(s, || {
                    loop {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        let Some(item) = items.get(i) else { break };
                        let r = f(item);
                        results.lock().expect("no worker panics")[i] = Some(r);
                        bar.inc(1);
                    }
                })
                .expect("a worker thread starts");
        }
    });
    bar.finish_and_clear();
    results
        .into_inner()
        .expect("no worker panics")
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_are_whole_sentences_of_the_first_paragraph() {
        assert_eq!(summary("One. Two.\n\nThree."), "One. Two.");
        // A paragraph leading into an example stops at its last full stop.
        assert_eq!(
            summary("Rust checks it. Like this:\n\n    code"),
            "Rust checks it."
        );
        let long = "A sentence of some length here. ".repeat(12);
        let cut = summary(&long);
        assert!(cut.len() <= 240 && cut.ends_with("here."), "{cut}");
    }

    #[test]
    fn choice_explanations_come_in_the_order_shown() {
        let mcq = Mcq {
            id: "s.mcq.0".into(),
            prompt: "p".into(),
            code: None,
            choices: vec!["x".into(), "y".into(), "z".into()],
            answer: vec![0, 2],
            multi: true,
            explanations: Some(vec!["about x".into(), "about y".into(), "about z".into()]),
            explanation: String::new(),
            allow: Vec::new(),
            line: 1,
        };
        // Shown as a) z, b) y, c) x; the learner picked x and y.
        let order = Order {
            order: vec![2, 1, 0],
        };
        let grade = crate::grade::grade_mcq(&mcq, &[0, 1]);
        let text = console::strip_ansi_codes(&mcq_feedback(&mcq, &order, &grade)).into_owned();
        let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} in {text}"));
        assert!(at("a) about z") < at("b) about y"), "{text}");
        assert!(at("b) about y") < at("c) about x"), "{text}");
        assert_eq!(text.matches("about x").count(), 1, "{text}");
        // The right letters in order too.
        assert!(text.contains("The answer is a, c."), "{text}");
    }

    #[test]
    fn verdicts_say_what_is_not_there_and_stay_short() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        let course = Course::load(&root).unwrap();
        let step = &course.steps[0];
        let limits = Limits {
            timeout: std::time::Duration::from_secs(10),
            output_cap: 1 << 20,
            memory: None,
        };
        let parts = |v: &Verdict| {
            let (body, summary) = verdict_parts(&course, step, &step.exercises[0], v, &limits);
            (
                console::strip_ansi_codes(&body).into_owned(),
                console::strip_ansi_codes(&summary).into_owned(),
            )
        };
        let (body, _) = parts(&Verdict::new(Outcome::TimedOut));
        assert!(body.contains("(The program printed nothing.)"), "{body}");
        let mut tests = Verdict::new(Outcome::TestsFailed);
        tests.stdout = (1..=5).map(|n| format!("test t{n} ... FAILED\n")).collect();
        let (body, summary) = parts(&tests);
        assert!(body.contains("Failing: t1, t2, t3, t4, t5"), "{body}");
        assert!(summary.contains("fail: t1, t2 and 3 more"), "{summary}");
        // rustc's warnings come after the output; the summary points to
        // them only when they may explain the failure.
        tests.diagnostics = "warning: unused variable: `x`\nwarning: 1 warning emitted\n".into();
        let (body, summary) = parts(&tests);
        assert!(
            body.contains("rustc's warnings:\nwarning: unused variable"),
            "{body}"
        );
        assert!(!summary.contains("rustc warned"), "{summary}");
        tests.diagnostics = "warning: unreachable pattern\n".into();
        let (_, summary) = parts(&tests);
        assert!(
            summary.contains("rustc warned (below the output)"),
            "{summary}"
        );
    }

    #[test]
    fn sizes_and_bars() {
        assert_eq!(size(2 << 30), "2 GiB");
        assert_eq!(size(512 << 20), "512 MiB");
        assert_eq!(bar(1, 4, 8), "██░░░░░░");
        assert_eq!(bar(0, 0, 3), "░░░");
    }
}
