//! The screens over the exercise: the step list, the interview questions and
//! the `rustc --explain` pager, and the keys each of them takes.

use anyhow::Result;

use super::{App, Phase, Tok, screen};

impl App {
    pub(super) fn list_input(&mut self, t: Tok, mut typed: String) -> Result<()> {
        let jump = match t {
            // On a terminal a number or a name is typed, then Enter;
            // q on its own goes back.
            Tok::Char(c)
                if self.tty
                    && (c.is_ascii_alphanumeric() || c == '_')
                    && !(typed.is_empty() && c == 'q') =>
            {
                typed.push(c);
                None
            }
            Tok::Backspace => {
                typed.pop();
                None
            }
            Tok::Enter if !typed.is_empty() => Some(typed.clone()),
            Tok::Char(c) if !self.tty && c != 'q' => Some(c.to_string()),
            Tok::Text(s) => Some(s),
            Tok::Char('q') | Tok::Escape | Tok::Enter => return Ok(()),
            _ => None,
        };
        if let Some(target) = jump {
            match self.ctx.resolve(Some(&target)) {
                Ok(i) => return self.open(i),
                Err(_) => {
                    self.note(format!(
                        "No step `{target}`: type a step name or a number from 1 to {}.",
                        self.ctx.course.steps.len()
                    ));
                    typed.clear();
                }
            }
        }
        self.phase = Phase::List { typed };
        Ok(())
    }

    pub(super) fn interview_input(&mut self, t: Tok, index: usize, revealed: bool) {
        let count = self.ctx.course.steps[self.step].interviews.len();
        if matches!(t, Tok::Char('q') | Tok::Escape) {
            return;
        }
        if !revealed {
            self.phase = Phase::Interview {
                index,
                revealed: true,
            };
        } else if index + 1 < count {
            self.phase = Phase::Interview {
                index: index + 1,
                revealed: false,
            };
        }
    }

    pub(super) fn pager_input(&mut self, t: Tok, title: String, lines: Vec<String>, top: usize) {
        let page = screen::page_height();
        let top = match t {
            Tok::Char('q') | Tok::Escape => return,
            Tok::Char(' ' | 'j') | Tok::Down | Tok::Enter => {
                if top + page >= lines.len() {
                    return;
                }
                top + page
            }
            Tok::Char('k' | 'b') | Tok::Up => top.saturating_sub(page),
            _ => top,
        };
        self.phase = Phase::Pager { title, lines, top };
    }

    /// `rustc --explain` for the first error code of the last verdict.
    pub(super) fn explain(&mut self) {
        let Some(code) = self
            .verdict
            .as_ref()
            .and_then(|v| v.error_codes.first().cloned())
        else {
            self.note("The last check reported no error code to explain.".to_owned());
            return;
        };
        let out = std::process::Command::new(&self.runner.toolchain.rustc)
            .args(["--explain", &code])
            .output();
        match out {
            Ok(out) if out.status.success() => {
                let text = String::from_utf8_lossy(&out.stdout).into_owned();
                if !self.tty {
                    // A transcript has no pages: the whole text at once.
                    self.note(format!("rustc --explain {code}\n{}", text.trim_end()));
                    return;
                }
                self.phase = Phase::Pager {
                    title: format!("rustc --explain {code}"),
                    lines: text.lines().map(str::to_owned).collect(),
                    top: 0,
                };
            }
            _ => self.note(format!(
                "`rustc --explain {code}` failed; try it in a terminal."
            )),
        }
    }
}
