// Exercise: unsized_bounds
//
// A tiny structured logger. `field` prints one `key=value` pair, and
// `Tagged` pairs a tag with a borrowed value to print later. Both are
// generic so they accept anything printable: numbers and `String`s, but
// also string slices (`str`) and trait objects (`dyn Display`), which the
// logger only ever sees through a reference.
//
// rustc rejects `main` with E0277. Fix the generic definitions, not
// `main`, so that the program prints:
//
//   user=ferris
//   attempts=3
//   [auth] token expired
//   [auth] 401
//   &str is 2 words, &String is 1 word

use std::fmt::Display;
use std::mem::size_of;

// TODO: `T` carries a requirement nobody wrote down, and `str` and
// `dyn Display` cannot meet it. This function only uses `T` behind a
// reference, so the requirement is not needed: lift it.
fn field<T: Display>(key: &str, value: &T) {
    println!("{key}={value}");
}

// TODO: the same hidden requirement applies to the type parameters of
// structs and impl blocks.
struct Tagged<'a, T: Display> {
    tag: &'static str,
    value: &'a T,
}

impl<T: Display> Tagged<'_, T> {
    fn print(&self) {
        println!("[{}] {}", self.tag, self.value);
    }
}

// How many machine words a type takes.
fn words<T>() -> usize {
    size_of::<T>() / size_of::<usize>()
}

fn main() {
    let user = String::from("ferris");
    field("user", user.as_str());
    field("attempts", &3);

    let reason: &str = "token expired";
    let status: &dyn Display = &401;
    let why = Tagged {
        tag: "auth",
        value: reason,
    };
    let code = Tagged {
        tag: "auth",
        value: status,
    };
    why.print();
    code.print();

    println!(
        "&str is {} words, &String is {} word",
        words::<&str>(),
        words::<&String>()
    );
}
