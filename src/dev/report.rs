//! `learn dev report PATH...`: a classroom report from learners' committed
//! progress files. Per step: how many finished it, the median attempts and
//! hints; per question: how many answered it, how many were right on their
//! first try, and for an MCQ which choices were first picks; flags for
//! questions that look too easy and wrong choices nobody falls for. As text,
//! JSON (shape documented on [`Report`], `version` 1) or CSV.
//!
//! The figures are computed by [`compute`], which reads no file; [`run`]
//! reads the learners' files (read-only) and prints.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use console::style;
use serde::Serialize;

use crate::cli::CsvTable;
use crate::course::{Course, INFO_FILE, Kind, Mcq, Question, Step, index_letter, letter_index};
use crate::files;
use crate::progress::{self, PROGRESS_FILE, Progress, Review};
use crate::session::Exit;
use crate::shell::Shell;
use crate::text::{plural, visible};
use crate::ui;

/// The version of the JSON shape; bumped only when a field changes meaning
/// or goes away (new fields may be added).
pub const JSON_VERSION: u32 = 1;

/// The text report's width.
const WIDTH: usize = 100;

/// What `learn dev report` prints, and when it flags a question.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub output: Output,
    /// A question is flagged only when at least this many learners answered it.
    pub min_learners: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Text,
    Json,
    Csv(CsvTable),
}

impl Options {
    /// From the command line's flags (`--json` and `--csv` exclude each other).
    pub fn new(json: bool, csv: Option<CsvTable>, min_learners: u32) -> Options {
        let output = match (json, csv) {
            (true, _) => Output::Json,
            (false, Some(table)) => Output::Csv(table),
            (false, None) => Output::Text,
        };
        Options {
            output,
            min_learners: min_learners as usize,
        }
    }
}

/// One learner's files, read.
#[derive(Debug, Clone, Default)]
pub struct Learner {
    pub progress: Progress,
    /// Every answer, oldest first.
    pub reviews: Vec<Review>,
}

/// Everything `learn dev report` shows; `--json` prints it as is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub version: u32,
    /// The course's title.
    pub course: String,
    /// How many progress files were read: one per learner.
    pub learners: usize,
    /// The fewest answers for a question to be flagged.
    pub min_learners: usize,
    /// The paths that were not read, with why.
    pub skipped: Vec<Skipped>,
    /// In course order.
    pub steps: Vec<StepFigures>,
    /// In course order.
    pub questions: Vec<QuestionFigures>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepFigures {
    pub name: String,
    pub title: String,
    /// The line of the step's `name` in info.toml.
    pub line: usize,
    /// Learners who finished it (every exercise passed, every MCQ answered right).
    pub finished: usize,
    /// Learners who worked on it: checked, passed or took a hint of one of
    /// its exercises.
    pub worked: usize,
    /// Medians over the learners who worked on it of the checks and of the
    /// hints, each summed over the step's exercises; null when nobody did.
    pub median_attempts: Option<f64>,
    pub median_hints: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionFigures {
    pub id: String,
    pub step: String,
    /// mcq | trace | interview
    pub kind: &'static str,
    /// The line of the question in info.toml.
    pub line: usize,
    /// Learners who answered it at least once.
    pub answered: usize,
    /// Learners whose first answer was right (rating 3 or 4).
    pub first_try_right: usize,
    /// first_try_right / answered; null when nobody answered.
    pub accuracy: Option<f64>,
    /// MCQ: the letters of the right choices; null otherwise.
    pub answer: Option<String>,
    /// MCQ: per choice letter, how many learners picked it in their first
    /// answer; null otherwise.
    pub first_picks: Option<BTreeMap<String, usize>>,
    /// Answered by at least `min_learners`, all right on the first try.
    pub too_easy: bool,
    /// MCQ answered by at least `min_learners`: the wrong choices nobody
    /// picked in a first answer.
    pub dead_distractors: Vec<String>,
    /// MCQ: the choices' text, for the text report (not in the JSON).
    #[serde(skip)]
    pub choices: Vec<String>,
}

/// `learn dev report`: read the learners' files, print the report. Exit 0,
/// or 1 when no file could be read.
pub fn run(sh: &mut Shell, course: &Course, paths: &[PathBuf], options: Options) -> Result<Exit> {
    let (learners, skipped) = collect(course, paths);
    let report = compute(course, &learners, skipped, options.min_learners);
    match options.output {
        Output::Text => write!(sh.out(), "{}", ui::colour(&render(&report)))?,
        Output::Json => {
            let text = serde_json::to_string_pretty(&report).context("cannot encode the report")?;
            writeln!(sh.out(), "{text}")?;
        }
        Output::Csv(table) => {
            // CSV has no room for them: they go to stderr.
            for s in &report.skipped {
                sh.warn(&format!("skipped {}: {}", s.path, s.reason))?;
            }
            let text = match table {
                CsvTable::Questions => questions_csv(&report),
                CsvTable::Steps => steps_csv(&report),
            };
            write!(sh.out(), "{text}")?;
        }
    }
    Ok(if report.learners == 0 {
        Exit::Failed
    } else {
        Exit::Success
    })
}

/// Read every learner's files. A path that cannot be used is skipped with
/// why; the same file named twice is read once.
fn collect(course: &Course, paths: &[PathBuf]) -> (Vec<Learner>, Vec<Skipped>) {
    let mut learners = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = HashSet::new();
    for arg in paths {
        let path = match locate(arg) {
            Ok(path) => path,
            Err(reason) => {
                skipped.push(Skipped::new(arg, &reason));
                continue;
            }
        };
        if let Ok(real) = path.canonicalize()
            && !seen.insert(real)
        {
            skipped.push(Skipped::new(&path, "named twice: read once"));
            continue;
        }
        match progress::read_file(&path, course) {
            Ok((progress, reviews)) => learners.push(Learner { progress, reviews }),
            Err(e) => skipped.push(Skipped::new(&path, &format!("{e:#}"))),
        }
    }
    (learners, skipped)
}

/// The progress file a path names: the path itself, or in a folder its
/// `.learn/progress.toml`, else its `progress.toml`.
fn locate(path: &Path) -> Result<PathBuf, String> {
    if !path.is_dir() {
        return Ok(path.to_owned());
    }
    [
        files::learn_dir(path).join(PROGRESS_FILE),
        path.join(PROGRESS_FILE),
    ]
    .into_iter()
    .find(|p| p.exists())
    .ok_or_else(|| format!("no .learn/{PROGRESS_FILE} or {PROGRESS_FILE} in this folder"))
}

impl Skipped {
    /// Paths and reasons come from outside: made safe to print.
    fn new(path: &Path, reason: &str) -> Skipped {
        Skipped {
            path: visible(&path.display().to_string(), false),
            reason: visible(reason, false),
        }
    }
}

/// The figures of `course` over `learners`.
pub fn compute(
    course: &Course,
    learners: &[Learner],
    skipped: Vec<Skipped>,
    min_learners: usize,
) -> Report {
    let firsts: Vec<HashMap<&str, &Review>> =
        learners.iter().map(|l| first_answers(&l.reviews)).collect();
    Report {
        version: JSON_VERSION,
        course: course.title.clone(),
        learners: learners.len(),
        min_learners,
        skipped,
        steps: course
            .steps
            .iter()
            .map(|step| step_figures(step, learners))
            .collect(),
        questions: course
            .questions()
            .iter()
            .map(|q| question_figures(course, q, &firsts, min_learners))
            .collect(),
    }
}

/// Each question's first answer: only the first answer to a question in a
/// sitting is logged, so its first line is the learner's first try.
fn first_answers(reviews: &[Review]) -> HashMap<&str, &Review> {
    let mut first = HashMap::new();
    for r in reviews {
        first.entry(r.question.as_str()).or_insert(r);
    }
    first
}

fn step_figures(step: &Step, learners: &[Learner]) -> StepFigures {
    let efforts: Vec<(u32, u32)> = learners
        .iter()
        .filter_map(|l| effort(&l.progress, step))
        .collect();
    StepFigures {
        name: step.name.clone(),
        title: step.title.clone(),
        line: step.line,
        finished: learners.iter().filter(|l| l.progress.is_done(step)).count(),
        worked: efforts.len(),
        median_attempts: median(efforts.iter().map(|e| e.0).collect()),
        median_hints: median(efforts.iter().map(|e| e.1).collect()),
    }
}

/// Checks and hints, summed over the step's exercises, when the learner
/// worked on the step (checked, passed or took a hint of an exercise).
fn effort(progress: &Progress, step: &Step) -> Option<(u32, u32)> {
    let exercises: Vec<_> = (0..step.exercises.len())
        .map(|i| progress.exercise(step, i))
        .collect();
    let worked = exercises
        .iter()
        .any(|e| e.passed || e.attempts > 0 || e.hints_used > 0);
    worked.then(|| {
        let attempts = exercises.iter().map(|e| e.attempts).sum();
        let hints = exercises.iter().map(|e| e.hints_used).sum();
        (attempts, hints)
    })
}

/// The middle value, or the mean of the two middle ones; None for no values.
fn median(mut values: Vec<u32>) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(values[n / 2])),
        _ => Some((f64::from(values[n / 2 - 1]) + f64::from(values[n / 2])) / 2.0),
    }
}

fn question_figures(
    course: &Course,
    q: &Question,
    firsts: &[HashMap<&str, &Review>],
    min_learners: usize,
) -> QuestionFigures {
    let answers: Vec<&Review> = firsts
        .iter()
        .filter_map(|f| f.get(q.id()).copied())
        .collect();
    let answered = answers.len();
    let right = answers.iter().filter(|r| r.correct()).count();
    let mcq = match q.kind {
        Kind::Mcq(mcq) => Some(mcq),
        _ => None,
    };
    let picks = mcq.map(|m| first_picks(m, &answers));
    let flagged = answered >= min_learners;
    let dead = match (mcq, &picks) {
        (Some(m), Some(counts)) if flagged => dead_distractors(m, counts),
        _ => Vec::new(),
    };
    QuestionFigures {
        id: q.id().to_owned(),
        step: course.steps[q.step].name.clone(),
        kind: kind_name(q),
        line: q.line(),
        answered,
        first_try_right: right,
        accuracy: (answered > 0).then(|| right as f64 / answered as f64),
        answer: mcq.map(|m| m.answer.iter().map(|&i| index_letter(i)).collect()),
        first_picks: picks.map(|counts| letters(&counts)),
        too_easy: flagged && right == answered,
        dead_distractors: dead,
        choices: mcq.map(|m| m.choices.clone()).unwrap_or_default(),
    }
}

fn kind_name(q: &Question) -> &'static str {
    match q.kind {
        Kind::Mcq(_) => "mcq",
        Kind::Trace(_) => "trace",
        Kind::Interview(_) => "interview",
    }
}

/// Per choice, how many first answers picked it (a letter counts once per
/// answer; letters beyond the choices are ignored).
fn first_picks(mcq: &Mcq, answers: &[&Review]) -> Vec<usize> {
    (0..mcq.choices.len())
        .map(|i| {
            let letter = index_letter(i);
            answers
                .iter()
                .filter(|r| r.picked.as_deref().is_some_and(|p| p.contains(letter)))
                .count()
        })
        .collect()
}

/// The wrong choices no first answer picked, by letter.
fn dead_distractors(mcq: &Mcq, counts: &[usize]) -> Vec<String> {
    (0..counts.len())
        .filter(|&i| counts[i] == 0 && !mcq.answer.contains(&i))
        .map(|i| index_letter(i).to_string())
        .collect()
}

fn letters(counts: &[usize]) -> BTreeMap<String, usize> {
    counts
        .iter()
        .enumerate()
        .map(|(i, &n)| (index_letter(i).to_string(), n))
        .collect()
}

/// `info.toml:LINE`, for an editor to jump to.
fn place(line: usize) -> String {
    format!("{INFO_FILE}:{line}")
}

/// `text` cut to `width` characters, ending with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// A median as text: `2`, `2.5`, or `-` when nobody worked on the step.
fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

/// `right/answered  75%`, or `-`.
fn first_try(q: &QuestionFigures) -> String {
    match q.accuracy {
        Some(a) => format!(
            "{}/{} {:>4}",
            q.first_try_right,
            q.answered,
            format!("{}%", (a * 100.0).round())
        ),
        None => "-".to_owned(),
    }
}

/// `a:1 b:3* c:0`: first picks per choice, `*` on the right ones.
fn picks_text(q: &QuestionFigures) -> String {
    let Some(picks) = &q.first_picks else {
        return String::new();
    };
    let right = q.answer.as_deref().unwrap_or("");
    picks
        .iter()
        .map(|(letter, n)| {
            let star = if right.contains(letter.as_str()) {
                "*"
            } else {
                ""
            };
            format!("{letter}:{n}{star}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The widths of the text report's columns.
struct Columns {
    place: usize,
    step: usize,
    id: usize,
}

impl Columns {
    fn of(report: &Report) -> Columns {
        let steps = report.steps.iter();
        let questions = report.questions.iter();
        let lines = steps
            .clone()
            .map(|s| s.line)
            .chain(questions.clone().map(|q| q.line));
        Columns {
            place: widest(lines.map(|l| place(l).len())).max(5),
            step: widest(steps.map(|s| s.name.chars().count())).clamp(4, 20),
            id: widest(questions.map(|q| q.id.chars().count())).clamp(8, 26),
        }
    }
}

fn widest(widths: impl Iterator<Item = usize>) -> usize {
    widths.max().unwrap_or(0)
}

/// The terminal view: a header, the steps, the questions, the flags.
pub fn render(report: &Report) -> String {
    let columns = Columns::of(report);
    let mut out = String::new();
    header(&mut out, report);
    steps_table(&mut out, report, &columns);
    questions_table(&mut out, report, &columns);
    flags(&mut out, report, &columns);
    out
}

fn header(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "{}",
        style(format!("Classroom report: {}", report.course)).bold()
    );
    let _ = write!(
        out,
        "{} (one per progress file read)",
        plural(report.learners, "learner")
    );
    if report.skipped.is_empty() {
        let _ = writeln!(out);
        return;
    }
    let _ = writeln!(out, "; {} skipped:", plural(report.skipped.len(), "path"));
    for s in &report.skipped {
        let _ = writeln!(out, "  {}: {}", s.path, s.reason);
    }
}

fn steps_table(out: &mut String, report: &Report, c: &Columns) {
    let _ = writeln!(
        out,
        "\n{}",
        style("Steps: medians over the learners who worked on the step").bold()
    );
    let _ = writeln!(
        out,
        "  {:<sw$}  {:<pw$}  FINISHED  WORKED  ATTEMPTS  HINTS",
        "STEP",
        "WHERE",
        sw = c.step,
        pw = c.place
    );
    for s in &report.steps {
        let _ = writeln!(
            out,
            "  {:<sw$}  {:<pw$}  {:>8}  {:>6}  {:>8}  {:>5}",
            fit(&s.name, c.step),
            place(s.line),
            format!("{}/{}", s.finished, report.learners),
            s.worked,
            number(s.median_attempts),
            number(s.median_hints),
            sw = c.step,
            pw = c.place
        );
    }
}

fn questions_table(out: &mut String, report: &Report, c: &Columns) {
    let _ = writeln!(
        out,
        "\n{}",
        style("Questions: FIRST TRY counts the learners whose first answer was right").bold()
    );
    let row = |place: &str, id: &str, kind: &str, answered: &str, first: &str, picks: &str| {
        let line = format!(
            "  {place:<pw$}  {id:<iw$}  {kind:<9}  {answered:>8}  {first:>10}  {picks}",
            pw = c.place,
            iw = c.id
        );
        format!("{}\n", line.trim_end())
    };
    let titles = row(
        "WHERE",
        "QUESTION",
        "KIND",
        "ANSWERED",
        "FIRST TRY",
        "FIRST PICKS (* right)",
    );
    out.push_str(&titles);
    let mut step = None;
    for q in &report.questions {
        if step != Some(&q.step) {
            let _ = writeln!(out, "  {}", style(format!("step {}", q.step)).dim());
            step = Some(&q.step);
        }
        out.push_str(&row(
            &place(q.line),
            &fit(&q.id, c.id),
            q.kind,
            &q.answered.to_string(),
            &first_try(q),
            &picks_text(q),
        ));
    }
}

fn flags(out: &mut String, report: &Report, c: &Columns) {
    let _ = writeln!(
        out,
        "\n{}",
        style(format!(
            "Flags: questions answered by at least {}",
            plural(report.min_learners, "learner")
        ))
        .bold()
    );
    let mut any = false;
    for q in &report.questions {
        let at = format!("  {:<pw$}  {}: ", place(q.line), q.id, pw = c.place);
        if q.too_easy {
            let who = match q.answered {
                1 => "the one learner was".to_owned(),
                n => format!("all {n} learners"),
            };
            let _ = writeln!(out, "{at}too easy? {who} right on the first try");
        }
        for letter in &q.dead_distractors {
            let _ = writeln!(out, "{}", dead_line(&at, letter, &choice_text(q, letter)));
        }
        any |= q.too_easy || !q.dead_distractors.is_empty();
    }
    if !any {
        let _ = writeln!(out, "  none");
    }
}

/// `...: dead distractor c "eprint!": never a first pick`, the choice cut
/// to keep the line within the report's width.
fn dead_line(at: &str, letter: &str, choice: &str) -> String {
    let head = format!("{at}dead distractor {letter} ");
    let tail = ": never a first pick";
    let room = WIDTH.saturating_sub(head.chars().count() + tail.len() + 2);
    format!("{head}\"{}\"{tail}", fit(choice, room.max(10)))
}

/// The text of an MCQ's choice, on one line.
fn choice_text(q: &QuestionFigures, letter: &str) -> String {
    letter_index(letter)
        .and_then(|i| q.choices.get(i))
        .map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// One CSV field, quoted when it must be.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn csv_line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    format!("{}\n", quoted.join(","))
}

/// A share as CSV: at most 4 decimals, empty for none.
fn csv_share(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| {
        ((v * 10_000.0).round() / 10_000.0).to_string()
    })
}

/// `--csv`: one row per question.
fn questions_csv(report: &Report) -> String {
    let mut out = csv_line(
        &[
            "step",
            "id",
            "kind",
            "line",
            "answered",
            "first_try_right",
            "accuracy",
            "answer",
            "first_picks",
            "too_easy",
            "dead_distractors",
        ]
        .map(String::from),
    );
    for q in &report.questions {
        let picks = q.first_picks.as_ref().map(|p| {
            p.iter()
                .map(|(letter, n)| format!("{letter}:{n}"))
                .collect::<Vec<_>>()
                .join(" ")
        });
        out.push_str(&csv_line(&[
            q.step.clone(),
            q.id.clone(),
            q.kind.to_owned(),
            q.line.to_string(),
            q.answered.to_string(),
            q.first_try_right.to_string(),
            csv_share(q.accuracy),
            q.answer.clone().unwrap_or_default(),
            picks.unwrap_or_default(),
            q.too_easy.to_string(),
            q.dead_distractors.concat(),
        ]));
    }
    out
}

/// `--csv=steps`: one row per step.
fn steps_csv(report: &Report) -> String {
    let mut out = csv_line(
        &[
            "step",
            "title",
            "line",
            "learners",
            "finished",
            "worked",
            "median_attempts",
            "median_hints",
        ]
        .map(String::from),
    );
    for s in &report.steps {
        out.push_str(&csv_line(&[
            s.name.clone(),
            s.title.clone(),
            s.line.to_string(),
            report.learners.to_string(),
            s.finished.to_string(),
            s.worked.to_string(),
            csv_share(s.median_attempts),
            csv_share(s.median_hints),
        ]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    /// Step `one` (exercises a and b, an MCQ answered b, an interview
    /// question), step `two` (a select-all MCQ answered a and c).
    fn course(dir: &Path) -> Course {
        std::fs::create_dir_all(dir.join("exercises")).unwrap();
        for f in ["a.rs", "b.rs", "two.rs"] {
            std::fs::write(dir.join("exercises").join(f), "fn main() {}\n").unwrap();
        }
        let info = "format_version = 1\n[course]\ntitle = \"T\"\n\
            [[steps]]\nname = \"one\"\ntitle = \"One\"\ntopic = \"t\"\nlevel = \"beginner\"\n\
            [[steps.exercises]]\npath = \"exercises/a.rs\"\nmode = \"run\"\n\
            [[steps.exercises]]\npath = \"exercises/b.rs\"\nmode = \"run\"\n\
            [[steps.mcq]]\nprompt = \"?\"\nchoices = [\"x\", \"y\", \"z  z\"]\nanswer = \"b\"\n\
            [[steps.interview]]\nquestion = \"?\"\nanswer = \"!\"\n\
            [[steps]]\nname = \"two\"\ntitle = \"Two\"\ntopic = \"t\"\nlevel = \"beginner\"\npath = \"exercises/two.rs\"\nmode = \"run\"\n\
            [[steps.mcq]]\nprompt = \"?\"\nchoices = [\"p\", \"q\", \"r\"]\nanswer = [\"a\", \"c\"]\n";
        std::fs::write(dir.join(INFO_FILE), info).unwrap();
        Course::load(dir).unwrap()
    }

    fn review(minute: u32, question: &str, rating: u8, picked: Option<&str>) -> Review {
        Review {
            at: Utc.with_ymd_and_hms(2026, 12, 1, 10, minute, 0).unwrap(),
            question: question.into(),
            rating,
            picked: picked.map(str::to_owned),
        }
    }

    /// (attempts, hints, passed) of an exercise.
    fn work(p: &mut Progress, step: &Step, i: usize, (attempts, hints, passed): (u32, u32, bool)) {
        let e = p.exercise_mut(step, i);
        (e.attempts, e.hints_used, e.passed) = (attempts, hints, passed);
    }

    /// Three learners who worked, one who did nothing.
    fn class(c: &Course) -> Vec<Learner> {
        let (one, two) = (&c.steps[0], &c.steps[1]);
        let mut ann = Learner::default();
        work(&mut ann.progress, one, 0, (2, 1, true));
        work(&mut ann.progress, one, 1, (3, 0, true));
        ann.progress.step_mut("one").questions_done = true;
        work(&mut ann.progress, two, 0, (1, 0, true));
        ann.progress.step_mut("two").questions_done = true;
        ann.reviews = vec![
            review(1, "one.mcq.0", 3, Some("b")),
            // A later answer is not a first try.
            review(2, "one.mcq.0", 1, Some("a")),
            review(3, "two.mcq.0", 3, Some("ac")),
            review(4, "gone.mcq.0", 3, Some("a")),
        ];
        let mut bob = Learner::default();
        work(&mut bob.progress, one, 0, (1, 0, true));
        work(&mut bob.progress, one, 1, (1, 0, false));
        work(&mut bob.progress, two, 0, (4, 1, false));
        bob.reviews = vec![
            review(1, "one.mcq.0", 1, Some("a")),
            review(2, "one.mcq.0", 3, Some("b")),
            review(3, "one.interview.0", 2, None),
            // b counts once.
            review(4, "two.mcq.0", 1, Some("abb")),
        ];
        let mut cat = Learner::default();
        // A hint taken is work, without a check.
        work(&mut cat.progress, one, 0, (0, 2, false));
        cat.reviews = vec![
            // z is no choice of this question.
            review(1, "one.mcq.0", 3, Some("bz")),
            review(2, "two.mcq.0", 3, Some("ca")),
        ];
        vec![ann, bob, cat, Learner::default()]
    }

    #[test]
    fn medians_of_odd_even_and_no_values() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3]), Some(3.0));
        assert_eq!(median(vec![4, 1]), Some(2.5));
        assert_eq!(median(vec![5, 1, 3]), Some(3.0));
    }

    #[test]
    fn step_figures_count_finishers_and_medians_over_who_worked() {
        let dir = tempfile::tempdir().unwrap();
        let c = course(dir.path());
        let report = compute(&c, &class(&c), Vec::new(), 3);
        assert_eq!((report.learners, report.version), (4, 1));
        let one = &report.steps[0];
        assert_eq!((one.finished, one.worked), (1, 3));
        // Attempts per learner 5, 2, 0; hints 1, 0, 2.
        assert_eq!(
            (one.median_attempts, one.median_hints),
            (Some(2.0), Some(1.0))
        );
        let two = &report.steps[1];
        assert_eq!((two.finished, two.worked), (1, 2));
        assert_eq!(
            (two.median_attempts, two.median_hints),
            (Some(2.5), Some(0.5))
        );
    }

    #[test]
    fn question_figures_count_first_answers_and_first_picks() {
        let dir = tempfile::tempdir().unwrap();
        let c = course(dir.path());
        let report = compute(&c, &class(&c), Vec::new(), 3);
        let ids: Vec<&str> = report.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["one.mcq.0", "one.interview.0", "two.mcq.0"]);
        let [mcq, interview, select] = &report.questions[..] else {
            unreachable!()
        };
        assert_eq!((mcq.answered, mcq.first_try_right), (3, 2));
        assert_eq!(mcq.accuracy, Some(2.0 / 3.0));
        assert_eq!(mcq.answer.as_deref(), Some("b"));
        assert_eq!(picks_text(mcq), "a:1 b:2* c:0");
        assert_eq!(mcq.dead_distractors, ["c"]);
        assert!(!mcq.too_easy);
        // Rated hard: not right.
        assert_eq!((interview.answered, interview.first_try_right), (1, 0));
        assert_eq!(
            (interview.first_picks.as_ref(), interview.kind),
            (None, "interview")
        );
        assert!(interview.dead_distractors.is_empty() && !interview.too_easy);
        assert_eq!((select.answered, select.first_try_right), (3, 2));
        assert_eq!(picks_text(select), "a:3* b:1 c:2*");
        assert!(select.dead_distractors.is_empty());
    }

    #[test]
    fn flags_need_enough_learners() {
        let dir = tempfile::tempdir().unwrap();
        let c = course(dir.path());
        let mut learners = class(&c);
        learners.remove(1);
        // ann and cat: both right on one.mcq.0, both picked b.
        let few = compute(&c, &learners, Vec::new(), 3);
        assert!(!few.questions[0].too_easy);
        assert!(few.questions[0].dead_distractors.is_empty());
        let two = compute(&c, &learners, Vec::new(), 2);
        assert!(two.questions[0].too_easy);
        assert_eq!(two.questions[0].dead_distractors, ["a", "c"]);
        // Nobody answered: no figures, no flag.
        let none = compute(&c, &[], Vec::new(), 1);
        let q = &none.questions[0];
        assert_eq!((q.answered, q.accuracy, q.too_easy), (0, None, false));
        assert_eq!(none.steps[0].median_attempts, None);
    }

    #[test]
    fn the_text_report_fits_100_columns_and_points_at_lines() {
        let dir = tempfile::tempdir().unwrap();
        let c = course(dir.path());
        let skipped = vec![Skipped {
            path: "eve/progress.toml".into(),
            reason: "line 2: invalid string".into(),
        }];
        let report = compute(&c, &class(&c), skipped, 3);
        let text = console::strip_ansi_codes(&render(&report)).into_owned();
        for line in text.lines() {
            assert!(line.chars().count() <= WIDTH, "{line}");
        }
        assert!(
            text.contains(
                "4 learners (one per progress file read); 1 path skipped:\n  eve/progress.toml: line 2: invalid string\n"
            ),
            "{text}"
        );
        let expected = [
            "  one   info.toml:5        1/4       3         2      1",
            "  two   info.toml:23       1/4       2       2.5    0.5",
            "  step one",
            "  info.toml:16  one.mcq.0        mcq               3    2/3  67%  a:1 b:2* c:0",
            "  info.toml:20  one.interview.0  interview         1    0/1   0%",
            "  info.toml:16  one.mcq.0: dead distractor c \"z z\": never a first pick",
        ];
        for line in expected {
            assert!(text.lines().any(|l| l == line), "{line:?} in\n{text}");
        }
    }

    #[test]
    fn csv_rows_quote_what_they_must() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
        let dir = tempfile::tempdir().unwrap();
        let c = course(dir.path());
        let report = compute(&c, &class(&c), Vec::new(), 3);
        let csv = questions_csv(&report);
        let rows: Vec<&str> = csv.lines().collect();
        assert_eq!(
            rows[0],
            "step,id,kind,line,answered,first_try_right,accuracy,answer,first_picks,too_easy,dead_distractors"
        );
        let line = c.steps[0].mcqs[0].line;
        assert_eq!(
            rows[1],
            format!("one,one.mcq.0,mcq,{line},3,2,0.6667,b,a:1 b:2 c:0,false,c")
        );
        assert!(rows[2].ends_with(",1,0,0,,,false,"), "{}", rows[2]);
        let steps = steps_csv(&report);
        assert_eq!(steps.lines().nth(2), Some("two,Two,23,4,1,2,2.5,0.5"));
    }

    #[test]
    fn a_folder_names_its_progress_file() {
        let dir = tempfile::tempdir().unwrap();
        let (learn, plain, empty) = (
            dir.path().join("a"),
            dir.path().join("b"),
            dir.path().join("c"),
        );
        for d in [learn.join(".learn"), plain.clone(), empty.clone()] {
            std::fs::create_dir_all(d).unwrap();
        }
        std::fs::write(learn.join(".learn").join(PROGRESS_FILE), "").unwrap();
        std::fs::write(learn.join(PROGRESS_FILE), "").unwrap();
        std::fs::write(plain.join(PROGRESS_FILE), "").unwrap();
        assert_eq!(locate(&learn), Ok(learn.join(".learn").join(PROGRESS_FILE)));
        assert_eq!(locate(&plain), Ok(plain.join(PROGRESS_FILE)));
        assert!(
            locate(&empty)
                .unwrap_err()
                .contains("no .learn/progress.toml")
        );
        let file = dir.path().join("x.toml");
        assert_eq!(locate(&file), Ok(file.clone()));
    }
}
