//! `learn quiz`: spaced-repetition drill of the course's questions (FSRS).
//!
//! This module holds the stored types (cards and the review log), the
//! questions of a course and the command itself; `schedule` is the pure part
//! (FSRS hand-off, order, come-backs, stale cards) with the clock as a
//! parameter, `drill` asks one question, `input` reads the answers (keys on a
//! terminal, one answer per line otherwise).

mod drill;
mod input;
mod schedule;

use anyhow::{Result, bail};
use chrono::{DateTime, Local, SubsecRound, Utc};
use console::style;
use rs_fsrs::{Card, Rating};
use serde::{Deserialize, Serialize};

pub use schedule::{
    COME_BACK_AFTER, MAX_RETURNS, Plan, Queue, next_due, plan, prune, rate, rating, record,
};

use crate::app::{Ctx, EXIT_OK};
use crate::cli::QuizArgs;
use crate::course::{Course, Interview, Mcq, Trace};

/// The memory state of one question, as stored in the progress file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardState {
    /// When the question is next due.
    pub due: DateTime<Utc>,
    /// FSRS stability, in days.
    pub stability: f64,
    /// FSRS difficulty, 1-10.
    pub difficulty: f64,
    /// How often it was reviewed, and forgotten.
    pub reps: i32,
    pub lapses: i32,
    /// new | learning | review | relearning
    pub state: MemoryState,
    pub last_review: DateTime<Utc>,
    #[serde(default)]
    pub elapsed_days: i64,
    #[serde(default)]
    pub scheduled_days: i64,
}

/// FSRS's learning phase of a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MemoryState {
    New,
    Learning,
    Review,
    Relearning,
}

/// One answer in the review log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub at: DateTime<Utc>,
    pub question: String,
    /// 1 again, 2 hard, 3 good, 4 easy.
    pub rating: u8,
}

impl Review {
    /// MCQ and tracing answers are stored as 3 (right) or 1 (wrong); an
    /// interview recall rated hard or worse does not count as correct.
    pub fn correct(&self) -> bool {
        self.rating >= 3
    }
}

impl CardState {
    pub fn to_card(&self) -> Card {
        Card {
            due: self.due,
            stability: self.stability,
            difficulty: self.difficulty,
            elapsed_days: self.elapsed_days,
            scheduled_days: self.scheduled_days,
            reps: self.reps,
            lapses: self.lapses,
            state: match self.state {
                MemoryState::New => rs_fsrs::State::New,
                MemoryState::Learning => rs_fsrs::State::Learning,
                MemoryState::Review => rs_fsrs::State::Review,
                MemoryState::Relearning => rs_fsrs::State::Relearning,
            },
            last_review: self.last_review,
        }
    }

    pub fn from_card(card: &Card) -> CardState {
        CardState {
            due: card.due,
            stability: card.stability,
            difficulty: card.difficulty,
            reps: card.reps,
            lapses: card.lapses,
            state: match card.state {
                rs_fsrs::State::New => MemoryState::New,
                rs_fsrs::State::Learning => MemoryState::Learning,
                rs_fsrs::State::Review => MemoryState::Review,
                rs_fsrs::State::Relearning => MemoryState::Relearning,
            },
            last_review: card.last_review,
            elapsed_days: card.elapsed_days,
            scheduled_days: card.scheduled_days,
        }
    }

    pub fn is_due(&self, now: DateTime<Utc>) -> bool {
        self.due <= now
    }
}

/// A question of the course.
#[derive(Debug, Clone, Copy)]
pub enum Kind<'c> {
    Mcq(&'c Mcq),
    Trace(&'c Trace),
    Interview(&'c Interview),
}

#[derive(Debug, Clone, Copy)]
pub struct Question<'c> {
    /// The index of its step.
    pub step: usize,
    pub kind: Kind<'c>,
}

impl<'c> Question<'c> {
    /// Its stable id: explicit in info.toml, or STEP.KIND.INDEX.
    pub fn id(&self) -> &'c str {
        match self.kind {
            Kind::Mcq(q) => &q.id,
            Kind::Trace(q) => &q.id,
            Kind::Interview(q) => &q.id,
        }
    }

    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::Mcq(_) => "multiple choice",
            Kind::Trace(_) => "tracing",
            Kind::Interview(_) => "interview",
        }
    }
}

/// The questions of one step: its MCQs, tracing and interview questions.
pub fn step_questions(course: &Course, step: usize) -> impl Iterator<Item = Question<'_>> {
    let s = &course.steps[step];
    let mcqs = s.mcqs.iter().map(Kind::Mcq);
    let traces = s.traces.iter().map(Kind::Trace);
    let interviews = s.interviews.iter().map(Kind::Interview);
    mcqs.chain(traces)
        .chain(interviews)
        .map(move |kind| Question { step, kind })
}

/// Every question of the course, in course order.
pub fn questions(course: &Course) -> Vec<Question<'_>> {
    (0..course.steps.len())
        .flat_map(|i| step_questions(course, i))
        .collect()
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

/// "in 3 days (2026-11-28 14:05)", in local time.
pub fn when(now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    format!(
        "{} ({})",
        until(now, then),
        then.with_timezone(&Local).format("%Y-%m-%d %H:%M")
    )
}

/// The steps a quiz draws from, and how to name them.
struct Scope {
    steps: Vec<usize>,
    /// "the steps you have reached", "topic `x`"…
    label: String,
    /// What to say when these steps have no questions.
    empty: String,
}

fn scope(ctx: &Ctx, args: &QuizArgs) -> Result<Scope> {
    let course = &ctx.course;
    if let Some(topic) = &args.topic
        && !course.steps.iter().any(|s| &s.topic == topic)
    {
        let mut topics: Vec<&str> = Vec::new();
        for s in &course.steps {
            if !topics.contains(&s.topic.as_str()) {
                topics.push(&s.topic);
            }
        }
        bail!(
            "no topic `{topic}` in this course: the topics are {}",
            topics.join(", ")
        );
    }
    let by_topic = |i: &usize| {
        args.topic
            .as_ref()
            .is_none_or(|t| &course.steps[*i].topic == t)
    };
    if let Some(step) = &args.step {
        // A step asked for by name is drilled even if not reached yet.
        let i = ctx.resolve(Some(step))?;
        let name = &course.steps[i].name;
        return Ok(Scope {
            steps: Some(i).into_iter().filter(by_topic).collect(),
            label: format!("step `{name}`"),
            empty: match &args.topic {
                Some(t) if course.steps[i].topic != *t => {
                    format!("Step `{name}` is not in topic `{t}`: nothing to drill.")
                }
                _ => format!("Step `{name}` has no questions."),
            },
        });
    }
    let current = ctx.state.current(course);
    let reached = |i: &usize| args.all || *i <= current || ctx.state.is_done(&course.steps[*i]);
    let steps: Vec<usize> = (0..course.steps.len())
        .filter(reached)
        .filter(by_topic)
        .collect();
    let (label, empty) = match (&args.topic, args.all) {
        (Some(t), true) => (
            format!("topic `{t}`"),
            format!("The steps of topic `{t}` have no questions."),
        ),
        (Some(t), false) => (
            format!("the steps of topic `{t}` you have reached"),
            format!(
                "The steps of topic `{t}` you have reached have no questions yet; `learn quiz --topic {t} --all` includes the ones ahead."
            ),
        ),
        (None, true) => (
            "the whole course".to_owned(),
            "This course has no questions.".to_owned(),
        ),
        (None, false) => (
            format!("the {} step(s) you have reached", steps.len()),
            "The steps you have reached have no questions yet; `learn quiz --all` drills the whole course."
                .to_owned(),
        ),
    };
    Ok(Scope {
        steps,
        label,
        empty,
    })
}

/// The time of an answer, to the second (the progress file stays readable).
fn clock() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(0)
}

/// `learn quiz`
pub fn run(ctx: &mut Ctx, args: &QuizArgs) -> Result<u8> {
    if args.limit == Some(0) {
        bail!("--limit must be at least 1");
    }
    let now = clock();
    let dropped = prune(&mut ctx.state.progress.cards, &ctx.course);
    if !dropped.is_empty() {
        println!(
            "{}",
            style(format!(
                "Dropped the review schedule of {} question(s) no longer in the course ({}); their review log is kept.",
                dropped.len(),
                dropped.join(", ")
            ))
            .dim()
        );
        ctx.state.save()?;
    }
    let scope = scope(ctx, args)?;
    let course = &ctx.course;
    let pool: Vec<Question> = scope
        .steps
        .iter()
        .flat_map(|&i| step_questions(course, i))
        .collect();
    if pool.is_empty() {
        println!("{}", scope.empty);
        return Ok(EXIT_OK);
    }
    let plan = plan(&pool, &ctx.state.progress.cards, now, args.limit);
    if plan.order.is_empty() {
        let next = next_due(pool.iter().map(|q| q.id()), &ctx.state.progress.cards);
        println!(
            "Nothing to drill in {}: no question is due and none is new.",
            scope.label
        );
        if let Some(next) = next {
            println!("The next one is due {}.", when(now, next));
        }
        return Ok(EXIT_OK);
    }

    let mut input = input::Input::detect();
    println!(
        "{} {} question(s) from {}: {} due, {} new.",
        style("Quiz:").bold(),
        plan.order.len(),
        scope.label,
        plan.due,
        plan.new
    );
    println!("{}", style(input.how_to_quit()).dim());
    let seed = args.seed.unwrap_or_else(|| fastrand::u64(..));
    let state = &mut ctx.state;
    let mut queue = Queue::new(plan.order);
    let (mut asked, mut right) = (0usize, 0usize);
    let mut stopped = false;
    while let Some((q, returns)) = queue.pop() {
        let step = &course.steps[q.step];
        let again = if returns > 0 { " · again" } else { "" };
        println!(
            "\n{}",
            style(format!(
                "── {}/{} · {} · {} · {}{again}",
                asked + 1,
                asked + 1 + queue.len(),
                step.topic,
                step.name,
                q.kind_name()
            ))
            .dim()
        );
        let Some(rating) = drill::ask(q, &mut input, seed, returns)? else {
            stopped = true;
            break;
        };
        let now = clock();
        let card = record(&mut state.progress, q.id(), rating, now);
        let next = card.due;
        state.save()?;
        asked += 1;
        if rating as u8 >= 3 {
            right += 1;
        }
        if rating == Rating::Again && queue.missed(q, returns) {
            println!("{}", style("It comes back later in this quiz.").dim());
        } else {
            println!(
                "{}",
                style(format!("Next review {}.", until(now, next))).dim()
            );
        }
    }

    let now = clock();
    if asked == 0 {
        println!("\nQuiz stopped before any answer.");
    } else {
        let how = if stopped { "Quiz stopped" } else { "Quiz over" };
        println!(
            "\n{how}: {asked} answer(s), {right} right, {} wrong or hard.",
            asked - right
        );
    }
    let left = schedule::plan(&pool, &state.progress.cards, now, None)
        .order
        .len();
    if left > 0 {
        println!("{left} question(s) are due or new: `learn quiz` drills them.");
    } else if let Some(next) = next_due(pool.iter().map(|q| q.id()), &state.progress.cards) {
        println!("The next question is due {}.", when(now, next));
    }
    if asked > 0 {
        println!("Progress saved in {}.", state.path.display());
    }
    Ok(EXIT_OK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Progress;
    use chrono::{Duration, TimeZone};

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, hour, 0, 0).unwrap()
    }

    #[test]
    fn card_state_round_trips_through_fsrs_and_toml() {
        let now = at(1, 12);
        let card = rate(
            Some(&rate(None, Rating::Good, now)),
            Rating::Good,
            now + Duration::hours(1),
        );
        assert_eq!(CardState::from_card(&card.to_card()), card);
        let mut progress = Progress::default();
        progress.cards.insert("one.mcq.0".into(), card);
        let text = toml::to_string_pretty(&progress).unwrap();
        assert!(text.contains("state = \"review\""), "{text}");
        assert_eq!(toml::from_str::<Progress>(&text).unwrap(), progress);
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
}
