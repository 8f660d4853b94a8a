//! Text helpers with no knowledge of courses or learners: positions in a
//! file, characters that must never reach a terminal, plurals.

/// Maps byte offsets of a text to 1-based line and column (in characters).
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    /// The 1-based line and column of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line, column)
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.position(offset).0
    }
}

/// Characters a course's text may not hold: control characters other than
/// newline and tab (escape sequences, bells, carriage returns that overwrite
/// a line) and the bidirectional overrides that make text read differently
/// from how it is stored.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The byte offset and the character of the first forbidden character.
pub fn first_forbidden(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| is_forbidden(c))
}

/// A character as a learner can read it in a message: `U+001B`.
pub fn codepoint(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Text from outside (a program's output, a file) made safe to print: every
/// forbidden character shown as a visible escape (`\e`, `\u{202E}`), except
/// SGR colour sequences (`ESC [ ... m`) when `keep_colour` is set.
pub fn visible(text: &str, keep_colour: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !is_forbidden(c) {
            out.push(c);
            continue;
        }
        if c == '\u{1b}'
            && keep_colour
            && let Some(len) = sgr_len(&text[at..])
        {
            out.push_str(&text[at..at + len]);
            while chars.peek().is_some_and(|&(i, _)| i < at + len) {
                chars.next();
            }
            continue;
        }
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\r' => {
                // A CRLF line ending is a line ending, not an overwrite.
                if chars.peek().is_none_or(|&(_, n)| n != '\n') {
                    out.push_str("\\r");
                }
            }
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    out
}

/// The length of a colour sequence (`ESC [ params m`) at the start of `s`,
/// when every parameter only sets colour, weight or underline: blinking,
/// reversed and concealed text are made visible instead.
fn sgr_len(s: &str) -> Option<usize> {
    let body = s.strip_prefix("\u{1b}[")?;
    let end = body.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
    if body.as_bytes()[end] != b'm' {
        return None;
    }
    let mut params = body[..end].split(';');
    while let Some(p) = params.next() {
        let n: u16 = if p.is_empty() { 0 } else { p.parse().ok()? };
        match n {
            0..=4 | 21..=24 | 30..=37 | 39..=47 | 49 | 90..=97 | 100..=107 => {}
            // 256 colours (5;N) or true colour (2;R;G;B).
            38 | 48 | 58 => match params.next()? {
                "5" => {
                    params.next()?;
                }
                "2" => {
                    params.next()?;
                    params.next()?;
                    params.next()?;
                }
                _ => return None,
            },
            _ => return None,
        }
    }
    Some(2 + end + 1)
}

/// Wrap prose at words to `width` columns (colour codes take no room). A
/// continued line keeps the indentation of its first line, plus the width
/// of a list marker (`a) `, `- `, `• `, `1. `). Lines indented by four or
/// more spaces are code: never reflowed, and one wider than `width` goes on
/// in lines that start with `↪` under its indentation, so nothing is cut.
pub fn wrap(text: &str, width: usize) -> String {
    let width = width.max(20);
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if textwrap::core::display_width(line) <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if indent >= 4 {
            wrap_code(line, indent, width, &mut out);
            continue;
        }
        let hang = indent + marker_width(&line[indent..]);
        let options = textwrap::Options::new(width)
            .subsequent_indent(&"                                "[..hang.min(32)])
            .break_words(true)
            // Only at spaces: Unicode's rules would also break `{v:?}` + "`".
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            // Never a line wider than the width (optimal fit may overflow one).
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        for part in textwrap::wrap(line, options) {
            out.push_str(part.trim_end());
            out.push('\n');
        }
    }
    if !text.ends_with('\n') {
        out.pop();
    }
    out
}

/// A code line too wide for `width`: cut at spaces where it can be (inside
/// a long word where it cannot), each continuation marked with `↪`.
fn wrap_code(line: &str, indent: usize, width: usize, out: &mut String) {
    let hang = format!("{}↪ ", " ".repeat(indent.min(width / 2)));
    let options = textwrap::Options::new(width)
        .initial_indent(&line[..indent])
        .subsequent_indent(&hang)
        .break_words(true)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        // Never a line wider than the width (optimal fit may overflow one).
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    for part in textwrap::wrap(&line[indent..], options) {
        out.push_str(part.trim_end());
        out.push('\n');
    }
}

/// Prose written with line breaks in the middle of sentences (as in
/// info.toml) made into one line per paragraph, so it wraps to any width.
/// Blank lines, indented lines (code) and list items keep their breaks.
pub fn reflow(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut joinable = false;
    for line in text.lines() {
        let starts_block = line.is_empty()
            || line.starts_with(' ')
            || line.starts_with('\t')
            || marker_width(line) > 0;
        if joinable && !starts_block {
            out.push(' ');
            out.push_str(line);
        } else {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
        // Code stays as it is; a prose line or list item may continue.
        joinable = !line.is_empty() && !line.starts_with(' ') && !line.starts_with('\t');
    }
    if text.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The width of a list marker at the start of a line: `a) `, `- `, `• `, `12. `.
fn marker_width(line: &str) -> usize {
    let b = line.as_bytes();
    if b.len() > 3 && b[0].is_ascii_alphabetic() && b[1] == b')' && b[2] == b' ' {
        return 3;
    }
    if line.starts_with("- ") || line.starts_with("* ") {
        return 2;
    }
    if line.starts_with("• ") {
        return 2;
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 && b.get(digits) == Some(&b'.') && b.get(digits + 1) == Some(&b' ') {
        return digits + 2;
    }
    0
}

/// "1 step", "2 steps".
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\nçd\n\nx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        // `d` follows a two-byte character: column 2.
        assert_eq!(idx.position(5), (2, 2));
        assert_eq!(idx.position(7), (3, 1));
        assert_eq!(idx.position(8), (4, 1));
        assert_eq!(idx.position(999), (4, 2));
        assert_eq!(idx.line(4), 2);
    }

    #[test]
    fn forbidden_characters() {
        for c in ['\u{1b}', '\u{7}', '\r', '\u{202E}', '\u{2067}', '\u{9b}'] {
            assert!(is_forbidden(c), "{c:?}");
        }
        for c in ['\n', '\t', 'a', 'é', '→', '█'] {
            assert!(!is_forbidden(c), "{c:?}");
        }
        assert_eq!(first_forbidden("ok\u{1b}]52;c;x"), Some((2, '\u{1b}')));
        assert_eq!(first_forbidden("fine\nlines\t"), None);
        assert_eq!(codepoint('\u{1b}'), "U+001B");
    }

    #[test]
    fn wrapping_at_words_with_hanging_indents() {
        let text = "  b) The string's handle is copied and the old name is dead\n    let code = \"never wrapped even when it is very long indeed\";\nshort";
        let wrapped = wrap(text, 30);
        let lines: Vec<&str> = wrapped.lines().collect();
        assert_eq!(lines[0], "  b) The string's handle is");
        assert!(lines[1].starts_with("     copied"), "{wrapped}");
        // Code is not reflowed; a line too wide goes on under a `↪`.
        let code: Vec<&str> = lines
            .iter()
            .copied()
            .skip_while(|l| !l.starts_with("    let"))
            .take_while(|l| l.starts_with("    "))
            .collect();
        assert_eq!(code[0], "    let code = \"never wrapped");
        assert!(
            code[1..].iter().all(|l| l.starts_with("    ↪ ")),
            "{wrapped}"
        );
        let joined: Vec<&str> = code
            .iter()
            .map(|l| l.trim_start().trim_start_matches("↪ "))
            .collect();
        assert_eq!(
            joined.join(" "),
            "let code = \"never wrapped even when it is very long indeed\";"
        );
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 30),
            "{wrapped}"
        );
        // No line ever overflows (optimal fit would leave this one 81 wide).
        let line =
            "thread 'main' (21252) panicked at exercises/03_control_flow/control_flow.rs:21:5:";
        assert_eq!(
            wrap(line, 80),
            "thread 'main' (21252) panicked at\nexercises/03_control_flow/control_flow.rs:21:5:"
        );
        // A short code line stays as it is.
        assert_eq!(wrap("    let x = 1;", 30), "    let x = 1;");
        assert!(wrapped.ends_with("short"));
        // Colour takes no room.
        let red = "\u{1b}[31mword\u{1b}[0m ".repeat(10);
        assert_eq!(wrap(&red, 30).lines().count(), 2);
        assert_eq!(
            wrap("1. one two three four five six seven", 20),
            "1. one two three\n   four five six\n   seven"
        );
        // Code spans break only at spaces.
        assert_eq!(
            wrap("the error is about the `{v:?}` format", 29),
            "the error is about the\n`{v:?}` format"
        );
    }

    #[test]
    fn prose_is_reflowed_and_code_and_lists_kept() {
        let text = "One sentence\nwritten on two lines.\n\n    let code = 1;\n    let more = 2;\n- a list item\n  continued\n- another\nAfter.\n";
        assert_eq!(
            reflow(text),
            "One sentence written on two lines.\n\n    let code = 1;\n    let more = 2;\n- a list item\n  continued\n- another After.\n"
        );
    }

    #[test]
    fn visible_text_keeps_colour_only_when_asked() {
        let text = "\u{1b}[31mred\u{1b}[0m \u{1b}[?1049h\u{1b}]0;title\u{7} \u{202E}x\r\nend\rover";
        assert_eq!(
            visible("\u{1b}[1;38;5;12mblue\u{1b}[8mhidden", true),
            "\u{1b}[1;38;5;12mblue\\e[8mhidden"
        );
        assert_eq!(
            visible(text, true),
            "\u{1b}[31mred\u{1b}[0m \\e[?1049h\\e]0;title\\u{7} \\u{202e}x\nend\\rover"
        );
        assert_eq!(
            visible(text, false),
            "\\e[31mred\\e[0m \\e[?1049h\\e]0;title\\u{7} \\u{202e}x\nend\\rover"
        );
        assert_eq!(plural(1, "step"), "1 step");
        assert_eq!(plural(2, "step"), "2 steps");
    }
}
