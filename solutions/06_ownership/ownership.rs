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

// Takes the playlist, adds a title, and hands ownership back to the caller.
fn add_track(mut playlist: Vec<String>, title: String) -> Vec<String> {
    playlist.push(title);
    playlist
}

// Takes ownership of the playlist; it is dropped when this function returns.
fn describe(playlist: Vec<String>) -> String {
    format!("{} tracks: {}", playlist.len(), playlist.join(", "))
}

fn main() {
    let playlist = Vec::new();

    // Each `let` shadows the moved-from name with the owner handed back.
    let playlist = add_track(playlist, String::from("Intro"));
    let playlist = add_track(playlist, String::from("Theme"));
    let playlist = add_track(playlist, String::from("Outro"));

    println!("{}", describe(playlist));
}
