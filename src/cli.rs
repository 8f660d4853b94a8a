//! The command line: clap types only. The doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
    #[arg(long, global = true, value_name = "SECS", default_value_t = 10.0)]
    pub timeout: f64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Watch the exercises, recompile on every save, then ask the step's questions.
    Watch(WatchArgs),
    /// List every step with its state, and the overall progress.
    List,
    /// Check one step's exercise once and print the verdict.
    Run {
        /// Step name or number (default: the current step).
        step: Option<String>,
    },
    /// Show the next hint of a step's hint ladder.
    Hint {
        /// Step name or number (default: the current step).
        step: Option<String>,
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
    },
    /// Restore a step's exercise exactly as shipped and clear its progress.
    Reset {
        /// Step name or number.
        step: String,
    },
    /// Make a step the current one.
    Jump {
        /// Step name or number.
        step: String,
    },
    /// Check every step, in parallel, and summarise.
    Verify,
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
    /// Instructor commands: scaffold and check a course.
    #[command(subcommand)]
    Dev(DevCommand),
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
    /// Add a new step: exercise starter, solution and info.toml entry.
    New {
        /// The step's name (lowercase letters, digits, '_').
        name: String,
        /// The step's topic.
        #[arg(long, default_value = "general")]
        topic: String,
        /// run: build and run; test: rustc --test.
        #[arg(long, default_value = "run", value_parser = ["run", "test"])]
        mode: String,
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
}
