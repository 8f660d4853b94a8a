//! `learn stats`: the progress picture per topic.

use anyhow::{Result, bail};

use crate::app::Ctx;

pub fn run(_ctx: &Ctx, _json: bool) -> Result<u8> {
    bail!("learn stats is not built yet")
}
