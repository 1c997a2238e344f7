//! Resizing a photo for its area and encoding the rows of it on screen: the costly part
//! of drawing a picture (9–26 ms a photo, docs/PERFORMANCE.md), so in the reader it runs
//! on a thread of its own, one job after another, and the screen's thread only hands the
//! jobs over and takes the results back.

use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc;

use image::{DynamicImage, RgbaImage};
use ratatui::layout::Size;
use ratatui_image::Resize;
use ratatui_image::picker::Picker;
use ratatui_image::protocol::Protocol;

/// A photo resized for an area: its pixels fill `cells` (within the area) exactly at the
/// terminal's font size.
pub struct Fitted {
    pub url: String,
    pub area: Size,
    pub cells: Size,
    image: DynamicImage,
}

/// The rows `shown` of a photo fitted to `area`, encoded.
pub struct Encoded {
    pub url: String,
    pub area: Size,
    pub shown: Range<u16>,
    pub picture: Picture,
}

pub enum Picture {
    Drawn(Protocol),
    /// The rows are all under the picture (a photo less tall than its area).
    Under,
    /// The protocol could not encode it.
    Failed,
}

/// Rows `shown` of the photo at `url`, of `pixels`, over an area of `full` cells;
/// `fitted` when it was resized for that area already.
pub struct Job {
    pub url: String,
    pub full: Size,
    pub shown: Range<u16>,
    pub pixels: Arc<RgbaImage>,
    pub fitted: Option<Arc<Fitted>>,
    pub picker: Picker,
}

/// What a job gives back: the photo resized for its area, and its rows encoded.
pub struct PictureReady {
    pub(super) fitted: Arc<Fitted>,
    pub(super) encoded: Encoded,
}

impl Job {
    pub fn run(self) -> PictureReady {
        let fitted = match self.fitted {
            Some(fitted) => fitted,
            None => Arc::new(fit(&self.picker, &self.url, &self.pixels, self.full)),
        };
        let height = fitted.cells.height;
        let rows = self.shown.start.min(height)..self.shown.end.min(height);
        let picture = if rows.is_empty() {
            Picture::Under
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
            match self.picker.new_protocol(cropped, size, Resize::Fit(None)) {
                Ok(protocol) => Picture::Drawn(protocol),
                Err(_) => Picture::Failed,
            }
        };
        PictureReady {
            fitted,
            encoded: Encoded {
                url: self.url,
                area: self.full,
                shown: self.shown,
                picture,
            },
        }
    }
}

/// `pixels` resized to fit `area` at `picker`'s font size (never enlarged), padded to a
/// whole number of cells.
fn fit(picker: &Picker, url: &str, pixels: &RgbaImage, area: Size) -> Fitted {
    let image = DynamicImage::ImageRgba8(pixels.clone());
    let resize = Resize::Fit(None);
    let cells = resize.size_for(&image, picker.font_size(), area);
    Fitted {
        url: url.to_string(),
        area,
        cells,
        image: resize.resize(&image, picker.font_size(), cells, None),
    }
}

/// Starts the thread that runs the jobs sent to it, handing each result to `deliver`; it
/// ends when the sender is dropped.
pub fn spawn(
    deliver: impl Fn(PictureReady) + Send + 'static,
) -> std::io::Result<mpsc::Sender<Job>> {
    let (jobs, queue) = mpsc::channel::<Job>();
    std::thread::Builder::new()
        .name("kabar-pictures".into())
        .spawn(move || {
            for job in queue {
                deliver(job.run());
            }
        })?;
    Ok(jobs)
}
