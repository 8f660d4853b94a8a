//! Learner data you can trust: the repository's course stays pristine,
//! reset restores what was shipped, the schedule and "due" agree, the
//! environment never leaks into verdicts, counts are never lost across
//! processes, and a newer learn's progress survives. Each test reproduces a
//! failure a new learner met.

mod common;

use std::process::Command;

use common::{BIN, TempCourse, copy_dir, stderr_of, stdout_of};

/// A folder that looks like learn's own repository: the manifest of the
/// package `learn` and the built-in course beside it.
fn repository() -> TempCourse {
    let c = TempCourse::builtin();
    std::fs::remove_dir_all(c.path(".learn")).unwrap();
    c.write(
        "Cargo.toml",
        "[package]\nname = \"learn\"\nversion = \"0.1.0\"\n",
    );
    c.write("src/builtin.rs", "// learn's embedded course\n");
    c
}

#[test]
fn learning_in_the_repository_happens_in_a_copy_of_its_own() {
    let repo = repository();
    let shipped = repo.read("exercises/01_intro/intro.rs");
    let out = repo.learn().arg("list").output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("learning in"),
        "{}",
        stderr_of(&out)
    );
    assert!(repo.path("track/info.toml").is_file());
    // Work happens in track/: solving there leaves the repository as shipped.
    let solution = repo.read("track/solutions/01_intro/intro.rs");
    repo.write("track/exercises/01_intro/intro.rs", &solution);
    repo.learn().args(["run", "1"]).assert().success();
    assert_eq!(repo.read("exercises/01_intro/intro.rs"), shipped);
    assert!(!repo.path(".learn/progress.toml").exists());
    assert!(repo.path("track/.learn/progress.toml").is_file());
}

#[test]
fn reset_restores_the_shipped_exercise_even_without_any_learn_state() {
    // A learner commits their track (solutions included) and clones it on
    // another machine, where .learn/ (ignored by git) is gone.
    let c = TempCourse::builtin();
    let shipped = c.read("exercises/01_intro/intro.rs");
    let solution = c.read("solutions/01_intro/intro.rs");
    c.write("exercises/01_intro/intro.rs", &solution);
    std::fs::remove_dir_all(c.path(".learn")).unwrap();
    c.learn().arg("list").assert().success();
    c.learn().args(["reset", "intro"]).assert().success();
    assert_eq!(c.read("exercises/01_intro/intro.rs"), shipped);
    assert_eq!(
        c.read(".learn/before-reset/exercises/01_intro/intro.rs"),
        solution
    );
}

#[test]
fn list_and_stats_only_read() {
    let c = TempCourse::fixture("quiz");
    c.learn().arg("list").assert().success();
    c.learn().arg("stats").assert().success();
    c.learn().args(["lesson", "1"]).assert().success();
    assert!(
        !c.path(".learn").exists(),
        "a read-only command wrote .learn/"
    );
}

#[test]
fn stats_and_quiz_agree_on_what_is_due() {
    // Questions answered on step `moves`, then a jump back to step 1: the
    // answered questions are still the learner's to review.
    let c = TempCourse::fixture("quiz");
    let card = |id: &str| {
        format!(
            "\"{id}\" = {{ due = \"2020-01-01T00:10:00Z\", stability = 0.5, difficulty = 5.0, reps = 1, lapses = 0, state = \"learning\", last_review = \"2020-01-01T00:00:00Z\" }}\n"
        )
    };
    c.write(
        ".learn/progress.toml",
        &format!(
            "version = 2\ncurrent = \"intro\"\n[cards]\n{}{}",
            card("moves.mcq.0"),
            card("moves.trace.0")
        ),
    );
    let stats = c.learn().args(["stats", "--json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["due_now"], 2);
    let out = c.learn().args(["quiz", "--seed", "1"]).output().unwrap();
    assert!(stdout_of(&out).contains(": 2 due, "), "{}", stdout_of(&out));
}

#[test]
fn the_learners_environment_does_not_change_a_verdict() {
    let c = TempCourse::with_program(
        "fn main() {\n    let v: Vec<i32> = Vec::new();\n    println!(\"{}\", v[0]);\n}\n",
    );
    let plain = c.learn().args(["run", "one"]).output().unwrap();
    // A new content each time, so neither verdict comes from the cache.
    c.write(
        "exercises/one.rs",
        "fn main() {\n    let v: Vec<i32> = Vec::new();\n    println!(\"{}\", v[0]);\n}\n// again\n",
    );
    let with_backtrace = c
        .learn()
        .env("RUST_BACKTRACE", "1")
        .env("RUST_LIB_BACKTRACE", "full")
        .args(["run", "one"])
        .output()
        .unwrap();
    let lines = |o: &std::process::Output| stdout_of(o).lines().count();
    assert_eq!(
        lines(&plain),
        lines(&with_backtrace),
        "{}",
        stdout_of(&with_backtrace)
    );
    assert!(!stdout_of(&with_backtrace).contains("stack backtrace"));
}

#[cfg(unix)]
#[test]
fn a_missing_linker_is_an_environment_problem_and_never_cached() {
    let c = TempCourse::with_program("fn main() {}\n");
    // rustc alone on the PATH: no `cc` to link with.
    let rustc = which_rustc();
    let lonely = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&rustc, lonely.path().join("rustc")).unwrap();
    let out = c
        .learn()
        .env("PATH", lonely.path())
        .env("RUSTC", lonely.path().join("rustc"))
        .args(["run", "one"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    assert!(
        stdout_of(&out).contains("could not find a linker")
            && stdout_of(&out).contains("apt install gcc"),
        "{}",
        stdout_of(&out)
    );
    // With the linker back, the same content is checked again: a pass.
    c.learn().args(["run", "one"]).assert().success();
}

/// The real rustc behind rustup's proxy.
fn which_rustc() -> std::path::PathBuf {
    let out = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .unwrap();
    let sysroot = String::from_utf8(out.stdout).unwrap();
    std::path::Path::new(sysroot.trim()).join("bin/rustc")
}

#[cfg(unix)]
#[test]
fn a_program_killed_from_outside_is_not_its_verdict() {
    let program = "fn main() {\n    let me = std::process::id().to_string();\n    let _ = std::process::Command::new(\"kill\").args([\"-9\", &me]).status();\n    std::thread::sleep(std::time::Duration::from_secs(5));\n}\n";
    let c = TempCourse::with_program(program);
    let out = c.learn().args(["run", "one"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout_of(&out).contains("stopped from outside learn by signal 9 (SIGKILL)"),
        "{}",
        stdout_of(&out)
    );
    // Not cached: nothing was recorded, and the next run checks again.
    assert!(!c.progress().contains("attempts"), "{}", c.progress());
    assert!(
        std::fs::read_dir(c.path(".learn/cache/verdicts"))
            .map(|d| d.count())
            .unwrap_or(0)
            == 0
    );
}

#[test]
fn counts_from_processes_running_at_once_add_up() {
    let c = TempCourse::with_program("fn main() {}\n");
    c.learn().args(["run", "one"]).assert().success();
    let root = c.root().to_path_buf();
    let loops: Vec<_> = (0..3)
        .map(|_| {
            let root = root.clone();
            std::thread::spawn(move || {
                for _ in 0..40 {
                    let out = Command::new(BIN)
                        .args(["run", "one"])
                        .current_dir(&root)
                        .output()
                        .unwrap();
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            })
        })
        .collect();
    for l in loops {
        l.join().unwrap();
    }
    assert!(
        c.progress().contains("attempts = 121\n"),
        "{}",
        c.progress()
    );

    // Three hints asked at once are three different hints.
    let hints: Vec<_> = (0..3)
        .map(|_| {
            let root = root.clone();
            std::thread::spawn(move || {
                let out = Command::new(BIN)
                    .args(["hint", "one"])
                    .current_dir(&root)
                    .output()
                    .unwrap();
                String::from_utf8_lossy(&out.stdout).into_owned()
            })
        })
        .collect();
    let mut shown: Vec<String> = hints
        .into_iter()
        .map(|h| {
            let out = h.join().unwrap();
            out.split_whitespace().nth(1).unwrap_or_default().to_owned()
        })
        .collect();
    shown.sort();
    assert_eq!(shown, ["1/3:", "2/3:", "3/3:"]);
    assert!(c.progress().contains("hints_used = 3"), "{}", c.progress());
}

#[test]
fn a_newer_learns_fields_are_kept() {
    let c = TempCourse::with_program("fn main() {}\n");
    c.write(
        ".learn/progress.toml",
        "version = 2\nstreak = 3\n[steps.one]\nmood = \"good\"\n",
    );
    c.learn().args(["run", "one"]).assert().success();
    let progress = c.progress();
    assert!(progress.contains("streak = 3"), "{progress}");
    assert!(progress.contains("mood = \"good\""), "{progress}");
    assert!(progress.contains("passed = true"), "{progress}");
}

#[test]
fn an_old_progress_file_loads_unchanged_in_meaning() {
    let c = TempCourse::fixture("basic");
    let mut copy = tempfile::tempdir().unwrap().keep();
    copy.push("c");
    copy_dir(c.root(), &copy);
    c.write(
        ".learn/progress.toml",
        "current = \"compile_error\"\n[steps.passes]\nexercise_passed = true\nquestions_done = true\nhints_used = 1\nattempts = 4\nconfidence = 3\n\n[[reviews]]\nat = \"2026-11-25T14:03:07Z\"\nquestion = \"passes.mcq.0\"\nrating = 3\n",
    );
    c.learn()
        .arg("list")
        .assert()
        .success()
        .stdout(predicates::str::contains("1  passes"))
        .stdout(predicates::str::contains("done"))
        .stdout(predicates::str::contains(">  2  compile_error"));
    let stats = c.learn().args(["stats", "--json"]).output().unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(stats["reviews"], 1);
    assert_eq!(stats["steps_done"], 1);
}
