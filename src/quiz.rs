//! `learn quiz`: spaced-repetition drill of the course's questions (FSRS).
//! Which questions, in which order (`schedule`), asked one at a time by a
//! state machine that reads keys on a terminal (drawn full screen, `draw`)
//! or one answer per line otherwise (printed as a transcript).

mod ask;
mod draw;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc;

use anyhow::{Result, bail};
use console::style;

use crate::cli::QuizArgs;
use crate::course::{Course, Question};
use crate::schedule::{self, Queue, next_due};
use crate::session::{Ctx, Exit, now};
use crate::shell::Shell;
use crate::term::{self, Input, Key, Screen};
use crate::text::plural;
use crate::ui::when;

use ask::{Ask, Drill};

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
        let i = ctx.resolve_step(Some(step))?;
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
    let progress = ctx.progress();
    let reached = |i: &usize| args.all || progress.reached(course, *i);
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
            format!("the {} you have reached", plural(steps.len(), "step")),
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

/// `learn quiz`
pub fn run(ctx: &mut Ctx, sh: &mut Shell, args: &QuizArgs) -> Result<Exit> {
    if args.limit == Some(0) {
        bail!("--limit must be at least 1");
    }
    let stale = schedule::stale(&ctx.progress().cards, &ctx.course);
    if !stale.is_empty() {
        let drop = stale.clone();
        ctx.update(|p, _| {
            for id in &drop {
                p.cards.remove(id);
            }
        })?;
        let text = format!(
            "Dropped the review schedule of {} no longer in the course ({}); their review log is kept.",
            plural(stale.len(), "question"),
            stale.join(", ")
        );
        let text = style(sh.wrap(&text)).dim().to_string();
        writeln!(sh.out(), "{text}")?;
    }
    let scope = scope(ctx, args)?;
    // The questions borrow the course while answers change the progress.
    let course: Course = ctx.course.clone();
    let pool: Vec<Question> = scope
        .steps
        .iter()
        .flat_map(|&i| course.step_questions(i))
        .collect();
    if pool.is_empty() {
        writeln!(sh.out(), "{}", scope.empty)?;
        return Ok(Exit::Success);
    }
    let now = now();
    let plan = schedule::plan(&pool, &ctx.progress().cards, now, args.limit);
    if plan.order.is_empty() {
        writeln!(
            sh.out(),
            "Nothing to drill in {}: no question is due and none is new.",
            scope.label
        )?;
        if let Some(next) = next_due(pool.iter().map(|q| q.id()), &ctx.progress().cards) {
            writeln!(sh.out(), "The next one is due {}.", when(now, next))?;
        }
        return Ok(Exit::Success);
    }
    let tty = term::interactive();
    let intro = format!(
        "{} {} from {}: {} due, {} new.",
        style("Quiz:").bold(),
        plural(plan.order.len(), "question"),
        scope.label,
        plan.due,
        plan.new
    );
    let seed = args.seed.unwrap_or_else(|| fastrand::u64(..));
    let mut drill = Drill::new(&course, Queue::new(plan.order), seed, tty, intro);
    if tty {
        drill_on_screen(ctx, &mut drill)?;
    } else {
        drill_on_lines(ctx, sh, &mut drill)?;
    }
    // The summary, on the terminal once the full screen is gone.
    let mut text = drill.summary();
    let now = crate::session::now();
    let left = schedule::plan(&pool, &ctx.progress().cards, now, None)
        .order
        .len();
    if left > 0 {
        let are = if left == 1 { "is" } else { "are" };
        text.push_str(&format!(
            "{} {are} due or new: `learn quiz` drills them.\n",
            plural(left, "question")
        ));
    } else if let Some(next) = next_due(pool.iter().map(|q| q.id()), &ctx.progress().cards) {
        text.push_str(&format!("The next question is due {}.\n", when(now, next)));
    }
    if drill.asked > 0 {
        text.push_str(&format!(
            "Your answers are saved in {} (schedule.txt, reviews.log).\n",
            ctx.store
                .path()
                .parent()
                .unwrap_or(ctx.store.path())
                .display()
        ));
    }
    let text = sh.wrap(&crate::ui::colour(&text));
    write!(sh.out(), "{text}")?;
    Ok(Exit::Success)
}

/// The quiz as a transcript: one answer per line from stdin.
fn drill_on_lines(ctx: &mut Ctx, sh: &mut Shell, drill: &mut Drill) -> Result<()> {
    let (tx, rx) = mpsc::channel();
    term::spawn_input(false, Arc::new(AtomicBool::new(false)), move |i| {
        tx.send(i).is_ok()
    })?;
    drill.start(ctx)?;
    loop {
        let text = drill.take_transcript();
        if !text.is_empty() {
            write!(sh.out(), "{}", crate::ui::colour(&text))?;
            sh.flush()?;
        }
        if drill.finished() {
            return Ok(());
        }
        let Ok(input) = rx.recv() else {
            return Ok(());
        };
        drill.on_input(ctx, input)?;
    }
}

/// The quiz on the full screen.
fn drill_on_screen(ctx: &mut Ctx, drill: &mut Drill) -> Result<()> {
    let (tx, rx) = mpsc::channel();
    let paused = Arc::new(AtomicBool::new(false));
    term::spawn_input(true, Arc::clone(&paused), move |i| tx.send(i).is_ok())?;
    let mut screen = Screen::enter(paused)?;
    drill.start(ctx)?;
    // The first row shown: a new question or feedback starts at its top,
    // except where the answer is typed in at its end (that end stays in
    // view as the learner types); the learner may scroll either way.
    let mut top = first_row(drill);
    let mut page = page_of(drill);
    while !drill.finished() {
        let mut shown = (0, 0);
        screen.draw(|frame| shown = draw::screen(frame, drill, ctx, top))?;
        let Ok(input) = rx.recv() else {
            break;
        };
        let (first, rows) = shown;
        let step = rows.saturating_sub(2).max(1);
        top = match input {
            Input::Key(Key::Up) => Some(first.saturating_sub(1)),
            Input::Key(Key::Down) => Some(first + 1),
            Input::Key(Key::PageUp) => Some(first.saturating_sub(step)),
            Input::Key(Key::PageDown) => Some(first + step),
            Input::Key(Key::Home) => Some(0),
            Input::Key(Key::End) => None,
            Input::Resize => top,
            input => {
                drill.on_input(ctx, input)?;
                let now = page_of(drill);
                if std::mem::replace(&mut page, now) != page {
                    first_row(drill)
                } else if typed_at_end(drill) {
                    None
                } else {
                    top
                }
            }
        };
    }
    Ok(())
}

/// Whether the answer is typed in at the end of the screen.
fn typed_at_end(drill: &Drill) -> bool {
    matches!(
        drill.ask,
        Ask::TraceLine { .. } | Ask::TraceOutput { .. } | Ask::InterviewAnswer { .. }
    )
}

/// Where a new screen of the quiz starts: at the end where the answer is
/// typed in, else at the top.
fn first_row(drill: &Drill) -> Option<usize> {
    (!typed_at_end(drill)).then_some(0)
}

/// What the quiz screen shows: which question (and how often asked), and
/// what is asked of it.
fn page_of(drill: &Drill) -> (Option<(String, u32)>, std::mem::Discriminant<Ask>) {
    (
        drill.current.as_ref().map(|(q, n)| (q.id().to_owned(), *n)),
        std::mem::discriminant(&drill.ask),
    )
}
