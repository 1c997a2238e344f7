//! Photos: one request each, no retries (a photo is an extra; the text is what was
//! asked for), at most [`picture::MAX_BYTES`] read, and nothing that says it is other
//! than an image (a file without a type is left to the decoder to tell).

use reqwest::header::{CONTENT_LENGTH, CONTENT_TYPE};
use url::Url;

use super::{Client, describe, mime_type, status_error};
use crate::error::Error;
use crate::{picture, sanitize};

impl Client {
    /// The file of the photo at `url`, read no further than the size limit.
    pub async fn get_photo(&self, url: &Url) -> Result<Vec<u8>, Error> {
        let network = |reason: String| Error::Network {
            url: url.to_string(),
            reason,
        };
        let target = self.to_wire(url);
        super::check_url_length(target.as_str())?;
        let mut resp = self
            .http
            .get(target)
            .send()
            .await
            .map_err(|e| network(describe(&e)))?;
        let status = resp.status();
        if !status.is_success() {
            return Err(status_error(url, status));
        }
        let mime = resp
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(mime_type)
            .unwrap_or_default();
        if !mime.is_empty() && !mime.starts_with("image/") {
            let mime = sanitize::inline(&mime);
            return Err(network(format!("the server sent {mime}, not a photo")));
        }
        let too_large = || Error::TooLarge {
            url: url.to_string(),
            limit_mb: (picture::MAX_BYTES / (1024 * 1024)) as u64,
        };
        // Said too large up front: not a byte of it is read.
        let declared = resp
            .headers()
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
        if declared.is_some_and(|n| n > picture::MAX_BYTES) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| network(describe(&e)))? {
            if body.len() + chunk.len() > picture::MAX_BYTES {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }
}
