//! The schedule's tests: FSRS hand-off, plans, come-backs.

use super::*;
use crate::course::Kind;
use chrono::{Duration, TimeZone};

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
}

/// A course with two steps: `one` (1 MCQ, 1 trace, 1 interview) and
/// `two` (1 MCQ with an explicit id, 1 interview).
fn course(dir: &std::path::Path, two_first_mcq: &str) -> Course {
    for folder in ["exercises", "solutions"] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        for f in ["one.rs", "two.rs"] {
            std::fs::write(dir.join(folder).join(f), "fn main() {}\n").unwrap();
        }
    }
    let text = format!(
        r#"format_version = 1
[course]
title = "T"

[[steps]]
name = "one"
title = "One"
topic = "a"
level = "beginner"
path = "exercises/one.rs"
mode = "run"
[[steps.mcq]]
prompt = "?"
choices = ["x", "y"]
answer = "a"
[[steps.trace]]
program = "fn main() {{}}"
compiles = true
[[steps.interview]]
question = "Why?"
answer = "Because."

[[steps]]
name = "two"
title = "Two"
topic = "b"
level = "beginner"
path = "exercises/two.rs"
mode = "run"
{two_first_mcq}
[[steps.mcq]]
id = "two-keep"
prompt = "kept?"
choices = ["x", "y"]
answer = "b"
[[steps.interview]]
question = "How?"
answer = "So."
"#
    );
    Course::parse(dir, &text).unwrap()
}

fn ids<'c>(qs: &[Question<'c>]) -> Vec<&'c str> {
    qs.iter().map(|q| q.id()).collect()
}

#[test]
fn ids_are_explicit_or_step_kind_index_in_course_order() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path(), "");
    assert_eq!(
        ids(&c.questions()),
        [
            "one.mcq.0",
            "one.trace.0",
            "one.interview.0",
            "two-keep",
            "two.interview.0"
        ]
    );
    // A question inserted before it shifts a default id, never an explicit one.
    let c = course(
        dir.path(),
        "[[steps.mcq]]\nprompt = \"new\"\nchoices = [\"x\", \"y\"]\nanswer = \"a\"\n",
    );
    let all = c.questions();
    assert_eq!(ids(&all)[3..5], ["two.mcq.0", "two-keep"]);
    let Kind::Mcq(kept) = all[4].kind else {
        panic!("not an MCQ")
    };
    assert_eq!(kept.prompt, "kept?");
}

#[test]
fn cards_of_removed_questions_are_stale() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path(), "");
    let mut progress = Progress::default();
    let mut log = Vec::new();
    let now = at(1, 12);
    record(
        &mut progress,
        &mut log,
        "one.mcq.0",
        Rating::Good,
        None,
        now,
    );
    record(
        &mut progress,
        &mut log,
        "gone.mcq.3",
        Rating::Again,
        None,
        now,
    );
    assert_eq!(stale(&progress.cards, &c), ["gone.mcq.3"]);
    assert_eq!(log.len(), 2);
    assert_eq!(log[1].question, "gone.mcq.3");
}

#[test]
fn due_first_most_overdue_first_then_new_in_course_order() {
    let dir = tempfile::tempdir().unwrap();
    let c = course(dir.path(), "");
    let pool = c.questions();
    let now = at(20, 12);
    let card = |due| Card {
        due,
        ..rate(None, Rating::Good, at(1, 0))
    };
    let mut cards = BTreeMap::new();
    cards.insert("two.interview.0".to_owned(), card(at(19, 12)));
    cards.insert("one.trace.0".to_owned(), card(at(10, 12)));
    cards.insert("two-keep".to_owned(), card(at(19, 12)));
    // Answered and not due: left out.
    cards.insert("one.mcq.0".to_owned(), card(at(21, 12)));
    let p = plan(&pool, &cards, now, None);
    assert_eq!(
        ids(&p.order),
        [
            "one.trace.0",
            "two-keep",
            "two.interview.0",
            "one.interview.0"
        ]
    );
    assert_eq!((p.due, p.new), (3, 1));

    let p = plan(&pool, &cards, now, Some(2));
    assert_eq!(ids(&p.order), ["one.trace.0", "two-keep"]);
    assert_eq!((p.due, p.new), (2, 0));

    // A question due exactly now is due.
    cards.insert("one.mcq.0".to_owned(), card(now));
    assert_eq!(
        ids(&plan(&pool, &cards, now, Some(1)).order),
        ["one.trace.0"]
    );
    assert_eq!(plan(&pool, &cards, now, None).due, 4);

    assert_eq!(
        next_due(pool.iter().map(|q| q.id()), &cards),
        Some(at(10, 12))
    );
    assert_eq!(next_due(["never"], &cards), None);
}

#[test]
fn a_new_question_goes_through_fsrs_learning_steps() {
    let now = at(1, 12);
    let good = rate(None, Rating::Good, now);
    assert_eq!(good.state, MemoryState::Learning);
    assert_eq!(good.due, now + Duration::minutes(10));
    assert_eq!(good.reps, 1);
    assert_eq!(good.last_review, now);

    let again = rate(None, Rating::Again, now);
    assert_eq!(again.due, now + Duration::minutes(1));
    assert!(again.stability < good.stability);

    let easy = rate(None, Rating::Easy, now);
    assert_eq!(easy.state, MemoryState::Review);
    assert!(easy.due >= now + Duration::days(1), "{:?}", easy.due);

    // Good again once learnt: it graduates to days.
    let later = now + Duration::minutes(10);
    let second = rate(Some(&good), Rating::Good, later);
    assert_eq!(second.state, MemoryState::Review);
    assert_eq!(second.reps, 2);
    assert!(second.due >= later + Duration::days(1));

    // Forgotten in review: a lapse, relearning.
    let review_time = second.due + Duration::days(3);
    let lapse = rate(Some(&second), Rating::Again, review_time);
    assert_eq!(lapse.state, MemoryState::Relearning);
    assert_eq!(lapse.lapses, 1);
    assert!(lapse.due < review_time + Duration::hours(1));
}

#[test]
fn record_updates_the_card_and_appends_to_the_log() {
    let mut progress = Progress::default();
    let mut log = Vec::new();
    let now = at(1, 12);
    record(
        &mut progress,
        &mut log,
        "q",
        Rating::Again,
        Some("b".into()),
        now,
    );
    let due = record(
        &mut progress,
        &mut log,
        "q",
        Rating::Good,
        None,
        now + Duration::minutes(1),
    )
    .due;
    assert_eq!(progress.cards["q"].reps, 2);
    assert_eq!(due, progress.cards["q"].due);
    let ratings: Vec<u8> = log.iter().map(|r| r.rating).collect();
    assert_eq!(ratings, [1, 3]);
    assert_eq!(log[0].picked.as_deref(), Some("b"));
    assert!(!log[0].correct());
    assert!(log[1].correct());
}

#[test]
fn a_missed_question_comes_back_a_few_questions_later() {
    let mut q = Queue::new(["a", "b", "c", "d", "e"]);
    let (first, returns) = q.pop().unwrap();
    assert!(q.missed(first, returns));
    let order: Vec<(&str, u32)> = std::iter::from_fn(|| q.pop()).collect();
    assert_eq!(order, [("b", 0), ("c", 0), ("d", 0), ("a", 1), ("e", 0)]);

    // Near the end it comes back at the end; after MAX_RETURNS, not at all.
    let mut q = Queue::new(["a", "b"]);
    let (a, _) = q.pop().unwrap();
    assert!(q.missed(a, 0));
    assert_eq!(q.pop(), Some(("b", 0)));
    assert_eq!(q.pop(), Some(("a", 1)));
    assert!(q.is_empty());
    assert!(q.missed("a", MAX_RETURNS - 1));
    assert_eq!(q.pop(), Some(("a", MAX_RETURNS)));
    assert!(!q.missed("a", MAX_RETURNS));
    assert!(q.is_empty());
}

#[test]
fn a_missed_question_comes_due_before_one_answered_right() {
    let now = at(1, 12);
    let missed = rate(None, Rating::Again, now);
    let right = rate(None, Rating::Good, now);
    assert!(
        missed.due < right.due,
        "{:?} vs {:?}",
        missed.due,
        right.due
    );
}

#[test]
fn durations_read_naturally() {
    let now = at(1, 12);
    assert_eq!(until(now, now - Duration::hours(1)), "now");
    assert_eq!(until(now, now + Duration::seconds(50)), "in 1 minute");
    assert_eq!(until(now, now + Duration::minutes(10)), "in 10 minutes");
    assert_eq!(until(now, now + Duration::hours(5)), "in 5 hours");
    assert_eq!(until(now, now + Duration::days(3)), "in 3 days");
}
