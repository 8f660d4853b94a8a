//! Where things are in info.toml: the lines of a step's fields (through
//! toml_edit's spans), and the TODO placeholders `learn dev new` leaves.

use toml_edit::{Document, Item, Table, Value};

use crate::text::LineIndex;

/// info.toml parsed for positions only; validation is the loader's job.
pub struct Doc<'a> {
    text: &'a str,
    doc: Option<Document<&'a str>>,
    lines: LineIndex<'a>,
}

/// A field that still holds a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    pub line: usize,
    pub step: Option<String>,
    /// The field, as a dotted key path without indexes (`mcq.choices`).
    pub field: String,
}

impl<'a> Doc<'a> {
    pub fn parse(text: &'a str) -> Doc<'a> {
        Doc {
            text,
            doc: Document::parse(text).ok(),
            lines: LineIndex::new(text),
        }
    }

    /// The 1-based line of a byte offset.
    pub fn line_at(&self, offset: usize) -> usize {
        self.lines.line(offset)
    }

    /// The step tables (`[[steps]]`, or rustlings' `[[exercises]]`), in order.
    fn steps(&self) -> Vec<&Table> {
        let Some(doc) = &self.doc else {
            return Vec::new();
        };
        let root = doc.as_table();
        ["steps", "exercises"]
            .iter()
            .find_map(|key| root.get(key).and_then(Item::as_array_of_tables))
            .map(|a| a.iter().collect())
            .unwrap_or_default()
    }

    /// How many steps info.toml holds, even when the course does not load.
    pub fn step_count(&self) -> usize {
        self.steps().len()
    }

    fn item_line(&self, item: &Item) -> Option<usize> {
        item.span().map(|s| self.line_at(s.start))
    }

    /// The line of a field of step `step` (0-based, in file order).
    pub fn field_line(&self, step: usize, key: &str) -> Option<usize> {
        let table = *self.steps().get(step)?;
        self.item_line(table.get(key)?)
    }

    /// The line of a field of a step's question (`kind` is mcq, trace or interview).
    pub fn question_line(&self, step: usize, kind: &str, index: usize, key: &str) -> Option<usize> {
        let table = *self.steps().get(step)?;
        let question = table.get(kind)?.as_array_of_tables()?.get(index)?;
        self.item_line(question.get(key)?)
    }

    /// Every string in a step that still holds a TODO placeholder.
    pub fn placeholders(&self) -> Vec<Placeholder> {
        let mut found = Vec::new();
        for table in self.steps() {
            let step = table.get("name").and_then(Item::as_str).map(str::to_owned);
            let mut path = Vec::new();
            self.walk_table(table, &mut path, &step, &mut found);
        }
        found
    }

    fn walk_table<'t>(
        &self,
        table: &'t Table,
        path: &mut Vec<&'t str>,
        step: &Option<String>,
        found: &mut Vec<Placeholder>,
    ) {
        for (key, item) in table.iter() {
            path.push(key);
            match item {
                Item::Value(v) => self.walk_value(v, path, step, found),
                Item::Table(t) => self.walk_table(t, path, step, found),
                Item::ArrayOfTables(a) => {
                    for t in a.iter() {
                        self.walk_table(t, path, step, found);
                    }
                }
                Item::None => {}
            }
            path.pop();
        }
    }

    fn walk_value<'t>(
        &self,
        value: &'t Value,
        path: &mut Vec<&'t str>,
        step: &Option<String>,
        found: &mut Vec<Placeholder>,
    ) {
        match value {
            Value::String(s) if is_placeholder(s.value()) => {
                let line = s
                    .span()
                    .map_or(0, |span| self.placeholder_line(span.start, span.end));
                let p = Placeholder {
                    line,
                    step: step.clone(),
                    field: path.join("."),
                };
                // Two placeholders of one array on one line are one problem.
                if found.last() != Some(&p) {
                    found.push(p);
                }
            }
            Value::Array(a) => {
                for v in a.iter() {
                    self.walk_value(v, path, step, found);
                }
            }
            Value::InlineTable(t) => {
                for (key, v) in t.iter() {
                    path.push(key);
                    self.walk_value(v, path, step, found);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    /// The line, within a string literal's span, where the placeholder starts.
    fn placeholder_line(&self, start: usize, end: usize) -> usize {
        let raw = &self.text[start..end.min(self.text.len())];
        let at = raw.match_indices("TODO").map(|(i, _)| i).find(|&i| {
            let line_start = raw[..i].rfind('\n').map_or(0, |n| n + 1);
            raw[line_start..i]
                .chars()
                .all(|c| c.is_whitespace() || "\"'/".contains(c))
        });
        self.line_at(start + at.unwrap_or(0))
    }
}

/// A placeholder: a text, or a line of it, that starts with `TODO` (in code,
/// `// TODO`). A TODO further inside a sentence is content, not a placeholder.
pub fn is_placeholder(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start();
        let line = line.strip_prefix("//").unwrap_or(line).trim_start();
        line.starts_with("TODO")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"format_version = 1
[[steps]]
name = "one"
title = "Real"
lesson = """
Some text.
TODO: the rest.
"""
hints = ["fine", "TODO: a hint"]

[[steps.trace]]
program = """
// TODO: a program
fn main() {}
"""
output = "Each TODO says what to do"
"#;

    #[test]
    fn placeholders_name_their_field_and_line() {
        let doc = Doc::parse(TEXT);
        let found = doc.placeholders();
        let seen: Vec<(usize, &str)> = found.iter().map(|p| (p.line, p.field.as_str())).collect();
        assert_eq!(
            seen,
            vec![(7, "lesson"), (9, "hints"), (13, "trace.program")]
        );
        assert_eq!(found[0].step.as_deref(), Some("one"));
    }

    #[test]
    fn field_lines() {
        let doc = Doc::parse(TEXT);
        assert_eq!(doc.step_count(), 1);
        assert_eq!(doc.field_line(0, "title"), Some(4));
        assert_eq!(doc.question_line(0, "trace", 0, "output"), Some(16));
        assert_eq!(doc.question_line(0, "mcq", 0, "prompt"), None);
    }

    #[test]
    fn what_counts_as_a_placeholder() {
        assert!(is_placeholder("TODO"));
        assert!(is_placeholder("  TODO: write it"));
        assert!(is_placeholder("fn main() {\n    // TODO: code\n}"));
        assert!(!is_placeholder(
            "Each TODO says which tool replaces the unwrap."
        ));
        assert!(!is_placeholder("let x: i32 = todo!();"));
    }
}
