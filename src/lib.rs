//! `learn`: a terminal trainer for an ordered Rust track, with checked
//! understanding and spaced-repetition interview drill.

pub mod app;
pub mod cli;
pub mod commands;
pub mod course;
pub mod dev;
pub mod questions;
pub mod quiz;
pub mod runner;
pub mod shipped;
pub mod state;
pub mod stats;
pub mod text;
pub mod ui;
pub mod watch;

pub use app::run;
