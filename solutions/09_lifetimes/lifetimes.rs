// Exercise: lifetimes
//
// Two helpers for a user's profile page, and three different lifetime
// errors. A returned reference must point to something that outlives the
// call, and the signature must say what that something is.
//
// The program must print exactly:
//
//   shown: Grace Hopper
//   Welcome back, Grace Hopper!

// The nickname if there is one, else the full name.
// The result is valid as long as BOTH inputs are.
fn display_name<'a>(nick: &'a str, full: &'a str) -> &'a str {
    if nick.is_empty() { full } else { nick }
}

// New text has no owner outside this function: return it owned. No
// annotation could keep a local alive after the function returns.
fn welcome(name: &str) -> String {
    format!("Welcome back, {name}!")
}

fn main() {
    let nick = String::new();
    // `full` now lives until the end of main, as long as `shown` is used.
    let full = String::from("Grace Hopper");
    let shown = display_name(&nick, &full);
    println!("shown: {shown}");
    println!("{}", welcome(shown));
}
