//! `learn stats`: the progress picture per topic, weakest first, as a table
//! with bars or as JSON (shape documented on [`Stats`], `version` 1).

use std::collections::HashMap;
use std::fmt::Write as _;

use anyhow::{Context, Result};
use chrono::{DateTime, Duration, FixedOffset, Local, NaiveDate, Offset, SubsecRound, Utc};
use console::style;
use serde::Serialize;

use crate::course::Course;
use crate::progress::{Progress, Tally};
use crate::schedule;
use crate::session::{Ctx, Exit};
use crate::shell::Shell;
use crate::ui;

/// The version of the JSON shape; bumped only when a field changes meaning
/// or goes away (new fields may be added).
pub const JSON_VERSION: u32 = 1;
/// How many days the reviews-per-day series covers, today included.
pub const DAYS: usize = 14;

/// Everything `learn stats` shows; `learn stats --json` prints it as is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub version: u32,
    pub course: String,
    /// The clock the figures were computed at (UTC, RFC 3339).
    pub generated_at: DateTime<Utc>,
    pub steps_done: usize,
    pub steps_total: usize,
    /// Questions of the course, and those answered at least once.
    pub questions_total: usize,
    pub questions_seen: usize,
    /// Every answer in the review log, including questions since removed.
    pub reviews: usize,
    /// Questions whose next review is due now.
    pub due_now: usize,
    /// When the earliest question is due (may be in the past), if any was answered.
    pub next_due: Option<DateTime<Utc>>,
    /// Per topic, weakest first (see [`weakest_first`]).
    pub topics: Vec<TopicStats>,
    /// The last `DAYS` local days, oldest first, today last.
    pub reviews_per_day: Vec<Day>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicStats {
    pub topic: String,
    pub steps_done: usize,
    pub steps_total: usize,
    pub questions_total: usize,
    pub questions_seen: usize,
    /// Answers to this topic's questions, and how many were right (MCQ and
    /// tracing) or recalled with a rating of 3 or 4 (interview).
    pub reviews: usize,
    pub correct: usize,
    /// correct / reviews; null without reviews.
    pub accuracy: Option<f64>,
    pub due_now: usize,
    /// The mean of the steps' confidence ratings (1-4); null when none is rated.
    pub confidence: Option<f64>,
    /// How many steps have a confidence rating.
    pub confidence_rated: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Day {
    /// YYYY-MM-DD, local time.
    pub date: NaiveDate,
    pub reviews: usize,
    pub correct: usize,
}

/// The figures for `course`, its learner's `progress` and the answers of
/// its review log summed up in `tally`, at `now`; days are counted in the
/// time zone `offset`, which must be the one `tally` counts days in.
pub fn compute(
    course: &Course,
    progress: &Progress,
    tally: &Tally,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Stats {
    let mut topics: Vec<TopicStats> = Vec::new();
    let mut topic_of_step = Vec::with_capacity(course.steps.len());
    let mut confidence_sum = HashMap::<usize, f64>::new();
    for step in &course.steps {
        let t = match topics.iter().position(|t| t.topic == step.topic) {
            Some(t) => t,
            None => {
                topics.push(TopicStats {
                    topic: step.topic.clone(),
                    steps_done: 0,
                    steps_total: 0,
                    questions_total: 0,
                    questions_seen: 0,
                    reviews: 0,
                    correct: 0,
                    accuracy: None,
                    due_now: 0,
                    confidence: None,
                    confidence_rated: 0,
                });
                topics.len() - 1
            }
        };
        topic_of_step.push(t);
        let topic = &mut topics[t];
        topic.steps_total += 1;
        topic.steps_done += usize::from(progress.is_done(step));
        if let Some(c) = progress.steps.get(&step.name).and_then(|p| p.confidence) {
            topic.confidence_rated += 1;
            *confidence_sum.entry(t).or_default() += f64::from(c);
        }
    }

    let questions = course.questions();
    for q in &questions {
        let topic = &mut topics[topic_of_step[q.step]];
        topic.questions_total += 1;
        if let Some(card) = progress.cards.get(q.id()) {
            topic.questions_seen += 1;
            topic.due_now += usize::from(card.is_due(now));
        }
        let counts = tally.question(q.id());
        topic.reviews += counts.answers as usize;
        topic.correct += counts.correct as usize;
    }
    let today = now.with_timezone(&offset).date_naive();
    let today_number = tally.day(now);
    let days: Vec<Day> = (0..DAYS)
        .rev()
        .map(|back| {
            let counts = tally.on_day(today_number - back as i64);
            Day {
                date: today - Duration::days(back as i64),
                reviews: counts.answers as usize,
                correct: counts.correct as usize,
            }
        })
        .collect();
    for (t, topic) in topics.iter_mut().enumerate() {
        if topic.reviews > 0 {
            topic.accuracy = Some(topic.correct as f64 / topic.reviews as f64);
        }
        if let Some(sum) = confidence_sum.get(&t) {
            topic.confidence = Some(sum / topic.confidence_rated as f64);
        }
    }
    weakest_first(&mut topics);

    Stats {
        version: JSON_VERSION,
        course: course.title.clone(),
        generated_at: now,
        steps_done: progress.done_count(course),
        steps_total: course.steps.len(),
        questions_total: questions.len(),
        questions_seen: topics.iter().map(|t| t.questions_seen).sum(),
        reviews: tally.answers() as usize,
        due_now: topics.iter().map(|t| t.due_now).sum(),
        next_due: schedule::next_due(questions.iter().map(|q| q.id()), &progress.cards),
        topics,
        reviews_per_day: days,
    }
}

/// Weakest first. Topics with answers come first, lowest accuracy first;
/// topics without answers follow (there is no evidence yet). Ties are broken
/// by the share of steps done (fewest first), then by the average confidence
/// (lowest first, unrated before rated), then by course order.
pub fn weakest_first(topics: &mut [TopicStats]) {
    let done_share = |t: &TopicStats| t.steps_done as f64 / t.steps_total.max(1) as f64;
    topics.sort_by(|a, b| {
        a.accuracy
            .is_none()
            .cmp(&b.accuracy.is_none())
            .then(
                a.accuracy
                    .unwrap_or(0.0)
                    .total_cmp(&b.accuracy.unwrap_or(0.0)),
            )
            .then(done_share(a).total_cmp(&done_share(b)))
            .then(
                a.confidence
                    .unwrap_or(0.0)
                    .total_cmp(&b.confidence.unwrap_or(0.0)),
            )
    });
}

const BAR: usize = 10;

/// The terminal view: a summary, a table with bars, reviews per day.
pub fn render(stats: &Stats, now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", style(&stats.course).bold());
    let _ = writeln!(
        out,
        "{} of {} steps done · {} of {} questions seen",
        stats.steps_done, stats.steps_total, stats.questions_seen, stats.questions_total,
    );
    let _ = writeln!(out, "{} due now · {} answers", stats.due_now, stats.reviews);
    match stats.next_due {
        Some(next) if next <= now => {
            let _ = writeln!(out, "Reviews are waiting: `learn quiz` drills them.");
        }
        Some(next) => {
            let _ = writeln!(out, "Next review due {}.", ui::when(now, next));
        }
        None => {
            let _ = writeln!(out, "No quiz answers yet: `learn quiz` starts one.");
        }
    }

    let _ = writeln!(
        out,
        "\n{}",
        style("Topics, weakest first (lowest accuracy, then fewest steps done):").bold()
    );
    let width = stats
        .topics
        .iter()
        .map(|t| t.topic.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    let _ = writeln!(
        out,
        "  {:<width$}  {:<22}  {:<16}  {:>5}  {:>3}  CONFIDENCE",
        "TOPIC", "ACCURACY", "STEPS DONE", "SEEN", "DUE"
    );
    for t in &stats.topics {
        let accuracy = match t.accuracy {
            Some(a) => format!(
                "{} {:>3}% {}/{}",
                ui::bar(t.correct, t.reviews, BAR),
                (a * 100.0).round(),
                t.correct,
                t.reviews
            ),
            None => format!("{}    -", ui::bar(0, 1, BAR)),
        };
        let done = format!(
            "{} {}/{}",
            ui::bar(t.steps_done, t.steps_total, BAR),
            t.steps_done,
            t.steps_total
        );
        let seen = format!("{}/{}", t.questions_seen, t.questions_total);
        let confidence = t.confidence.map_or("-".to_owned(), |c| format!("{c:.1}/4"));
        let _ = writeln!(
            out,
            "  {:<width$}  {accuracy:<22}  {done:<16}  {seen:>5}  {:>3}  {confidence}",
            t.topic, t.due_now
        );
    }

    let _ = writeln!(
        out,
        "\n{}",
        style(format!("Answers per day, last {DAYS} days:")).bold()
    );
    let most = stats
        .reviews_per_day
        .iter()
        .map(|d| d.reviews)
        .max()
        .unwrap_or(0);
    for d in &stats.reviews_per_day {
        let right = if d.reviews > 0 {
            format!(" ({} right)", d.correct)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "  {} {} {}{right}",
            d.date.format("%m-%d %a"),
            ui::bar(d.reviews, most, 20),
            d.reviews
        );
    }
    out
}

/// `learn stats [--json]`
pub fn run(ctx: &Ctx, sh: &mut Shell, json: bool) -> Result<Exit> {
    let now = Utc::now().trunc_subsecs(0);
    let offset = Local::now().offset().fix();
    let tally = ctx.store.tally(offset.local_minus_utc())?;
    let stats = compute(&ctx.course, ctx.progress(), &tally, now, offset);
    if json {
        let text = serde_json::to_string_pretty(&stats).context("cannot encode the stats")?;
        writeln!(sh.out(), "{text}")?;
    } else {
        write!(sh.out(), "{}", ui::colour(&render(&stats, now)))?;
    }
    Ok(Exit::Success)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Review;
    use crate::schedule::{Rating, record};

    fn compute(
        course: &Course,
        progress: &Progress,
        log: &[Review],
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Stats {
        let mut tally = Tally::new(offset.local_minus_utc());
        log.iter().for_each(|r| tally.add(r.answer()));
        super::compute(course, progress, &tally, now, offset)
    }
    use chrono::TimeZone;

    fn course(dir: &std::path::Path) -> Course {
        for folder in ["exercises", "solutions"] {
            std::fs::create_dir_all(dir.join(folder)).unwrap();
            for f in ["a1.rs", "a2.rs", "b1.rs", "c1.rs"] {
                std::fs::write(dir.join(folder).join(f), "fn main() {}\n").unwrap();
            }
        }
        let step = |name: &str, topic: &str| {
            format!(
                "[[steps]]\nname = \"{name}\"\ntitle = \"{name}\"\ntopic = \"{topic}\"\nlevel = \"beginner\"\npath = \"exercises/{name}.rs\"\nmode = \"run\"\n\
                 [[steps.mcq]]\nprompt = \"?\"\nchoices = [\"x\", \"y\"]\nanswer = \"a\"\n\
                 [[steps.interview]]\nquestion = \"?\"\nanswer = \"!\"\n"
            )
        };
        let text = format!(
            "format_version = 1\n[course]\ntitle = \"T\"\n{}{}{}{}",
            step("a1", "alpha"),
            step("a2", "alpha"),
            step("b1", "beta"),
            step("c1", "gamma")
        );
        Course::parse(dir, &text).unwrap()
    }

    #[test]
    fn per_topic_figures_weakest_first_and_days() {
        let dir = tempfile::tempdir().unwrap();
        let course = course(dir.path());
        let mut p = Progress::default();
        let mut log = Vec::new();
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 12, 0, 0).unwrap();
        let day = |d: i64| now - Duration::days(d);
        // alpha: 3 answers, 2 right; beta: 2 answers, 1 right (weaker).
        record(&mut p, &mut log, "a1.mcq.0", Rating::Good, None, day(3));
        record(
            &mut p,
            &mut log,
            "a1.interview.0",
            Rating::Hard,
            None,
            day(1),
        );
        record(&mut p, &mut log, "a2.mcq.0", Rating::Easy, None, now);
        record(&mut p, &mut log, "b1.mcq.0", Rating::Again, None, day(20));
        record(&mut p, &mut log, "b1.mcq.0", Rating::Good, None, day(1));
        // A removed question: per day only.
        record(&mut p, &mut log, "gone.mcq.0", Rating::Good, None, now);
        p.cards.remove("gone.mcq.0");
        p.exercise_mut(&course.steps[0], 0).passed = true;
        let s = p.step_mut("a1");
        s.questions_done = true;
        s.confidence = Some(2);
        p.step_mut("a2").confidence = Some(3);

        let stats = compute(&course, &p, &log, now, FixedOffset::east_opt(0).unwrap());
        let names: Vec<&str> = stats.topics.iter().map(|t| t.topic.as_str()).collect();
        // gamma has no answers: last.
        assert_eq!(names, ["beta", "alpha", "gamma"]);
        let alpha = &stats.topics[1];
        assert_eq!(
            (
                alpha.steps_done,
                alpha.steps_total,
                alpha.questions_total,
                alpha.questions_seen
            ),
            (1, 2, 4, 3)
        );
        assert_eq!((alpha.reviews, alpha.correct), (3, 2));
        assert_eq!(alpha.accuracy, Some(2.0 / 3.0));
        assert_eq!(alpha.confidence, Some(2.5));
        assert_eq!(alpha.confidence_rated, 2);
        // a1.mcq.0 (good, 3 days ago: a 10-minute learning step) is due;
        // a1.interview.0 (hard, yesterday) too; a2.mcq.0 (easy, now) is not.
        assert_eq!(alpha.due_now, 2);
        let beta = &stats.topics[0];
        assert_eq!(
            (beta.reviews, beta.correct, beta.accuracy),
            (2, 1, Some(0.5))
        );
        assert_eq!(beta.confidence, None);
        let gamma = &stats.topics[2];
        assert_eq!(
            (gamma.reviews, gamma.accuracy, gamma.questions_seen),
            (0, None, 0)
        );

        assert_eq!((stats.steps_done, stats.steps_total), (1, 4));
        assert_eq!((stats.questions_total, stats.questions_seen), (8, 4));
        assert_eq!(stats.reviews, 6);
        assert_eq!(stats.reviews_per_day.len(), DAYS);
        let today = &stats.reviews_per_day[DAYS - 1];
        assert_eq!(today.date.to_string(), "2026-11-20");
        assert_eq!((today.reviews, today.correct), (2, 2));
        let yesterday = &stats.reviews_per_day[DAYS - 2];
        assert_eq!((yesterday.reviews, yesterday.correct), (2, 1));
        // 20 days ago is outside the window.
        let total: usize = stats.reviews_per_day.iter().map(|d| d.reviews).sum();
        assert_eq!(total, 5);

        let text = console::strip_ansi_codes(&render(&stats, now)).into_owned();
        assert!(text.contains("1 of 4 steps done"), "{text}");
        assert!(
            text.find("beta").unwrap() < text.find("alpha").unwrap(),
            "{text}"
        );
        assert!(text.contains("█████░░░░░  50% 1/2"), "{text}");
        assert!(text.contains("2.5/4"), "{text}");
        assert!(text.contains("11-20 Fri"), "{text}");
    }

    #[test]
    fn days_follow_the_local_offset() {
        let dir = tempfile::tempdir().unwrap();
        let course = course(dir.path());
        let mut p = Progress::default();
        let mut log = Vec::new();
        // 23:30 UTC is already the next day at UTC+2.
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 23, 30, 0).unwrap();
        record(&mut p, &mut log, "a1.mcq.0", Rating::Good, None, now);
        let stats = compute(
            &course,
            &p,
            &log,
            now,
            FixedOffset::east_opt(2 * 3600).unwrap(),
        );
        let today = stats.reviews_per_day.last().unwrap();
        assert_eq!(
            (today.date.to_string().as_str(), today.reviews),
            ("2026-11-21", 1)
        );
    }

    #[test]
    fn ties_go_to_fewer_steps_done_then_lower_confidence() {
        let t = |name: &str, done: usize, confidence: Option<f64>| TopicStats {
            topic: name.into(),
            steps_done: done,
            steps_total: 2,
            questions_total: 1,
            questions_seen: 1,
            reviews: 2,
            correct: 1,
            accuracy: Some(0.5),
            due_now: 0,
            confidence,
            confidence_rated: usize::from(confidence.is_some()),
        };
        let mut topics = vec![
            t("done2", 2, None),
            t("done1-sure", 1, Some(4.0)),
            t("done1-unsure", 1, Some(1.0)),
            t("done1-unrated", 1, None),
        ];
        weakest_first(&mut topics);
        let names: Vec<&str> = topics.iter().map(|t| t.topic.as_str()).collect();
        assert_eq!(
            names,
            ["done1-unrated", "done1-unsure", "done1-sure", "done2"]
        );
    }
}
