//! Entering and leaving the terminal's full-screen mode. One idempotent `restore` undoes
//! everything `enter` turned on and puts back the terminal's settings as they were when boucle
//! started (as vim, less and tig do: a program run meanwhile, such as an editor that crashed in
//! raw mode, cannot leave them broken); it runs on quit, on error, on panic, on every catchable
//! terminating signal (then boucle exits with 128 + the signal's number), and before a stop
//! by Ctrl-Z or SIGTSTP. `tests/it/e2e_terminal.rs` checks each in tmux.

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::{Arc, OnceLock};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};

use super::event::{Event, Reason};
use super::host::Host;
use super::input_queue::InputQueue;
use super::reader::Gate;

/// Whether the terminal is in our mode; `restore` acts only when it is.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);
/// The screen-reader mode: the terminal's own screen, lines appended, the real cursor shown.
static PLAIN: AtomicBool = AtomicBool::new(false);

/// The terminal's settings when boucle first took it, put back by every `restore`.
static AT_START: OnceLock<rustix::termios::Termios> = OnceLock::new();

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Takes the terminal: raw mode, alternate screen, bracketed paste, hidden cursor, mouse.
/// Creating the `Terminal` asks the terminal for the cursor position, so it is done once, here,
/// before the input thread starts reading.
pub fn enter(mouse: bool) -> io::Result<Term> {
    enter_modes(mouse)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    terminal.clear()?;
    Ok(terminal)
}

fn enter_modes(mouse: bool) -> io::Result<()> {
    if let Ok(settings) = rustix::termios::tcgetattr(io::stdin()) {
        // Only the first time: later ones may follow a program that changed them.
        let _ = AT_START.set(settings);
    }
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    let mut stdout = io::stdout();
    if PLAIN.load(Ordering::SeqCst) {
        // Raw mode only, for single keys: what was said stays in the terminal's scrollback.
        return execute!(stdout, EnableBracketedPaste);
    }
    execute!(stdout, EnterAlternateScreen, EnableBracketedPaste, cursor::Hide)?;
    if mouse {
        execute!(stdout, EnableMouseCapture)?;
    }
    Ok(())
}

/// Puts the terminal back as it was. Safe to call any number of times, from anywhere.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    if MOUSE.load(Ordering::SeqCst) {
        let _ = execute!(stdout, DisableMouseCapture);
    }
    if PLAIN.load(Ordering::SeqCst) {
        // What was said stays; the shell's prompt comes on the next line.
        let _ = execute!(stdout, DisableBracketedPaste);
        let _ = stdout.write_all(b"\r\n");
    } else {
        let _ = execute!(stdout, DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
    }
    let _ = disable_raw_mode();
    settings_at_start();
    let _ = stdout.flush();
}

/// Puts back the terminal's settings as they were when boucle started: crossterm's own
/// `disable_raw_mode` puts back those it found when raw mode was last entered, which after a
/// program run with the terminal released are that program's.
fn settings_at_start() {
    if let Some(settings) = AT_START.get() {
        let _ = rustix::termios::tcsetattr(io::stdin(), rustix::termios::OptionalActions::Now, settings);
    }
}

/// Restores the terminal before the default panic message, so the message is readable and
/// the shell usable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Every catchable signal that would end the process or stop it, sent to the session's event
/// channel: the loop restores the terminal before exiting or stopping (a signal handler
/// itself must not touch the terminal). SIGCONT comes too, to take the terminal again after
/// a stop that could not be caught (SIGSTOP); and SIGWINCH, a new size, goes into the input.
pub fn listen_for_signals(events: Sender<Event>, input: Arc<InputQueue>) -> io::Result<()> {
    use signal_hook::consts::*;
    let mut signals = signal_hook::iterator::Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGTSTP, SIGCONT, SIGWINCH,
    ])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        for signal in signals.forever() {
            let event = match signal {
                SIGTSTP => Event::Stop,
                SIGCONT => Event::Continue,
                SIGWINCH => match ratatui::crossterm::terminal::size() {
                    Ok((width, height)) => {
                        let _ = input.try_push(ratatui::crossterm::event::Event::Resize(width, height));
                        continue;
                    }
                    Err(_) => continue,
                },
                _ => Event::End(Reason::Signal(signal)),
            };
            if events.send(event).is_err() {
                break;
            }
        }
    })?;
    Ok(())
}

/// Runs `work` with the terminal given back as it was before boucle (for Ctrl-Z, or an
/// external program), then takes it again and repaints everything.
pub fn released<T>(terminal: &mut Term, mouse: bool, work: impl FnOnce() -> T) -> io::Result<T> {
    restore();
    let outcome = work();
    // What the program left (raw mode, no echo, if it crashed) is not kept: raw mode is entered
    // from the settings boucle started with, and restored to them.
    settings_at_start();
    enter_modes(mouse)?;
    // The same `Terminal` is kept, and `resize` (unlike `clear` or a new `Terminal`) repaints
    // everything without asking the terminal for the cursor position, whose answer the input
    // thread would swallow.
    if !PLAIN.load(Ordering::SeqCst) {
        let size = terminal.size()?;
        terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    }
    Ok(outcome)
}

/// The dashboard in this process's own terminal.
pub struct LocalHost {
    terminal: Term,
    mouse: bool,
    /// Lent to the editor: the input reader stops reading meanwhile.
    gate: Arc<Gate>,
    /// Asks for the folders to be loaded again (`r`); none for the bundled catalogue.
    pub live: Option<crate::live::Live>,
    /// Whether the catalogue comes from folders: entries built into the binary are not edited,
    /// even when a `practices/` folder of the same name happens to be in the working directory.
    pub editable: bool,
    /// The right to drive a shared presentation (`boucle present TOUR`, its console).
    pub driver: Option<crate::presentation::Driver>,
}

impl LocalHost {
    pub fn enter(mouse: bool) -> io::Result<LocalHost> {
        Ok(LocalHost {
            terminal: enter(mouse)?,
            mouse,
            gate: Arc::default(),
            live: None,
            editable: false,
            driver: None,
        })
    }

    /// The terminal for the screen-reader mode: raw mode for single keys, but no alternate
    /// screen, no mouse, the cursor shown, nothing cleared; lines are appended ([`Host::append`]).
    pub fn enter_plain() -> io::Result<LocalHost> {
        PLAIN.store(true, Ordering::SeqCst);
        enter_modes(false)?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(LocalHost { terminal, mouse: false, gate: Arc::default(), live: None, editable: false, driver: None })
    }

    /// What the input reader asks before it reads.
    pub fn gate(&self) -> Arc<Gate> {
        self.gate.clone()
    }
}

impl Host for LocalHost {
    type Output = CrosstermBackend<Stdout>;

    fn terminal(&mut self) -> &mut Term {
        &mut self.terminal
    }

    fn drive(&mut self, drive: crate::presentation::Drive) {
        if let Some(driver) = &self.driver {
            driver.send(drive);
        }
    }

    /// Ctrl-Z: stops the process with the terminal given back; `fg` resumes here.
    fn suspend(&mut self) -> io::Result<()> {
        released(&mut self.terminal, self.mouse, stop_as_by_ctrl_z)?
    }

    /// After a stop that could not be caught, the shell may have reset the terminal.
    fn resume(&mut self) -> io::Result<()> {
        released(&mut self.terminal, self.mouse, || ())
    }

    /// Each line on a line of its own, sanitised (a title cannot drive the terminal), then the
    /// cursor back to the start of the last: it rests on what was said last, the selection.
    fn append(&mut self, lines: &[String]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        for line in lines {
            let line = crate::text::sanitize(line, crate::text::Lines::Single);
            write!(out, "\r\n{line}")?;
        }
        out.write_all(b"\r")?;
        out.flush()
    }

    fn open_url(&mut self, url: &str) -> Result<(), String> {
        super::opener::open(url)
    }

    /// OSC 52 to this terminal, between frames; a terminal that does not allow it ignores it.
    fn copy(&mut self, text: &str) -> Result<(), crate::i18n::Said> {
        let mut out = io::stdout();
        out.write_all(super::opener::osc52(text).as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| crate::i18n::problems::io_problem(&e))
    }

    fn edit(&mut self, path: &std::path::Path, line: usize) -> io::Result<super::editor::EditOutcome> {
        use super::editor::{EditOutcome, command, run};
        if !self.editable || !path.is_file() {
            return Ok(EditOutcome::NotAFile);
        }
        let Some((program, args)) = command(path, line, std::env::var("VISUAL").ok(), std::env::var("EDITOR").ok())
        else {
            return Ok(EditOutcome::NoEditor);
        };
        self.gate.lend();
        let outcome = released(&mut self.terminal, self.mouse, || run(&program, &args));
        self.gate.take_back();
        outcome
    }

    fn reload(&mut self) -> bool {
        self.live.as_ref().is_some_and(crate::live::Live::reload)
    }

    fn read_entry(&mut self, path: &std::path::Path) -> Result<String, super::editor::EditOutcome> {
        use super::editor::EditOutcome;
        if !self.editable || !path.is_file() {
            return Err(EditOutcome::NotAFile);
        }
        std::fs::read_to_string(path).map_err(|e| {
            let why = crate::i18n::problems::io_problem(&e);
            EditOutcome::Failed(crate::i18n::commands::at_path(&crate::text::visible::path(path), &why))
        })
    }

    fn save_entry(
        &mut self,
        path: &std::path::Path,
        text: &str,
        before: Option<&str>,
    ) -> Result<(), crate::i18n::Said> {
        if !self.editable {
            return Err(crate::i18n::Said::by(|lang| {
                crate::i18n::t(lang, crate::i18n::Msg::NotEditableHere).to_string()
            }));
        }
        use crate::curate::write;
        let written = match before {
            None => write::create(path, text),
            Some(before) => write::replace_from(path, text, Some(before)),
        };
        written.map_err(|e| {
            let why = if e.get_ref().is_some_and(|inner| inner.is::<write::ChangedMeanwhile>()) {
                crate::i18n::Said::by(|lang| {
                    crate::i18n::form::form_word(lang, crate::i18n::form::FormWord::ChangedMeanwhile).to_string()
                })
            } else {
                crate::i18n::problems::io_problem(&e)
            };
            crate::i18n::commands::at_path(&crate::text::visible::path(path), &why)
        })
    }
}

/// Stops the process by SIGTSTP, as the shell expects of Ctrl-Z. SIGTSTP is caught (so that a
/// `kill -TSTP` restores the terminal too), so its default action is put back for the moment
/// of the stop, and the handler reinstalled once continued. Not
/// `signal_hook::low_level::emulate_default_handler`: for a stop signal it raises SIGSTOP,
/// which the shell reports as another stop (147, "Stopped (signal)") than Ctrl-Z's (148).
fn stop_as_by_ctrl_z() -> io::Result<()> {
    // SAFETY: the sigaction structs are plain data, zeroed then filled; the previous action is
    // restored exactly as the kernel returned it.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut previous: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut previous) != 0 {
            return Err(io::Error::last_os_error());
        }
        let raised = libc::raise(libc::SIGTSTP);
        // Execution resumes here after SIGCONT.
        libc::sigaction(libc::SIGTSTP, &previous, std::ptr::null_mut());
        if raised != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}
