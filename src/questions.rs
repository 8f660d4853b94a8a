//! Asking and grading questions: MCQ shuffling, answers typed as letters,
//! feedback text. Shared by watch mode and the quiz.

use std::fmt::Write;

use console::style;

use crate::course::{Mcq, Panic, Trace, index_letter, letter_index};

/// An MCQ as shown once: its choices in a shuffled order.
#[derive(Debug, Clone)]
pub struct Asked {
    /// `order[shown position] = index in mcq.choices`.
    pub order: Vec<usize>,
}

impl Asked {
    pub fn new(mcq: &Mcq, rng: &mut fastrand::Rng) -> Asked {
        let mut order: Vec<usize> = (0..mcq.choices.len()).collect();
        rng.shuffle(&mut order);
        Asked { order }
    }

    /// The prompt, the code and the lettered choices.
    pub fn render(&self, mcq: &Mcq) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", style(mcq.prompt.trim()).bold());
        if let Some(code) = &mcq.code {
            let _ = writeln!(out, "\n{}\n", crate::ui::indent(code.trim_end()));
        }
        for (shown, &i) in self.order.iter().enumerate() {
            let _ = writeln!(out, "  {}) {}", index_letter(shown), mcq.choices[i].trim());
        }
        let how = if mcq.multi {
            "Select all that apply: type the letters (e.g. ac), then Enter."
        } else {
            "Press a letter."
        };
        let _ = write!(out, "{}", style(how).dim());
        out
    }

    /// Parse typed letters ("b", "a c", "A,C") into original choice indexes.
    /// None when a letter names no choice or nothing was typed.
    pub fn parse(&self, input: &str) -> Option<Vec<usize>> {
        let mut picked = Vec::new();
        for ch in input.chars().filter(|c| !c.is_whitespace() && *c != ',') {
            let shown = letter_index(&ch.to_string())?;
            picked.push(*self.order.get(shown)?);
        }
        picked.sort_unstable();
        picked.dedup();
        (!picked.is_empty()).then_some(picked)
    }

    /// Typed letters as an answer to `mcq`: None unless they name choices,
    /// and exactly one of them for a single-answer question.
    pub fn answer(&self, mcq: &Mcq, input: &str) -> Option<Vec<usize>> {
        self.parse(input).filter(|p| mcq.multi || p.len() == 1)
    }

    /// A new order for asking `mcq` again, different from `before` whenever
    /// there are two or more choices, so the letter cannot be remembered.
    pub fn reshuffled(mcq: &Mcq, rng: &mut fastrand::Rng, before: &Asked) -> Asked {
        let mut asked = Asked::new(mcq, rng);
        while mcq.choices.len() > 1 && asked.order == before.order {
            asked = Asked::new(mcq, rng);
        }
        asked
    }

    /// Grade picked original indexes and explain.
    pub fn grade(&self, mcq: &Mcq, picked: &[usize]) -> Graded {
        let correct = picked == mcq.answer.as_slice();
        let mut text = String::new();
        if correct {
            let _ = writeln!(text, "{}", style("✓ Right.").green().bold());
        } else {
            let right: Vec<String> = mcq
                .answer
                .iter()
                .map(|&i| self.letter(i).to_string())
                .collect();
            let _ = writeln!(
                text,
                "{} The answer is {}.",
                style("✗ Not quite.").red().bold(),
                right.join(", ")
            );
        }
        if let Some(ex) = &mcq.explanations {
            // What was picked, then the right choices that were missed.
            let missed = mcq.answer.iter().filter(|i| !picked.contains(i));
            for &i in picked.iter().chain(missed) {
                let _ = writeln!(text, "  {}) {}", self.letter(i), ex[i].trim());
            }
        }
        if !mcq.explanation.trim().is_empty() {
            let _ = writeln!(text, "{}", mcq.explanation.trim());
        }
        Graded { correct, text }
    }

    fn letter(&self, original: usize) -> char {
        index_letter(self.order.iter().position(|&i| i == original).unwrap_or(0))
    }
}

/// The result of grading one answer.
#[derive(Debug, Clone)]
pub struct Graded {
    pub correct: bool,
    pub text: String,
}

/// What a learner said a tracing program does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TraceAnswer {
    DoesNotCompile,
    /// It panics, after printing this (empty: the learner did not say).
    Panics(String),
    Prints(String),
}

/// Grade a tracing answer: output is compared after trimming.
pub fn grade_trace(trace: &Trace, answer: &TraceAnswer) -> Graded {
    let correct = match answer {
        TraceAnswer::DoesNotCompile => !trace.compiles,
        TraceAnswer::Panics(before) => {
            trace.compiles
                && trace.panics == Panic::Main
                && (before.trim().is_empty() || before.trim() == trace.output.trim())
        }
        TraceAnswer::Prints(out) => {
            trace.compiles && trace.panics != Panic::Main && out.trim() == trace.output.trim()
        }
    };
    let truth = if !trace.compiles {
        match &trace.error_code {
            Some(code) => format!("It does not compile ({code})."),
            None => "It does not compile.".to_owned(),
        }
    } else if trace.panics == Panic::Main {
        if trace.output.trim().is_empty() {
            "It compiles and panics.".to_owned()
        } else {
            format!(
                "It compiles, prints\n{}\nand then panics.",
                crate::ui::indent(trace.output.trim())
            )
        }
    } else {
        format!(
            "It compiles and prints:\n{}",
            crate::ui::indent(trace.output.trim())
        )
    };
    let mark = if correct {
        style("✓ Right.").green().bold()
    } else {
        style("✗ Not quite.").red().bold()
    };
    let mut text = format!("{mark} {truth}\n");
    if !trace.explanation.trim().is_empty() {
        let _ = writeln!(text, "{}", trace.explanation.trim());
    }
    Graded { correct, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mcq(answer: Vec<usize>, multi: bool) -> Mcq {
        Mcq {
            id: "s.mcq.0".into(),
            prompt: "p".into(),
            code: None,
            choices: vec!["x".into(), "y".into(), "z".into()],
            answer,
            multi,
            explanations: Some(vec!["ex x".into(), "ex y".into(), "ex z".into()]),
            explanation: "general".into(),
            allow: Vec::new(),
            line: 1,
        }
    }

    #[test]
    fn letters_map_through_the_shuffle() {
        let q = mcq(vec![1], false);
        let asked = Asked {
            order: vec![2, 0, 1],
        };
        // Shown: a) z, b) x, c) y.
        assert_eq!(asked.parse("c"), Some(vec![1]));
        assert_eq!(asked.parse("d"), None);
        assert_eq!(asked.parse(" "), None);
        let g = asked.grade(&q, &[1]);
        assert!(g.correct);
        assert!(g.text.contains("c) ex y"), "{}", g.text);
        let g = asked.grade(&q, &[2]);
        assert!(!g.correct);
        assert!(g.text.contains("The answer is c."), "{}", g.text);
        assert!(g.text.contains("a) ex z"), "{}", g.text);
        assert!(g.text.contains("general"), "{}", g.text);
    }

    #[test]
    fn select_all_needs_exactly_the_right_set() {
        let q = mcq(vec![0, 2], true);
        let asked = Asked {
            order: vec![0, 1, 2],
        };
        assert!(asked.grade(&q, &asked.parse("a, c").unwrap()).correct);
        let partly = asked.grade(&q, &asked.parse("a").unwrap());
        assert!(!partly.correct);
        // The missed right choice is explained too.
        assert!(partly.text.contains("c) ex z"), "{}", partly.text);
        assert!(!asked.grade(&q, &asked.parse("abc").unwrap()).correct);
    }

    #[test]
    fn a_single_answer_takes_one_letter() {
        let q = mcq(vec![1], false);
        let asked = Asked {
            order: vec![0, 1, 2],
        };
        assert_eq!(asked.answer(&q, "b"), Some(vec![1]));
        assert_eq!(asked.answer(&q, "ab"), None);
        let multi = mcq(vec![0, 1], true);
        assert_eq!(asked.answer(&multi, "ab"), Some(vec![0, 1]));
    }

    #[test]
    fn asking_again_changes_the_order() {
        let q = mcq(vec![0], false);
        let mut rng = fastrand::Rng::with_seed(1);
        let first = Asked::new(&q, &mut rng);
        for _ in 0..50 {
            assert_ne!(Asked::reshuffled(&q, &mut rng, &first).order, first.order);
        }
    }

    #[test]
    fn shuffles_are_permutations() {
        let q = mcq(vec![0], false);
        let mut rng = fastrand::Rng::with_seed(7);
        let mut order = Asked::new(&q, &mut rng).order;
        order.sort_unstable();
        assert_eq!(order, vec![0, 1, 2]);
    }

    #[test]
    fn tracing_answers() {
        let t = Trace {
            id: "s.trace.0".into(),
            program: String::new(),
            compiles: true,
            output: "1\n2\n".into(),
            panics: Panic::No,
            error_code: None,
            error_line: None,
            explanation: "because".into(),
            allow: Vec::new(),
            line: 1,
        };
        assert!(grade_trace(&t, &TraceAnswer::Prints(" 1\n2 ".into())).correct);
        assert!(!grade_trace(&t, &TraceAnswer::Prints("12".into())).correct);
        assert!(!grade_trace(&t, &TraceAnswer::DoesNotCompile).correct);
        assert!(!grade_trace(&t, &TraceAnswer::Panics(String::new())).correct);
        let panics = Trace {
            panics: Panic::Main,
            ..t.clone()
        };
        // "It panics" is right; so is the output before the panic, but only exact.
        assert!(grade_trace(&panics, &TraceAnswer::Panics(String::new())).correct);
        assert!(grade_trace(&panics, &TraceAnswer::Panics("1\n2".into())).correct);
        assert!(!grade_trace(&panics, &TraceAnswer::Panics("1".into())).correct);
        assert!(!grade_trace(&panics, &TraceAnswer::Prints("1\n2".into())).correct);
        let broken = Trace {
            compiles: false,
            output: String::new(),
            ..t
        };
        assert!(grade_trace(&broken, &TraceAnswer::DoesNotCompile).correct);
    }
}
