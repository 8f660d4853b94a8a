// Exercise: profiles
//
// Editor profiles, built with field init shorthand, struct update syntax
// (`..base`) and `Default`. As shipped the file does not compile: first a
// struct literal leaves out a field (E0063); once that is fixed, rustc
// finds that `..base` moved part of `base` away while `base` is still used
// later (E0382). Fix both, without changing the printing code, so that the
// program prints exactly:
//
//   default: theme light, font 12, autosave on
//   large: theme light, font 18, autosave on
//   writer: theme sepia, font 12, autosave off
//   default still has theme light

#[derive(Debug, Clone)]
struct Profile {
    name: String,
    theme: String,
    font_size: u8,
    autosave: bool,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            name: String::from("default"),
            theme: String::from("light"),
            font_size: 12,
            autosave: true,
        }
    }
}

impl Profile {
    fn describe(&self) -> String {
        let autosave = if self.autosave { "on" } else { "off" };
        format!(
            "{}: theme {}, font {}, autosave {}",
            self.name, self.theme, self.font_size, autosave
        )
    }
}

fn main() {
    let name = String::from("default");
    let theme = String::from("light");
    // Field init shorthand: `name` means `name: name`.
    // TODO (1): a struct literal must give every field, and this one does not.
    let base = Profile {
        name,
        theme,
        font_size: 12,
    };

    // `..base` fills in the fields this literal does not give.
    // TODO (2): one of those fields moves out of `base`, which is still
    // used below.
    let large = Profile {
        name: String::from("large"),
        font_size: 18,
        ..base
    };

    let writer = Profile {
        name: String::from("writer"),
        theme: String::from("sepia"),
        autosave: false,
        ..Profile::default()
    };

    println!("{}", base.describe());
    println!("{}", large.describe());
    println!("{}", writer.describe());
    println!("{} still has theme {}", base.name, base.theme);
}
