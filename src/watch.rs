//! `learn watch`: recompile on every save, then gate the step on its questions.

use anyhow::Result;

use crate::app::{Ctx, EXIT_OK};
use crate::cli::WatchArgs;
use crate::ui;

pub fn run(ctx: Ctx, _args: &WatchArgs) -> Result<u8> {
    let i = ctx.state.current(&ctx.course);
    println!(
        "{}\n{}",
        ctx.course.title,
        ui::progress_line(&ctx.course, &ctx.state)
    );
    println!("{}", ui::step_heading(&ctx.course, i));
    Ok(EXIT_OK)
}
