//! The question-quality lints of `learn dev check`: near-duplicate
//! questions, give-away choices, TODO comments that spell out the fix. They
//! are warnings (a rule of thumb has exceptions): `allow = ["LINT"]` on a
//! question or exercise silences one, `--strict` makes them fail the check.

use std::collections::HashSet;

use super::check::Found;
use crate::course::{Course, Exercise, Lint, Mcq, Step};

/// Questions whose texts are at least this similar are near copies.
const SIMILAR_PROSE: f64 = 0.6;
const SIMILAR_CODE: f64 = 0.6;

/// A right choice this much longer than the wrong ones on average, and the
/// longest of all, stands out (once choices are phrases, not single words).
const LONG: f64 = 1.3;
const PHRASE: usize = 30;

/// Words that carry no meaning of their own in a question.
const STOP: &[&str] = &[
    "the", "a", "an", "of", "to", "is", "in", "it", "and", "or", "what", "which", "does", "do",
    "this", "that", "for", "be", "with", "on", "as", "are", "you", "your", "by", "at", "from",
    "why", "when", "how", "its", "can", "not",
];

/// Words that hedge: the only hedged choice is often the right one.
const HEDGES: &[&str] = &[
    "usually",
    "typically",
    "generally",
    "often",
    "sometimes",
    "mostly",
    "depends",
];

/// All lints of a course; `at` gives the line of a step's exercise field.
pub fn run(course: &Course, at: &dyn Fn(usize, usize) -> usize) -> Vec<Found> {
    let mut found = near_duplicates(course);
    for step in &course.steps {
        for mcq in &step.mcqs {
            found.extend(give_away(step, mcq));
        }
    }
    for (i, step) in course.steps.iter().enumerate() {
        for (j, exercise) in step.exercises.iter().enumerate() {
            found.extend(todo_states_fix(course, step, exercise, at(i, j)));
        }
    }
    found
}

/// "select-all: 3 of 124 MCQs (2%)"
pub fn select_all_share(course: &Course) -> String {
    let mcqs: Vec<&Mcq> = course.steps.iter().flat_map(|s| &s.mcqs).collect();
    let multi = mcqs.iter().filter(|m| m.multi).count();
    let share = (multi * 100).checked_div(mcqs.len()).unwrap_or(0);
    format!(
        "select-all: {multi} of {} multiple-choice questions ({share}%)",
        mcqs.len()
    )
}

/// One question as the near-duplicate lint compares it.
struct Text<'c> {
    step: &'c Step,
    /// "mcq 2", "interview 1", "trace 3"
    what: String,
    line: usize,
    words: HashSet<String>,
    /// The words of an MCQ's choices: two MCQs ask the same only when
    /// their choices are alike too.
    choices: HashSet<String>,
    code: HashSet<[String; 3]>,
    /// Prose questions are compared with prose, programs with programs.
    is_program: bool,
    allowed: bool,
}

fn near_duplicates(course: &Course) -> Vec<Found> {
    let mut texts: Vec<Text> = Vec::new();
    for step in &course.steps {
        for (k, m) in step.mcqs.iter().enumerate() {
            texts.push(Text {
                step,
                what: format!("mcq {}", k + 1),
                line: m.line,
                words: words(&m.prompt),
                choices: words(&m.choices.join(" ")),
                code: m.code.as_deref().map(trigrams).unwrap_or_default(),
                is_program: false,
                allowed: m.allow.contains(&Lint::NearDuplicate),
            });
        }
        for (k, q) in step.interviews.iter().enumerate() {
            texts.push(Text {
                step,
                what: format!("interview {}", k + 1),
                line: q.line,
                words: words(&q.question),
                choices: HashSet::new(),
                code: HashSet::new(),
                is_program: false,
                allowed: q.allow.contains(&Lint::NearDuplicate),
            });
        }
        for (k, t) in step.traces.iter().enumerate() {
            texts.push(Text {
                step,
                what: format!("trace {}", k + 1),
                line: t.line,
                words: HashSet::new(),
                choices: HashSet::new(),
                code: trigrams(&t.program),
                is_program: true,
                allowed: t.allow.contains(&Lint::NearDuplicate),
            });
        }
    }
    let mut found = Vec::new();
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            if a.allowed || b.allowed || a.is_program != b.is_program {
                continue;
            }
            let similarity = if a.is_program {
                let s = dice(&a.code, &b.code);
                (s >= SIMILAR_CODE).then_some(s)
            } else {
                similar_prose(a, b)
            };
            if let Some(s) = similarity {
                found.push(Found::warning(
                    b.line,
                    b.step,
                    format!(
                        "{} is a near copy ({:.0}% alike) of {} of step `{}` at info.toml:{}: each copy is one more review card for the same fact; merge them or ask something new (or allow = [\"near-duplicate\"])",
                        b.what,
                        s * 100.0,
                        a.what,
                        a.step.name,
                        a.line
                    ),
                ));
            }
        }
    }
    found
}

/// Two prose questions are alike when their words are; two MCQs when their
/// choices are too (a shared "which statements are true?" is no copy); and
/// when both show code, their code too.
fn similar_prose(a: &Text, b: &Text) -> Option<f64> {
    if a.words.len() < 2 || b.words.len() < 2 {
        return None;
    }
    let mut words = dice(&a.words, &b.words);
    if !a.choices.is_empty() && !b.choices.is_empty() {
        words = words.min(dice(&a.choices, &b.choices));
    }
    let s = match (a.code.is_empty(), b.code.is_empty()) {
        (true, true) => words,
        (false, false) => words.min(dice(&a.code, &b.code)),
        // A question about a snippet is not the question without one.
        _ => return None,
    };
    (s >= SIMILAR_PROSE).then_some(s)
}

/// The meaningful words of a text, lowercase.
fn words(text: &str) -> HashSet<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '\''))
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_owned)
        .collect()
}

/// Runs of three tokens of a program (identifiers, numbers, symbols).
fn trigrams(code: &str) -> HashSet<[String; 3]> {
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in code.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            tokens.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() {
            tokens.push(c.to_string());
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
        .windows(3)
        .map(|w| [w[0].clone(), w[1].clone(), w[2].clone()])
        .collect()
}

/// Dice's coefficient: 1 for equal sets, 0 for disjoint ones.
fn dice<T: Eq + std::hash::Hash>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f64 / (a.len() + b.len()) as f64
}

/// A single-answer MCQ whose right choice stands out by its form.
fn give_away(step: &Step, mcq: &Mcq) -> Option<Found> {
    if mcq.multi || mcq.allow.contains(&Lint::GiveAway) || mcq.answer.len() != 1 {
        return None;
    }
    let right = mcq.choices.get(mcq.answer[0])?;
    let wrong: Vec<&String> = mcq
        .choices
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != mcq.answer[0])
        .map(|(_, c)| c)
        .collect();
    if wrong.is_empty() {
        return None;
    }
    let q = 1 + step.mcqs.iter().position(|m| m.id == mcq.id)?;
    let why = if has_error_code(right) && !wrong.iter().any(|w| has_error_code(w)) {
        "the right choice is the only one that names an error code: name codes in wrong choices too, or in none"
    } else if is_hedged(right) && !wrong.iter().any(|w| is_hedged(w)) {
        "the right choice is the only hedged one (usually, often, depends...): hedge a wrong choice too, or none"
    } else {
        let len = |s: &str| s.chars().count() as f64;
        let mean = wrong.iter().map(|w| len(w)).sum::<f64>() / wrong.len() as f64;
        let longest = wrong.iter().map(|w| len(w)).fold(0.0, f64::max);
        if len(right) > longest && len(right) >= LONG * mean && len(right) >= PHRASE as f64 {
            "the right choice is by far the longest: a learner can pick it by its length; make the wrong choices as specific"
        } else {
            return None;
        }
    };
    Some(Found::warning(
        mcq.line,
        step,
        format!("mcq {q} gives its answer away: {why} (or allow = [\"give-away\"])"),
    ))
}

fn has_error_code(text: &str) -> bool {
    text.as_bytes().windows(5).enumerate().any(|(i, w)| {
        w[0] == b'E'
            && w[1..].iter().all(u8::is_ascii_digit)
            && (i == 0 || !text.as_bytes()[i - 1].is_ascii_alphanumeric())
            && text
                .as_bytes()
                .get(i + 5)
                .is_none_or(|b| !b.is_ascii_alphanumeric())
    })
}

fn is_hedged(text: &str) -> bool {
    words(text).iter().any(|w| HEDGES.contains(&w.as_str()))
}

/// A starter's TODO comment that spells out code the solution adds (code
/// that is nowhere in the starter): the comment tells the learner what to
/// type, where a hint should.
fn todo_states_fix(
    course: &Course,
    step: &Step,
    exercise: &Exercise,
    line: usize,
) -> Option<Found> {
    if exercise.allow.contains(&Lint::TodoStatesFix) {
        return None;
    }
    let starter = std::fs::read_to_string(course.exercise_path(exercise)).ok()?;
    let solution = std::fs::read_to_string(course.root.join(exercise.solution.as_ref()?)).ok()?;
    let starter_lines: HashSet<&str> = starter.lines().collect();
    let added: String = solution
        .lines()
        .filter(|l| !starter_lines.contains(l))
        .map(|l| format!("{}\n", code_part(l)))
        .collect();
    let starter_code: String = starter
        .lines()
        .map(|l| format!("{}\n", code_part(l)))
        .collect();
    let lines: Vec<&str> = starter.lines().collect();
    for (n, l) in lines.iter().enumerate() {
        let Some(at) = l.find("TODO").filter(|&at| l[..at].contains("//")) else {
            continue;
        };
        // The comment goes on over the following comment lines.
        let mut comment = l[at..].to_owned();
        for next in lines[n + 1..].iter().take_while(|x| {
            let t = x.trim_start();
            t.starts_with("//") && !t.contains("TODO")
        }) {
            comment.push('\n');
            comment.push_str(next);
        }
        for code in spelled_code(&comment) {
            if code.chars().count() >= 2 && added.contains(&code) && !starter_code.contains(&code) {
                return Some(Found::warning(
                    line,
                    step,
                    format!(
                        "the TODO comment at {}:{} spells out `{code}`, which the solution adds: say what is wrong there, and let the hint ladder give the fix (or allow = [\"todo-states-fix\"])",
                        exercise.path.display(),
                        n + 1
                    ),
                ));
            }
        }
    }
    None
}

/// A line without its `//` comment.
fn code_part(line: &str) -> &str {
    line.find("//").map_or(line, |i| &line[..i])
}

/// The code a comment spells out: `backticked spans` and calls `f(..)`.
fn spelled_code(comment: &str) -> Vec<String> {
    let mut out: Vec<String> = comment
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|s| s.trim().to_owned())
        .collect();
    let outside: String = comment.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = outside.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphabetic() || chars[i] == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || "_:.!".contains(chars[i])) {
                i += 1;
            }
            if chars.get(i) == Some(&'(') {
                let close = chars[i..].iter().position(|&c| c == ')').map(|p| i + p + 1);
                let end = close.unwrap_or(i + 1);
                out.push(chars[start..end].iter().collect());
            }
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_of_words_and_programs() {
        let a = words("Explain `Send` and `Sync` in 30 seconds.");
        let b = words("What are Send and Sync? Explain them.");
        assert!(dice(&a, &b) >= SIMILAR_PROSE, "{}", dice(&a, &b));
        let c = words("How does a HashMap hash its keys?");
        assert!(dice(&a, &c) < 0.2);
        let p = trigrams("fn main() { let v = vec![1, 2]; println!(\"{}\", v[0]); }");
        let q = trigrams("fn main() {\n    let v = vec![1, 2];\n    println!(\"{}\", v[1]);\n}");
        assert!(dice(&p, &q) > 0.8);
        assert_eq!(dice(&p, &HashSet::new()), 0.0);
    }

    #[test]
    fn error_codes_and_hedges() {
        assert!(has_error_code("It fails with E0382: use of a moved value"));
        assert!(has_error_code("(E0499)"));
        assert!(!has_error_code("E03821 is not a code, nor is XE0382"));
        assert!(is_hedged("It usually works"));
        assert!(!is_hedged("It can work"));
    }

    #[test]
    fn spelled_code_finds_spans_and_calls() {
        let found = spelled_code(
            "TODO: replace the loop with `iter().sum()`, or call total.push(x) yourself.",
        );
        assert_eq!(found, ["iter().sum()", "total.push(x)"]);
        assert_eq!(code_part("let x = 1; // `mut`"), "let x = 1; ");
    }
}
