//! `learn dev`: instructor commands. `dev new` scaffolds a step, `dev check`
//! proves the whole course right (and runs in CI), `dev report` sums up a
//! class's progress files.

mod check;
mod doc;
mod exercise;
mod lint;
mod new;
mod probe;
mod report;

use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{Global, NewMode};
use crate::course::Course;
use crate::session::{self, Exit};
use crate::shell::Shell;

pub use check::Options as CheckOptions;
pub use report::Options as ReportOptions;

/// `learn dev check [--json] [--strict]`: exit 0 when the course is right, 1
/// with one line per problem otherwise. A course that does not load is
/// reported the same way, as problems, not as an error.
pub fn check(sh: &mut Shell, global: &Global, options: CheckOptions) -> Result<Exit> {
    let root = session::course_root(global)?;
    check::run(
        sh,
        &root,
        session::limits(global),
        global.compile_timeout,
        options,
    )
}

/// `learn dev new NAME [--topic T] [--mode run|test] [--after STEP]`, or
/// `learn dev new STEP/FILE [--mode run|test]` for one more exercise.
pub fn new(
    sh: &mut Shell,
    global: &Global,
    name: &str,
    topic: &str,
    mode: NewMode,
    after: Option<&str>,
) -> Result<Exit> {
    let root = session::course_root(global)?;
    if let Some((step, file)) = name.split_once('/') {
        if after.is_some() {
            anyhow::bail!("--after places a new step; an exercise goes at the end of its step");
        }
        return exercise::run(sh, &root, step, file, mode);
    }
    new::run(
        sh,
        &root,
        &new::Request {
            name,
            topic,
            mode,
            after,
        },
    )
}

/// `learn dev report [--json | --csv[=TABLE]] [--min-learners N] PATH...`:
/// the learners' files are read, never written.
pub fn report(
    sh: &mut Shell,
    global: &Global,
    paths: &[PathBuf],
    options: ReportOptions,
) -> Result<Exit> {
    let course = Course::load(&session::course_root(global)?)?;
    report::run(sh, &course, paths, options)
}
