// Exercise: enums
//
// A toy robot's commands: an enum whose variants carry data. The tests are
// the spec: do not change them. As shipped a `match` misses a variant (E0004);
// once that compiles, a test fails because of the ORDER of two arms.

#[derive(Debug, PartialEq)]
enum Command {
    Move { dx: i32, dy: i32 }, // struct-like variant
    Say(String),               // tuple-like variant
    Wait(u32),
    Stop, // unit variant
}

fn describe(cmd: &Command) -> String {
    // Every variant is covered; the guarded `Say` arm comes before the
    // general one because the first matching arm wins.
    match cmd {
        Command::Move { dx: 0, dy: 0 } => "stay put".to_string(),
        Command::Move { dx, dy } => format!("move by ({dx}, {dy})"),
        Command::Say(text) if text.is_empty() => "say nothing".to_string(),
        Command::Say(text) => format!("say \"{text}\""),
        Command::Wait(secs) if *secs >= 60 => format!("wait {} min", secs / 60),
        Command::Wait(secs) => format!("wait {secs} s"),
        Command::Stop => "stop".to_string(),
    }
}

/// "wait 5" becomes `Ok(Command::Wait(5))`; anything else is an error.
fn parse_wait(line: &str) -> Result<Command, String> {
    // let-else: bind on a match, otherwise the else block must leave.
    let Some(rest) = line.strip_prefix("wait ") else {
        return Err(format!("not a wait command: {line}"));
    };
    match rest.parse() {
        Ok(secs) => Ok(Command::Wait(secs)),
        Err(_) => Err(format!("bad number of seconds: {rest}")),
    }
}

/// Total seconds of waiting; `if let` picks out one variant.
fn total_wait(script: &[Command]) -> u32 {
    let mut total = 0;
    for cmd in script {
        if let Command::Wait(secs) = cmd {
            total += secs;
        }
    }
    total
}

fn main() {
    let hello = Command::Say("hi".to_string());
    let step = Command::Move { dx: 1, dy: 0 };
    println!("{} / {}", describe(&hello), describe(&step));
    let script = [Command::Wait(90), Command::Stop];
    println!("{:?} / {} s", parse_wait("wait 5"), total_wait(&script));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_every_variant() {
        assert_eq!(describe(&Command::Move { dx: 0, dy: 0 }), "stay put");
        let step = Command::Move { dx: 1, dy: -2 };
        assert_eq!(describe(&step), "move by (1, -2)");
        assert_eq!(describe(&Command::Say("hi".to_string())), "say \"hi\"");
        assert_eq!(describe(&Command::Wait(30)), "wait 30 s");
        assert_eq!(describe(&Command::Wait(180)), "wait 3 min");
        assert_eq!(describe(&Command::Stop), "stop");
        assert_eq!(describe(&Command::Say(String::new())), "say nothing");
    }

    #[test]
    fn parses_and_sums_waits() {
        assert_eq!(parse_wait("wait 5"), Ok(Command::Wait(5)));
        assert!(parse_wait("wait soon").is_err());
        assert!(parse_wait("stop").is_err());
        let script = [Command::Wait(3), Command::Stop, Command::Wait(4)];
        assert_eq!(total_wait(&script), 7);
    }
}
