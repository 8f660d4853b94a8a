//! A mutation fuzzer over the course loader, run in bounded time with every
//! `cargo test`: 100,000 inputs (LEARN_FUZZ_INPUTS to change it) made from
//! real info.toml files by flipping, inserting (invalid UTF-8, control
//! characters, TOML punctuation), deleting, duplicating and splicing bytes.
//! No input may panic, and every problem must name a position inside the file.

use std::path::Path;

use learn::course::{Course, decode};

/// The seeds: both dialects, and a step with several exercises.
fn seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seeds: Vec<Vec<u8>> = ["dev-good", "rustlings", "quiz"]
        .iter()
        .map(|f| std::fs::read(root.join(f).join("info.toml")).unwrap())
        .collect();
    seeds.push(
        b"format_version = 1\n[course]\ntitle = \"T\"\nedition = \"2024\"\n[[steps]]\nname = \"s\"\ntitle = \"S\"\ntopic = \"t\"\nlevel = \"advanced\"\nhints = [\"h\"]\n[[steps.exercises]]\npath = \"exercises/01_greet/greet.rs\"\nmode = \"run\"\nexpected_output = \"x\"\n[[steps.exercises]]\npath = \"./exercises/02_add/add.rs\"\nmode = \"test\"\nallow = [\"todo-states-fix\"]\n[[steps.mcq]]\nprompt = \"?\"\nchoices = [\"a\", \"b\"]\nanswer = [\"a\"]\n[[steps.trace]]\nprogram = \"fn main() {}\"\ncompiles = false\nerror_line = 1\npanics = \"thread\"\n"
            .to_vec(),
    );
    seeds
}

/// Pieces worth inserting: what breaks UTF-8, TOML or the course model.
const PIECES: &[&[u8]] = &[
    b"\xff",
    b"\xc3",
    b"\xe2\x80\xae",
    b"\x1b[2J",
    b"\\u001b",
    b"\\e",
    b"\x00",
    b"\r",
    b"\n",
    b"\"",
    b"'''",
    b"\"\"\"",
    b"[[steps]]\n",
    b"[[exercises]]\n",
    b"[[steps.exercises]]\n",
    b"[course]\n",
    b" = ",
    b"{",
    b"]",
    b"answer = 2\n",
    b"answer = [\"z\"]\n",
    b"panics = \"worker\"\n",
    b"error_line = 99\n",
    b"path = \"../x.rs\"\n",
    b"path = \"-Z.rs\"\n",
    b"name = \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"\n",
    b"format_version = 9\n",
    b"1e999",
    b"-9223372036854775808",
];

fn mutate(rng: &mut fastrand::Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut data = seeds[rng.usize(..seeds.len())].clone();
    for _ in 0..rng.usize(1..6) {
        let at = rng.usize(..=data.len());
        match rng.u8(..6) {
            0 if !data.is_empty() => {
                let i = rng.usize(..data.len());
                data[i] ^= 1 << rng.u8(..8);
            }
            1 => {
                let piece = PIECES[rng.usize(..PIECES.len())];
                data.splice(at..at, piece.iter().copied());
            }
            2 if at < data.len() => {
                let end = (at + rng.usize(1..40)).min(data.len());
                data.drain(at..end);
            }
            3 if at < data.len() => {
                let end = (at + rng.usize(1..80)).min(data.len());
                let copy = data[at..end].to_vec();
                let to = rng.usize(..=data.len());
                data.splice(to..to, copy);
            }
            4 => {
                // Splice in part of another seed.
                let other = &seeds[rng.usize(..seeds.len())];
                let from = rng.usize(..other.len());
                let end = (from + rng.usize(1..200)).min(other.len());
                data.splice(at..at, other[from..end].iter().copied());
            }
            _ => {
                let byte = rng.u8(..);
                data.insert(at.min(data.len()), byte);
            }
        }
    }
    data
}

#[test]
fn the_loader_never_panics_and_every_problem_has_a_position() {
    let inputs: usize = std::env::var("LEARN_FUZZ_INPUTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev-good");
    let seeds = seeds();
    let mut rng = fastrand::Rng::with_seed(0x1ea2);
    let (mut loaded, mut refused) = (0usize, 0usize);
    for n in 0..inputs {
        let data = mutate(&mut rng, &seeds);
        let result = std::panic::catch_unwind(|| match decode(&data) {
            Err(p) => Err(vec![p]),
            Ok(text) => Course::parse(&root, text).map(drop),
        });
        let problems = match result {
            Ok(Ok(())) => {
                loaded += 1;
                continue;
            }
            Ok(Err(problems)) => problems,
            Err(_) => panic!(
                "input {n} panicked the loader:\n{}",
                String::from_utf8_lossy(&data)
            ),
        };
        refused += 1;
        assert!(!problems.is_empty(), "input {n}: refused without a problem");
        let lines = data.iter().filter(|&&b| b == b'\n').count() + 1;
        for p in &problems {
            assert!(
                p.line >= 1 && p.line <= lines && p.column >= 1,
                "input {n}: {p} is not a position in a file of {lines} lines:\n{}",
                String::from_utf8_lossy(&data)
            );
            assert!(
                p.to_string()
                    .starts_with(&format!("info.toml:{}:{}: ", p.line, p.column)),
                "{p}"
            );
        }
    }
    assert_eq!(loaded + refused, inputs);
    // The mutations must reach both outcomes, or the fuzzer tests nothing.
    assert!(
        loaded > inputs / 100 && refused > inputs / 2,
        "{loaded} loaded, {refused} refused"
    );
}
