//! Grading answers, as data: the order an MCQ's choices are shown in, typed
//! letters read through that order, right or wrong and why; a tracing
//! answer against what the program does. Rendering is `ui`'s job.

use crate::course::{Mcq, Panic, Trace, index_letter, letter_index};

/// An MCQ's choices in the order they are shown: `order[shown] = index in
/// mcq.choices`. It depends only on a seed, the question and how often it
/// was asked already, so a seed shows each question the same way, and a
/// question asked again comes in a new order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub order: Vec<usize>,
}

impl Order {
    pub fn new(mcq: &Mcq, seed: u64, round: u32) -> Order {
        let shuffled = |round: u32| {
            let mut h = blake3::Hasher::new();
            h.update(&seed.to_le_bytes());
            h.update(mcq.id.as_bytes());
            h.update(&round.to_le_bytes());
            let bytes = h.finalize();
            let mut rng = fastrand::Rng::with_seed(u64::from_le_bytes(
                bytes.as_bytes()[..8].try_into().expect("8 bytes"),
            ));
            let mut order: Vec<usize> = (0..mcq.choices.len()).collect();
            rng.shuffle(&mut order);
            order
        };
        let mut order = shuffled(round);
        // Asked again: never the order of the time before, so the letter
        // cannot be remembered.
        if round > 0 && mcq.choices.len() > 1 {
            let before = shuffled(round - 1);
            let mut k = 0;
            while order == before {
                k += 1;
                order = shuffled(round.wrapping_add(k << 16));
            }
        }
        Order { order }
    }

    /// The letter a choice (by its index in info.toml) is shown under.
    pub fn letter_of(&self, original: usize) -> char {
        index_letter(self.order.iter().position(|&i| i == original).unwrap_or(0))
    }

    /// Typed letters ("b", "a c", "A,C") as original choice indexes, sorted.
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
}

/// An MCQ answer, graded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct McqGrade {
    pub correct: bool,
    /// Original indexes of the choices picked.
    pub picked: Vec<usize>,
    /// Right choices that were not picked.
    pub missed: Vec<usize>,
}

pub fn grade_mcq(mcq: &Mcq, picked: &[usize]) -> McqGrade {
    McqGrade {
        correct: picked == mcq.answer.as_slice(),
        picked: picked.to_vec(),
        missed: mcq
            .answer
            .iter()
            .copied()
            .filter(|i| !picked.contains(i))
            .collect(),
    }
}

/// Picked choices as the review log stores them: letters in info.toml's order.
pub fn original_letters(picked: &[usize]) -> String {
    picked.iter().map(|&i| index_letter(i)).collect()
}

/// What a learner said a tracing program does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TraceAnswer {
    /// It does not compile; rustc rejects this line (when asked).
    DoesNotCompile(Option<usize>),
    /// The program ends in a panic, after printing this (empty: not said).
    Panics(String),
    /// It runs to the end and prints this (a spawned thread may panic on the way).
    Prints(String),
}

/// A tracing answer, graded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraceGrade {
    Right,
    /// Right that it does not compile, wrong about the line.
    WrongLine {
        said: usize,
        real: usize,
    },
    Wrong,
}

/// Grade a tracing answer; output is compared after trimming.
pub fn grade_trace(trace: &Trace, answer: &TraceAnswer) -> TraceGrade {
    let right = match answer {
        TraceAnswer::DoesNotCompile(said) => {
            if trace.compiles {
                false
            } else {
                return match (said, trace.error_line) {
                    (Some(said), Some(real)) if *said != real => {
                        TraceGrade::WrongLine { said: *said, real }
                    }
                    _ => TraceGrade::Right,
                };
            }
        }
        TraceAnswer::Panics(before) => {
            trace.compiles
                && trace.panics == Panic::Main
                && (before.trim().is_empty() || before.trim() == trace.output.trim())
        }
        TraceAnswer::Prints(out) => {
            trace.compiles && trace.panics != Panic::Main && out.trim() == trace.output.trim()
        }
    };
    if right {
        TraceGrade::Right
    } else {
        TraceGrade::Wrong
    }
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
            explanations: None,
            explanation: String::new(),
            allow: Vec::new(),
            line: 1,
        }
    }

    #[test]
    fn letters_map_through_the_order() {
        let order = Order {
            order: vec![2, 0, 1],
        };
        // Shown: a) z, b) x, c) y.
        assert_eq!(order.parse("c"), Some(vec![1]));
        assert_eq!(order.parse("d"), None);
        assert_eq!(order.parse(" "), None);
        assert_eq!(order.letter_of(1), 'c');
        let q = mcq(vec![1], false);
        assert!(grade_mcq(&q, &[1]).correct);
        assert!(!grade_mcq(&q, &[2]).correct);
        assert_eq!(original_letters(&[0, 2]), "ac");
    }

    #[test]
    fn select_all_needs_exactly_the_right_set() {
        let q = mcq(vec![0, 2], true);
        let order = Order {
            order: vec![0, 1, 2],
        };
        assert!(grade_mcq(&q, &order.parse("a, c").unwrap()).correct);
        let partly = grade_mcq(&q, &order.parse("a").unwrap());
        assert!(!partly.correct);
        assert_eq!(partly.missed, [2]);
        assert!(!grade_mcq(&q, &order.parse("abc").unwrap()).correct);
    }

    #[test]
    fn a_single_answer_takes_one_letter() {
        let q = mcq(vec![1], false);
        let order = Order {
            order: vec![0, 1, 2],
        };
        assert_eq!(order.answer(&q, "b"), Some(vec![1]));
        assert_eq!(order.answer(&q, "ab"), None);
        let multi = mcq(vec![0, 1], true);
        assert_eq!(order.answer(&multi, "ab"), Some(vec![0, 1]));
    }

    #[test]
    fn the_order_depends_on_seed_question_and_round_only() {
        let q = mcq(vec![0], false);
        assert_eq!(Order::new(&q, 7, 0), Order::new(&q, 7, 0));
        let differ =
            |f: &dyn Fn(u64) -> Order, g: &dyn Fn(u64) -> Order| (0..8).any(|s| f(s) != g(s));
        assert!(differ(&|s| Order::new(&q, s, 0), &|s| Order::new(
            &q,
            s + 1,
            0
        )));
        let mut other = q.clone();
        other.id = "x".into();
        assert!(differ(&|s| Order::new(&q, s, 0), &|s| Order::new(
            &other, s, 0
        )));
        // Asked again, never the same order as the time before.
        for seed in 0..50 {
            for round in 1..4 {
                assert_ne!(Order::new(&q, seed, round), Order::new(&q, seed, round - 1));
            }
        }
        let mut sorted = Order::new(&q, 3, 0).order;
        sorted.sort_unstable();
        assert_eq!(sorted, [0, 1, 2]);
    }

    fn trace(compiles: bool, output: &str, panics: Panic, error_line: Option<usize>) -> Trace {
        Trace {
            id: "s.trace.0".into(),
            program: String::new(),
            compiles,
            output: output.into(),
            panics,
            error_code: None,
            error_line,
            explanation: String::new(),
            allow: Vec::new(),
            line: 1,
        }
    }

    #[test]
    fn tracing_answers() {
        use TraceAnswer::*;
        let t = trace(true, "1\n2\n", Panic::No, None);
        assert_eq!(grade_trace(&t, &Prints(" 1\n2 ".into())), TraceGrade::Right);
        assert_eq!(grade_trace(&t, &Prints("12".into())), TraceGrade::Wrong);
        assert_eq!(grade_trace(&t, &DoesNotCompile(None)), TraceGrade::Wrong);
        assert_eq!(grade_trace(&t, &Panics(String::new())), TraceGrade::Wrong);
        let panics = trace(true, "1\n2\n", Panic::Main, None);
        assert_eq!(
            grade_trace(&panics, &Panics(String::new())),
            TraceGrade::Right
        );
        assert_eq!(
            grade_trace(&panics, &Panics("1\n2".into())),
            TraceGrade::Right
        );
        assert_eq!(grade_trace(&panics, &Panics("1".into())), TraceGrade::Wrong);
        assert_eq!(
            grade_trace(&panics, &Prints("1\n2".into())),
            TraceGrade::Wrong
        );
        // A thread panics, main goes on: the output is the answer, not `panic`.
        let thread = trace(true, "done\n", Panic::Thread, None);
        assert_eq!(
            grade_trace(&thread, &Prints("done".into())),
            TraceGrade::Right
        );
        assert_eq!(
            grade_trace(&thread, &Panics("done".into())),
            TraceGrade::Wrong
        );
        let broken = trace(false, "", Panic::No, Some(3));
        assert_eq!(
            grade_trace(&broken, &DoesNotCompile(Some(3))),
            TraceGrade::Right
        );
        assert_eq!(
            grade_trace(&broken, &DoesNotCompile(None)),
            TraceGrade::Right
        );
        assert_eq!(
            grade_trace(&broken, &DoesNotCompile(Some(2))),
            TraceGrade::WrongLine { said: 2, real: 3 }
        );
    }
}
