//! The keys of watch mode, per view and phase. On a terminal one key is one
//! press; in a transcript one line is one key, or a whole answer.

use anyhow::Result;

use super::app::{App, END, Phase, Skip, Trigger, View};
use crate::session::Target;
use crate::term::{Input, Key};
use crate::ui;

/// Input normalised across keys and lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    Char(char),
    /// A line of more than one character (no terminal).
    Text(String),
    Enter,
    Escape,
    Backspace,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Quit,
    Resize,
    Other,
}

fn tok(input: Input) -> Tok {
    match input {
        Input::Key(k) => match k {
            Key::Char(c) => Tok::Char(c),
            Key::Enter => Tok::Enter,
            Key::Escape => Tok::Escape,
            Key::Backspace => Tok::Backspace,
            Key::Up => Tok::Up,
            Key::Down => Tok::Down,
            Key::PageUp => Tok::PageUp,
            Key::PageDown => Tok::PageDown,
            Key::Home => Tok::Home,
            Key::End => Tok::End,
            Key::Interrupt => Tok::Quit,
            Key::Tab | Key::Other => Tok::Other,
        },
        Input::Resize => Tok::Resize,
        Input::Closed => Tok::Quit,
        Input::Line(line) => {
            let t = line.trim();
            let mut chars = t.chars();
            match (chars.next(), chars.next()) {
                (None, _) => Tok::Enter,
                (Some(c), None) => Tok::Char(c),
                _ => Tok::Text(t.to_owned()),
            }
        }
    }
}

/// Rows a page of scrolling moves.
fn page() -> usize {
    crossterm::terminal::size().map_or(10, |(_, rows)| (rows as usize).saturating_sub(12).max(3))
}

/// A scroll position moved by a key; None when the key does not scroll.
fn scroll(top: usize, t: &Tok) -> Option<usize> {
    Some(match t {
        Tok::Up => top.saturating_sub(1),
        Tok::Down => top + 1,
        Tok::PageUp => top.saturating_sub(page()),
        Tok::PageDown | Tok::Char(' ') => top + page(),
        Tok::Home => 0,
        Tok::End => END,
        _ => return None,
    })
}

impl App {
    /// Where a scroll key moves from: the row shown first, also when the
    /// end is being followed.
    fn view_top(&self) -> usize {
        if self.top >= END {
            self.shown_top
        } else {
            self.top
        }
    }

    pub fn on_input(&mut self, input: Input) -> Result<()> {
        let t = tok(input);
        match t {
            Tok::Quit => {
                self.quit = true;
                return Ok(());
            }
            Tok::Resize => return Ok(()),
            _ => {}
        }
        match std::mem::replace(&mut self.view, View::Main) {
            View::Welcome => {}
            View::Lesson { top } => {
                if let Some(top) = scroll(top, &t) {
                    self.view = View::Lesson { top };
                } else if !matches!(t, Tok::Char('q' | 't') | Tok::Escape) {
                    self.view = View::Lesson { top };
                }
            }
            View::Explain { title, text, top } => {
                // Only q or Esc close it: a reflexive q never quits learn here.
                let top = match scroll(top, &t) {
                    Some(top) => top,
                    None if matches!(t, Tok::Char('q') | Tok::Escape) => return self.back(),
                    None => top,
                };
                self.view = View::Explain { title, text, top };
            }
            View::Interview { index, revealed } => self.interview_input(t, index, revealed),
            View::List {
                filter,
                selected,
                top,
            } => self.list_input(t, filter, selected, top)?,
            View::Main => match self.phase.clone() {
                Phase::Editing => self.editing_input(t)?,
                Phase::Questions(_) => self.question_input(t)?,
                Phase::Done => self.done_input(t)?,
                Phase::Confirm(skip) => self.confirm_input(t, skip)?,
            },
        }
        self.back()
    }

    /// Back on the main view: questions that waited start.
    fn back(&mut self) -> Result<()> {
        self.start_waiting_questions()
    }

    fn editing_input(&mut self, t: Tok) -> Result<()> {
        let step = self.ctx.course.steps[self.target.step].clone();
        match t {
            Tok::Char('q') => self.quit = true,
            Tok::Char('r') => self.start_check(Trigger::Recheck),
            Tok::Char('h') => match self.ctx.next_hint(self.target)? {
                Some(hint) => self.note(
                    "hint",
                    format!(
                        "Hint {}/{}: {}{}",
                        hint.index + 1,
                        hint.total,
                        ui::prose(&hint.text),
                        if hint.is_last() {
                            " (the last hint of this exercise)"
                        } else {
                            ""
                        }
                    ),
                ),
                None => self.note("hint", "This exercise has no hints.".to_owned()),
            },
            Tok::Char('l') => {
                if !self.tty {
                    let list = self.list_text();
                    self.say(&list);
                }
                // After a note about a save of another step's file, that
                // step is the one chosen.
                let selected = self.saved_elsewhere.take().unwrap_or(self.target.step);
                self.view = View::List {
                    filter: String::new(),
                    selected,
                    top: 0,
                };
            }
            Tok::Char('t') => {
                if self.tty {
                    self.view = View::Lesson { top: 0 };
                } else {
                    let lesson = ui::lesson(&step);
                    self.say(&lesson);
                }
            }
            Tok::Char('i') => {
                if step.interviews.is_empty() {
                    self.note("keys", "This step has no interview questions.".to_owned());
                } else if self.tty {
                    self.view = View::Interview {
                        index: 0,
                        revealed: false,
                    };
                } else {
                    for (i, q) in step.interviews.iter().enumerate() {
                        let text = format!(
                            "Interview question {}/{}: {}\nModel answer:\n{}",
                            i + 1,
                            step.interviews.len(),
                            ui::prose(&q.question),
                            ui::answer(&q.answer)
                        );
                        self.say(&text);
                    }
                }
            }
            Tok::Char('e') => self.explain(),
            Tok::Char('o') => {
                if self.tty {
                    let e = &step.exercises[self.target.exercise];
                    self.editor = Some(self.ctx.course.exercise_path(e));
                } else {
                    self.note(
                        "keys",
                        "o opens the exercise in your editor on a terminal.".to_owned(),
                    );
                }
            }
            Tok::Char('n') => self.next()?,
            Tok::Enter | Tok::Escape => {}
            t => {
                if let Some(top) = scroll(self.view_top(), &t) {
                    self.top = top;
                } else {
                    self.note(
                        "keys",
                        "Keys: h hint, t lesson, l list, i interview, e explain error, o editor, r re-check, n next, q quit."
                            .to_owned(),
                    );
                }
            }
        }
        Ok(())
    }

    /// `n`: the next exercise of the step, or the next step; asks first when
    /// the current one is not finished.
    fn next(&mut self) -> Result<()> {
        let step = &self.ctx.course.steps[self.target.step];
        let p = self.ctx.progress();
        let cur = self.target.exercise;
        if p.is_done(step) {
            return self.open_next_step(false);
        }
        if p.exercise(step, cur).passed
            && let Some(j) = self.next_open_exercise()
        {
            return self.open(Target {
                step: self.target.step,
                exercise: j,
            });
        }
        if cur + 1 < step.exercises.len() && !p.exercise(step, cur).passed {
            self.phase = Phase::Confirm(Skip::Exercise);
            self.say(&format!(
                "This exercise does not pass yet. Go to exercise {}/{} anyway? (y/n)",
                cur + 2,
                step.exercises.len()
            ));
            return Ok(());
        }
        self.phase = Phase::Confirm(Skip::Step);
        self.say("This step is not done yet. Skip to the next step anyway? (y/n)");
        Ok(())
    }

    fn confirm_input(&mut self, t: Tok, skip: Skip) -> Result<()> {
        self.phase = Phase::Editing;
        if !matches!(t, Tok::Char('y' | 'Y')) {
            self.note("skip", "Staying on this step.".to_owned());
            return Ok(());
        }
        match skip {
            Skip::Step => self.open_next_step(true),
            Skip::Exercise => self.open(Target {
                step: self.target.step,
                exercise: self.target.exercise + 1,
            }),
        }
    }

    fn question_input(&mut self, t: Tok) -> Result<()> {
        let Phase::Questions(mut q) = self.phase.clone() else {
            return Ok(());
        };
        if q.reading {
            // After an answer a key moves on, so the why is read first.
            q.reading = false;
            q.feedback = None;
            self.phase = Phase::Questions(q);
            return Ok(());
        }
        let Some(&i) = q.queue.front() else {
            return Ok(());
        };
        let mcq = self.ctx.course.steps[self.target.step].mcqs[i].clone();
        let last = crate::course::index_letter(mcq.choices.len() - 1);
        match t {
            // Several letters at once: a whole answer (a transcript's line).
            Tok::Text(s) => match q.order.answer(&mcq, &s) {
                Some(picked) => return self.answer(picked),
                None => self.note(
                    "answer",
                    format!("`{s}` is not an answer: use letters from a to {last}."),
                ),
            },
            Tok::Char(c) if c.is_ascii_alphabetic() => {
                let Some(picked) = q.order.parse(&c.to_string()) else {
                    if c == 'q' {
                        self.quit = true;
                    } else {
                        self.note("answer", format!("Answer with a letter from a to {last}."));
                    }
                    return Ok(());
                };
                if !mcq.multi || !self.tty {
                    return self.answer(picked);
                }
                // Select-all on a terminal: letters toggle, Enter answers.
                let choice = picked[0];
                if let Some(at) = q.selected.iter().position(|&s| s == choice) {
                    q.selected.remove(at);
                } else {
                    q.selected.push(choice);
                }
                self.phase = Phase::Questions(q);
            }
            Tok::Backspace => {
                q.selected.pop();
                self.phase = Phase::Questions(q);
            }
            Tok::Enter if mcq.multi && !q.selected.is_empty() => {
                let mut picked = q.selected.clone();
                picked.sort_unstable();
                return self.answer(picked);
            }
            t => {
                if let Some(top) = scroll(self.view_top(), &t) {
                    self.top = top;
                }
            }
        }
        Ok(())
    }

    fn done_input(&mut self, t: Tok) -> Result<()> {
        if let Tok::Char(c @ '1'..='4') = t {
            let rating = c as u8 - b'0';
            self.ctx.rate_confidence(self.target.step, rating)?;
            let name = self.ctx.course.steps[self.target.step].name.clone();
            self.say(&format!("Confidence for `{name}` recorded: {rating}/4."));
        } else if t == Tok::Char('q') {
            self.quit = true;
            return Ok(());
        }
        self.open_next_step(false)
    }

    fn list_input(
        &mut self,
        t: Tok,
        mut filter: String,
        selected: usize,
        top: usize,
    ) -> Result<()> {
        if !self.tty {
            // A transcript: the line names the step (or STEP/N) to jump to.
            let spec = match t {
                Tok::Char(c) => c.to_string(),
                Tok::Text(s) => s,
                _ => return Ok(()),
            };
            match self.ctx.resolve(Some(&spec)) {
                Ok(target) => return self.open(target),
                Err(_) => {
                    self.note(
                        "list",
                        format!(
                            "No step `{spec}`: type a step name or a number from 1 to {}.",
                            self.ctx.course.steps.len()
                        ),
                    );
                    self.view = View::List {
                        filter,
                        selected,
                        top,
                    };
                    return Ok(());
                }
            }
        }
        let matches = self.list_matches(&filter);
        let at = matches.iter().position(|&i| i == selected).unwrap_or(0);
        let selected = match t {
            Tok::Escape => return Ok(()),
            Tok::Char('q') if filter.is_empty() => return Ok(()),
            Tok::Enter => {
                if let Some(&i) = matches.get(at) {
                    let exercise = self
                        .ctx
                        .progress()
                        .current_exercise(&self.ctx.course.steps[i]);
                    return self.open(Target { step: i, exercise });
                }
                selected
            }
            Tok::Up => matches
                .get(at.saturating_sub(1))
                .copied()
                .unwrap_or(selected),
            Tok::Down => matches
                .get((at + 1).min(matches.len().saturating_sub(1)))
                .copied()
                .unwrap_or(selected),
            Tok::PageUp => matches
                .get(at.saturating_sub(page()))
                .copied()
                .unwrap_or(selected),
            Tok::PageDown => matches
                .get((at + page()).min(matches.len().saturating_sub(1)))
                .copied()
                .unwrap_or(selected),
            Tok::Backspace => {
                filter.pop();
                self.list_matches(&filter)
                    .first()
                    .copied()
                    .unwrap_or(selected)
            }
            Tok::Char(c) if c.is_alphanumeric() || c == '_' || c == ' ' => {
                filter.push(c);
                self.list_matches(&filter)
                    .first()
                    .copied()
                    .unwrap_or(selected)
            }
            _ => selected,
        };
        self.view = View::List {
            filter,
            selected,
            top,
        };
        Ok(())
    }

    /// The steps a list filter keeps: by number, or by name, title or topic.
    pub fn list_matches(&self, filter: &str) -> Vec<usize> {
        let f = filter.trim().to_lowercase();
        self.ctx
            .course
            .steps
            .iter()
            .enumerate()
            .filter(|(i, s)| {
                f.is_empty()
                    || (i + 1).to_string().starts_with(&f)
                    || s.name.contains(&f)
                    || s.title.to_lowercase().contains(&f)
                    || s.topic.to_lowercase().contains(&f)
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The list, for a transcript.
    fn list_text(&self) -> String {
        let course = &self.ctx.course;
        let p = self.ctx.progress();
        let mut text = String::new();
        for (i, s) in course.steps.iter().enumerate() {
            let mark = if i == self.target.step { ">" } else { " " };
            let state = if p.is_done(s) { "done" } else { "" };
            text.push_str(&format!("{mark} {:>2} {:<24} {state}\n", i + 1, s.name));
        }
        text.push_str(
            "Type a step number or name and Enter to jump there (an empty line goes back).\n",
        );
        text
    }

    fn interview_input(&mut self, t: Tok, index: usize, revealed: bool) {
        let count = self.ctx.course.steps[self.target.step].interviews.len();
        if matches!(t, Tok::Char('q') | Tok::Escape) {
            return;
        }
        self.view = if !revealed {
            View::Interview {
                index,
                revealed: true,
            }
        } else if index + 1 < count {
            View::Interview {
                index: index + 1,
                revealed: false,
            }
        } else {
            View::Interview { index, revealed }
        };
    }

    /// `rustc --explain` for the first error code of the last verdict.
    fn explain(&mut self) {
        let Some(code) = self
            .verdict
            .as_ref()
            .and_then(|v| v.error_codes.first().cloned())
        else {
            self.note(
                "keys",
                "The last check reported no error code to explain.".to_owned(),
            );
            return;
        };
        let out = std::process::Command::new(&self.runner.toolchain.rustc)
            .args(["--explain", &code])
            .stdin(std::process::Stdio::null())
            .output();
        match out {
            Ok(out) if out.status.success() => {
                let text = String::from_utf8_lossy(&out.stdout).into_owned();
                let title = format!("rustc --explain {code}");
                if self.tty {
                    self.view = View::Explain {
                        title,
                        text,
                        top: 0,
                    };
                } else {
                    // A transcript has no pages: the whole text at once.
                    self.say(&format!("{title}\n{}", text.trim_end()));
                }
            }
            _ => self.note(
                "keys",
                format!("`rustc --explain {code}` failed; try it in a terminal."),
            ),
        }
    }
}
