//! Quiz answers: single key presses on a terminal, one answer per line when
//! stdin (or stdout) is not a terminal. `None` from any read means "stop the
//! quiz": q, Escape or Ctrl-C on a terminal, end of input otherwise.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Context, Result};
use console::{Key, Term};

pub enum Input {
    /// Keys read one at a time, in raw mode.
    Terminal(Term),
    /// Lines from a pipe or a file.
    Lines(Box<dyn BufRead>),
}

impl Input {
    pub fn detect() -> Input {
        if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            Input::Terminal(Term::stdout())
        } else {
            Input::Lines(Box::new(std::io::stdin().lock()))
        }
    }

    pub fn how_to_quit(&self) -> &'static str {
        match self {
            Input::Terminal(_) => "q (or Ctrl-C) stops the quiz; every answer is saved as you go.",
            Input::Lines(_) => "One answer per line; the end of input stops the quiz.",
        }
    }

    /// A question before a short answer: on a terminal the key is echoed
    /// after it on the same line.
    pub fn prompt(&self, text: &str) {
        match self {
            Input::Terminal(_) => print!("{text} "),
            Input::Lines(_) => println!("{text}"),
        }
    }

    pub fn is_terminal(&self) -> bool {
        matches!(self, Input::Terminal(_))
    }

    /// A short answer: one key on a terminal, one line otherwise. `parse`
    /// turns it into a value; input it rejects shows `help` and is asked again.
    /// `q` quits when it is not itself a valid answer.
    pub fn choose<T>(
        &mut self,
        parse: impl Fn(&str) -> Option<T>,
        help: impl Fn(&str) -> String,
    ) -> Result<Option<T>> {
        loop {
            flush();
            let got = match self {
                Input::Terminal(term) => match read_key(term)? {
                    Some(Key::Char(c)) => {
                        let _ = term.write_line(&c.to_string());
                        c.to_string()
                    }
                    Some(Key::Enter) => String::new(),
                    Some(Key::Escape) | None => return Ok(None),
                    Some(_) => continue,
                },
                Input::Lines(lines) => match next_line(lines.as_mut())? {
                    Some(line) => line,
                    None => return Ok(None),
                },
            };
            let got = got.trim();
            if let Some(value) = parse(got) {
                return Ok(Some(value));
            }
            if got.eq_ignore_ascii_case("q") {
                return Ok(None);
            }
            println!("{}", console::style(help(got)).yellow());
        }
    }

    /// A line of text (typed with echo on a terminal). Ctrl-C or the end of
    /// input gives None.
    pub fn line(&mut self) -> Result<Option<String>> {
        flush();
        match self {
            Input::Terminal(term) => {
                let mut text = String::new();
                loop {
                    match read_key(term)? {
                        Some(Key::Char(c)) => {
                            text.push(c);
                            let _ = term.write_str(&c.to_string());
                        }
                        Some(Key::Backspace) => {
                            if text.pop().is_some() {
                                let _ = term.clear_chars(1);
                            }
                        }
                        Some(Key::Enter) => {
                            let _ = term.write_line("");
                            return Ok(Some(text));
                        }
                        None => return Ok(None),
                        Some(_) => {}
                    }
                }
            }
            Input::Lines(lines) => next_line(lines.as_mut()),
        }
    }
}

fn flush() {
    let _ = std::io::stdout().flush();
}

/// One key; Ctrl-C and a closed terminal give None.
fn read_key(term: &Term) -> Result<Option<Key>> {
    match term.read_key_raw() {
        Ok(Key::CtrlC) => Ok(None),
        Ok(key) => Ok(Some(key)),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => Ok(None),
        Err(e) => Err(e).context("cannot read the keyboard"),
    }
}

/// The next line without its line ending; None at the end of input.
fn next_line(lines: &mut dyn BufRead) -> Result<Option<String>> {
    let mut line = String::new();
    let n = lines
        .read_line(&mut line)
        .context("cannot read the answers from standard input")?;
    if n == 0 {
        return Ok(None);
    }
    let end = line.trim_end_matches(['\n', '\r']).len();
    line.truncate(end);
    Ok(Some(line))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &'static str) -> Input {
        Input::Lines(Box::new(std::io::Cursor::new(text)))
    }

    fn digit(s: &str) -> Option<u8> {
        s.parse().ok().filter(|n| (1..=4).contains(n))
    }

    #[test]
    fn bad_lines_are_asked_again_and_q_or_the_end_stops() {
        let mut input = lines("7\n 3 \nq\n");
        let help = |s: &str| format!("{s}?");
        assert_eq!(input.choose(digit, help).unwrap(), Some(3));
        assert_eq!(input.choose(digit, help).unwrap(), None);
        assert_eq!(input.choose(digit, help).unwrap(), None);
    }

    #[test]
    fn lines_keep_their_text_and_drop_line_endings() {
        let mut input = lines("  a b\r\n\nlast");
        assert_eq!(input.line().unwrap().as_deref(), Some("  a b"));
        assert_eq!(input.line().unwrap().as_deref(), Some(""));
        assert_eq!(input.line().unwrap().as_deref(), Some("last"));
        assert_eq!(input.line().unwrap(), None);
    }
}
