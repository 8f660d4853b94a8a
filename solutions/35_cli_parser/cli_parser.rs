// Step 35: project: a small CLI argument parser
//
// `parse` turns raw arguments into a `Config`: one FILE (required) and
// `-n N` / `--lines N` (default 10). It does not compile (E0277): `?` converts
// errors via `From`, and CliError has no `From<ParseIntError>`. Fix the TODO only.

use std::fmt;

#[derive(Debug)]
struct Config {
    input: String,
    lines: usize,
}

#[derive(Debug)]
enum CliError {
    MissingInput,
    MissingValue(String),
    BadNumber { flag: String, value: String },
    Unexpected(String),
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::MissingInput => write!(f, "missing input file"),
            CliError::MissingValue(flag) => write!(f, "{flag} needs a value"),
            CliError::BadNumber { flag, value } => write!(f, "{flag}: {value:?} is not a number"),
            CliError::Unexpected(arg) => write!(f, "unexpected argument {arg:?}"),
        }
    }
}

fn parse(args: Vec<String>) -> Result<Config, CliError> {
    let (mut input, mut lines) = (None, 10);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-n" | "--lines" => {
                let Some(value) = args.next() else {
                    return Err(CliError::MissingValue(arg));
                };
                // `?` converts errors only through `From`; this one needs
                // context (flag and value), so build it with `map_err`.
                lines = value
                    .parse::<usize>()
                    .map_err(|_| CliError::BadNumber { flag: arg, value })?;
            }
            a if a.starts_with('-') || input.is_some() => return Err(CliError::Unexpected(arg)),
            _ => input = Some(arg),
        }
    }
    let input = input.ok_or(CliError::MissingInput)?;
    Ok(Config { input, lines })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(list: &[&str]) -> Result<Config, String> {
        let args = list.iter().map(|s| s.to_string()).collect();
        parse(args).map_err(|e| e.to_string())
    }

    #[test]
    fn file_and_lines() {
        let ok = |list: &[&str]| run(list).map(|c| (c.input, c.lines));
        assert_eq!(ok(&["notes.txt"]), Ok(("notes.txt".into(), 10)));
        assert_eq!(ok(&["--lines", "3", "a.txt"]), Ok(("a.txt".into(), 3)));
    }

    #[test]
    fn mistakes_become_clear_messages() {
        let err = |list: &[&str]| run(list).unwrap_err();
        assert_eq!(err(&["a.txt", "-n", "ten"]), "-n: \"ten\" is not a number");
        assert_eq!(err(&["a.txt", "-n", "-1"]), "-n: \"-1\" is not a number");
        assert_eq!(err(&["a.txt", "--lines"]), "--lines needs a value");
        assert_eq!(err(&["-x", "a.txt"]), "unexpected argument \"-x\"");
        assert_eq!(err(&["a.txt", "b.txt"]), "unexpected argument \"b.txt\"");
        assert_eq!(err(&[]), "missing input file");
    }
}
