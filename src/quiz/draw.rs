//! The quiz on a terminal: a header (where in the quiz), the question with
//! what is typed so far and, after an answer, the feedback; the keys.

use console::style;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::Paragraph;

use super::ask::{Ask, Drill};
use crate::session::Ctx;
use crate::term::{END, scrolled, styled};
use crate::text::wrap;

/// Draw the quiz; `top` is the first row of the question shown (None: the
/// end, where the answer is typed, in view). Returns the first row shown
/// and how many rows the question has on screen, for scrolling.
pub fn screen(frame: &mut Frame, drill: &Drill, ctx: &Ctx, top: Option<usize>) -> (usize, usize) {
    let width = frame.area().width as usize;
    let header = wrap(
        &format!(
            "{}\n{}\n{}",
            style(&ctx.course.title).bold(),
            drill.intro,
            style(drill.heading()).dim()
        ),
        width,
    );
    let header_rows = header.lines().count().clamp(1, 4) as u16;
    let keys = wrap(&style(keys(&drill.ask)).dim().to_string(), width);
    let footer_rows = keys.lines().count().clamp(1, 2) as u16;
    let [h, body, f] = Layout::vertical([
        Constraint::Length(header_rows),
        Constraint::Min(3),
        Constraint::Length(footer_rows),
    ])
    .areas(frame.area());
    frame.render_widget(Paragraph::new(styled(&header)), h);
    frame.render_widget(Paragraph::new(styled(&keys)), f);

    let mut text = drill.prompt();
    match &drill.ask {
        Ask::Mcq { order, selected } if !selected.is_empty() => {
            let mut letters: Vec<char> = selected.iter().map(|&s| order.letter_of(s)).collect();
            letters.sort_unstable();
            text.push_str(&format!(
                "\nSelected: {}",
                letters.into_iter().collect::<String>()
            ));
        }
        Ask::TraceLine { typed } | Ask::InterviewAnswer { typed } => {
            text.push_str(&format!("\n> {typed}▏"));
        }
        Ask::TraceOutput { lines, typed } => {
            text.push('\n');
            for l in lines {
                text.push_str(&format!("  {l}\n"));
            }
            text.push_str(&format!("> {typed}▏"));
        }
        _ => {}
    }
    if let Some(help) = &drill.help {
        text.push_str(&format!("\n{}", style(help).yellow()));
    }
    let shown = scrolled(frame, body, &text, top.unwrap_or(END));
    (shown, body.height as usize)
}

/// The keys of the moment.
fn keys(ask: &Ask) -> &'static str {
    match ask {
        Ask::Mcq { .. } => {
            "a letter answers (select-all: letters, then Enter) · ↑↓ scroll · q stops"
        }
        Ask::TraceCompiles => "y or n · ↑↓ scroll · q stops",
        Ask::TraceLine { .. } => "the line's number, then Enter · ↑↓ scroll · Ctrl-C stops",
        Ask::TraceOutput { .. } => {
            "a line of output, Enter · an empty line ends · `panic` where it panics · ↑↓ scroll · Ctrl-C stops"
        }
        Ask::InterviewAnswer { .. } => {
            "type your answer (or not), then Enter · ↑↓ scroll · Ctrl-C stops"
        }
        Ask::InterviewRate { .. } => "1 again · 2 hard · 3 good · 4 easy · ↑↓ scroll · q stops",
        Ask::Feedback { .. } => "any key: next question · ↑↓ scroll · q stops",
    }
}
