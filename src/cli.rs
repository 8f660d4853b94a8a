//! The command line: clap types only. The doc comments are the help text.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// A terminal trainer that takes you through a Rust track, step by step, until
/// you can pass a Rust interview.
///
/// Without a command, `learn` starts watch mode on the current step.
#[derive(Debug, Parser)]
#[command(name = "learn", version, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Args)]
pub struct Global {
    /// The course folder (the one holding info.toml). Default: the nearest
    /// folder holding info.toml, from the current folder upward.
    #[arg(long, global = true, value_name = "DIR", env = "LEARN_COURSE")]
    pub course: Option<PathBuf>,
    /// Seconds a learner's program may run before it is stopped.
    #[arg(long, global = true, value_name = "SECS", default_value = "10", value_parser = seconds)]
    pub timeout: Duration,
    /// Memory a learner's program may use (address space), such as 512M or
    /// 4G; `none` for no limit. Unix only.
    #[arg(long, global = true, value_name = "SIZE", default_value = "2G", value_parser = memory)]
    pub memory: Memory,
    /// Seconds rustc may take on one file before it is stopped.
    #[arg(long, global = true, value_name = "SECS", default_value = "60", value_parser = seconds)]
    pub compile_timeout: Duration,
    /// When to colour the output: auto (a terminal, unless NO_COLOR is set;
    /// CLICOLOR_FORCE forces it), always, never.
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

/// A memory limit in bytes; None: no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Memory(pub Option<u64>);

/// When to colour output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// A number of seconds: positive, at most a day.
fn seconds(s: &str) -> Result<Duration, String> {
    let n: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds (for example 10 or 2.5)"))?;
    if !(n.is_finite() && n > 0.0 && n <= 86_400.0) {
        return Err(format!(
            "{s} seconds is out of range: give a number above 0 and at most 86400 (a day)"
        ));
    }
    Ok(Duration::from_secs_f64(n))
}

/// 512M, 2G, 1048576, none.
fn memory(s: &str) -> Result<Memory, String> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("none") {
        return Ok(Memory(None));
    }
    let (digits, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: u64 = digits.parse().map_err(|_| {
        format!("`{s}` is not a size: write a number with K, M or G (512M, 4G), or `none`")
    })?;
    let factor: u64 = match unit
        .trim()
        .to_ascii_uppercase()
        .trim_end_matches("IB")
        .trim_end_matches('B')
    {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => {
            return Err(format!(
                "`{s}` has an unknown unit: use K, M or G (512M, 4G), or `none`"
            ));
        }
    };
    let bytes = n
        .checked_mul(factor)
        .filter(|&b| b >= 16 << 20)
        .ok_or_else(|| format!("{s} is out of range: give at least 16M"))?;
    Ok(Memory(Some(bytes)))
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Watch the exercises, recompile on every save, then ask the step's questions.
    Watch(WatchArgs),
    /// List every step with its state, and the overall progress.
    List {
        /// Print the same data as JSON (shape in the README).
        #[arg(long)]
        json: bool,
    },
    /// Check one exercise once and print the verdict.
    Run {
        /// STEP (its current exercise), STEP/N or STEP/FILE, by name or
        /// number (default: where you are).
        target: Option<String>,
        /// Print the verdict as JSON (shape in the README).
        #[arg(long)]
        json: bool,
    },
    /// Show the next hint of an exercise's hint ladder.
    Hint {
        /// STEP, STEP/N or STEP/FILE (default: where you are).
        target: Option<String>,
    },
    /// Show a step's lesson, must-know points and questions.
    Lesson {
        /// Step name or number (default: the current step).
        step: Option<String>,
        /// Also show the model answers of the interview questions.
        #[arg(long)]
        answers: bool,
        /// Rate how well you can explain this step in 30 seconds without notes (1-4).
        #[arg(long, value_name = "1-4", value_parser = clap::value_parser!(u8).range(1..=4))]
        confidence: Option<u8>,
        /// Print the lesson as JSON (shape in the README).
        #[arg(long)]
        json: bool,
    },
    /// Restore exercises exactly as shipped and clear their progress.
    Reset {
        /// STEP (every exercise of the step), or STEP/N or STEP/FILE (one).
        target: String,
    },
    /// Make a step (or one of its exercises) the current one.
    Jump {
        /// STEP, STEP/N or STEP/FILE.
        target: String,
    },
    /// Check every exercise, in parallel, and summarise.
    Verify {
        /// Print the results as JSON (shape in the README).
        #[arg(long)]
        json: bool,
    },
    /// Write the built-in course to a folder, to start learning from the binary alone.
    Init {
        /// The folder to create (it must not exist or must be empty).
        dir: PathBuf,
    },
    /// Drill the course's questions on a spaced-repetition schedule.
    Quiz(QuizArgs),
    /// Show progress per topic: done, accuracy, due reviews, confidence.
    Stats {
        /// Print the same data as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Instructor commands: scaffold and check a course, report on a class.
    #[command(subcommand)]
    Dev(DevCommand),
    /// Print a shell completion script (commands, options and the course's
    /// step names).
    ///
    /// Load it from your shell's startup file, for example
    /// `source <(learn completions bash)` in ~/.bashrc (the README has the
    /// line for each shell). Step names are read from info.toml when you
    /// press Tab, in the course folder you are in (or LEARN_COURSE).
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: CompletionShell,
    },
    /// Print learn's manual page (roff): `learn man | man -l -`, or save it
    /// as learn.1 in a man folder.
    Man,
}

/// A shell `learn completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionShell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

impl CompletionShell {
    pub fn name(self) -> &'static str {
        match self {
            CompletionShell::Bash => "bash",
            CompletionShell::Zsh => "zsh",
            CompletionShell::Fish => "fish",
            CompletionShell::Powershell => "powershell",
            CompletionShell::Elvish => "elvish",
        }
    }
}

#[derive(Debug, Clone, Default, Args)]
pub struct WatchArgs {
    /// Poll the files every MS milliseconds instead of waiting for file events
    /// (for WSL, network and container file systems).
    #[arg(long, value_name = "MS", num_args = 0..=1, default_missing_value = "300")]
    pub poll: Option<u64>,
}

#[derive(Debug, Clone, Default, Args)]
pub struct QuizArgs {
    /// Drill the whole course, not only the steps you have reached.
    #[arg(long)]
    pub all: bool,
    /// Only questions of this topic.
    #[arg(long)]
    pub topic: Option<String>,
    /// Only questions of this step (name or number).
    #[arg(long)]
    pub step: Option<String>,
    /// At most this many questions.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Seed for a reproducible order of each question's choices.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Add a new step (or one more exercise to a step): starter, solution and
    /// info.toml entry.
    New {
        /// The new step's name (lowercase letters, digits, '_'); or STEP/FILE
        /// to add the exercise FILE.rs to the existing step STEP.
        name: String,
        /// The step's topic.
        #[arg(long, default_value = "general")]
        topic: String,
        /// run: build and run; test: rustc --test.
        #[arg(long, value_enum, default_value = "run")]
        mode: NewMode,
        /// Insert the step after this one (default: at the end).
        #[arg(long, value_name = "STEP")]
        after: Option<String>,
    },
    /// Prove the whole course is right: files, starters, solutions, questions.
    Check {
        /// Print a machine-readable report.
        #[arg(long)]
        json: bool,
        /// Fail on warnings too (the question-quality lints).
        #[arg(long)]
        strict: bool,
    },
    /// A classroom report: how a class did, from its progress files.
    ///
    /// Per step: learners who finished it, median attempts and hints. Per
    /// question: first-try accuracy and, for an MCQ, each choice's first
    /// picks. Flags: questions all got right first, choices nobody picked.
    Report {
        /// A learner's progress file (.learn/progress.toml), or a folder
        /// holding one (in .learn/ or directly). Its reviews.log is read from
        /// beside it.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Print the report as JSON (shape in the README).
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV: one row per question, or per step with --csv=steps.
        #[arg(
            long,
            value_enum,
            value_name = "TABLE",
            num_args = 0..=1,
            require_equals = true,
            default_missing_value = "questions"
        )]
        csv: Option<CsvTable>,
        /// Flag a question (too easy, dead distractor) only when at least N
        /// learners answered it.
        #[arg(long, value_name = "N", default_value = "3", value_parser = clap::value_parser!(u32).range(1..))]
        min_learners: u32,
    },
}

/// The table `learn dev report --csv` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CsvTable {
    /// One row per question.
    Questions,
    /// One row per step.
    Steps,
}

/// The mode of a new exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewMode {
    /// Build and run; passes on exit 0.
    Run,
    /// rustc --test; passes when every test passes.
    Test,
}

impl NewMode {
    pub fn name(self) -> &'static str {
        match self {
            NewMode::Run => "run",
            NewMode::Test => "test",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_and_sizes_are_checked_at_the_edge() {
        assert_eq!(seconds("2.5"), Ok(Duration::from_millis(2500)));
        assert!(seconds("1e20").unwrap_err().contains("out of range"));
        assert!(seconds("0").is_err() && seconds("-1").is_err() && seconds("NaN").is_err());
        assert!(seconds("ten").unwrap_err().contains("not a number"));
        assert_eq!(memory("2G"), Ok(Memory(Some(2 << 30))));
        assert_eq!(memory("512mb"), Ok(Memory(Some(512 << 20))));
        assert_eq!(memory("none"), Ok(Memory(None)));
        assert!(memory("1K").unwrap_err().contains("at least 16M"));
        assert!(memory("2T").unwrap_err().contains("unknown unit"));
        assert!(memory("99999999999G").is_err());
    }

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
