//! Compiling and running learners' code: rustc with the fast flags, the
//! program under its limits in a controlled environment, and the verdict
//! cache.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::course::{Checks, Course, Exercise};
use crate::files;
use crate::process::{self, Cancel, Kind, Limits};

mod toolchain;
mod verdict;

pub use toolchain::Toolchain;
pub use verdict::{Diagnostics, Outcome, Verdict, signal_name};

/// Bumped whenever what a verdict means changes, so old cached verdicts are ignored.
const CACHE_VERSION: &str = concat!("learn ", env!("CARGO_PKG_VERSION"), " cache 5");

/// Variables that would change a verdict if the learner's environment set
/// them: backtraces in panic messages, the test harness's threads, order and
/// capture, unstable features and compiler logging. Learners' programs, the
/// test harness and rustc run without them (and with `RUST_BACKTRACE=0`).
pub const CONTROLLED_ENV: [&str; 12] = [
    "RUST_BACKTRACE",
    "RUST_LIB_BACKTRACE",
    "RUST_TEST_THREADS",
    "RUST_TEST_NOCAPTURE",
    "RUST_TEST_SHUFFLE",
    "RUST_TEST_SHUFFLE_SEED",
    "RUST_TEST_TIME_UNIT",
    "RUST_TEST_TIME_INTEGRATION",
    "RUST_MIN_STACK",
    "RUSTC_BOOTSTRAP",
    "RUSTC_LOG",
    "RUSTC_ICE",
];

/// The environment every compile and run starts from.
fn controlled(cmd: &mut Command) {
    for var in CONTROLLED_ENV {
        cmd.env_remove(var);
    }
    // rustc writes crash reports into the current folder unless told not to.
    cmd.env("RUST_BACKTRACE", "0").env("RUSTC_ICE", "0");
}

/// The result of a check that may have been cut short.
pub enum Checked {
    Done(Verdict),
    Cancelled,
}

/// One file to check, with the name its cache entries go under.
pub struct Job<'a> {
    /// Unique per file within a course (`Step::exercise_label`, or that
    /// with `.solution`); safe as a file name.
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

/// Compiles and runs the files of one course.
#[derive(Debug, Clone)]
pub struct Runner {
    pub toolchain: Toolchain,
    pub limits: Limits,
    /// How long rustc may take on one file.
    pub compile_timeout: Duration,
    edition: String,
    /// The course folder: programs run here.
    root: PathBuf,
    cache: PathBuf,
}

impl Runner {
    pub fn new(course: &Course, limits: Limits, compile_timeout: Duration) -> Result<Runner> {
        Ok(Runner {
            toolchain: Toolchain::find()?,
            limits,
            compile_timeout,
            edition: course.edition.clone(),
            root: course.root.clone(),
            cache: files::learn_dir(&course.root).join("cache"),
        })
    }

    /// The cache key of a job's file as it is now: content, flags, limits,
    /// the controlled environment and the compiler.
    pub fn key(&self, job: &Job, content: &[u8]) -> String {
        let mut h = blake3::Hasher::new();
        for part in [
            CACHE_VERSION,
            self.toolchain.identity(),
            &self.edition,
            &format!("{:?}", job.checks),
            job.expected_output.unwrap_or("\u{0}"),
            &format!("{:?}", self.limits),
            &CONTROLLED_ENV.join(","),
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
        if let Checked::Done(v) = &checked
            && v.outcome.is_reproducible()
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
            let _ = files::write_cache(&path, json.as_bytes());
        }
    }

    /// Forget the cached verdict of a file.
    pub fn forget(&self, label: &str) {
        let _ = std::fs::remove_file(self.verdict_file(label));
    }

    fn check_uncached(&self, job: &Job, cancel: &Cancel) -> Result<Checked> {
        let bin_dir = self.cache.join("bin");
        if let Err(e) = std::fs::create_dir_all(&bin_dir) {
            return Ok(Checked::Done(Verdict::environment(format!(
                "learn cannot create its build cache {}: {e}.\nCheck that you may write to the course folder, or remove what is in the way; then check again.",
                bin_dir.display()
            ))));
        }
        files::write_gitignore(self.cache.parent().unwrap_or(&self.cache));
        // Another learn (watch mode beside `learn verify`) building the same
        // file waits its turn: the binary and incremental folder are shared.
        let _lock = files::lock(&bin_dir.join(format!("{}.lock", job.label)))?;
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
        let mut verdict = Verdict::new(Outcome::Passed);
        let mut failed_build = false;
        for build in [test_build, run_build].into_iter().flatten() {
            match build? {
                Built::Done(ok, d) => {
                    // The same file compiled twice reports the same diagnostics: show them once.
                    if verdict.diagnostics.is_empty() || !ok {
                        verdict.diagnostics = d.rendered;
                        verdict.error_codes = d.error_codes;
                        verdict.error_line = d.error_line;
                    }
                    failed_build |= !ok;
                }
                Built::Stopped(v) => return Ok(Checked::Done(v)),
            }
        }
        if failed_build {
            verdict.outcome = Outcome::CompileError;
            return Ok(Checked::Done(verdict));
        }
        if let Some(clippy) = clippy {
            match clippy? {
                Built::Done(true, _) => {}
                Built::Done(false, d) => {
                    verdict.outcome = Outcome::ClippyFailed;
                    verdict.diagnostics = d.rendered;
                    return Ok(Checked::Done(verdict));
                }
                Built::Stopped(v) => return Ok(Checked::Done(v)),
            }
        }
        for (wanted, bin, failure, expected) in [
            (checks.tests, &test_bin, Outcome::TestsFailed, None),
            (checks.run, &run_bin, Outcome::Failed, job.expected_output),
        ] {
            if !wanted {
                continue;
            }
            let mut cmd = Command::new(bin);
            cmd.current_dir(&self.root);
            controlled(&mut cmd);
            let exec = process::exec(cmd, &self.limits, cancel, Kind::Program)?;
            if exec.cancelled {
                return Ok(Checked::Cancelled);
            }
            verdict.judge(&exec, expected, failure);
            if !verdict.passed() {
                break;
            }
        }
        Ok(Checked::Done(verdict))
    }

    /// Compile a file.
    fn build(&self, job: &Job, out: &Path, test: bool, cancel: &Cancel) -> Result<Built> {
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

    fn clippy(&self, job: &Job, cancel: &Cancel) -> Result<Built> {
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
    /// `exercises/…` as the learner sees it in the course. A name starting
    /// with `-` would be read as an option: `./` goes first.
    fn source_arg(&self, cmd: &mut Command, source: &Path) {
        let rel = match source.strip_prefix(&self.root) {
            Ok(rel) => {
                cmd.current_dir(&self.root);
                rel
            }
            Err(_) => source,
        };
        if rel.to_string_lossy().starts_with('-') {
            cmd.arg(Path::new(".").join(rel));
        } else {
            cmd.arg(rel);
        }
    }

    fn compile(&self, mut cmd: Command, cancel: &Cancel) -> Result<Built> {
        controlled(&mut cmd);
        // rustc itself is trusted, but never allowed to hang the tool.
        let limits = Limits {
            timeout: self.compile_timeout,
            output_cap: 16 << 20,
            memory: None,
        };
        let exec = process::exec(cmd, &limits, cancel, Kind::Tool)?;
        if exec.timed_out {
            let mut v = Verdict::new(Outcome::CompileTimedOut);
            v.diagnostics = format!(
                "rustc took longer than {} s on this file and was stopped. Look for a constant that never finishes evaluating \
                 (a `const` loop, deep recursion in a `const fn`), or raise the limit with --compile-timeout.",
                self.compile_timeout.as_secs_f64()
            );
            return Ok(Built::Stopped(v));
        }
        if let Some(process::Ended::Signal(s)) = exec.ended {
            return Ok(Built::Stopped(Verdict::environment(format!(
                "rustc was stopped by signal {s} ({}) before it finished: not by learn, and not because of your code. \
                 If the machine is short of memory, close other programs; then check again.",
                signal_name(s)
            ))));
        }
        let ok = exec.ended.is_some_and(process::Ended::success);
        let d = Diagnostics::parse(&exec.stderr);
        if !ok
            && let Some(why) = d.environment_failure(
                exec.ended.and_then(process::Ended::code),
                &self.cache.to_string_lossy(),
            )
        {
            return Ok(Built::Stopped(Verdict::environment(why)));
        }
        Ok(Built::Done(ok, d))
    }

    /// Compile and run a standalone program (a tracing question) in a scratch folder.
    pub fn run_program(&self, label: &str, program: &str, cancel: &Cancel) -> Result<Checked> {
        let dir = self.cache.join("programs");
        std::fs::create_dir_all(&dir)?;
        let source = dir.join(format!("{label}.rs"));
        // An unchanged program is not rewritten: its cached verdict stands.
        if std::fs::read(&source).ok().as_deref() != Some(program.as_bytes()) {
            files::write_cache(&source, program.as_bytes())?;
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

/// A finished compile, or a verdict that ends the check (rustc took too
/// long, the environment is broken).
enum Built {
    Done(bool, Diagnostics),
    Stopped(Verdict),
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

    const COMPILE_TIMEOUT: Duration = Duration::from_secs(60);

    /// A runner for a one-step course in a temp folder.
    fn runner() -> (tempfile::TempDir, Runner) {
        let dir = tempfile::tempdir().unwrap();
        for f in ["exercises/one.rs", "solutions/one.rs"] {
            std::fs::create_dir_all(dir.path().join(f).parent().unwrap()).unwrap();
            std::fs::write(dir.path().join(f), "fn main() {}\n").unwrap();
        }
        let info = "format_version = 1\n[course]\ntitle = \"T\"\n[[steps]]\nname = \"one\"\ntitle = \"One\"\ntopic = \"t\"\nlevel = \"beginner\"\npath = \"exercises/one.rs\"\nmode = \"run\"\n";
        let course = Course::parse(dir.path(), info).unwrap();
        let runner = Runner::new(&course, Limits::default(), COMPILE_TIMEOUT).unwrap();
        (dir, runner)
    }

    #[test]
    fn the_cache_key_covers_content_checks_expected_output_and_limits() {
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
        let mut smaller = runner.clone();
        smaller.limits.memory = Some(1 << 20);
        assert_ne!(base, smaller.key(&job(Checks::RUN, None), b"fn main() {}"));
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
