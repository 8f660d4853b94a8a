//! Dispatch: the command line becomes a session and the command asked for;
//! errors become exit codes. Nothing imports this module.

use std::ffi::OsString;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use crate::builtin;
use crate::cli::{Cli, ColorChoice, Command, DevCommand, Global, WatchArgs};
use crate::course::Course;
use crate::process::{self, launcher, signals};
use crate::session::{self, Ctx, Exit};
use crate::shell::{self, Shell};

/// `learn`'s entry point.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // The launcher that runs a learner's program under its limits.
    if args.get(1).is_some_and(|a| a == launcher::ARG) {
        return launcher::main(&args[2..]);
    }
    // A shell asking for completions (`COMPLETE=bash learn -- ...`) is
    // answered here, and learn exits.
    crate::completion::answer_from_env();
    let cli = Cli::parse_from(args);
    match cli.global.color {
        ColorChoice::Auto => {}
        ColorChoice::Always => {
            console::set_colors_enabled(true);
            console::set_colors_enabled_stderr(true);
        }
        ColorChoice::Never => {
            console::set_colors_enabled(false);
            console::set_colors_enabled_stderr(false);
        }
    }
    if let Ok(exe) = std::env::current_exe() {
        process::set_launcher(exe);
    }
    signals::install();
    let mut sh = Shell::stdio();
    let result = run(cli, &mut sh);
    let _ = sh.flush();
    match result {
        Ok(exit) => exit.into(),
        // The reader of our output went away (`learn list | head -1`).
        Err(e) if shell::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "{} {e:#}",
                console::style("error:").red().bold().for_stderr()
            );
            Exit::Error.into()
        }
    }
}

/// Open the course a learner works in, with their progress. In learn's own
/// repository that is the learner's copy of the built-in course (`track/`).
fn open(sh: &mut Shell, global: &Global) -> Result<Ctx> {
    let mut root = session::course_root(global)?;
    if let Some(copy) = builtin::learner_copy(&root)? {
        sh.note(&format!(
            "learning in {}: your copy of the built-in course (the repository's own exercises stay as shipped)",
            copy.display()
        ))?;
        root = copy;
    }
    let mut ctx = Ctx::new(Course::load(&root)?, global);
    for notice in ctx.take_notices() {
        sh.warn(&notice)?;
    }
    Ok(ctx)
}

/// Run the parsed command line.
fn run(cli: Cli, sh: &mut Shell) -> Result<Exit> {
    let global = &cli.global;
    match cli.command {
        Some(Command::Init { dir }) => crate::commands::init(sh, &dir),
        None => crate::watch::run(open(sh, global)?, sh, &WatchArgs::default()),
        Some(Command::Watch(args)) => crate::watch::run(open(sh, global)?, sh, &args),
        Some(Command::List { json }) => crate::commands::list(&open(sh, global)?, sh, json),
        Some(Command::Run { target, json }) => {
            crate::commands::run(&mut open(sh, global)?, sh, target.as_deref(), json)
        }
        Some(Command::Hint { target }) => {
            crate::commands::hint(&mut open(sh, global)?, sh, target.as_deref())
        }
        Some(Command::Lesson {
            step,
            answers,
            confidence,
            json,
        }) => crate::commands::lesson(
            &mut open(sh, global)?,
            sh,
            step.as_deref(),
            answers,
            confidence,
            json,
        ),
        Some(Command::Reset { target }) => {
            crate::commands::reset(&mut open(sh, global)?, sh, &target)
        }
        Some(Command::Jump { target }) => {
            crate::commands::jump(&mut open(sh, global)?, sh, &target)
        }
        Some(Command::Verify { json }) => crate::commands::verify(&mut open(sh, global)?, sh, json),
        Some(Command::Quiz(args)) => crate::quiz::run(&mut open(sh, global)?, sh, &args),
        Some(Command::Stats { json }) => crate::stats::run(&open(sh, global)?, sh, json),
        Some(Command::Completions { shell }) => crate::completion::script(sh, shell),
        Some(Command::Man) => crate::manpage::run(sh),
        Some(Command::Dev(DevCommand::Check { json, strict })) => {
            crate::dev::check(sh, global, crate::dev::CheckOptions { json, strict })
        }
        Some(Command::Dev(DevCommand::New {
            name,
            topic,
            mode,
            after,
        })) => crate::dev::new(sh, global, &name, &topic, mode, after.as_deref()),
        Some(Command::Dev(DevCommand::Report {
            paths,
            json,
            csv,
            min_learners,
        })) => {
            let options = crate::dev::ReportOptions::new(json, csv, min_learners);
            crate::dev::report(sh, global, &paths, options)
        }
    }
}
