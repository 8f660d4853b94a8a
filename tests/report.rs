//! `learn dev report`: a class of fake learners on a copy of the quiz
//! fixture, with known answers, and the exact figures in text, JSON and CSV.
//!
//! The class (the fixture's questions: intro.mcq.0 answered b, vars.mcq.0
//! answered b, moves.mcq.0 answered a and c, borrow-many answered b):
//!
//! | learner | given as | intro (att, hints) | vars | moves | first answers |
//! |---|---|---|---|---|---|
//! | ann | the file | 2, 0 done | 1, 0 done | 5, 1 done | intro.mcq.0 b, vars b, moves ac, trace.0 right, ownership 4 |
//! | bob | folder with .learn | 4, 1 done | 2, 1 done | 2, 0 | intro.mcq.0 b, vars b, moves a, trace.0 wrong, ownership 2 |
//! | cat | folder with progress.toml | 1, 0 done | 3, 0 done | - | intro.mcq.0 a (then b), vars b, moves ab, ownership 3 |
//! | dan | folder with .learn | 3, 2 passed | 1, 0 done | 6, 3 done | intro.mcq.0 b, vars b, moves ac, moves.trace.0 right |
//! | eve | folder, no log | 1, 0 | - | - | - |
//!
//! bob's log also holds a damaged line, dan's an answer to a question the
//! course no longer has; plus fay (damaged at line 3), an empty folder and
//! ann named twice. Nobody answered borrow-many or intro.interview.0.

mod common;

use std::collections::HashMap;

use common::{TempCourse, stderr_of, stdout_of};

/// A step's progress: its one exercise (attempts, hints, passed) and whether
/// its questions are done.
fn step(name: &str, attempts: u32, hints: u32, passed: bool, done: bool) -> String {
    format!(
        "[steps.{name}]\nquestions_done = {done}\n\
         [steps.{name}.exercises.{name}]\npassed = {passed}\nattempts = {attempts}\nhints_used = {hints}\n"
    )
}

/// A review log: one answer a minute, in order.
fn log(answers: &[(&str, u8, &str)]) -> String {
    let mut text = String::from("# learn review log\n");
    for (minute, (question, rating, picked)) in answers.iter().enumerate() {
        let line = format!("2026-12-01T10:{minute:02}:00Z {question} {rating} {picked}");
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// The fixture course with the class's files under `class/`.
fn classroom() -> TempCourse {
    let c = TempCourse::fixture("quiz");
    let ann = [
        step("intro", 2, 0, true, true),
        step("vars", 1, 0, true, true),
        step("moves", 5, 1, true, true),
    ];
    c.write(
        "class/ann/.learn/progress.toml",
        &format!("version = 2\ncurrent = \"borrows\"\n{}", ann.concat()),
    );
    c.write(
        "class/ann/.learn/reviews.log",
        &log(&[
            ("intro.mcq.0", 3, "b"),
            ("intro.trace.0", 3, ""),
            ("vars.mcq.0", 3, "b"),
            ("moves.mcq.0", 3, "ac"),
            ("ownership-in-30s", 4, ""),
        ]),
    );
    let bob = [
        step("intro", 4, 1, true, true),
        step("vars", 2, 1, true, true),
        step("moves", 2, 0, false, false),
    ];
    c.write("class/bob/.learn/progress.toml", &bob.concat());
    c.write(
        "class/bob/.learn/reviews.log",
        &format!(
            "{}not an answer\n",
            log(&[
                ("intro.mcq.0", 3, "b"),
                ("intro.trace.0", 1, ""),
                ("intro.trace.0", 3, ""),
                ("vars.mcq.0", 3, "b"),
                ("moves.mcq.0", 1, "a"),
                ("ownership-in-30s", 2, ""),
            ])
        ),
    );
    let cat = [
        step("intro", 1, 0, true, true),
        step("vars", 3, 0, true, true),
    ];
    c.write("class/cat/progress.toml", &cat.concat());
    c.write(
        "class/cat/reviews.log",
        &log(&[
            ("intro.mcq.0", 1, "a"),
            ("intro.mcq.0", 3, "b"),
            ("vars.mcq.0", 3, "b"),
            ("moves.mcq.0", 1, "ab"),
            ("ownership-in-30s", 3, ""),
        ]),
    );
    let dan = [
        step("intro", 3, 2, true, false),
        step("vars", 1, 0, true, true),
        step("moves", 6, 3, true, true),
    ];
    c.write("class/dan/.learn/progress.toml", &dan.concat());
    c.write(
        "class/dan/.learn/reviews.log",
        &log(&[
            ("intro.mcq.0", 3, "b"),
            ("vars.mcq.0", 3, "b"),
            ("moves.mcq.0", 3, "ac"),
            ("moves.trace.0", 3, ""),
            ("gone.mcq.0", 1, "a"),
        ]),
    );
    c.write(
        "class/eve/.learn/progress.toml",
        &step("intro", 1, 0, false, false),
    );
    c.write(
        "class/fay/.learn/progress.toml",
        "version = 2\n[steps.intro]\nquestions_done = maybe\n",
    );
    std::fs::create_dir_all(c.path("class/nobody")).unwrap();
    c
}

/// Every way of naming a learner, a damaged file, an empty folder, and ann
/// twice.
const PATHS: [&str; 8] = [
    "class/ann/.learn/progress.toml",
    "class/bob",
    "class/cat",
    "class/dan",
    "class/eve",
    "class/fay",
    "class/nobody",
    "class/ann",
];

/// The line of info.toml holding `needle`.
fn line_of(c: &TempCourse, needle: &str) -> usize {
    let info = c.read("info.toml");
    info.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle} is not in info.toml"))
        + 1
}

fn report(c: &TempCourse, flags: &[&str]) -> std::process::Output {
    c.learn()
        .args(["dev", "report"])
        .args(flags)
        .args(PATHS)
        .output()
        .unwrap()
}

#[test]
fn the_text_report_has_exact_figures_and_lines() {
    let c = classroom();
    let before = c.read("class/fay/.learn/progress.toml");
    let out = report(&c, &[]);
    let text = stdout_of(&out);
    assert_eq!(out.status.code(), Some(0), "{text}{}", stderr_of(&out));
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "too wide: {line}");
    }
    // `info.toml:LINE` of a needle, in its 13-column WHERE column.
    let place = |line: usize| format!("{:<13}", format!("info.toml:{line}"));
    let at = |needle: &str| place(line_of(&c, needle));
    let (mcq, vars) = (at("Which macro prints"), at("Is a `let` binding"));
    let expected = [
        "Classroom report: Quiz fixture".to_owned(),
        "5 learners (one per progress file read); 3 paths skipped:".to_owned(),
        "  class/nobody: no .learn/progress.toml or progress.toml in this folder".to_owned(),
        "  class/ann/.learn/progress.toml: named twice: read once".to_owned(),
        format!(
            "  intro    {}       3/5       5         2      0",
            at("name = \"intro\"")
        ),
        format!(
            "  vars     {}       4/5       4       1.5      0",
            at("name = \"vars\"")
        ),
        format!(
            "  moves    {}       2/5       3         5      1",
            at("name = \"moves\"")
        ),
        format!(
            "  borrows  {}       0/5       0         -      -",
            at("name = \"borrows\"")
        ),
        "  step intro".to_owned(),
        format!("  {mcq}  intro.mcq.0        mcq               4    3/4  75%  a:1 b:3* c:0"),
        format!(
            "  {}  intro.trace.0      trace             2    1/2  50%",
            place(line_of(&c, "let x = 3;") - 2)
        ),
        format!("  {vars}  vars.mcq.0         mcq               4    4/4 100%  a:0 b:4*"),
        format!(
            "  {}  moves.mcq.0        mcq               4    2/4  50%  a:4* b:1 c:2*",
            at("Which types are Copy")
        ),
        format!(
            "  {}  ownership-in-30s   interview         3    2/3  67%",
            at("Explain ownership in 30")
        ),
        format!(
            "  {}  borrow-many        mcq               0           -  a:0 b:0*",
            at("How many shared borrows")
        ),
        "Flags: questions answered by at least 3 learners".to_owned(),
        format!("  {mcq}  intro.mcq.0: dead distractor c \"eprint!\": never a first pick"),
        format!("  {vars}  vars.mcq.0: too easy? all 4 learners right on the first try"),
        format!("  {vars}  vars.mcq.0: dead distractor a \"yes\": never a first pick"),
    ];
    for line in &expected {
        assert!(
            text.lines().any(|l| l == line),
            "{line:?} is not in\n{text}"
        );
    }
    assert!(
        text.contains("\n  class/fay/.learn/progress.toml: line 3: "),
        "{text}"
    );
    // moves.mcq.0: every wrong choice was a first pick once; borrow-many: nobody answered.
    assert!(!text.contains("moves.mcq.0: dead"), "{text}");
    assert!(!text.contains("borrow-many: "), "{text}");
    // The learners' files are read, never changed or moved.
    assert_eq!(c.read("class/fay/.learn/progress.toml"), before);
    assert!(!c.path("class/fay/.learn/progress.toml.bak").exists());
    assert!(!c.path("class/eve/.learn/reviews.log").exists());
}

#[test]
fn json_has_the_same_figures_in_a_versioned_shape() {
    let c = classroom();
    let out = report(&c, &["--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["course"], "Quiz fixture");
    assert_eq!(
        (json["learners"].as_u64(), json["min_learners"].as_u64()),
        (Some(5), Some(3))
    );
    let skipped: Vec<&str> = json["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        skipped,
        [
            "class/fay/.learn/progress.toml",
            "class/nobody",
            "class/ann/.learn/progress.toml"
        ]
    );
    assert!(
        json["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("line 3: ")
    );

    let steps = json["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 4);
    assert_eq!(
        steps[1],
        serde_json::json!({
            "name": "vars", "title": "Variables", "line": line_of(&c, "name = \"vars\""),
            "finished": 4, "worked": 4, "median_attempts": 1.5, "median_hints": 0.0
        })
    );
    assert_eq!(steps[3]["median_attempts"], serde_json::Value::Null);

    let questions: HashMap<&str, &serde_json::Value> = json["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (q["id"].as_str().unwrap(), q))
        .collect();
    assert_eq!(questions.len(), 9);
    assert_eq!(
        *questions["intro.mcq.0"],
        serde_json::json!({
            "id": "intro.mcq.0", "step": "intro", "kind": "mcq",
            "line": line_of(&c, "Which macro prints a line?"),
            "answered": 4, "first_try_right": 3, "accuracy": 0.75, "answer": "b",
            "first_picks": {"a": 1, "b": 3, "c": 0},
            "too_easy": false, "dead_distractors": ["c"]
        })
    );
    let vars = questions["vars.mcq.0"];
    assert_eq!(
        (vars["too_easy"].as_bool(), vars["accuracy"].as_f64()),
        (Some(true), Some(1.0))
    );
    assert_eq!(vars["dead_distractors"], serde_json::json!(["a"]));
    assert_eq!(questions["moves.mcq.0"]["answer"], "ac");
    assert_eq!(
        questions["moves.mcq.0"]["first_picks"],
        serde_json::json!({"a": 4, "b": 1, "c": 2})
    );
    let nobody = questions["borrow-many"];
    assert_eq!(
        (nobody["answered"].as_u64(), nobody["accuracy"].is_null()),
        (Some(0), true)
    );
    assert_eq!(
        nobody["dead_distractors"],
        serde_json::json!([]),
        "too few answers to flag"
    );
    let interview = questions["ownership-in-30s"];
    assert_eq!(
        (
            interview["kind"].as_str(),
            interview["first_try_right"].as_u64()
        ),
        (Some("interview"), Some(2))
    );
    assert!(interview["first_picks"].is_null() && interview["answer"].is_null());
    assert_eq!(questions["moves.trace.0"]["answered"], 1);
    assert_eq!(questions["intro.interview.0"]["answered"], 0);
}

/// CSV text as rows of named fields (the test data needs no quoting).
fn parse_csv(text: &str) -> Vec<HashMap<String, String>> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    lines
        .map(|line| {
            assert!(!line.contains('"'), "{line}");
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields.len(), header.len(), "{line}");
            header
                .iter()
                .zip(fields)
                .map(|(h, f)| (h.to_string(), f.to_owned()))
                .collect()
        })
        .collect()
}

#[test]
fn csv_has_a_row_per_question_or_per_step() {
    let c = classroom();
    let out = report(&c, &["--csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    // Skipped files go to stderr: CSV has no room for them.
    let err = stderr_of(&out);
    assert!(
        err.contains("warning: skipped class/fay/.learn/progress.toml: line 3:"),
        "{err}"
    );
    assert!(
        err.contains("warning: skipped class/nobody: no .learn/progress.toml"),
        "{err}"
    );
    let rows = parse_csv(&stdout_of(&out));
    assert_eq!(rows.len(), 9);
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    let mcq = row("intro.mcq.0");
    let expected = [
        ("step", "intro"),
        ("kind", "mcq"),
        ("answered", "4"),
        ("first_try_right", "3"),
        ("accuracy", "0.75"),
        ("answer", "b"),
        ("first_picks", "a:1 b:3 c:0"),
        ("too_easy", "false"),
        ("dead_distractors", "c"),
    ];
    for (field, value) in expected {
        assert_eq!(mcq[field], value, "{field}");
    }
    assert_eq!(
        mcq["line"],
        line_of(&c, "Which macro prints a line?").to_string()
    );
    assert_eq!(
        (
            row("vars.mcq.0")["too_easy"].as_str(),
            row("vars.mcq.0")["accuracy"].as_str()
        ),
        ("true", "1")
    );
    assert_eq!(row("ownership-in-30s")["accuracy"], "0.6667");
    assert_eq!(row("ownership-in-30s")["first_picks"], "");
    let nobody = row("borrow-many");
    assert_eq!(
        (nobody["answered"].as_str(), nobody["accuracy"].as_str()),
        ("0", "")
    );

    let out = report(&c, &["--csv=steps"]);
    let rows = parse_csv(&stdout_of(&out));
    let steps: Vec<String> = rows
        .iter()
        .map(|r| {
            let fields = [
                "step",
                "learners",
                "finished",
                "worked",
                "median_attempts",
                "median_hints",
            ];
            fields.map(|f| r[f].as_str()).join(" ")
        })
        .collect();
    assert_eq!(
        steps,
        [
            "intro 5 3 5 2 0",
            "vars 5 4 4 1.5 0",
            "moves 5 2 3 5 1",
            "borrows 5 0 0  "
        ]
    );
    assert_eq!(rows[0]["title"], "Printing");
}

#[test]
fn nothing_readable_fails_and_flags_conflict() {
    let c = classroom();
    let out = c
        .learn()
        .args(["dev", "report", "class/fay", "class/missing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout_of(&out);
    assert!(
        text.contains("0 learners (one per progress file read); 2 paths skipped:"),
        "{text}"
    );
    assert!(text.contains("  class/missing: no such file\n"), "{text}");
    assert!(text.contains("  borrows  info.toml:"), "{text}");

    c.learn()
        .args(["dev", "report", "--json", "--csv", "class/ann"])
        .assert()
        .code(2);
    c.learn().args(["dev", "report"]).assert().code(2);
    // --csv takes its table only after `=`: a path after it stays a path.
    let out = c
        .learn()
        .args(["dev", "report", "--csv", "class/ann"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    assert!(stdout_of(&out).starts_with("step,id,kind,line,"));
    // Flag with fewer learners: intro.trace.0 (2 answers, 1 right) is no
    // flag, ann's and bob's intro.mcq.0 is too easy.
    let out = c
        .learn()
        .args([
            "dev",
            "report",
            "--min-learners",
            "2",
            "class/ann",
            "class/bob",
        ])
        .output()
        .unwrap();
    let text = stdout_of(&out);
    assert!(
        text.contains("Flags: questions answered by at least 2 learners"),
        "{text}"
    );
    assert!(
        text.contains("intro.mcq.0: too easy? all 2 learners right"),
        "{text}"
    );
    assert!(!text.contains("intro.trace.0: too easy"), "{text}");
    c.learn()
        .args(["dev", "report", "--min-learners", "0", "class/ann"])
        .assert()
        .code(2);
}
