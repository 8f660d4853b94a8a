use std::process::ExitCode;

fn main() -> ExitCode {
    learn::main()
}
