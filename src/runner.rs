//! Compiling and running learners' code: finding rustc, the fast flags, time
//! and output limits, rustc's diagnostics, and the verdict cache.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::course::{Checks, Course, Exercise};

mod process;
mod toolchain;

use process::{Exec, exec};
pub use toolchain::Toolchain;

/// Bumped whenever what a verdict means changes, so old cached verdicts are ignored.
const CACHE_VERSION: &str = concat!("learn ", env!("CARGO_PKG_VERSION"), " cache 4");

/// How long and how loud a learner's program may be.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub timeout: Duration,
    pub output_cap: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(10),
            output_cap: 1 << 20,
        }
    }
}

/// Set from another thread to stop a check early (a newer save arrived).
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// How a check ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Passed,
    CompileError,
    ClippyFailed,
    TestsFailed,
    /// The program exited with a non-zero code.
    Failed,
    Panicked,
    WrongOutput,
    TimedOut,
    Flooded,
}

/// The result of checking one exercise.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Verdict {
    pub outcome: Outcome,
    /// rustc's (or clippy's) rendered diagnostics, with ANSI colour.
    pub diagnostics: String,
    /// Error codes rustc reported, in order, without repeats.
    pub error_codes: Vec<String>,
    /// The line (1-based) rustc's first error points at, in the compiled file.
    #[serde(default)]
    pub error_line: Option<usize>,
    pub stdout: String,
    pub stderr: String,
    pub exit_code: Option<i32>,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        self.outcome == Outcome::Passed
    }

    fn new(outcome: Outcome) -> Verdict {
        Verdict {
            outcome,
            diagnostics: String::new(),
            error_codes: Vec::new(),
            error_line: None,
            stdout: String::new(),
            stderr: String::new(),
            exit_code: None,
        }
    }
}

/// The result of a check that may have been cut short.
pub enum Checked {
    Done(Verdict),
    Cancelled,
}

/// rustc's JSON diagnostics, turned back into rendered text and error codes.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub rendered: String,
    pub error_codes: Vec<String>,
    /// The line of the primary span of the first error.
    pub error_line: Option<usize>,
}

impl Diagnostics {
    pub fn parse(stderr: &[u8]) -> Diagnostics {
        #[derive(Deserialize)]
        struct Line {
            rendered: Option<String>,
            level: Option<String>,
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
                    if l.level.as_deref() == Some("error") && d.error_line.is_none() {
                        d.error_line = l.spans.iter().find(|s| s.is_primary).map(|s| s.line_start);
                    }
                    if let (Some("error"), Some(code)) = (l.level.as_deref(), l.code)
                        && !d.error_codes.contains(&code.code)
                    {
                        d.error_codes.push(code.code);
                    }
                }
                // Not JSON: a linker error or a crash; show it as it is.
                Err(_) => {
                    d.rendered.push_str(line);
                    d.rendered.push('\n');
                }
            }
        }
        d
    }
}

/// One file to check, with the name its cache entries go under.
pub struct Job<'a> {
    /// Unique per file within a course: the step name, or `NAME.solution`.
    pub label: &'a str,
    pub source: &'a Path,
    pub checks: Checks,
    pub expected_output: Option<&'a str>,
}

impl<'a> Job<'a> {
    /// An exercise (or its solution, with a label of its own).
    pub fn exercise(exercise: &'a Exercise, label: &'a str, source: &'a Path) -> Job<'a> {
        Job {
            label,
            source,
            checks: exercise.checks,
            expected_output: exercise.expected_output.as_deref(),
        }
    }
}

/// Compiles and runs exercises of one course.
#[derive(Debug, Clone)]
pub struct Runner {
    pub toolchain: Toolchain,
    pub limits: Limits,
    edition: String,
    /// The course folder: programs run here.
    root: PathBuf,
    cache: PathBuf,
}

impl Runner {
    pub fn new(course: &Course, limits: Limits) -> Result<Runner> {
        let cache = crate::state::learn_dir(&course.root).join("cache");
        Ok(Runner {
            toolchain: Toolchain::find()?,
            limits,
            edition: course.edition.clone(),
            root: course.root.clone(),
            cache,
        })
    }

    /// The cache key of a job's file as it is now: content, flags and compiler.
    pub fn key(&self, job: &Job, content: &[u8]) -> String {
        let mut h = blake3::Hasher::new();
        for part in [
            CACHE_VERSION,
            self.toolchain.identity(),
            &self.edition,
            &format!("{:?}", job.checks),
            job.expected_output.unwrap_or("\u{0}"),
            &format!("{:?}", self.limits),
        ] {
            h.update(part.as_bytes());
            h.update(&[0]);
        }
        h.update(content);
        h.finalize().to_hex().to_string()
    }

    /// Check a file, reusing the last verdict when nothing that matters changed.
    pub fn check(&self, job: &Job, cancel: &Cancel) -> Result<Checked> {
        let content = std::fs::read(job.source)
            .with_context(|| format!("cannot read the exercise {}", job.source.display()))?;
        let key = self.key(job, &content);
        if let Some(v) = self.cached(job.label, &key) {
            return Ok(Checked::Done(v));
        }
        let checked = self.check_uncached(job, cancel)?;
        // A time-out may come from a busy machine rather than the code:
        // it is not kept, so the next check runs the program again.
        if let Checked::Done(v) = &checked
            && v.outcome != Outcome::TimedOut
        {
            self.store(job.label, &key, v);
        }
        Ok(checked)
    }

    fn verdict_file(&self, label: &str) -> PathBuf {
        self.cache.join("verdicts").join(format!("{label}.json"))
    }

    fn cached(&self, label: &str, key: &str) -> Option<Verdict> {
        #[derive(Deserialize)]
        struct Entry {
            key: String,
            verdict: Verdict,
        }
        let text = std::fs::read_to_string(self.verdict_file(label)).ok()?;
        let entry: Entry = serde_json::from_str(&text).ok()?;
        (entry.key == key).then_some(entry.verdict)
    }

    fn store(&self, label: &str, key: &str, verdict: &Verdict) {
        #[derive(Serialize)]
        struct Entry<'a> {
            key: &'a str,
            verdict: &'a Verdict,
        }
        let path = self.verdict_file(label);
        // A cache that cannot be written only costs a recompile next time.
        if let Ok(json) = serde_json::to_string(&Entry { key, verdict }) {
            let _ = crate::state::write_atomic(&path, json.as_bytes());
        }
    }

    /// Forget the cached verdict of a file.
    pub fn forget(&self, label: &str) {
        let _ = std::fs::remove_file(self.verdict_file(label));
    }

    fn check_uncached(&self, job: &Job, cancel: &Cancel) -> Result<Checked> {
        let bin_dir = self.cache.join("bin");
        std::fs::create_dir_all(&bin_dir)
            .with_context(|| format!("cannot create the cache folder {}", bin_dir.display()))?;
        crate::state::write_gitignore(self.cache.parent().unwrap_or(&self.cache));
        // Another learn (watch mode beside `learn verify`) building the same
        // file waits its turn: the binary and incremental folder are shared.
        let _lock = crate::state::lock(&bin_dir.join(format!("{}.lock", job.label)))?;
        let checks = job.checks;
        let test_bin = bin_dir.join(format!(
            "{}-test{}",
            job.label,
            std::env::consts::EXE_SUFFIX
        ));
        let run_bin = bin_dir.join(format!("{}{}", job.label, std::env::consts::EXE_SUFFIX));

        // Build what is needed; when both a test and a normal build are needed, in parallel.
        let (test_build, run_build, clippy) = std::thread::scope(|s| {
            let test = checks
                .tests
                .then(|| s.spawn(|| self.build(job, &test_bin, true, cancel)));
            let clippy = checks.clippy.then(|| s.spawn(|| self.clippy(job, cancel)));
            let run = checks.run.then(|| self.build(job, &run_bin, false, cancel));
            (
                test.map(|h| h.join().expect("build thread")),
                run,
                clippy.map(|h| h.join().expect("clippy thread")),
            )
        });
        if cancel.is_cancelled() {
            return Ok(Checked::Cancelled);
        }
        let mut diagnostics = Diagnostics::default();
        let mut failed_build = false;
        for build in [&test_build, &run_build].into_iter().flatten() {
            let (ok, d) = build.as_ref().map_err(|e| anyhow::anyhow!("{e:#}"))?;
            failed_build |= !ok;
            // The same file compiled twice reports the same diagnostics: show them once.
            if diagnostics.rendered.is_empty() || !ok {
                diagnostics = Diagnostics {
                    rendered: d.rendered.clone(),
                    error_codes: d.error_codes.clone(),
                    error_line: d.error_line,
                };
            }
        }
        let mut verdict = Verdict::new(Outcome::Passed);
        verdict.diagnostics = diagnostics.rendered;
        verdict.error_codes = diagnostics.error_codes;
        verdict.error_line = diagnostics.error_line;
        if failed_build {
            verdict.outcome = Outcome::CompileError;
            return Ok(Checked::Done(verdict));
        }
        if let Some(clippy) = clippy {
            let (ok, d) = clippy?;
            if !ok {
                verdict.outcome = Outcome::ClippyFailed;
                verdict.diagnostics = d.rendered;
                return Ok(Checked::Done(verdict));
            }
        }
        if checks.tests {
            let mut cmd = Command::new(&test_bin);
            cmd.current_dir(&self.root);
            let exec = exec(cmd, self.limits, cancel)?;
            if exec.cancelled {
                return Ok(Checked::Cancelled);
            }
            self.judge(&mut verdict, &exec, None, Outcome::TestsFailed);
            if !verdict.passed() {
                return Ok(Checked::Done(verdict));
            }
        }
        if checks.run {
            let mut cmd = Command::new(&run_bin);
            cmd.current_dir(&self.root);
            let exec = exec(cmd, self.limits, cancel)?;
            if exec.cancelled {
                return Ok(Checked::Cancelled);
            }
            self.judge(&mut verdict, &exec, job.expected_output, Outcome::Failed);
        }
        Ok(Checked::Done(verdict))
    }

    /// Fill a verdict from a finished program.
    fn judge(&self, v: &mut Verdict, exec: &Exec, expected: Option<&str>, failure: Outcome) {
        v.stdout = String::from_utf8_lossy(&exec.stdout).into_owned();
        v.stderr = String::from_utf8_lossy(&exec.stderr).into_owned();
        v.exit_code = exec.status.and_then(|s| s.code());
        v.outcome = if exec.timed_out {
            Outcome::TimedOut
        } else if exec.flooded {
            Outcome::Flooded
        } else if exec.status.is_some_and(|s| s.success()) {
            match expected {
                Some(e) if v.stdout.trim_end() != e.trim_end() => Outcome::WrongOutput,
                _ => Outcome::Passed,
            }
        } else if failure == Outcome::Failed
            && (v.exit_code == Some(101) || v.stderr.contains("panicked at"))
        {
            Outcome::Panicked
        } else {
            failure
        };
    }

    /// Compile a file; Ok((compiled, diagnostics)).
    fn build(
        &self,
        job: &Job,
        out: &Path,
        test: bool,
        cancel: &Cancel,
    ) -> Result<(bool, Diagnostics)> {
        let kind = if test { "test" } else { "bin" };
        let incremental = self
            .cache
            .join("incremental")
            .join(format!("{}-{kind}", job.label));
        let mut cmd = self.toolchain.rustc(&self.edition, &incremental);
        if test {
            cmd.arg("--test");
        }
        cmd.arg("--crate-name")
            .arg(crate_name(job.label))
            .arg("-o")
            .arg(out);
        self.source_arg(&mut cmd, job.source);
        self.compile(cmd, cancel)
    }

    fn clippy(&self, job: &Job, cancel: &Cancel) -> Result<(bool, Diagnostics)> {
        let driver = self.toolchain.clippy_driver();
        if !driver.is_file() {
            bail!(
                "this step needs clippy, but {} does not exist: install it with `rustup component add clippy`",
                driver.display()
            );
        }
        let meta = self.cache.join("clippy");
        std::fs::create_dir_all(&meta)?;
        let mut cmd = Command::new(driver);
        cmd.arg("--edition")
            .arg(&self.edition)
            .args(["--error-format=json", "--json=diagnostic-rendered-ansi"])
            .args(["--emit=metadata", "-D", "warnings", "--crate-name"])
            .arg(crate_name(job.label))
            .arg("--out-dir")
            .arg(&meta);
        self.source_arg(&mut cmd, job.source);
        // Like rustlings' `cargo clippy --profile test`: lint the tests too.
        cmd.arg("--test");
        self.compile(cmd, cancel)
    }

    /// Name the source relative to the course folder, so diagnostics show
    /// `exercises/…` as the learner sees it in the course.
    fn source_arg(&self, cmd: &mut Command, source: &Path) {
        match source.strip_prefix(&self.root) {
            Ok(rel) => cmd.current_dir(&self.root).arg(rel),
            Err(_) => cmd.arg(source),
        };
    }

    fn compile(&self, cmd: Command, cancel: &Cancel) -> Result<(bool, Diagnostics)> {
        // rustc itself is trusted, but never allowed to hang the tool.
        let limits = Limits {
            timeout: Duration::from_secs(300),
            output_cap: 16 << 20,
        };
        let exec = exec(cmd, limits, cancel)?;
        if exec.timed_out {
            bail!("rustc took more than 5 minutes and was stopped");
        }
        let ok = exec.status.is_some_and(|s| s.success());
        Ok((ok, Diagnostics::parse(&exec.stderr)))
    }

    /// Compile and run a standalone program (a tracing question) in a scratch folder.
    pub fn run_program(&self, label: &str, program: &str, cancel: &Cancel) -> Result<Checked> {
        let dir = self.cache.join("programs");
        std::fs::create_dir_all(&dir)?;
        let source = dir.join(format!("{label}.rs"));
        // An unchanged program is not rewritten: its cached verdict stands.
        if std::fs::read(&source).ok().as_deref() != Some(program.as_bytes()) {
            crate::state::write_atomic(&source, program.as_bytes())?;
        }
        let job = Job {
            label,
            source: &source,
            checks: Checks::RUN,
            expected_output: None,
        };
        self.check(&job, cancel)
    }
}

/// rustc wants a crate name made of identifier characters.
fn crate_name(label: &str) -> String {
    let name: String = label
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_keep_rendering_and_codes() {
        let stderr = br#"{"rendered":"error[E0382]: borrow of moved value\n","level":"error","code":{"code":"E0382"},"spans":[{"is_primary":false,"line_start":2},{"is_primary":true,"line_start":4}]}
{"rendered":"error: aborting due to 1 previous error\n","level":"error","code":null}
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
    }

    /// A runner for a one-step course in a temp folder.
    fn runner() -> (tempfile::TempDir, Runner) {
        let dir = tempfile::tempdir().unwrap();
        for f in ["exercises/one.rs", "solutions/one.rs"] {
            std::fs::create_dir_all(dir.path().join(f).parent().unwrap()).unwrap();
            std::fs::write(dir.path().join(f), "fn main() {}\n").unwrap();
        }
        let info = "format_version = 1\n[course]\ntitle = \"T\"\n[[steps]]\nname = \"one\"\ntitle = \"One\"\ntopic = \"t\"\nlevel = \"beginner\"\npath = \"exercises/one.rs\"\nmode = \"run\"\n";
        let course = Course::parse(dir.path(), info).unwrap();
        let runner = Runner::new(&course, Limits::default()).unwrap();
        (dir, runner)
    }

    #[test]
    fn the_cache_key_covers_content_checks_and_expected_output() {
        let (dir, runner) = runner();
        let source = dir.path().join("exercises/one.rs");
        let job = |checks, expected_output| Job {
            label: "one",
            source: &source,
            checks,
            expected_output,
        };
        let base = runner.key(&job(Checks::RUN, None), b"fn main() {}");
        assert_eq!(base, runner.key(&job(Checks::RUN, None), b"fn main() {}"));
        assert_ne!(base, runner.key(&job(Checks::RUN, None), b"fn main() { }"));
        assert_ne!(base, runner.key(&job(Checks::TEST, None), b"fn main() {}"));
        assert_ne!(
            base,
            runner.key(&job(Checks::RUN, Some("x")), b"fn main() {}")
        );
    }

    #[test]
    fn a_stored_verdict_is_found_only_under_its_key() {
        let (_dir, runner) = runner();
        let mut v = Verdict::new(Outcome::WrongOutput);
        v.stdout = "42\n".into();
        runner.store("one", "key-a", &v);
        let found = runner.cached("one", "key-a").expect("cached");
        assert_eq!(found.outcome, Outcome::WrongOutput);
        assert_eq!(found.stdout, "42\n");
        assert!(runner.cached("one", "key-b").is_none());
        runner.forget("one");
        assert!(runner.cached("one", "key-a").is_none());
    }

    #[test]
    fn an_unchanged_file_is_answered_from_the_cache() {
        let (dir, runner) = runner();
        let source = dir.path().join("exercises/one.rs");
        let job = Job {
            label: "one",
            source: &source,
            checks: Checks::RUN,
            expected_output: None,
        };
        let Checked::Done(first) = runner.check(&job, &Cancel::default()).unwrap() else {
            panic!("not cancelled")
        };
        assert!(first.passed());
        // Replace the cached verdict: a second check must return it untouched.
        let key = runner.key(&job, &std::fs::read(&source).unwrap());
        runner.store("one", &key, &Verdict::new(Outcome::Panicked));
        let Checked::Done(second) = runner.check(&job, &Cancel::default()).unwrap() else {
            panic!("not cancelled")
        };
        assert_eq!(second.outcome, Outcome::Panicked);
    }

    #[test]
    fn crate_names_are_identifiers() {
        assert_eq!(crate_name("move.solution"), "move_solution");
        assert_eq!(crate_name("1st"), "_1st");
    }
}
