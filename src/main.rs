use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = learn::cli::Cli::parse();
    match learn::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{} {e:#}", console::style("error:").red().bold());
            ExitCode::from(learn::app::EXIT_ERROR)
        }
    }
}
