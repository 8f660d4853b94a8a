//! Shell completion: `learn completions SHELL` prints the script a shell
//! loads; the script calls `learn` back (`COMPLETE=SHELL learn -- WORDS`)
//! each time Tab is pressed, and clap_complete's engine answers from the
//! same clap definition the parser uses, plus the step names and topics of
//! the course in the current folder.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::env::{CompleteEnv, Shells};
use clap_complete::{ArgValueCompleter, CompletionCandidate};

use crate::builtin;
use crate::cli::{Cli, CompletionShell};
use crate::course::{Course, INFO_FILE, find_root};
use crate::session::Exit;
use crate::shell::Shell;

/// The environment variable of the completion protocol.
const VAR: &str = "COMPLETE";

/// The command line, with completers for the values learn knows: steps,
/// exercises (`STEP/N`, `STEP/FILE`) and topics.
pub fn command() -> clap::Command {
    let targets = || ArgValueCompleter::new(targets);
    let steps = || ArgValueCompleter::new(steps);
    Cli::command()
        .mut_subcommand("run", |c| c.mut_arg("target", |a| a.add(targets())))
        .mut_subcommand("hint", |c| c.mut_arg("target", |a| a.add(targets())))
        .mut_subcommand("reset", |c| c.mut_arg("target", |a| a.add(targets())))
        .mut_subcommand("jump", |c| c.mut_arg("target", |a| a.add(targets())))
        .mut_subcommand("lesson", |c| c.mut_arg("step", |a| a.add(steps())))
        .mut_subcommand("quiz", |c| {
            c.mut_arg("step", |a| a.add(steps()))
                .mut_arg("topic", |a| a.add(ArgValueCompleter::new(topics)))
        })
        .mut_subcommand("dev", |c| {
            c.mut_subcommand("new", |c| c.mut_arg("after", |a| a.add(steps())))
        })
}

/// Answer a completion request (`COMPLETE=SHELL learn ...`) and exit; an
/// ordinary run returns at once.
pub fn answer_from_env() {
    CompleteEnv::with_factory(command).var(VAR).complete();
}

/// `learn completions SHELL`: the script that registers the completion,
/// the same one `COMPLETE=SHELL learn` prints.
pub fn script(sh: &mut Shell, shell: CompletionShell) -> Result<Exit> {
    let shells = Shells::builtins();
    let completer = shells
        .completer(shell.name())
        .with_context(|| format!("clap_complete does not know the shell {}", shell.name()))?;
    let name = Cli::command().get_name().to_owned();
    let mut script = Vec::new();
    completer
        .write_registration(VAR, &name, &name, &callback(), &mut script)
        .context("cannot write the completion script")?;
    sh.out().write_all(&script)?;
    Ok(Exit::Success)
}

/// How the script calls learn back: as it was called now (`learn` from the
/// PATH), or by its absolute path when it was called by a relative one.
fn callback() -> String {
    let arg0 = std::env::args_os()
        .next()
        .map_or_else(|| PathBuf::from("learn"), PathBuf::from);
    let path = if arg0.components().count() > 1 {
        std::path::absolute(&arg0).unwrap_or(arg0)
    } else {
        arg0
    };
    path.to_string_lossy().into_owned()
}

/// The course completion reads, as learn would for the line being
/// completed: its `--course DIR`, else LEARN_COURSE, else the nearest folder
/// holding info.toml (in learn's own repository, the learner's copy when
/// there is one). Read only; None when there is no course to read.
fn course() -> Option<Course> {
    let on_line = course_on_line(std::env::args_os().skip_while(|a| a != "--").skip(1));
    let root = match on_line.or_else(|| std::env::var_os("LEARN_COURSE").map(PathBuf::from)) {
        Some(dir) => dir,
        None => find_root(&std::env::current_dir().ok()?)?,
    };
    let root = builtin::learner_copy_path(&root)
        .filter(|copy| copy.join(INFO_FILE).is_file())
        .unwrap_or(root);
    Course::load(&root).ok()
}

/// The folder a command line's `--course DIR` (or `--course=DIR`) names;
/// the last one wins, as in the parser. `words` is the line as the shell
/// passes it, the program's name first.
fn course_on_line(words: impl Iterator<Item = std::ffi::OsString>) -> Option<PathBuf> {
    let mut found = None;
    let mut words = words.peekable();
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if word == "--course" {
            found = words.next().map(PathBuf::from);
        } else if let Some(dir) = word.to_str().and_then(|w| w.strip_prefix("--course=")) {
            found = Some(PathBuf::from(dir));
        }
    }
    found
}

/// Step names that start with `current`, with their titles.
fn steps(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(course) = course() else {
        return Vec::new();
    };
    step_candidates(&course, &current.to_string_lossy())
}

fn step_candidates(course: &Course, current: &str) -> Vec<CompletionCandidate> {
    course
        .steps
        .iter()
        .filter(|s| s.name.starts_with(current))
        .map(|s| CompletionCandidate::new(&s.name).help(Some(s.title.clone().into())))
        .collect()
}

/// A step, or after `STEP/` one of its exercises by number or file name.
fn targets(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(course) = course() else {
        return Vec::new();
    };
    target_candidates(&course, &current.to_string_lossy())
}

fn target_candidates(course: &Course, current: &str) -> Vec<CompletionCandidate> {
    let Some((name, rest)) = current.split_once('/') else {
        return step_candidates(course, current);
    };
    let Some(step) = course.steps.iter().find(|s| s.name == name) else {
        return Vec::new();
    };
    let path = |i: usize| Some(display(&step.exercises[i].path).into());
    let numbers = (0..step.exercises.len()).map(|i| (format!("{name}/{}", i + 1), i));
    let keys = step
        .exercises
        .iter()
        .enumerate()
        .map(|(i, e)| (format!("{name}/{}", e.key), i));
    numbers
        .chain(keys)
        .filter(|(value, _)| value[name.len() + 1..].starts_with(rest))
        .map(|(value, i)| CompletionCandidate::new(value).help(path(i)))
        .collect()
}

fn display(path: &Path) -> String {
    path.display().to_string()
}

/// The course's topics that start with `current`.
fn topics(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(course) = course() else {
        return Vec::new();
    };
    let current = current.to_string_lossy();
    let mut topics: Vec<&str> = Vec::new();
    for step in &course.steps {
        if step.topic.starts_with(current.as_ref()) && !topics.contains(&step.topic.as_str()) {
            topics.push(&step.topic);
        }
    }
    topics.into_iter().map(CompletionCandidate::new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(candidates: &[CompletionCandidate]) -> Vec<String> {
        candidates
            .iter()
            .map(|c| c.get_value().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn every_completed_argument_exists() {
        // mut_arg panics on an argument that does not exist.
        command().debug_assert();
    }

    #[test]
    fn the_course_named_on_the_line_is_the_one_completed() {
        let line = |words: &[&str]| course_on_line(words.iter().map(std::ffi::OsString::from));
        assert_eq!(line(&["learn", "run", ""]), None);
        assert_eq!(
            line(&["learn", "--course", "../c", "run", "tr"]),
            Some(PathBuf::from("../c"))
        );
        assert_eq!(
            line(&["learn", "run", "--course=a", "--course", "b", ""]),
            Some(PathBuf::from("b"))
        );
        // Still being typed: no folder yet.
        assert_eq!(line(&["learn", "--course"]), None);
    }

    #[test]
    fn steps_then_their_exercises_are_offered() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let course = Course::load(root).unwrap();
        assert_eq!(
            values(&target_candidates(&course, "trait")),
            ["traits", "trait_objects", "trait_toolbox"]
        );
        let step = &course.steps[course.step_index("borrowing").unwrap()];
        let all = values(&target_candidates(&course, "borrowing/"));
        assert_eq!(all.len(), 2 * step.exercises.len());
        assert_eq!(all[0], "borrowing/1");
        assert!(all.contains(&format!("borrowing/{}", step.exercises[1].key)));
        assert_eq!(values(&target_candidates(&course, "nosuch/")), [""; 0]);
        assert!(values(&step_candidates(&course, "")).len() == course.steps.len());
    }
}
