//! All command output goes through one [`Shell`]: stdout for results,
//! stderr for warnings, colour when it is wanted, wrapping at the
//! terminal's width. A closed pipe (`learn list | head -1`) is an ordinary
//! `BrokenPipe` error, which `main` turns into a quiet exit.

use std::io::{IsTerminal, Write};

pub struct Shell {
    out: Box<dyn Write>,
    err: Box<dyn Write>,
    /// Columns to wrap prose at; None: do not wrap (output is piped).
    width: Option<usize>,
}

impl Shell {
    /// Standard output and error of this process.
    pub fn stdio() -> Shell {
        let stdout = std::io::stdout();
        let width = stdout
            .is_terminal()
            .then(|| console::Term::stdout().size().1 as usize)
            .filter(|&w| w > 0);
        Shell {
            // Not locked for good: the signal handler may have to write too.
            out: Box::new(stdout),
            err: Box::new(std::io::stderr()),
            width,
        }
    }

    pub fn out(&mut self) -> &mut dyn Write {
        &mut self.out
    }

    /// Text wrapped at words to the terminal's width (unchanged when piped).
    pub fn wrap(&self, text: &str) -> String {
        match self.width {
            Some(w) => crate::text::wrap(text, w),
            None => text.to_owned(),
        }
    }

    /// `warning: ...` on stderr.
    pub fn warn(&mut self, message: &str) -> std::io::Result<()> {
        let label = console::style("warning:").yellow().bold().for_stderr();
        writeln!(self.err, "{label} {message}")
    }

    /// `note: ...` on stderr.
    pub fn note(&mut self, message: &str) -> std::io::Result<()> {
        writeln!(
            self.err,
            "{} {message}",
            console::style("note:").dim().for_stderr()
        )
    }

    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Whether an error is a reader that went away (the other end of a pipe).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
