//! The photos drawn as pictures, in the protocol the terminal was found to speak
//! (`tui::graphics`). Kept by address and bounded: the pixels of the photos that arrived
//! last, [`KEPT_BYTES`] of them at most (each within `picture`'s limits, at most 6 MB);
//! each of those resized once for the rows it is laid out over, and the part of it on
//! screen encoded once for where it is drawn. A picture cut by the pane's top or bottom
//! edge is drawn in part: its resized pixels are cropped to the rows that show, so every
//! protocol can draw it (ratatui-image clips only the bottom, and only in some).

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;

use image::{DynamicImage, RgbaImage};
use ratatui::Frame;
use ratatui::layout::{Rect, Size};
use ratatui_image::picker::Picker;
use ratatui_image::protocol::Protocol;
use ratatui_image::{Image, Resize};

/// The pixels kept, as RGBA bytes: six of Kompas's largest photos (1200 × 800), more
/// than an article has. The newest is kept whatever its size.
pub const KEPT_BYTES: usize = 24 * 1024 * 1024;

pub struct Pictures {
    picker: Picker,
    /// Newest last.
    pixels: VecDeque<(String, Arc<RgbaImage>)>,
    /// Each photo resized for the area it was last laid out in.
    fitted: Vec<Fitted>,
    /// Each photo's part on screen, encoded, as it was last drawn.
    encoded: Vec<Encoded>,
}

/// A photo resized for an area: its pixels fill `cells` (within the area) exactly at the
/// terminal's font size.
struct Fitted {
    url: String,
    area: Size,
    cells: Size,
    image: DynamicImage,
}

/// The rows `shown` of a photo fitted to `area`, encoded: `None` when those rows are all
/// under the picture (a photo less tall than its area).
struct Encoded {
    url: String,
    area: Size,
    shown: Range<u16>,
    protocol: Option<Protocol>,
}

impl Pictures {
    pub fn new(picker: Picker) -> Self {
        Pictures {
            picker,
            pixels: VecDeque::new(),
            fitted: Vec::new(),
            encoded: Vec::new(),
        }
    }

    /// Keeps the pixels of the photo at `url`, letting the oldest go past [`KEPT_BYTES`].
    pub fn arrived(&mut self, url: String, pixels: Arc<RgbaImage>) {
        self.forget(&url);
        self.pixels.push_back((url, pixels));
        let bytes = |kept: &VecDeque<(String, Arc<RgbaImage>)>| -> usize {
            kept.iter().map(|(_, p)| p.as_raw().len()).sum()
        };
        while self.pixels.len() > 1 && bytes(&self.pixels) > KEPT_BYTES {
            if let Some((gone, _)) = self.pixels.pop_front() {
                self.forget(&gone);
            }
        }
    }

    fn forget(&mut self, url: &str) {
        self.pixels.retain(|(u, _)| u != url);
        self.fitted.retain(|f| f.url != url);
        self.encoded.retain(|e| e.url != url);
    }

    /// Draws the rows `shown` of the photo at `url`, laid out over an area of `full`
    /// cells, in `place` (where those rows are on screen). Whether it could: not when its
    /// pixels are not kept or would not encode. Rows under the picture (a photo less
    /// tall than its area) are left as they are.
    pub fn draw(
        &mut self,
        frame: &mut Frame<'_>,
        url: &str,
        full: Size,
        shown: Range<u16>,
        place: Rect,
    ) -> bool {
        let current = |e: &Encoded| e.url == url && e.area == full && e.shown == shown;
        if !self.encoded.iter().any(current) {
            let Some(encoded) = self.encode(url, full, shown.clone()) else {
                return false;
            };
            self.encoded.retain(|e| e.url != url);
            self.encoded.push(encoded);
        }
        let encoded = self.encoded.iter().find(|e| current(e));
        if let Some(protocol) = encoded.and_then(|e| e.protocol.as_ref()) {
            let size = protocol.size();
            let area = Rect {
                width: size.width.min(place.width),
                height: size.height.min(place.height),
                ..place
            };
            frame.render_widget(Image::new(protocol), area);
        }
        true
    }

    /// The rows `shown` of the photo at `url` fitted to `full`, encoded; `None` without
    /// its pixels or when the protocol fails.
    fn encode(&mut self, url: &str, full: Size, shown: Range<u16>) -> Option<Encoded> {
        if !self.fitted.iter().any(|f| f.url == url && f.area == full) {
            let (_, pixels) = self.pixels.iter().find(|(u, _)| u == url)?;
            let (cells, image) = fit(&self.picker, pixels, full);
            self.fitted.retain(|f| f.url != url);
            self.fitted.push(Fitted {
                url: url.to_string(),
                area: full,
                cells,
                image,
            });
        }
        let fitted = self.fitted.iter().find(|f| f.url == url)?;
        let rows = shown.start.min(fitted.cells.height)..shown.end.min(fitted.cells.height);
        let protocol = if rows.is_empty() {
            None
        } else {
            let cell = u32::from(self.picker.font_size().height);
            let cropped = fitted.image.crop_imm(
                0,
                u32::from(rows.start) * cell,
                fitted.image.width(),
                u32::from(rows.end - rows.start) * cell,
            );
            let size = Size::new(fitted.cells.width, rows.end - rows.start);
            // Cropped to a whole number of cells, it is not resized again.
            Some(
                self.picker
                    .new_protocol(cropped, size, Resize::Fit(None))
                    .ok()?,
            )
        };
        Some(Encoded {
            url: url.to_string(),
            area: full,
            shown,
            protocol,
        })
    }
}

/// `pixels` resized to fit `area` at `picker`'s font size (never enlarged), padded to a
/// whole number of cells: the cells it takes, and its pixels.
fn fit(picker: &Picker, pixels: &RgbaImage, area: Size) -> (Size, DynamicImage) {
    let image = DynamicImage::ImageRgba8(pixels.clone());
    let resize = Resize::Fit(None);
    let cells = resize.size_for(&image, picker.font_size(), area);
    (
        cells,
        resize.resize(&image, picker.font_size(), cells, None),
    )
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
        let grey = Arc::new(RgbaImage::from_pixel(
            1000,
            1000,
            image::Rgba([90, 90, 90, 255]),
        ));
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
                assert!(!pictures.draw(f, "p0", full, 0..3, area));
                assert!(pictures.draw(f, "p7", full, 0..3, area));
                assert!(pictures.draw(f, "p7", Size::new(6, 3), 0..3, Rect::new(0, 3, 6, 3)));
            })
            .unwrap();
        // The photo let go is not drawn; the kept one is resized and encoded once, for
        // the last area.
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

    /// A square photo fitted to 6 × 3 cells of 10 × 20 pixels: 60 × 60 pixels, three
    /// rows. Its top third red, the rest blue.
    fn striped() -> Pictures {
        let mut pictures = Pictures::new(Picker::halfblocks());
        let pixels = RgbaImage::from_fn(60, 60, |_, y| {
            image::Rgba(if y < 20 {
                [200, 0, 0, 255]
            } else {
                [0, 0, 200, 255]
            })
        });
        pictures.arrived("p".into(), Arc::new(pixels));
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
