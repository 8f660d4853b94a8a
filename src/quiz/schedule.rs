//! The pure scheduling of a quiz, with the clock as a parameter: what FSRS
//! makes of an answer, which questions are asked and in which order, where a
//! missed question comes back, which stored cards are stale.

use std::collections::{BTreeMap, VecDeque};

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating};

use super::{CardState, Question, Review, questions};
use crate::course::Course;
use crate::state::Progress;

/// 1-4 as an FSRS rating.
pub fn rating(n: u8) -> Option<Rating> {
    match n {
        1 => Some(Rating::Again),
        2 => Some(Rating::Hard),
        3 => Some(Rating::Good),
        4 => Some(Rating::Easy),
        _ => None,
    }
}

/// The FSRS hand-off: a card (None for a question never seen) answered with
/// `rating` at `now` becomes this card.
pub fn rate(card: Option<&CardState>, rating: Rating, now: DateTime<Utc>) -> CardState {
    let card = card.map_or_else(
        || Card {
            due: now,
            last_review: now,
            ..Card::default()
        },
        CardState::to_card,
    );
    let next = FSRS::new(Parameters::default())
        .next(card, now, rating)
        .card;
    CardState::from_card(&next)
}

/// Record one answer: the question's new memory state and a log entry.
pub fn record<'p>(
    progress: &'p mut Progress,
    id: &str,
    rating: Rating,
    now: DateTime<Utc>,
) -> &'p CardState {
    let card = rate(progress.cards.get(id), rating, now);
    progress.reviews.push(Review {
        at: now,
        question: id.to_owned(),
        rating: rating as u8,
    });
    progress.cards.insert(id.to_owned(), card);
    &progress.cards[id]
}

/// Forget the memory state of questions that are no longer in the course.
/// Their review log entries stay. Returns the ids dropped.
pub fn prune(cards: &mut BTreeMap<String, CardState>, course: &Course) -> Vec<String> {
    let known: std::collections::HashSet<&str> = questions(course).iter().map(|q| q.id()).collect();
    let stale: Vec<String> = cards
        .keys()
        .filter(|id| !known.contains(id.as_str()))
        .cloned()
        .collect();
    for id in &stale {
        cards.remove(id);
    }
    stale
}

/// The questions of one quiz, in the order they are asked.
#[derive(Debug)]
pub struct Plan<'c> {
    pub order: Vec<Question<'c>>,
    /// How many of them are due reviews, and how many are new.
    pub due: usize,
    pub new: usize,
}

/// Due questions first (most overdue first, course order among equals), then
/// the questions never answered in course order; at most `limit`. Questions
/// answered but not yet due are left out.
pub fn plan<'c>(
    pool: &[Question<'c>],
    cards: &BTreeMap<String, CardState>,
    now: DateTime<Utc>,
    limit: Option<usize>,
) -> Plan<'c> {
    let mut due: Vec<(DateTime<Utc>, Question<'c>)> = pool
        .iter()
        .filter_map(|q| {
            let card = cards.get(q.id())?;
            card.is_due(now).then_some((card.due, *q))
        })
        .collect();
    // A stable sort keeps course order among equally overdue questions.
    due.sort_by_key(|(at, _)| *at);
    let new = pool.iter().filter(|q| !cards.contains_key(q.id())).copied();
    let limit = limit.unwrap_or(usize::MAX);
    let due_count = due.len().min(limit);
    let order: Vec<Question<'c>> = due
        .into_iter()
        .map(|(_, q)| q)
        .chain(new)
        .take(limit)
        .collect();
    Plan {
        due: due_count,
        new: order.len() - due_count,
        order,
    }
}

/// When the earliest of these questions is next due, if any has been answered.
pub fn next_due<'c>(
    pool: impl IntoIterator<Item = &'c str>,
    cards: &BTreeMap<String, CardState>,
) -> Option<DateTime<Utc>> {
    pool.into_iter()
        .filter_map(|id| cards.get(id).map(|c| c.due))
        .min()
}

/// A missed question comes back after this many other questions (or at the
/// end of the quiz, when fewer are left).
pub const COME_BACK_AFTER: usize = 3;
/// A question missed again and again comes back at most this many times in
/// one quiz; it stays due for the next one.
pub const MAX_RETURNS: u32 = 3;

/// The questions still to ask in this quiz, with how often each came back.
#[derive(Debug)]
pub struct Queue<T> {
    items: VecDeque<(T, u32)>,
}

impl<T> Queue<T> {
    pub fn new(items: impl IntoIterator<Item = T>) -> Queue<T> {
        Queue {
            items: items.into_iter().map(|q| (q, 0)).collect(),
        }
    }

    /// The next question and how many times it came back already.
    pub fn pop(&mut self) -> Option<(T, u32)> {
        self.items.pop_front()
    }

    /// Bring a missed question back later; false when it came back too often.
    pub fn missed(&mut self, item: T, returns: u32) -> bool {
        if returns >= MAX_RETURNS {
            return false;
        }
        let at = COME_BACK_AFTER.min(self.items.len());
        self.items.insert(at, (item, returns + 1));
        true
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::{Kind, MemoryState};
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
            ids(&questions(&c)),
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
        let all = questions(&c);
        assert_eq!(ids(&all)[3..5], ["two.mcq.0", "two-keep"]);
        let Kind::Mcq(kept) = all[4].kind else {
            panic!("not an MCQ")
        };
        assert_eq!(kept.prompt, "kept?");
    }

    #[test]
    fn cards_of_removed_questions_are_dropped_and_the_log_kept() {
        let dir = tempfile::tempdir().unwrap();
        let c = course(dir.path(), "");
        let mut progress = Progress::default();
        let now = at(1, 12);
        record(&mut progress, "one.mcq.0", Rating::Good, now);
        record(&mut progress, "gone.mcq.3", Rating::Again, now);
        let dropped = prune(&mut progress.cards, &c);
        assert_eq!(dropped, ["gone.mcq.3"]);
        assert_eq!(progress.cards.keys().collect::<Vec<_>>(), ["one.mcq.0"]);
        assert_eq!(progress.reviews.len(), 2);
        assert_eq!(progress.reviews[1].question, "gone.mcq.3");
    }

    #[test]
    fn due_first_most_overdue_first_then_new_in_course_order() {
        let dir = tempfile::tempdir().unwrap();
        let c = course(dir.path(), "");
        let pool = questions(&c);
        let now = at(20, 12);
        let card = |due| CardState {
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
        let now = at(1, 12);
        record(&mut progress, "q", Rating::Again, now);
        let due = record(&mut progress, "q", Rating::Good, now + Duration::minutes(1)).due;
        assert_eq!(progress.cards["q"].reps, 2);
        assert_eq!(due, progress.cards["q"].due);
        let ratings: Vec<u8> = progress.reviews.iter().map(|r| r.rating).collect();
        assert_eq!(ratings, [1, 3]);
        assert!(!progress.reviews[0].correct());
        assert!(progress.reviews[1].correct());
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
}
