//! The stored photos handed to the system's viewer. A viewer opens files, and a photo in
//! the store has no file of its own: it is written out into a private temporary directory
//! (made on first use, readable by the user alone, removed with everything in it when
//! kabar ends), one file per photo for the session, named with the extension of its
//! format, which viewers and openers go by.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::PathBuf;
use std::sync::Mutex;

use tempfile::TempDir;

use crate::picture;

#[derive(Default)]
pub struct ViewerFiles {
    dir: Mutex<Dir>,
}

#[derive(Default)]
enum Dir {
    #[default]
    NotYet,
    Made(TempDir),
    /// Removed as the worker ended; no file is written after.
    Closed,
}

impl ViewerFiles {
    /// The file holding `bytes`, the photo at `url`, written now if not already.
    pub fn write(&self, url: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        let extension = picture::extension(bytes)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "the file is not a photo"))?;
        let mut made = self.dir.lock().unwrap_or_else(|p| p.into_inner());
        if matches!(*made, Dir::NotYet) {
            *made = Dir::Made(tempfile::Builder::new().prefix("kabar-photos-").tempdir()?);
        }
        let Dir::Made(dir) = &*made else {
            return Err(io::Error::other("kabar is ending"));
        };
        let mut name = DefaultHasher::new();
        url.hash(&mut name);
        let path = dir
            .path()
            .join(format!("{:016x}.{extension}", name.finish()));
        if !path.exists() {
            std::fs::write(&path, bytes)?;
        }
        Ok(path)
    }

    /// Removes the directory and everything in it, now: tasks still running when kabar
    /// quits hold the worker (and so these files) past its end, and may never let go.
    pub fn close(&self) {
        let mut made = self.dir.lock().unwrap_or_else(|p| p.into_inner());
        *made = Dir::Closed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png() -> Vec<u8> {
        let mut out = io::Cursor::new(Vec::new());
        image::RgbaImage::from_pixel(3, 2, image::Rgba([1, 2, 3, 255]))
            .write_to(&mut out, image::ImageFormat::Png)
            .unwrap();
        out.into_inner()
    }

    #[test]
    fn each_photo_is_one_file_with_its_formats_extension_gone_at_the_end() {
        let files = ViewerFiles::default();
        let bytes = png();
        // The address says JPEG; the bytes are a PNG, and the name follows the bytes.
        let first = files.write("https://x/a.jpg", &bytes).unwrap();
        assert_eq!(first.extension().unwrap(), "png");
        assert_eq!(std::fs::read(&first).unwrap(), bytes);
        assert_eq!(files.write("https://x/a.jpg", &bytes).unwrap(), first);
        let second = files.write("https://x/b.jpg", &bytes).unwrap();
        assert_ne!(second, first);
        assert_eq!(second.parent(), first.parent());
        assert!(files.write("https://x/c.png", b"<html>").is_err());
        files.close();
        assert!(!first.exists() && !second.exists());
        assert!(
            files.write("https://x/a.jpg", &bytes).is_err(),
            "none after the end"
        );
    }
}
