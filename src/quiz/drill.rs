//! Asking one quiz question and turning the answer into an FSRS rating:
//! MCQ and tracing right → good, wrong → again; interview → the learner's
//! own rating of their recall.

use anyhow::Result;
use console::style;
use rs_fsrs::Rating;

use super::input::Input;
use super::{Kind, Question};
#[cfg(test)]
use crate::course::Panic;
use crate::course::{Interview, Mcq, Trace, index_letter};
use crate::questions::{Asked, Graded, TraceAnswer, grade_trace};

/// Ask `q`; None when the learner stopped the quiz.
pub fn ask(q: Question, input: &mut Input, seed: u64, returns: u32) -> Result<Option<Rating>> {
    match q.kind {
        Kind::Mcq(mcq) => ask_mcq(mcq, input, seed, returns),
        Kind::Trace(trace) => ask_trace(trace, input),
        Kind::Interview(iv) => ask_interview(iv, input),
    }
}

/// The choices' order depends only on the seed, the question and how often
/// it came back, so `--seed` shows each question the same way every time.
pub fn shuffle(mcq: &Mcq, seed: u64, returns: u32) -> Asked {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in mcq.id.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let mixed = seed ^ hash ^ u64::from(returns).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    Asked::new(mcq, &mut fastrand::Rng::with_seed(mixed))
}

fn verdict(graded: &Graded) -> Rating {
    print!("{}", crate::ui::colour(&graded.text));
    if graded.correct {
        Rating::Good
    } else {
        Rating::Again
    }
}

fn ask_mcq(mcq: &Mcq, input: &mut Input, seed: u64, returns: u32) -> Result<Option<Rating>> {
    let asked = shuffle(mcq, seed, returns);
    input.prompt(&asked.render(mcq));
    let last = index_letter(mcq.choices.len() - 1);
    let help = |got: &str| {
        if mcq.multi {
            format!(
                "`{got}` does not name choices: type letters from a to {last}, then Enter (q stops)."
            )
        } else {
            format!("`{got}` is not a choice: answer with one letter from a to {last} (q stops).")
        }
    };
    let picked = if mcq.multi && input.is_terminal() {
        // Several letters: typed as a line, like in watch mode.
        loop {
            let Some(line) = input.line()? else {
                return Ok(None);
            };
            if let Some(p) = asked.parse(&line) {
                break p;
            }
            if line.trim().eq_ignore_ascii_case("q") {
                return Ok(None);
            }
            println!("{}", style(help(line.trim())).yellow());
        }
    } else {
        let parse = |s: &str| {
            asked
                .parse(s)
                .filter(|p| mcq.multi || (p.len() == 1 && s.chars().count() == 1))
        };
        let Some(p) = input.choose(parse, help)? else {
            return Ok(None);
        };
        p
    };
    Ok(Some(verdict(&asked.grade(mcq, &picked))))
}

fn ask_trace(trace: &Trace, input: &mut Input) -> Result<Option<Rating>> {
    println!("{}", style("What does this program do?").bold());
    println!("\n{}\n", crate::ui::indent(trace.program.trim_end()));
    input.prompt("Does this program compile? (y/n)");
    let yes_no = |s: &str| match s.to_ascii_lowercase().as_str() {
        "y" | "yes" => Some(true),
        "n" | "no" => Some(false),
        _ => None,
    };
    let Some(compiles) = input.choose(yes_no, |got| {
        format!("`{got}` is neither y nor n (q stops).")
    })?
    else {
        return Ok(None);
    };
    let answer = if compiles {
        println!(
            "What does it print? (type the output, end with an empty line; if it panics, type `panic` where it does)"
        );
        let mut out: Vec<String> = Vec::new();
        let mut panics = false;
        loop {
            match input.line()? {
                Some(line) if line.trim().is_empty() => break,
                Some(line) if line.trim().eq_ignore_ascii_case("panic") => {
                    panics = true;
                    break;
                }
                Some(line) => out.push(line),
                // Ctrl-C on a terminal stops the quiz, answering nothing.
                None if input.is_terminal() => return Ok(None),
                // The end of input ends the output typed so far; with
                // nothing typed it ends the quiz.
                None if out.is_empty() => return Ok(None),
                None => break,
            }
        }
        if panics {
            TraceAnswer::Panics(out.join("\n"))
        } else {
            TraceAnswer::Prints(out.join("\n"))
        }
    } else {
        TraceAnswer::DoesNotCompile
    };
    Ok(Some(verdict(&grade_trace(trace, &answer))))
}

fn ask_interview(iv: &Interview, input: &mut Input) -> Result<Option<Rating>> {
    println!("{}", style(iv.question.trim()).bold());
    println!(
        "{}",
        style("Answer aloud or type your answer, then press Enter to see the model answer.").dim()
    );
    if input.line()?.is_none() {
        return Ok(None);
    }
    println!("{}", style("Model answer:").bold());
    println!("{}", crate::ui::indent(iv.answer.trim()));
    input.prompt("How well did you recall it? 1 again, 2 hard, 3 good, 4 easy");
    let rate = |s: &str| s.parse::<u8>().ok().and_then(super::rating);
    let rating = input.choose(rate, |got| {
        format!("`{got}` is not a rating: press 1, 2, 3 or 4 (q stops).")
    })?;
    Ok(rating)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mcq(id: &str) -> Mcq {
        Mcq {
            id: id.into(),
            prompt: "p".into(),
            code: None,
            choices: (0..6).map(|i| i.to_string()).collect(),
            answer: vec![1],
            multi: false,
            explanations: None,
            explanation: String::new(),
            allow: Vec::new(),
            line: 1,
        }
    }

    #[test]
    fn a_seed_shows_each_question_the_same_way() {
        let q = mcq("s.mcq.0");
        assert_eq!(shuffle(&q, 7, 0).order, shuffle(&q, 7, 0).order);
        // Over a few seeds, the order depends on the seed, the id and the return.
        let differ = |f: &dyn Fn(u64) -> Vec<usize>, g: &dyn Fn(u64) -> Vec<usize>| {
            (0..8).any(|s| f(s) != g(s))
        };
        assert!(differ(&|s| shuffle(&q, s, 0).order, &|s| shuffle(
            &q,
            s + 1,
            0
        )
        .order));
        assert!(differ(&|s| shuffle(&q, s, 0).order, &|s| shuffle(
            &mcq("x"),
            s,
            0
        )
        .order));
        assert!(differ(&|s| shuffle(&q, s, 0).order, &|s| shuffle(&q, s, 1).order));
    }

    fn lines(text: impl Into<String>) -> Input {
        Input::Lines(Box::new(std::io::Cursor::new(text.into())))
    }

    #[test]
    fn mcq_answers_by_letter() {
        let q = mcq("s.mcq.0");
        let asked = shuffle(&q, 3, 0);
        let right = index_letter(asked.order.iter().position(|&i| i == 1).unwrap());
        let wrong = index_letter(asked.order.iter().position(|&i| i == 0).unwrap());
        let mut input = lines(format!("zz\n{right}{wrong}\n{right}\n{wrong}\n"));
        assert_eq!(ask_mcq(&q, &mut input, 3, 0).unwrap(), Some(Rating::Good));
        assert_eq!(ask_mcq(&q, &mut input, 3, 0).unwrap(), Some(Rating::Again));
        assert_eq!(ask_mcq(&q, &mut input, 3, 0).unwrap(), None);
    }

    fn trace(compiles: bool, output: &str, panics: bool) -> Trace {
        Trace {
            id: "s.trace.0".into(),
            program: "fn main() {}".into(),
            compiles,
            output: output.into(),
            panics: if panics { Panic::Main } else { Panic::No },
            error_code: None,
            error_line: None,
            explanation: String::new(),
            allow: Vec::new(),
            line: 1,
        }
    }

    #[test]
    fn tracing_answers_by_lines() {
        let prints = trace(true, "1\n2\n", false);
        let mut input = lines("maybe\ny\n1\n2\n\ny\n1\n\nn\n");
        assert_eq!(ask_trace(&prints, &mut input).unwrap(), Some(Rating::Good));
        assert_eq!(ask_trace(&prints, &mut input).unwrap(), Some(Rating::Again));
        assert_eq!(ask_trace(&prints, &mut input).unwrap(), Some(Rating::Again));
        assert_eq!(ask_trace(&prints, &mut input).unwrap(), None);

        let panics = trace(true, "", true);
        let mut input = lines("y\npanic\ny\n");
        assert_eq!(ask_trace(&panics, &mut input).unwrap(), Some(Rating::Good));
        // Output, then `panic` where it panics.
        let prints_then_panics = trace(true, "1\n2\n", true);
        let mut input = lines("y\n1\n2\npanic\ny\n1\npanic\n");
        assert_eq!(
            ask_trace(&prints_then_panics, &mut input).unwrap(),
            Some(Rating::Good)
        );
        assert_eq!(
            ask_trace(&prints_then_panics, &mut input).unwrap(),
            Some(Rating::Again)
        );
        let mut input = lines("y\n");
        // Nothing typed before the end: the quiz stops.
        assert_eq!(ask_trace(&panics, &mut input).unwrap(), None);

        let broken = trace(false, "", false);
        let mut input = lines("n\ny\n\n");
        assert_eq!(ask_trace(&broken, &mut input).unwrap(), Some(Rating::Good));
        assert_eq!(ask_trace(&broken, &mut input).unwrap(), Some(Rating::Again));

        // The end of input closes typed output.
        let mut input = lines("y\n1\n2");
        assert_eq!(ask_trace(&prints, &mut input).unwrap(), Some(Rating::Good));
    }

    #[test]
    fn interview_takes_an_answer_line_then_a_rating() {
        let iv = Interview {
            id: "s.interview.0".into(),
            question: "Why?".into(),
            answer: "Because.".into(),
            allow: Vec::new(),
            line: 1,
        };
        let mut input = lines("my own words\n5\n2\n\n4\nq\n");
        assert_eq!(ask_interview(&iv, &mut input).unwrap(), Some(Rating::Hard));
        assert_eq!(ask_interview(&iv, &mut input).unwrap(), Some(Rating::Easy));
        assert_eq!(ask_interview(&iv, &mut input).unwrap(), None);
    }
}
