//! The photo `cargo bench --bench pictures` draws: Kompas's largest size, 1200 × 800, as
//! a JPEG at quality 85, a gradient with grain so it compresses like a photo rather than
//! a flat colour.

use std::io::Cursor;

use image::RgbImage;
use image::codecs::jpeg::JpegEncoder;

pub fn photo_jpeg() -> Vec<u8> {
    let mut grain = 0x2545_f491_u32;
    let photo = RgbImage::from_fn(1200, 800, |x, y| {
        grain ^= grain << 13;
        grain ^= grain >> 17;
        grain ^= grain << 5;
        let noise = (grain % 24) as u8;
        let sky = (y * 255 / 800) as u8;
        let light = ((x * 180 / 1200) as u8).saturating_add(noise);
        image::Rgb([light, sky.saturating_add(noise / 2), 255 - sky])
    });
    let mut out = Cursor::new(Vec::new());
    JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&photo)
        .unwrap();
    out.into_inner()
}
