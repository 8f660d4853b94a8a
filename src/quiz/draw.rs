//! The quiz on a terminal: a header (where in the quiz), the question with
//! what is typed so far and, after an answer, the feedback; the keys.

use console::style;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::Paragraph;

use super::ask::{Ask, Drill};
use crate::session::Ctx;
use crate::term::{scrolled, styled};

pub fn screen(frame: &mut Frame, drill: &Drill, ctx: &Ctx) {
    let [h, body, f] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    let header = format!(
        "{}\n{}\n{}",
        style(&ctx.course.title).bold(),
        drill.intro,
        style(drill.heading()).dim()
    );
    frame.render_widget(Paragraph::new(styled(&header)), h);

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
    // Keep the end (what is being typed, the last feedback) in view.
    scrolled(frame, body, &text, usize::MAX / 2);

    let keys = match &drill.ask {
        Ask::Mcq { .. } => "a letter answers (select-all: letters, then Enter) · q stops",
        Ask::TraceCompiles => "y or n · q stops",
        Ask::TraceLine { .. } => "the line's number, then Enter · Ctrl-C stops",
        Ask::TraceOutput { .. } => {
            "a line of output, Enter · an empty line ends · `panic` where it panics · Ctrl-C stops"
        }
        Ask::InterviewAnswer { .. } => "type your answer (or not), then Enter · Ctrl-C stops",
        Ask::InterviewRate => "1 again · 2 hard · 3 good · 4 easy · q stops",
        Ask::Feedback { .. } => "any key: next question · q stops",
    };
    frame.render_widget(Paragraph::new(styled(&style(keys).dim().to_string())), f);
}
