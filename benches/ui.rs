//! The screen: drawing the reader with a 50,000-word article and a 1,000-headline list at
//! 200×60, and a key press to a drawn frame with both on screen (`App::update`, then
//! `ui::draw`, as the event loop does it). Target: at most 16 ms from key to frame.
//! Figures in docs/PERFORMANCE.md.
//!
//! Frames are drawn on ratatui's `TestBackend`; one bench also draws through the crossterm
//! backend into a sink, which adds the escape sequences a real terminal is sent.

use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::KeyCode;
use kabar::app::{Answer, App, Msg, Request};
use kabar::ui;
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

#[path = "support/screen.rs"]
mod screen;
use screen::{
    FIND, HEADLINES, SIZE, app_with, fixture_article, long_article, open, press, type_text,
};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-25T22:00:00+07:00").unwrap()
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).unwrap()
}

fn draw<B: Backend>(terminal: &mut Terminal<B>, app: &App, now: DateTime<FixedOffset>) {
    terminal.draw(|f| ui::draw(f, app, now)).unwrap();
}

fn drawing(c: &mut Criterion) {
    let article = long_article();
    let now = now();
    let mut group = c.benchmark_group("draw 200x60");

    let mut app = app_with(1, Some(&article));
    assert!(app.lines().lines.len() > 5_000, "the article is long");
    // Somewhere in the middle of the text.
    for _ in 0..5 {
        press(&mut app, KeyCode::Char(' '));
    }
    let mut t = terminal();
    group.bench_function("reader, 50,000-word article", |b| {
        b.iter(|| draw(&mut t, &app, now))
    });

    let app = app_with(HEADLINES, None);
    let mut t = terminal();
    group.bench_function("list, 1,000 headlines", |b| {
        b.iter(|| draw(&mut t, &app, now))
    });

    let app = app_with(HEADLINES, Some(&article));
    let mut t = terminal();
    group.bench_function("list and reader, 1,000 headlines + 50,000 words", |b| {
        b.iter(|| draw(&mut t, &app, now))
    });
    group.finish();
}

/// Each iteration: one key through `update`, then the frame drawn. Keys come in pairs
/// that undo each other (down then up), so every iteration starts from the same state and
/// every frame differs from the one before.
fn key_to_frame(c: &mut Criterion) {
    let article = long_article();
    let now = now();
    let mut group = c.benchmark_group("key to frame, 1,000 headlines + 50,000-word article");

    let bench_keys = |group: &mut criterion::BenchmarkGroup<'_, _>,
                      name: &str,
                      setup: &dyn Fn(&mut App),
                      keys: [KeyCode; 2]| {
        let mut app = app_with(HEADLINES, Some(&article));
        setup(&mut app);
        let mut t = terminal();
        draw(&mut t, &app, now);
        let mut i = 0usize;
        group.bench_function(name, |b| {
            b.iter(|| {
                press(&mut app, keys[i % 2]);
                i += 1;
                draw(&mut t, &app, now);
            })
        });
    };
    let in_list = |app: &mut App| {
        press(app, KeyCode::Tab);
        press(app, KeyCode::Char('j'));
    };
    let mid_article = |app: &mut App| {
        for _ in 0..5 {
            press(app, KeyCode::Char(' '));
        }
    };
    bench_keys(
        &mut group,
        "reader: j / k (scroll a line)",
        &mid_article,
        [KeyCode::Char('j'), KeyCode::Char('k')],
    );
    bench_keys(
        &mut group,
        "reader: Space / b (scroll a page)",
        &mid_article,
        [KeyCode::Char(' '), KeyCode::Char('b')],
    );
    bench_keys(
        &mut group,
        "reader: G / g (bottom, top)",
        &|_| {},
        [KeyCode::Char('G'), KeyCode::Char('g')],
    );
    bench_keys(
        &mut group,
        "list: j / k (move the selection)",
        &in_list,
        [KeyCode::Char('j'), KeyCode::Char('k')],
    );
    bench_keys(
        &mut group,
        "list filter: a letter typed / Backspace",
        &|app| {
            in_list(app);
            press(app, KeyCode::Char('/'));
            type_text(app, "latihan");
        },
        [KeyCode::Char('x'), KeyCode::Backspace],
    );
    bench_keys(
        &mut group,
        "reader: n / N (next, previous match)",
        &|app| {
            press(app, KeyCode::Char('/'));
            type_text(app, FIND);
            press(app, KeyCode::Enter);
            assert!(app.notice().is_some_and(|n| n.contains('/')));
        },
        [KeyCode::Char('n'), KeyCode::Char('N')],
    );

    // Forward onto the long article from a short one: the long one is laid out again.
    {
        let mut app = app_with(HEADLINES, Some(&article));
        let short = fixture_article("article-global-latihan-bencana.html");
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Char('j'));
        open(&mut app, &short);
        let mut t = terminal();
        group.bench_function("reader: h (back onto the 50,000-word article)", |b| {
            b.iter_custom(|iters| {
                let mut took = Duration::ZERO;
                for _ in 0..iters {
                    let start = Instant::now();
                    press(&mut app, KeyCode::Char('h'));
                    draw(&mut t, &app, now);
                    took += start.elapsed();
                    press(&mut app, KeyCode::Char('l'));
                    draw(&mut t, &app, now);
                }
                took
            })
        });
    }

    // The article arrives from the worker: laid out, then drawn.
    {
        let mut app = app_with(HEADLINES, None);
        let mut t = terminal();
        group.bench_function("article arrives (lay out 50,000 words, draw)", |b| {
            b.iter_custom(|iters| {
                let mut took = Duration::ZERO;
                for _ in 0..iters {
                    press(&mut app, KeyCode::Tab);
                    let Some(Request::Article { id, .. }) = press(&mut app, KeyCode::Enter).pop()
                    else {
                        panic!("Enter asks for the article")
                    };
                    let answer = Msg::Answer(Answer::Article {
                        id,
                        result: Ok(Box::new(article.clone())),
                        position: 0,
                        saved: false,
                    });
                    let start = Instant::now();
                    app.update(answer);
                    draw(&mut t, &app, now);
                    took += start.elapsed();
                }
                took
            })
        });
    }

    // A resize: the reader's width changes, so the article is laid out again.
    {
        let mut app = app_with(HEADLINES, Some(&article));
        let mut t = terminal();
        let mut wide = false;
        group.bench_function("resize 200x60 / 201x60 (lay out again)", |b| {
            b.iter(|| {
                wide = !wide;
                let w = if wide { SIZE.0 + 1 } else { SIZE.0 };
                app.update(Msg::Resize(w, SIZE.1));
                t.backend_mut().resize(w, SIZE.1);
                draw(&mut t, &app, now);
            })
        });
    }

    // Through the crossterm backend, escape sequences and all, into a sink.
    {
        let mut app = app_with(HEADLINES, Some(&article));
        mid_article(&mut app);
        let bytes = Rc::new(Cell::new(0));
        let mut t = Terminal::with_options(
            CrosstermBackend::new(Counting(bytes.clone())),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, SIZE.0, SIZE.1)),
            },
        )
        .unwrap();
        draw(&mut t, &app, now);
        let mut i = 0usize;
        bytes.set(0);
        group.bench_function("reader: j / k, crossterm backend into a sink", |b| {
            b.iter(|| {
                let keys = [KeyCode::Char('j'), KeyCode::Char('k')];
                press(&mut app, keys[i % 2]);
                i += 1;
                draw(&mut t, &app, now);
            })
        });
        if let Some(per_frame) = bytes.get().checked_div(i) {
            println!("crossterm backend: {per_frame} bytes to the terminal per j / k frame");
        }
    }
    group.finish();
}

/// A writer that throws the bytes away and counts them.
struct Counting(Rc<Cell<usize>>);

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = drawing, key_to_frame
}
criterion_main!(benches);
