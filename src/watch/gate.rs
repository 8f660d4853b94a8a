//! The question gate: once the exercise passes, the step's MCQs are asked
//! one at a time; a missed one comes back reshuffled after the others.

use std::collections::VecDeque;

use anyhow::Result;

use super::{App, Phase, Tok};
use crate::questions::Asked;

impl App {
    pub(super) fn start_questions(&mut self) -> Result<()> {
        let step = &self.ctx.course.steps[self.step];
        if step.mcqs.is_empty() {
            let name = step.name.clone();
            if self
                .ctx
                .state
                .next_open(&self.ctx.course, self.step)
                .is_some()
            {
                self.note(
                    "The exercise passes and this step is done. Press n for the next step."
                        .to_owned(),
                );
            } else {
                self.finale();
            }
            self.ask_confidence(name);
            return Ok(());
        }
        // Questions answered right before (then quit, or paused) are kept.
        let answered = self.ctx.state.step(&step.name).answered;
        let queue: VecDeque<usize> = (0..step.mcqs.len())
            .filter(|&i| !answered.contains(&step.mcqs[i].id))
            .collect();
        let Some(&first) = queue.front() else {
            return self.finish_step();
        };
        let asked = Asked::new(&step.mcqs[first], &mut self.rng);
        let total = step.mcqs.len();
        // Hints and the welcome are done with: the questions get the room.
        self.notes.clear();
        self.printed.notes = 0;
        let left = queue.len();
        self.note(if left == total {
            format!("The exercise passes. Now {}.", questions(total))
        } else {
            format!(
                "The exercise passes. {} of {total} answered before; {left} to go.",
                total - left
            )
        });
        self.phase = Phase::Questions {
            queue,
            asked,
            selected: Vec::new(),
        };
        Ok(())
    }

    /// "Can you explain it in 30 seconds?": the next digit 1-4 answers.
    fn ask_confidence(&mut self, name: String) {
        self.note(format!(
            "Can you explain `{name}` in 30 seconds without notes? Press 1 (no) to 4 (easily) to rate it, or just go on."
        ));
        self.rate = Some(name);
    }

    /// Every step is done: the course's closing message.
    fn finale(&mut self) {
        let finale = self
            .ctx
            .course
            .done
            .clone()
            .unwrap_or_else(|| "You finished the course!".to_owned());
        self.note(finale.trim().to_owned());
        self.note(
            "Keep the answers fresh with `learn quiz`; `learn stats` shows your weakest topics."
                .to_owned(),
        );
    }

    pub(super) fn question_input(
        &mut self,
        t: Tok,
        mut queue: VecDeque<usize>,
        asked: Asked,
        mut selected: Vec<usize>,
    ) -> Result<()> {
        let step = self.ctx.course.steps[self.step].clone();
        let Some(&current) = queue.front() else {
            return Ok(());
        };
        let mcq = &step.mcqs[current];
        let answer: Option<String> = match t {
            Tok::Char('q') => {
                self.quit = true;
                None
            }
            Tok::Char(c) if mcq.multi && self.tty => {
                if let Some(i) =
                    crate::course::letter_index(&c.to_string()).filter(|&i| i < mcq.choices.len())
                {
                    match selected.iter().position(|&s| s == i) {
                        Some(at) => {
                            selected.remove(at);
                        }
                        None => selected.push(i),
                    }
                }
                None
            }
            Tok::Backspace if mcq.multi => {
                selected.pop();
                None
            }
            Tok::Enter if mcq.multi && !selected.is_empty() => Some(
                selected
                    .iter()
                    .map(|&i| crate::course::index_letter(i))
                    .collect(),
            ),
            Tok::Char(c) => Some(c.to_string()),
            Tok::Text(s) => Some(s),
            _ => None,
        };
        let picked = answer.as_deref().and_then(|a| asked.answer(mcq, a));
        let Some(picked) = picked else {
            if answer.is_some() {
                self.note(format!(
                    "Answer with a letter from a to {}.",
                    crate::course::index_letter(mcq.choices.len() - 1)
                ));
            }
            self.phase = Phase::Questions {
                queue,
                asked,
                selected,
            };
            return Ok(());
        };
        let graded = asked.grade(mcq, &picked);
        // The answer also seeds the question's spaced-repetition schedule.
        let rating = if graded.correct {
            rs_fsrs::Rating::Good
        } else {
            rs_fsrs::Rating::Again
        };
        crate::quiz::record(
            &mut self.ctx.state.progress,
            &mcq.id,
            rating,
            chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 0),
        );
        if graded.correct {
            let answered = &mut self.ctx.state.step_mut(&step.name).answered;
            if !answered.contains(&mcq.id) {
                answered.push(mcq.id.clone());
            }
        }
        self.ctx.state.save()?;
        self.note(graded.text.trim_end().to_owned());
        queue.pop_front();
        if !graded.correct {
            // Asked again after the others, reshuffled.
            queue.push_back(current);
        }
        match queue.front() {
            Some(&next) => {
                let asked = if next == current {
                    Asked::reshuffled(&step.mcqs[next], &mut self.rng, &asked)
                } else {
                    Asked::new(&step.mcqs[next], &mut self.rng)
                };
                self.phase = Phase::Questions {
                    queue,
                    asked,
                    selected: Vec::new(),
                };
            }
            None => self.finish_step()?,
        }
        Ok(())
    }

    /// Every MCQ answered: the step is done; open the next one.
    fn finish_step(&mut self) -> Result<()> {
        let step = self.ctx.course.steps[self.step].clone();
        self.ctx.state.step_mut(&step.name).questions_done = true;
        self.ctx.state.save()?;
        let done = format!("✓ Step {} `{}` is done.", self.step + 1, step.title);
        match self.ctx.state.next_open(&self.ctx.course, self.step) {
            Some(next) => {
                // The last answer's feedback stays readable: printed under this
                // step in a transcript, carried to the next screen on a terminal.
                let feedback = self.notes.last().cloned();
                if !self.tty {
                    self.draw();
                }
                self.open(next)?;
                if let (true, Some(feedback)) = (self.tty, feedback) {
                    self.note(feedback);
                }
                self.note(done);
                self.ask_confidence(step.name);
            }
            None => {
                self.note(done);
                self.finale();
                self.ask_confidence(step.name);
            }
        }
        Ok(())
    }
}

/// "1 question", "4 questions"
fn questions(n: usize) -> String {
    format!(
        "{n} question{} to finish the step",
        if n == 1 { "" } else { "s" }
    )
}
