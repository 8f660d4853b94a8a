//! The crate as `cargo package` (and so `cargo publish` and `cargo install`
//! from crates.io) would ship it: the built-in course it embeds and the
//! tests' fixtures, nothing of a learner's.

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

use learn::course::Course;

#[test]
fn the_package_holds_the_course_it_embeds_and_nothing_of_a_learners() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = tempfile::tempdir().unwrap();
    let out = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["package", "--list", "--allow-dirty", "--offline"])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing = String::from_utf8(out.stdout).unwrap();
    let files: HashSet<&str> = listing.lines().collect();
    for wanted in [
        "Cargo.toml",
        "Cargo.lock",
        "README.md",
        "info.toml",
        "src/build.rs",
        "tests/fixtures/basic/info.toml",
        "tests/fixtures/rustlings/info.toml",
    ] {
        assert!(files.contains(wanted), "{wanted} is not packaged");
    }
    let text = std::fs::read_to_string(root.join("info.toml")).unwrap();
    let course = Course::parse(root, &text).unwrap_or_else(|p| panic!("{p:#?}"));
    for (_, exercise) in course.exercises() {
        for path in [Some(&exercise.path), exercise.solution.as_ref()]
            .into_iter()
            .flatten()
        {
            let path = path.to_string_lossy().replace('\\', "/");
            assert!(files.contains(path.as_str()), "{path} is not packaged");
        }
    }
    for file in &files {
        assert!(
            !file.starts_with("target/")
                && !file.starts_with("track/")
                && !file.split('/').any(|part| part == ".learn"),
            "{file} is packaged"
        );
    }
}
