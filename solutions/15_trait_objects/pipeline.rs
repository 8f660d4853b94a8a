// Step 15: write a pipeline of trait objects chosen at run time
//
// A log shipper cleans each line through a list of stages read from a
// config file, e.g. "trim, redact:password, max:20". Which stages run, and
// in what order, is only known at run time, so the pipeline stores them as
// `Vec<Box<dyn Stage>>`.
//
// Write the bodies marked `todo!()`: the three stages, `stage_from_spec`
// (one config entry to one boxed stage) and `Pipeline`. The tests are the spec.

trait Stage {
    /// A short label for `Pipeline::describe`.
    fn name(&self) -> String;
    /// The transformed line, or `None` to drop the line entirely.
    fn apply(&self, line: &str) -> Option<String>;
}

/// Removes leading and trailing whitespace; drops lines that end up empty.
struct Trim;
/// Replaces every occurrence of `word` with `***`.
struct Redact {
    word: String,
}
/// Cuts lines to at most `max` characters (not bytes).
struct MaxLen {
    max: usize,
}

impl Stage for Trim {
    fn name(&self) -> String {
        "trim".into()
    }
    fn apply(&self, line: &str) -> Option<String> {
        let trimmed = line.trim();
        (!trimmed.is_empty()).then(|| trimmed.to_string())
    }
}

impl Stage for Redact {
    fn name(&self) -> String {
        format!("redact({})", self.word)
    }
    fn apply(&self, line: &str) -> Option<String> {
        Some(line.replace(&self.word, "***"))
    }
}

impl Stage for MaxLen {
    fn name(&self) -> String {
        format!("max({})", self.max)
    }
    fn apply(&self, line: &str) -> Option<String> {
        Some(line.chars().take(self.max).collect())
    }
}

/// "trim", "redact:WORD" or "max:N" (N a number); anything else is `None`.
fn stage_from_spec(spec: &str) -> Option<Box<dyn Stage>> {
    let spec = spec.trim();
    if spec == "trim" {
        return Some(Box::new(Trim));
    }
    match spec.split_once(':')? {
        ("redact", word) if !word.is_empty() => Some(Box::new(Redact { word: word.to_string() })),
        ("max", n) => Some(Box::new(MaxLen { max: n.parse().ok()? })),
        _ => None,
    }
}

#[derive(Default)]
struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// Builds a pipeline from comma-separated entries; `None` if one is bad.
    fn from_spec(spec: &str) -> Option<Pipeline> {
        let stages = spec.split(',').map(stage_from_spec).collect::<Option<_>>()?;
        Some(Pipeline { stages })
    }

    /// Appends a stage of any type that borrows no short-lived data.
    fn push(&mut self, stage: impl Stage + 'static) {
        self.stages.push(Box::new(stage));
    }

    /// Runs `line` through every stage in order; stops at the first `None`.
    fn run(&self, line: &str) -> Option<String> {
        let mut current = line.to_string();
        for stage in &self.stages {
            current = stage.apply(&current)?;
        }
        Some(current)
    }

    /// The stage names joined by " -> ", e.g. "trim -> max(20)".
    fn describe(&self) -> String {
        let names: Vec<String> = self.stages.iter().map(|s| s.name()).collect();
        names.join(" -> ")
    }
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_stages() {
        assert_eq!(Trim.apply("  ok \n"), Some("ok".to_string()));
        assert_eq!(Trim.apply("   "), None);
        let r = Redact { word: "hunter2".into() };
        assert_eq!(r.apply("pw=hunter2 hunter2").as_deref(), Some("pw=*** ***"));
        assert_eq!(MaxLen { max: 4 }.apply("naïve café"), Some("naïv".to_string()));
        assert_eq!(MaxLen { max: 4 }.name(), "max(4)");
    }

    #[test]
    fn specs_pick_the_type_at_run_time() {
        let name = |spec: &str| stage_from_spec(spec).map(|stage| stage.name());
        assert_eq!(name("trim").as_deref(), Some("trim"));
        assert_eq!(name(" redact:token").as_deref(), Some("redact(token)"));
        assert_eq!(name("max:12").as_deref(), Some("max(12)"));
        for bad in ["max:lots", "redact:", "shout", "trim:3"] {
            assert!(stage_from_spec(bad).is_none(), "{bad} should be rejected");
        }
    }

    #[test]
    fn pipeline_runs_stages_in_order() {
        let p = Pipeline::from_spec("trim, redact:secret, max:12").unwrap();
        assert_eq!(p.describe(), "trim -> redact(secret) -> max(12)");
        assert_eq!(p.run("  key=secret; retry=3  "), Some("key=***; ret".to_string()));
        assert_eq!(p.run(" \t "), None);
        assert!(Pipeline::from_spec("trim, loud").is_none());
    }

    #[test]
    fn any_stage_type_can_be_pushed() {
        let mut p = Pipeline::default();
        assert_eq!(p.run("as is"), Some("as is".to_string()));
        p.push(MaxLen { max: 3 });
        p.push(Trim);
        assert_eq!(p.describe(), "max(3) -> trim");
        assert_eq!(p.run("a  bcd"), Some("a".to_string()));
    }
}
