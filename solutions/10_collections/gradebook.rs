// Exercise: gradebook
//
// A course gradebook: student name -> the scores of their assignments, in
// the order they were handed in. Write the methods of `Gradebook`; the
// tests at the bottom are the spec. A HashMap's iteration order is
// unspecified and changes from run to run, so whatever must come out in a
// fixed order has to be sorted, or built in a BTreeMap (sorted by key).

use std::collections::{BTreeMap, HashMap};

struct Gradebook {
    scores: HashMap<String, Vec<u32>>,
}

impl Gradebook {
    fn new() -> Self {
        Gradebook {
            scores: HashMap::new(),
        }
    }

    /// Records one score for a student; a student seen for the first time
    /// is added.
    fn record(&mut self, student: &str, score: u32) {
        self.scores
            .entry(student.to_string())
            .or_default()
            .push(score);
    }

    /// The average of a student's scores; `None` for an unknown student.
    fn average(&self, student: &str) -> Option<f64> {
        self.scores.get(student).map(|scores| mean(scores))
    }

    /// Removes every score below `min` and returns how many were removed.
    /// A student left with no scores is removed from the gradebook.
    fn drop_below(&mut self, min: u32) -> usize {
        let mut removed = 0;
        for scores in self.scores.values_mut() {
            let before = scores.len();
            scores.retain(|&s| s >= min);
            removed += before - scores.len();
        }
        self.scores.retain(|_, scores| !scores.is_empty());
        removed
    }

    /// Students grouped by the letter of their average: 'A' from 90,
    /// 'B' from 80, 'C' from 70, 'F' below. Letters without students are
    /// left out; the names in each group are sorted.
    fn by_grade(&self) -> BTreeMap<char, Vec<String>> {
        let mut groups: BTreeMap<char, Vec<String>> = BTreeMap::new();
        for (name, scores) in &self.scores {
            let letter = match mean(scores) {
                a if a >= 90.0 => 'A',
                a if a >= 80.0 => 'B',
                a if a >= 70.0 => 'C',
                _ => 'F',
            };
            groups.entry(letter).or_default().push(name.clone());
        }
        for names in groups.values_mut() {
            names.sort();
        }
        groups
    }

    /// One line per student, sorted by name: "ada: n=3 best=97 avg=88.3".
    fn report(&self) -> Vec<String> {
        let mut names: Vec<&String> = self.scores.keys().collect();
        names.sort();
        let mut lines = Vec::with_capacity(names.len());
        for name in names {
            let scores = &self.scores[name];
            let best = scores.iter().max().copied().unwrap_or(0);
            let (n, avg) = (scores.len(), mean(scores));
            lines.push(format!("{name}: n={n} best={best} avg={avg:.1}"));
        }
        lines
    }
}

/// The mean of a non-empty list of scores (a student always has one).
fn mean(scores: &[u32]) -> f64 {
    let sum: u32 = scores.iter().sum();
    f64::from(sum) / scores.len() as f64
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Gradebook {
        let mut book = Gradebook::new();
        let handed_in = [("ada", 97), ("ben", 64), ("ada", 80), ("cy", 91), ("ben", 78), ("ada", 88)];
        for (name, score) in handed_in {
            book.record(name, score);
        }
        book
    }

    #[test]
    fn averages() {
        let book = sample();
        assert_eq!(book.average("ben"), Some(71.0));
        assert_eq!(book.average("cy"), Some(91.0));
        assert!((book.average("ada").unwrap() - 88.333).abs() < 0.01);
        assert_eq!(book.average("dee"), None);
    }

    #[test]
    fn report_is_sorted_by_name() {
        let book = sample();
        let expected = [
            "ada: n=3 best=97 avg=88.3",
            "ben: n=2 best=78 avg=71.0",
            "cy: n=1 best=91 avg=91.0",
        ];
        assert_eq!(book.report(), expected);
        assert!(Gradebook::new().report().is_empty());
    }

    #[test]
    fn groups_by_letter_in_order() {
        let mut book = sample();
        book.record("dee", 95);
        book.record("eve", 40);
        let groups = book.by_grade();
        let letters: Vec<char> = groups.keys().copied().collect();
        assert_eq!(letters, ['A', 'B', 'C', 'F']);
        assert_eq!(groups[&'A'], ["cy", "dee"]);
        assert_eq!(groups[&'B'], ["ada"]);
        assert_eq!(groups[&'C'], ["ben"]);
        assert_eq!(groups[&'F'], ["eve"]);
    }

    #[test]
    fn dropping_low_scores() {
        let mut book = sample();
        book.record("eve", 40);
        assert_eq!(book.drop_below(70), 2);
        assert_eq!(book.average("ben"), Some(78.0));
        assert_eq!(book.average("eve"), None);
        assert_eq!(book.report().len(), 3);
        assert_eq!(book.drop_below(70), 0);
    }
}
