//! The terminal: a guard that owns raw mode and the alternate screen (and
//! gives them back on drop, on a panic and on a signal), the one input
//! source of watch mode and the quiz (keys and resizes on a terminal, lines
//! otherwise), and helpers to draw text with ANSI styles into a screen region.

use std::io::{BufRead, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, Result};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::text::Text;
use ratatui::widgets::Paragraph;

use crate::process::signals;

/// Whether both ends are a terminal: full screen; otherwise a transcript.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Put the terminal back as it was: cooked mode, the main screen, a cursor.
fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        std::io::stdout(),
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
}

/// The same from a signal's clean-up: through a handle of its own on the
/// terminal, so a stdout that another thread holds cannot block it.
fn restore_from_signal() {
    let _ = terminal::disable_raw_mode();
    if let Ok(mut tty) = std::fs::OpenOptions::new().write(true).open("/dev/tty") {
        let _ = execute!(tty, terminal::LeaveAlternateScreen, cursor::Show);
    }
}

/// The full screen, while it lives.
pub struct Screen {
    terminal: Terminal<CrosstermBackend<std::io::Stdout>>,
    /// Set while another program (an editor) has the terminal.
    paused: Arc<AtomicBool>,
}

impl Screen {
    /// Take the terminal: raw mode, the alternate screen, no cursor.
    pub fn enter(paused: Arc<AtomicBool>) -> Result<Screen> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        signals::on_signal(restore_from_signal);
        terminal::enable_raw_mode().context("cannot put the terminal in raw mode")?;
        execute!(
            std::io::stdout(),
            terminal::EnterAlternateScreen,
            cursor::Hide
        )
        .context("cannot switch to the full screen")?;
        let terminal = Terminal::new(CrosstermBackend::new(std::io::stdout()))
            .context("cannot draw on the terminal")?;
        Ok(Screen { terminal, paused })
    }

    pub fn draw(&mut self, f: impl FnOnce(&mut ratatui::Frame)) -> Result<()> {
        self.terminal
            .draw(f)
            .context("cannot draw on the terminal")?;
        Ok(())
    }

    /// Give the terminal to another program (an editor) until it ends.
    pub fn lend(&mut self, run: impl FnOnce() -> std::io::Result<()>) -> Result<()> {
        self.paused.store(true, Ordering::SeqCst);
        // Let the input thread see the pause before the program reads keys.
        std::thread::sleep(Duration::from_millis(60));
        restore();
        let result = run();
        terminal::enable_raw_mode().context("cannot put the terminal in raw mode")?;
        execute!(
            std::io::stdout(),
            terminal::EnterAlternateScreen,
            cursor::Hide
        )?;
        self.terminal.clear()?;
        self.paused.store(false, Ordering::SeqCst);
        result.context("the editor could not run")
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        restore();
        signals::forget_cleanups();
    }
}

/// One unit of learner input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    /// The terminal changed size.
    Resize,
    /// One line (stdin is not a terminal).
    Line(String),
    /// Input ended: stdin closed, or the terminal went away.
    Closed,
}

/// A key press, as the front-ends use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Escape,
    Backspace,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    Tab,
    /// Ctrl-C, or Ctrl-D on an empty line.
    Interrupt,
    Other,
}

fn key(e: KeyEvent) -> Option<Key> {
    if e.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = e.modifiers.contains(KeyModifiers::CONTROL);
    Some(match e.code {
        KeyCode::Char('c' | 'd') if ctrl => Key::Interrupt,
        KeyCode::Char(c) if !ctrl => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Escape,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Tab => Key::Tab,
        _ => Key::Other,
    })
}

/// Start the thread that turns keys (a terminal) or lines (anything else)
/// into `Input`, sent through `send` until it returns false. While `paused`
/// is set the terminal is left alone (an editor is reading it).
pub fn spawn_input(
    tty: bool,
    paused: Arc<AtomicBool>,
    send: impl Fn(Input) -> bool + Send + 'static,
) -> Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            if tty {
                let mut rushed = 0;
                loop {
                    if paused.load(Ordering::SeqCst) {
                        std::thread::sleep(Duration::from_millis(20));
                        continue;
                    }
                    // Wake up now and then to see a pause; an idle wait costs nothing.
                    let start = std::time::Instant::now();
                    match event::poll(Duration::from_millis(50)) {
                        // A terminal that went away (a closed window) makes
                        // every wait return at once: many in a row end it.
                        Ok(false) => {
                            let hurried = start.elapsed() < Duration::from_millis(25);
                            rushed = if hurried { rushed + 1 } else { 0 };
                            if rushed > 200 {
                                break;
                            }
                            continue;
                        }
                        Ok(true) => {}
                        Err(_) => break,
                    }
                    let input = match event::read() {
                        Ok(Event::Key(e)) => match key(e) {
                            Some(k) => Input::Key(k),
                            None => continue,
                        },
                        Ok(Event::Resize(..)) => Input::Resize,
                        Ok(_) => continue,
                        Err(_) => break,
                    };
                    if !send(input) {
                        return;
                    }
                }
            } else {
                for line in std::io::stdin().lock().lines() {
                    let Ok(line) = line else { break };
                    if !send(Input::Line(line)) {
                        return;
                    }
                }
            }
            send(Input::Closed);
        })
        .context("cannot start the input thread")?;
    Ok(())
}

/// Text with ANSI styles as lines for the screen.
pub fn styled(ansi: &str) -> Text<'static> {
    use ansi_to_tui::IntoText;
    ansi.into_text()
        .unwrap_or_else(|_| Text::raw(console::strip_ansi_codes(ansi).into_owned()))
}

/// A scroll position past any text: the end stays in view.
pub const END: usize = usize::MAX / 2;

/// A region of text, wrapped to its width, scrolled to `top` (kept in
/// range), with a last line saying what is below when it does not fit.
/// Returns the top actually used.
pub fn scrolled(frame: &mut ratatui::Frame, area: Rect, ansi: &str, top: usize) -> usize {
    if area.height == 0 || area.width == 0 {
        return 0;
    }
    let wrapped = crate::text::wrap(ansi, area.width as usize);
    let lines: Vec<&str> = wrapped.lines().collect();
    let height = area.height as usize;
    let fits = lines.len() <= height;
    let room = if fits {
        height
    } else {
        height.saturating_sub(1).max(1)
    };
    let top = top.min(lines.len().saturating_sub(room));
    let mut shown = lines[top..(top + room).min(lines.len())].join("\n");
    if !fits {
        let below = lines.len() - top - room.min(lines.len() - top);
        let note = if below > 0 {
            format!("↓ {below} more lines (PgDn, ↓)")
        } else {
            "↑ more above (PgUp, ↑)".to_owned()
        };
        shown.push('\n');
        shown.push_str(&console::style(note).dim().to_string());
    }
    frame.render_widget(Paragraph::new(styled(&shown)), area);
    top
}
