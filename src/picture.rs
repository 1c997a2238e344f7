//! The limits every photo passes before it is kept or shown: its file no larger than
//! [`MAX_BYTES`], its size read from the file's header and checked before any pixel is
//! decoded, and decoding itself held to that size by the decoder's own limits. A page can
//! send anything as a photo: a 20,000 × 20,000 header on a tiny file (a decompression
//! bomb), a truncated file, something that is not an image at all.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits, RgbaImage};

/// The largest photo file fetched or kept. Kompas's photos are 50–300 KB.
pub const MAX_BYTES: usize = 4 * 1024 * 1024;
/// The widest or tallest photo decoded.
pub const MAX_SIDE: u32 = 4096;
/// The most pixels a photo may have: 1.5 million (Kompas's largest, 1200 × 800, is
/// 0.96 million), so one decoded photo costs at most 6 MB as RGBA.
pub const MAX_PIXELS: u64 = 1_500_000;

/// The formats read: what news sites serve. Others (TIFF, and so on) are refused.
const FORMATS: &[ImageFormat] = &[
    ImageFormat::Png,
    ImageFormat::Jpeg,
    ImageFormat::Gif,
    ImageFormat::WebP,
];

/// A photo's file, checked: its format is read and its size within the limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
}

/// Reads the size from the header of `bytes`, without decoding a pixel, and checks it
/// against the limits. The error is the reason in words.
pub fn size(bytes: &[u8]) -> Result<Size, String> {
    if bytes.len() > MAX_BYTES {
        return Err(format!(
            "the photo is larger than {} MB",
            MAX_BYTES / (1024 * 1024)
        ));
    }
    let reader = reader(bytes)?;
    let (width, height) = reader
        .into_dimensions()
        .map_err(|e| format!("the photo cannot be read ({e})"))?;
    if width == 0 || height == 0 {
        return Err("the photo is empty".into());
    }
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "the photo is too large to show ({width} × {height})"
        ));
    }
    Ok(Size { width, height })
}

/// Decodes `bytes` to pixels, after [`size`] has passed them, with the decoder held to
/// the same limits (it stops rather than allocate more).
pub fn decode(bytes: &[u8]) -> Result<RgbaImage, String> {
    size(bytes)?;
    let mut reader = reader(bytes)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    // The pixels as RGBA, and as much again for the decoder's own buffers.
    limits.max_alloc = Some(MAX_PIXELS * 4 * 2);
    reader.limits(limits);
    let image = reader
        .decode()
        .map_err(|e| format!("the photo cannot be read ({e})"))?;
    Ok(image.into_rgba8())
}

/// The usual file extension of the photo in `bytes` (`jpg`, `png`…), read from its first
/// bytes: what a viewer handed the file goes by. `None` for a format not read here.
pub fn extension(bytes: &[u8]) -> Option<&'static str> {
    let format = image::guess_format(bytes).ok()?;
    FORMATS
        .contains(&format)
        .then(|| format.extensions_str().first().copied())
        .flatten()
}

fn reader(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>, String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("the photo cannot be read ({e})"))?;
    match reader.format() {
        Some(f) if FORMATS.contains(&f) => Ok(reader),
        Some(f) => Err(format!("photos in {f:?} format are not shown")),
        None => Err("the file is not a photo".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small PNG, encoded here.
    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = RgbaImage::from_pixel(width, height, image::Rgba([200, 80, 40, 255]));
        let mut out = Cursor::new(Vec::new());
        image.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    /// A JPEG header declaring `width` × `height` and no picture: start of image, a frame
    /// header, the start of a scan, end of image.
    fn jpeg_header(width: u16, height: u16) -> Vec<u8> {
        let mut out = vec![0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 8];
        out.extend(height.to_be_bytes());
        out.extend(width.to_be_bytes());
        out.extend([3, 1, 0x11, 0, 2, 0x11, 1, 3, 0x11, 1]);
        out.extend([
            0xFF, 0xDA, 0x00, 0x0C, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0,
        ]);
        out.extend([0, 0, 0, 0, 0xFF, 0xD9]);
        out
    }

    /// 20,000 × 20,000 declared over a few hundred bytes (see the fixture's README).
    const BOMB: &[u8] = include_bytes!("../tests/fixtures/photos/bomb.png");
    const HUGE_JPEG: &[u8] = include_bytes!("../tests/fixtures/photos/huge.jpg");

    #[test]
    fn a_photo_within_the_limits_is_sized_and_decoded() {
        let bytes = png(120, 80);
        assert_eq!(
            size(&bytes),
            Ok(Size {
                width: 120,
                height: 80
            })
        );
        let pixels = decode(&bytes).unwrap();
        assert_eq!(pixels.dimensions(), (120, 80));
    }

    #[test]
    fn huge_declared_sizes_are_refused_from_the_header() {
        assert!(BOMB.len() < 1000, "the bomb is tiny: {} bytes", BOMB.len());
        let refused = "the photo is too large to show (20000 × 20000)";
        assert_eq!(size(BOMB), Err(refused.into()));
        assert_eq!(decode(BOMB), Err(refused.into()));
        assert_eq!(size(HUGE_JPEG), Err(refused.into()));
        assert_eq!(decode(HUGE_JPEG), Err(refused.into()));
        assert_eq!(jpeg_header(20_000, 20_000), HUGE_JPEG);
        // Within each side but over the pixels: 4096 × 400 is 1.6 million.
        let over = "the photo is too large to show (4096 × 400)";
        assert_eq!(size(&jpeg_header(4096, 400)), Err(over.into()));
        assert_eq!(
            size(&jpeg_header(1200, 800)),
            Ok(Size {
                width: 1200,
                height: 800
            })
        );
    }

    #[test]
    fn the_extension_is_the_files_format_not_its_name() {
        assert_eq!(extension(&png(4, 4)), Some("png"));
        assert_eq!(extension(HUGE_JPEG), Some("jpg"));
        assert_eq!(extension(b"<html>not a photo</html>"), None);
        // A format the reader refuses gets none either.
        assert_eq!(extension(b"II*\0"), None);
    }

    #[test]
    fn truncated_oversized_and_foreign_files_are_refused() {
        let whole = png(64, 64);
        let cut = &whole[..whole.len() / 2];
        assert!(size(cut).is_ok(), "the header is whole");
        assert!(
            decode(cut)
                .unwrap_err()
                .starts_with("the photo cannot be read")
        );
        assert_eq!(
            size(b"<html>not a photo</html>"),
            Err("the file is not a photo".into())
        );
        let mut big = png(8, 8);
        big.resize(MAX_BYTES + 1, 0);
        assert_eq!(size(&big), Err("the photo is larger than 4 MB".into()));
        assert_eq!(size(&[]), Err("the file is not a photo".into()));
    }
}
