// Exercise: ownership
//
// A playlist is built by handing the Vec to `add_track`, which takes it by
// value. Passing a value to a function MOVES it: after the first call,
// `main` no longer owns `playlist`, so using it again is error E0382.
//
// Make the program compile and print exactly:
//
//   3 tracks: Intro, Theme, Outro
//
// Rules: no `.clone()` and no references (`&`). Instead, let `add_track`
// hand ownership back to its caller, and keep using what it returns.

fn add_track(mut playlist: Vec<String>, title: String) {
    // TODO: return the playlist so that the caller owns it again.
    playlist.push(title);
}

// Takes ownership of the playlist; it is dropped when this function returns.
fn describe(playlist: Vec<String>) -> String {
    format!("{} tracks: {}", playlist.len(), playlist.join(", "))
}

fn main() {
    let playlist = Vec::new();

    // TODO: rebind `playlist` to the value each call gives back,
    // e.g. `let playlist = add_track(...);`.
    add_track(playlist, String::from("Intro"));
    add_track(playlist, String::from("Theme"));
    add_track(playlist, String::from("Outro"));

    println!("{}", describe(playlist));
}
