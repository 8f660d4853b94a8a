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
// TODO: the result may borrow from either argument, and the signature does
// not say so (E0106).
fn display_name(nick: &str, full: &str) -> &str {
    if nick.is_empty() { full } else { nick }
}

// TODO: the greeting is built inside this function and freed when it
// returns, yet the function hands out a reference to it (E0515).
fn welcome(name: &str) -> &str {
    let text = format!("Welcome back, {name}!");
    &text
}

fn main() {
    let nick = String::new();
    let shown;
    {
        // TODO: `full` is dropped at the closing brace below, but `shown`
        // may point into it and is used after that (E0597).
        let full = String::from("Grace Hopper");
        shown = display_name(&nick, &full);
    }
    println!("shown: {shown}");
    println!("{}", welcome(shown));
}
