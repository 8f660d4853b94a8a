// Exercise: tokens
//
// Write the tokenizer of a tiny expression language, e.g. `max(a, 10) * 2`.
//   - A token is a run of letters, digits and '_' (`max`, `10`, `user_id`),
//     or any other single non-space character (`(`, `,`, `*`, ...).
//   - Whitespace separates tokens and is skipped.
//
// Tokens are slices of the SOURCE text, not copies: they must stay usable
// after the `Tokens` value that produced them is gone. Get the lifetimes
// right in every signature you write; the tests check it.
//
// `function_names` returns every identifier (a word token that does not
// start with a digit) that is directly followed by a "(" token.
//
// The tests are the spec; do not edit them.

pub struct Tokens<'a> {
    rest: &'a str,
}

impl<'a> Tokens<'a> {
    pub fn new(src: &'a str) -> Self {
        Tokens { rest: src }
    }

    // TODO: the tests also need a peek method: it returns the next token
    // without consuming it, and the token must outlive the tokenizer.
}

impl<'a> Iterator for Tokens<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        todo!("split the next token off the front of {:?}", self.rest)
    }
}

pub fn function_names(src: &str) -> Vec<&str> {
    todo!("collect the names called in {src:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(src: &str) -> Vec<&str> {
        Tokens::new(src).collect()
    }

    #[test]
    fn words_and_punctuation() {
        assert_eq!(all("max(a, 10)"), ["max", "(", "a", ",", "10", ")"]);
        assert_eq!(all("  user_id*2+x  "), ["user_id", "*", "2", "+", "x"]);
        assert_eq!(all("a<=b"), ["a", "<", "=", "b"]);
    }

    #[test]
    fn nothing_but_spaces() {
        assert!(all("").is_empty());
        assert!(all(" \t\n ").is_empty());
    }

    #[test]
    fn non_ascii_text() {
        assert_eq!(all("größe → 5"), ["größe", "→", "5"]);
    }

    #[test]
    fn peek_does_not_consume() {
        let mut t = Tokens::new("f(x)");
        assert_eq!(t.peek(), Some("f"));
        assert_eq!(t.peek(), Some("f"));
        assert_eq!(t.next(), Some("f"));
        assert_eq!(t.peek(), Some("("));
        while t.next().is_some() {}
        assert_eq!(t.peek(), None);
    }

    #[test]
    fn tokens_outlive_the_tokenizer() {
        let src = String::from("sum(x, y)");
        let first;
        let second;
        {
            let mut t = Tokens::new(&src);
            first = t.next();
            second = t.peek();
        } // `t` is dropped here; the tokens borrow `src`, not `t`
        assert_eq!(first, Some("sum"));
        assert_eq!(second, Some("("));
        let words: Vec<&str> = all(&src);
        assert_eq!(words.len(), 6);
    }

    #[test]
    fn finds_called_functions() {
        let src = String::from("max(a, min(b, 2)) + f (x) - 3(y) + len");
        assert_eq!(function_names(&src), ["max", "min", "f"]);
        assert!(function_names("a + b").is_empty());
    }
}
