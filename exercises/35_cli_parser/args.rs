// Step 35, exercise 2: parse the whole command line
//
//   logtail [-n N | --lines N | --lines=N] [-f | --follow] [-h | --help] [--] FILE
//
// Defaults: 10 lines (1 to 10000), no follow; a repeated option: the last
// wins. Help returns at once. After `--` all arguments are positional; `-` is
// a file name (stdin). Only --lines takes a value after `=`. CliError is
// yours to design: the tests read only its messages and its `source()` chain.

use std::{error::Error, fmt, num::ParseIntError};

const MAX_LINES: usize = 10_000;

#[derive(Debug, PartialEq)]
struct Config {
    file: String,
    lines: usize,
    follow: bool,
}

#[derive(Debug, PartialEq)]
enum Action {
    Run(Config),
    Help,
}

// TODO: design this error type: a variant for each mistake the tests make,
// carrying what its message needs, and the traits the tests rely on.
#[derive(Debug)]
enum CliError {}

fn parse(args: impl IntoIterator<Item = String>) -> Result<Action, CliError> {
    todo!()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(list: &[&str]) -> Result<Action, CliError> {
        parse(list.iter().map(|s| s.to_string()))
    }

    fn config(list: &[&str]) -> Config {
        let Ok(Action::Run(config)) = run(list) else { panic!("{list:?}: no config") };
        config
    }

    // The error's message, then the message of each source in its chain.
    fn report(list: &[&str]) -> Vec<String> {
        let err: Box<dyn Error + Send + Sync> = run(list).expect_err("an error").into();
        let chain = std::iter::successors(Some(&*err as &dyn Error), |&e| e.source());
        chain.map(|e| e.to_string()).collect()
    }

    #[test]
    fn defaults_spellings_help_and_double_dash() {
        let file = String::from("app.log");
        assert_eq!(config(&["app.log"]), Config { file, lines: 10, follow: false });
        let c = config(&["-n", "3", "-f", "app.log"]);
        assert_eq!((c.lines, c.follow), (3, true));
        assert_eq!(config(&["app.log", "--follow", "--lines=7"]).lines, 7);
        assert_eq!(config(&["--lines", "3", "-n", "4", "app.log"]).lines, 4);
        assert!(matches!(run(&["-n", "5", "--help", "--bogus"]), Ok(Action::Help)));
        assert!(matches!(run(&["-h"]), Ok(Action::Help)));
        assert_eq!(config(&["--", "-odd.log"]).file, "-odd.log");
        assert_eq!(config(&["-f", "-"]).file, "-");
    }

    #[test]
    fn every_mistake_has_a_clear_message() {
        assert_eq!(report(&["app.log", "-n"]), ["-n needs a value"]);
        assert_eq!(report(&["--lines=0", "a"]), ["--lines must be 1 to 10000, not 0"]);
        assert_eq!(report(&["--color", "a"]), ["unknown option --color"]);
        assert_eq!(report(&["a.log", "b.log"]), ["unexpected argument \"b.log\""]);
        assert_eq!(report(&["-f"]), ["missing FILE argument (try --help)"]);
        // A value where none is taken is no option at all.
        assert_eq!(report(&["--follow=no", "a"]), ["unknown option --follow=no"]);
        assert_eq!(report(&["--=x", "a"]), ["unknown option --=x"]);
    }

    #[test]
    fn a_bad_number_keeps_its_cause() {
        let chain = report(&["-n", "ten", "a.log"]);
        assert_eq!(chain, ["-n: \"ten\" is not a number", "invalid digit found in string"]);
        let chain = report(&["--lines=-3", "a.log"]);
        assert_eq!(chain, ["--lines: \"-3\" is not a number", "invalid digit found in string"]);
        // Too many digits for a usize is a number, out of range.
        let huge = "99999999999999999999999";
        assert_eq!(report(&["-n", huge, "a.log"]), [format!("-n must be 1 to 10000, not {huge}")]);
    }
}
