//! The terminal side of the reader: set the terminal up, run the event loop, and put the
//! terminal back as it was on quit, on error, on panic and on a signal.

use std::io::{self, Stdout};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, Event, EventStream, KeyEventKind};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use futures_util::StreamExt;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use tokio::signal::unix::{SignalKind, signal};

use crate::app::{App, Msg};
use crate::net::Client;
use crate::{ui, worker};

/// How often the spinner moves while something loads. Nothing ticks when nothing loads.
const SPINNER_INTERVAL: Duration = Duration::from_millis(120);

type Term = Terminal<CrosstermBackend<Stdout>>;

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

fn init() -> io::Result<(Term, Restore)> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
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

fn now() -> DateTime<FixedOffset> {
    chrono::Utc::now().with_timezone(&crate::sites::wib())
}

/// Runs the reader until the user quits or a signal asks it to stop.
pub async fn run(client: Client, index_url: &str) -> io::Result<()> {
    let (mut terminal, _restore) = init()?;
    let (requests, mut answers) = worker::spawn(client);
    let size = terminal.size()?;
    let mut app = App::new(index_url, (size.width, size.height));
    for r in app.start() {
        let _ = requests.send(r);
    }
    let mut events = EventStream::new();
    let mut term = signal(SignalKind::terminate())?;
    let mut hup = signal(SignalKind::hangup())?;
    let mut int = signal(SignalKind::interrupt())?;
    let mut spinner = tokio::time::interval(SPINNER_INTERVAL);
    spinner.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut dirty = true;
    while !app.quit {
        if dirty {
            terminal.draw(|f| ui::draw(f, &app, now()))?;
            dirty = false;
        }
        let msg = tokio::select! {
            event = events.next() => match event {
                Some(Ok(e)) => match to_msg(e) {
                    Some(m) => m,
                    None => continue,
                },
                Some(Err(e)) => return Err(e),
                None => Msg::Quit,
            },
            Some(answer) = answers.recv() => Msg::Answer(answer),
            _ = spinner.tick(), if app.is_loading() => Msg::Tick,
            _ = term.recv() => Msg::Quit,
            _ = hup.recv() => Msg::Quit,
            _ = int.recv() => Msg::Quit,
        };
        for r in app.update(msg) {
            let _ = requests.send(r);
        }
        dirty = true;
    }
    Ok(())
}

fn to_msg(event: Event) -> Option<Msg> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => Some(Msg::Key(k)),
        Event::Mouse(m) => Some(Msg::Mouse(m)),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}
