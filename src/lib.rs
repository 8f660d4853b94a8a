//! `learn`: a terminal trainer for an ordered Rust track, with checked
//! understanding and spaced-repetition interview drill.
//!
//! # Architecture
//!
//! Modules form layers; a module imports only from layers below its own
//! (`tests/architecture.rs` reads `src/` and fails on an upward import):
//!
//! | layer | modules | holds |
//! |---|---|---|
//! | 0 | `cli`, `text`, `files`, `process` | clap types; text helpers; atomic writes, locks, paths; running a program under limits |
//! | 1 | `shell`, `course` | the output writer; the course model and its validation |
//! | 2 | `progress`, `workspace` | the whole progress schema, its store and review log; the generated Cargo.toml editors read |
//! | 3 | `runner`, `grade`, `schedule`, `builtin` | compile, run, verdict cache; grading as data; FSRS; the embedded course and the folders it is written to |
//! | 4 | `session`, `ui`, `term` | `Ctx` and the shared actions; rendering; the terminal and one input source |
//! | 5 | `commands`, `watch`, `quiz`, `stats`, `dev`, `completion`, `manpage` | the front-ends, which never import each other; shell completion and the man page |
//! | 6 | `app` | dispatch and exit codes; nothing imports it |

pub mod cli;
pub mod course;
mod files;
mod process;
mod text;

mod shell;

mod progress;
mod workspace;

mod builtin;
mod grade;
mod runner;
mod schedule;

mod session;
mod term;
mod ui;

mod commands;
mod completion;
mod dev;
mod manpage;
mod quiz;
mod stats;
mod watch;

mod app;

pub use app::main;
