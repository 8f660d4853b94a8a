//! `learn dev new STEP/FILE`: add an exercise to an existing step (starter,
//! solution and a `[[steps.exercises]]` entry). A step that still names its
//! one exercise with `path` is rewritten into the `[[steps.exercises]]` form
//! first; everything else in info.toml stays as it is.

use std::path::Path;

use anyhow::{Context, Result, bail};
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use super::new::{number_positions, shift_positions, starter};
use crate::cli::NewMode;
use crate::course::{INFO_FILE, is_valid_name};
use crate::files;
use crate::session::Exit;
use crate::shell::Shell;

/// The files and text of a new exercise, ready to be written.
#[derive(Debug)]
pub struct Added {
    /// Relative to the course folder.
    pub exercise: String,
    pub solution: String,
    pub source: String,
    /// The whole new info.toml.
    pub info: String,
    /// The exercise's number in its step (1-based).
    pub number: usize,
}

/// Keys of a one-exercise step that belong to the exercise, not the step.
const EXERCISE_KEYS: [&str; 6] = [
    "path",
    "mode",
    "solution",
    "expected_output",
    "starter_passes",
    "allow",
];

pub fn run(sh: &mut Shell, root: &Path, step: &str, file: &str, mode: NewMode) -> Result<Exit> {
    let info_path = root.join(INFO_FILE);
    let text = std::fs::read_to_string(&info_path)
        .with_context(|| format!("cannot read {}", info_path.display()))?;
    let a = add(&text, step, file, mode)?;
    for rel in [&a.exercise, &a.solution] {
        if root.join(rel).exists() {
            bail!(
                "{rel} already exists: `learn dev new` never overwrites a file. Choose another file name, or move the file away."
            );
        }
    }
    for rel in [&a.exercise, &a.solution] {
        let path = root.join(rel);
        files::write_atomic(&path, a.source.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    files::write_atomic(&info_path, a.info.as_bytes())
        .with_context(|| format!("cannot write {}", info_path.display()))?;
    let out = sh.out();
    writeln!(out, "Added exercise {} to step `{step}`:", a.number)?;
    writeln!(
        out,
        "  {:<40} the starter (the same as the solution for now)",
        a.exercise
    )?;
    writeln!(out, "  {:<40} the reference solution", a.solution)?;
    writeln!(
        out,
        "Next: write the solution, break the starter, replace the TODO hints in {INFO_FILE}, then run `learn dev check`."
    )?;
    Ok(Exit::Success)
}

/// Work out the new exercise without touching the disk.
pub fn add(text: &str, step: &str, file: &str, mode: NewMode) -> Result<Added> {
    if !is_valid_name(file) {
        bail!(
            "`{file}` is not a valid exercise file name: use lowercase letters, digits and '_' (no .rs), for example `traits2`"
        );
    }
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        anyhow::anyhow!(
            "{INFO_FILE} is not valid TOML: {}\nFix it first (`learn dev check` shows where).",
            e.message()
        )
    })?;
    if doc.contains_key("exercises") {
        bail!(
            "this is a rustlings-format course, with one exercise per step: add a step with `learn dev new NAME` instead"
        );
    }
    let root = doc.as_table_mut();
    let Some(steps) = root.get_mut("steps").and_then(Item::as_array_of_tables_mut) else {
        bail!("{INFO_FILE} has no [[steps]] to add an exercise to");
    };
    let Some(table) = steps
        .iter_mut()
        .find(|t| t.get("name").and_then(Item::as_str) == Some(step))
    else {
        bail!(
            "no step `{step}` in {INFO_FILE}: give the name of an existing step (`learn list` shows them)"
        );
    };
    let mut new_tables = Vec::new();
    if table.contains_key("path") {
        new_tables.push(exercise_of_step(table));
    }
    let existing = exercises(table);
    let first_path = existing
        .first()
        .or(new_tables.first())
        .and_then(|t| t.get("path").and_then(Item::as_str))
        .unwrap_or("exercises/x.rs")
        .to_owned();
    let dir = Path::new(&first_path)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let exercise = format!("{dir}/{file}.rs");
    let under = Path::new(&exercise)
        .strip_prefix("exercises")
        .unwrap_or(Path::new(&exercise))
        .to_string_lossy()
        .into_owned();
    let solution = format!("solutions/{under}");
    let mut new = Table::new();
    new["path"] = value(exercise.clone());
    new["mode"] = value(mode.name());
    new["hints"] = value(toml_edit::Array::from_iter([
        "TODO: a first nudge",
        "TODO: a hint close to the answer",
    ]));
    new_tables.push(new);
    let number = existing.len() + new_tables.len();

    // Tables print in the order of their positions: the new ones go right
    // after the step's last exercise (or the step itself), before its questions.
    let anchor = existing
        .iter()
        .filter_map(|t| t.position())
        .chain(table.position())
        .max()
        .unwrap_or(0);
    let count = new_tables.len() as isize;
    shift_positions(root, anchor, count);
    let mut next = anchor + 1;
    for t in &mut new_tables {
        number_positions(t, &mut next);
    }
    let steps = root["steps"].as_array_of_tables_mut().expect("found above");
    let table = steps
        .iter_mut()
        .find(|t| t.get("name").and_then(Item::as_str) == Some(step))
        .expect("found above");
    let list = table
        .entry("exercises")
        .or_insert(Item::ArrayOfTables(ArrayOfTables::new()))
        .as_array_of_tables_mut()
        .context("`exercises` of this step is not a list of [[steps.exercises]] tables")?;
    for t in new_tables {
        list.push(t);
    }
    Ok(Added {
        source: starter(file, mode.name(), false),
        info: doc.to_string(),
        exercise,
        solution,
        number,
    })
}

/// The exercises a step lists already.
fn exercises(step: &Table) -> Vec<Table> {
    step.get("exercises")
        .and_then(Item::as_array_of_tables)
        .map(|a| a.iter().cloned().collect())
        .unwrap_or_default()
}

/// Take a one-exercise step's exercise fields out into a table of their own.
fn exercise_of_step(step: &mut Table) -> Table {
    let mut first = Table::new();
    for key in EXERCISE_KEYS {
        if let Some(item) = step.remove(key) {
            first[key] = item;
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    const INFO: &str = r#"format_version = 1

[course]
title = "T"

[[steps]]
name = "one"
title = "One"
topic = "basics"
level = "beginner"
path = "exercises/01_basics/one.rs"
mode = "run"
expected_output = "hi"
hints = ["a hint"]

[[steps.mcq]]
prompt = "?"
choices = ["a", "b"]
answer = "a"

[[steps]]
name = "two"
title = "Two"
topic = "basics"
level = "beginner"
path = "exercises/01_basics/two.rs"
mode = "test"
"#;

    #[test]
    fn a_one_exercise_step_gets_the_exercises_form_and_a_second_exercise() {
        let a = add(INFO, "one", "one_more", NewMode::Test).unwrap();
        assert_eq!(a.exercise, "exercises/01_basics/one_more.rs");
        assert_eq!(a.solution, "solutions/01_basics/one_more.rs");
        assert_eq!(a.number, 2);
        let one =
            &a.info[a.info.find("name = \"one\"").unwrap()..a.info.find("name = \"two\"").unwrap()];
        let first = one.find("[[steps.exercises]]\npath = \"exercises/01_basics/one.rs\"\nmode = \"run\"\nexpected_output = \"hi\"").expect(one);
        let second = one.find("[[steps.exercises]]\npath = \"exercises/01_basics/one_more.rs\"\nmode = \"test\"\nhints = [").expect(one);
        let mcq = one.find("[[steps.mcq]]").unwrap();
        assert!(first < second && second < mcq, "{one}");
        // The step keeps what belongs to the step.
        assert!(one.contains("hints = [\"a hint\"]"), "{one}");
        // A third goes after the second.
        let b = add(&a.info, "one", "last", NewMode::Run).unwrap();
        assert_eq!(b.number, 3);
        let last = b.info.find("one_more.rs").unwrap();
        assert!(
            b.info[last..].find("last.rs").unwrap() < b.info[last..].find("[[steps.mcq]]").unwrap()
        );
    }

    #[test]
    fn bad_requests_say_what_to_do() {
        let e = add(INFO, "nine", "x", NewMode::Run).unwrap_err();
        assert!(e.to_string().contains("no step `nine`"), "{e}");
        let e = add(INFO, "one", "Bad-Name", NewMode::Run).unwrap_err();
        assert!(
            e.to_string().contains("not a valid exercise file name"),
            "{e}"
        );
        let e = add(
            "format_version = 1\n[[exercises]]\nname = \"a\"\n",
            "a",
            "b",
            NewMode::Run,
        )
        .unwrap_err();
        assert!(e.to_string().contains("rustlings-format"), "{e}");
    }
}
