//! The watch screen rendered into a test terminal at 80x24 and 120x40, for
//! each main state, and compared with snapshots (src/watch/snapshots/).
//! Besides the snapshots, the promises of the layout are checked on every
//! render: the course title on the first row, the progress on the second,
//! the keys on the last.

use std::collections::VecDeque;
use std::path::Path;
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::{App, Phase, Questions, View};
use crate::cli::{ColorChoice, Global, Memory};
use crate::course::Course;
use crate::grade::Order;
use crate::runner::{Outcome, Verdict};
use crate::session::Ctx;

/// Watch mode on a copy of tests/fixtures/basic, on step 2, nothing run.
fn app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    copy(&fixture, dir.path());
    let mut app = app_in(dir.path());
    app.target.step = 1;
    (dir, app)
}

/// Watch mode on the course in `dir`, on a terminal, nothing run.
fn app_in(dir: &Path) -> App {
    let global = Global {
        course: None,
        timeout: Duration::from_secs(10),
        memory: Memory(Some(2 << 30)),
        compile_timeout: Duration::from_secs(60),
        color: ColorChoice::Never,
    };
    let ctx = Ctx::new(Course::load(dir).unwrap(), &global);
    let runner = ctx.runner().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    // The checker is not running: requests are kept, never served.
    std::mem::forget(rx);
    App::new(ctx, runner, true, tx, None)
}

fn copy(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The screen as text, one line per row, trailing spaces trimmed.
fn render(app: &mut App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| super::draw::screen(frame, app))
        .unwrap();
    let buffer = terminal.backend().buffer().clone();
    let rows: Vec<String> = (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect();
    assert!(rows[0].starts_with("Fixture course"), "{rows:#?}");
    assert!(rows[1].contains("step 2/8"), "{rows:#?}");
    assert!(
        !rows[rows.len() - 1].is_empty(),
        "no keys on the last row: {rows:#?}"
    );
    rows.join("\n")
}

/// Snapshots of one state at both sizes.
fn snapshots(name: &str, app: &mut App) {
    insta::assert_snapshot!(format!("{name}_80x24"), render(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_120x40"), render(app, 120, 40));
}

fn compile_error() -> Verdict {
    Verdict {
        diagnostics: "error[E0382]: borrow of moved value: `s`\n --> exercises/compile_error.rs:5:16\n  |\n2 |     let s = String::from(\"hi\");\n  |         - move occurs because `s` has type `String`, which does not implement the `Copy` trait\n3 |     let t = s;\n  |             - value moved here\n4 |     // TODO: s was moved into t.\n5 |     println!(\"{s} {t}\");\n  |                ^ value borrowed here after move\n\nerror: aborting due to 1 previous error\n".to_owned(),
        error_codes: vec!["E0382".to_owned()],
        error_line: Some(5),
        ..Verdict::new(Outcome::CompileError)
    }
}

#[test]
fn a_failing_exercise() {
    let (_dir, mut app) = app();
    app.verdict = Some(compile_error());
    app.note(
        "hint",
        "Hint 1/1: clone it (the last hint of this exercise)".to_owned(),
    );
    snapshots("failing", &mut app);
}

#[test]
fn a_passing_exercise_with_a_question() {
    let (_dir, mut app) = app();
    app.verdict = Some(Verdict::new(Outcome::Passed));
    let mcq = &app.ctx.course.steps[1].mcqs[1];
    let order = Order::new(mcq, 1, 0);
    app.note(
        "questions",
        "The exercise passes. Now 2 questions to finish the step.".to_owned(),
    );
    app.phase = Phase::Questions(Questions {
        queue: VecDeque::from([1, 0]),
        order,
        rounds: vec![0, 0],
        selected: vec![0],
        feedback: None,
        reading: false,
    });
    snapshots("question", &mut app);
}

#[test]
fn the_lesson() {
    let (_dir, mut app) = app();
    app.view = View::Lesson { top: 0 };
    snapshots("lesson", &mut app);
}

#[test]
fn the_list() {
    let (_dir, mut app) = app();
    app.view = View::List {
        filter: "a".to_owned(),
        selected: 1,
        top: 0,
    };
    snapshots("list", &mut app);
    app.view = View::List {
        filter: "zzz".to_owned(),
        selected: 1,
        top: 0,
    };
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("No step matches `zzz`"), "{screen}");
}

#[test]
fn the_explanation_of_an_error_code() {
    let (_dir, mut app) = app();
    let text = (1..=60)
        .map(|n| format!("Line {n} of the explanation of E0382."))
        .collect::<Vec<_>>()
        .join("\n");
    app.view = View::Explain {
        title: "rustc --explain E0382".to_owned(),
        text,
        top: 0,
    };
    snapshots("explain", &mut app);
}

#[test]
fn a_step_done() {
    let (_dir, mut app) = app();
    app.verdict = Some(Verdict::new(Outcome::Passed));
    app.phase = Phase::Done;
    snapshots("done", &mut app);
}

#[test]
fn a_long_verdict_scrolls_and_keeps_its_summary() {
    let (_dir, mut app) = app();
    let mut v = compile_error();
    v.diagnostics = (1..=100)
        .map(|n| format!("diagnostic line {n}\n"))
        .collect();
    app.verdict = Some(v);
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("more lines (PgDn, ↓)"), "{screen}");
    assert!(screen.contains("does not compile yet"), "{screen}");
    app.top = 1000;
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("diagnostic line 100"), "{screen}");
    assert!(app.top < 100, "the scroll is kept in range: {}", app.top);
}

#[test]
fn a_note_longer_than_its_rows_says_it_is_cut() {
    let (_dir, mut app) = app();
    app.verdict = Some(compile_error());
    let long: String = (1..=80).map(|n| format!("word{n} ")).collect();
    app.note("notice", format!("{long}the end."));
    // At 60x20 the notes get 5 rows: this note needs more.
    let screen = render(&mut app, 60, 20);
    assert!(screen.contains('…'), "{screen}");
    assert!(!screen.contains("the end."), "{screen}");
    // With room for it, it is whole.
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("the end."), "{screen}");
    assert!(!screen.contains('…'), "{screen}");
}

#[test]
fn the_end_stays_in_view_when_the_terminal_shrinks() {
    let (_dir, mut app) = app();
    let mut v = compile_error();
    v.diagnostics = (1..=100)
        .map(|n| format!("diagnostic line {n} with some words to wrap on a narrow screen\n"))
        .collect();
    app.verdict = Some(v);
    app.top = super::app::END;
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("diagnostic line 100 "), "{screen}");
    // Narrower: more rows of text, and still its end.
    let screen = render(&mut app, 60, 20);
    assert!(screen.contains("line 100 "), "{screen}");
    assert!(!screen.contains("more lines (PgDn"), "{screen}");
    // A key scrolls up from what is shown.
    let shown = app.shown_top;
    app.on_input(crate::term::Input::Key(crate::term::Key::Up))
        .unwrap();
    assert_eq!(app.top, shown - 1);
}

#[test]
fn notes_go_with_what_they_were_about() {
    let (_dir, mut app) = app();
    let kinds = |app: &App| {
        let mut kinds: Vec<&str> = app.notes.iter().map(|n| n.kind).collect();
        kinds.sort_unstable();
        kinds
    };
    for kind in ["hint", "keys", "notice", "editor", "check"] {
        app.note(kind, format!("a {kind} note"));
    }
    // Opening an exercise (the same step) keeps only what is still news.
    let here = app.target;
    app.open(here).unwrap();
    assert_eq!(kinds(&app), ["check"]);
    // A question answered clears what was said before it.
    app.note("answer", "Answer with a letter from a to d.".to_owned());
    app.phase = Phase::Questions(Questions {
        queue: VecDeque::from([0]),
        order: Order::new(&app.ctx.course.steps[1].mcqs[0], 1, 0),
        rounds: vec![0; app.ctx.course.steps[1].mcqs.len()],
        selected: Vec::new(),
        feedback: None,
        reading: false,
    });
    app.answer(vec![0]).unwrap();
    assert_eq!(kinds(&app), ["check"]);
}

#[test]
fn the_list_filter_matches_step_numbers_by_their_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut info = String::from("format_version = 1\n[course]\ntitle = \"Twelve\"\n");
    std::fs::create_dir_all(dir.path().join("exercises")).unwrap();
    std::fs::create_dir_all(dir.path().join("solutions")).unwrap();
    for n in 1..=12 {
        // Names and titles without digits: only the numbers can match.
        let name = char::from(b'a' + n);
        info.push_str(&format!(
            "[[steps]]\nname = \"{name}\"\ntitle = \"Step\"\ntopic = \"t\"\nlevel = \"beginner\"\npath = \"exercises/{name}.rs\"\nmode = \"run\"\n"
        ));
        for folder in ["exercises", "solutions"] {
            std::fs::write(
                dir.path().join(format!("{folder}/{name}.rs")),
                "fn main() {}\n",
            )
            .unwrap();
        }
    }
    std::fs::write(dir.path().join("info.toml"), info).unwrap();
    let app = app_in(dir.path());
    // "1" is step 1 first, then 10, 11 and 12.
    assert_eq!(app.list_matches("1"), [0, 9, 10, 11]);
    assert_eq!(app.list_matches("12"), [11]);
}

#[test]
fn a_heading_too_long_for_two_rows_ends_in_an_ellipsis() {
    let (_dir, mut app) = app();
    app.ctx.course.steps[1].title = "A very long title ".repeat(8).trim_end().to_owned();
    let screen = render(&mut app, 60, 20);
    let rows: Vec<&str> = screen.lines().collect();
    assert!(
        rows[2].starts_with("Step 2/8: A very long title"),
        "{screen}"
    );
    assert!(rows[3].trim_end().ends_with('…'), "{screen}");
    assert!(rows[4].starts_with("exercises/"), "{screen}");
}

#[test]
fn a_new_result_clears_what_was_said_about_the_last_one_and_l_goes_to_a_saved_step() {
    use crate::runner::Checked;
    use crate::watch::Event;
    let (_dir, mut app) = app();
    // Another step's file saved: a note, and `l` will choose that step.
    let other = app
        .ctx
        .course
        .exercise_path(&app.ctx.course.steps[0].exercises[0]);
    app.handle(Event::File(other)).unwrap();
    assert!(app.notes.iter().any(|n| n.kind == "other file"));
    app.note(
        "keys",
        "The last check reported no error code to explain.".to_owned(),
    );
    app.note("hint", "Hint 1/1: clone it".to_owned());
    let generation = app.generation;
    app.handle(Event::Checked {
        generation,
        attempt: true,
        key: "k".to_owned(),
        result: Ok(Checked::Done(compile_error())),
    })
    .unwrap();
    let kinds: Vec<&str> = app.notes.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, ["hint"], "the hint stays until the exercise passes");
    app.on_input(crate::term::Input::Key(crate::term::Key::Char('l')))
        .unwrap();
    assert!(
        matches!(app.view, View::List { selected: 0, .. }),
        "{:?}",
        app.view
    );
}

#[test]
fn a_missed_question_stays_behind_and_reshuffled_when_the_questions_resume() {
    let (_dir, mut app) = app();
    let start = |app: &mut App| {
        app.questions_waiting = true;
        app.start_waiting_questions().unwrap();
        match &app.phase {
            Phase::Questions(q) => q.clone(),
            other => panic!("no questions: {other:?}"),
        }
    };
    let q = start(&mut app);
    let first = q.queue[0];
    let mcq = app.ctx.course.steps[1].mcqs[first].clone();
    let wrong = (0..mcq.choices.len())
        .find(|i| !mcq.answer.contains(i))
        .unwrap();
    app.answer(vec![wrong]).unwrap();
    // The step's questions pause (an exercise broke) and resume.
    let here = app.target;
    app.open(here).unwrap();
    let q = start(&mut app);
    assert_eq!(q.queue.back(), Some(&first), "the missed one comes last");
    // When it comes, it is shown in its second order, not its first.
    assert_eq!(q.rounds[first], 1);
}
