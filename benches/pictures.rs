//! Photos drawn as pictures: what the screen's thread spends on one. A Kompas photo at its
//! largest (a 1200 × 800 JPEG, made here: a photo-like gradient with grain, encoded at
//! quality 85) is decoded (on the worker, off the screen's thread, for comparison), then
//! drawn in the area the reader lays it out in with the default text width: 80 columns,
//! the 12-row cap, at a 10 × 20-pixel font. The first draw resizes it for that area and
//! encodes it; a scroll step with the picture cut by the pane's edge crops the resized
//! pixels and encodes again. Each in the four protocols. Figures in docs/PERFORMANCE.md.

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use image::RgbaImage;
use kabar::{picture, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::{Rect, Size};
use ratatui_image::picker::{Picker, ProtocolType};

#[path = "support/photo.rs"]
mod photo;
use photo::photo_jpeg;

const URL: &str = "https://asset.kompas.com/data/photo/2026/11/26/perahu.jpg";
/// The area a 1200 × 800 photo is laid out over in an 80-column text column.
const AREA: Size = Size::new(80, 12);

fn picker(protocol: ProtocolType) -> Picker {
    let mut picker = Picker::halfblocks();
    picker.set_protocol_type(protocol);
    picker
}

/// Draws rows `shown` of the photo over [`AREA`], at the top of the screen.
fn draw(terminal: &mut Terminal<TestBackend>, pictures: &mut ui::Pictures, shown: (u16, u16)) {
    let place = Rect::new(0, 0, AREA.width, shown.1 - shown.0);
    terminal
        .draw(|f| assert!(pictures.draw(f, URL, AREA, shown.0..shown.1, place)))
        .unwrap();
}

fn pictures(c: &mut Criterion) {
    let jpeg = photo_jpeg();
    let pixels: Arc<RgbaImage> = Arc::new(picture::decode(&jpeg).unwrap());
    let mut group = c.benchmark_group("photo 1200x800");
    group.bench_function("decode the JPEG (worker)", |b| {
        b.iter(|| picture::decode(&jpeg).unwrap())
    });
    let protocols = [
        ("halfblocks", ProtocolType::Halfblocks),
        ("kitty", ProtocolType::Kitty),
        ("sixel", ProtocolType::Sixel),
        ("iterm2", ProtocolType::Iterm2),
    ];
    for (name, protocol) in protocols {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        group.bench_function(format!("first draw: resize + encode, {name}"), |b| {
            b.iter(|| {
                let mut pictures = ui::Pictures::new(picker(protocol));
                pictures.arrived(URL.into(), pixels.clone());
                draw(&mut terminal, &mut pictures, (0, AREA.height));
            })
        });
        let mut pictures = ui::Pictures::new(picker(protocol));
        pictures.arrived(URL.into(), pixels.clone());
        let mut cut = 1;
        group.bench_function(
            format!("scroll step, cut picture: crop + encode, {name}"),
            |b| {
                b.iter(|| {
                    // A different cut each time: never the one encoded last.
                    cut = 3 - cut;
                    draw(&mut terminal, &mut pictures, (cut, AREA.height));
                })
            },
        );
        // The reader's way: the work on the pictures' thread, and the screen's thread
        // timed for its share only, handing the job over, then taking the result back
        // and drawing it.
        let (tx, rx) = std::sync::mpsc::channel();
        let mut threaded = ui::Pictures::threaded(picker(protocol), move |ready| {
            let _ = tx.send(ready);
        });
        threaded.arrived(URL.into(), pixels.clone());
        group.bench_function(format!("scroll step, screen's thread share, {name}"), |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    cut = 3 - cut;
                    let start = Instant::now();
                    draw(&mut terminal, &mut threaded, (cut, AREA.height));
                    spent += start.elapsed();
                    let ready = rx.recv().unwrap();
                    let start = Instant::now();
                    threaded.finished(ready);
                    draw(&mut terminal, &mut threaded, (cut, AREA.height));
                    spent += start.elapsed();
                }
                spent
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = pictures
}
criterion_main!(benches);
