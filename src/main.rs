use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    learn::app::main(learn::cli::Cli::parse())
}
