//! What a check found: the outcome, rustc's diagnostics, the program's
//! output; and how a finished process becomes an outcome.

use serde::{Deserialize, Serialize};

use crate::process::{Ended, Exec};

/// How a check ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Passed,
    CompileError,
    ClippyFailed,
    TestsFailed,
    /// The program exited with a non-zero code, or was killed by its own
    /// fault (a crash).
    Failed,
    Panicked,
    WrongOutput,
    /// The program ran longer than the time limit.
    TimedOut,
    /// The program printed more than the output cap.
    Flooded,
    /// The program needed more memory than the memory limit.
    OutOfMemory,
    /// rustc ran longer than the compile time limit.
    CompileTimedOut,
    /// Not the learner's code: no linker, a broken cache folder, a rustc
    /// crash, the program killed from outside. `Verdict::diagnostics` says
    /// what happened and how to fix it.
    Environment,
}

impl Outcome {
    /// Whether the verdict is the learner's code's own result, the same on
    /// every run, and so may be cached. A time-out may come from a busy
    /// machine, an environment failure from the machine.
    pub fn is_reproducible(self) -> bool {
        !matches!(
            self,
            Outcome::TimedOut | Outcome::CompileTimedOut | Outcome::Environment
        )
    }
}

/// The result of checking one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub outcome: Outcome,
    /// rustc's (or clippy's) rendered diagnostics, with ANSI colour; for an
    /// environment failure, what happened and the fix.
    pub diagnostics: String,
    /// Error codes rustc reported, in order, without repeats.
    pub error_codes: Vec<String>,
    /// The line (1-based) rustc's first error points at, in the compiled file.
    #[serde(default)]
    pub error_line: Option<usize>,
    pub stdout: String,
    pub stderr: String,
    pub exit_code: Option<i32>,
    /// The signal that ended the program, if one did.
    #[serde(default)]
    pub signal: Option<i32>,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        self.outcome == Outcome::Passed
    }

    pub fn new(outcome: Outcome) -> Verdict {
        Verdict {
            outcome,
            diagnostics: String::new(),
            error_codes: Vec::new(),
            error_line: None,
            stdout: String::new(),
            stderr: String::new(),
            exit_code: None,
            signal: None,
        }
    }

    /// An environment failure: what happened, and what to do.
    pub fn environment(message: impl Into<String>) -> Verdict {
        Verdict {
            diagnostics: message.into(),
            ..Verdict::new(Outcome::Environment)
        }
    }

    /// The names of the tests that failed, from the test harness's output.
    pub fn failed_tests(&self) -> Vec<&str> {
        self.stdout
            .lines()
            .filter_map(|l| l.strip_prefix("test ")?.strip_suffix(" ... FAILED"))
            .collect()
    }

    /// Fill the verdict from a finished program. `failure` is the outcome of
    /// a plain failure (tests failing, or a non-zero exit).
    pub fn judge(&mut self, exec: &Exec, expected: Option<&str>, failure: Outcome) {
        self.stdout = String::from_utf8_lossy(&exec.stdout).into_owned();
        self.stderr = String::from_utf8_lossy(&exec.stderr).into_owned();
        self.exit_code = exec.ended.and_then(Ended::code);
        self.signal = match exec.ended {
            Some(Ended::Signal(s)) => Some(s),
            _ => None,
        };
        self.outcome = if exec.timed_out {
            Outcome::TimedOut
        } else if exec.flooded {
            Outcome::Flooded
        } else if self.stderr.contains("memory allocation of") && self.exit_code != Some(0) {
            Outcome::OutOfMemory
        } else if let Some(s) = self.signal.filter(|&s| from_outside(s)) {
            self.diagnostics = format!(
                "The program was stopped from outside learn by signal {s} ({}): learn did not stop it, so this says nothing about your code. \
                 If the machine is short of memory, close other programs; then check again (r in watch mode).",
                signal_name(s)
            );
            Outcome::Environment
        } else if exec.ended.is_some_and(Ended::success) {
            match expected {
                Some(e) if self.stdout.trim_end() != e.trim_end() => Outcome::WrongOutput,
                _ => Outcome::Passed,
            }
        } else if failure == Outcome::Failed
            && (self.exit_code == Some(101) || self.stderr.contains("panicked at"))
        {
            Outcome::Panicked
        } else {
            failure
        };
    }
}

/// Signals a program does not send itself when it crashes: someone else
/// (the out-of-memory killer, a user's `kill`) stopped it.
fn from_outside(signal: i32) -> bool {
    matches!(signal, 1 | 2 | 9 | 15)
}

pub fn signal_name(signal: i32) -> &'static str {
    match signal {
        1 => "SIGHUP",
        2 => "SIGINT",
        4 => "SIGILL",
        6 => "SIGABRT",
        7 => "SIGBUS",
        8 => "SIGFPE",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        13 => "SIGPIPE",
        15 => "SIGTERM",
        _ => "a signal",
    }
}

/// rustc's JSON diagnostics, turned back into rendered text and error codes.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    pub rendered: String,
    pub error_codes: Vec<String>,
    /// The line of the primary span of the first error.
    pub error_line: Option<usize>,
    /// The messages of the errors, to tell a broken environment from a
    /// mistake in the code.
    pub errors: Vec<String>,
}

impl Diagnostics {
    pub fn parse(stderr: &[u8]) -> Diagnostics {
        #[derive(Deserialize)]
        struct Line {
            rendered: Option<String>,
            level: Option<String>,
            message: Option<String>,
            code: Option<Code>,
            #[serde(default)]
            spans: Vec<Span>,
        }
        #[derive(Deserialize)]
        struct Code {
            code: String,
        }
        #[derive(Deserialize)]
        struct Span {
            is_primary: bool,
            line_start: usize,
        }
        let mut d = Diagnostics::default();
        for line in String::from_utf8_lossy(stderr).lines() {
            match serde_json::from_str::<Line>(line) {
                Ok(l) => {
                    if let Some(r) = l.rendered {
                        d.rendered.push_str(&r);
                    }
                    if l.level.as_deref() == Some("error") {
                        if d.error_line.is_none() {
                            d.error_line =
                                l.spans.iter().find(|s| s.is_primary).map(|s| s.line_start);
                        }
                        if let Some(m) = l.message {
                            d.errors.push(m);
                        }
                        if let Some(code) = l.code
                            && !d.error_codes.contains(&code.code)
                        {
                            d.error_codes.push(code.code);
                        }
                    }
                }
                // Not JSON: a linker error or a crash; show it as it is.
                Err(_) => {
                    d.rendered.push_str(line);
                    d.rendered.push('\n');
                    d.errors.push(line.to_owned());
                }
            }
        }
        d
    }

    /// When a failed compile is the machine's fault, not the code's: what
    /// happened and the fix. `exit_code` is rustc's.
    pub fn environment_failure(&self, exit_code: Option<i32>, cache: &str) -> Option<String> {
        let said = |needle: &str| self.errors.iter().any(|e| e.contains(needle));
        if said("linker `") && said("not found") {
            return Some(format!(
                "rustc could not find a linker to build the program:\n{}\n\
                 Install a C linker: on Debian or Ubuntu `sudo apt install gcc`, on Fedora `sudo dnf install gcc`, \
                 on macOS `xcode-select --install`, on Windows the Visual Studio Build Tools (C++ workload). Then check again.",
                self.rendered.trim_end()
            ));
        }
        if exit_code == Some(101)
            || said("internal compiler error")
            || said("unexpectedly panicked")
        {
            return Some(format!(
                "rustc crashed (an internal compiler error) on this file: that is a bug in rustc, not in your code.\n{}\n\
                 Update Rust (`rustup update`), or change the code around the line it names; then check again.",
                self.rendered.trim_end()
            ));
        }
        let cache_trouble = self.error_codes.is_empty()
            && (said("incremental compilation") || said(cache) || said("Permission denied"));
        if cache_trouble {
            return Some(format!(
                "rustc could not use learn's build cache:\n{}\n\
                 Remove the folder {cache} (learn rebuilds it) and check that you may write to the course folder; then check again.",
                self.rendered.trim_end()
            ));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_keep_rendering_codes_and_the_first_error_line() {
        let stderr = br#"{"rendered":"error[E0382]: borrow of moved value\n","level":"error","message":"borrow of moved value","code":{"code":"E0382"},"spans":[{"is_primary":false,"line_start":2},{"is_primary":true,"line_start":4}]}
{"rendered":"error: aborting due to 1 previous error\n","level":"error","message":"aborting due to 1 previous error","code":null}
{"rendered":"error[E0382]: again\n","level":"error","code":{"code":"E0382"}}
linker said something
"#;
        let d = Diagnostics::parse(stderr);
        assert_eq!(d.error_codes, vec!["E0382"]);
        assert_eq!(d.error_line, Some(4));
        assert!(
            d.rendered
                .starts_with("error[E0382]: borrow of moved value\n")
        );
        assert!(d.rendered.ends_with("linker said something\n"));
        assert_eq!(d.environment_failure(Some(1), ".learn/cache"), None);
    }

    #[test]
    fn a_broken_environment_is_told_apart_from_a_broken_program() {
        let linker = br#"{"rendered":"error: linker `cc` not found\n","level":"error","message":"linker `cc` not found","code":null}"#;
        let d = Diagnostics::parse(linker);
        let why = d.environment_failure(Some(1), ".learn/cache").unwrap();
        assert!(why.contains("sudo apt install gcc"), "{why}");
        let ice = Diagnostics::parse(b"thread 'rustc' panicked at compiler/x.rs\n");
        assert!(
            ice.environment_failure(Some(101), "c")
                .unwrap()
                .contains("internal compiler error")
        );
        let cache = br#"{"rendered":"error: could not create incremental compilation crate directory\n","level":"error","message":"could not create incremental compilation crate directory","code":null}"#;
        let d = Diagnostics::parse(cache);
        assert!(
            d.environment_failure(Some(1), "/c/.learn/cache")
                .unwrap()
                .contains("Remove the folder")
        );
    }

    fn exec(ended: Option<Ended>, stdout: &str, stderr: &str) -> Exec {
        Exec {
            ended,
            stdout: stdout.into(),
            stderr: stderr.into(),
            timed_out: false,
            flooded: false,
            cancelled: false,
        }
    }

    #[test]
    fn outcomes_of_a_finished_program() {
        let judge = |e: Exec, expected: Option<&str>| {
            let mut v = Verdict::new(Outcome::Passed);
            v.judge(&e, expected, Outcome::Failed);
            v
        };
        assert_eq!(
            judge(exec(Some(Ended::Exit(0)), "42\n", ""), Some("42")).outcome,
            Outcome::Passed
        );
        assert_eq!(
            judge(exec(Some(Ended::Exit(0)), "41\n", ""), Some("42")).outcome,
            Outcome::WrongOutput
        );
        assert_eq!(
            judge(
                exec(Some(Ended::Exit(101)), "", "thread 'main' panicked at"),
                None
            )
            .outcome,
            Outcome::Panicked
        );
        assert_eq!(
            judge(exec(Some(Ended::Exit(3)), "", ""), None).outcome,
            Outcome::Failed
        );
        let oom = judge(
            exec(
                Some(Ended::Signal(6)),
                "",
                "memory allocation of 21474836480 bytes failed\n",
            ),
            None,
        );
        assert_eq!(oom.outcome, Outcome::OutOfMemory);
        let killed = judge(exec(Some(Ended::Signal(9)), "", ""), None);
        assert_eq!(killed.outcome, Outcome::Environment);
        assert!(
            killed.diagnostics.contains("SIGKILL"),
            "{}",
            killed.diagnostics
        );
        assert!(!killed.outcome.is_reproducible());
        // A crash of the program's own (stack overflow aborts) is its verdict.
        let crash = judge(
            exec(
                Some(Ended::Signal(6)),
                "",
                "thread 'main' has overflowed its stack\n",
            ),
            None,
        );
        assert_eq!(crash.outcome, Outcome::Failed);
        assert_eq!(crash.signal, Some(6));
    }

    #[test]
    fn failed_tests_are_named() {
        let mut v = Verdict::new(Outcome::TestsFailed);
        v.stdout = "running 2 tests\ntest tests::a ... ok\ntest tests::b ... FAILED\n".into();
        assert_eq!(v.failed_tests(), ["tests::b"]);
    }
}
