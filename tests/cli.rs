//! The one-shot commands, driven through the built binary on copies of the
//! fixture course (tests/fixtures/basic) and of the built-in course.

mod common;

use common::{TempCourse, stderr_of, stdout_of};
use predicates::prelude::*;

fn basic() -> TempCourse {
    TempCourse::fixture("basic")
}

#[test]
fn list_shows_every_step_and_the_overall_progress() {
    let c = basic();
    c.learn()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains(">  1  passes"))
        .stdout(predicate::str::contains("8  tests_fail"))
        .stdout(predicate::str::contains("step 1/8, 0% done"));
}

#[test]
fn a_passing_exercise_passes_and_is_recorded() {
    let c = basic();
    c.learn()
        .args(["run", "passes"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("hello"))
        .stdout(predicate::str::contains("exercises/passes.rs passes"));
    let progress = c.progress();
    assert!(
        progress.contains("[steps.passes.exercises.passes]\npassed = true\nattempts = 1\n"),
        "{progress}"
    );
}

#[test]
fn a_compile_error_shows_rustc_and_points_to_the_explanation() {
    let c = basic();
    let out = c.learn().args(["run", "compile_error"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains("error[E0382]: borrow of moved value"),
        "{stdout}"
    );
    assert!(
        stdout.contains("--> exercises/compile_error.rs:5"),
        "{stdout}"
    );
    assert!(stdout.contains("`rustc --explain E0382`"), "{stdout}");
    // This step teaches E0382 itself: no pointer to another step.
    assert!(!stdout.contains("taught in step"), "{stdout}");
    // Not on a terminal: no colour codes.
    assert!(!stdout.contains('\x1b'), "{stdout}");

    // When it does not, the step that teaches E0382 is named.
    let info = c.read("info.toml");
    let at = info.find("name = \"compile_error\"").unwrap();
    let (before, after) = info.split_at(at);
    c.write(
        "info.toml",
        &format!(
            "{before}{}",
            after.replacen("error_codes = [\"E0382\"]\n", "", 1)
        ),
    );
    let out = c.learn().args(["run", "compile_error"]).output().unwrap();
    let stdout = stdout_of(&out);
    assert!(stdout.contains("taught in step `passes`"), "{stdout}");
}

#[test]
fn run_time_failures_say_what_happened() {
    let c = basic();
    c.learn()
        .args(["run", "runtime_fail"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("about to fail"))
        .stdout(predicate::str::contains("ended with exit code 3"));
    c.learn()
        .args(["run", "panics"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("index out of bounds"))
        .stdout(predicate::str::contains("the program panicked"));
}

#[test]
fn a_program_that_hangs_is_stopped_at_the_time_limit() {
    let c = basic();
    let start = std::time::Instant::now();
    c.learn()
        .args(["--timeout", "1", "run", "forever"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "ran longer than 1 s and was stopped",
        ));
    assert!(start.elapsed().as_secs() < 30);
}

#[test]
fn a_program_whose_child_outlives_it_is_stopped_whole() {
    let c = basic();
    c.write(
        "exercises/forever.rs",
        "fn main() {\n    let _child = std::process::Command::new(\"sleep\").arg(\"30\").spawn();\n    loop {\n        std::thread::sleep(std::time::Duration::from_millis(10));\n    }\n}\n",
    );
    let start = std::time::Instant::now();
    c.learn()
        .args(["--timeout", "1", "run", "forever"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("ran longer than 1 s"));
    // Not held up by the `sleep 30` that inherited the output pipes.
    assert!(start.elapsed().as_secs() < 15, "{:?}", start.elapsed());
}

#[test]
fn a_time_out_is_not_cached() {
    let c = basic();
    c.learn()
        .args(["--timeout", "1", "run", "forever"])
        .assert()
        .code(1);
    assert!(!c.path(".learn/cache/verdicts/forever.json").exists());
}

#[test]
fn a_program_that_floods_stdout_is_stopped_at_the_cap() {
    let c = basic();
    let out = c.learn().args(["run", "flood"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = stdout_of(&out);
    assert!(
        stdout.contains("printed more than 1024 KiB and was stopped"),
        "{stdout}"
    );
    // What is shown of the flood is short.
    assert!(stdout.len() < 10_000, "{}", stdout.len());
}

#[test]
fn test_mode_passes_and_fails_on_the_tests() {
    let c = basic();
    c.learn()
        .args(["run", "tests_pass"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("test result: ok. 1 passed"));
    c.learn()
        .args(["run", "tests_fail"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("assertion `left == right` failed"))
        .stdout(predicate::str::contains(
            "tests of exercises/tests_fail.rs fail",
        ));
    c.solve("tests_fail");
    c.learn().args(["run", "tests_fail"]).assert().code(0);
}

#[test]
fn an_unchanged_file_is_not_recompiled() {
    let c = basic();
    c.learn().args(["run", "passes"]).assert().code(0);
    let bin = c.path(".learn/cache/bin/passes");
    let built = std::fs::metadata(&bin).unwrap().modified().unwrap();
    c.learn().args(["run", "passes"]).assert().code(0);
    assert_eq!(std::fs::metadata(&bin).unwrap().modified().unwrap(), built);
    // A change is compiled again, and its new verdict shown.
    c.write("exercises/passes.rs", "fn main() { println!(\"bye\"); }\n");
    c.learn()
        .args(["run", "passes"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "its output is not the expected one",
        ))
        .stdout(predicate::str::contains(
            "The first difference is on line 1: expected `hello`, printed `bye`.",
        ));
}

#[test]
fn hints_come_one_at_a_time_and_are_recorded() {
    let c = basic();
    c.learn()
        .arg("hint")
        .assert()
        .success()
        .stdout(predicate::str::contains("Hint 1/2: first hint"));
    c.learn()
        .arg("hint")
        .assert()
        .success()
        .stdout(predicate::str::contains("Hint 2/2: second hint"))
        .stdout(predicate::str::contains("last hint"));
    c.learn()
        .arg("hint")
        .assert()
        .success()
        .stdout(predicate::str::contains("Hint 2/2"));
    assert!(c.progress().contains("hints_used = 2"), "{}", c.progress());
}

#[test]
fn lesson_hides_model_answers_unless_asked() {
    let c = basic();
    let out = c.learn().args(["lesson", "1"]).output().unwrap();
    let stdout = stdout_of(&out);
    assert!(stdout.contains("A program that passes"), "{stdout}");
    assert!(stdout.contains("1 min read"), "{stdout}");
    assert!(stdout.contains("reviewed 2026-11-25"), "{stdout}");
    assert!(stdout.contains("• println! prints a line"), "{stdout}");
    assert!(stdout.contains("Why print?"), "{stdout}");
    assert!(stdout.contains("What does println! do?"), "{stdout}");
    assert!(!stdout.contains("It formats its arguments"), "{stdout}");
    c.learn()
        .args(["lesson", "passes", "--answers"])
        .assert()
        .stdout(predicate::str::contains("It formats its arguments"));
}

#[test]
fn jump_changes_the_current_step() {
    let c = basic();
    c.learn().args(["jump", "tests_fail"]).assert().success();
    c.learn()
        .arg("list")
        .assert()
        .stdout(predicate::str::contains(">  8  tests_fail"))
        .stdout(predicate::str::contains("step 8/8"));
    c.learn()
        .arg("run")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("tests_fail.rs fail"));
}

#[test]
fn reset_restores_an_instructors_exercise_and_clears_its_progress() {
    let c = basic();
    let shipped = c.read("exercises/compile_error.rs");
    // Without a snapshot of the course as shipped, reset says it cannot know
    // (and never takes the learner's file for the original).
    c.solve("compile_error");
    let out = c.learn().args(["reset", "compile_error"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("learn cannot know how exercises/compile_error.rs was shipped"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(
        c.read("exercises/compile_error.rs"),
        c.read("solutions/compile_error.rs")
    );
    // The instructor ships the snapshot with the course.
    c.write(".learn/shipped/exercises/compile_error.rs", &shipped);
    c.learn().args(["run", "compile_error"]).assert().code(0);
    c.learn()
        .args(["reset", "compile_error"])
        .assert()
        .success();
    assert_eq!(c.read("exercises/compile_error.rs"), shipped);
    // The learner's version is kept aside.
    assert_eq!(
        c.read(".learn/before-reset/exercises/compile_error.rs"),
        c.read("solutions/compile_error.rs")
    );
    let progress = c.progress();
    assert!(
        !progress.contains("passed = true") && !progress.contains("attempts"),
        "{progress}"
    );
    c.learn().args(["run", "compile_error"]).assert().code(1);

    // Two more resets of two more versions: each one is kept.
    for version in ["// version A\n", "// version B\n"] {
        c.write("exercises/compile_error.rs", version);
        c.learn()
            .args(["reset", "compile_error"])
            .assert()
            .success();
    }
    let kept = ".learn/before-reset/exercises/compile_error.rs";
    assert_eq!(c.read(kept), "// version B\n");
    // The older, the lower the number.
    assert_eq!(
        c.read(&format!("{kept}.bak")),
        c.read("solutions/compile_error.rs")
    );
    assert_eq!(c.read(&format!("{kept}.bak2")), "// version A\n");
}

#[test]
fn reset_restores_a_builtin_exercise_as_shipped() {
    let c = TempCourse::builtin();
    let rel = "exercises/01_intro/intro.rs";
    let shipped = c.read(rel);
    c.write(rel, "// my attempt\n");
    c.learn().args(["reset", "1"]).assert().success();
    assert_eq!(c.read(rel), shipped);
    // A deleted exercise with no snapshot: the copy in the binary serves.
    std::fs::remove_dir_all(c.path(".learn/shipped")).unwrap();
    std::fs::remove_file(c.path(rel)).unwrap();
    c.learn().args(["reset", "1"]).assert().success();
    assert_eq!(c.read(rel), shipped);
}

#[test]
fn verify_checks_every_step_and_summarises() {
    let c = basic();
    c.learn()
        .args(["--timeout", "1", "verify"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("2 of 8 exercises pass, 6 fail."))
        .stdout(predicate::str::contains(
            "compile_error        does not compile",
        ))
        .stdout(predicate::str::contains(
            "forever              runs too long",
        ));
}

#[test]
fn init_writes_a_course_that_works() {
    let c = TempCourse::builtin();
    assert!(c.path("info.toml").is_file());
    c.learn()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("Rust interview track"));
    // A second init into the same folder is refused.
    let out = c.learn().arg("init").arg(c.root()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("is not empty"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn a_broken_info_toml_is_reported_with_file_line_and_fix() {
    let c = basic();
    let text = c
        .read("info.toml")
        .replacen("mode = \"test\"", "mode = \"tset\"", 1);
    c.write("info.toml", &text);
    let out = c.learn().arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("info.toml:109:8: step tests_pass: mode `tset` is not known"),
        "{err}"
    );
    assert!(err.contains("Fix info.toml"), "{err}");
}

#[test]
fn a_damaged_progress_file_is_kept_aside_and_reported() {
    let c = basic();
    c.write(
        ".learn/progress.toml",
        "current = \"passes\"\n[steps.passes\n",
    );
    let out = c.learn().arg("list").output().unwrap();
    assert!(out.status.success());
    let err = stderr_of(&out);
    assert!(err.contains("progress.toml is damaged (line 2"), "{err}");
    assert!(err.contains("progress.toml.bak"), "{err}");
    assert_eq!(
        c.read(".learn/progress.toml.bak"),
        "current = \"passes\"\n[steps.passes\n"
    );
}

#[test]
fn a_missing_rustc_is_a_clear_error() {
    let c = basic();
    let out = c
        .learn()
        .env("RUSTC", "/nonexistent/rustc")
        .arg("run")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("RUSTC=/nonexistent/rustc is not an executable rustc"),
        "{}",
        stderr_of(&out)
    );
    let out = c
        .learn()
        .env_remove("RUSTC")
        .env("PATH", "")
        .arg("run")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(
        err.contains("rustc was not found. Install Rust with rustup"),
        "{err}"
    );
    // Nothing the learner did is touched.
    assert!(c.path("exercises/passes.rs").is_file());
}

#[test]
fn unknown_steps_and_missing_courses_are_usage_errors() {
    let c = basic();
    let out = c.learn().args(["run", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("no step `nope`"),
        "{}",
        stderr_of(&out)
    );

    let empty = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::new(common::BIN)
        .current_dir(empty.path())
        .env_remove("LEARN_COURSE")
        .arg("list")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("learn init"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn the_course_can_be_named_by_flag_or_environment() {
    let c = basic();
    let elsewhere = tempfile::tempdir().unwrap();
    assert_cmd::Command::new(common::BIN)
        .current_dir(elsewhere.path())
        .arg("--course")
        .arg(c.root())
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("Fixture course"));
    assert_cmd::Command::new(common::BIN)
        .current_dir(elsewhere.path())
        .env("LEARN_COURSE", c.root())
        .arg("list")
        .assert()
        .success();
    // From a folder inside the course, the course is found upward.
    c.learn()
        .current_dir(c.path("exercises"))
        .arg("list")
        .assert()
        .success();
}

#[test]
fn a_deleted_exercise_does_not_stop_the_course_and_reset_brings_it_back() {
    let c = basic();
    let shipped = c.read("exercises/passes.rs");
    c.write(".learn/shipped/exercises/passes.rs", &shipped);
    std::fs::remove_file(c.path("exercises/passes.rs")).unwrap();
    c.learn()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("passes"));
    let out = c.learn().args(["run", "passes"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains(
            "the exercise exercises/passes.rs of step `passes` is missing: `learn reset passes` restores it"
        ),
        "{}",
        stderr_of(&out)
    );
    c.learn()
        .args(["--timeout", "1", "verify"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "passes               is missing (`learn reset passes` restores it)",
        ));
    c.learn().args(["reset", "passes"]).assert().success();
    assert_eq!(c.read("exercises/passes.rs"), shipped);
}

#[test]
fn output_to_a_reader_that_went_away_ends_quietly() {
    use std::io::Read;
    let c = basic();
    let mut child = std::process::Command::new(common::BIN)
        .current_dir(c.root())
        .arg("list")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read nothing and close the pipe, like `learn list | head -0`.
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_rustc_without_print_host_tuple_still_works() {
    // Older rustc (before 1.84) rejects `--print host-tuple`: learn falls back to `-vV`.
    let c = basic();
    let fake = c.path("old-rustc");
    c.write(
        "old-rustc",
        "#!/bin/sh\ncase \"$*\" in *host-tuple*) echo 'error: unknown print request' >&2; exit 1;; esac\nexec rustc \"$@\"\n",
    );
    let mut perms = std::fs::metadata(&fake).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&fake, perms).unwrap();
    c.learn()
        .env("RUSTC", &fake)
        .args(["run", "passes"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("passes"));
}

#[test]
fn list_run_hint_reset_and_jump_work_per_exercise() {
    let c = TempCourse::fixture("multi");
    c.learn()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("0/3 exercises"))
        .stdout(predicate::str::contains(
            "> triple/1  exercises/01_triple/first.rs",
        ))
        .stdout(predicate::str::contains(
            "triple/3  exercises/01_triple/third.rs",
        ));
    // A step runs its current exercise; STEP/N or STEP/FILE picks one.
    c.learn()
        .args(["run", "triple"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "exercises/01_triple/first.rs does not compile yet",
        ));
    c.learn()
        .args(["run", "triple/2"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "tests of exercises/01_triple/second.rs fail",
        ));
    c.solve("01_triple/third");
    c.learn()
        .args(["run", "triple/third"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Next: exercise 1/3 of this step, `learn run triple/1`.",
        ));
    let out = c.learn().args(["run", "triple/7"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("step `triple` has no exercise `7`: it has 3 exercises"),
        "{}",
        stderr_of(&out)
    );
    c.learn()
        .args(["hint", "triple/2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Hint 1/1: a hint of the step"));
    c.learn().args(["jump", "triple/2"]).assert().success();
    c.learn()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("> triple/2"))
        .stdout(predicate::str::contains("1/3 exercises"));
    let json = c.learn().args(["list", "--json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["current"]["exercise"], "triple/2");
    assert_eq!(json["steps"][0]["exercises"][2]["passed"], true);
    // Reset one exercise, from its snapshot.
    c.write(
        ".learn/shipped/exercises/01_triple/third.rs",
        &std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/multi/exercises/01_triple/third.rs"),
        )
        .unwrap(),
    );
    c.learn().args(["reset", "triple/3"]).assert().success();
    assert!(c.read("exercises/01_triple/third.rs").contains("total + 1"));
    assert!(
        !c.progress().contains("[steps.triple.exercises.third]"),
        "{}",
        c.progress()
    );
}

#[test]
fn verify_and_run_json_name_each_exercise() {
    let c = TempCourse::fixture("multi");
    c.solve("01_triple/second");
    let out = c.learn().args(["verify", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(
        (v["total"].as_u64(), v["passed"].as_u64()),
        (Some(4), Some(1))
    );
    assert_eq!(v["exercises"][1]["name"], "triple/2");
    assert_eq!(v["exercises"][1]["outcome"], "passed");
    assert_eq!(v["exercises"][0]["outcome"], "compile_error");
    let out = c
        .learn()
        .args(["run", "--json", "triple/1"])
        .output()
        .unwrap();
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["exercise"], "triple/1");
    assert_eq!(r["error_codes"][0], "E0384");
    assert_eq!(r["error_line"], 3);
    assert!(!r["diagnostics"].as_str().unwrap().contains('\x1b'));
    let out = c
        .learn()
        .args(["lesson", "--json", "triple"])
        .output()
        .unwrap();
    let l: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(l["exercises"].as_array().unwrap().len(), 3);
    assert!(l["interview"].as_array().unwrap().is_empty());
}
