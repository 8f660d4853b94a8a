//! The loader's tests: what loads, and every problem with its position.

use super::*;

/// A course folder with the given exercise and solution files.
fn folder(files: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in files {
        let p = dir.path().join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, "fn main() {}\n").unwrap();
    }
    dir
}

const HEAD: &str = "format_version = 1\n[course]\ntitle = \"T\"\nedition = \"2021\"\n";

fn step(extra: &str) -> String {
    format!(
        "{HEAD}\n[[steps]]\nname = \"one\"\ntitle = \"One\"\ntopic = \"t\"\nlevel = \"beginner\"\npath = \"exercises/one.rs\"\nmode = \"run\"\n{extra}"
    )
}

fn problems(text: &str) -> Vec<Problem> {
    let dir = folder(&["exercises/one.rs", "solutions/one.rs"]);
    match Course::parse(dir.path(), text) {
        Ok(_) => Vec::new(),
        Err(p) => p,
    }
}

fn only(text: &str) -> Problem {
    let p = problems(text);
    assert_eq!(p.len(), 1, "expected one problem, got {p:#?}");
    p.into_iter().next().unwrap()
}

#[test]
fn a_good_course_loads() {
    let dir = folder(&["exercises/one.rs", "solutions/one.rs"]);
    let text = step("[[steps.mcq]]\nprompt = \"?\"\nchoices = [\"x\", \"y\"]\nanswer = \"b\"\n");
    let course = Course::parse(dir.path(), &text).unwrap();
    assert_eq!(course.steps.len(), 1);
    let s = &course.steps[0];
    assert_eq!(
        s.exercises[0].solution.as_deref(),
        Some(Path::new("solutions/one.rs"))
    );
    assert_eq!(s.mcqs[0].answer, vec![1]);
    assert_eq!(s.mcqs[0].id, "one.mcq.0");
    assert_eq!(s.line, 7);
}

#[test]
fn unknown_format_version() {
    let p = only(&step("").replace("format_version = 1", "format_version = 2"));
    assert_eq!(p.line, 1);
    assert!(
        p.message.contains("format_version = 2 is not supported"),
        "{p}"
    );
}

#[test]
fn duplicate_step_names() {
    let text = step("").clone() + &step("").replace(HEAD, "");
    let p = only(&text);
    assert_eq!(p.line, 15);
    assert!(p.message.contains("duplicate step name `one`"), "{p}");
}

#[test]
fn path_leaving_the_course() {
    let p = only(&step("").replace("exercises/one.rs", "../one.rs"));
    assert_eq!(p.line, 11);
    assert!(p.message.contains("leaves the course folder"), "{p}");
}

#[test]
fn path_that_does_not_exist() {
    let p = only(&step("solution = \"solutions/two.rs\"\n"));
    assert_eq!(p.line, 13);
    assert!(
        p.message.contains("`solutions/two.rs` does not exist"),
        "{p}"
    );
}

#[test]
fn bad_mode_and_level() {
    let p = problems(
        &step("")
            .replace("\"run\"", "\"walk\"")
            .replace("\"beginner\"", "\"expert\""),
    );
    assert_eq!(p.len(), 2, "{p:#?}");
    assert_eq!(p[0].line, 10);
    assert!(
        p[0].message.contains("level `expert` is not known"),
        "{}",
        p[0]
    );
    assert_eq!(p[1].line, 12);
    assert!(
        p[1].message
            .contains("mode `walk` is not known: expected run or test"),
        "{}",
        p[1]
    );
}

#[test]
fn answer_naming_no_choice() {
    let p = only(&step(
        "[[steps.mcq]]\nprompt = \"?\"\nchoices = [\"x\", \"y\"]\nanswer = \"c\"\n",
    ));
    assert_eq!(p.line, 16);
    assert!(p.message.contains("answer `c` names no choice"), "{p}");
    assert_eq!(p.step.as_deref(), Some("one"));
}

#[test]
fn explanations_not_matching_choices() {
    let p = only(&step(
        "[[steps.mcq]]\nprompt = \"?\"\nchoices = [\"x\", \"y\"]\nanswer = [\"a\", \"b\"]\nexplanations = [\"only one\"]\n",
    ));
    assert_eq!(p.line, 17);
    assert!(
        p.message
            .contains("explanations has 1 entries but choices has 2"),
        "{p}"
    );
}

#[test]
fn unknown_keys_are_errors() {
    let p = only(&step("hintz = [\"typo\"]\n"));
    assert_eq!(p.line, 13);
    assert!(p.message.contains("unknown field `hintz`"), "{p}");
    assert!(p.to_string().starts_with("info.toml:13:"), "{p}");
}

#[test]
fn broken_toml_names_the_line() {
    let p = only(&step("title = \"unterminated\n"));
    assert_eq!(p.line, 13);
}

#[test]
fn rustlings_format() {
    let dir = folder(&["exercises/intro/intro1.rs", "solutions/intro/intro1.rs"]);
    let text = "format_version = 1\n[[exercises]]\nname = \"intro1\"\ndir = \"intro\"\ntest = false\nhint = \"h\"\n";
    let course = Course::parse(dir.path(), text).unwrap();
    assert_eq!(course.format, Format::Rustlings);
    assert_eq!(course.edition, "2024");
    let s = &course.steps[0].exercises[0];
    assert_eq!(s.path, Path::new("exercises/intro/intro1.rs"));
    assert_eq!(
        s.checks,
        Checks {
            tests: false,
            run: true,
            clippy: false
        }
    );
    assert_eq!(s.hints, vec!["h".to_owned()]);
}

#[test]
fn letters() {
    assert_eq!(letter_index("a"), Some(0));
    assert_eq!(letter_index(" C "), Some(2));
    assert_eq!(letter_index("ab"), None);
    assert_eq!(index_letter(3), 'd');
}

fn exercises(extra: &str) -> String {
    format!(
        "{HEAD}\n[[steps]]\nname = \"one\"\ntitle = \"One\"\ntopic = \"t\"\nlevel = \"beginner\"\nhints = [\"step hint\"]\nerror_codes = [\"E0382\"]\n{extra}"
    )
}

const THREE: &str = "[[steps.exercises]]\npath = \"exercises/one.rs\"\nmode = \"run\"\nhints = [\"own\"]\n\
    [[steps.exercises]]\npath = \"exercises/two.rs\"\nmode = \"test\"\nerror_codes = [\"E0499\"]\n\
    [[steps.exercises]]\npath = \"exercises/three.rs\"\nmode = \"run\"\nexpected_output = \"x\"\n";

#[test]
fn a_step_with_several_exercises() {
    let dir = folder(&[
        "exercises/one.rs",
        "exercises/two.rs",
        "exercises/three.rs",
        "solutions/one.rs",
        "solutions/two.rs",
        "solutions/three.rs",
    ]);
    let course = Course::parse(dir.path(), &exercises(THREE)).unwrap();
    let s = &course.steps[0];
    let keys: Vec<&str> = s.exercises.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(keys, ["one", "two", "three"]);
    // Own hints, else the step's; the step's error codes apply to each.
    assert_eq!(s.exercises[0].hints, ["own"]);
    assert_eq!(s.exercises[1].hints, ["step hint"]);
    assert_eq!(s.exercises[1].checks, Checks::TEST);
    assert_eq!(s.exercises[1].error_codes, ["E0499", "E0382"]);
    assert_eq!(s.error_codes(), ["E0382", "E0499"]);
    assert_eq!(s.exercises[2].expected_output.as_deref(), Some("x"));
    assert_eq!(
        s.exercises[2].solution.as_deref(),
        Some(Path::new("solutions/three.rs"))
    );
    assert_eq!(s.exercise_name(1), "one/2");
    assert_eq!(s.exercise_index("2"), Some(1));
    assert_eq!(s.exercise_index("three"), Some(2));
    assert_eq!(s.exercise_index("4"), None);
    assert_eq!(course.exercises().count(), 3);
}

#[test]
fn a_step_needs_one_form_of_exercise() {
    let dir = folder(&["exercises/one.rs", "solutions/one.rs"]);
    let both = step(THREE);
    let p = Course::parse(dir.path(), &both).unwrap_err();
    assert!(
        p.iter()
            .any(|p| p.message.contains("both `path` and [[steps.exercises]]")),
        "{p:#?}"
    );
    let p = only(&exercises(""));
    assert!(p.message.contains("the step has no exercise"), "{p}");
    let p = only(&exercises(
        "mode = \"run\"\n[[steps.exercises]]\npath = \"exercises/one.rs\"\nmode = \"run\"\n",
    ));
    assert!(
        p.message
            .contains("`mode` belongs to each [[steps.exercises]]"),
        "{p}"
    );
    assert_eq!(p.line, 13);
    let p = only(&exercises(
        "[[steps.exercises]]\npath = \"exercises/one.rs\"\nmode = \"run\"\n[[steps.exercises]]\npath = \"./exercises/one.rs\"\nmode = \"run\"\n",
    ));
    assert!(
        p.message
            .contains("two exercises of this step are named `one.rs`"),
        "{p}"
    );
}

#[test]
fn paths_are_normalised_and_names_bounded() {
    let dir = folder(&["exercises/one.rs", "solutions/one.rs"]);
    let text = step("").replace("\"exercises/one.rs\"", "\"./exercises/./one.rs\"");
    let course = Course::parse(dir.path(), &text).unwrap();
    let e = &course.steps[0].exercises[0];
    assert_eq!(e.path, Path::new("exercises/one.rs"));
    assert_eq!(e.solution.as_deref(), Some(Path::new("solutions/one.rs")));
    let long = "a".repeat(300);
    let p = only(&step("").replace("name = \"one\"", &format!("name = \"{long}\"")));
    assert!(p.message.contains("300 characters long: at most 64"), "{p}");
}

#[test]
fn answers_and_panics_say_what_is_expected() {
    let p = only(&step(
        "[[steps.mcq]]\nprompt = \"?\"\nchoices = [\"x\", \"y\"]\nanswer = 2\n",
    ));
    assert!(
        p.message
            .contains("expected a letter such as \"b\", or a list of letters"),
        "{p}"
    );
    let p = only(&step(
        "[[steps.trace]]\nprogram = \"fn main() {}\"\ncompiles = true\npanics = \"worker\"\n",
    ));
    assert!(
        p.message.contains("\"thread\" (a spawned thread panics"),
        "{p}"
    );
}

#[test]
fn tracing_questions_with_error_lines_and_thread_panics() {
    let dir = folder(&["exercises/one.rs", "solutions/one.rs"]);
    let text = step(
        "[[steps.trace]]\nprogram = \"\"\"\nfn main() {\n    let x: i32 = \\\"no\\\";\n}\n\"\"\"\ncompiles = false\nerror_line = 2\n\
         [[steps.trace]]\nprogram = \"fn main() {}\"\ncompiles = true\npanics = \"thread\"\n\
         [[steps.trace]]\nprogram = \"fn main() {}\"\ncompiles = true\npanics = true\nallow = [\"near-duplicate\"]\n",
    );
    let course = Course::parse(dir.path(), &text).unwrap();
    let t = &course.steps[0].traces;
    assert_eq!(t[0].error_line, Some(2));
    assert_eq!(t[1].panics, Panic::Thread);
    assert_eq!(t[2].panics, Panic::Main);
    assert_eq!(t[2].allow, [Lint::NearDuplicate]);

    let p = only(&step(
        "[[steps.trace]]\nprogram = \"fn main() {}\"\ncompiles = false\nerror_line = 3\n",
    ));
    assert!(
        p.message
            .contains("error_line = 3 is not a line of the program: expected 1 to 1"),
        "{p}"
    );
    let p = only(&step(
        "[[steps.trace]]\nprogram = \"fn main() {}\"\ncompiles = true\nerror_line = 1\n",
    ));
    assert!(p.message.contains("error_line is only for"), "{p}");
    let p = only(&step(
        "[[steps.interview]]\nquestion = \"?\"\nanswer = \"!\"\nallow = [\"typo\"]\n",
    ));
    assert!(p.message.contains("`typo` is not a lint"), "{p}");
}

#[test]
fn invalid_utf8_names_its_position() {
    let p = decode(b"format_version = 1\ntitle = \"a\xffb\"\n").unwrap_err();
    assert_eq!((p.line, p.column), (2, 11));
    assert!(p.message.contains("byte 0xff is not UTF-8"), "{p}");
    assert_eq!(decode(b"ok").unwrap(), "ok");
}

#[test]
fn control_characters_are_rejected_where_they_are() {
    for (escape, codepoint) in [
        ("\\u001b]52;c;aGk=\\u0007", "U+001B"),
        ("\\e[2J", "U+001B"),
        ("\\u202e", "U+202E"),
        ("\\r", "U+000D"),
    ] {
        let text = step(&format!("lesson = \"fine {escape} text\"\n"));
        let p = only(&text);
        assert_eq!(p.line, 13, "{p}");
        assert!(p.message.contains(codepoint), "{p}");
        assert!(p.message.contains("control character"), "{p}");
    }
}

#[test]
fn windows_line_ends_are_line_ends() {
    let dir = folder(&["exercises/one.rs", "solutions/one.rs"]);
    let text = step("lesson = \"\"\"\nFirst line.\nSecond line.\n\"\"\"\n").replace('\n', "\r\n");
    let course = Course::parse(dir.path(), &text).unwrap();
    assert_eq!(course.steps[0].lesson, "First line.\nSecond line.\n");
    // A carriage return on its own is still refused, on its line.
    let text = step("lesson = \"\"\"\nFirst\r line.\n\"\"\"\n");
    let p = only(&text);
    assert_eq!(p.line, 14, "{p}");
    assert!(p.message.contains("carriage return"), "{p}");
}

#[test]
fn the_dialect_comes_from_the_document_not_its_text() {
    // A v1 lesson that mentions rustlings' table header is still v1.
    let dir = folder(&["exercises/one.rs", "solutions/one.rs"]);
    let text = step("lesson = \"\"\"\n[[exercises]]\nis rustlings' header\n\"\"\"\n");
    let course = Course::parse(dir.path(), &text).unwrap();
    assert_eq!(course.format, Format::Learn);
}

#[test]
fn a_learner_may_delete_exercises_and_solutions() {
    let dir = folder(&["info.toml"]);
    std::fs::write(dir.path().join(INFO_FILE), step("")).unwrap();
    let course = Course::load(dir.path()).unwrap();
    assert_eq!(
        course.steps[0].exercises[0].path,
        Path::new("exercises/one.rs")
    );
    // dev check stays strict.
    let p = Course::parse(dir.path(), &step("")).unwrap_err();
    assert!(p[0].message.contains("does not exist"), "{p:?}");
}

#[test]
fn an_answer_letter_twice_and_a_file_for_two_exercises_are_problems() {
    let p = only(&step(
        "[[steps.mcq]]\nprompt = \"?\"\nchoices = [\"x\", \"y\"]\nanswer = [\"a\", \"a\"]\n",
    ));
    assert!(p.message.contains("answer names `a` twice"), "{p}");
    let text = format!(
        "{}\n[[steps]]\nname = \"two\"\ntitle = \"Two\"\ntopic = \"t\"\nlevel = \"beginner\"\npath = \"exercises/one.rs\"\nsolution = \"solutions/one.rs\"\nmode = \"run\"\n",
        step("")
    );
    let p = only(&text);
    assert_eq!(p.step.as_deref(), Some("two"), "{p}");
    assert!(
        p.message
            .contains("`exercises/one.rs` is already an exercise of step `one`"),
        "{p}"
    );
}

#[test]
fn an_unknown_field_names_its_step_and_the_field_meant() {
    let p = only(&step("reading_mins = 3\n"));
    assert_eq!(p.step.as_deref(), Some("one"), "{p}");
    assert!(p.message.contains("unknown field `reading_mins`"), "{p}");
    assert!(
        p.message.ends_with("did you mean `reading_minutes`?"),
        "{p}"
    );
    // Nothing close: no guess.
    let p = only(&step("zzz = 3\n"));
    assert!(!p.message.contains("did you mean"), "{p}");
    // A control character in a question of the step: its step too.
    let p = only(&step(
        "[[steps.interview]]\nquestion = \"a\\u001bb\"\nanswer = \"!\"\n",
    ));
    assert_eq!(p.step.as_deref(), Some("one"), "{p}");
    // In [course], no step.
    let p = only(&step("").replace("title = \"T\"", "title = \"T\"\ntitel = 1"));
    assert_eq!(p.step, None, "{p}");
}

#[test]
fn edit_distances() {
    assert_eq!(super::edit_distance("kitten", "sitting"), 3);
    assert_eq!(super::edit_distance("", "ab"), 2);
    assert_eq!(super::edit_distance("same", "same"), 0);
}
