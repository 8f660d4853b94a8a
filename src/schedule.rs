//! The review schedule (FSRS), pure, with the clock as a parameter: what an
//! answer makes of a question's card, which questions are due, the order a
//! quiz asks them in, where a missed question comes back, which cards are
//! stale. The one definition of "due" that stats, quiz and watch share.

use std::collections::{BTreeMap, HashSet, VecDeque};

use chrono::{DateTime, Utc};
use rs_fsrs::{FSRS, Parameters};

use crate::course::{Course, Question};
use crate::progress::{Card, MemoryState, Progress, Review};

/// How well an answer was recalled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    /// 1-4 as a rating.
    pub fn from_number(n: u8) -> Option<Rating> {
        match n {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }

    pub fn number(self) -> u8 {
        self as u8
    }

    fn fsrs(self) -> rs_fsrs::Rating {
        match self {
            Rating::Again => rs_fsrs::Rating::Again,
            Rating::Hard => rs_fsrs::Rating::Hard,
            Rating::Good => rs_fsrs::Rating::Good,
            Rating::Easy => rs_fsrs::Rating::Easy,
        }
    }
}

fn to_fsrs(c: &Card) -> rs_fsrs::Card {
    rs_fsrs::Card {
        due: c.due,
        stability: c.stability,
        difficulty: c.difficulty,
        elapsed_days: c.elapsed_days,
        scheduled_days: c.scheduled_days,
        reps: c.reps,
        lapses: c.lapses,
        state: match c.state {
            MemoryState::New => rs_fsrs::State::New,
            MemoryState::Learning => rs_fsrs::State::Learning,
            MemoryState::Review => rs_fsrs::State::Review,
            MemoryState::Relearning => rs_fsrs::State::Relearning,
        },
        last_review: c.last_review,
    }
}

fn from_fsrs(c: &rs_fsrs::Card) -> Card {
    Card {
        due: c.due,
        stability: c.stability,
        difficulty: c.difficulty,
        reps: c.reps,
        lapses: c.lapses,
        state: match c.state {
            rs_fsrs::State::New => MemoryState::New,
            rs_fsrs::State::Learning => MemoryState::Learning,
            rs_fsrs::State::Review => MemoryState::Review,
            rs_fsrs::State::Relearning => MemoryState::Relearning,
        },
        last_review: c.last_review,
        elapsed_days: c.elapsed_days,
        scheduled_days: c.scheduled_days,
    }
}

/// The FSRS hand-off: a card (None for a question never seen) answered with
/// `rating` at `now` becomes this card.
pub fn rate(card: Option<&Card>, rating: Rating, now: DateTime<Utc>) -> Card {
    let card = card.map_or_else(
        || rs_fsrs::Card {
            due: now,
            last_review: now,
            ..rs_fsrs::Card::default()
        },
        to_fsrs,
    );
    let next = FSRS::new(Parameters::default())
        .next(card, now, rating.fsrs())
        .card;
    from_fsrs(&next)
}

/// Record one answer as a review: the question's new card, and a line for
/// the review log. Returns the new card.
pub fn record(
    progress: &mut Progress,
    log: &mut Vec<Review>,
    id: &str,
    rating: Rating,
    picked: Option<String>,
    now: DateTime<Utc>,
) -> Card {
    let card = rate(progress.cards.get(id), rating, now);
    log.push(Review {
        at: now,
        question: id.to_owned(),
        rating: rating.number(),
        picked,
    });
    progress.cards.insert(id.to_owned(), card.clone());
    card
}

/// The cards of questions that are no longer in the course (their log
/// lines stay).
pub fn stale(cards: &BTreeMap<String, Card>, course: &Course) -> Vec<String> {
    let known: HashSet<&str> = course.questions().iter().map(|q| q.id()).collect();
    cards
        .keys()
        .filter(|id| !known.contains(id.as_str()))
        .cloned()
        .collect()
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
    cards: &BTreeMap<String, Card>,
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
    cards: &BTreeMap<String, Card>,
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

/// The questions still to ask in one sitting, with how often each came back.
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

    /// Bring a missed question back later, after the others when fewer than
    /// `COME_BACK_AFTER` are left; false when it came back too often.
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

/// "in 10 minutes", "in 3 days", "now".
pub fn until(now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    let secs = (then - now).num_seconds();
    if secs <= 0 {
        return "now".to_owned();
    }
    let (n, unit) = match secs {
        s if s < 90 => (1, "minute"),
        s if s < 90 * 60 => ((s + 30) / 60, "minute"),
        s if s < 36 * 3600 => ((s + 1800) / 3600, "hour"),
        s => ((s + 43_200) / 86_400, "day"),
    };
    format!("in {n} {unit}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests;
