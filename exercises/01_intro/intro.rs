// Exercise: intro
//
// Welcome! Every step of this course is one Rust file that you fix in your
// editor. This one does not compile yet: rustc stops with error E0423.
// Read the error, fix the line marked TODO, and save. The program must
// print exactly:
//
//   Hello, Ferris!
//   3 + 4 = 7
//   Built by rustc, edition 2024.
//
// You can also try it by hand:
//
//   rustc --edition 2024 intro.rs && ./intro
//
// In a Cargo project this code would live in src/main.rs and you would
// type `cargo run` instead: Cargo calls rustc for you.

fn main() {
    let name = "Ferris";

    // TODO: `println` is a macro, not a function, and rustc says so.
    // Look at how the other two lines call it.
    println("Hello, {name}!");

    let a = 3;
    let b = 4;
    println!("{a} + {b} = {}", a + b);

    let edition = 2024;
    println!("Built by rustc, edition {edition}.");
}
