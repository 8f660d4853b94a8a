//! Hardening: learners' programs always stopped (signals to learn,
//! grandchildren, memory, compiles that never end), their output made
//! harmless, damaged or odd files recovered, hostile course text refused.
//! Each test reproduces a failure found by attacking the release binary.

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{BIN, TempCourse, stderr_of, stdout_of};

/// Wait until `cond` holds (or fail after `secs`).
fn wait_until(secs: u64, what: &str, cond: impl Fn() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(start.elapsed() < Duration::from_secs(secs), "{what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A program that runs until stopped, marked with `tag` in its command line.
fn spinner() -> &'static str {
    "fn main() {\n    loop {\n        std::hint::spin_loop();\n    }\n}\n"
}

#[cfg(unix)]
fn signal(pid: u32, sig: &str) {
    let ok = Command::new("kill")
        .args([&format!("-{sig}"), &pid.to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
}

#[cfg(unix)]
#[test]
fn a_signal_to_learn_stops_the_learners_program() {
    for sig in ["INT", "TERM", "HUP"] {
        let c = TempCourse::with_program(spinner());
        let tmp = tempfile::tempdir().unwrap();
        let mut learn = Command::new(BIN);
        std::os::unix::process::CommandExt::process_group(&mut learn, 0);
        let child = learn
            .args(["--timeout", "60", "run", "one"])
            .current_dir(c.root())
            .env("TMPDIR", tmp.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let bin = c.path(".learn/cache/bin/one").display().to_string();
        wait_until(60, "the program never started", || {
            TempCourse::running(&bin)
        });
        let before = c.progress();
        signal(child.id(), sig);
        let out = child.wait_with_output().unwrap();
        // Stopped as the shell expects (128 + the signal), quietly: the
        // program was stopped by learn on its way out, which is neither the
        // learner's failure nor the machine's.
        let number = match sig {
            "INT" => 2,
            "TERM" => 15,
            _ => 1,
        };
        assert_eq!(out.status.code(), Some(128 + number), "SIG{sig}");
        let said = format!("{}{}", stdout_of(&out), stderr_of(&out));
        assert!(!said.contains("from outside"), "SIG{sig}: {said}");
        assert!(!said.contains("could not be checked"), "SIG{sig}: {said}");
        assert_eq!(c.progress(), before, "SIG{sig}: an attempt was recorded");
        let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
        assert!(left.is_empty(), "SIG{sig}: temporary files left: {left:?}");
        wait_until(5, &format!("SIG{sig}: the program outlived learn"), || {
            !TempCourse::running(&bin)
        });
    }
}

#[cfg(unix)]
#[test]
fn killing_learn_outright_stops_the_program_too() {
    let c = TempCourse::with_program(spinner());
    let mut child = Command::new(BIN)
        .args(["--timeout", "60", "run", "one"])
        .current_dir(c.root())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let bin = c.path(".learn/cache/bin/one").display().to_string();
    wait_until(60, "the program never started", || {
        TempCourse::running(&bin)
    });
    signal(child.id(), "KILL");
    child.wait().unwrap();
    wait_until(5, "the program outlived a killed learn", || {
        !TempCourse::running(&bin)
    });
}

#[cfg(unix)]
#[test]
fn a_signal_to_watch_mode_without_a_terminal_stops_the_program() {
    let c = TempCourse::with_program(spinner());
    let mut child = Command::new(BIN)
        .args(["--timeout", "60", "watch"])
        .current_dir(c.root())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let bin = c.path(".learn/cache/bin/one").display().to_string();
    wait_until(60, "the program never started", || {
        TempCourse::running(&bin)
    });
    signal(child.id(), "TERM");
    child.wait().unwrap();
    wait_until(5, "the program outlived watch mode", || {
        !TempCourse::running(&bin)
    });
}

#[cfg(unix)]
#[test]
fn a_signal_to_watch_mode_on_a_terminal_restores_it() {
    let c = TempCourse::with_program(spinner());
    let root = c.root().display().to_string();
    let line =
        format!("stty rows 24 cols 80; '{BIN}' --course '{root}' --timeout 60 watch; stty -a");
    let mut t = common::Tty::spawn_shell(&c, &line, 24, 80);
    t.wait_for("Checking");
    let pids = Command::new("pgrep")
        .args(["-f", "--", &format!("--course {root} --timeout 60 watch")])
        .output()
        .unwrap();
    // The shell's command line holds the same words: take learn's process.
    let pid: u32 = stdout_of(&pids)
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .find(|p: &u32| {
            std::fs::read_to_string(format!("/proc/{p}/comm")).is_ok_and(|c| c.trim() == "learn")
        })
        .expect("learn runs");
    signal(pid, "TERM");
    let screen = t.wait_exit();
    assert!(screen.contains(" icanon"), "{screen}");
    let bin = c.path(".learn/cache/bin/one").display().to_string();
    wait_until(5, "the program outlived watch mode", || {
        !TempCourse::running(&bin)
    });
}

#[cfg(unix)]
#[test]
fn grandchildren_are_stopped_when_the_program_ends() {
    // One grandchild with no output pipes, one in a session of its own.
    let program = r#"use std::process::{Command, Stdio};
fn main() {
    for args in [vec!["sleep", "1234.5"], vec!["setsid", "sleep", "1235.5"]] {
        Command::new(args[0])
            .args(&args[1..])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    println!("started");
}
"#;
    let c = TempCourse::with_program(program);
    c.learn().args(["run", "one"]).assert().success();
    for tag in ["sleep 1234.5", "sleep 1235.5"] {
        wait_until(5, &format!("`{tag}` outlived the program"), || {
            !TempCourse::running(tag)
        });
    }
}

#[cfg(unix)]
#[test]
fn a_program_gets_a_memory_limit_with_a_verdict_of_its_own() {
    let reserve = "fn main() {\n    let v: Vec<u8> = Vec::with_capacity(20 << 30);\n    println!(\"{}\", v.capacity());\n}\n";
    let c = TempCourse::with_program(reserve);
    let out = c.learn().args(["run", "one"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stdout_of(&out));
    assert!(
        stdout_of(&out).contains("the program used more than 2 GiB and was stopped"),
        "{}",
        stdout_of(&out)
    );
    // Touching 512 MiB passes by default, not under --memory 256M.
    let touch = "fn main() {\n    let v = vec![1u8; 512 << 20];\n    println!(\"{}\", v[v.len() - 1]);\n}\n";
    let c = TempCourse::with_program(touch);
    c.learn().args(["run", "one"]).assert().success();
    let out = c
        .learn()
        .args(["--memory", "256M", "run", "one"])
        .output()
        .unwrap();
    assert!(
        stdout_of(&out).contains("used more than 256 MiB"),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn control_sequences_in_a_programs_output_are_made_visible() {
    let program = "fn main() {\n    println!(\"\\x1b[?1049h\\x1b[?25l\\x1b[8mhidden\\x1b]0;title\\x07\");\n    std::process::exit(1);\n}\n";
    let c = TempCourse::with_program(program);
    let out = c.learn().args(["run", "one"]).output().unwrap();
    let stdout = stdout_of(&out);
    assert!(
        !stdout.contains('\x1b') && !stdout.contains('\x07'),
        "{stdout:?}"
    );
    assert!(
        stdout.contains(r"\e[?1049h\e[?25l\e[8mhidden\e]0;title\u{7}"),
        "{stdout}"
    );
}

#[test]
fn a_compile_that_never_ends_is_stopped_at_the_compile_limit() {
    let program = "#![allow(long_running_const_eval)]\nconst fn spin() -> u64 {\n    let mut i = 0u64;\n    loop {\n        i = i.wrapping_add(1);\n        if i == 0 {\n            return 1;\n        }\n    }\n}\nconst X: u64 = spin();\nfn main() {\n    println!(\"{X}\");\n}\n";
    let c = TempCourse::with_program(program);
    let start = Instant::now();
    let out = c
        .learn()
        .args(["--compile-timeout", "2", "run", "one"])
        .output()
        .unwrap();
    assert!(start.elapsed() < Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout_of(&out).contains("rustc took longer than 2 s on this file and was stopped"),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn limits_out_of_range_are_usage_errors_not_panics() {
    let c = TempCourse::with_program("fn main() {}\n");
    for args in [
        ["--timeout", "1e20"],
        ["--timeout", "-1"],
        ["--memory", "lots"],
    ] {
        let out = c.learn().args(args).arg("list").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!stderr_of(&out).contains("panicked"), "{}", stderr_of(&out));
    }
}

#[test]
fn a_progress_file_that_is_not_utf8_is_moved_aside() {
    let c = TempCourse::with_program("fn main() {}\n");
    c.write(".learn/progress.toml", "");
    std::fs::write(c.path(".learn/progress.toml"), b"current = \"\xff\"\n").unwrap();
    let out = c.learn().arg("list").output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("progress.toml.bak"),
        "{}",
        stderr_of(&out)
    );
    assert!(c.path(".learn/progress.toml.bak").is_file());
}

#[cfg(unix)]
#[test]
fn a_progress_path_that_is_not_a_file_leaves_reading_commands_working() {
    for setup in ["fifo", "folder", "learn-is-a-file"] {
        let c = TempCourse::with_program("fn main() {}\n");
        match setup {
            "fifo" => {
                std::fs::create_dir_all(c.path(".learn")).unwrap();
                let made = Command::new("mkfifo")
                    .arg(c.path(".learn/progress.toml"))
                    .status()
                    .unwrap();
                assert!(made.success());
            }
            "folder" => std::fs::create_dir_all(c.path(".learn/progress.toml")).unwrap(),
            _ => c.write(".learn", "not a folder"),
        }
        let start = Instant::now();
        let out = c.learn().arg("list").output().unwrap();
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{setup}: it hung"
        );
        assert!(out.status.success(), "{setup}: {}", stderr_of(&out));
        assert!(
            stderr_of(&out).contains("warning:"),
            "{setup}: {}",
            stderr_of(&out)
        );
        // A command that must save says why it cannot.
        let out = c.learn().args(["hint", "one"]).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{setup}");
        assert!(
            stderr_of(&out).contains("cannot save progress"),
            "{setup}: {}",
            stderr_of(&out)
        );
    }
}

#[cfg(unix)]
#[test]
fn files_learn_creates_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("umask 022; '{BIN}' init course"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    for f in ["info.toml", "exercises/01_intro/intro.rs"] {
        let mode = std::fs::metadata(dir.path().join("course").join(f))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644, "{f}: {:o}", mode & 0o777);
    }
}

#[test]
fn a_broken_build_cache_is_an_environment_problem_never_cached() {
    let c = TempCourse::with_program("fn main() {\n    let x: i32 = \"no\";\n}\n");
    c.write(
        ".learn/cache/incremental",
        "a file where a folder should be",
    );
    let out = c.learn().args(["run", "one"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout_of(&out));
    assert!(
        stdout_of(&out).contains("could not use learn's build cache"),
        "{}",
        stdout_of(&out)
    );
    assert!(
        stdout_of(&out).contains("a problem with the machine"),
        "{}",
        stdout_of(&out)
    );
    std::fs::remove_file(c.path(".learn/cache/incremental")).unwrap();
    let out = c.learn().args(["run", "one"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout_of(&out).contains("error[E0308]"),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn a_file_named_like_an_option_is_compiled_as_a_file() {
    let c = TempCourse::with_program("fn main() {}\n");
    let info = c.read("info.toml").replace("exercises/one.rs", "-Zhelp.rs");
    c.write("info.toml", &info);
    c.write(
        "-Zhelp.rs",
        "fn main() {\n    println!(\"as a file\");\n}\n",
    );
    let out = c.learn().args(["run", "one"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        stdout_of(&out),
        stderr_of(&out)
    );
    assert!(stdout_of(&out).contains("as a file"), "{}", stdout_of(&out));
}

#[test]
fn control_characters_in_a_course_are_refused_with_their_position() {
    let c = TempCourse::with_program("fn main() {}\n");
    let info = c.read("info.toml") + "lesson = \"copy \\u001b]52;c;aGk=\\u0007 this\"\n";
    c.write("info.toml", &info);
    let out = c.learn().arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("info.toml:14:10:"), "{err}");
    assert!(err.contains("control character U+001B"), "{err}");
    assert!(!err.contains('\x1b'), "{err:?}");
    let out = c.learn().args(["dev", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout_of(&out).contains("info.toml:14: "),
        "{}",
        stdout_of(&out)
    );
}

#[test]
fn a_learner_may_delete_the_solutions() {
    let c = TempCourse::builtin();
    std::fs::remove_dir_all(c.path("solutions")).unwrap();
    c.learn()
        .arg("list")
        .assert()
        .success()
        .stdout(predicates::str::contains("36  lru_cache"));
}

#[cfg(unix)]
#[test]
fn writes_never_follow_a_symlink_out_of_the_course() {
    let c = TempCourse::with_program("fn main() {}\n");
    c.write(".learn/shipped/exercises/one.rs", "fn main() {}\n");
    let outside = tempfile::tempdir().unwrap();
    std::fs::rename(c.path("exercises"), outside.path().join("exercises")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("exercises"), c.path("exercises")).unwrap();
    let out = c.learn().args(["reset", "one"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("refusing to write"),
        "{}",
        stderr_of(&out)
    );

    let c = TempCourse::with_program("fn main() {}\n");
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), c.path(".learn")).unwrap();
    let out = c.learn().args(["hint", "one"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("refusing to write"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}
