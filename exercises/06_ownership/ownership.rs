// Exercise: ownership
//
// A playlist is built by handing the Vec to `add_track`, which takes it by
// value. Passing a value to a function MOVES it into the function.
//
// Make the program compile and print exactly:
//
//   3 tracks: Intro, Theme, Outro
//
// Rules: no `.clone()` and no references (`&`): ownership itself has to
// travel from `main` into `add_track` and back again.

// TODO: this function takes the playlist, adds a title, and then drops the
// whole playlist when it returns: its caller never gets it back.
fn add_track(mut playlist: Vec<String>, title: String) {
    playlist.push(title);
}

// Takes ownership of the playlist; it is dropped when this function returns.
fn describe(playlist: Vec<String>) -> String {
    format!("{} tracks: {}", playlist.len(), playlist.join(", "))
}

fn main() {
    let playlist = Vec::new();

    // TODO: after the first call, `main` no longer owns `playlist`, so the
    // second call uses a moved value (E0382).
    add_track(playlist, String::from("Intro"));
    add_track(playlist, String::from("Theme"));
    add_track(playlist, String::from("Outro"));

    println!("{}", describe(playlist));
}
