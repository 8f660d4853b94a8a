//! `learn man`: the manual page, rendered by clap_mangen from the clap
//! definition the parser uses, so it never drifts from `--help`. One page,
//! learn(1): the global options, then every command with its own options,
//! then exit status, environment and files.

use std::io::Write;

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_mangen::Man;

use crate::cli::Cli;
use crate::session::Exit;
use crate::shell::Shell;

/// `learn man`
pub fn run(sh: &mut Shell) -> Result<Exit> {
    let page = render().context("cannot render the manual page")?;
    sh.out().write_all(&page)?;
    Ok(Exit::Success)
}

/// The page, as roff.
pub fn render() -> std::io::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let man = Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    out.extend_from_slice(b".SH COMMANDS\n");
    for sub in visible(&cmd) {
        command_section(&mut out, sub)?;
    }
    out.extend_from_slice(TAIL.as_bytes());
    man.render_version_section(&mut out)?;
    Ok(tidy(&out, cmd.get_version().unwrap_or_default()))
}

/// Each rendered part starts with the definition of the `Aq` string that
/// roff text uses for apostrophes: keep one, at the top, then the title
/// (clap_mangen leaves an empty date unquoted, which shifts the fields).
fn tidy(body: &[u8], version: &str) -> Vec<u8> {
    let mut page = format!(
        "{APOSTROPHE}.TH learn 1 \"\" \"learn {}\" \"User Commands\"\n",
        escape(version)
    );
    for line in String::from_utf8_lossy(body).lines() {
        if !APOSTROPHE.lines().any(|l| l == line) {
            page.push_str(line);
            page.push('\n');
        }
    }
    page.into_bytes()
}

/// groff's apostrophe, or a plain one elsewhere.
const APOSTROPHE: &str = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n";

/// The subcommands a user sees (not clap's own `help`).
fn visible(cmd: &clap::Command) -> impl Iterator<Item = &clap::Command> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
}

/// One command: `.SS learn NAME`, its synopsis, description and options
/// (without the global ones, which the OPTIONS section lists once); then
/// its own subcommands.
fn command_section(out: &mut Vec<u8>, cmd: &clap::Command) -> std::io::Result<()> {
    let name = cmd.get_bin_name().unwrap_or_else(|| cmd.get_name());
    writeln!(out, ".SS \"{}\"", escape(name))?;
    let own = cmd
        .clone()
        .mut_args(|a| {
            if a.is_global_set() || a.get_id() == "help" {
                a.hide(true)
            } else {
                a
            }
        })
        .disable_help_subcommand(true);
    let man = Man::new(own);
    let mut parts = Vec::new();
    man.render_synopsis_section(&mut parts)?;
    man.render_description_section(&mut parts)?;
    man.render_options_section(&mut parts)?;
    // Each part starts with its own `.SH`: within a command they become
    // paragraphs.
    for line in String::from_utf8_lossy(&parts).lines() {
        if line.starts_with(".SH") {
            out.extend_from_slice(b".PP\n");
        } else {
            writeln!(out, "{line}")?;
        }
    }
    for sub in visible(cmd) {
        command_section(out, sub)?;
    }
    Ok(())
}

/// Text for a roff argument in double quotes.
fn escape(text: &str) -> String {
    text.replace('\\', "\\e")
        .replace('-', "\\-")
        .replace('"', "\\(dq")
}

/// What `--help` does not say: exit codes, environment, files.
const TAIL: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success.
.TP
\fB1\fR
An exercise failed its check (\fBrun\fR, \fBverify\fR), or \fBdev check\fR found problems.
.TP
\fB2\fR
A usage or course error: a bad info.toml, an unknown step, rustc missing.
.SH ENVIRONMENT
.TP
\fBLEARN_COURSE\fR
The course folder, as with \fB\-\-course\fR.
.TP
\fBRUSTC\fR
The compiler to use instead of the \fBrustc\fR on the PATH.
.TP
\fBNO_COLOR\fR, \fBCLICOLOR_FORCE\fR
Turn colour off, or on when the output is not a terminal (\fB\-\-color auto\fR).
.TP
\fBCOMPLETE\fR
Set by the script of \fBlearn completions\fR when it asks learn for completions.
.SH FILES
.TP
\fIinfo.toml\fR
The course: its steps, exercises, lessons and questions. learn looks for it in the current folder and the folders above it.
.TP
\fI.learn/progress.toml\fR
Your progress and review schedule, in the course folder; plain TOML, meant to be committed.
.TP
\fI.learn/cache/\fR
Compiled exercises and their verdicts, rebuilt on demand.
.TP
\fI.learn/shipped/\fR
The exercises as shipped, which \fBlearn reset\fR restores.
.TP
\fICargo.toml\fR
Written by \fBlearn init\fR for editors: one target per exercise, so rust\-analyzer analyses them. Rewritten when info.toml changes, unless its first line (learn's stamp) was removed.
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_section_without_the_global_options() {
        let page = String::from_utf8(render().unwrap()).unwrap();
        for name in [
            "watch",
            "list",
            "run",
            "lesson",
            "quiz",
            "dev",
            "dev new",
            "completions",
            "man",
        ] {
            assert!(
                page.contains(&format!(".SS \"learn {}\"", escape(name))),
                "no section for {name}"
            );
        }
        assert!(!page.contains(".SS \"learn help\""));
        // --course is described once, under OPTIONS.
        assert_eq!(
            page.matches("\\fB\\-\\-course\\fR \\fI<DIR>").count(),
            1,
            "{page}"
        );
    }
}
