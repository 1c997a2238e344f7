//! The terminal put back when kabar dies of SIGABRT, SIGSEGV or SIGBUS (an abort, a panic
//! under `panic = "abort"`, a stack overflow, a bad memory access), where no destructor
//! and no panic hook runs. The handler can only use async-signal-safe calls, so what it
//! needs is prepared before the terminal changes: the terminal modes in a static, the
//! escape codes as one fixed string, and a stack of its own.

use std::io;
use std::os::fd::IntoRawFd;
use std::sync::OnceLock;

use libc::c_int;

/// The terminal as it was before raw mode: the descriptor its modes are set through
/// (standard input, or `/dev/tty` when standard input is not the terminal, as crossterm
/// picks it) and those modes.
struct Saved {
    fd: c_int,
    modes: libc::termios,
}

static SAVED: OnceLock<Saved> = OnceLock::new();

/// What `tui::restore` sends, as one fixed string: crossterm's `DisableMouseCapture`,
/// `LeaveAlternateScreen` and `cursor::Show`.
const RESTORE: &[u8] =
    b"\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?1049l\x1b[?25h";

const FATAL: [c_int; 3] = [libc::SIGABRT, libc::SIGSEGV, libc::SIGBUS];

/// The handler's own stack: a stack overflow's SIGSEGV arrives with no room left on the
/// thread's stack. Far above what the handler uses and above `MINSIGSTKSZ` everywhere.
const ALT_STACK_BYTES: usize = 64 * 1024;

/// Saves the terminal's modes and catches the fatal signals on the calling thread's new
/// alternate stack. Call it on the thread that runs the reader, before raw mode.
pub fn install() -> io::Result<()> {
    let fd = tty_fd()?;
    let mut modes = std::mem::MaybeUninit::<libc::termios>::uninit();
    // SAFETY: `modes` is writable memory of the right type, filled when the call succeeds.
    if unsafe { libc::tcgetattr(fd, modes.as_mut_ptr()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: tcgetattr succeeded, so every field is set.
    let modes = unsafe { modes.assume_init() };
    // Set once per process: the modes before the first raw mode are the ones to go back to.
    let _ = SAVED.set(Saved { fd, modes });
    alternate_stack()?;
    for signal in FATAL {
        // SAFETY: a zeroed sigaction is a valid empty one; the fields set are the handler,
        // which only makes async-signal-safe calls, and flags sigaction(2) documents.
        let rc = unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_fatal as extern "C" fn(c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_ONSTACK;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut())
        };
        if rc != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

fn tty_fd() -> io::Result<c_int> {
    // SAFETY: isatty only reads the descriptor's state.
    if unsafe { libc::isatty(libc::STDIN_FILENO) } == 1 {
        return Ok(libc::STDIN_FILENO);
    }
    // Kept open until the process ends: the handler may need it at any moment.
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")?;
    Ok(tty.into_raw_fd())
}

fn alternate_stack() -> io::Result<()> {
    // Leaked on purpose: the stack must outlive every signal the thread may take.
    let stack: &'static mut [u8] = Box::leak(vec![0u8; ALT_STACK_BYTES].into_boxed_slice());
    let alt = libc::stack_t {
        ss_sp: stack.as_mut_ptr().cast(),
        ss_flags: 0,
        ss_size: stack.len(),
    };
    // SAFETY: `alt` describes memory that stays valid and unused by anything else.
    if unsafe { libc::sigaltstack(&alt, std::ptr::null_mut()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

/// Puts the terminal back, then dies of the same signal, so whoever waits for kabar
/// still sees it killed by that signal (and a core dump where those are kept).
extern "C" fn on_fatal(signal: c_int) {
    // Every call here is async-signal-safe: nothing allocates, locks or uses std's I/O,
    // any of which may be mid-way in the code the signal interrupted.
    // - `SAVED.get()` is one atomic load (`OnceLock::get` never blocks), and SAVED is
    //   set before the handler is installed, so it is never half-written here.
    // - write(2) and tcsetattr(3) are on POSIX's list of async-signal-safe functions;
    //   RESTORE is a static byte string, the modes a copy made at start-up.
    // - signal(2) and raise(3) are on the list too. The signal is blocked while its
    //   handler runs, so the raised one is taken as the handler returns, by the default
    //   action just set. A fault re-executed on return faults again, with the same end.
    if let Some(saved) = SAVED.get() {
        let mut left = RESTORE;
        while !left.is_empty() {
            // SAFETY: `left` is valid for reads of its length.
            let n = unsafe { libc::write(libc::STDOUT_FILENO, left.as_ptr().cast(), left.len()) };
            // Never a slice that could panic here: `get` for what is left.
            match usize::try_from(n)
                .ok()
                .filter(|&n| n > 0)
                .and_then(|n| left.get(n..))
            {
                Some(rest) => left = rest,
                None => break,
            }
        }
        // SAFETY: `saved.modes` is a termios filled by tcgetattr on the same descriptor.
        unsafe { libc::tcsetattr(saved.fd, libc::TCSANOW, &saved.modes) };
    }
    // SAFETY: setting the default action and raising a signal have no memory effects.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}
