// Step 35, exercise 2: parse the whole command line
//
//   logtail [-n N | --lines N | --lines=N] [-f | --follow] [-h | --help] [--] FILE
//
// Defaults: 10 lines (1 to 10000), no follow; a repeated option: the last
// wins. Help returns at once. After `--` all arguments are positional; `-` is
// a file name (stdin). Only --lines takes a value after `=`. CliError is
// yours to design: the tests read only its messages and its `source()` chain.

use std::{
    error::Error,
    fmt,
    num::{IntErrorKind, ParseIntError},
};

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

#[derive(Debug)]
enum CliError {
    MissingValue(String),
    NotANumber { flag: String, text: String, source: ParseIntError },
    // The text as given: it may not even fit a usize.
    OutOfRange { flag: String, text: String },
    UnknownOption(String),
    ExtraArgument(String),
    MissingFile,
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingValue(flag) => write!(f, "{flag} needs a value"),
            // The reason is left to source(): a report shows it once.
            Self::NotANumber { flag, text, .. } => write!(f, "{flag}: {text:?} is not a number"),
            Self::OutOfRange { flag, text } => {
                write!(f, "{flag} must be 1 to {MAX_LINES}, not {text}")
            }
            Self::UnknownOption(arg) => write!(f, "unknown option {arg}"),
            Self::ExtraArgument(arg) => write!(f, "unexpected argument {arg:?}"),
            Self::MissingFile => write!(f, "missing FILE argument (try --help)"),
        }
    }
}

impl Error for CliError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Self::NotANumber { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn parse(args: impl IntoIterator<Item = String>) -> Result<Action, CliError> {
    let mut args = args.into_iter();
    let (mut file, mut lines, mut follow, mut positional_only) = (None, 10, false, false);
    while let Some(arg) = args.next() {
        if positional_only || arg == "-" || !arg.starts_with('-') {
            if file.is_some() {
                return Err(CliError::ExtraArgument(arg));
            }
            file = Some(arg);
            continue;
        }
        // "--lines=5" carries its value; "-n 5" takes the next argument.
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag.to_string(), Some(value)),
            _ => (arg.clone(), None),
        };
        if inline.is_some() && flag != "--lines" {
            return Err(CliError::UnknownOption(arg));
        }
        match flag.as_str() {
            "--" => positional_only = true,
            "-h" | "--help" => return Ok(Action::Help),
            "-f" | "--follow" => follow = true,
            "-n" | "--lines" => {
                let Some(text) = inline.map(str::to_string).or_else(|| args.next()) else {
                    return Err(CliError::MissingValue(flag));
                };
                lines = match text.parse::<usize>() {
                    Ok(n) if (1..=MAX_LINES).contains(&n) => n,
                    Ok(_) => return Err(CliError::OutOfRange { flag, text }),
                    Err(e) if *e.kind() == IntErrorKind::PosOverflow => {
                        return Err(CliError::OutOfRange { flag, text });
                    }
                    Err(source) => return Err(CliError::NotANumber { flag, text, source }),
                };
            }
            _ => return Err(CliError::UnknownOption(flag)),
        }
    }
    let file = file.ok_or(CliError::MissingFile)?;
    Ok(Action::Run(Config { file, lines, follow }))
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
