//! Watch mode: the non-terminal protocol (one answer per line), every common
//! editor save pattern, bursts of saves, and real-terminal runs in a pty.

mod common;

use std::io::Write;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{BIN, TempCourse, Tty};

const WAIT: Duration = Duration::from_secs(60);

/// `learn watch` with piped stdin and stdout, and its transcript so far.
struct Session {
    child: Child,
    stdin: Option<ChildStdin>,
    out: Arc<Mutex<String>>,
    /// Where the next `wait_for` starts looking.
    seen: usize,
}

impl Session {
    fn start(course: &TempCourse) -> Session {
        Session::start_with(course, &["watch"])
    }

    fn transcript(&self) -> String {
        self.out.lock().unwrap().clone()
    }

    /// Wait until `needle` appears after what earlier waits consumed.
    fn wait_for(&mut self, needle: &str) {
        let start = Instant::now();
        loop {
            let text = self.transcript();
            if let Some(at) = text[self.seen..].find(needle) {
                self.seen += at + needle.len();
                return;
            }
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for {needle:?}; transcript after the last match:\n{}",
                &text[self.seen..]
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The letter a choice is shown under in the most recent question.
    fn letter_of(&self, choice: &str) -> char {
        let text = self.transcript();
        let line = text
            .lines()
            .rev()
            .find(|l| l.trim_start().get(3..) == Some(choice))
            .unwrap_or_else(|| panic!("no choice {choice:?} in:\n{text}"));
        line.trim_start().chars().next().unwrap()
    }

    fn send(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
    }

    /// Quit with `q` and return the whole transcript.
    fn quit(mut self) -> String {
        self.send("q");
        drop(self.stdin.take());
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status}");
        self.transcript()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The fixture course, on step `compile_error` whose starter does not compile.
fn on_compile_error_step() -> (TempCourse, Session) {
    let c = TempCourse::fixture("basic");
    c.learn().args(["jump", "compile_error"]).assert().success();
    let mut s = Session::start(&c);
    s.wait_for("exercises/compile_error.rs does not compile yet");
    (c, s)
}

#[test]
fn protocol_passing_exercise_then_questions_then_next_step() {
    let c = TempCourse::fixture("basic");
    let mut s = Session::start(&c);
    s.wait_for("Step 1/8: A program that passes");
    s.wait_for("exercises/passes.rs passes");
    s.wait_for("Which macro prints a line?");
    // A wrong answer: its explanation, the general one, and the question again.
    let wrong = s.letter_of("print!");
    s.send(&wrong.to_string());
    s.wait_for("✗ Not quite.");
    s.wait_for("no newline");
    s.wait_for("println! writes a line to stdout.");
    s.wait_for("Which macro prints a line?");
    let right = s.letter_of("println!");
    s.send(&right.to_string());
    s.wait_for("✓ Right.");
    // The step is done before the next one opens; the rating comes first.
    s.wait_for("✓ Step 1 `A program that passes` is done.");
    s.wait_for("Can you explain `passes` in 30 seconds without notes?");
    s.send("3");
    s.wait_for("Confidence for `passes` recorded: 3/4.");
    s.wait_for("Step 2/8: A program that does not compile");
    s.wait_for("does not compile yet");

    // Fix step 2; its select-all question takes letters on one line.
    c.solve("compile_error");
    s.wait_for("exercises/compile_error.rs passes");
    s.wait_for("After `let t = s;`");
    let moved = s.letter_of("moved");
    s.send(&moved.to_string());
    s.wait_for("Which are Copy? (select all)");
    let both = format!("{} {}", s.letter_of("i32"), s.letter_of("bool"));
    s.send(&both);
    s.wait_for("✓ Step 2 `A program that does not compile` is done.");
    // Any other key goes on without a rating.
    s.send("");
    s.wait_for("Step 3/8: A program that exits with 3");
    s.quit();

    let progress = c.progress();
    assert!(
        progress.contains("current = \"runtime_fail\""),
        "{progress}"
    );
    assert!(
        progress.contains("[steps.passes]\nquestions_done = true\nconfidence = 3\n"),
        "{progress}"
    );
    assert!(
        progress.contains("[steps.passes.exercises.passes]\npassed = true"),
        "{progress}"
    );
    // Answers in watch mode are reviews for the quiz schedule too: the first
    // answer only; the question answered again after its answer was shown
    // is practice.
    let schedule = c.read(".learn/schedule.txt");
    assert!(schedule.contains("\npasses.mcq.0 "), "{schedule}");
    // No empty table for the step just reached.
    assert!(!progress.contains("[steps.runtime_fail"), "{progress}");
    let log = c.read(".learn/reviews.log");
    assert_eq!(log.matches(" passes.mcq.0 1").count(), 1, "{log}");
    assert_eq!(log.matches(" passes.mcq.0 ").count(), 1, "{log}");
    assert!(
        progress.contains("[steps.compile_error]\nquestions_done = true"),
        "{progress}"
    );
    assert!(
        progress.contains("[steps.compile_error.exercises.compile_error]\npassed = true"),
        "{progress}"
    );
}

#[test]
fn protocol_lines_sent_before_the_verdict_answer_the_questions_after_it() {
    let c = TempCourse::fixture("basic");
    let mut s = Session::start(&c);
    // Sent at once, before the first check can have finished: the letters
    // are answers to the question that follows the verdict, not commands.
    // Each wrong answer reshuffles the choices, so cycle through the letters.
    for _ in 0..20 {
        for letter in ["a", "b", "c"] {
            s.send(letter);
        }
    }
    s.wait_for("Step 2/8");
    let t = s.quit();
    let step2 = t.find("Step 2/8").unwrap();
    let verdict = t.find("exercises/passes.rs passes").unwrap();
    let right = t.find("✓ Right.").unwrap();
    assert!(verdict < right && right < step2, "{t}");
    assert!(!t[..step2].contains("Keys: h hint"), "{t}");
}

#[test]
fn protocol_keys_hint_list_interview_explain_and_skip() {
    let (c, mut s) = on_compile_error_step();
    s.send("h");
    s.wait_for("Hint 1/1: clone it");
    s.send("i");
    s.wait_for("This step has no interview questions.");
    s.send("e");
    s.wait_for("rustc --explain E0382\n");
    s.wait_for("A variable was used after its contents have been moved elsewhere.");
    s.send("n");
    s.wait_for("Skip to the next step anyway? (y/n)");
    s.send("n");
    s.wait_for("Staying on this step.");
    s.send("l");
    s.wait_for("Type a step number");
    s.send("1");
    s.wait_for("Step 1/8: A program that passes");
    s.quit();
    assert!(c.progress().contains("hints_used = 1"), "{}", c.progress());
}

#[test]
fn protocol_interview_questions_show_with_model_answers() {
    let c = TempCourse::fixture("basic");
    c.write("exercises/passes.rs", "fn main() {}\n");
    let mut s = Session::start(&c);
    s.wait_for("its output is not the expected one");
    s.send("i");
    s.wait_for("Interview question 1/1: What does println! do?");
    s.wait_for("It formats its arguments");
    s.quit();
}

#[test]
fn protocol_the_last_step_done_shows_the_courses_closing_message() {
    let c = TempCourse::fixture("basic");
    let names = [
        "passes",
        "compile_error",
        "runtime_fail",
        "panics",
        "forever",
        "flood",
        "tests_pass",
    ];
    let mut progress = String::from("current = \"tests_fail\"\n");
    for name in names {
        progress.push_str(&format!(
            "[steps.{name}]\nexercise_passed = true\nquestions_done = true\n"
        ));
    }
    c.write(".learn/progress.toml", &progress);
    let mut s = Session::start(&c);
    s.wait_for("tests of exercises/tests_fail.rs fail");
    c.solve("tests_fail");
    s.wait_for("exercises/tests_fail.rs passes");
    s.wait_for("All fixture steps done.");
    s.send("4");
    s.wait_for("Confidence for `tests_fail` recorded: 4/4.");
    s.quit();
    c.learn()
        .arg("list")
        .assert()
        .stdout(predicates::str::contains("100% done"));
}

#[test]
fn protocol_right_answers_survive_a_restart() {
    let c = TempCourse::fixture("basic");
    c.learn().args(["jump", "compile_error"]).assert().success();
    c.solve("compile_error");
    let mut s = Session::start(&c);
    s.wait_for("After `let t = s;`");
    let moved = s.letter_of("moved");
    s.send(&moved.to_string());
    s.wait_for("✓ Right.");
    s.quit();

    let mut s = Session::start(&c);
    s.wait_for("1 of 2 answered before; 1 to go.");
    s.wait_for("Which are Copy? (select all)");
    s.quit();
}

#[test]
fn protocol_questions_pause_while_the_exercise_fails() {
    let c = TempCourse::fixture("basic");
    c.learn().args(["jump", "compile_error"]).assert().success();
    let broken = c.read("exercises/compile_error.rs");
    c.solve("compile_error");
    let mut s = Session::start(&c);
    s.wait_for("After `let t = s;`");
    c.write("exercises/compile_error.rs", &broken);
    s.wait_for("does not compile yet");
    s.wait_for("The exercise does not pass any more");
    c.solve("compile_error");
    s.wait_for("exercises/compile_error.rs passes");
    s.wait_for("After `let t = s;`");
    s.quit();
}

fn assert_save_is_noticed(save: impl FnOnce(&TempCourse)) {
    let (c, mut s) = on_compile_error_step();
    save(&c);
    s.wait_for("exercises/compile_error.rs passes");
    s.quit();
}

#[test]
fn save_in_place_is_noticed() {
    assert_save_is_noticed(|c| c.solve("compile_error"));
}

#[test]
fn save_by_rename_over_the_file_is_noticed() {
    assert_save_is_noticed(|c| {
        let tmp = c.path("exercises/.compile_error.rs.swp");
        std::fs::write(&tmp, c.read("solutions/compile_error.rs")).unwrap();
        std::fs::rename(&tmp, c.path("exercises/compile_error.rs")).unwrap();
    });
}

#[test]
fn save_by_delete_then_create_is_noticed() {
    assert_save_is_noticed(|c| {
        std::fs::remove_file(c.path("exercises/compile_error.rs")).unwrap();
        std::thread::sleep(Duration::from_millis(50));
        c.solve("compile_error");
    });
}

#[test]
fn save_through_a_symlinked_folder_is_noticed() {
    let c = TempCourse::fixture("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    let real = elsewhere.path().join("exercises");
    std::fs::rename(c.path("exercises"), &real).unwrap();
    std::os::unix::fs::symlink(&real, c.path("exercises")).unwrap();
    c.learn().args(["jump", "compile_error"]).assert().success();
    let mut s = Session::start(&c);
    s.wait_for("does not compile yet");
    c.solve("compile_error");
    s.wait_for("exercises/compile_error.rs passes");
    s.quit();
}

#[test]
fn polling_notices_saves_where_events_do_not_arrive() {
    let c = TempCourse::fixture("basic");
    c.learn().args(["jump", "compile_error"]).assert().success();
    let mut s = Session::start_with(&c, &["watch", "--poll", "50"]);
    s.wait_for("Polling for changes every 50 ms: --poll was given.");
    s.wait_for("does not compile yet");
    c.solve("compile_error");
    s.wait_for("exercises/compile_error.rs passes");
    s.quit();
}

impl Session {
    fn start_with(course: &TempCourse, args: &[&str]) -> Session {
        let mut child = Command::new(BIN)
            .args(args)
            .current_dir(course.root())
            .env("NO_COLOR", "1")
            .env("RUST_BACKTRACE", "0")
            .env_remove("LEARN_COURSE")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let out = common::capture(child.stdout.take().unwrap());
        Session {
            stdin: child.stdin.take(),
            child,
            out,
            seen: 0,
        }
    }
}

#[test]
fn a_burst_of_saves_ends_on_the_verdict_of_the_last_one() {
    let (c, mut s) = on_compile_error_step();
    let broken = c.read("exercises/compile_error.rs");
    for i in 0..49 {
        // Each broken version differs, so none is skipped as unchanged.
        c.write(
            "exercises/compile_error.rs",
            &format!("{broken}// save {i}\n"),
        );
    }
    c.solve("compile_error");
    s.wait_for("exercises/compile_error.rs passes");
    // Give any stale check time to (wrongly) show up.
    std::thread::sleep(Duration::from_millis(1500));
    let t = s.quit();
    let last_pass = t.rfind("exercises/compile_error.rs passes").unwrap();
    assert!(
        !t[last_pass..].contains("does not compile yet"),
        "a stale verdict was shown after the pass:\n{}",
        &t[last_pass..]
    );
}

#[test]
fn a_save_that_changes_nothing_is_not_rechecked() {
    let (c, s) = on_compile_error_step();
    let same = c.read("exercises/compile_error.rs");
    c.write("exercises/compile_error.rs", &same);
    std::thread::sleep(Duration::from_millis(700));
    let t = s.quit();
    assert_eq!(t.matches("does not compile yet").count(), 1, "{t}");
    // Opening the step is not an attempt, and the unchanged save was not checked.
    assert!(!c.progress().contains("attempts"), "{}", c.progress());
}

#[test]
fn saving_another_steps_file_shows_a_note_and_stays() {
    let (c, mut s) = on_compile_error_step();
    c.solve("tests_fail");
    s.wait_for("exercises/tests_fail.rs (step 8 `tests_fail`) was saved; press l to jump to it.");
    let t = s.quit();
    assert!(!t.contains("Step 8/8"), "{t}");
}

// ---------------------------------------------------------------------------
// Real terminal, read through a terminal emulator

fn tty(course: &TempCourse) -> Tty {
    Tty::spawn(course, &["watch"], 24, 80)
}

/// The header's promises: the course title on the first line, the progress
/// on the second.
fn assert_header(rows: &[String], step: &str) {
    assert!(rows[0].starts_with("Fixture course"), "{rows:#?}");
    assert!(rows[1].contains(step), "{rows:#?}");
}

#[test]
fn terminal_fix_answer_and_move_on() {
    let c = TempCourse::fixture("basic");
    c.learn().args(["jump", "compile_error"]).assert().success();
    let mut t = tty(&c);
    t.wait_for("does not compile yet");
    t.wait_for("h hint");
    assert_header(&t.rows(), "step 2/8");
    // A key works on a terminal without Enter.
    t.send("h");
    t.wait_for("Hint 1/1: clone it");

    c.solve("compile_error");
    t.wait_for("After `let t = s;`");
    t.wait_for("Press a letter.");
    let copied = t.letter_of("copied");
    t.send(&copied.to_string());
    t.wait_for("Not quite.");
    t.wait_for("String is not Copy.");
    // The why is read first; a key moves on.
    t.wait_for("Press any key for the next question.");
    t.send(" ");

    // The select-all question: toggle two letters, then Enter.
    t.wait_for("Which are Copy?");
    t.wait_for("then Enter.");
    let i32 = t.letter_of("i32");
    let bool = t.letter_of("bool");
    t.send(&i32.to_string());
    t.send(&bool.to_string());
    t.send("\r");
    t.wait_for("Right.");
    t.wait_for("Press any key for the next question.");
    t.send(" ");

    // The missed question comes back after the other one, reshuffled.
    t.wait_for("After `let t = s;`");
    let moved = t.letter_of("moved");
    t.send(&moved.to_string());
    t.wait_for("Step 2 `A program that does not compile` is done.");
    assert_header(&t.rows(), "step 2/8");
    t.send("4");
    let screen = t.wait_for("Step 3/8");
    // The next step starts clean: none of step 2's notes or answers.
    assert!(
        !screen.contains("Hint 1/1") && !screen.contains("Right."),
        "{screen}"
    );
    t.send("q");
    let screen = t.wait_exit();
    assert!(screen.contains("Progress saved."), "{screen}");
    let progress = c.progress();
    assert!(
        progress.contains("[steps.compile_error]\nquestions_done = true\nconfidence = 4"),
        "{progress}"
    );
}

#[test]
fn terminal_the_layout_fits_small_and_large_terminals() {
    let paragraph =
        "Moving a value hands its ownership over, and the old name can no longer be used. "
            .repeat(6);
    let lesson = format!(
        "lesson = \"\"\"\nMoves.\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\nThe last sentence of the lesson.\n\"\"\""
    );
    for (rows, cols) in [(20, 60), (24, 80), (50, 200)] {
        let c = TempCourse::fixture("basic");
        let info = c
            .read("info.toml")
            .replacen("lesson = \"Moves.\"", &lesson, 1);
        c.write("info.toml", &info);
        c.learn().args(["jump", "compile_error"]).assert().success();
        let mut t = Tty::spawn(&c, &["watch"], rows, cols);
        t.wait_for("does not compile yet");
        let shown = t.rows();
        assert_header(&shown, "step 2/8");
        assert!(
            shown.last().unwrap().contains("q quit"),
            "the footer at {rows}x{cols}:\n{}",
            shown.join("\n")
        );
        // The whole lesson is one key away, and its last sentence reachable.
        t.send("t");
        t.wait_for("t, q or Esc: back");
        for _ in 0..10 {
            t.send("\x1b[6~");
        }
        t.wait_for("The last sentence of the lesson.");
        t.send("q");
        t.wait_for("q quit");
        t.send("q");
        t.wait_exit();
    }
}

#[test]
fn terminal_ctrl_c_quits_and_keeps_progress() {
    let c = TempCourse::fixture("basic");
    let mut t = tty(&c);
    t.wait_for("Which macro prints a line?");
    t.send_control('c');
    let screen = t.wait_exit();
    assert!(screen.contains("Progress saved."), "{screen}");
    assert!(c.progress().contains("passed = true"), "{}", c.progress());
}

#[test]
fn terminal_settings_are_restored_on_quit() {
    let c = TempCourse::fixture("basic");
    let line = format!("stty rows 24 cols 80; '{BIN}' watch; stty -a");
    let mut t = Tty::spawn_shell(&c, &line, 24, 80);
    t.wait_for("Which macro prints a line?");
    t.send("q");
    // Not left in raw mode: line editing is back on.
    let screen = t.wait_exit();
    assert!(screen.contains(" icanon"), "{screen}");
}

#[test]
fn terminal_quitting_during_a_check_stops_the_learners_program() {
    let c = TempCourse::fixture("basic");
    c.learn().args(["jump", "forever"]).assert().success();
    let mut t = Tty::spawn(&c, &["--timeout", "60", "watch"], 24, 80);
    t.wait_for("Checking");
    // Give the program time to start, then quit while it runs.
    std::thread::sleep(Duration::from_millis(1500));
    t.send("q");
    t.wait_exit();
    let bin = c.path(".learn/cache/bin/forever");
    let running = Command::new("pgrep").arg("-f").arg(&bin).output().unwrap();
    assert!(
        running.stdout.is_empty(),
        "still running: {}",
        String::from_utf8_lossy(&running.stdout)
    );
}

#[test]
fn terminal_a_save_being_checked_says_so_above_the_old_result() {
    let c = TempCourse::with_program("fn main() { let x: i32 = \"no\"; }\n");
    let mut t = Tty::spawn(&c, &["watch"], 24, 80);
    t.wait_for("does not compile yet");
    // A save whose program takes a while: the old verdict is marked as old.
    c.write(
        "exercises/one.rs",
        "fn main() {\n    std::thread::sleep(std::time::Duration::from_secs(2));\n    println!(\"done\");\n}\n",
    );
    let screen = t.wait_for("Checking… (the result shown is from before)");
    assert!(screen.contains("does not compile yet"), "{screen}");
    // It passes, and this one-step course is done.
    let screen = t.wait_for("is done.");
    assert!(!screen.contains("Checking…"), "{screen}");
    t.send("x");
    t.wait_for("one.rs passes");
    // `r` says the same while it checks, and leaves nothing behind.
    t.send("r");
    t.wait_for("Checking… (the result shown is from before)");
    let screen = t.wait_for("Checked again: same result.");
    assert!(!screen.contains("Checking…"), "{screen}");
    t.send("q");
    t.wait_exit();
}

#[test]
fn terminal_a_slow_check_never_lands_on_the_step_opened_meanwhile() {
    let c = TempCourse::fixture("basic");
    // Step 1 takes a while to run; step 8's exercise is gone.
    c.write(
        "exercises/passes.rs",
        "fn main() {\n    std::thread::sleep(std::time::Duration::from_secs(2));\n    println!(\"hello\");\n}\n",
    );
    std::fs::remove_file(c.path("exercises/tests_fail.rs")).unwrap();
    let mut t = tty(&c);
    t.wait_for("Checking");
    t.send("l");
    t.wait_for("Filter:");
    t.send("8");
    t.send("\r");
    t.wait_for("Step 8/8");
    t.wait_for("learn reset tests_fail");
    // Long enough for step 1's check to have finished.
    std::thread::sleep(Duration::from_millis(3000));
    let screen = t.screen();
    assert!(!screen.contains("passes.rs passes"), "{screen}");
    t.send("q");
    t.wait_exit();
    let progress = c.progress();
    assert!(!progress.contains("[steps.tests_fail"), "{progress}");
}

#[test]
fn terminal_the_list_filters_and_says_when_nothing_matches() {
    let c = TempCourse::fixture("basic");
    let mut t = tty(&c);
    t.wait_for("Which macro prints a line?");
    // Letters answer questions: leave them first.
    c.write("exercises/passes.rs", "fn main() {}\n");
    t.wait_for("h hint");
    t.send("l");
    let screen = t.wait_for("Filter:");
    assert!(screen.contains("A program that passes"), "{screen}");
    t.send("zzz");
    t.wait_for("No step matches `zzz`");
    t.send("\x7f\x7f\x7f");
    t.send("panics");
    t.send("\r");
    t.wait_for("Step 4/8");
    t.send("q");
    t.wait_exit();
}

#[test]
fn terminal_explain_closes_on_q_without_quitting() {
    let c = TempCourse::fixture("basic");
    c.learn().args(["jump", "compile_error"]).assert().success();
    let mut t = tty(&c);
    t.wait_for("does not compile yet");
    t.send("e");
    t.wait_for("rustc --explain E0382");
    // Paging to the end never closes it.
    for _ in 0..20 {
        t.send(" ");
    }
    t.wait_for("q or Esc: back");
    t.send("q");
    t.wait_for("h hint");
    t.send("q");
    let screen = t.wait_exit();
    assert!(screen.contains("Progress saved."), "{screen}");
}

// ---------------------------------------------------------------------------
// A step with several exercises

#[test]
fn protocol_a_step_with_three_exercises_then_its_question() {
    let c = TempCourse::fixture("multi");
    let mut s = Session::start(&c);
    s.wait_for("Step 1/2: Three exercises (beginner, 1 min read, exercise 1/3, mode run)");
    s.wait_for("exercises/01_triple/first.rs does not compile yet");
    // Moving on from a failing exercise asks first.
    s.send("n");
    s.wait_for("This exercise does not pass yet. Go to exercise 2/3 anyway? (y/n)");
    s.send("n");
    s.wait_for("Staying on this step.");
    // Each exercise has its own hints.
    s.send("h");
    s.wait_for("Hint 1/1: declare it mutable");
    c.solve("01_triple/first");
    s.wait_for("exercises/01_triple/first.rs passes");
    s.wait_for("Exercise 1/3 passes. Press n for exercise 2/3.");
    s.send("n");
    s.wait_for("(beginner, 1 min read, exercise 2/3, mode test)");
    s.wait_for("tests of exercises/01_triple/second.rs fail: tests::doubles");
    s.send("h");
    s.wait_for("Hint 1/1: a hint of the step");
    c.solve("01_triple/second");
    s.wait_for("Exercise 2/3 passes. Press n for exercise 3/3.");
    s.send("n");
    s.wait_for("exercise 3/3, mode run");
    s.wait_for("its output is not the expected one");
    c.solve("01_triple/third");
    // Every exercise passes: now the step's question.
    s.wait_for("Every exercise of the step passes. Now 1 question to finish the step.");
    s.wait_for("Which keyword makes a binding mutable?");
    let right = s.letter_of("mut");
    s.send(&right.to_string());
    s.wait_for("✓ Step 1 `Three exercises` is done.");
    s.send("");
    s.wait_for("Step 2/2: After the three");
    s.quit();
    let progress = c.progress();
    for key in ["first", "second", "third"] {
        assert!(
            progress.contains(&format!("[steps.triple.exercises.{key}]\npassed = true")),
            "{progress}"
        );
    }
}

#[test]
fn protocol_saving_another_exercise_of_the_step_shows_it() {
    let c = TempCourse::fixture("multi");
    let mut s = Session::start(&c);
    s.wait_for("exercises/01_triple/first.rs does not compile yet");
    // The learner works on the third exercise first: it is shown.
    c.solve("01_triple/third");
    s.wait_for("Showing exercise 3/3: you saved exercises/01_triple/third.rs.");
    s.wait_for("exercises/01_triple/third.rs passes");
    c.solve("01_triple/first");
    s.wait_for("Showing exercise 1/3");
    s.wait_for("exercises/01_triple/first.rs passes");
    c.solve("01_triple/second");
    s.wait_for("Which keyword makes a binding mutable?");
    // Breaking an exercise of the step pauses its questions...
    let broken = c
        .read("exercises/01_triple/first.rs")
        .replace("fn main", "fn main(");
    c.write("exercises/01_triple/first.rs", &broken);
    s.wait_for("Showing exercise 1/3: you saved exercises/01_triple/first.rs.");
    s.wait_for("exercises/01_triple/first.rs does not compile yet");
    // ...until it passes again.
    c.solve("01_triple/first");
    s.wait_for("exercises/01_triple/first.rs passes");
    let right = s.letter_of("mut");
    s.send(&right.to_string());
    s.wait_for("✓ Step 1 `Three exercises` is done.");
    s.quit();
}
