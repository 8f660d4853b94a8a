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
    meta.push(format!("mode {}", step.exercises[0].checks.mode_name()));
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

/// A verdict as the learner reads it, with pointers for each error code.
pub fn verdict(course: &Course, step: &Step, v: &Verdict, limits: &Limits) -> String {
    let (body, summary) = verdict_parts(course, step, v, limits);
    body + &summary
}

/// A verdict in two parts: what rustc or the program said (the body, which a
/// small screen may cut), and the summary lines under it (never cut).
pub fn verdict_parts(
    course: &Course,
    step: &Step,
    v: &Verdict,
    limits: &Limits,
) -> (String, String) {
    let mut body = String::new();
    let mut summary = String::new();
    let file = step.exercises[0].path.display();
    let diagnostics = colour(&v.diagnostics);
    let fail = style("✗").red().bold();
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
                if let Some(s) = course.step_teaching(code).filter(|s| s.name != step.name) {
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
            push_output(&mut body, v);
            let _ = writeln!(summary, "{fail} tests of {file} fail");
        }
        Outcome::Failed => {
            push_output(&mut body, v);
            let code = v
                .exit_code
                .map_or("a signal".to_owned(), |c| format!("exit code {c}"));
            let _ = writeln!(
                summary,
                "{fail} {file} compiled, but the program ended with {code}"
            );
        }
        Outcome::Panicked => {
            push_output(&mut body, v);
            let _ = writeln!(summary, "{fail} {file} compiled, but the program panicked");
        }
        Outcome::WrongOutput => {
            let expected = step.exercises[0]
                .expected_output
                .as_deref()
                .unwrap_or_default();
            let _ = writeln!(body, "Expected output:\n{}", indent(expected.trim_end()));
            let _ = writeln!(
                body,
                "Your program printed:\n{}",
                indent(v.stdout.trim_end())
            );
            let _ = writeln!(
                summary,
                "{fail} {file} runs, but its output is not the expected one"
            );
            if let Some(line) = first_difference(expected, &v.stdout) {
                let _ = writeln!(summary, "  The first difference is on line {line}.");
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
            let _ = writeln!(body, "{}\n[…]", shown.trim_end());
            let _ = writeln!(
                summary,
                "{fail} the program printed more than {} KiB and was stopped: look for a loop that prints without end",
                limits.output_cap / 1024
            );
        }
    }
    (body, summary)
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

/// Wrap text to `width` columns at spaces. A continued line keeps the
/// indentation of its first line (and of a `a) ` list marker), so choices and
/// notes stay readable on narrow terminals. Lines without spaces are left to
/// the terminal.
pub fn wrap(text: &str, width: usize) -> String {
    let width = width.max(20);
    let mut out = String::new();
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let rest = &line[indent..];
        let marker = rest.len() > 3 && rest.as_bytes()[1] == b')' && rest.as_bytes()[2] == b' ';
        let hang = " ".repeat(indent + if marker { 3 } else { 0 });
        let mut current = line[..indent].to_owned();
        let mut len = indent;
        for word in rest.split(' ') {
            let w = console::measure_text_width(word);
            if len > hang.len() && len + 1 + w > width {
                out.push_str(current.trim_end());
                out.push('\n');
                current = hang.clone();
                len = hang.len();
            } else if len > indent {
                current.push(' ');
                len += 1;
            }
            current.push_str(word);
            len += w;
        }
        out.push_str(&current);
        out.push('\n');
    }
    out
}

/// How many terminal rows a text takes at `width` columns.
pub fn rows(text: &str, width: usize) -> usize {
    text.lines()
        .map(|l| console::measure_text_width(l).div_ceil(width.max(1)).max(1))
        .sum()
}

/// At most `max` rows of `text`, with a last line saying what was cut.
pub fn clip(text: &str, max: usize, width: usize, what_next: &str) -> String {
    if rows(text, width) <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    let lines: Vec<&str> = text.lines().collect();
    let mut shown = 0;
    for line in &lines {
        let r = console::measure_text_width(line)
            .div_ceil(width.max(1))
            .max(1);
        if used + r > max.saturating_sub(1) {
            break;
        }
        out.push_str(line);
        out.push('\n');
        used += r;
        shown += 1;
    }
    let _ = writeln!(
        out,
        "{}",
        style(format!(
            "[… {} more lines: {what_next}]",
            lines.len() - shown
        ))
        .dim()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_indentation_and_choice_markers() {
        let text = "  b) The string's handle is copied and the old name is dead";
        let wrapped = wrap(text, 30);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert!(lines.len() > 1, "{wrapped}");
        assert!(
            lines.iter().all(|l| console::measure_text_width(l) <= 30),
            "{wrapped}"
        );
        assert!(lines[0].starts_with("  b) The"), "{wrapped}");
        assert!(
            lines[1].starts_with("     ") && !lines[1].starts_with("      "),
            "{wrapped}"
        );
    }

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
    fn clip_says_how_much_was_cut() {
        let text = (1..=50).map(|i| format!("line {i}\n")).collect::<String>();
        let clipped = clip(&text, 10, 80, "see learn run");
        assert_eq!(rows(&clipped, 80), 10);
        assert!(clipped.contains("line 9\n"), "{clipped}");
        assert!(
            clipped.contains("41 more lines: see learn run"),
            "{clipped}"
        );
        assert_eq!(clip("short\n", 10, 80, "x"), "short\n");
    }
}
