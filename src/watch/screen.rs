//! Drawing watch mode: a full redraw on a terminal; on a pipe, only what is
//! new, so a script reads a plain transcript.

use std::fmt::Write as _;
use std::io::Write as _;

use console::{Term, style};

use super::{App, Phase};
use crate::course::index_letter;
use crate::ui;

/// What was already printed when stdout is not a terminal.
#[derive(Debug, Default)]
pub struct Printed {
    step: Option<usize>,
    verdict_seq: Option<u64>,
    pub notes: usize,
    phase: String,
}

/// Hides the cursor while watch mode runs and restores the terminal on exit,
/// on Ctrl-C (handled as a key) and on a panic. The input thread holds the
/// terminal in raw mode while it waits for a key, and it is waiting when the
/// program ends: so the settings from the start are put back (`stty`).
pub struct TerminalGuard {
    tty: bool,
}

/// The terminal's settings as `stty -g` prints them.
fn saved_settings() -> Option<String> {
    let out = std::process::Command::new("stty")
        .arg("-g")
        .stdin(std::process::Stdio::inherit())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let settings = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (out.status.success() && !settings.is_empty()).then_some(settings)
}

fn restore(settings: Option<&str>) {
    let _ = Term::stdout().show_cursor();
    if let Some(settings) = settings {
        let _ = std::process::Command::new("stty")
            .arg(settings)
            .stdin(std::process::Stdio::inherit())
            .stderr(std::process::Stdio::null())
            .status();
    }
}

static SETTINGS: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();

impl TerminalGuard {
    pub fn new(tty: bool) -> TerminalGuard {
        if tty {
            SETTINGS.get_or_init(saved_settings);
            let _ = Term::stdout().hide_cursor();
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                restore(SETTINGS.get().and_then(Option::as_deref));
                previous(info);
            }));
        }
        TerminalGuard { tty }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        if self.tty {
            restore(SETTINGS.get().and_then(Option::as_deref));
        }
    }
}

pub fn goodbye(tty: bool) {
    let msg = "Progress saved. Run `learn` to continue where you left off.";
    if tty {
        println!("\r\n{msg}\r");
    } else {
        println!("{msg}");
    }
}

/// Lines of a pager page.
pub fn page_height() -> usize {
    let (rows, _) = Term::stdout().size();
    (rows as usize).saturating_sub(6).max(5)
}

impl App {
    fn header(&self) -> String {
        let course = &self.ctx.course;
        let step = &course.steps[self.step];
        let done = self.ctx.state.done_count(course);
        let total = course.steps.len();
        let mut out = String::new();
        let _ = writeln!(out, "{}", style(&course.title).bold());
        let _ = writeln!(
            out,
            "{} step {}/{total}, {}% done",
            ui::bar(done, total, 24),
            self.step + 1,
            (done * 100).checked_div(total).unwrap_or(0)
        );
        let _ = writeln!(out, "\n{}", ui::step_heading(course, self.step));
        let summary = ui::lesson_summary(step);
        if !summary.is_empty() {
            let _ = writeln!(out, "{summary}");
        }
        let _ = writeln!(
            out,
            "{} {}  {}",
            style("Exercise:").bold(),
            step.exercises[0].path.display(),
            style("(open it in your editor: every save is checked)").dim()
        );
        if let Some(note) = &self.watch_note {
            let _ = writeln!(out, "{}", style(note).yellow());
        }
        out
    }

    fn verdict_view(&self) -> String {
        let (body, summary) = self.verdict_parts();
        body + &summary
    }

    /// The verdict's body (which may be cut to fit) and its summary lines.
    fn verdict_parts(&self) -> (String, String) {
        let step = &self.ctx.course.steps[self.step];
        match &self.verdict {
            Some(v) => ui::verdict_parts(&self.ctx.course, step, v, &self.runner.limits),
            None if self.checking.is_some() => {
                (format!("{}\n", style("Checking…").dim()), String::new())
            }
            None => (String::new(), String::new()),
        }
    }

    fn phase_view(&self) -> String {
        let course = &self.ctx.course;
        let step = &course.steps[self.step];
        let mut out = String::new();
        match &self.phase {
            Phase::Editing => {}
            Phase::Questions {
                queue,
                asked,
                selected,
            } => {
                if let Some(&i) = queue.front() {
                    let mcq = &step.mcqs[i];
                    let left = queue.len();
                    let _ = writeln!(out, "{}", style(format!("Question ({left} to go)")).dim());
                    let _ = writeln!(out, "{}", asked.render(mcq));
                    if mcq.multi && self.tty {
                        let picked: String = selected.iter().map(|&i| index_letter(i)).collect();
                        let _ = writeln!(out, "Selected: {picked}");
                    }
                }
            }
            Phase::ConfirmSkip => {
                let _ = writeln!(
                    out,
                    "This step is not done yet. Skip to the next step anyway? (y/n)"
                );
            }
            Phase::List { typed } => {
                let current = self.step;
                // A window of the list around the current step that fits the screen.
                let room = if self.tty {
                    page_height()
                } else {
                    course.steps.len()
                };
                let first = current
                    .saturating_sub(room / 2)
                    .min(course.steps.len().saturating_sub(room));
                for (i, s) in course.steps.iter().enumerate().skip(first).take(room) {
                    let mark = if i == current { ">" } else { " " };
                    let state = if self.ctx.state.is_done(s) {
                        "done"
                    } else {
                        ""
                    };
                    let _ = writeln!(out, "{mark} {:>2} {:<24} {state}", i + 1, s.name);
                }
                let _ = writeln!(
                    out,
                    "Type a step number and Enter to jump there (Esc: back). {typed}"
                );
            }
            Phase::Interview { index, revealed } => {
                let q = &step.interviews[*index];
                let _ = writeln!(
                    out,
                    "{}\n{}",
                    style(format!(
                        "Interview question {}/{}",
                        index + 1,
                        step.interviews.len()
                    ))
                    .bold(),
                    q.question.trim()
                );
                if *revealed {
                    let _ = writeln!(
                        out,
                        "\n{}\n{}",
                        style("Model answer:").bold(),
                        ui::indent(q.answer.trim())
                    );
                    let keys = if index + 1 < step.interviews.len() {
                        "Enter: next question, q: back"
                    } else {
                        "That was the last one. q: back"
                    };
                    let _ = writeln!(out, "{}", style(keys).dim());
                } else {
                    let _ = writeln!(
                        out,
                        "{}",
                        style("Answer aloud, then press Enter to see the model answer.").dim()
                    );
                }
            }
            Phase::Pager { title, lines, top } => {
                let height = if self.tty { page_height() } else { lines.len() };
                let _ = writeln!(out, "{}", style(title).bold());
                for line in lines.iter().skip(*top).take(height) {
                    let _ = writeln!(out, "{line}");
                }
                let _ = writeln!(
                    out,
                    "{}",
                    style(format!(
                        "lines {}-{} of {}; space: more, b: back, q: close",
                        top + 1,
                        (top + height).min(lines.len()),
                        lines.len()
                    ))
                    .dim()
                );
            }
        }
        out
    }

    fn footer(&self) -> String {
        let keys = match &self.phase {
            Phase::Questions { .. } => "a letter answers · q quit",
            Phase::Editing => {
                "h hint · l list · i interview · e explain error · r re-check · n next · q quit"
            }
            Phase::ConfirmSkip => "y skip · any other key stays",
            Phase::List { .. } => "a number or name, then Enter · Esc back",
            Phase::Interview { .. } | Phase::Pager { .. } => "q or Esc back",
        };
        format!("{}", style(keys).dim())
    }

    /// The newest notes that fit in `room` rows, oldest first.
    fn recent_notes(&self, room: usize, cols: usize) -> String {
        let mut shown: Vec<String> = Vec::new();
        let mut used = 0;
        for note in self.notes.iter().rev() {
            let wrapped = ui::wrap(note, cols);
            let r = ui::rows(&wrapped, cols);
            if used + r > room && !shown.is_empty() {
                break;
            }
            used += r;
            shown.push(wrapped);
        }
        shown.reverse();
        shown.concat()
    }

    /// Show the current state.
    pub(super) fn draw(&mut self) {
        if self.tty {
            self.draw_terminal();
        } else {
            self.draw_transcript();
        }
    }

    fn draw_terminal(&mut self) {
        let (rows, cols) = Term::stdout().size();
        let (rows, cols) = (rows as usize, cols as usize);
        let phase = ui::wrap(&self.phase_view(), cols);
        let footer = self.footer();
        let mut screen = String::new();
        if matches!(self.phase, Phase::Pager { .. } | Phase::List { .. }) {
            // Full-screen views: nothing else competes for the rows.
            screen.push_str(&phase);
        } else {
            let header = ui::wrap(&self.header(), cols);
            let (body, summary) = self.verdict_parts();
            // The verdict's body gets the rows the rest leaves free, so the
            // header (where the exercise path is), the verdict's summary and
            // the question never scroll away.
            let fixed = ui::rows(&header, cols) + 1 + ui::rows(&phase, cols) + 2;
            let notes = self.recent_notes(rows.saturating_sub(fixed).max(4) / 2, cols);
            let free = rows
                .saturating_sub(fixed + ui::rows(&notes, cols) + ui::rows(&summary, cols))
                .max(6);
            let body = ui::clip(
                &body,
                free,
                cols,
                "make the terminal taller, or see all with `learn run`",
            );
            screen.push_str(&header);
            screen.push('\n');
            screen.push_str(&body);
            screen.push_str(&summary);
            screen.push_str(&notes);
            screen.push_str(&phase);
        }
        let _ = write!(screen, "\n{footer}");
        // Raw mode (while the input thread waits for a key) does not turn
        // "\n" into a new line at column 0: say so explicitly.
        let screen = ui::colour(&screen).replace('\n', "\r\n");
        let mut out = std::io::stdout().lock();
        let _ = write!(out, "\x1b[H\x1b[2J\x1b[3J{screen}");
        let _ = out.flush();
    }

    fn draw_transcript(&mut self) {
        let mut out = String::new();
        if self.printed.step != Some(self.step) {
            self.printed.step = Some(self.step);
            self.printed.phase.clear();
            let _ = writeln!(out, "\n{}", self.header());
        }
        if self.printed.verdict_seq != Some(self.verdict_seq) && self.verdict.is_some() {
            self.printed.verdict_seq = Some(self.verdict_seq);
            out.push_str(&self.verdict_view());
        }
        let new_notes = self.notes.len() > self.printed.notes;
        for note in self.notes.iter().skip(self.printed.notes) {
            let _ = writeln!(out, "{note}");
        }
        self.printed.notes = self.notes.len();
        let phase = self.phase_view();
        // After feedback the question (asked again, or the next) follows it.
        if phase != self.printed.phase || (new_notes && !phase.is_empty()) {
            out.push_str(&phase);
            self.printed.phase = phase;
        }
        if !out.is_empty() {
            print!("{}", ui::colour(&out));
            let _ = std::io::stdout().flush();
        }
    }
}
