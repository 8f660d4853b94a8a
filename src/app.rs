//! Dispatch: turns the parsed command line into a loaded course and calls
//! the command that was asked for.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::cli::{Cli, Command, DevCommand, Global, WatchArgs};
use crate::course::{Course, INFO_FILE, find_root};
use crate::runner::{Limits, Runner};
use crate::state::State;

/// Exit codes: success, an exercise failed, a usage or course error.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FAILED: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// A loaded course with its learner's progress.
pub struct Ctx {
    pub course: Course,
    pub state: State,
    pub limits: Limits,
}

impl Ctx {
    pub fn open(global: &Global) -> Result<Ctx> {
        let root = course_root(global)?;
        let course = Course::load(&root)?;
        let (state, notice) = State::load(&course.root)?;
        if let Some(notice) = notice {
            eprintln!("{} {notice}", console::style("warning:").yellow().bold());
        }
        crate::shipped::snapshot(&course);
        Ok(Ctx {
            course,
            state,
            limits: limits(global)?,
        })
    }

    pub fn runner(&self) -> Result<Runner> {
        Runner::new(&self.course, self.limits)
    }

    /// A step given by name or by its number (1-based); None means the current step.
    pub fn resolve(&self, step: Option<&str>) -> Result<usize> {
        let Some(step) = step else {
            return Ok(self.state.current(&self.course));
        };
        if let Some(i) = self.course.step_index(step) {
            return Ok(i);
        }
        if let Ok(n) = step.parse::<usize>()
            && (1..=self.course.steps.len()).contains(&n)
        {
            return Ok(n - 1);
        }
        bail!(
            "no step `{step}` in this course: give a step name or a number from 1 to {} (`learn list` shows them)",
            self.course.steps.len()
        )
    }
}

impl Drop for Ctx {
    /// What a save had to report and nobody showed yet.
    fn drop(&mut self) {
        for notice in self.state.notices.drain(..) {
            eprintln!("{} {notice}", console::style("warning:").yellow().bold());
        }
    }
}

/// The time and output limits from the command line.
pub fn limits(global: &Global) -> Result<Limits> {
    if !(global.timeout.is_finite() && global.timeout > 0.0) {
        bail!("--timeout must be a positive number of seconds, for example --timeout 10");
    }
    Ok(Limits {
        timeout: Duration::from_secs_f64(global.timeout),
        ..Limits::default()
    })
}

/// The course folder: --course, else the nearest folder holding info.toml.
pub fn course_root(global: &Global) -> Result<PathBuf> {
    if let Some(dir) = &global.course {
        if !dir.join(INFO_FILE).is_file() {
            bail!(
                "{} holds no info.toml: --course (or LEARN_COURSE) must name a course folder",
                dir.display()
            );
        }
        return std::path::absolute(dir)
            .with_context(|| format!("cannot resolve {}", dir.display()));
    }
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    find_root(&cwd).with_context(|| {
        format!(
            "no info.toml in {} or any folder above it.\n\
             Run learn inside a course folder, pass --course DIR, or write the built-in course with `learn init rust-track`.",
            cwd.display()
        )
    })
}

/// Run the parsed command line and turn the outcome into an exit code.
/// Output to a reader that went away (`learn stats --json | head`) ends
/// quietly, as in other command-line tools, instead of with a panic.
pub fn main(cli: Cli) -> ExitCode {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !is_broken_pipe(info.payload()) {
            default_hook(info);
        }
    }));
    match std::panic::catch_unwind(move || run(cli)) {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            eprintln!("{} {e:#}", console::style("error:").red().bold());
            ExitCode::from(EXIT_ERROR)
        }
        Err(payload) if is_broken_pipe(payload.as_ref()) => ExitCode::SUCCESS,
        Err(payload) => std::panic::resume_unwind(payload),
    }
}

/// The panic `println!` raises when stdout's reader has gone.
fn is_broken_pipe(payload: &(dyn std::any::Any + Send)) -> bool {
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or_default();
    message.starts_with("failed printing to stdout") && message.contains("Broken pipe")
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let global = &cli.global;
    let code = match cli.command {
        Some(Command::Init { dir }) => crate::commands::init(&dir)?,
        None => crate::watch::run(Ctx::open(global)?, &WatchArgs::default())?,
        Some(Command::Watch(args)) => crate::watch::run(Ctx::open(global)?, &args)?,
        Some(Command::List) => crate::commands::list(&Ctx::open(global)?)?,
        Some(Command::Run { step }) => {
            crate::commands::run(&mut Ctx::open(global)?, step.as_deref())?
        }
        Some(Command::Hint { step }) => {
            crate::commands::hint(&mut Ctx::open(global)?, step.as_deref())?
        }
        Some(Command::Lesson {
            step,
            answers,
            confidence,
        }) => crate::commands::lesson(
            &mut Ctx::open(global)?,
            step.as_deref(),
            answers,
            confidence,
        )?,
        Some(Command::Reset { step }) => crate::commands::reset(&mut Ctx::open(global)?, &step)?,
        Some(Command::Jump { step }) => crate::commands::jump(&mut Ctx::open(global)?, &step)?,
        Some(Command::Verify) => crate::commands::verify(&mut Ctx::open(global)?)?,
        Some(Command::Quiz(args)) => crate::quiz::run(&mut Ctx::open(global)?, &args)?,
        Some(Command::Stats { json }) => crate::stats::run(&Ctx::open(global)?, json)?,
        Some(Command::Dev(DevCommand::Check { json, strict })) => {
            crate::dev::check(global, crate::dev::CheckOptions { json, strict })?
        }
        Some(Command::Dev(DevCommand::New {
            name,
            topic,
            mode,
            after,
        })) => crate::dev::new(global, &name, &topic, &mode, after.as_deref())?,
    };
    Ok(ExitCode::from(code))
}
