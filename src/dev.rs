//! `learn dev`: instructor commands.

use anyhow::{Result, bail};

use crate::cli::Global;

pub fn check(_global: &Global, _json: bool) -> Result<u8> {
    bail!("learn dev check is not built yet")
}

pub fn new(
    _global: &Global,
    _name: &str,
    _topic: &str,
    _mode: &str,
    _after: Option<&str>,
) -> Result<u8> {
    bail!("learn dev new is not built yet")
}
