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

/// `learn` in a pseudo-terminal of a given size, read through a terminal
/// emulator (vt100), so a test sees the screen a learner sees.
pub struct Tty {
    session: rexpect::session::PtySession,
    parser: vt100::Parser,
}

impl Tty {
    /// `learn ARGS` in `course`, on a terminal of `rows` x `cols`.
    pub fn spawn(course: &TempCourse, args: &[&str], rows: u16, cols: u16) -> Tty {
        let mut line = format!("stty rows {rows} cols {cols}; exec '{BIN}'");
        for a in args {
            line.push_str(&format!(" '{a}'"));
        }
        Tty::spawn_shell(course, &line, rows, cols)
    }

    /// A shell command line in `course`, on a terminal of `rows` x `cols`.
    pub fn spawn_shell(course: &TempCourse, line: &str, rows: u16, cols: u16) -> Tty {
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c")
            .arg(line)
            .current_dir(course.root())
            .env("TERM", "xterm-256color")
            .env_remove("LEARN_COURSE")
            .env_remove("NO_COLOR");
        let session = rexpect::session::spawn_with_options(
            cmd,
            rexpect::reader::Options::new()
                .timeout_ms(Some(60_000))
                .strip_ansi_escape_codes(false),
        )
        .unwrap();
        Tty {
            session,
            parser: vt100::Parser::new(
                std::num::NonZeroU16::new(rows).unwrap(),
                std::num::NonZeroU16::new(cols).unwrap(),
                0,
            ),
        }
    }

    /// Read what the program wrote so far into the emulated screen.
    fn pump(&mut self) {
        // The reader hands out each byte as a char.
        let mut bytes = Vec::new();
        while let Some(c) = self.session.try_read() {
            bytes.push(c as u32 as u8);
        }
        self.parser.process(&bytes);
    }

    /// The screen's text, row by row (a no-break space read as a space:
    /// learn uses them to keep a key and its word on one row).
    pub fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents().replace('\u{a0}', " ")
    }

    /// The screen's rows, each exactly as wide as the terminal.
    pub fn rows(&mut self) -> Vec<String> {
        self.pump();
        let (_, cols) = self.parser.screen().size();
        self.parser
            .screen()
            .rows(0, cols.get())
            .map(|r| r.replace('\u{a0}', " "))
            .collect()
    }

    /// Wait until the screen shows `text`; the screen then.
    pub fn wait_for(&mut self, text: &str) -> String {
        let start = std::time::Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < std::time::Duration::from_secs(60),
                "timed out waiting for {text:?}; the screen:\n{screen}"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.session.send(keys).unwrap();
        self.session.flush().unwrap();
    }

    pub fn send_control(&mut self, c: char) {
        self.session.send_control(c).unwrap();
    }

    /// Wait for the program to end; the screen then.
    pub fn wait_exit(&mut self) -> String {
        self.pump();
        let rest = self.session.exp_eof().unwrap();
        let bytes: Vec<u8> = rest.chars().map(|c| c as u32 as u8).collect();
        self.parser.process(&bytes);
        self.parser.screen().contents()
    }

    /// The letter a choice is shown under on the screen.
    pub fn letter_of(&mut self, choice: &str) -> char {
        let screen = self.screen();
        screen
            .lines()
            .rev()
            .find_map(|l| {
                let t = l.trim();
                (t.get(3..).map(str::trim_end) == Some(choice)).then(|| t.chars().next().unwrap())
            })
            .unwrap_or_else(|| panic!("no choice {choice:?} on the screen:\n{screen}"))
    }
}

impl TempCourse {
    /// A one-step course (step `one`, run mode) whose exercise is `program`.
    pub fn with_program(program: &str) -> TempCourse {
        let dir = tempfile::tempdir().unwrap();
        let c = TempCourse { dir };
        c.write(
            "info.toml",
            "format_version = 1\n[course]\ntitle = \"One program\"\nedition = \"2021\"\n\n\
             [[steps]]\nname = \"one\"\ntitle = \"One\"\ntopic = \"t\"\nlevel = \"beginner\"\n\
             path = \"exercises/one.rs\"\nmode = \"run\"\nhints = [\"first\", \"second\", \"third\"]\n",
        );
        c.write("exercises/one.rs", program);
        c.write("solutions/one.rs", program);
        c
    }

    /// Whether a process whose command line contains `needle` is running.
    pub fn running(needle: &str) -> bool {
        let out = std::process::Command::new("pgrep")
            .arg("-f")
            .arg(needle)
            .output()
            .unwrap();
        !out.stdout.is_empty()
    }
}
