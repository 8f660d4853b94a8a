// Step 33: interview essentials
//
// A lending library that uses the whole track: ownership, borrowing, Option
// vs Result, traits, generics. It does not compile (E0308); once it does, a
// test panics. Fix the two TODOs so the tests pass; do not edit the tests.

#[derive(Debug, PartialEq)]
enum LendError {
    UnknownTitle,
    NoCopiesLeft,
}

trait Summary {
    fn summary(&self) -> String;
}

struct Book {
    title: String,
    copies: u32,
}

impl Summary for Book {
    fn summary(&self) -> String {
        format!("{} x{}", self.title, self.copies)
    }
}

/// Not finding a book is a normal answer, so: an Option of a borrow.
fn find<'a>(books: &'a [Book], title: &str) -> Option<&'a Book> {
    books.iter().find(|b| b.title == title)
}

fn lend(books: &mut [Book], title: &str) -> Result<u32, LendError> {
    // TODO: an unknown title is a failure for the caller: return an `Err`.
    let book = books.iter_mut().find(|b| b.title == title).unwrap();
    if book.copies == 0 {
        return Err(LendError::NoCopiesLeft);
    }
    book.copies -= 1;
    Ok(book.copies)
}

// TODO: don't take the caller's Vec; borrow a slice of any `T: Summary`.
fn report(items: Vec<Book>) -> String {
    let parts: Vec<String> = items.iter().map(|item| item.summary()).collect();
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shelf() -> Vec<Book> {
        let title = String::from("Dune");
        vec![Book { title, copies: 1 }]
    }

    impl Summary for &str {
        fn summary(&self) -> String {
            format!("#{self}")
        }
    }

    #[test]
    fn find_borrows_and_lend_reports_failures() {
        let mut books = shelf();
        assert_eq!(find(&books, "Dune").map(|b| b.copies), Some(1));
        assert_eq!(lend(&mut books, "Dune"), Ok(0));
        assert_eq!(lend(&mut books, "Dune"), Err(LendError::NoCopiesLeft));
        assert_eq!(lend(&mut books, "Emma"), Err(LendError::UnknownTitle));
    }

    #[test]
    fn report_borrows_anything_with_a_summary() {
        let books = shelf();
        assert_eq!(report(&books), "Dune x1");
        assert_eq!(books.len(), 1); // still owned here
        assert_eq!(report(&["rust", "jobs"]), "#rust, #jobs");
    }
}
