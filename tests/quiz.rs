//! `learn quiz` and `learn stats` through the built binary, on copies of
//! tests/fixtures/quiz: sessions scripted on stdin (one answer per line), the
//! stored review state, `stats --json`, and one real-terminal session.

mod common;

use std::collections::BTreeMap;

use common::{BIN, TempCourse, stderr_of, stdout_of};
use predicates::prelude::*;

fn course() -> TempCourse {
    TempCourse::fixture("quiz")
}

/// `learn quiz ARGS` with `script` on stdin; it must succeed. Its stdout.
fn quiz(c: &TempCourse, args: &[&str], script: &str) -> String {
    let out = c
        .learn()
        .arg("quiz")
        .args(args)
        .write_stdin(script)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    stdout_of(&out)
}

/// The letter of `choice` in the MCQ a quiz asks first, read from a quiz
/// that stops at once (the end of input). With the same seed a later quiz
/// shows the question the same way.
fn letter(c: &TempCourse, args: &[&str], choice: &str) -> char {
    let shown = quiz(c, args, "");
    assert!(shown.contains("Quiz stopped before any answer."), "{shown}");
    let line = shown
        .lines()
        .find(|l| l.trim_start().get(3..) == Some(choice))
        .unwrap_or_else(|| panic!("no choice {choice:?} in:\n{shown}"));
    line.trim_start().chars().next().unwrap()
}

/// What these tests read of the progress: the review schedule
/// (.learn/schedule.txt) and the answers (the review log beside it).
struct Progress {
    cards: BTreeMap<String, Card>,
    reviews: Vec<Review>,
}

#[derive(Debug)]
struct Card {
    due: chrono::DateTime<chrono::Utc>,
    last_review: chrono::DateTime<chrono::Utc>,
    reps: i32,
    lapses: i32,
    state: String,
}

struct Review {
    question: String,
    rating: u8,
}

fn progress(c: &TempCourse) -> Progress {
    // The schedule: a comment, then `id due stability difficulty reps
    // lapses state last_review elapsed scheduled` per line.
    let schedule = std::fs::read_to_string(c.path(".learn/schedule.txt")).unwrap_or_default();
    let time = |s: &str| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
    let cards = schedule
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            assert_eq!(f.len(), 10, "{l}");
            let card = Card {
                due: time(f[1]),
                reps: f[4].parse().unwrap(),
                lapses: f[5].parse().unwrap(),
                state: f[6].to_owned(),
                last_review: time(f[7]),
            };
            (f[0].to_owned(), card)
        })
        .collect();
    let log = std::fs::read_to_string(c.path(".learn/reviews.log")).unwrap_or_default();
    let reviews = log
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let fields: Vec<&str> = l.split(' ').collect();
            Review {
                question: fields[1].to_owned(),
                rating: fields[2].parse().unwrap(),
            }
        })
        .collect();
    Progress { cards, reviews }
}

fn ratings(p: &Progress, id: &str) -> Vec<u8> {
    p.reviews
        .iter()
        .filter(|r| r.question == id)
        .map(|r| r.rating)
        .collect()
}

fn stats_json(c: &TempCourse) -> serde_json::Value {
    let out = c.learn().args(["stats", "--json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn topic<'a>(stats: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    stats["topics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["topic"] == name)
        .unwrap_or_else(|| panic!("no topic {name} in {stats:#}"))
}

/// The whole first step, answered right: MCQ, tracing, interview rated easy.
fn answer_intro(c: &TempCourse) -> String {
    let b = letter(c, &["--seed", "5"], "println!");
    quiz(
        c,
        &["--seed", "5"],
        &format!("{b}\ny\n3\n4\n\nmy own words\n4\n"),
    )
}

#[test]
fn a_scripted_quiz_stores_cards_and_reviews_and_stats_reports_them() {
    let c = course();
    let out = answer_intro(&c);
    assert!(
        out.contains("Quiz: 3 questions from the 1 step you have reached: 0 due, 3 new."),
        "{out}"
    );
    // Feedback: the chosen choice's explanation and the general one.
    assert!(out.contains("println! adds a newline"), "{out}");
    assert!(out.contains("println! writes a line to stdout."), "{out}");
    assert!(
        out.contains("It compiles and prints:\n    3\n    4"),
        "{out}"
    );
    // What the learner typed stands beside the model answer.
    assert!(
        out.contains("Your answer:\n  my own words\nModel answer:\n  It formats its arguments"),
        "{out}"
    );
    assert!(
        out.contains("Quiz over: 3 answers, 3 right, 0 wrong or hard."),
        "{out}"
    );
    assert!(!out.contains('\x1b'), "{out}");

    let p = progress(&c);
    let ids: Vec<&str> = p.cards.keys().map(String::as_str).collect();
    assert_eq!(ids, ["intro.interview.0", "intro.mcq.0", "intro.trace.0"]);
    let mcq = &p.cards["intro.mcq.0"];
    assert_eq!(
        (mcq.state.as_str(), mcq.reps, mcq.lapses),
        ("learning", 1, 0)
    );
    assert_eq!((mcq.due - mcq.last_review).num_minutes(), 10);
    // Rated easy: straight to review, days away.
    let interview = &p.cards["intro.interview.0"];
    assert_eq!(interview.state, "review");
    assert!((interview.due - interview.last_review).num_days() >= 1);
    let log: Vec<(&str, u8)> = p
        .reviews
        .iter()
        .map(|r| (r.question.as_str(), r.rating))
        .collect();
    assert_eq!(
        log,
        [
            ("intro.mcq.0", 3),
            ("intro.trace.0", 3),
            ("intro.interview.0", 4)
        ]
    );

    let stats = stats_json(&c);
    assert_eq!(stats["version"], 1);
    assert_eq!(stats["course"], "Quiz fixture");
    assert_eq!(stats["reviews"], 3);
    assert_eq!(stats["questions_total"], 9);
    assert_eq!(stats["questions_seen"], 3);
    assert_eq!(stats["due_now"], 0);
    assert!(stats["next_due"].is_string(), "{stats:#}");
    // Topics with answers come first.
    assert_eq!(stats["topics"][0]["topic"], "basics");
    let basics = topic(&stats, "basics");
    assert_eq!(basics["reviews"], 3);
    assert_eq!(basics["correct"], 3);
    assert_eq!(basics["accuracy"], 1.0);
    assert_eq!(basics["questions_seen"], 3);
    assert_eq!(basics["questions_total"], 4);
    assert_eq!(basics["steps_total"], 2);
    let ownership = topic(&stats, "ownership");
    assert!(ownership["accuracy"].is_null(), "{stats:#}");
    assert_eq!(ownership["reviews"], 0);
    let days = stats["reviews_per_day"].as_array().unwrap();
    assert_eq!(days.len(), 14);
    assert_eq!(days[13]["reviews"], 3);
    assert_eq!(days[13]["correct"], 3);
}

#[test]
fn nothing_due_or_new_says_when_the_next_question_is_due() {
    let c = course();
    answer_intro(&c);
    let out = quiz(&c, &[], "");
    assert!(
        out.contains(
            "Nothing to drill in the 1 step you have reached: no question is due and none is new."
        ),
        "{out}"
    );
    assert!(out.contains("The next one is due in 10 minutes ("), "{out}");
}

#[test]
fn a_missed_question_comes_back_later_in_the_same_quiz() {
    let c = course();
    let wrong = letter(&c, &["--seed", "9"], "print!");
    let script = format!("{wrong}\ny\n3\n4\n\n\n3\n");
    let out = quiz(&c, &["--seed", "9"], &script);
    assert!(out.contains("✗ Not quite."), "{out}");
    assert!(out.contains("print! adds no newline"), "{out}");
    assert!(out.contains("It comes back later in this quiz."), "{out}");
    // The input ended while it was asked again: nothing more recorded.
    assert!(
        out.contains("── 4/4 · basics · intro · multiple choice · again"),
        "{out}"
    );
    assert!(
        out.contains("Quiz stopped: 3 answers, 2 right, 1 wrong or hard."),
        "{out}"
    );
    assert_eq!(ratings(&progress(&c), "intro.mcq.0"), [1]);

    // Again, answered right the second time; it is reshuffled when it comes
    // back, so read its letter off the screen through a live session.
    let c = course();
    let mut child = std::process::Command::new(BIN)
        .args(["quiz", "--seed", "9"])
        .current_dir(c.root())
        .env("NO_COLOR", "1")
        .env_remove("LEARN_COURSE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    use std::io::{BufRead, Write};
    writeln!(stdin, "{wrong}\ny\n3\n4\n\n\n3").unwrap();
    stdin.flush().unwrap();
    let mut lines = std::io::BufReader::new(stdout).lines();
    let mut transcript = String::new();
    let mut again = false;
    let mut answered = false;
    while let Some(Ok(line)) = lines.next() {
        transcript.push_str(&line);
        transcript.push('\n');
        again |= line.contains("multiple choice · again");
        if again && !answered && line.trim_start().get(3..) == Some("println!") {
            let l = line.trim_start().chars().next().unwrap();
            writeln!(stdin, "{l}").unwrap();
            stdin.flush().unwrap();
            answered = true;
        }
        if answered && line.starts_with("Practice") {
            break;
        }
    }
    drop(stdin);
    for line in lines.map_while(Result::ok) {
        transcript.push_str(&line);
        transcript.push('\n');
    }
    assert!(child.wait().unwrap().success());
    assert!(answered, "{transcript}");
    assert!(
        transcript.contains("Quiz over: 4 answers, 3 right, 1 wrong or hard."),
        "{transcript}"
    );
    // The answer after the right one was shown is practice: the schedule
    // keeps the first answer (again), so the missed question comes due
    // before the ones answered right.
    assert!(
        transcript.contains("Practice: the schedule keeps your first answer of this quiz."),
        "{transcript}"
    );
    let p = progress(&c);
    assert_eq!(ratings(&p, "intro.mcq.0"), [1]);
    assert_eq!(p.cards["intro.mcq.0"].reps, 1);
    assert!(p.cards["intro.mcq.0"].due < p.cards["intro.trace.0"].due);
    let basics = &stats_json(&c)["topics"][0];
    assert_eq!(
        (basics["reviews"].as_u64(), basics["correct"].as_u64()),
        (Some(3), Some(2))
    );
}

/// A card as the schedule stores it, due `due`.
fn schedule_line(id: &str, due: &str) -> String {
    format!("{id} {due} 3 5 2 0 review 2020-01-01T00:00:00Z 0 0\n")
}

/// A card as progress.toml held it before the schedule had its own file.
fn card(id: &str, due: &str) -> String {
    format!(
        "[cards.\"{id}\"]\ndue = \"{due}\"\nstability = 3.0\ndifficulty = 5.0\nreps = 2\nlapses = 0\nstate = \"review\"\nlast_review = \"2020-01-01T00:00:00Z\"\n\n"
    )
}

#[test]
fn due_questions_come_first_most_overdue_first_then_new_in_course_order() {
    let c = course();
    c.write(
        ".learn/schedule.txt",
        &[
            schedule_line("intro.trace.0", "2021-01-03T00:00:00Z"),
            schedule_line("ownership-in-30s", "2021-01-01T00:00:00Z"),
            schedule_line("intro.mcq.0", "2999-01-01T00:00:00Z"),
        ]
        .concat(),
    );
    let script = "I said something\n3\ny\n3\n4\n\n\n2\n";
    let out = quiz(&c, &["--all", "--limit", "3", "--seed", "1"], script);
    assert!(
        out.contains("Quiz: 3 questions from the whole course: 2 due, 1 new."),
        "{out}"
    );
    let at = |needle: &str| {
        out.find(needle)
            .unwrap_or_else(|| panic!("no {needle:?} in:\n{out}"))
    };
    assert!(at("Explain ownership in 30 seconds.") < at("let x = 3;"));
    assert!(at("let x = 3;") < at("What does println! do?"));
    // Not due, and over the limit: not asked.
    assert!(!out.contains("Which macro prints a line?"), "{out}");
    assert!(!out.contains("Is a `let` binding mutable"), "{out}");
    assert!(
        out.contains("5 questions are due or new: `learn quiz` drills them."),
        "{out}"
    );

    let p = progress(&c);
    assert_eq!(ratings(&p, "ownership-in-30s"), [3]);
    assert_eq!(ratings(&p, "intro.trace.0"), [3]);
    assert_eq!(ratings(&p, "intro.interview.0"), [2]);
    assert_eq!(p.cards["ownership-in-30s"].reps, 3);
    assert!(p.cards["ownership-in-30s"].due > chrono::Utc::now());
    // Untouched.
    assert_eq!(p.cards["intro.mcq.0"].reps, 2);
}

#[test]
fn tracing_select_all_and_the_explicit_id_of_a_step_ahead() {
    let c = course();
    // --step picks a step the learner has not reached.
    let args = ["--step", "moves", "--seed", "2"];
    let a = letter(&c, &args, "i32");
    let b = letter(&c, &args, "bool");
    let script = format!("{a}{b}\nn\ny\npanic\n\n1\n");
    let out = quiz(&c, &args, &script);
    assert!(
        out.contains("Quiz: 4 questions from step `moves`: 0 due, 4 new."),
        "{out}"
    );
    assert!(out.contains("Select all that apply"), "{out}");
    assert!(out.contains("It does not compile (E0382)."), "{out}");
    assert!(
        out.contains("It compiles, prints\n    start\nand then panics."),
        "{out}"
    );
    assert!(out.contains("It comes back later in this quiz."), "{out}");
    let p = progress(&c);
    assert_eq!(ratings(&p, "moves.mcq.0"), [3]);
    assert_eq!(ratings(&p, "moves.trace.0"), [3]);
    assert_eq!(ratings(&p, "moves.trace.1"), [3]);
    assert_eq!(ratings(&p, "ownership-in-30s"), [1]);
}

#[test]
fn wrong_tracing_answers_and_bad_input() {
    let c = course();
    let b = letter(&c, &["--seed", "4"], "println!");
    // z and two letters are refused; "maybe" is neither y nor n.
    let script = format!("z\nab\n{b}\nmaybe\ny\n3\n5\n\n");
    let out = quiz(&c, &["--seed", "4"], &script);
    assert!(
        out.contains("`z` is not a choice: answer with one letter from a to c"),
        "{out}"
    );
    assert!(out.contains("`ab` is not a choice"), "{out}");
    assert!(out.contains("`maybe` is neither y nor n"), "{out}");
    assert!(
        out.contains("✗ Not quite. It compiles and prints:"),
        "{out}"
    );
    let p = progress(&c);
    assert_eq!(ratings(&p, "intro.mcq.0"), [3]);
    assert_eq!(ratings(&p, "intro.trace.0"), [1]);
    // The interview was shown; the input ended before its answer.
    assert!(out.contains("What does println! do?"), "{out}");
    assert!(ratings(&p, "intro.interview.0").is_empty());
    assert!(
        out.contains("1 question is due or new: `learn quiz` drills them."),
        "{out}"
    );
}

#[test]
fn a_removed_question_leaves_the_schedule_but_not_the_log() {
    let c = course();
    c.write(
        ".learn/progress.toml",
        &(card("gone.mcq.0", "2021-01-01T00:00:00Z")
            + "[[reviews]]\nat = \"2021-01-01T00:00:00Z\"\nquestion = \"gone.mcq.0\"\nrating = 1\n"),
    );
    let out = quiz(&c, &["--step", "borrows", "--seed", "1"], "");
    assert!(
        out.contains("Dropped the review schedule of 1 question no longer in the course (gone.mcq.0); their review log is kept."),
        "{out}"
    );
    let p = progress(&c);
    assert!(p.cards.is_empty(), "{:?}", p.cards);
    assert_eq!(ratings(&p, "gone.mcq.0"), [1]);
    let stats = stats_json(&c);
    assert_eq!(stats["reviews"], 1);
    assert!(
        stats["topics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["reviews"] == 0)
    );
}

#[test]
fn scope_flags_choose_the_questions() {
    let c = course();
    c.learn()
        .args(["quiz", "--topic", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no topic `nope` in this course: the topics are basics, ownership",
        ));
    c.learn()
        .args(["quiz", "--limit", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--limit must be at least 1"));
    let out = quiz(&c, &["--topic", "ownership"], "");
    assert!(
        out.contains("The steps of topic `ownership` you have reached have no questions yet"),
        "{out}"
    );
    let out = quiz(&c, &["--topic", "ownership", "--all"], "");
    assert!(
        out.contains("5 questions from topic `ownership`: 0 due, 5 new."),
        "{out}"
    );
    let out = quiz(&c, &["--all", "--limit", "2"], "");
    assert!(
        out.contains("2 questions from the whole course: 0 due, 2 new."),
        "{out}"
    );
    let out = quiz(&c, &["--step", "4"], "");
    assert!(out.contains("1 question from step `borrows`"), "{out}");
    // Reaching step 3 brings steps 1-3 in.
    c.learn().args(["jump", "moves"]).assert().success();
    let out = quiz(&c, &[], "");
    assert!(
        out.contains("8 questions from the 3 steps you have reached: 0 due, 8 new."),
        "{out}"
    );
}

#[test]
fn stats_shows_topics_weakest_first_with_bars_confidence_and_days() {
    let c = course();
    c.learn()
        .args(["lesson", "intro", "--confidence", "2"])
        .assert()
        .success();
    c.learn()
        .args(["lesson", "moves", "--confidence", "4"])
        .assert()
        .success();
    answer_intro(&c);
    // ownership: its select-all question answered wrong.
    let out = quiz(&c, &["--step", "moves", "--seed", "3"], "");
    assert!(out.contains("Which types are Copy?"), "{out}");
    let wrong = letter(&c, &["--step", "moves", "--seed", "3"], "String");
    quiz(
        &c,
        &["--step", "moves", "--seed", "3"],
        &format!("{wrong}\n"),
    );

    let out = c.learn().arg("stats").output().unwrap();
    assert!(out.status.success());
    let text = stdout_of(&out);
    assert!(text.contains("Quiz fixture"), "{text}");
    assert!(
        text.contains("0 of 4 steps done · 4 of 9 questions seen"),
        "{text}"
    );
    let ownership = text
        .lines()
        .find(|l| l.trim_start().starts_with("ownership"))
        .unwrap();
    let basics = text
        .lines()
        .find(|l| l.trim_start().starts_with("basics"))
        .unwrap();
    assert!(
        text.find(ownership).unwrap() < text.find(basics).unwrap(),
        "{text}"
    );
    assert!(ownership.contains("░░░░░░░░░░   0% 0/1"), "{ownership}");
    assert!(ownership.contains("4.0/4"), "{ownership}");
    assert!(basics.contains("██████████ 100% 3/3"), "{basics}");
    assert!(basics.contains("2.0/4"), "{basics}");
    assert!(text.contains("Answers per day, last 14 days:"), "{text}");
    assert!(text.contains("████████████████████ 4 (3 right)"), "{text}");

    let stats = stats_json(&c);
    let names: Vec<&str> = stats["topics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["topic"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["ownership", "basics"]);
    assert_eq!(topic(&stats, "basics")["confidence"], 2.0);
    assert_eq!(topic(&stats, "ownership")["confidence"], 4.0);
    assert_eq!(topic(&stats, "ownership")["accuracy"], 0.0);
    assert_eq!(topic(&stats, "ownership")["confidence_rated"], 1);
}

#[test]
fn terminal_quiz_takes_a_single_key_press() {
    let c = course();
    let mut t = common::Tty::spawn(&c, &["quiz", "--step", "vars", "--seed", "1"], 24, 80);
    t.wait_for("Is a `let` binding mutable by default?");
    t.wait_for("Press a letter.");
    let no = t.letter_of("no");
    // One key, no Enter.
    t.send(&no.to_string());
    t.wait_for("Right.");
    t.wait_for("any key: next question");
    t.send(" ");
    let screen = t.wait_exit();
    assert!(
        screen.contains("Quiz over: 1 answer, 1 right, 0 wrong or hard."),
        "{screen}"
    );
    assert_eq!(ratings(&progress(&c), "vars.mcq.0"), [3]);
}

#[test]
fn a_question_longer_than_the_screen_scrolls() {
    let c = course();
    let info = c.read("info.toml");
    let filler: String = (1..=30).map(|n| format!("Filler line {n}.\n\n")).collect();
    let info = info.replace(
        "prompt = \"Is a `let` binding mutable by default?\"",
        &format!("prompt = \"\"\"\nThe first line of a long prompt.\n{filler}Is a `let` binding mutable by default?\"\"\""),
    );
    c.write("info.toml", &info);
    let mut t = common::Tty::spawn(&c, &["quiz", "--step", "vars", "--seed", "1"], 20, 60);
    // A question opens at its top, saying there is more below.
    let screen = t.wait_for("The first line of a long prompt.");
    assert!(screen.contains("more lines (PgDn, ↓)"), "{screen}");
    assert!(!screen.contains("Filler line 24."), "{screen}");
    // The header stays.
    assert_eq!(
        screen.lines().next().map(str::trim_end),
        Some("Quiz fixture"),
        "{screen}"
    );
    t.send("\x1b[6~"); // PgDn: a page on
    t.wait_for("Filler line 10.");
    t.send("\x1b[F"); // End: the choices
    let screen = t.wait_for("Press a letter.");
    assert!(screen.contains("↑ more above (PgUp, ↑)"), "{screen}");
    t.send("\x1b[H"); // Home: the start again; scrolling answers nothing
    t.wait_for("The first line of a long prompt.");
    t.send("\x1b[F");
    t.wait_for("Press a letter.");
    let no = t.letter_of("no");
    t.send(&no.to_string());
    t.wait_for("Right.");
    t.send("q");
    t.wait_exit();
    assert_eq!(ratings(&progress(&c), "vars.mcq.0"), [3]);
}

#[test]
fn terminal_quiz_asks_for_the_line_rustc_rejects() {
    let c = course();
    let info = c.read("info.toml");
    // The first tracing question of step `moves` does not compile: say where.
    let program_end = info
        .find("compiles = false")
        .expect("a program that does not compile");
    let info = format!(
        "{}compiles = false\nerror_line = 4{}",
        &info[..program_end],
        &info[program_end + "compiles = false".len()..]
    );
    c.write("info.toml", &info);
    let mut t = common::Tty::spawn(&c, &["quiz", "--step", "moves", "--seed", "1"], 24, 80);
    // First the select-all question: letters toggle, Enter answers.
    t.wait_for("Which types are Copy? (select all)");
    let (a, b) = (t.letter_of("bool"), t.letter_of("i32"));
    t.send(&format!("{a}{b}"));
    t.wait_for("Selected:");
    t.send("\r");
    t.wait_for("any key: next question");
    t.send(" ");
    t.wait_for("Does this program compile? (y/n)");
    t.send("n");
    t.wait_for("Which line does rustc reject?");
    t.send("9\r");
    t.wait_for("is not a line of the program");
    t.send("2\r");
    t.wait_for("Right that it does not compile, but not line 2.");
    t.send("q");
    let screen = t.wait_exit();
    assert!(screen.contains("Quiz stopped"), "{screen}");
}

#[test]
fn a_program_that_does_not_compile_asks_for_the_line_rustc_rejects() {
    let c = course();
    let info = c.read("info.toml").replacen(
        "compiles = false\n",
        "compiles = false\nerror_line = 4\n",
        1,
    );
    c.write("info.toml", &info);
    let args = ["--step", "moves", "--seed", "2"];
    let a = letter(&c, &args, "i32");
    let b = letter(&c, &args, "bool");
    // The right verdict and a wrong line: hard, not good; a line that is not
    // in the program is asked again.
    let script = format!("{a}{b}\nn\n9\n3\n");
    let out = quiz(&c, &args, &script);
    assert!(out.contains("Which line does rustc reject?"), "{out}");
    assert!(
        out.contains("`9` is not a line of the program: give a number from 1 to 5"),
        "{out}"
    );
    assert!(
        out.contains("◐ Right that it does not compile, but not line 3. It does not compile (E0382): rustc rejects line 4."),
        "{out}"
    );
    assert_eq!(ratings(&progress(&c), "moves.trace.0"), [2]);
    // The right line: good.
    let c = course();
    c.write("info.toml", &info);
    let out = quiz(&c, &args, &format!("{a}{b}\nn\n4\n"));
    assert!(
        out.contains("✓ Right. It does not compile (E0382): rustc rejects line 4."),
        "{out}"
    );
    assert_eq!(ratings(&progress(&c), "moves.trace.0"), [3]);
}

#[test]
fn terminal_quiz_drops_a_help_line_once_it_is_answered() {
    let c = course();
    let mut t = common::Tty::spawn(&c, &["quiz", "--step", "intro", "--seed", "5"], 24, 80);
    t.wait_for("Press a letter.");
    let b = t.letter_of("println!");
    t.send(&b.to_string());
    t.wait_for("any key: next question");
    t.send(" ");
    t.wait_for("(y/n)");
    t.send("y");
    t.wait_for("What does it print?");
    t.send("3\r");
    t.send("4\r");
    t.send("\r");
    t.wait_for("any key: next question");
    t.send(" ");
    t.wait_for("What does println! do?");
    t.send("\r");
    t.wait_for("How well did you recall it?");
    t.send("x");
    t.wait_for("is not a rating");
    t.send("3");
    let screen = t.wait_for("any key: next question");
    assert!(!screen.contains("is not a rating"), "{screen}");
    t.send("q");
    t.wait_exit();
}
