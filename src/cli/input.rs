//! Pages from the machine rather than the network: a file or standard input (`-`), read
//! within the size a page from the network may have, and refused when they are not a web
//! page.

use std::io::Read;
use std::path::PathBuf;

use url::Url;

use kabar::article::HeadlinePage;
use kabar::error::Error;
use kabar::{feeds, net, sites};

/// Where `read` and `headlines` take their page from.
pub(crate) enum Source {
    Web(Url),
    Local(Local),
}

pub(crate) enum Local {
    File(PathBuf),
    Stdin,
}

impl Source {
    pub(crate) fn parse(s: &str) -> Result<Self, Error> {
        if s == "-" {
            return Ok(Source::Local(Local::Stdin));
        }
        if s.starts_with("http://") || s.starts_with("https://") {
            net::check_url_length(s)?;
            return Url::parse(s)
                .map(Source::Web)
                .map_err(|e| Error::Usage(format!("not a valid URL: {s} ({e})")));
        }
        if s.contains("://") {
            return Err(Error::Usage(format!(
                "only http and https addresses can be read: {s}"
            )));
        }
        Ok(Source::Local(Local::File(PathBuf::from(s))))
    }
}

impl Local {
    /// The page text and the URL it stands for, for a local source.
    pub(crate) fn read(&self, given: Option<&Url>) -> Result<(String, Url), Error> {
        let (bytes, fallback) = self.bytes()?;
        self.page(&bytes, &fallback, given)
    }

    /// The source's bytes, within the size a page may have, and the address of the file.
    pub(crate) fn bytes(&self) -> Result<(Vec<u8>, Url), Error> {
        Ok(match self {
            Local::File(path) => {
                let name = path.display().to_string();
                let bytes = std::fs::File::open(path)
                    .map_err(|e| Error::File {
                        path: name.clone(),
                        reason: io_words(&e),
                    })
                    .and_then(|file| read_capped(file, &name))?;
                let abs = std::path::absolute(path).unwrap_or_else(|_| path.clone());
                let url = Url::from_file_path(&abs)
                    .unwrap_or_else(|_| Url::parse("file:///page.html").expect("valid URL"));
                (bytes, url)
            }
            Local::Stdin => (
                read_capped(std::io::stdin(), "standard input")?,
                Url::parse("file:///dev/stdin").expect("valid URL"),
            ),
        })
    }

    /// `bytes` as a web page's text, and the URL the page stands for.
    fn page(
        &self,
        bytes: &[u8],
        fallback: &Url,
        given: Option<&Url>,
    ) -> Result<(String, Url), Error> {
        if let Some(what) = not_a_page(bytes) {
            return Err(Error::NoText(format!("{} ({what})", self.name())));
        }
        let text = net::decode(bytes, None);
        let url = sites::page_url(&text, given, fallback);
        Ok((text, url))
    }

    /// A list from a local source: a feed, told by its content, or a list page.
    pub(crate) fn list(&self, given: Option<&Url>) -> Result<HeadlinePage, Error> {
        let (bytes, fallback) = self.bytes()?;
        if net::looks_like_feed(&bytes) {
            return feeds::read(&bytes, given.unwrap_or(&fallback));
        }
        let (text, url) = self.page(&bytes, &fallback, given)?;
        sites::read_headlines(&text, &url)
    }

    /// The source as the user named it.
    pub(crate) fn name(&self) -> String {
        match self {
            Local::File(path) => path.display().to_string(),
            Local::Stdin => "standard input".into(),
        }
    }
}

/// Why `bytes` cannot be a web page, when they cannot: binary data (a NUL byte, or many
/// control characters in the first 8 KB), or text without a single HTML tag (a TSV file).
fn not_a_page(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if head.contains(&0) || control * 100 > head.len() {
        return Some("binary data, not a web page");
    }
    let tag = bytes
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'!'));
    (!tag).then_some("no HTML in it, not a web page")
}

/// All of `from`, if it is no larger than a page from the network may be. One byte past
/// the limit is read, to tell a page of exactly the limit from a larger one; no more, so
/// `/dev/zero` or an endless pipe cannot fill memory.
fn read_capped(from: impl Read, name: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    from.take(net::MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::File {
            path: name.into(),
            reason: io_words(&e),
        })?;
    if bytes.len() > net::MAX_BODY_BYTES {
        return Err(net::too_large(name));
    }
    Ok(bytes)
}

pub(crate) fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => e.to_string(),
    }
}
