//! Asking the questions of one quiz: a state machine fed with keys or lines.
//! MCQ and tracing answers are graded (right: good, wrong: again; the right
//! verdict of a program with the wrong line: hard); an interview answer is
//! rated by the learner. Only the first answer to a question in a sitting
//! moves its schedule: a missed question that comes back is practice.

use anyhow::Result;
use console::style;

use crate::course::{Course, Interview, Kind, Mcq, Question, Trace, index_letter};
use crate::grade::{self, Order, TraceAnswer, TraceGrade};
use crate::schedule::{Queue, Rating, until};
use crate::session::{Ctx, now};
use crate::term::{Input, Key};
use crate::text::plural;
use crate::ui;

/// What the learner is asked right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// Choices toggled so far (select-all on a terminal), by index in the MCQ.
    Mcq {
        order: Order,
        selected: Vec<usize>,
    },
    TraceCompiles,
    /// "Which line does rustc reject?": the digits typed so far.
    TraceLine {
        typed: String,
    },
    /// "What does it print?": the lines so far and the one being typed.
    TraceOutput {
        lines: Vec<String>,
        typed: String,
    },
    InterviewAnswer {
        typed: String,
    },
    /// The model answer is shown, with what the learner typed.
    InterviewRate {
        yours: String,
    },
    /// The answer's feedback; on a terminal a key moves on.
    Feedback {
        text: String,
    },
}

pub struct Drill<'c> {
    course: &'c Course,
    queue: Queue<Question<'c>>,
    /// The question asked, and how often it came back already.
    pub current: Option<(Question<'c>, u32)>,
    pub ask: Ask,
    pub asked: usize,
    pub right: usize,
    seed: u64,
    tty: bool,
    stopped: bool,
    /// A one-line help after input that was not an answer.
    pub help: Option<String>,
    pub intro: String,
    transcript: String,
}

impl<'c> Drill<'c> {
    pub fn new(
        course: &'c Course,
        queue: Queue<Question<'c>>,
        seed: u64,
        tty: bool,
        intro: String,
    ) -> Drill<'c> {
        Drill {
            course,
            queue,
            current: None,
            ask: Ask::TraceCompiles,
            asked: 0,
            right: 0,
            seed,
            tty,
            stopped: false,
            help: None,
            intro,
            transcript: String::new(),
        }
    }

    pub fn finished(&self) -> bool {
        self.stopped || (self.current.is_none() && self.queue.is_empty())
    }

    fn say(&mut self, text: &str) {
        if !self.tty {
            self.transcript.push_str(text);
            if !text.ends_with('\n') {
                self.transcript.push('\n');
            }
        }
    }

    pub fn take_transcript(&mut self) -> String {
        std::mem::take(&mut self.transcript)
    }

    pub fn start(&mut self, _ctx: &mut Ctx) -> Result<()> {
        let intro = self.intro.clone();
        self.say(&intro);
        let how = if self.tty {
            "q (or Ctrl-C) stops the quiz; every answer is saved as you go."
        } else {
            "One answer per line; the end of input stops the quiz."
        };
        self.say(&style(how).dim().to_string());
        self.next();
        Ok(())
    }

    /// Ask the next question, if any.
    fn next(&mut self) {
        self.help = None;
        let Some((q, returns)) = self.queue.pop() else {
            self.current = None;
            return;
        };
        self.current = Some((q, returns));
        self.ask = match q.kind {
            Kind::Mcq(mcq) => Ask::Mcq {
                order: Order::new(mcq, self.seed, returns),
                selected: Vec::new(),
            },
            Kind::Trace(_) => Ask::TraceCompiles,
            Kind::Interview(_) => Ask::InterviewAnswer {
                typed: String::new(),
            },
        };
        let heading = self.heading();
        self.say(&format!("\n{}", style(heading).dim()));
        let prompt = self.prompt();
        self.say(&prompt);
    }

    /// "── 3/10 · ownership · moves · tracing · again"
    pub fn heading(&self) -> String {
        let Some((q, returns)) = self.current else {
            return String::new();
        };
        let step = &self.course.steps[q.step];
        let again = if returns > 0 { " · again" } else { "" };
        // While its feedback shows, the question is counted as asked.
        let asked = match self.ask {
            Ask::Feedback { .. } => self.asked,
            _ => self.asked + 1,
        };
        format!(
            "── {asked}/{} · {} · {} · {}{again}",
            asked + self.queue.len(),
            step.topic,
            step.name,
            q.kind_name()
        )
    }

    /// The question and what is asked of the learner now.
    pub fn prompt(&self) -> String {
        let Some((q, _)) = self.current else {
            return String::new();
        };
        match (&self.ask, q.kind) {
            (Ask::Mcq { order, .. }, Kind::Mcq(mcq)) => {
                format!("{}{}", ui::mcq(mcq, order), style(ui::mcq_help(mcq)).dim())
            }
            (Ask::TraceCompiles, Kind::Trace(t)) => {
                format!("{}Does this program compile? (y/n)", ui::trace(t))
            }
            (Ask::TraceLine { .. }, Kind::Trace(t)) => format!(
                "{}Which line does rustc reject? (its number, counting from 1, then Enter)",
                if self.tty {
                    ui::trace(t)
                } else {
                    String::new()
                }
            ),
            (Ask::TraceOutput { .. }, Kind::Trace(t)) => format!(
                "{}What does it print? Type the output line by line and end with an empty line. \
                 If the program ends in a panic, type `panic` on the line where it panics \
                 (a spawned thread that panics while main goes on is not the program panicking).",
                if self.tty {
                    ui::trace(t)
                } else {
                    String::new()
                }
            ),
            (Ask::InterviewAnswer { .. }, Kind::Interview(iv)) => format!(
                "{}\n{}",
                style(ui::prose(&iv.question)).bold(),
                style(
                    "Answer aloud or type your answer, then press Enter to see the model answer."
                )
                .dim()
            ),
            (Ask::InterviewRate { yours }, Kind::Interview(iv)) => format!(
                "{}\n{}{}\n{}\nHow well did you recall it? 1 again, 2 hard, 3 good, 4 easy",
                style(ui::prose(&iv.question)).bold(),
                your_answer(yours),
                style("Model answer:").bold(),
                ui::answer(&iv.answer)
            ),
            (Ask::Feedback { text }, _) => text.clone(),
            _ => String::new(),
        }
    }

    pub fn on_input(&mut self, ctx: &mut Ctx, input: Input) -> Result<()> {
        let Some((q, _)) = self.current else {
            return Ok(());
        };
        let (key, line) = match input {
            Input::Resize => return Ok(()),
            Input::Closed | Input::Key(Key::Interrupt) => {
                // The end of input ends output typed so far; else the quiz stops.
                if let (Ask::TraceOutput { lines, .. }, false) = (&self.ask, self.tty)
                    && !lines.is_empty()
                {
                    let out = lines.join("\n");
                    return self.trace_answered(ctx, TraceAnswer::Prints(out), true);
                }
                self.stopped = true;
                return Ok(());
            }
            Input::Key(k) => (Some(k), None),
            Input::Line(l) => (None, Some(l)),
        };
        // A help line is about what was asked: it goes when that changes.
        let asked = std::mem::discriminant(&self.ask);
        let result = self.dispatch(ctx, q, key, line);
        if std::mem::discriminant(&self.ask) != asked {
            self.help = None;
        }
        result
    }

    fn dispatch(
        &mut self,
        ctx: &mut Ctx,
        q: Question<'c>,
        key: Option<Key>,
        line: Option<String>,
    ) -> Result<()> {
        match (self.ask.clone(), q.kind) {
            (Ask::Mcq { order, selected }, Kind::Mcq(mcq)) => {
                self.mcq_input(ctx, mcq, order, selected, key, line)
            }
            (Ask::TraceCompiles, Kind::Trace(t)) => self.compiles_input(ctx, t, key, line),
            (Ask::TraceLine { typed }, Kind::Trace(t)) => self.line_input(ctx, t, typed, key, line),
            (Ask::TraceOutput { lines, typed }, Kind::Trace(_)) => {
                self.output_input(ctx, lines, typed, key, line)
            }
            (Ask::InterviewAnswer { typed }, Kind::Interview(iv)) => {
                self.interview_input(iv, typed, key, line)
            }
            (Ask::InterviewRate { .. }, Kind::Interview(_)) => self.rate_input(ctx, key, line),
            (Ask::Feedback { .. }, _) => {
                if key == Some(Key::Char('q')) || key == Some(Key::Escape) {
                    self.stopped = true;
                } else {
                    self.next();
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// A key as text typed into a line; Enter gives the line.
    fn typing(typed: &mut String, key: Option<Key>) -> Option<String> {
        match key {
            Some(Key::Char(c)) => typed.push(c),
            Some(Key::Backspace) => {
                typed.pop();
            }
            Some(Key::Enter) => return Some(std::mem::take(typed)),
            _ => {}
        }
        None
    }

    fn refuse(&mut self, help: String) {
        self.say(&style(&help).yellow().to_string());
        self.help = Some(help);
    }

    /// `q` (or Escape) where it is not an answer stops the quiz.
    fn quits(key: Option<Key>, line: Option<&str>) -> bool {
        matches!(key, Some(Key::Char('q') | Key::Escape))
            || line.is_some_and(|l| l.trim().eq_ignore_ascii_case("q"))
    }

    fn mcq_input(
        &mut self,
        ctx: &mut Ctx,
        mcq: &Mcq,
        order: Order,
        mut selected: Vec<usize>,
        key: Option<Key>,
        line: Option<String>,
    ) -> Result<()> {
        let last = index_letter(mcq.choices.len() - 1);
        if mcq.multi && self.tty {
            // Select-all on a terminal: letters toggle, Enter answers.
            match key {
                Some(Key::Char(c)) => match order.parse(&c.to_string()) {
                    Some(p) => {
                        if let Some(at) = selected.iter().position(|&s| s == p[0]) {
                            selected.remove(at);
                        } else {
                            selected.push(p[0]);
                        }
                    }
                    None if c == 'q' => self.stopped = true,
                    None => self.refuse(format!(
                        "`{c}` is not a choice: letters from a to {last}, then Enter (q stops)."
                    )),
                },
                Some(Key::Backspace) => {
                    selected.pop();
                }
                Some(Key::Enter) if !selected.is_empty() => {
                    selected.sort_unstable();
                    return self.mcq_answered(ctx, mcq, &order, &selected);
                }
                Some(Key::Escape) => self.stopped = true,
                _ => {}
            }
            self.ask = Ask::Mcq { order, selected };
            return Ok(());
        }
        let got = match (key, &line) {
            (Some(Key::Char(c)), _) => c.to_string(),
            (Some(Key::Escape), _) => {
                self.stopped = true;
                return Ok(());
            }
            (Some(_), _) => return Ok(()),
            (None, Some(l)) => l.trim().to_owned(),
            (None, None) => return Ok(()),
        };
        let picked = order
            .parse(&got)
            .filter(|p| mcq.multi || (p.len() == 1 && got.chars().count() == 1));
        match picked {
            Some(p) => self.mcq_answered(ctx, mcq, &order, &p),
            None if got.eq_ignore_ascii_case("q") => {
                self.stopped = true;
                Ok(())
            }
            None => {
                let help = if mcq.multi {
                    format!(
                        "`{got}` does not name choices: type letters from a to {last}, then Enter (q stops)."
                    )
                } else {
                    format!(
                        "`{got}` is not a choice: answer with one letter from a to {last} (q stops)."
                    )
                };
                self.refuse(help);
                Ok(())
            }
        }
    }

    fn mcq_answered(
        &mut self,
        ctx: &mut Ctx,
        mcq: &Mcq,
        order: &Order,
        picked: &[usize],
    ) -> Result<()> {
        let g = grade::grade_mcq(mcq, picked);
        let feedback = ui::mcq_feedback(mcq, order, &g);
        let rating = if g.correct {
            Rating::Good
        } else {
            Rating::Again
        };
        self.answered(ctx, rating, Some(grade::original_letters(picked)), feedback)
    }

    fn compiles_input(
        &mut self,
        ctx: &mut Ctx,
        t: &Trace,
        key: Option<Key>,
        line: Option<String>,
    ) -> Result<()> {
        let got = match (key, &line) {
            (Some(Key::Char(c)), _) => c.to_string(),
            (Some(_), _) => return Ok(()),
            (None, Some(l)) => l.trim().to_ascii_lowercase(),
            (None, None) => return Ok(()),
        };
        match got.as_str() {
            "y" | "yes" => {
                self.ask = Ask::TraceOutput {
                    lines: Vec::new(),
                    typed: String::new(),
                };
                let prompt = self.prompt();
                self.say(&prompt);
            }
            "n" | "no" if t.error_line.is_some() => {
                self.ask = Ask::TraceLine {
                    typed: String::new(),
                };
                let prompt = self.prompt();
                self.say(&prompt);
            }
            "n" | "no" => {
                return self.trace_answered(ctx, TraceAnswer::DoesNotCompile(None), false);
            }
            _ if Self::quits(key, line.as_deref()) => self.stopped = true,
            _ => self.refuse(format!("`{got}` is neither y nor n (q stops).")),
        }
        Ok(())
    }

    fn line_input(
        &mut self,
        ctx: &mut Ctx,
        t: &Trace,
        mut typed: String,
        key: Option<Key>,
        line: Option<String>,
    ) -> Result<()> {
        let entered = match line {
            Some(l) => Some(l),
            None => Self::typing(&mut typed, key),
        };
        let Some(entered) = entered else {
            self.ask = Ask::TraceLine { typed };
            return Ok(());
        };
        let lines = t.program.lines().count();
        match entered.trim().parse::<usize>() {
            Ok(n) if (1..=lines).contains(&n) => {
                self.trace_answered(ctx, TraceAnswer::DoesNotCompile(Some(n)), false)
            }
            _ if Self::quits(None, Some(&entered)) => {
                self.stopped = true;
                Ok(())
            }
            _ => {
                self.ask = Ask::TraceLine {
                    typed: String::new(),
                };
                self.refuse(format!(
                    "`{}` is not a line of the program: give a number from 1 to {lines} (q stops).",
                    entered.trim()
                ));
                Ok(())
            }
        }
    }

    fn output_input(
        &mut self,
        ctx: &mut Ctx,
        mut lines: Vec<String>,
        mut typed: String,
        key: Option<Key>,
        line: Option<String>,
    ) -> Result<()> {
        let entered = match line {
            Some(l) => Some(l),
            None => Self::typing(&mut typed, key),
        };
        let Some(entered) = entered else {
            self.ask = Ask::TraceOutput { lines, typed };
            return Ok(());
        };
        if entered.trim().is_empty() {
            return self.trace_answered(ctx, TraceAnswer::Prints(lines.join("\n")), true);
        }
        if entered.trim().eq_ignore_ascii_case("panic") {
            return self.trace_answered(ctx, TraceAnswer::Panics(lines.join("\n")), true);
        }
        lines.push(entered);
        self.ask = Ask::TraceOutput { lines, typed };
        Ok(())
    }

    fn trace_answered(&mut self, ctx: &mut Ctx, answer: TraceAnswer, _typed: bool) -> Result<()> {
        let Some((q, _)) = self.current else {
            return Ok(());
        };
        let Kind::Trace(t) = q.kind else {
            return Ok(());
        };
        let g = grade::grade_trace(t, &answer);
        let rating = match g {
            TraceGrade::Right => Rating::Good,
            TraceGrade::WrongLine { .. } => Rating::Hard,
            TraceGrade::Wrong => Rating::Again,
        };
        let feedback = ui::trace_feedback(t, g);
        self.answered(ctx, rating, None, feedback)
    }

    fn interview_input(
        &mut self,
        _iv: &Interview,
        mut typed: String,
        key: Option<Key>,
        line: Option<String>,
    ) -> Result<()> {
        let entered = match line {
            Some(l) => Some(l),
            None => Self::typing(&mut typed, key),
        };
        if entered.is_none() {
            self.ask = Ask::InterviewAnswer { typed };
            return Ok(());
        }
        let yours = entered.unwrap_or_default();
        if let Some((q, _)) = self.current
            && let Kind::Interview(iv) = q.kind
        {
            let text = format!(
                "{}{}\n{}\nHow well did you recall it? 1 again, 2 hard, 3 good, 4 easy",
                your_answer(&yours),
                style("Model answer:").bold(),
                ui::answer(&iv.answer)
            );
            self.say(&text);
        }
        self.ask = Ask::InterviewRate { yours };
        Ok(())
    }

    fn rate_input(&mut self, ctx: &mut Ctx, key: Option<Key>, line: Option<String>) -> Result<()> {
        let got = match (key, &line) {
            (Some(Key::Char(c)), _) => c.to_string(),
            (Some(_), _) => return Ok(()),
            (None, Some(l)) => l.trim().to_owned(),
            (None, None) => return Ok(()),
        };
        match got.parse::<u8>().ok().and_then(Rating::from_number) {
            Some(rating) => self.answered(ctx, rating, None, String::new()),
            None if Self::quits(key, line.as_deref()) => {
                self.stopped = true;
                Ok(())
            }
            None => {
                self.refuse(format!(
                    "`{got}` is not a rating: press 1, 2, 3 or 4 (q stops)."
                ));
                Ok(())
            }
        }
    }

    /// An answer, graded or rated: recorded (the first time in this sitting),
    /// the feedback shown, a miss brought back later.
    fn answered(
        &mut self,
        ctx: &mut Ctx,
        rating: Rating,
        picked: Option<String>,
        feedback: String,
    ) -> Result<()> {
        let Some((q, returns)) = self.current else {
            return Ok(());
        };
        let card = ctx.answer(q.id(), rating, picked)?;
        self.asked += 1;
        if rating >= Rating::Good {
            self.right += 1;
        }
        let mut text = feedback;
        let after = if rating == Rating::Again && self.queue.missed(q, returns) {
            "It comes back later in this quiz.".to_owned()
        } else {
            match card {
                Some(card) => format!("Next review {}.", until(now(), card.due)),
                None => "Practice: the schedule keeps your first answer of this quiz.".to_owned(),
            }
        };
        text.push_str(&format!("{}\n", style(after).dim()));
        self.say(&text);
        if self.tty {
            self.ask = Ask::Feedback { text };
        } else {
            self.next();
        }
        Ok(())
    }

    /// The closing lines.
    pub fn summary(&self) -> String {
        if self.asked == 0 {
            return "\nQuiz stopped before any answer.\n".to_owned();
        }
        let how = if self.stopped {
            "Quiz stopped"
        } else {
            "Quiz over"
        };
        format!(
            "\n{how}: {}, {} right, {} wrong or hard.\n",
            plural(self.asked, "answer"),
            self.right,
            self.asked - self.right
        )
    }
}

/// What the learner typed as their answer, to set beside the model answer
/// ("" when they answered aloud).
fn your_answer(yours: &str) -> String {
    if yours.trim().is_empty() {
        String::new()
    } else {
        format!(
            "{}\n{}\n",
            style("Your answer:").bold(),
            ui::answer(yours.trim())
        )
    }
}
