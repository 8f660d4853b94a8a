//! What the progress says about steps and exercises.

use super::*;

fn course() -> (tempfile::TempDir, Course) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("exercises")).unwrap();
    for f in ["one.rs", "a.rs", "b.rs", "three.rs"] {
        std::fs::write(dir.path().join("exercises").join(f), "fn main() {}\n").unwrap();
    }
    let info = "format_version = 1\n[course]\ntitle = \"T\"\n\
        [[steps]]\nname = \"one\"\ntitle = \"One\"\ntopic = \"t\"\nlevel = \"beginner\"\npath = \"exercises/one.rs\"\nmode = \"run\"\n\
        [[steps.mcq]]\nprompt = \"?\"\nchoices = [\"x\", \"y\"]\nanswer = \"a\"\n\
        [[steps]]\nname = \"two\"\ntitle = \"Two\"\ntopic = \"t\"\nlevel = \"beginner\"\n\
        [[steps.exercises]]\npath = \"exercises/a.rs\"\nmode = \"run\"\n\
        [[steps.exercises]]\npath = \"exercises/b.rs\"\nmode = \"run\"\n\
        [[steps]]\nname = \"three\"\ntitle = \"Three\"\ntopic = \"t\"\nlevel = \"beginner\"\npath = \"exercises/three.rs\"\nmode = \"run\"\n\
        [[steps.interview]]\nquestion = \"?\"\nanswer = \"!\"\n";
    std::fs::write(dir.path().join("info.toml"), info).unwrap();
    let course = Course::load(dir.path()).unwrap();
    (dir, course)
}

#[test]
fn a_step_is_done_when_every_exercise_passed_and_its_mcqs_are_answered() {
    let (_dir, c) = course();
    let mut p = Progress::default();
    let two = &c.steps[1];
    p.exercise_mut(two, 0).passed = true;
    assert!(!p.is_done(two));
    p.exercise_mut(two, 1).passed = true;
    assert!(p.is_done(two), "no MCQs: the exercises are enough");
    let one = &c.steps[0];
    p.exercise_mut(one, 0).passed = true;
    assert!(!p.is_done(one));
    p.step_mut("one").questions_done = true;
    assert!(p.is_done(one));
    assert_eq!(p.done_count(&c), 2);
    assert_eq!(p.current(&c), 2);
    assert_eq!(p.next_open(&c, 2), Some(2));
    assert_eq!(p.next_open(&c, 0), Some(2));
}

#[test]
fn the_current_exercise_is_the_recorded_one_or_the_first_not_passed() {
    let (_dir, c) = course();
    let two = &c.steps[1];
    let mut p = Progress::default();
    assert_eq!(p.current_exercise(two), 0);
    p.exercise_mut(two, 0).passed = true;
    assert_eq!(p.current_exercise(two), 1);
    p.exercise_mut(two, 1).passed = true;
    assert_eq!(p.current_exercise(two), 1, "all passed: the last");
    p.step_mut("two").exercise = Some("a".into());
    assert_eq!(p.current_exercise(two), 0);
    p.step_mut("two").exercise = Some("gone".into());
    assert_eq!(p.current_exercise(two), 1);
}

#[test]
fn a_step_is_reached_up_to_the_current_one_or_once_worked_on() {
    let (_dir, c) = course();
    let mut p = Progress::default();
    assert!(p.reached(&c, 0));
    assert!(!p.reached(&c, 2));
    // A question answered on a step ahead (after a jump back) keeps it reached.
    p.cards.insert(
        "three.interview.0".into(),
        Card {
            due: chrono::Utc::now(),
            stability: 1.0,
            difficulty: 5.0,
            reps: 1,
            lapses: 0,
            state: MemoryState::Learning,
            last_review: chrono::Utc::now(),
            elapsed_days: 0,
            scheduled_days: 0,
        },
    );
    assert!(p.reached(&c, 2));
    assert!(!p.reached(&c, 1));
}
