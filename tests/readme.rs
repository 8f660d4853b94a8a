//! The README documents what `--help` offers: every command, every option.

mod common;

use std::process::Command;

use common::BIN;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

fn help(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).arg("--help").output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The names listed under `Commands:` in a help text.
fn commands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|c| c != "help")
        .collect()
}

/// The long options (`--name`) a help text lists.
fn options(help: &str) -> Vec<String> {
    help.lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let l = l.strip_prefix("-h, ").unwrap_or(l);
            let l = l.split_once(", ").map_or(l, |(_, long)| long);
            l.starts_with("--")
                .then(|| l.split([' ', '=', '[']).next().unwrap().to_owned())
        })
        .filter(|o| o != "--help" && o != "--version")
        .collect()
}

#[test]
fn every_command_and_option_is_documented() {
    let readme = readme();
    let top = help(&[]);
    let mut missing = Vec::new();
    for option in options(&top) {
        if !readme.contains(&format!("`{option}")) {
            missing.push(option);
        }
    }
    for command in commands(&top) {
        if !readme.contains(&format!("`learn {command}")) {
            missing.push(format!("learn {command}"));
        }
        let sub = help(&[command.as_str()]);
        let mut helps = vec![(command.clone(), sub.clone())];
        for sub_command in commands(&sub) {
            if !readme.contains(&format!("`learn {command} {sub_command}")) {
                missing.push(format!("learn {command} {sub_command}"));
            }
            let name = format!("{command} {sub_command}");
            helps.push((name, help(&[command.as_str(), sub_command.as_str()])));
        }
        for (name, text) in helps {
            for option in options(&text) {
                if !readme.contains(&format!("`{option}"))
                    && !readme.contains(&format!(" {option}"))
                {
                    missing.push(format!("learn {name} {option}"));
                }
            }
        }
    }
    let report = help(&["dev", "report"]);
    assert!(
        options(&report).contains(&"--min-learners".to_owned()),
        "the parser reads nested commands: {:?}",
        options(&report)
    );
    assert!(
        options(&top).contains(&"--course".to_owned()),
        "the parser reads --help"
    );
    assert!(missing.is_empty(), "not in the README: {missing:?}");
}
