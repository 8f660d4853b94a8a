//! The layers of `src/` (documented in src/lib.rs): a module may import only
//! from layers below its own. This test reads every file, finds each
//! `crate::MODULE` it names, and fails on an upward or sideways import,
//! naming the file, the line and the import.

use std::path::{Path, PathBuf};

/// Every top-level module and its layer. A new module must be placed here.
const LAYERS: &[(&str, u8)] = &[
    ("cli", 0),
    ("text", 0),
    ("files", 0),
    ("process", 0),
    ("shell", 1),
    ("course", 1),
    ("progress", 2),
    ("workspace", 2),
    ("runner", 3),
    ("grade", 3),
    ("schedule", 3),
    ("builtin", 3),
    ("session", 4),
    ("ui", 4),
    ("term", 4),
    ("commands", 5),
    ("watch", 5),
    ("quiz", 5),
    ("stats", 5),
    ("dev", 5),
    ("completion", 5),
    ("manpage", 5),
    ("app", 6),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The top-level module a file under `src/` belongs to.
fn module_of(rel: &Path) -> Option<String> {
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
    (!matches!(name.as_str(), "lib" | "main" | "build")).then_some(name)
}

/// The modules a line names as `crate::MODULE`.
fn imports(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if let Some(brace) = after.strip_prefix('{') {
            // `use crate::{a, b::c}`: every name at the top of the braces.
            for part in brace.split(['}', ',']) {
                let n: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !n.is_empty() {
                    found.push(n);
                }
            }
        } else if !name.is_empty() {
            found.push(name);
        }
        rest = after;
    }
    found
}

/// Every import that breaks the layering, as `file:line: why`.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (rel, text) in files {
        let Some(own) = module_of(Path::new(rel)) else {
            continue;
        };
        let Some(own_layer) = layer(&own) else {
            found.push(format!(
                "src/{rel}: module `{own}` has no layer: add it to LAYERS in tests/architecture.rs and to the table in src/lib.rs"
            ));
            continue;
        };
        for (n, line) in text.lines().enumerate() {
            for target in imports(line) {
                if target == own {
                    continue;
                }
                match layer(&target) {
                    Some(l) if l < own_layer => {}
                    Some(l) => found.push(format!(
                        "src/{rel}:{}: `{}`: {own} (layer {own_layer}) may not import {target} (layer {l}); move what it needs down a layer",
                        n + 1,
                        line.trim()
                    )),
                    None => {}
                }
            }
        }
    }
    found
}

fn rust_files(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path: PathBuf = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, base, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            out.push((rel, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn imports_only_point_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &src, &mut files);
    assert!(files.len() > 20, "found only {} files", files.len());
    let found = violations(&files);
    assert!(found.is_empty(), "upward imports:\n{}", found.join("\n"));
}

#[test]
fn an_upward_or_sideways_import_is_named_with_its_line() {
    let files = vec![
        (
            "course.rs".to_owned(),
            "use crate::text::LineIndex;\nuse crate::session::Ctx;\n".to_owned(),
        ),
        (
            "quiz/ask.rs".to_owned(),
            "use crate::{grade, stats::when};\n".to_owned(),
        ),
        ("newthing.rs".to_owned(), String::new()),
    ];
    let found = violations(&files);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(
        found[0].starts_with("src/course.rs:2: `use crate::session::Ctx;`: course (layer 1) may not import session (layer 4)"),
        "{}",
        found[0]
    );
    assert!(found[1].starts_with("src/quiz/ask.rs:1:"), "{}", found[1]);
    assert!(
        found[1].contains("may not import stats (layer 5)"),
        "{}",
        found[1]
    );
    assert!(
        found[2].contains("module `newthing` has no layer"),
        "{}",
        found[2]
    );
}

#[test]
fn the_layers_in_the_test_are_the_layers_in_the_docs() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    for (module, layer) in LAYERS {
        let row = lib
            .lines()
            .find(|l| l.starts_with(&format!("//! | {layer} |")))
            .unwrap_or_else(|| panic!("no row for layer {layer} in src/lib.rs"));
        assert!(
            row.contains(&format!("`{module}`")),
            "{module} is not in layer {layer}'s row: {row}"
        );
    }
}
