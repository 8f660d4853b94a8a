//! Rendering for the terminal: verdicts, progress lines, step headers.
//! Colour only where the output is a terminal (console decides).

use std::fmt::Write;

use console::style;

use crate::course::{Course, Step};
use crate::runner::{Limits, Outcome, Verdict};
use crate::state::State;

/// Text with ANSI colour kept on a colour terminal and removed elsewhere.
pub fn colour(text: &str) -> String {
    if console::colors_enabled() {
        text.to_owned()
    } else {
        console::strip_ansi_codes(text).into_owned()
    }
}

/// "step 3/36, 8% done"
pub fn progress_line(course: &Course, state: &State) -> String {
    let total = course.steps.len();
    let done = state.done_count(course);
    let current = state.current(course) + 1;
    format!(
        "step {current}/{total}, {}% done",
        (done * 100).checked_div(total).unwrap_or(0)
    )
}

/// A bar of `width` cells, `part` of `whole` filled.
pub fn bar(part: usize, whole: usize, width: usize) -> String {
    let filled = (part * width).checked_div(whole).unwrap_or(0).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// The heading of a step: number, title, level, reading time.
pub fn step_heading(course: &Course, index: usize) -> String {
    let step = &course.steps[index];
    let mut meta = Vec::new();
    if let Some(l) = step.level {
        meta.push(l.to_string());
    }
    if let Some(m) = step.reading_minutes {
        meta.push(format!("{m} min read"));
    }
    meta.push(format!("mode {}", step.checks.mode_name()));
    format!(
        "{} {} {}",
        style(format!("Step {}/{}:", index + 1, course.steps.len())).bold(),
        style(&step.title).bold().cyan(),
        style(format!("({})", meta.join(", "))).dim()
    )
}

/// The first paragraph of a lesson, for screens with little room.
pub fn lesson_summary(step: &Step) -> String {
    let para = step
        .lesson
        .trim()
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .trim();
    para.to_owned()
}

/// A verdict as the learner reads it, with pointers for each error code.
pub fn verdict(course: &Course, step: &Step, v: &Verdict, limits: &Limits) -> String {
    let mut out = String::new();
    let file = step.path.display();
    let diagnostics = colour(&v.diagnostics);
    match v.outcome {
        Outcome::Passed => {
            if !diagnostics.trim().is_empty() {
                out.push_str(&diagnostics);
            }
            push_output(&mut out, v);
            let _ = writeln!(out, "{} {file} passes", style("✓").green().bold());
        }
        Outcome::CompileError => {
            out.push_str(&diagnostics);
            let _ = writeln!(
                out,
                "{} {file} does not compile yet",
                style("✗").red().bold()
            );
            for code in &v.error_codes {
                let _ = write!(out, "  {code}: `rustc --explain {code}`");
                match course.step_teaching(code) {
                    Some(s) if s.name != step.name => {
                        let _ = write!(
                            out,
                            ", taught in step `{}` (`learn lesson {}`)",
                            s.name, s.name
                        );
                    }
                    _ => {}
                }
                out.push('\n');
            }
        }
        Outcome::ClippyFailed => {
            out.push_str(&diagnostics);
            let _ = writeln!(
                out,
                "{} clippy has warnings for {file}; they count as errors here",
                style("✗").red().bold()
            );
        }
        Outcome::TestsFailed => {
            push_output(&mut out, v);
            let _ = writeln!(out, "{} tests of {file} fail", style("✗").red().bold());
        }
        Outcome::Failed => {
            push_output(&mut out, v);
            let code = v
                .exit_code
                .map_or("a signal".to_owned(), |c| format!("exit code {c}"));
            let _ = writeln!(
                out,
                "{} {file} compiled, but the program ended with {code}",
                style("✗").red().bold()
            );
        }
        Outcome::Panicked => {
            push_output(&mut out, v);
            let _ = writeln!(
                out,
                "{} {file} compiled, but the program panicked",
                style("✗").red().bold()
            );
        }
        Outcome::WrongOutput => {
            let expected = step.expected_output.as_deref().unwrap_or_default();
            let _ = writeln!(out, "Expected output:\n{}", indent(expected.trim_end()));
            let _ = writeln!(
                out,
                "Your program printed:\n{}",
                indent(v.stdout.trim_end())
            );
            let _ = writeln!(
                out,
                "{} {file} runs, but its output is not the expected one",
                style("✗").red().bold()
            );
        }
        Outcome::TimedOut => {
            push_output(&mut out, v);
            let _ = writeln!(
                out,
                "{} the program ran longer than {} s and was stopped: look for a loop that never ends (or raise --timeout)",
                style("✗").red().bold(),
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
            let _ = writeln!(out, "{}\n[…]", shown.trim_end());
            let _ = writeln!(
                out,
                "{} the program printed more than {} KiB and was stopped: look for a loop that prints without end",
                style("✗").red().bold(),
                limits.output_cap / 1024
            );
        }
    }
    out
}

/// Lines of a program's output shown in a verdict: enough to read, not a
/// megabyte redrawn on every key press.
const SHOWN_LINES: usize = 200;

fn push_output(out: &mut String, v: &Verdict) {
    if !v.stdout.trim().is_empty() {
        let _ = writeln!(out, "{}", style("Output:").dim());
        let _ = writeln!(out, "{}", tail(v.stdout.trim_end()));
    }
    if !v.stderr.trim().is_empty() {
        let _ = writeln!(out, "{}", tail(v.stderr.trim_end()));
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

pub fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
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
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    results.lock().expect("no worker panics")[i] = Some(r);
                    bar.inc(1);
                }
            });
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
