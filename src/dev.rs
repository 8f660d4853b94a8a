//! `learn dev`: instructor commands. `dev new` scaffolds a step, `dev check`
//! proves the whole course right (and runs in CI).

mod check;
mod doc;
mod lint;
mod new;
mod probe;

use anyhow::Result;

use crate::cli::Global;

pub use check::Options as CheckOptions;

/// `learn dev check [--json] [--strict]`: exit 0 when the course is right, 1
/// with one line per problem otherwise. A course that does not load is
/// reported the same way, as problems, not as an error.
pub fn check(global: &Global, options: CheckOptions) -> Result<u8> {
    let root = crate::app::course_root(global)?;
    check::run(&root, crate::app::limits(global)?, options)
}

/// `learn dev new NAME [--topic T] [--mode run|test] [--after STEP]`
pub fn new(
    global: &Global,
    name: &str,
    topic: &str,
    mode: &str,
    after: Option<&str>,
) -> Result<u8> {
    let root = crate::app::course_root(global)?;
    new::run(
        &root,
        &new::Request {
            name,
            topic,
            mode,
            after,
        },
    )
}
