//! `learn dev new`: scaffold a step (starter, solution, info.toml entry)
//! whose placeholders `learn dev check` rejects until the instructor fills
//! them. info.toml is edited in place with toml_edit, so its comments and
//! layout stay as they are.

use std::path::Path;

use anyhow::{Context, Result, bail};
use toml_edit::{DocumentMut, Item, Table, value};

use super::doc::Doc;
use crate::cli::NewMode;
use crate::course::{INFO_FILE, is_valid_name};
use crate::files;
use crate::session::Exit;
use crate::shell::Shell;

/// What to create.
pub struct Request<'a> {
    pub name: &'a str,
    pub topic: &'a str,
    pub mode: NewMode,
    pub after: Option<&'a str>,
}

/// The files and text of a new step, ready to be written.
#[derive(Debug)]
pub struct Scaffold {
    /// Relative to the course folder.
    pub exercise: String,
    pub solution: String,
    pub source: String,
    /// The whole new info.toml.
    pub info: String,
    /// The step the new one follows, if any.
    pub after: Option<String>,
    /// Where the new step is in info.toml.
    pub index: usize,
}

pub fn run(sh: &mut Shell, root: &Path, req: &Request) -> Result<Exit> {
    let info_path = root.join(INFO_FILE);
    let text = std::fs::read_to_string(&info_path)
        .with_context(|| format!("cannot read {}", info_path.display()))?;
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let s = scaffold(&text, req, &today)?;
    for rel in [&s.exercise, &s.solution] {
        if root.join(rel).exists() {
            bail!(
                "{rel} already exists: `learn dev new` never overwrites a file. Choose another step name, or move the file away."
            );
        }
    }
    let mut written = Vec::new();
    let result = (|| -> Result<()> {
        for rel in [&s.exercise, &s.solution] {
            let path = root.join(rel);
            files::write_atomic(&path, s.source.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            written.push(path);
        }
        files::write_atomic(&info_path, s.info.as_bytes())
            .with_context(|| format!("cannot write {}", info_path.display()))
    })();
    if let Err(e) = result {
        // Leave the course as it was: no half-added step.
        for path in written {
            let _ = std::fs::remove_file(path);
        }
        return Err(e);
    }

    let line = Doc::parse(&s.info).field_line(s.index, "name").unwrap_or(1);
    let place = s
        .after
        .as_ref()
        .map_or("at the start".to_owned(), |a| format!("after `{a}`"));
    let out = sh.out();
    writeln!(out, "Added step `{}` {place}:", req.name)?;
    writeln!(
        out,
        "  {:<40} the starter (the same as the solution for now)",
        s.exercise
    )?;
    writeln!(out, "  {:<40} the reference solution", s.solution)?;
    writeln!(
        out,
        "  {:<40} its entry, with TODO placeholders",
        format!("{INFO_FILE}:{line}")
    )?;
    writeln!(
        out,
        "Next: write the solution, break the starter the way the lesson teaches, replace every TODO in {INFO_FILE}, then run `learn dev check`."
    )?;
    Ok(Exit::Success)
}

/// Work out the new step without touching the disk.
pub fn scaffold(text: &str, req: &Request, today: &str) -> Result<Scaffold> {
    let name = req.name;
    if !is_valid_name(name) {
        bail!(
            "`{name}` is not a valid step name: use lowercase letters, digits and '_' only, for example `ownership2`"
        );
    }
    if req.topic.trim().is_empty() {
        bail!(
            "--topic must not be empty: give the topic the step belongs to, for example --topic ownership"
        );
    }
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        anyhow::anyhow!(
            "{INFO_FILE} is not valid TOML: {}\nFix it first (`learn dev check` shows where), then run `learn dev new` again.",
            e.message()
        )
    })?;
    let rustlings = doc.contains_key("exercises");
    let key = if rustlings { "exercises" } else { "steps" };
    if !doc.contains_key(key) {
        doc.insert(key, Item::ArrayOfTables(Default::default()));
    }
    let Some(steps) = doc.get(key).and_then(Item::as_array_of_tables) else {
        bail!(
            "{INFO_FILE} writes `{key}` as an inline array; `learn dev new` can only add to [[{key}]] tables"
        );
    };

    let existing: Vec<Existing> = steps.iter().map(|t| Existing::read(t, rustlings)).collect();
    if let Some(at) = existing.iter().position(|e| e.name == name) {
        bail!(
            "a step named `{name}` already exists in {INFO_FILE} (step {}): choose another name",
            at + 1
        );
    }
    let index = match req.after {
        Some(after) => {
            1 + existing.iter().position(|e| e.name == after).with_context(|| {
                format!(
                    "no step `{after}` in {INFO_FILE}: --after takes the name of an existing step (`learn list` shows them)"
                )
            })?
        }
        None => existing.len(),
    };
    let after = index.checked_sub(1).map(|i| existing[i].name.clone());

    let dir = choose_dir(&existing, req.topic);
    let file = if dir.is_empty() {
        format!("{name}.rs")
    } else {
        format!("{dir}/{name}.rs")
    };
    let exercise = format!("exercises/{file}");
    let solution = format!("solutions/{file}");

    let mut table = if rustlings {
        rustlings_entry(name, &dir, req.mode.name())?
    } else {
        learn_entry(name, req.topic, &exercise, req.mode.name(), today)?
    };
    table.decor_mut().set_prefix("\n");

    // Tables are printed in the order of their positions: make room after
    // the step the new one follows, so it lands right there.
    let root = doc.as_table_mut();
    let anchor = match index.checked_sub(1) {
        Some(i) => root[key]
            .as_array_of_tables()
            .and_then(|a| a.get(i))
            .and_then(max_position),
        None => None,
    }
    .or_else(|| max_position_before(root, key))
    .unwrap_or(0);
    let added = count_tables(&table) as isize;
    shift_positions(root, anchor, added);
    number_positions(&mut table, &mut (anchor + 1));

    let steps = root[key]
        .as_array_of_tables_mut()
        .expect("checked to be [[steps]] above");
    let mut tables: Vec<Table> = steps.iter().cloned().collect();
    tables.insert(index, table);
    steps.clear();
    for t in tables {
        steps.push(t);
    }

    Ok(Scaffold {
        exercise,
        solution,
        source: starter(name, req.mode.name(), rustlings),
        info: doc.to_string(),
        after,
        index,
    })
}

/// What a new step needs to know about the steps already there.
struct Existing {
    name: String,
    topic: String,
    /// The folder under exercises/ ("" when the file is directly in it).
    dir: String,
}

impl Existing {
    fn read(t: &Table, rustlings: bool) -> Existing {
        let get = |k: &str| {
            t.get(k)
                .and_then(Item::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let dir = if rustlings {
            get("dir")
        } else {
            // A step's own `path`, or that of its first `[[steps.exercises]]`.
            let first_exercise = || {
                t.get("exercises")
                    .and_then(Item::as_array_of_tables)
                    .and_then(|a| a.iter().next())
                    .and_then(|e| e.get("path"))
                    .and_then(Item::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            let path = Some(get("path"))
                .filter(|p| !p.is_empty())
                .unwrap_or_else(first_exercise);
            Path::new(&path)
                .strip_prefix("exercises")
                .ok()
                .and_then(Path::parent)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        Existing {
            name: get("name"),
            topic: if rustlings { get("dir") } else { get("topic") },
            dir,
        }
    }
}

/// Next to the existing steps of the same topic; else a new numbered folder
/// (`NN_topic`) when the course numbers its folders; else where the others are.
fn choose_dir(existing: &[Existing], topic: &str) -> String {
    let slug: String = topic
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if let Some(e) = existing.iter().rev().find(|e| e.topic == topic) {
        return e.dir.clone();
    }
    let number = |dir: &str| -> Option<u32> {
        let (n, rest) = dir.split_once('_')?;
        (n.len() == 2 && !rest.is_empty()).then(|| n.parse().ok())?
    };
    if let Some(e) = existing
        .iter()
        .find(|e| e.dir == slug || number(&e.dir).is_some() && e.dir[3..] == slug)
    {
        return e.dir.clone();
    }
    if number(&slug).is_some() {
        // The topic is a folder name already (`02_strings`).
        return slug;
    }
    let numbered = existing.iter().filter_map(|e| number(&e.dir)).max();
    match numbered {
        Some(n) => format!("{:02}_{slug}", n + 1),
        None if !existing.is_empty() && existing.iter().all(|e| e.dir.is_empty()) => String::new(),
        None if existing.is_empty() => format!("01_{slug}"),
        None => slug,
    }
}

fn learn_entry(name: &str, topic: &str, path: &str, mode: &str, today: &str) -> Result<Table> {
    let entry = format!(
        r#"[[steps]]
name = "{name}"
title = "TODO: the step's title"
topic = ""
level = "beginner"  # beginner | intermediate | advanced
path = "{path}"
mode = "{mode}"  # run: build and run, passes on exit 0; test: rustc --test, passes when every test passes
# expected_output = "..."  # run mode only: stdout must equal it
reading_minutes = 2
reviewed = "{today}"
error_codes = []  # real rustc error codes this step teaches, e.g. ["E0382"]
hints = [
    "TODO: a first nudge",
    "TODO: a hint close to the answer",
]
lesson = """
TODO: why it matters, the rules, a short example.
"""
must_know = ["TODO: a point a learner must be able to say without notes"]
discussion = ["TODO: a question to discuss"]

[[steps.mcq]]
prompt = "TODO: a question that tests understanding"
choices = ["TODO: a wrong choice", "TODO: the right choice"]
answer = "b"
explanations = ["TODO: the misconception behind this choice", "TODO: why this is right"]
explanation = "TODO: shown after the question is answered"

[[steps.trace]]
program = """
// TODO: a short program: does it compile, and what does it print?
fn main() {{
    println!("TODO");
}}
"""
compiles = true
output = "TODO"
panics = false
explanation = "TODO: why it prints that (or why rustc rejects it)"

[[steps.interview]]
question = "TODO: a question interviewers ask"
answer = "TODO: a crisp model answer"
"#
    );
    let mut table = first_table(&entry, "steps")?;
    // Set through toml_edit so that any topic text is quoted correctly.
    let decor = table
        .get("topic")
        .and_then(Item::as_value)
        .map(|v| v.decor().clone());
    table["topic"] = value(topic);
    if let (Some(decor), Some(v)) = (decor, table["topic"].as_value_mut()) {
        *v.decor_mut() = decor;
    }
    Ok(table)
}

fn rustlings_entry(name: &str, dir: &str, mode: &str) -> Result<Table> {
    let entry = format!(
        r#"[[exercises]]
name = "{name}"
dir = ""
test = {}
hint = """
TODO: a hint for learners who are stuck."""
"#,
        mode == "test"
    );
    let mut table = first_table(&entry, "exercises")?;
    if dir.is_empty() {
        table.remove("dir");
    } else {
        table["dir"] = value(dir);
    }
    Ok(table)
}

fn first_table(text: &str, key: &str) -> Result<Table> {
    let doc: DocumentMut = text.parse().context("the step template is valid TOML")?;
    doc.get(key)
        .and_then(Item::as_array_of_tables)
        .and_then(|a| a.get(0))
        .cloned()
        .context("the step template holds one table")
}

/// The starter and the solution: the same file at first, so `learn dev
/// check` fails until the instructor writes both.
pub(super) fn starter(name: &str, mode: &str, rustlings: bool) -> String {
    let head = format!(
        "// TODO: say what the learner must do in `{name}`, then write the solution\n\
         // and break this starter the way the lesson teaches. While the starter\n\
         // and the solution are the same file, `learn dev check` reports it.\n"
    );
    if mode == "test" {
        let main = if rustlings {
            "\nfn main() {\n    // You can experiment here.\n}\n"
        } else {
            ""
        };
        format!(
            "{head}\nfn answer() -> i32 {{\n    42\n}}\n{main}\n#[cfg(test)]\nmod tests {{\n    use super::*;\n\n    // TODO: the tests are the spec the learner codes against.\n    #[test]\n    fn works() {{\n        assert_eq!(answer(), 42);\n    }}\n}}\n"
        )
    } else {
        format!("{head}\nfn main() {{\n    println!(\"Hello from {name}!\");\n}}\n")
    }
}

fn count_tables(t: &Table) -> usize {
    1 + t
        .iter()
        .map(|(_, item)| match item {
            Item::Table(t) => count_tables(t),
            Item::ArrayOfTables(a) => a.iter().map(count_tables).sum(),
            _ => 0,
        })
        .sum::<usize>()
}

/// The largest position of a table and the tables inside it.
fn max_position(t: &Table) -> Option<isize> {
    let inner = t.iter().filter_map(|(_, item)| match item {
        Item::Table(t) => max_position(t),
        Item::ArrayOfTables(a) => a.iter().filter_map(max_position).max(),
        _ => None,
    });
    t.position().into_iter().chain(inner).max()
}

/// With no step to follow: the last position of everything but the steps.
fn max_position_before(root: &Table, key: &str) -> Option<isize> {
    let others = root
        .iter()
        .filter(|(k, _)| *k != key)
        .filter_map(|(_, item)| match item {
            Item::Table(t) => max_position(t),
            Item::ArrayOfTables(a) => a.iter().filter_map(max_position).max(),
            _ => None,
        });
    root.position().into_iter().chain(others).max()
}

/// Move every table after `anchor` down by `by` positions.
pub(super) fn shift_positions(t: &mut Table, anchor: isize, by: isize) {
    if let Some(p) = t.position()
        && p > anchor
    {
        t.set_position(Some(p + by));
    }
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(t) => shift_positions(t, anchor, by),
            Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    shift_positions(t, anchor, by);
                }
            }
            _ => {}
        }
    }
}

/// Give a new table and its sub-tables consecutive positions, in order.
pub(super) fn number_positions(t: &mut Table, next: &mut isize) {
    t.set_position(Some(*next));
    *next += 1;
    for (_, item) in t.iter_mut() {
        match item {
            Item::Table(t) => number_positions(t, next),
            Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    number_positions(t, next);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INFO: &str = r#"# A course.
format_version = 1

[course]
title = "T"   # the title

[[steps]]
name = "one"
title = "One"
topic = "basics"
level = "beginner"
path = "exercises/01_basics/one.rs"
mode = "run"

[[steps.mcq]]
prompt = "?"   # keep me
choices = ["a", "b"]
answer = "a"

# The second step.
[[steps]]
name = "two"
title = "Two"
topic = "ownership"
level = "beginner"
path = "exercises/02_ownership/two.rs"
mode = "test"
"#;

    fn req<'a>(name: &'a str, topic: &'a str, after: Option<&'a str>) -> Request<'a> {
        Request {
            name,
            topic,
            mode: NewMode::Run,
            after,
        }
    }

    #[test]
    fn inserts_after_a_step_keeping_everything_else() {
        let s = scaffold(INFO, &req("new_one", "basics", Some("one")), "2026-01-02").unwrap();
        let at = INFO.find("\n# The second step.").unwrap();
        assert!(s.info.starts_with(&INFO[..at]), "{}", s.info);
        assert!(s.info.ends_with(&INFO[at..]), "{}", s.info);
        let added = &s.info[at..s.info.len() - (INFO.len() - at)];
        assert!(
            added.starts_with("\n[[steps]]\nname = \"new_one\""),
            "{added}"
        );
        assert!(added.contains("[[steps.mcq]]"), "{added}");
        assert!(added.contains("[[steps.interview]]"), "{added}");
        assert!(added.contains("reviewed = \"2026-01-02\""), "{added}");
        assert_eq!(s.exercise, "exercises/01_basics/new_one.rs");
        assert_eq!(s.solution, "solutions/01_basics/new_one.rs");
        assert_eq!(s.index, 1);
        assert_eq!(s.after.as_deref(), Some("one"));
    }

    #[test]
    fn appends_at_the_end_in_a_new_numbered_folder() {
        let s = scaffold(INFO, &req("traits1", "traits", None), "2026-01-02").unwrap();
        assert!(s.info.starts_with(INFO), "{}", s.info);
        assert_eq!(s.exercise, "exercises/03_traits/traits1.rs");
        let doc: DocumentMut = s.info.parse().unwrap();
        let steps = doc["steps"].as_array_of_tables().unwrap();
        assert_eq!(steps.len(), 3);
        assert_eq!(steps.get(2).unwrap()["topic"].as_str(), Some("traits"));
    }

    #[test]
    fn a_step_with_several_exercises_keeps_its_folder_for_the_next_steps() {
        let info = "format_version = 1\n[course]\ntitle = \"T\"\n\n[[steps]]\nname = \"aaa\"\ntitle = \"A\"\ntopic = \"basics\"\nlevel = \"beginner\"\n\n[[steps.exercises]]\npath = \"exercises/01_basics/aaa.rs\"\nmode = \"run\"\n";
        let s = scaffold(info, &req("bbb", "other", None), "2026-01-02").unwrap();
        assert_eq!(s.exercise, "exercises/02_other/bbb.rs");
        let s = scaffold(info, &req("ccc", "basics", None), "2026-01-02").unwrap();
        assert_eq!(s.exercise, "exercises/01_basics/ccc.rs");
        // A topic given as a numbered folder is not numbered again.
        let s = scaffold(info, &req("ddd", "07_strings", None), "2026-01-02").unwrap();
        assert_eq!(s.exercise, "exercises/07_strings/ddd.rs");
    }

    #[test]
    fn refuses_bad_names_and_steps() {
        let e = scaffold(INFO, &req("two", "x", None), "d").unwrap_err();
        assert!(e.to_string().contains("`two` already exists"), "{e}");
        let e = scaffold(INFO, &req("Two-2", "x", None), "d").unwrap_err();
        assert!(e.to_string().contains("not a valid step name"), "{e}");
        let e = scaffold(INFO, &req("three", "x", Some("nine")), "d").unwrap_err();
        assert!(e.to_string().contains("no step `nine`"), "{e}");
    }

    #[test]
    fn rustlings_entries() {
        let info = "format_version = 1\n\n[[exercises]]\nname = \"intro1\"\ndir = \"00_intro\"\ntest = false\nhint = \"h\"\n";
        let mut r = req("vecs1", "vecs", None);
        r.mode = NewMode::Test;
        let s = scaffold(info, &r, "d").unwrap();
        assert_eq!(s.exercise, "exercises/01_vecs/vecs1.rs");
        assert!(
            s.info.ends_with("[[exercises]]\nname = \"vecs1\"\ndir = \"01_vecs\"\ntest = true\nhint = \"\"\"\nTODO: a hint for learners who are stuck.\"\"\"\n"),
            "{}",
            s.info
        );
        assert!(s.source.contains("fn main()"), "{}", s.source);
    }
}
