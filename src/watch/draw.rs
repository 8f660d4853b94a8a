//! Drawing watch mode on a terminal: the screen is a function of the state,
//! laid out in regions that always fit: the header (course, progress, step,
//! exercise), the lesson summary, the main region (verdict or question,
//! scrolled), the notes and the footer with the keys.

use console::style;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Paragraph;

use super::app::{App, Phase, View};
use crate::term::{scrolled, styled};
use crate::text::{visible, wrap};
use crate::ui;

pub fn screen(frame: &mut Frame, app: &mut App) {
    let area = frame.area();
    let width = area.width as usize;
    let header = header(app, width);
    let header_rows = header.lines().count() as u16;
    let footer = wrap(&footer(app), width);
    let footer_rows = footer.lines().count().clamp(1, 2) as u16;
    match app.view.clone() {
        View::Main => {
            let summary = summary(app, width);
            // Notes get up to a quarter of the screen (3 to 8 rows).
            let notes = notes(app, width, (area.height as usize / 4).clamp(3, 8));
            let [h, s, body, n, f] = Layout::vertical([
                Constraint::Length(header_rows),
                Constraint::Length(summary.lines().count() as u16),
                Constraint::Min(3),
                Constraint::Length(notes.lines().count() as u16),
                Constraint::Length(footer_rows),
            ])
            .areas(area);
            text(frame, h, &header);
            text(frame, s, &summary);
            main(frame, body, app);
            text(frame, n, &notes);
            text(frame, f, &footer);
        }
        view => {
            let [h, body, f] = Layout::vertical([
                Constraint::Length(header_rows),
                Constraint::Min(3),
                Constraint::Length(footer_rows),
            ])
            .areas(area);
            text(frame, h, &header);
            full_view(frame, body, app, view);
            text(frame, f, &footer);
        }
    }
}

/// Lines cut to the region (no wrapping).
fn text(frame: &mut Frame, area: Rect, ansi: &str) {
    frame.render_widget(Paragraph::new(styled(ansi)), area);
}

/// The course, the progress, the step (its heading wrapped to two rows at
/// most) and the exercise's path (not while the step's questions are asked).
fn header(app: &App, width: usize) -> String {
    let course = &app.ctx.course;
    let p = app.ctx.progress();
    let step = &course.steps[app.target.step];
    let exercise = &step.exercises[app.target.exercise];
    let done = p.done_count(course);
    let total = course.steps.len();
    let mut path = format!("{}", style(exercise.path.display()).bold());
    if let Some(note) = &app.poll_note {
        path.push_str(&format!("  {}", style(note).yellow()));
    }
    // While its questions are asked, the step's title is enough: the
    // exercise's details and path give their rows to the question.
    let asking = matches!(app.phase, Phase::Questions(_) | Phase::Done);
    let heading = if asking {
        format!(
            "{} {}",
            style(format!("Step {}/{total}:", app.target.step + 1)).bold(),
            style(&step.title).bold().cyan()
        )
    } else {
        ui::step_heading(course, app.target.step, app.target.exercise)
    };
    // Two rows at most; a cut heading ends in "…".
    let wrapped = wrap(&heading, width.saturating_sub(1).max(1));
    let mut heading: Vec<String> = wrapped.lines().take(2).map(str::to_owned).collect();
    if wrapped.lines().count() > 2
        && let Some(last) = heading.last_mut()
    {
        last.push('…');
    }
    let mut text = format!(
        "{}\n{} step {}/{total}, {}% done\n{}",
        style(&course.title).bold(),
        ui::bar(done, total, 24),
        app.target.step + 1,
        (done * 100).checked_div(total).unwrap_or(0),
        heading.join("\n"),
    );
    if !asking {
        text.push_str(&format!("\n{path}"));
    }
    text
}

/// The lesson's summary, at most three lines, with the key to the rest.
fn summary(app: &App, width: usize) -> String {
    // A question (or the done screen) needs the rows, and there `t` is not
    // the lesson key: letters answer.
    if matches!(app.phase, Phase::Questions(_) | Phase::Done) {
        return String::new();
    }
    let step = &app.ctx.course.steps[app.target.step];
    let summary = ui::lesson_summary(step);
    if summary.is_empty() {
        return String::new();
    }
    let key = style("(t: the whole lesson)").dim().to_string();
    let wrapped = wrap(&format!("{summary} {key}"), width);
    if wrapped.lines().count() <= 3 {
        return wrapped;
    }
    // Cut the summary, never the key to the rest.
    let mut words: Vec<&str> = summary.split(' ').collect();
    while !words.is_empty() {
        words.pop();
        let cut = wrap(&format!("{}… {key}", words.join(" ")), width);
        if cut.lines().count() <= 3 {
            return cut;
        }
    }
    key
}

/// The newest notes that fit in `rows`, oldest first.
/// The newest notes that fit in `rows`, oldest first. A note too long for
/// the rows left ends in "…" where it is cut, and older notes that do not
/// fit are left out (they were shown when they came).
fn notes(app: &App, width: usize, rows: usize) -> String {
    let mut shown: Vec<String> = Vec::new();
    let mut used = 0;
    for note in app.notes.iter().rev() {
        // Room for the "…" if it comes to that.
        let wrapped = wrap(&note.text, width.saturating_sub(1).max(1));
        let lines: Vec<&str> = wrapped.lines().collect();
        let yellow = |lines: &[&str]| {
            lines
                .iter()
                .map(|l| style(l).yellow().to_string())
                .collect::<Vec<_>>()
                .join("\n")
        };
        if used + lines.len() > rows {
            if shown.is_empty() {
                // A long note: its first lines, and the sign of the cut.
                shown.push(format!("{}{}", yellow(&lines[..rows]), style("…").yellow()));
            }
            break;
        }
        used += lines.len();
        shown.push(yellow(&lines));
    }
    shown.reverse();
    shown.join("\n")
}

fn footer(app: &App) -> String {
    let keys = match (&app.view, &app.phase) {
        (View::Welcome, _) => "any key: start",
        (View::Lesson { .. }, _) => "↑↓ PgUp PgDn scroll · t, q or Esc: back",
        (View::Explain { .. }, _) => "↑↓ PgUp PgDn scroll · q or Esc: back",
        (View::Interview { .. }, _) => "Enter: model answer, next · q or Esc: back",
        (View::List { .. }, _) => "type to filter · ↑↓ select · Enter: go · Esc: back",
        (View::Main, Phase::Questions(q)) if q.reading => "any key: next question",
        (View::Main, Phase::Questions(_)) => "a letter answers · ↑↓ scroll · Ctrl-C quits",
        (View::Main, Phase::Done)
            if app
                .ctx
                .progress()
                .next_open(&app.ctx.course, app.target.step)
                .is_none() =>
        {
            "1-4: rate · any key: go on"
        }
        (View::Main, Phase::Done) => "1-4: rate, then the next step · any key: next step",
        (View::Main, Phase::Confirm(_)) => "y: go on · any other key: stay",
        (View::Main, Phase::Editing) => {
            // Only the keys that lead somewhere in this step.
            let step = &app.ctx.course.steps[app.target.step];
            let codes = app
                .verdict
                .as_ref()
                .is_some_and(|v| !v.error_codes.is_empty());
            // A key and its word never part at the end of a row.
            let keys: Vec<String> = [
                ("h hint", true),
                ("t lesson", !step.lesson.trim().is_empty()),
                ("l list", true),
                ("i interview", !step.interviews.is_empty()),
                ("e explain", codes),
                ("o editor", true),
                ("r re-check", true),
                ("n next", true),
                ("q quit", true),
            ]
            .into_iter()
            .filter(|&(_, shown)| shown)
            .map(|(key, _)| key.replace(' ', "\u{a0}"))
            .collect();
            return style(keys.join(" · ")).dim().to_string();
        }
    };
    style(keys).dim().to_string()
}

/// The main region: the verdict (its body scrolls, its summary stays), or
/// the question, or the done screen.
fn main(frame: &mut Frame, area: Rect, app: &mut App) {
    let step = app.ctx.course.steps[app.target.step].clone();
    match app.phase.clone() {
        Phase::Questions(q) => {
            let mut text = String::new();
            if let (Some(feedback), true) = (&q.feedback, q.reading) {
                text.push_str(feedback);
                text.push('\n');
            }
            if q.reading {
                text.push_str(&format!(
                    "{}\n",
                    style("Press any key for the next question.").dim()
                ));
            } else if let Some(&i) = q.queue.front() {
                let mcq = &step.mcqs[i];
                text.push_str(&format!(
                    "{}\n",
                    style(format!("Question ({} to go)", q.queue.len())).dim()
                ));
                text.push_str(&ui::mcq(mcq, &q.order));
                if mcq.multi {
                    let mut picked: Vec<char> =
                        q.selected.iter().map(|&s| q.order.letter_of(s)).collect();
                    picked.sort_unstable();
                    text.push_str(&format!(
                        "Selected: {}\n",
                        picked.into_iter().collect::<String>()
                    ));
                }
                text.push_str(&style(ui::mcq_help(mcq)).dim().to_string());
            }
            follow(app, scrolled(frame, area, &text, app.top));
        }
        Phase::Done => {
            let text = match &app.last_feedback {
                Some(feedback) => format!("{feedback}\n{}", app.done_text()),
                None => app.done_text(),
            };
            follow(app, scrolled(frame, area, &text, app.top));
        }
        Phase::Editing | Phase::Confirm(_) => {
            let exercise = &step.exercises[app.target.exercise];
            let (body, mut summary) = match &app.verdict {
                Some(v) => ui::verdict_parts(&app.ctx.course, &step, exercise, v, &app.ctx.limits),
                None if app.checking.is_some() => {
                    (format!("{}\n", style("Checking…").dim()), String::new())
                }
                None => (String::new(), String::new()),
            };
            if app.verdict.is_some() && app.checking.is_some() {
                // A save (or `r`) is being checked: what is shown is older.
                summary.insert_str(
                    0,
                    &format!(
                        "{}\n",
                        style("Checking… (the result shown is from before)").yellow()
                    ),
                );
            }
            if let Phase::Confirm(skip) = app.phase {
                summary.push_str(&match skip {
                    super::app::Skip::Step => {
                        "This step is not done yet. Skip to the next step anyway? (y/n)\n"
                            .to_owned()
                    }
                    super::app::Skip::Exercise => {
                        "This exercise does not pass yet. Go to the next exercise anyway? (y/n)\n"
                            .to_owned()
                    }
                });
            }
            let summary = wrap(summary.trim_end(), area.width as usize);
            let rows = (summary.lines().count() as u16).min(area.height.saturating_sub(1));
            let [b, s] =
                Layout::vertical([Constraint::Min(1), Constraint::Length(rows)]).areas(area);
            follow(app, scrolled(frame, b, &body, app.top));
            text(frame, s, &summary);
        }
    }
}

/// Keep what a draw showed: where it started and, unless the learner asked
/// to follow the end (End), that place as the one to keep.
fn follow(app: &mut App, shown: usize) {
    app.shown_top = shown;
    if app.top < super::app::END {
        app.top = shown;
    }
}

/// The views over the step: welcome, lesson, list, explain, interview.
fn full_view(frame: &mut Frame, area: Rect, app: &mut App, view: View) {
    let step = app.ctx.course.steps[app.target.step].clone();
    match view {
        View::Main => {}
        View::Welcome => {
            let welcome = app.ctx.course.welcome.clone().unwrap_or_default();
            scrolled(frame, area, &ui::prose(&welcome), 0);
        }
        View::Lesson { top } => {
            let text = format!(
                "{}\n\n{}",
                style(&step.title).bold().cyan(),
                ui::lesson(&step)
            );
            let top = scrolled(frame, area, &text, top);
            app.view = View::Lesson { top };
        }
        View::Explain { title, text, top } => {
            let shown = format!("{}\n{}", style(&title).bold(), visible(&text, false));
            let top = scrolled(frame, area, &shown, top);
            app.view = View::Explain { title, text, top };
        }
        View::Interview { index, revealed } => {
            let q = &step.interviews[index];
            let mut text = format!(
                "{}\n{}\n",
                style(format!(
                    "Interview question {}/{}",
                    index + 1,
                    step.interviews.len()
                ))
                .bold(),
                ui::prose(&q.question)
            );
            if revealed {
                text.push_str(&format!(
                    "\n{}\n{}\n",
                    style("Model answer:").bold(),
                    ui::answer(&q.answer)
                ));
                if index + 1 == step.interviews.len() {
                    text.push_str(&format!("{}\n", style("That was the last one.").dim()));
                }
            } else {
                text.push_str(&format!(
                    "{}\n",
                    style("Answer aloud, then press Enter to see the model answer.").dim()
                ));
            }
            scrolled(frame, area, &text, 0);
        }
        View::List {
            filter,
            selected,
            top,
        } => {
            let top = list(frame, area, app, &filter, selected, top);
            app.view = View::List {
                filter,
                selected,
                top,
            };
        }
    }
}

/// The step list: number, title, topic and state; the selected line kept in
/// view. Returns the first line shown.
fn list(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    filter: &str,
    selected: usize,
    top: usize,
) -> usize {
    let course = &app.ctx.course;
    let p = app.ctx.progress();
    let matches = app.list_matches(filter);
    let mut head = format!("Filter: {filter}{}", style("▏").dim());
    if matches.is_empty() {
        head.push_str(&format!(
            "  {}",
            style(format!(
                "No step matches `{filter}`: Backspace to change it."
            ))
            .red()
        ));
    }
    let [h, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    text(frame, h, &head);
    let rows = body.height as usize;
    let at = matches.iter().position(|&i| i == selected).unwrap_or(0);
    let top = if at < top {
        at
    } else if at >= top + rows {
        at + 1 - rows
    } else {
        top
    };
    let width = area.width as usize;
    // Columns: mark and number, title, topic, state ("current" is the
    // widest); the title gets what is left and is cut with "…".
    let topic_w = matches
        .iter()
        .map(|&i| console::measure_text_width(&course.steps[i].topic))
        .max()
        .unwrap_or(0)
        .min(14);
    let longest = matches
        .iter()
        .map(|&i| console::measure_text_width(&course.steps[i].title))
        .max()
        .unwrap_or(0);
    let title_w = longest
        .min(width.saturating_sub(5 + 1 + topic_w + 1 + 7))
        .max(8);
    let pad = |text: &str, w: usize| {
        console::pad_str(text, w, console::Alignment::Left, Some("…")).into_owned()
    };
    let mut lines = Vec::new();
    for &i in matches.iter().skip(top).take(rows) {
        let s = &course.steps[i];
        let state = if p.is_done(s) {
            style("done").green()
        } else if p.exercises_passed(s) {
            style("passed").yellow()
        } else if i == app.target.step {
            style("current").cyan()
        } else {
            style("").dim()
        };
        let mark = if i == selected { "›" } else { " " };
        let line = format!(
            "{mark}{:>3} {} {} {state}",
            i + 1,
            pad(&s.title, title_w),
            pad(&s.topic, topic_w)
        );
        let line = console::truncate_str(&line, width, "…").into_owned();
        lines.push(if i == selected {
            style(line).reverse().to_string()
        } else {
            line
        });
    }
    let more = matches.len().saturating_sub(top + rows);
    if more > 0 && !lines.is_empty() {
        let last = lines.len() - 1;
        lines[last] = style(format!("  ↓ {more} more below")).dim().to_string();
    }
    text(frame, body, &lines.join("\n"));
    top
}
