//! A small builder for integration tests: a temp copy of a fixture course
//! and the `learn` binary pointed at it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub const BIN: &str = env!("CARGO_BIN_EXE_learn");

/// A course copied into a temp folder; tests never touch the originals.
pub struct TempCourse {
    pub dir: tempfile::TempDir,
}

impl TempCourse {
    /// A copy of tests/fixtures/NAME.
    pub fn fixture(name: &str) -> TempCourse {
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&src, dir.path());
        TempCourse { dir }
    }

    /// A copy of the built-in course, written by `learn init`.
    pub fn builtin() -> TempCourse {
        let dir = tempfile::tempdir().unwrap();
        let out = std::process::Command::new(BIN)
            .arg("init")
            .arg(dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        TempCourse { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// `learn ARGS` run inside the course folder.
    pub fn learn(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::new(BIN);
        cmd.current_dir(self.root())
            .env_remove("LEARN_COURSE")
            .env("NO_COLOR", "1")
            .env("RUST_BACKTRACE", "0");
        cmd
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Replace an exercise with its solution.
    pub fn solve(&self, name: &str) {
        let solution = self.read(&format!("solutions/{name}.rs"));
        self.write(&format!("exercises/{name}.rs"), &solution);
    }

    pub fn progress(&self) -> String {
        std::fs::read_to_string(self.path(".learn/progress.toml")).unwrap_or_default()
    }
}

pub fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let target = dst.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() == ".learn" {
                continue;
            }
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

pub fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Collect a child's output into a string that grows as the child writes.
pub fn capture(
    mut out: impl std::io::Read + Send + 'static,
) -> std::sync::Arc<std::sync::Mutex<String>> {
    let text = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let sink = std::sync::Arc::clone(&text);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    text
}
