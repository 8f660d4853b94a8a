//! `learn dev check` and `learn dev new`, driven through the built binary.
//! Each check test breaks one thing in a copy of tests/fixtures/dev-good and
//! names the one problem line it expects. The copies start with the verdicts
//! of a first check in their cache, so a test only compiles what it changes.

mod common;

use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

use common::{TempCourse, copy_dir, stderr_of, stdout_of};
use predicates::prelude::*;

/// A copy of a fixture course, changed one step at a time.
struct Dev(TempCourse);

/// The verdict cache of a check of tests/fixtures/dev-good, made once.
fn warm_cache() -> &'static Path {
    static WARM: OnceLock<PathBuf> = OnceLock::new();
    WARM.get_or_init(|| {
        // One folder per test process, kept for the process's lifetime.
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .unwrap()
            .keep();
        let course = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev-good");
        copy_dir(&course, &dir);
        let out = std::process::Command::new(common::BIN)
            .args(["dev", "check"])
            .current_dir(&dir)
            .env_remove("LEARN_COURSE")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "the dev-good fixture must pass: {}{}",
            stdout_of(&out),
            stderr_of(&out)
        );
        // Only the verdicts are needed: leave a few kilobytes behind, not binaries.
        let cache = dir.join(".learn/cache");
        for built in ["bin", "incremental", "programs"] {
            let _ = std::fs::remove_dir_all(cache.join(built));
        }
        cache
    })
}

/// tests/fixtures/dev-good, which passes the check.
fn good() -> Dev {
    let c = TempCourse::fixture("dev-good");
    let cache = c.path(".learn/cache");
    copy_dir(&warm_cache().join("verdicts"), &cache.join("verdicts"));
    std::fs::copy(
        warm_cache().join("error-codes.json"),
        cache.join("error-codes.json"),
    )
    .unwrap();
    Dev(c)
}

fn rustlings() -> Dev {
    Dev(TempCourse::fixture("rustlings"))
}

impl Dev {
    /// Replace `from` by `to` in line `n` (1-based) of info.toml.
    fn edit_line(self, n: usize, from: &str, to: &str) -> Dev {
        let text = self.0.read("info.toml");
        let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        assert!(
            lines[n - 1].contains(from),
            "line {n} of info.toml is {:?}",
            lines[n - 1]
        );
        lines[n - 1] = lines[n - 1].replacen(from, to, 1);
        self.0.write("info.toml", &lines.join("\n"));
        self
    }

    /// Remove lines of info.toml (1-based, inclusive).
    fn delete_lines(self, range: RangeInclusive<usize>) -> Dev {
        let text = self.0.read("info.toml");
        let kept: Vec<&str> = text
            .split('\n')
            .enumerate()
            .filter(|(i, _)| !range.contains(&(i + 1)))
            .map(|(_, l)| l)
            .collect();
        self.0.write("info.toml", &kept.join("\n"));
        self
    }

    fn copy(self, from: &str, to: &str) -> Dev {
        let text = self.0.read(from);
        self.0.write(to, &text);
        self
    }

    fn write(self, rel: &str, text: &str) -> Dev {
        self.0.write(rel, text);
        self
    }

    fn check(&self) -> Output {
        self.0.learn().args(["dev", "check"]).output().unwrap()
    }

    /// The check finds nothing wrong.
    fn passes(self) -> Dev {
        let out = self.check();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}{}",
            stdout_of(&out),
            stderr_of(&out)
        );
        assert!(
            stdout_of(&out).contains("The course is ready"),
            "{}",
            stdout_of(&out)
        );
        self
    }

    /// The problem lines of a failing check.
    fn problems(&self) -> Vec<String> {
        let out = self.check();
        let stdout = stdout_of(&out);
        assert_eq!(out.status.code(), Some(1), "{stdout}{}", stderr_of(&out));
        stdout
            .lines()
            .filter(|l| l.starts_with("info.toml:"))
            .map(str::to_owned)
            .collect()
    }

    /// The check finds exactly one problem, and it starts with `expected`.
    fn reports(self, expected: &str) -> Dev {
        let problems = self.problems();
        assert!(
            problems.len() == 1 && problems[0].starts_with(expected),
            "expected one problem starting with\n  {expected}\ngot\n  {}",
            problems.join("\n  ")
        );
        self
    }
}

// ---------------------------------------------------------------------------
// dev check

#[test]
fn a_correct_course_passes() {
    good().passes();
}

#[test]
fn a_course_that_does_not_load_is_a_problem_line_not_an_error() {
    good()
        .edit_line(73, "\"test\"", "\"walk\"")
        .reports("info.toml:73: step add: mode `walk` is not known: expected run or test");
}

#[test]
fn broken_toml_is_a_problem_line_too() {
    good()
        .edit_line(69, "numbers\"", "numbers")
        .reports("info.toml:69: ");
}

#[test]
fn a_starter_that_already_passes() {
    good()
        .copy("solutions/01_greet/greet.rs", "exercises/01_greet/greet.rs")
        .reports("info.toml:14: step greet: the starter exercises/01_greet/greet.rs passes as shipped, so the learner has nothing to do");
}

#[test]
fn a_starter_may_pass_when_the_step_says_so() {
    good()
        .copy("solutions/01_greet/greet.rs", "exercises/01_greet/greet.rs")
        .edit_line(
            15,
            "mode = \"run\"",
            "mode = \"run\"\nstarter_passes = true",
        )
        .passes();
}

#[test]
fn a_solution_that_does_not_compile() {
    good()
        .copy("exercises/01_greet/greet.rs", "solutions/01_greet/greet.rs")
        .reports("info.toml:14: step greet: the solution solutions/01_greet/greet.rs does not compile: error[E0425]: cannot find value `name` in this scope");
}

#[test]
fn a_solution_that_prints_the_wrong_output() {
    good()
        .edit_line(16, "Ferris", "Crab")
        .reports("info.toml:14: step greet: the solution solutions/01_greet/greet.rs prints \"Hello, Ferris!\", not the expected_output \"Hello, Crab!\"");
}

#[test]
fn a_solution_whose_tests_fail() {
    good()
        .write(
            "solutions/02_add/add.rs",
            &good().0.read("solutions/02_add/add.rs").replace("a + b", "a * b"),
        )
        .reports("info.toml:72: step add: the solution solutions/02_add/add.rs fails its tests: tests::adds");
}

#[test]
fn an_mcq_with_one_choice() {
    good()
        .edit_line(84, r#"["--test", "--bench", "-O"]"#, r#"["--test"]"#)
        .reports("info.toml:84: step add: mcq 1 has 1 choice: give at least 2");
}

#[test]
fn an_mcq_with_identical_choices() {
    good()
        .edit_line(84, r#""-O""#, r#"" --test""#)
        .reports("info.toml:84: step add: mcq 1: choices a and c are identical");
}

#[test]
fn an_mcq_answer_that_names_no_choice() {
    good().edit_line(85, "\"a\"", "\"d\"").reports(
        "info.toml:85: step add: answer `d` names no choice: expected a letter from a to c",
    );
}

#[test]
fn an_mcq_without_explanation() {
    good()
        .delete_lines(86..=86)
        .reports("info.toml:83: step add: mcq 1 has no explanation");
}

#[test]
fn an_mcq_with_an_empty_explanation_of_a_choice() {
    good()
        .edit_line(
            35,
            "It is checked; a typo in a placeholder is an error.",
            "",
        )
        .reports("info.toml:32: step greet: mcq 1: the explanation of choice c is empty");
}

#[test]
fn a_step_without_mcq() {
    good()
        .delete_lines(82..=87)
        .reports("info.toml:68: step add: has no [[steps.mcq]]");
}

#[test]
fn a_trace_whose_output_is_not_what_the_program_prints() {
    good().edit_line(47, "\"42\"", "\"43\"").reports(
        "info.toml:47: step greet: trace 1: the program prints \"42\", but output = \"43\"",
    );
}

#[test]
fn a_trace_that_says_it_compiles_but_does_not() {
    good()
        .edit_line(58, "false", "true")
        .delete_lines(59..=59)
        .reports("info.toml:58: step greet: trace 2: compiles = true, but the program does not compile: error[E0382]: borrow of moved value: `s`");
}

#[test]
fn a_trace_that_says_it_does_not_compile_but_does() {
    good()
        .edit_line(46, "true", "false")
        .delete_lines(47..=47)
        .reports("info.toml:46: step greet: trace 1: compiles = false, but the program compiles");
}

#[test]
fn a_trace_that_panics_unannounced() {
    good()
        .edit_line(98, "true", "false")
        .reports("info.toml:98: step add: trace 1: the program panics (index out of bounds: the len is 3 but the index is 5), but panics = false");
}

#[test]
fn a_trace_that_announces_a_panic_that_does_not_happen() {
    good()
        .edit_line(47, "\"42\"", "\"42\"\npanics = true")
        .reports(
            "info.toml:48: step greet: trace 1: panics = true, but the program does not panic",
        );
}

#[test]
fn a_trace_error_code_that_rustc_does_not_report() {
    good().edit_line(59, "E0382", "E0499").reports(
        "info.toml:59: step greet: trace 2: error_code = \"E0499\", but rustc reports E0382",
    );
}

#[test]
fn an_error_code_that_rustc_does_not_know() {
    good()
        .edit_line(19, "[\"E0425\"]", "[\"E0425\", \"E9999\"]")
        .reports("info.toml:19: step greet: error_codes: `E9999` is not a rustc error code (`rustc --explain E9999` fails)");
}

#[test]
fn a_question_id_used_twice() {
    // An explicit id equal to a later step's default id.
    good()
        .edit_line(29, "prompt", "id = \"add.mcq.0\"\nprompt")
        .reports("info.toml:84: step add: question id `add.mcq.0` is already used by the question at info.toml:30");
}

#[test]
fn a_todo_placeholder_left_in_a_field() {
    good()
        .edit_line(
            22,
            "`println!` checks",
            "TODO: explain why `println!` checks",
        )
        .reports(
            "info.toml:22: step greet: `lesson` is still a TODO placeholder: write the real text",
        );
}

#[test]
fn json_report_for_ci() {
    let c = good();
    let out =
        c.0.learn()
            .args(["dev", "check", "--json"])
            .output()
            .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        report,
        serde_json::json!({"ok": true, "steps": 2, "problems": []})
    );

    let c = c
        .edit_line(47, "\"42\"", "\"43\"")
        .edit_line(73, "\"test\"", "\"walk\"");
    let out =
        c.0.learn()
            .args(["dev", "check", "--json"])
            .output()
            .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // A course that does not load: its problems, and the steps info.toml holds.
    assert_eq!(
        report,
        serde_json::json!({"ok": false, "steps": 2, "problems": [{
            "line": 73,
            "step": "add",
            "level": "error",
            "message": "mode `walk` is not known: expected run or test",
        }]})
    );
}

#[test]
fn a_second_check_rebuilds_nothing() {
    let c = Dev(TempCourse::fixture("dev-good")).passes();
    let built = |c: &Dev| -> Vec<(PathBuf, std::time::SystemTime)> {
        let mut files = Vec::new();
        for dir in ["bin", "programs"] {
            for e in std::fs::read_dir(c.0.path(".learn/cache").join(dir)).unwrap() {
                let e = e.unwrap();
                files.push((e.path(), e.metadata().unwrap().modified().unwrap()));
            }
        }
        files.sort();
        files
    };
    let first = built(&c);
    assert!(first.len() >= 7, "{first:?}");
    let c = c.passes();
    assert_eq!(built(&c), first);
}

// ---------------------------------------------------------------------------
// dev new

#[test]
fn a_new_step_is_rejected_until_its_placeholders_are_filled() {
    let c = good();
    c.0.learn()
        .args([
            "dev",
            "new",
            "shadow",
            "--topic",
            "variables",
            "--after",
            "greet",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("exercises/03_variables/shadow.rs"))
        .stdout(predicate::str::contains("solutions/03_variables/shadow.rs"));

    let problems = c.problems();
    let has = |text: &str| problems.iter().any(|p| p.contains(text));
    assert!(
        has("step shadow: the starter exercises/03_variables/shadow.rs passes as shipped"),
        "{problems:#?}"
    );
    for field in [
        "title",
        "hints",
        "lesson",
        "must_know",
        "discussion",
        "mcq.prompt",
        "mcq.choices",
        "mcq.explanations",
        "mcq.explanation",
        "trace.program",
        "trace.output",
        "interview.question",
        "interview.answer",
    ] {
        assert!(
            has(&format!(
                "step shadow: `{field}` is still a TODO placeholder"
            )),
            "{field}: {problems:#?}"
        );
    }

    // The instructor writes the exercise and fills every placeholder.
    let info = c.0.read("info.toml").replace("TODO", "Shadowing");
    let info = info.replace("error_codes = []  #", "error_codes = [\"E0384\"]  #");
    c.write("info.toml", &info)
        .write(
            "exercises/03_variables/shadow.rs",
            "fn main() {\n    let x = 1;\n    x = x + 1;\n    println!(\"{x}\");\n}\n",
        )
        .write(
            "solutions/03_variables/shadow.rs",
            "fn main() {\n    let x = 1;\n    let x = x + 1;\n    println!(\"{x}\");\n}\n",
        )
        .passes();
}

#[test]
fn a_new_step_keeps_the_rest_of_info_toml_as_it_was() {
    let c = good();
    let before = c.0.read("info.toml");
    c.0.learn()
        .args([
            "dev", "new", "sub", "--topic", "testing", "--mode", "test", "--after", "greet",
        ])
        .assert()
        .success();
    let after = c.0.read("info.toml");
    let at = before.find("\n# A test-mode step.").unwrap();
    assert!(after.starts_with(&before[..at]), "{after}");
    assert!(after.ends_with(&before[at..]), "{after}");
    let added = &after[at..after.len() - (before.len() - at)];
    assert!(added.starts_with("\n[[steps]]\nname = \"sub\""), "{added}");
    assert!(added.contains("mode = \"test\""), "{added}");
    // Next to the other step of its topic.
    assert!(
        added.contains("path = \"exercises/02_add/sub.rs\""),
        "{added}"
    );
    let starter = c.0.read("exercises/02_add/sub.rs");
    assert!(starter.contains("#[test]"), "{starter}");
    assert_eq!(starter, c.0.read("solutions/02_add/sub.rs"));
}

#[test]
fn a_new_step_refuses_a_taken_or_invalid_name() {
    let c = good();
    let before = c.0.read("info.toml");
    for (args, message) in [
        (vec!["greet"], "a step named `greet` already exists"),
        (vec!["Greet-2"], "`Greet-2` is not a valid step name"),
        (
            vec!["fresh", "--after", "nope"],
            "no step `nope` in info.toml",
        ),
    ] {
        c.0.learn()
            .args(["dev", "new"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    c.0.write("exercises/01_greet/taken.rs", "fn main() {}\n");
    c.0.learn()
        .args(["dev", "new", "taken", "--topic", "basics"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "exercises/01_greet/taken.rs already exists",
        ));
    assert_eq!(c.0.read("info.toml"), before);
    assert!(!c.0.path("solutions/01_greet/taken.rs").exists());
}

// ---------------------------------------------------------------------------
// rustlings-format courses

#[test]
fn rustlings_course_list_and_run() {
    let c = rustlings();
    c.0.learn()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains(">  1  intro1   00_intro   todo"))
        .stdout(predicate::str::contains("4  quiz1    exercises  todo"));
    c.0.learn()
        .args(["run", "intro1"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("error[E0425]"));
    c.0.solve("00_intro/intro1");
    c.0.learn()
        .args(["run", "intro1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("The count is 3"));
    // No questions: a passing exercise finishes the step.
    c.0.learn()
        .arg("list")
        .assert()
        .stdout(predicate::str::contains("1  intro1   00_intro   done"));
    // test = true: the tests must pass.
    c.0.learn()
        .args(["run", "vecs1"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "tests of exercises/01_vecs/vecs1.rs fail",
        ));
    // No lesson in this format: lesson says so, hint shows the exercise's hint.
    c.0.learn()
        .args(["lesson", "intro1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("This step has no lesson text"));
    c.0.learn().args(["hint", "vecs1"]).assert().success();
    // strict_clippy: a program that runs fine still fails on clippy warnings.
    c.0.learn()
        .args(["run", "clippy1"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("needless_range_loop"))
        .stdout(predicate::str::contains("clippy has warnings"));
}

#[test]
fn rustlings_course_verify_and_dev_check() {
    let c = rustlings();
    c.0.learn()
        .arg("verify")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("0 of 4 exercises pass, 4 fail."));
    let c = c.passes();
    for name in [
        "00_intro/intro1",
        "01_vecs/vecs1",
        "02_clippy/clippy1",
        "quiz1",
    ] {
        c.0.solve(name);
    }
    c.0.learn()
        .arg("verify")
        .assert()
        .success()
        .stdout(predicate::str::contains("4 of 4 exercises pass, 0 fail."));
    // Every starter now passes, and dev check says so for each.
    let problems = c.problems();
    assert_eq!(problems.len(), 4, "{problems:#?}");
    assert!(
        problems[3].starts_with(
            "info.toml:27: step quiz1: the starter exercises/quiz1.rs passes as shipped"
        ) && problems[3].ends_with("(or set skip_check_unsolved = true)"),
        "{problems:#?}"
    );
    c.edit_line(27, "\"quiz1\"", "\"quiz1\"\nskip_check_unsolved = true")
        .delete_lines(20..=26)
        .delete_lines(7..=18)
        .passes();
}

// ---------------------------------------------------------------------------
// Several exercises per step, error lines, thread panics

/// Step `add` with a second exercise, `add2.rs`, whose starter fails and
/// whose solution passes; returns the course and the line of its `path`.
fn with_two_exercises() -> (Dev, usize) {
    let second = "fn add3(a: i32, b: i32, c: i32) -> i32 {\n    a + b\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds_three() {\n        assert_eq!(super::add3(1, 2, 3), 6);\n    }\n}\n";
    let dev = good();
    let text = dev.0.read("info.toml");
    let text = text.replacen(
        "path = \"exercises/02_add/add.rs\"\nmode = \"test\"\n",
        "",
        1,
    );
    // The exercise tables follow the step's own keys, before its questions.
    let at = text.rfind("\n[[steps.mcq]]").unwrap();
    let tables = "\n[[steps.exercises]]\npath = \"exercises/02_add/add.rs\"\nmode = \"test\"\n\
                  [[steps.exercises]]\npath = \"exercises/02_add/add2.rs\"\nmode = \"test\"\n";
    let text = format!("{}{tables}{}", &text[..at], &text[at..]);
    let line = text
        .lines()
        .position(|l| l == "path = \"exercises/02_add/add2.rs\"")
        .unwrap()
        + 1;
    let dev = dev
        .write("info.toml", &text)
        .write("exercises/02_add/add2.rs", second)
        .write(
            "solutions/02_add/add2.rs",
            &second.replace("    a + b\n", "    a + b + c\n"),
        );
    (dev, line)
}

#[test]
fn a_step_with_two_exercises_checks_both() {
    let (dev, line) = with_two_exercises();
    let dev = dev.passes();
    let out = dev.check();
    assert!(
        stdout_of(&out).contains("6 exercise files"),
        "three starters and three solutions: {}",
        stdout_of(&out)
    );
    // The second exercise's starter passing is reported on its own path line.
    dev.copy("solutions/02_add/add2.rs", "exercises/02_add/add2.rs")
        .reports(&format!(
            "info.toml:{line}: step add: the starter exercises/02_add/add2.rs passes as shipped"
        ));
}

#[test]
fn an_error_line_that_is_right_passes_and_a_wrong_one_names_the_real_line() {
    good()
        .edit_line(59, "error_code = \"E0382\"", "error_code = \"E0382\"\nerror_line = 4")
        .passes()
        .edit_line(60, "error_line = 4", "error_line = 3")
        .reports("info.toml:60: step greet: trace 2: error_line = 3, but rustc's first error points at line 4");
}

#[test]
fn a_panic_in_a_spawned_thread_is_told_apart_from_a_panic_of_the_program() {
    let program = "\n[[steps.trace]]\nprogram = \"\"\"\nfn main() {\n    let h = std::thread::spawn(|| panic!(\"worker\"));\n    println!(\"{}\", h.join().is_err());\n}\n\"\"\"\ncompiles = true\noutput = \"true\"\npanics = \"thread\"\nexplanation = \"join returns Err when the thread panicked.\"\n";
    let text = good().0.read("info.toml") + program;
    let dev = good().write("info.toml", &text).passes();
    let at = text.lines().count() - 1;
    dev.edit_line(at, "panics = \"thread\"", "panics = true").reports(&format!(
        "info.toml:{at}: step add: trace 2: a spawned thread panics (worker) and the program exits 0, but panics = true (or \"main\"): write panics = \"thread\""
    ));
}

#[test]
fn info_toml_that_is_not_utf8_is_a_problem_line_with_its_position() {
    let dev = good();
    let mut bytes = std::fs::read(dev.0.path("info.toml")).unwrap();
    let at = bytes.windows(6).position(|w| w == b"Dev ch").unwrap();
    bytes[at + 1] = 0xff;
    std::fs::write(dev.0.path("info.toml"), bytes).unwrap();
    let dev = dev.reports("info.toml:6: byte 0xff is not UTF-8");
    let out = dev.0.learn().arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("info.toml:6:11: byte 0xff is not UTF-8"),
        "{}",
        stderr_of(&out)
    );
}

// ---------------------------------------------------------------------------
// Lints: warnings that --strict turns into failures

/// The check's warnings (and its exit code with and without --strict).
fn warnings(dev: &Dev) -> Vec<String> {
    let out = dev.check();
    assert_eq!(out.status.code(), Some(0), "{}", stdout_of(&out));
    let strict = dev
        .0
        .learn()
        .args(["dev", "check", "--strict"])
        .output()
        .unwrap();
    let lines: Vec<String> = stdout_of(&out)
        .lines()
        .filter(|l| l.contains(": warning: "))
        .map(str::to_owned)
        .collect();
    let expected = if lines.is_empty() { 0 } else { 1 };
    assert_eq!(
        strict.status.code(),
        Some(expected),
        "{}",
        stdout_of(&strict)
    );
    lines
}

#[test]
fn a_near_duplicate_question_is_reported_with_both_places() {
    let dev = good();
    let text = dev.0.read("info.toml")
        + "\n[[steps.interview]]\nquestion = \"Why is println written as a macro?\"\nanswer = \"Variadic, checked format strings.\"\n";
    let dev = dev.write("info.toml", &text);
    let found = warnings(&dev);
    let line = text.lines().count() - 1;
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(&format!(
            "info.toml:{line}: warning: step add: interview 2 is a near copy"
        )),
        "{}",
        found[0]
    );
    assert!(
        found[0].contains("of interview 1 of step `greet` at info.toml:63"),
        "{}",
        found[0]
    );
    // Silenced on the question.
    let dev = dev.write("info.toml", &(text + "allow = [\"near-duplicate\"]\n"));
    assert!(warnings(&dev).is_empty());
}

#[test]
fn a_right_choice_that_gives_itself_away() {
    let dev = good()
        .edit_line(
            30,
            "[\"At compile time\", \"At run time\", \"Never\"]",
            "[\"At compile time (E0425 and friends)\", \"At run time\", \"Never\"]",
        )
        .edit_line(31, "answer = \"a\"", "answer = \"a\"");
    let found = warnings(&dev);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("info.toml:29: warning: step greet: mcq 1 gives its answer away: the right choice is the only one that names an error code"),
        "{}",
        found[0]
    );
    let dev = dev.edit_line(
        31,
        "answer = \"a\"",
        "answer = \"a\"\nallow = [\"give-away\"]",
    );
    assert!(warnings(&dev).is_empty());
}

#[test]
fn a_todo_comment_that_spells_out_the_fix() {
    let starter = "// TODO: make the test pass by writing `a + b`.\nfn add(a: i32, b: i32) -> i32 {\n    a - b\n}\n\n#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn adds() {\n        assert_eq!(add(2, 3), 5);\n    }\n}\n";
    let dev = good().write("exercises/02_add/add.rs", starter);
    let found = warnings(&dev);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("info.toml:72: warning: step add: the TODO comment at exercises/02_add/add.rs:1 spells out `a + b`, which the solution adds"),
        "{}",
        found[0]
    );
    // Saying what is wrong is fine.
    let dev = dev.write(
        "exercises/02_add/add.rs",
        &starter.replace("by writing `a + b`", "(it subtracts)"),
    );
    assert!(warnings(&dev).is_empty());
}

#[test]
fn the_share_of_select_all_questions_is_reported() {
    let out = good().check();
    assert!(
        stdout_of(&out).contains("select-all: 0 of 2 multiple-choice questions (0%)"),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn dev_new_adds_an_exercise_to_a_step() {
    let c = TempCourse::fixture("multi");
    c.learn()
        .args(["dev", "new", "triple/fourth", "--mode", "test"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Added exercise 4 to step `triple`",
        ));
    assert!(c.path("exercises/01_triple/fourth.rs").is_file());
    assert!(c.path("solutions/01_triple/fourth.rs").is_file());
    c.learn()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("0/4 exercises"));
    // One more on the one-exercise step: it takes the exercises form.
    c.learn()
        .args(["dev", "new", "after/again"])
        .assert()
        .success();
    let info = c.read("info.toml");
    assert!(
        info.contains("[[steps.exercises]]\npath = \"exercises/after.rs\"\nmode = \"run\""),
        "{info}"
    );
    let out = c.learn().args(["dev", "check"]).output().unwrap();
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains("`exercises.hints` is still a TODO placeholder"),
        "{stdout}"
    );
}
