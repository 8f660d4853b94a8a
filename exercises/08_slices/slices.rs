// Exercise: slices
//
// Three helpers that look at text and numbers WITHOUT taking ownership.
// The tests are the spec; do not edit them.
//
// As shipped, the tests do not compile (E0308): two helpers ask for
// `&String` / `&Vec<i32>`, but the tests also pass string literals and
// arrays. Once that is fixed, one test panics: `initial` slices by BYTE
// index, and the first character of "Élodie" is two bytes long.

// Returns the text after the last '.' of a file name ("" if there is none).
// TODO: the tests also pass string literals, which are not Strings.
fn extension(file: &String) -> &str {
    match file.rsplit_once('.') {
        Some((_, ext)) => ext,
        None => "",
    }
}

// Returns the values without the first and the last one.
// TODO: the tests also pass arrays and sub-slices, which are not Vecs.
fn inner(values: &Vec<i32>) -> &[i32] {
    if values.len() < 2 {
        return &[];
    }
    &values[1..values.len() - 1]
}

// Returns the first character of `name` as a string slice ("" if empty).
fn initial(name: &str) -> &str {
    // TODO: `..1` is a range of BYTES, but the first character of a name
    // may take up to four of them.
    if name.is_empty() {
        return "";
    }
    &name[..1]
}

fn main() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_of_a_string_and_of_a_literal() {
        let owned = String::from("notes.txt");
        assert_eq!(extension(&owned), "txt");
        assert_eq!(extension("backup.tar.gz"), "gz");
        assert_eq!(extension("Makefile"), "");
    }

    #[test]
    fn inner_of_a_vec_and_of_an_array() {
        let v = vec![1, 2, 3, 4];
        assert_eq!(inner(&v), [2, 3]);
        assert_eq!(inner(&[9]), []);
        assert_eq!(inner(&v[1..]), [3]);
    }

    #[test]
    fn initial_respects_char_boundaries() {
        assert_eq!(initial("Ada"), "A");
        assert_eq!(initial("Élodie"), "É");
        assert_eq!(initial("日本"), "日");
        assert_eq!(initial(""), "");
    }
}
