//! The built-in course's own content rules (the track's promise to learners),
//! on top of what `learn dev check` proves for any course. Reads the
//! repository's course; never writes to it.

use std::path::Path;

use learn::course::{Checks, Course, Panic};

fn builtin() -> Course {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("info.toml")).unwrap();
    Course::parse(root, &text).unwrap_or_else(|p| panic!("{p:#?}"))
}

#[test]
fn the_track_has_36_steps_with_interview_essentials_at_33() {
    let course = builtin();
    assert_eq!(course.steps.len(), 36);
    assert_eq!(course.steps[32].name, "interview_essentials");
    assert_eq!(course.edition, "2024");
}

#[test]
fn every_step_has_what_the_track_promises() {
    let course = builtin();
    for step in &course.steps {
        let name = &step.name;
        let exercise = &step.exercises[0];
        let source = std::fs::read_to_string(course.exercise_path(exercise)).unwrap();
        let lines = source.lines().count();
        assert!(
            (15..=80).contains(&lines),
            "{name}: exercise has {lines} lines"
        );
        assert!(source.contains("TODO"), "{name}: no TODO marker");
        assert!(exercise.solution.is_some(), "{name}: no solution");
        assert!(
            (2..=3).contains(&exercise.hints.len()),
            "{name}: {} hints",
            exercise.hints.len()
        );
        assert!(!step.lesson.trim().is_empty(), "{name}: no lesson");
        assert!(!step.must_know.is_empty(), "{name}: no must-know points");
        assert!(
            (1..=2).contains(&step.discussion.len()),
            "{name}: discussion prompts"
        );
        assert!(step.level.is_some() && step.reading_minutes.is_some() && step.reviewed.is_some());
        assert!(step.mcqs.len() >= 3, "{name}: {} MCQs", step.mcqs.len());
        for mcq in &step.mcqs {
            let explained = mcq.explanations.as_ref().map(Vec::len);
            assert_eq!(
                explained,
                Some(mcq.choices.len()),
                "{name}: {} needs one explanation per choice",
                mcq.id
            );
        }
        assert!(!step.traces.is_empty(), "{name}: no tracing question");
        assert!(
            step.interviews.len() >= 2,
            "{name}: {} interview questions",
            step.interviews.len()
        );
    }
}

#[test]
fn the_track_mixes_modes_and_tracing_outcomes() {
    let course = builtin();
    let tests = course
        .steps
        .iter()
        .filter(|s| s.exercises[0].checks == Checks::TEST)
        .count();
    assert!((14..=22).contains(&tests), "{tests} test-mode steps of 36");
    let traces: Vec<_> = course.steps.iter().flat_map(|s| &s.traces).collect();
    assert!(traces.iter().any(|t| !t.compiles));
    assert!(traces.iter().any(|t| t.compiles && t.panics == Panic::No));
    assert!(traces.iter().any(|t| t.panics == Panic::Main));
}
