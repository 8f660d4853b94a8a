//! Shell completion (`learn completions SHELL`, answered through the
//! `COMPLETE` protocol) and the manual page (`learn man`).

mod common;

use std::path::Path;
use std::process::Command;

use common::{BIN, TempCourse, stderr_of, stdout_of};

fn learn_output(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .env_remove("LEARN_COURSE")
        .env_remove("COMPLETE")
        .output()
        .unwrap()
}

/// What bash offers after typing `words` (the last one is being completed)
/// in `dir`, with the script of `learn completions bash` loaded.
fn bash_completes(script: &Path, dir: &Path, words: &[&str]) -> Vec<String> {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        r#"source '{}' || exit 3
complete -p learn >/dev/null || exit 4
COMP_WORDS=({})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
COMP_TYPE=9
_clap_complete_learn learn "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}"
"#,
        script.display(),
        quoted.join(" ")
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(program)
        .current_dir(dir)
        .env_remove("LEARN_COURSE")
        .env_remove("COMPLETE")
        .output()
        .unwrap();
    assert!(out.status.success(), "{words:?}: {}", stderr_of(&out));
    stdout_of(&out).lines().map(str::to_owned).collect()
}

#[test]
fn the_bash_script_completes_commands_and_the_courses_steps() {
    let out = learn_output(&["completions", "bash"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let c = TempCourse::builtin();
    let script = c.path("learn.bash");
    std::fs::write(&script, &out.stdout).unwrap();
    let syntax = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(syntax.status.success(), "{}", stderr_of(&syntax));

    let commands = bash_completes(&script, c.root(), &["learn", ""]);
    for wanted in ["list", "lesson", "watch", "completions", "man"] {
        assert!(commands.iter().any(|c| c == wanted), "{commands:?}");
    }
    assert_eq!(
        bash_completes(&script, c.root(), &["learn", "les"]),
        ["lesson"]
    );
    assert_eq!(
        bash_completes(&script, c.root(), &["learn", "lesson", "own"]),
        ["ownership"]
    );
    let exercises = bash_completes(&script, c.root(), &["learn", "run", "variables/"]);
    assert!(
        exercises.iter().any(|e| e == "variables/1"),
        "{exercises:?}"
    );
    let shells = bash_completes(&script, c.root(), &["learn", "completions", "z"]);
    assert_eq!(shells, ["zsh"]);
    // Outside a course, steps are simply not offered...
    let elsewhere = tempfile::tempdir().unwrap();
    let offered = bash_completes(&script, elsewhere.path(), &["learn", "lesson", ""]);
    assert!(!offered.iter().any(|o| o == "intro"), "{offered:?}");
    // ...unless the line names the course.
    let root = c.root().to_str().unwrap();
    let offered = bash_completes(
        &script,
        elsewhere.path(),
        &["learn", "--course", root, "lesson", "own"],
    );
    assert_eq!(offered, ["ownership"]);
}

#[test]
fn the_completion_protocol_answers_directly() {
    // What the scripts of every shell call: `COMPLETE=SHELL learn -- WORDS`.
    let c = TempCourse::builtin();
    let out = Command::new(BIN)
        .args(["--", "learn", "jump", "cli"])
        .current_dir(c.root())
        .env_remove("LEARN_COURSE")
        .env("COMPLETE", "fish")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    assert!(text.starts_with("cli_parser"), "{text}");
    // Every shell gets a script that calls learn back.
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = learn_output(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr_of(&out));
        let script = stdout_of(&out);
        assert!(script.contains("COMPLETE"), "{shell}: {script}");
        assert!(script.contains(BIN), "{shell}: {script}");
    }
}

#[test]
fn the_man_page_renders_without_warnings_and_lists_every_command() {
    let out = learn_output(&["man"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("learn.1");
    std::fs::write(&page, &out.stdout).unwrap();
    let man = Command::new("/usr/bin/man")
        .arg("--warnings")
        .arg("-l")
        .arg(&page)
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    assert!(man.status.success(), "{}", stderr_of(&man));
    assert_eq!(stderr_of(&man), "", "man reports problems");
    // Strip any overstrike (bold, underline) man may leave.
    let raw = stdout_of(&man);
    let mut text = String::new();
    for ch in raw.chars() {
        if ch == '\u{8}' {
            text.pop();
        } else {
            text.push(ch);
        }
    }
    for wanted in [
        "learn watch",
        "learn list",
        "learn run",
        "learn lesson",
        "learn quiz",
        "learn dev check",
        "learn completions",
        "learn man",
        "EXIT STATUS",
        "--course",
    ] {
        assert!(text.contains(wanted), "no {wanted:?} in:\n{text}");
    }
}
