//! The photos drawn as pictures, in the protocol the terminal was found to speak
//! (`tui::graphics`). Kept by address and bounded: the pixels of the photos that arrived
//! last, [`KEPT_BYTES`] of them at most (each within `picture`'s limits, at most 6 MB),
//! and each of those encoded once for the area it is drawn in, resized to it.

use std::collections::VecDeque;
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
    /// Each photo encoded for the size it was last drawn at.
    encoded: Vec<(String, Size, Protocol)>,
}

impl Pictures {
    pub fn new(picker: Picker) -> Self {
        Pictures {
            picker,
            pixels: VecDeque::new(),
            encoded: Vec::new(),
        }
    }

    /// Keeps the pixels of the photo at `url`, letting the oldest go past [`KEPT_BYTES`].
    pub fn arrived(&mut self, url: String, pixels: Arc<RgbaImage>) {
        self.pixels.retain(|(u, _)| *u != url);
        self.encoded.retain(|(u, _, _)| *u != url);
        self.pixels.push_back((url, pixels));
        let bytes = |kept: &VecDeque<(String, Arc<RgbaImage>)>| -> usize {
            kept.iter().map(|(_, p)| p.as_raw().len()).sum()
        };
        while self.pixels.len() > 1 && bytes(&self.pixels) > KEPT_BYTES {
            if let Some((gone, _)) = self.pixels.pop_front() {
                self.encoded.retain(|(u, _, _)| *u != gone);
            }
        }
    }

    /// Draws the photo at `url` in `area`, if its pixels are kept (and they could be
    /// encoded); whether it did.
    pub fn draw(&mut self, frame: &mut Frame<'_>, url: &str, area: Rect) -> bool {
        let size = area.as_size();
        let fresh = !self.encoded.iter().any(|(u, s, _)| u == url && *s == size);
        if fresh {
            let Some((_, pixels)) = self.pixels.iter().find(|(u, _)| u == url) else {
                return false;
            };
            let image = DynamicImage::ImageRgba8(RgbaImage::clone(pixels));
            let Ok(protocol) = self.picker.new_protocol(image, size, Resize::Fit(None)) else {
                return false;
            };
            self.encoded.retain(|(u, _, _)| u != url);
            self.encoded.push((url.to_string(), size, protocol));
        }
        let encoded = self.encoded.iter().find(|(u, _, _)| u == url);
        if let Some((_, _, protocol)) = encoded {
            frame.render_widget(Image::new(protocol), area);
        }
        encoded.is_some()
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
        let area = Rect::new(0, 0, 20, 3);
        terminal
            .draw(|f| {
                assert!(!pictures.draw(f, "p0", area));
                assert!(pictures.draw(f, "p7", area));
                assert!(pictures.draw(f, "p7", Rect::new(0, 3, 10, 3)));
            })
            .unwrap();
        // The photo let go is not drawn; the kept one is encoded once, for the last area.
        let sizes: Vec<(&str, Size)> = pictures
            .encoded
            .iter()
            .map(|(u, s, _)| (u.as_str(), *s))
            .collect();
        assert_eq!(sizes, [("p7", Size::new(10, 3))]);
        assert_eq!(
            terminal.backend().buffer()[(0, 0)].bg,
            ratatui::style::Color::Rgb(90, 90, 90)
        );
    }
}
