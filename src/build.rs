//! Build script: embed the built-in course, only the files its info.toml
//! names (every exercise and its solution), so nothing else that sits in
//! exercises/ or solutions/ (an editor's swap file, a learner's scratch
//! file) ever ships, and editing such a file does not rebuild learn.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let info = root.join("info.toml");
    println!("cargo::rerun-if-changed={}", info.display());
    let text = std::fs::read_to_string(&info).expect("info.toml is readable");
    let doc: toml::Table = text
        .parse()
        .expect("info.toml is TOML (learn dev check says more)");
    let mut files: Vec<String> = Vec::new();
    for step in doc
        .get("steps")
        .and_then(|s| s.as_array())
        .into_iter()
        .flatten()
    {
        let exercises: Vec<&toml::Value> = match step.get("exercises").and_then(|e| e.as_array()) {
            Some(list) => list.iter().collect(),
            None => vec![step],
        };
        for exercise in exercises {
            let Some(path) = exercise.get("path").and_then(|p| p.as_str()) else {
                continue;
            };
            let path = normal(path);
            let solution = match exercise.get("solution").and_then(|p| p.as_str()) {
                Some(s) => normal(s),
                None => {
                    let under = Path::new(&path)
                        .strip_prefix("exercises")
                        .unwrap_or(Path::new(&path));
                    Path::new("solutions")
                        .join(under)
                        .to_string_lossy()
                        .into_owned()
                }
            };
            files.push(path);
            files.push(solution);
        }
    }
    let mut out = String::from(
        "/// The built-in course's files: (path in the course, contents).\npub static FILES: &[(&str, &[u8])] = &[\n",
    );
    for file in &files {
        let full = root.join(file);
        println!("cargo::rerun-if-changed={}", full.display());
        if full.is_file() {
            let _ = writeln!(
                out,
                "    ({file:?}, include_bytes!({:?})),",
                full.display().to_string()
            );
        }
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it")).join("builtin.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

/// A relative path without `./` parts, with `/` separators.
fn normal(path: &str) -> String {
    Path::new(path)
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}
