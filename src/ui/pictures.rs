//! The photos drawn as pictures, in the protocol the terminal was found to speak
//! (`tui::graphics`). Kept by address and bounded: the pixels of the photos that arrived
//! last, [`KEPT_BYTES`] of them at most (each within `picture`'s limits, at most 6 MB);
//! each of those resized once for the rows it is laid out over, and the part of it on
//! screen encoded once for where it is drawn. A picture cut by the pane's top or bottom
//! edge is drawn in part: its resized pixels are cropped to the rows that show, so every
//! protocol can draw it (ratatui-image clips only the bottom, and only in some).
//!
//! Resizing and encoding (`encode`) take longer than a frame may, so in the reader they
//! run on a thread of their own ([`Pictures::threaded`]): a picture not encoded yet
//! leaves its rows blank until it is, one job a photo at a time.

mod encode;

use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;
use std::sync::{Arc, mpsc};

use image::RgbaImage;
use ratatui::Frame;
use ratatui::layout::{Rect, Size};
use ratatui_image::Image;
use ratatui_image::picker::Picker;

pub use encode::PictureReady;
use encode::{Encoded, Fitted, Job, Picture};

/// The pixels kept, as RGBA bytes: six of Kompas's largest photos (1200 × 800), more
/// than an article has. The newest is kept whatever its size.
pub const KEPT_BYTES: usize = 24 * 1024 * 1024;

pub struct Pictures {
    picker: Picker,
    /// Newest last.
    pixels: VecDeque<(String, Arc<RgbaImage>)>,
    /// Each photo resized for the area it was last laid out in.
    fitted: Vec<Arc<Fitted>>,
    /// Each photo's part on screen, encoded, as it was last drawn.
    encoded: Vec<Encoded>,
    encoder: Encoder,
    /// The photos whose pixels were let go to keep within [`KEPT_BYTES`], each with
    /// whether it has been asked for again (from the store), which happens when it is
    /// drawn again.
    let_go: HashMap<String, bool>,
    /// The photos to ask the worker for again, taken by [`take_wanted`](Self::take_wanted).
    wanted: Vec<String>,
    /// The photos drawn in the frame being drawn, and in the one before: never let go for
    /// another, or photos on screen worth more than [`KEPT_BYTES`] would push each other
    /// out and be asked for again without end.
    drawn: HashSet<String>,
    on_screen: HashSet<String>,
}

/// Where the resizing and encoding run.
enum Encoder {
    /// In [`Pictures::draw`], before it returns.
    InPlace,
    /// On their own thread; `pending`: the photos with a job there.
    Thread {
        jobs: mpsc::Sender<Job>,
        pending: HashSet<String>,
    },
}

impl Pictures {
    /// Pictures resized and encoded as they are drawn.
    pub fn new(picker: Picker) -> Self {
        Pictures {
            picker,
            pixels: VecDeque::new(),
            fitted: Vec::new(),
            encoded: Vec::new(),
            encoder: Encoder::InPlace,
            let_go: HashMap::new(),
            wanted: Vec::new(),
            drawn: HashSet::new(),
            on_screen: HashSet::new(),
        }
    }

    /// Pictures resized and encoded on a thread of their own, each result handed to
    /// `deliver` to be given back to [`finished`](Self::finished) and drawn. Without a
    /// thread (it could not be started), as [`new`](Self::new).
    pub fn threaded(picker: Picker, deliver: impl Fn(PictureReady) + Send + 'static) -> Self {
        let mut pictures = Self::new(picker);
        match encode::spawn(deliver) {
            Ok(jobs) => {
                pictures.encoder = Encoder::Thread {
                    jobs,
                    pending: HashSet::new(),
                }
            }
            Err(e) => tracing::warn!("pictures are encoded on the screen's thread: {e}"),
        }
        pictures
    }

    /// Keeps the pixels of the photo at `url`, letting the oldest not on screen go past
    /// [`KEPT_BYTES`]: the photos on screen are kept whatever they weigh (they are as
    /// many as the screen has room for).
    pub fn arrived(&mut self, url: String, pixels: Arc<RgbaImage>) {
        self.forget(&url);
        self.let_go.remove(&url);
        self.pixels.push_back((url, pixels));
        let bytes = |kept: &VecDeque<(String, Arc<RgbaImage>)>| -> usize {
            kept.iter().map(|(_, p)| p.as_raw().len()).sum()
        };
        while bytes(&self.pixels) > KEPT_BYTES {
            let shown = |u: &String| self.drawn.contains(u) || self.on_screen.contains(u);
            // The newest (last) stays.
            let last = self.pixels.len() - 1;
            let Some(oldest) = self.pixels.iter().take(last).position(|(u, _)| !shown(u)) else {
                break;
            };
            if let Some((gone, _)) = self.pixels.remove(oldest) {
                self.forget(&gone);
                self.let_go.insert(gone, false);
            }
        }
    }

    /// A frame begins: the photos drawn in the last one are those on screen.
    pub fn begin_frame(&mut self) {
        self.on_screen = std::mem::take(&mut self.drawn);
    }

    fn forget(&mut self, url: &str) {
        self.pixels.retain(|(u, _)| u != url);
        self.fitted.retain(|f| f.url != url);
        self.encoded.retain(|e| e.url != url);
    }

    /// Takes back what a job on the encoding thread made, for the next frame to draw.
    pub fn finished(&mut self, ready: PictureReady) {
        let PictureReady { fitted, encoded } = ready;
        if let Encoder::Thread { pending, .. } = &mut self.encoder {
            pending.remove(&encoded.url);
        }
        // Let go meanwhile: not kept either.
        if !self.pixels.iter().any(|(u, _)| *u == encoded.url) {
            return;
        }
        self.fitted.retain(|f| f.url != encoded.url);
        self.fitted.push(fitted);
        self.encoded.retain(|e| e.url != encoded.url);
        self.encoded.push(encoded);
    }

    /// Draws the rows `shown` of the photo at `url`, laid out over an area of `full`
    /// cells, in `place` (where those rows are on screen). False when it cannot be: its
    /// pixels are not kept (and were not let go here), or would not encode. True also
    /// while pixels let go are asked for again ([`take_wanted`](Self::take_wanted)) or
    /// while it is being encoded on the thread (its rows blank until then), and when
    /// those rows are under the picture (a photo less tall than its area).
    pub fn draw(
        &mut self,
        frame: &mut Frame<'_>,
        url: &str,
        full: Size,
        shown: Range<u16>,
        place: Rect,
    ) -> bool {
        self.drawn.insert(url.to_string());
        let wanted = |e: &Encoded| e.url == url && e.area == full && e.shown == shown;
        if !self.encoded.iter().any(wanted) {
            let Some(job) = self.job(url, full, shown.clone()) else {
                // Let go for newer photos: asked for again, its rows blank meanwhile.
                return match self.let_go.get_mut(url) {
                    Some(asked) => {
                        if !*asked {
                            *asked = true;
                            self.wanted.push(url.to_string());
                        }
                        true
                    }
                    None => false,
                };
            };
            let job = match &mut self.encoder {
                Encoder::InPlace => job,
                // One job a photo at a time: a scroll faster than the encoding gets the
                // rows it stops at, not every row on the way.
                Encoder::Thread { pending, .. } if pending.contains(url) => return true,
                Encoder::Thread { jobs, pending } => match jobs.send(job) {
                    Ok(()) => {
                        pending.insert(url.to_string());
                        return true;
                    }
                    // The thread is gone: done here.
                    Err(mpsc::SendError(job)) => job,
                },
            };
            self.finished(job.run());
        }
        match self.encoded.iter().find(|e| wanted(e)).map(|e| &e.picture) {
            Some(Picture::Drawn(protocol)) => {
                let size = protocol.size();
                let area = Rect {
                    width: size.width.min(place.width),
                    height: size.height.min(place.height),
                    ..place
                };
                frame.render_widget(Image::new(protocol), area);
                true
            }
            Some(Picture::Under) => true,
            Some(Picture::Failed) | None => false,
        }
    }

    /// The photos drawn since the last call whose pixels had been let go: to be asked
    /// for again.
    pub fn take_wanted(&mut self) -> Vec<String> {
        std::mem::take(&mut self.wanted)
    }

    /// The job that encodes rows `shown` of the photo at `url` over `full`, if its pixels
    /// are kept.
    fn job(&self, url: &str, full: Size, shown: Range<u16>) -> Option<Job> {
        let (_, pixels) = self.pixels.iter().find(|(u, _)| u == url)?;
        Some(Job {
            url: url.to_string(),
            full,
            shown,
            pixels: pixels.clone(),
            fitted: (self.fitted.iter())
                .find(|f| f.url == url && f.area == full)
                .cloned(),
            picker: self.picker.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    #[test]
    fn only_the_last_photos_are_kept_and_each_is_encoded_for_its_area() {
        let mut pictures = Pictures::new(Picker::halfblocks());
        // 4 MB each: six fit in the budget.
        let grey = square(1000, 90);
        for n in 0..8 {
            pictures.arrived(format!("p{n}"), grey.clone());
        }
        let kept: Vec<&str> = pictures.pixels.iter().map(|(u, _)| u.as_str()).collect();
        assert_eq!(kept, ["p2", "p3", "p4", "p5", "p6", "p7"]);

        let mut terminal = Terminal::new(TestBackend::new(20, 6)).unwrap();
        let full = Size::new(20, 3);
        let area = Rect::new(0, 0, 20, 3);
        terminal
            .draw(|f| {
                // Let go: not drawn, asked for again (once however often it is drawn).
                assert!(pictures.draw(f, "p0", full, 0..3, area));
                assert!(pictures.draw(f, "p0", full, 0..3, area));
                // Never held: not drawn, and the caller says so.
                assert!(!pictures.draw(f, "elsewhere", full, 0..3, area));
                assert!(pictures.draw(f, "p7", full, 0..3, area));
                assert!(pictures.draw(f, "p7", Size::new(6, 3), 0..3, Rect::new(0, 3, 6, 3)));
            })
            .unwrap();
        assert_eq!(pictures.take_wanted(), ["p0"]);
        assert!(pictures.take_wanted().is_empty());
        // The kept one is resized and encoded once, for the last area.
        let fitted: Vec<(&str, Size)> = pictures
            .fitted
            .iter()
            .map(|f| (f.url.as_str(), f.area))
            .collect();
        assert_eq!(fitted, [("p7", Size::new(6, 3))]);
        assert_eq!(pictures.encoded.len(), 1);
        assert_eq!(
            terminal.backend().buffer()[(0, 0)].bg,
            ratatui::style::Color::Rgb(90, 90, 90)
        );
    }

    /// Photos on screen are never let go for one another, however much they weigh: five
    /// of 6 MB drawn together are all kept once asked for again, and nothing more is
    /// asked for.
    #[test]
    fn photos_on_screen_are_not_let_go_for_one_another() {
        let mut pictures = Pictures::new(Picker::halfblocks());
        let big = square(1224, 9);
        let urls: Vec<String> = (0..5).map(|n| format!("p{n}")).collect();
        for url in &urls {
            pictures.arrived(url.clone(), big.clone());
        }
        let mut terminal = Terminal::new(TestBackend::new(20, 15)).unwrap();
        let mut frame = |pictures: &mut Pictures| {
            terminal
                .draw(|f| {
                    pictures.begin_frame();
                    for (n, url) in urls.iter().enumerate() {
                        let place = Rect::new(0, 3 * n as u16, 20, 3);
                        assert!(pictures.draw(f, url, Size::new(20, 3), 0..3, place));
                    }
                })
                .unwrap();
            pictures.take_wanted()
        };
        // Nothing was on screen as they came: the first went for the fifth.
        assert_eq!(frame(&mut pictures), ["p0"]);
        pictures.arrived("p0".into(), big.clone());
        assert_eq!(pictures.pixels.len(), 5, "the four on screen stay");
        assert!(frame(&mut pictures).is_empty());
        assert!(frame(&mut pictures).is_empty());
    }

    /// On the thread: nothing is drawn until the job is back, one job a photo however
    /// often it is drawn meanwhile, and the picture once it is back.
    #[test]
    fn a_threaded_picture_is_drawn_once_its_job_is_back() {
        use ratatui::style::Color;
        let (tx, rx) = mpsc::channel();
        let mut pictures = Pictures::threaded(Picker::halfblocks(), move |ready| {
            let _ = tx.send(ready);
        });
        pictures.arrived("p".into(), striped_pixels());
        let full = Size::new(6, 3);
        let mut terminal = Terminal::new(TestBackend::new(6, 3)).unwrap();
        let mut draw = |pictures: &mut Pictures| {
            terminal
                .draw(|f| assert!(pictures.draw(f, "p", full, 0..3, Rect::new(0, 0, 6, 3))))
                .unwrap();
            terminal.backend().buffer()[(3, 2)].bg
        };
        assert_eq!(draw(&mut pictures), Color::Reset);
        assert_eq!(draw(&mut pictures), Color::Reset);
        assert!(matches!(&pictures.encoder, Encoder::Thread { pending, .. } if pending.len() == 1));
        let ready = rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
        pictures.finished(ready);
        assert_eq!(draw(&mut pictures), Color::Rgb(0, 0, 200));
        assert!(rx.try_recv().is_err(), "one job");
    }

    /// A photo `side` pixels square, all of grey `level`.
    fn square(side: u32, level: u8) -> Arc<RgbaImage> {
        Arc::new(RgbaImage::from_pixel(
            side,
            side,
            image::Rgba([level, level, level, 255]),
        ))
    }

    /// A square photo fitted to 6 × 3 cells of 10 × 20 pixels: 60 × 60 pixels, three
    /// rows. Its top third red, the rest blue.
    fn striped_pixels() -> Arc<RgbaImage> {
        Arc::new(RgbaImage::from_fn(60, 60, |_, y| {
            image::Rgba(if y < 20 {
                [200, 0, 0, 255]
            } else {
                [0, 0, 200, 255]
            })
        }))
    }

    fn striped() -> Pictures {
        let mut pictures = Pictures::new(Picker::halfblocks());
        pictures.arrived("p".into(), striped_pixels());
        pictures
    }

    #[test]
    fn a_picture_cut_by_the_panes_edge_is_drawn_in_part() {
        use ratatui::style::Color;
        let mut pictures = striped();
        let full = Size::new(6, 3);
        let mut terminal = Terminal::new(TestBackend::new(6, 2)).unwrap();
        // Its top row cut off by the pane's top: its last two rows, blue, at the top.
        terminal
            .draw(|f| assert!(pictures.draw(f, "p", full, 1..3, Rect::new(0, 0, 6, 2))))
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        assert_eq!(buffer[(3, 0)].bg, Color::Rgb(0, 0, 200));
        assert_eq!(buffer[(3, 1)].bg, Color::Rgb(0, 0, 200));
        let red = |c: Color| matches!(c, Color::Rgb(r, _, b) if r > 4 * b);
        // Its last row cut off by the bottom: the red row first.
        let mut terminal = Terminal::new(TestBackend::new(6, 2)).unwrap();
        terminal
            .draw(|f| assert!(pictures.draw(f, "p", full, 0..2, Rect::new(0, 0, 6, 2))))
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        // (Half blocks resize again, blending a little blue in at the edge.)
        assert!(red(buffer[(3, 0)].bg), "{:?}", buffer[(3, 0)]);
        assert_eq!(buffer[(3, 1)].bg, Color::Rgb(0, 0, 200));
        // Resized once for the area, whatever part shows.
        assert_eq!(pictures.fitted.len(), 1);
    }
}
