// Exercise: excerpt
//
// An `Excerpt` remembers a passage of a longer text WITHOUT copying it: it
// stores a `&str`. A struct that stores a reference needs a lifetime
// parameter, and its methods can then promise that what they return
// borrows from the TEXT rather than from the Excerpt itself.
//
// The tests are the spec; do not edit them.

// An Excerpt cannot outlive the text it borrows.
struct Excerpt<'a> {
    text: &'a str,
}

impl<'a> Excerpt<'a> {
    fn new(text: &'a str) -> Self {
        Excerpt { text }
    }

    // The text before the first '.', without surrounding spaces.
    // `&'a str`, not the elided `&str`: the result borrows the text, so it
    // stays valid after the Excerpt is dropped.
    fn first_sentence(&self) -> &'a str {
        self.text.split('.').next().unwrap_or("").trim()
    }

    // The number of words, separated by whitespace.
    fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_of_a_literal_and_of_a_string() {
        let quote = Excerpt::new("Simple is better. Flat is better.");
        assert_eq!(quote.first_sentence(), "Simple is better");
        assert_eq!(quote.word_count(), 6);

        let owned = String::from("  No dots here  ");
        let excerpt = Excerpt::new(&owned);
        assert_eq!(excerpt.first_sentence(), "No dots here");
    }

    #[test]
    fn the_sentence_outlives_the_excerpt() {
        let book = String::from("Call me Ishmael. Some years ago, never mind how long.");
        let first = {
            let excerpt = Excerpt::new(&book);
            excerpt.first_sentence()
        };
        // The Excerpt is gone; the sentence is a slice of `book`, which is not.
        assert_eq!(first, "Call me Ishmael");
        assert_eq!(first.as_ptr(), book.as_ptr());
    }

    #[test]
    fn many_excerpts_of_one_text() {
        let log = String::from("Disk almost full. Cleanup started.");
        let (head, tail) = log.split_at(17);
        let excerpts = [Excerpt::new(head), Excerpt::new(tail)];
        let firsts: Vec<&str> = excerpts.iter().map(|e| e.first_sentence()).collect();
        assert_eq!(firsts, ["Disk almost full", "Cleanup started"]);
    }
}
