//! The terminal side of the reader: set the terminal up, run the event loop, and put the
//! terminal back as it was on quit, on error, on panic and on a signal, fatal ones
//! included.

mod cells;
#[cfg(unix)]
mod fatal;
pub mod graphics;
mod signals;

use std::collections::HashSet;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Utc};
use crossterm::clipboard::CopyToClipboard;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, EventStream, KeyEventKind};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use futures_util::StreamExt;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use crate::app::{Answer, App, Msg, Request, Settings};
use crate::article::{Article, HeadlinePage};
use crate::{ui, worker};

/// How often the spinner moves while something loads. Nothing ticks when nothing loads.
const SPINNER_INTERVAL: Duration = Duration::from_millis(120);
/// How long quitting waits for the store to take the last writes.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(3);

type Term = Terminal<CrosstermBackend<Stdout>>;

/// What the reader starts with.
pub struct Start {
    pub settings: Settings,
    /// How often the list on screen is refreshed while the reader is open; None never.
    pub refresh: Option<Duration>,
    /// The first section's list from the store, drawn in the first frame.
    pub stored: Option<(HeadlinePage, DateTime<Utc>, HashSet<String>)>,
    /// A line for the status bar from start-up (the store was reset, say).
    pub notice: Option<String>,
    /// The page to open in the reader at once (`kabar URL`), if any.
    pub open: Option<String>,
}

/// Puts the terminal back when dropped, whichever way the reader ends.
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore();
    }
}

fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Sets the panic hook: a panic on a page's parse thread ([`crate::sites::PARSER_THREAD`])
/// is caught there and becomes an error for that one page, so it is only logged, with
/// nothing printed over the reader's screen; any other panic first puts the terminal back
/// with `restore`, then is reported as before.
pub fn set_panic_hook(restore: fn()) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some(crate::sites::PARSER_THREAD) {
            let location = info
                .location()
                .map_or_else(String::new, ToString::to_string);
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("(no message)");
            tracing::error!(location, "a page parser panicked: {message}");
            return;
        }
        restore();
        previous(info);
    }));
}

fn init() -> io::Result<(Term, Restore)> {
    set_panic_hook(restore);
    #[cfg(unix)]
    fatal::install()?;
    enable_raw_mode()?;
    let guard = Restore;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )?;
    let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok((terminal, guard))
}

/// Ctrl-Z: the terminal put back as it was, the process stopped as a shell's job (SIGTSTP,
/// whose default action stops it), and on `fg` the reader's terminal set up again.
#[cfg(unix)]
fn suspend(terminal: &mut Term) -> io::Result<()> {
    restore();
    // SAFETY: raise only sends a signal to this process; SIGTSTP has its default action.
    unsafe {
        libc::raise(libc::SIGTSTP);
    }
    enable_raw_mode()?;
    execute!(
        terminal.backend_mut(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// Without job control there is nothing to suspend to.
#[cfg(not(unix))]
fn suspend(_terminal: &mut Term) -> io::Result<()> {
    Ok(())
}

fn now() -> DateTime<FixedOffset> {
    Utc::now().with_timezone(&crate::sites::wib())
}

/// Runs the reader until the user quits or a signal asks it to stop.
pub async fn run(start: Start, worker: worker::Handle) -> io::Result<()> {
    // Signals are caught before the terminal changes, so none can leave it raw.
    let mut quit = signals::Quit::listen()?;
    let (mut terminal, _restore) = init()?;
    let worker::Handle {
        requests,
        mut answers,
        done,
    } = worker;
    // Asked before the event stream reads stdin, which would take the answer. Pictures
    // are resized and encoded on their own thread, which wakes this loop with each.
    let (ready_tx, mut ready) = tokio::sync::mpsc::unbounded_channel::<ui::PictureReady>();
    let mut pictures =
        graphics::detect(start.settings.images, graphics::Place::here()).map(|picker| {
            ui::Pictures::threaded(picker, move |picture| {
                let _ = ready_tx.send(picture);
            })
        });
    let mut settings = start.settings;
    settings.pictures = pictures.is_some();
    let size = terminal.size()?;
    let mut app = App::new(settings, (size.width, size.height));
    if let Some((page, at, read)) = start.stored {
        app.show_stored(page, at, read);
    }
    if let Some(notice) = start.notice {
        app.warn(notice);
    }
    let send = |reqs: Vec<Request>, terminal: &mut Term| {
        for r in reqs {
            match r {
                Request::Copy { text } => {
                    let _ = execute!(
                        terminal.backend_mut(),
                        CopyToClipboard::to_clipboard_from(text)
                    );
                }
                other => {
                    let _ = requests.send(other);
                }
            }
        }
    };
    let first = match start.open.as_deref() {
        Some(address) => app.start_at(address),
        None => app.start(),
    };
    send(first, &mut terminal);
    let mut events = EventStream::new();
    let mut spinner = tokio::time::interval(SPINNER_INTERVAL);
    spinner.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut refresh = start.refresh.map(|every| {
        let mut timer = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
        timer.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        timer
    });
    let mut dirty = true;
    let mut shown = Shown::of(&app);
    while !app.quit() {
        if dirty {
            // A new page is drawn on a blank terminal: any cell the terminal drew at another
            // width than ratatui counted (a character `cells` does not know of) would
            // otherwise stay behind, as ratatui only redraws the cells it sees change.
            if Shown::of(&app) != shown {
                shown = Shown::of(&app);
                // Not `terminal.clear()`: it asks the terminal where the cursor is, and the
                // event stream takes the answer. A resize to the same size clears the
                // screen and forgets the last frame without asking anything.
                let size = terminal.size()?;
                terminal.resize(Rect::new(0, 0, size.width, size.height))?;
            }
            terminal.draw(|f| {
                ui::draw_with_pictures(f, &app, now(), pictures.as_mut());
                cells::settle(f.buffer_mut());
            })?;
            dirty = false;
            if let Some(pictures) = pictures.as_mut() {
                let again = app.photos_again(pictures.take_wanted());
                send(again, &mut terminal);
            }
        }
        // One wake-up at the end of the notice on screen, if there is one; nothing
        // else wakes the loop while it is idle.
        let wake = app.wake_at().map(|at| {
            let after = (at - Utc::now()).to_std().unwrap_or_default();
            tokio::time::Instant::now() + after
        });
        let first = tokio::select! {
            event = events.next() => match event {
                Some(Ok(e)) => to_msg(e),
                Some(Err(e)) => return Err(e),
                None => Some(Msg::Quit),
            },
            Some(answer) = answers.recv() => Some(Msg::Answer(answer)),
            // Without pictures the sender is gone, and this resolves to None at once,
            // which disables the branch.
            Some(picture) = ready.recv() => {
                if let Some(pictures) = pictures.as_mut() {
                    pictures.finished(picture);
                }
                dirty = true;
                None
            }
            _ = spinner.tick(), if app.is_loading() => Some(Msg::Tick),
            // Without a timer this resolves to None at once, which disables the branch.
            Some(_) = async { Some(refresh.as_mut()?.tick().await) } => Some(Msg::Refresh),
            // Without a wake-up this never resolves.
            () = async {
                match wake {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending().await,
                }
            } => Some(Msg::Wake),
            _ = quit.recv() => Some(Msg::Quit),
        };
        // Whatever else is already waiting (a burst of answers, wheel events) is taken
        // in before drawing, so the burst is drawn once.
        let mut msg = first;
        loop {
            if let Some(msg) = msg.take() {
                if let (Some(pictures), Msg::Answer(Answer::Pixels { url, pixels })) =
                    (pictures.as_mut(), &msg)
                {
                    pictures.arrived(url.clone(), pixels.clone());
                }
                let reqs = app.update(msg);
                send(reqs, &mut terminal);
                dirty = true;
            }
            if app.take_suspend() {
                suspend(&mut terminal)?;
                // Drawn whole again: the shell wrote over the screen meanwhile.
                shown = Shown::of(&app);
                let size = terminal.size()?;
                terminal.resize(Rect::new(0, 0, size.width, size.height))?;
            }
            if app.quit() {
                break;
            }
            // Polled with this task's waker (not `now_or_never`): the event stream keeps
            // the first waker it is polled with, and a dummy one would never wake the loop.
            msg = tokio::select! {
                biased;
                Some(answer) = answers.recv() => Some(Msg::Answer(answer)),
                event = events.next() => match event {
                    Some(Ok(e)) => to_msg(e),
                    Some(Err(e)) => return Err(e),
                    None => Some(Msg::Quit),
                },
                () = std::future::ready(()) => break,
            };
        }
        #[cfg(debug_assertions)]
        fail_on_purpose(&app)?;
    }
    // Let the worker finish the store writes asked for (the reading position, say).
    drop(requests);
    let _ = tokio::time::timeout(FLUSH_TIMEOUT, done).await;
    Ok(())
}

/// What fills the screen: the section and the article. When either changes, the whole
/// screen does.
#[derive(PartialEq)]
struct Shown {
    tab: usize,
    article: Option<*const Article>,
}

impl Shown {
    fn of(app: &App) -> Self {
        Shown {
            tab: app.tab(),
            article: app.current().map(|p| Arc::as_ptr(p.article())),
        }
    }
}

/// In debug builds only: `KABAR_TEST_FAIL=panic`, `=error` or `=overflow` makes the reader
/// fail once an article is on screen, so the tests can check the terminal comes back after
/// a panic, an error or a stack overflow as it does after a quit.
#[cfg(debug_assertions)]
fn fail_on_purpose(app: &App) -> io::Result<()> {
    if app.current().is_none() {
        return Ok(());
    }
    match std::env::var("KABAR_TEST_FAIL").as_deref() {
        Ok("panic") => panic!("KABAR_TEST_FAIL=panic: failing on purpose"),
        Ok("overflow") => {
            overflow(0);
            Ok(())
        }
        Ok("error") => Err(io::Error::other(
            "KABAR_TEST_FAIL=error: failing on purpose",
        )),
        _ => Ok(()),
    }
}

/// Recurses until the stack runs out, which ends in SIGSEGV.
#[cfg(debug_assertions)]
fn overflow(depth: u64) -> u64 {
    let frame = std::hint::black_box([depth; 512]);
    if depth == u64::MAX {
        return 0;
    }
    overflow(depth + 1) + frame[0]
}

fn to_msg(event: Event) -> Option<Msg> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => Some(Msg::Key(k)),
        Event::Mouse(m) => Some(Msg::Mouse(m)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}
