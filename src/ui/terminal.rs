//! Entering and leaving the terminal's full-screen mode. One idempotent `restore` undoes
//! everything `enter` turned on; it runs on quit, on error, on panic, on every catchable
//! terminating signal (then boucle exits with 128 + the signal's number), and before a stop
//! by Ctrl-Z or SIGTSTP. `tests/it/e2e_terminal.rs` checks each in tmux.

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};

use super::event::Event;
use super::session::Host;

/// Whether the terminal is in our mode; `restore` acts only when it is.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);

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
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    let mut stdout = io::stdout();
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
    let _ = execute!(stdout, DisableBracketedPaste, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
    let _ = stdout.flush();
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

/// A panic on demand, for the end-to-end test that proves the panic hook gives the terminal
/// back and prints the message on the main screen (`tests/it/e2e_terminal.rs`), called on each
/// input event. Only debug builds have it: `cargo test` builds `target/debug/boucle` anyway
/// (the test finds it by `CARGO_BIN_EXE_boucle`), whereas a cargo feature would need a third
/// build of the whole tree for one test; and a release binary never reads the variable, so
/// nothing in a user's environment can make the dashboard panic.
pub fn panic_if_asked() {
    #[cfg(debug_assertions)]
    if std::env::var_os("BOUCLE_PANIC_TEST").is_some_and(|value| value == "1") {
        panic!("BOUCLE_PANIC_TEST=1: a panic on purpose, to test that the terminal is restored");
    }
}

/// Every catchable signal that would end the process or stop it, sent to the session's event
/// channel: the loop restores the terminal before exiting or stopping (a signal handler
/// itself must not touch the terminal). SIGCONT comes too, to take the terminal again after
/// a stop that could not be caught (SIGSTOP).
pub fn listen_for_signals(events: Sender<Event>) -> io::Result<()> {
    use signal_hook::consts::*;
    let mut signals = signal_hook::iterator::Signals::new([
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGTSTP, SIGCONT,
    ])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        for signal in signals.forever() {
            if events.send(Event::Signal(signal)).is_err() {
                break;
            }
        }
    })?;
    Ok(())
}

/// Whether the terminal input has hung up (its window closed), which a process without a
/// controlling terminal is not told by SIGHUP.
pub fn hung_up() -> bool {
    let mut input = libc::pollfd { fd: libc::STDIN_FILENO, events: libc::POLLIN, revents: 0 };
    // SAFETY: `input` is a valid pollfd for the duration of the call, and the count is 1.
    let ready = unsafe { libc::poll(&mut input, 1, 0) };
    ready > 0 && input.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// Runs `work` with the terminal given back as it was before boucle (for Ctrl-Z, or an
/// external program), then takes it again and repaints everything.
pub fn released<T>(terminal: &mut Term, mouse: bool, work: impl FnOnce() -> T) -> io::Result<T> {
    restore();
    let outcome = work();
    enter_modes(mouse)?;
    // The same `Terminal` is kept, and `resize` (unlike `clear` or a new `Terminal`) repaints
    // everything without asking the terminal for the cursor position, whose answer the input
    // thread would swallow.
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    Ok(outcome)
}

/// The dashboard in this process's own terminal.
pub struct LocalHost {
    terminal: Term,
    mouse: bool,
    /// Asks for the folders to be loaded again (`r`); none for the bundled catalogue.
    pub live: Option<crate::live::Live>,
    /// Whether the catalogue comes from folders: entries built into the binary are not edited,
    /// even when a `practices/` folder of the same name happens to be in the working directory.
    pub editable: bool,
}

impl LocalHost {
    pub fn enter(mouse: bool) -> io::Result<LocalHost> {
        Ok(LocalHost { terminal: enter(mouse)?, mouse, live: None, editable: false })
    }
}

impl Host for LocalHost {
    type Output = CrosstermBackend<Stdout>;

    fn terminal(&mut self) -> &mut Term {
        &mut self.terminal
    }

    /// Ctrl-Z: stops the process with the terminal given back; `fg` resumes here.
    fn suspend(&mut self) -> io::Result<()> {
        released(&mut self.terminal, self.mouse, stop_as_by_ctrl_z)?
    }

    fn signal(&mut self, signal: i32) -> io::Result<bool> {
        match signal {
            signal_hook::consts::SIGTSTP => self.suspend().map(|()| false),
            // After a stop that could not be caught, the shell may have reset the terminal.
            signal_hook::consts::SIGCONT => released(&mut self.terminal, self.mouse, || ()).map(|()| false),
            _ => Ok(true),
        }
    }

    fn hung_up(&self) -> bool {
        hung_up()
    }

    fn open_url(&mut self, url: &str) -> Result<(), String> {
        super::opener::open(url)
    }

    /// OSC 52 to this terminal, between frames; a terminal that does not allow it ignores it.
    fn copy(&mut self, text: &str) -> Result<(), String> {
        let mut out = io::stdout();
        out.write_all(super::opener::osc52(text).as_bytes()).and_then(|()| out.flush()).map_err(|e| e.to_string())
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
        released(&mut self.terminal, self.mouse, || run(&program, &args))
    }

    fn reload(&mut self) -> bool {
        self.live.as_ref().is_some_and(crate::live::Live::reload)
    }
}

/// Stops the process by SIGTSTP, as the shell expects of Ctrl-Z. SIGTSTP is caught (so that a
/// `kill -TSTP` restores the terminal too), so its default action is put back for the moment
/// of the stop, and the handler reinstalled once continued.
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
