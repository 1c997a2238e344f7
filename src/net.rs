//! The HTTP client: one reqwest client for the whole program, with an honest user agent,
//! compressed transfers, timeouts, a size cap, a retry for passing failures, charset
//! decoding, and the `--mirror` mapping that points every request at a local copy.

use std::sync::LazyLock;
use std::time::Duration;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;
use reqwest::header::{
    CONTENT_ENCODING, CONTENT_TYPE, ETAG, HeaderName, IF_MODIFIED_SINCE, IF_NONE_MATCH,
    LAST_MODIFIED, LOCATION, RETRY_AFTER,
};
use reqwest::{StatusCode, redirect};
use scraper::{Html, Selector};
use url::Url;

use crate::error::Error;
use crate::sanitize;

mod photo;
mod resolver;

/// Pages larger than this (after decompression) are refused, so a hostile server cannot
/// fill memory.
pub const MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

/// Addresses longer than this are refused before any request: far longer than any real
/// page's, and short enough that a mirror's prefix cannot take one past what the HTTP
/// library accepts (64 KB).
pub const MAX_URL_BYTES: usize = 32 * 1024;

/// Refuses an address over [`MAX_URL_BYTES`], naming only its start.
pub fn check_url_length(url: &str) -> Result<(), Error> {
    if url.len() <= MAX_URL_BYTES {
        return Ok(());
    }
    let start: String = sanitize::inline(url).chars().take(60).collect();
    Err(Error::Usage(format!(
        "address too long ({} bytes; kabar loads addresses of up to {} KB): {start}…",
        url.len(),
        MAX_URL_BYTES / 1024
    )))
}

/// The error for a page (from the network or a file) over [`MAX_BODY_BYTES`].
pub fn too_large(url: &str) -> Error {
    Error::TooLarge {
        url: url.to_string(),
        limit_mb: (MAX_BODY_BYTES / (1024 * 1024)) as u64,
    }
}

const USER_AGENT: &str = concat!(
    "kabar/",
    env!("CARGO_PKG_VERSION"),
    " (terminal news reader; one request per page a reader opens)"
);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest a page may take to load, by default.
pub const TOTAL_TIMEOUT: Duration = Duration::from_secs(30);
const MAX_REDIRECTS: usize = 8;
/// Waits before each retry of a connection error or a 5xx answer.
const BACKOFF: [Duration; 2] = [Duration::from_millis(400), Duration::from_millis(1200)];
/// A `Retry-After` longer than this is not waited for; the error is shown instead.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(5);

/// A fetched page, decoded to text. `url` is the page's real address after redirects
/// (mapped back from the mirror, when there is one).
#[derive(Debug, Clone)]
pub struct FetchedHtml {
    pub url: Url,
    pub text: String,
}

/// A fetched document as it came: its bytes, undecoded, and what the server said of them.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub url: Url,
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    pub validators: Validators,
}

/// What the server said identifies this version of a document (`ETag`,
/// `Last-Modified`), sent back on the next request so an unchanged one is not sent again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// The answer to a request that may carry validators.
#[derive(Debug, Clone)]
pub enum Conditional {
    Modified(Fetched),
    /// The server's copy is the one the validators name (HTTP 304).
    NotModified,
}

/// What kind of document a request is for: it decides which media types are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Page,
    PageOrFeed,
}

impl Want {
    fn accepts(self, mime: &str) -> bool {
        matches!(mime, "text/html" | "application/xhtml+xml")
            || self == Want::PageOrFeed
                && (mime.ends_with("/xml")
                    || mime.ends_with("+xml")
                    || mime.ends_with("/json")
                    || mime.ends_with("+json")
                    || self.sniffs(Some(mime)))
    }

    /// Whether a body of type `mime` is judged by its bytes: feeds are often served as
    /// plain text or bare bytes.
    fn sniffs(self, mime: Option<&str>) -> bool {
        self == Want::PageOrFeed && matches!(mime, Some("text/plain" | "application/octet-stream"))
    }
}

/// A header's value as text, when it is text.
fn header_text(resp: &reqwest::Response, name: HeaderName) -> Option<String> {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    mirror: Option<Url>,
}

impl Client {
    /// `mirror`: a base URL; each request for `scheme://host/path?query` then goes to
    /// `BASE/host/path?query` instead.
    pub fn new(mirror: Option<Url>) -> Result<Self, Error> {
        Self::with_timeout(mirror, TOTAL_TIMEOUT)
    }

    /// Like [`Client::new`], with the longest a page may take to load (`--timeout`).
    pub fn with_timeout(mirror: Option<Url>, total: Duration) -> Result<Self, Error> {
        let http = reqwest::Client::builder()
            .user_agent(USER_AGENT)
            .dns_resolver(resolver::SystemResolver)
            .connect_timeout(CONNECT_TIMEOUT.min(total))
            .timeout(total)
            .redirect(redirect::Policy::custom(|attempt| {
                if attempt.previous().len() >= MAX_REDIRECTS {
                    attempt.error("too many redirects")
                } else if !matches!(attempt.url().scheme(), "http" | "https") {
                    attempt.error("redirect to a non-web address refused")
                } else {
                    attempt.follow()
                }
            }))
            .build()
            .map_err(|e| Error::Client(e.to_string()))?;
        let mirror = mirror.map(|mut m| {
            if !m.path().ends_with('/') {
                let path = format!("{}/", m.path());
                m.set_path(&path);
            }
            m
        });
        Ok(Client { http, mirror })
    }

    /// Fetches an HTML page, retrying connection failures and server errors.
    pub async fn get_html(&self, url: &Url) -> Result<FetchedHtml, Error> {
        match self.get(url, Want::Page, None).await? {
            Conditional::Modified(doc) => Ok(FetchedHtml {
                text: decode(&doc.body, doc.content_type.as_deref()),
                url: doc.url,
            }),
            // Only a request with validators is answered "not modified".
            Conditional::NotModified => unreachable!("no validators were sent"),
        }
    }

    /// Fetches a list: an HTML page or a feed (RSS, Atom, JSON Feed), as bytes, since a
    /// feed's XML declares its own encoding. With `validators` from an earlier answer, a
    /// server whose list has not changed answers [`Conditional::NotModified`] in a few
    /// bytes.
    pub async fn get_list(
        &self,
        url: &Url,
        validators: Option<&Validators>,
    ) -> Result<Conditional, Error> {
        self.get(url, Want::PageOrFeed, validators).await
    }

    async fn get(
        &self,
        url: &Url,
        want: Want,
        validators: Option<&Validators>,
    ) -> Result<Conditional, Error> {
        let target = self.to_wire(url);
        check_url_length(target.as_str())?;
        let mut attempt = 0;
        loop {
            let outcome = self.get_once(url, &target, want, validators).await;
            let wait = match &outcome {
                Err(Retry::Transient(_)) => BACKOFF.get(attempt).copied(),
                Err(Retry::After(d, _)) if attempt == 0 => Some(*d),
                _ => None,
            };
            match (outcome, wait) {
                (Ok(page), _) => return Ok(page),
                (Err(_), Some(d)) => {
                    tracing::debug!(%url, attempt, "retrying in {d:?}");
                    tokio::time::sleep(d).await;
                    attempt += 1;
                }
                (Err(Retry::Transient(e) | Retry::After(_, e) | Retry::Final(e)), None) => {
                    return Err(e);
                }
            }
        }
    }

    async fn get_once(
        &self,
        url: &Url,
        target: &Url,
        want: Want,
        validators: Option<&Validators>,
    ) -> Result<Conditional, Retry> {
        let net_err = |e: reqwest::Error| {
            let err = Error::Network {
                url: url.to_string(),
                reason: describe(&e),
            };
            // A refused or reset connection often passes; a timeout already waited long
            // enough, and waiting again would only make the reader wait twice.
            if e.is_connect() {
                Retry::Transient(err)
            } else {
                Retry::Final(err)
            }
        };
        let mut request = self.http.get(target.clone());
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                request = request.header(IF_NONE_MATCH, etag);
            }
            if let Some(date) = &v.last_modified {
                request = request.header(IF_MODIFIED_SINCE, date);
            }
        }
        let mut resp = request.send().await.map_err(net_err)?;
        let status = resp.status();
        if status == StatusCode::NOT_MODIFIED && validators.is_some() {
            return Ok(Conditional::NotModified);
        }
        if status.is_redirection() {
            return Err(Retry::Final(Error::Network {
                url: url.to_string(),
                reason: unfollowed_redirect(&resp),
            }));
        }
        if !status.is_success() {
            let err = status_error(url, status);
            let retry_after = resp
                .headers()
                .get(RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs)
                .filter(|d| *d <= MAX_RETRY_AFTER);
            return Err(match (status, retry_after) {
                (StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE, Some(d)) => {
                    Retry::After(d, err)
                }
                (s, _) if s.is_server_error() => Retry::Transient(err),
                _ => Retry::Final(err),
            });
        }
        let final_url = self.unwire(resp.url()).unwrap_or_else(|| url.clone());
        // The client undoes gzip and brotli and then drops the header; one still there
        // names a coding it did not undo, and the body would read as noise.
        let encodings: Vec<String> = resp
            .headers()
            .get_all(CONTENT_ENCODING)
            .iter()
            .map(|v| sanitize::inline(&String::from_utf8_lossy(v.as_bytes())))
            .filter(|e| !e.is_empty() && !e.eq_ignore_ascii_case("identity"))
            .collect();
        if !encodings.is_empty() {
            return Err(Retry::Final(Error::Encoding {
                url: final_url.to_string(),
                encoding: encodings.join(", "),
            }));
        }
        let content_type = resp
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let mime = content_type
            .as_deref()
            .map(mime_type)
            .filter(|m| !m.is_empty());
        if let Some(mime) = &mime
            && !want.accepts(mime)
        {
            return Err(Retry::Final(Error::NotHtml {
                url: final_url.to_string(),
                content_type: sanitize::inline(mime),
            }));
        }
        let mut body = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(net_err)? {
            if body.len() + chunk.len() > MAX_BODY_BYTES {
                return Err(Retry::Final(too_large(final_url.as_str())));
            }
            body.extend_from_slice(&chunk);
        }
        let sniffed = looks_like_html(&body) || want == Want::PageOrFeed && looks_like_feed(&body);
        if (mime.is_none() || want.sniffs(mime.as_deref())) && !sniffed {
            return Err(Retry::Final(Error::NotHtml {
                url: final_url.to_string(),
                content_type: "unknown type".into(),
            }));
        }
        let validators = Validators {
            etag: header_text(&resp, ETAG),
            last_modified: header_text(&resp, LAST_MODIFIED),
        };
        Ok(Conditional::Modified(Fetched {
            url: final_url,
            body,
            content_type,
            validators,
        }))
    }

    /// The address a request for `url` really goes to.
    pub fn to_wire(&self, url: &Url) -> Url {
        let Some(base) = &self.mirror else {
            return url.clone();
        };
        let mut rel = format!("{}{}", url.host_str().unwrap_or_default(), url.path());
        if let Some(q) = url.query() {
            rel.push('?');
            rel.push_str(q);
        }
        base.join(&rel).unwrap_or_else(|_| url.clone())
    }

    /// The page address a response from `wire` stands for (the inverse of `to_wire`).
    fn unwire(&self, wire: &Url) -> Option<Url> {
        let Some(base) = &self.mirror else {
            return Some(wire.clone());
        };
        let rest = wire.as_str().strip_prefix(base.as_str())?;
        // The mirror does not keep the scheme; every Kompas page is https.
        Url::parse(&format!("https://{rest}")).ok()
    }
}

enum Retry {
    /// A passing failure: worth a retry after a backoff.
    Transient(Error),
    /// The server asked to come back after this long.
    After(Duration, Error),
    Final(Error),
}

/// The media type of a Content-Type value, lower-case, without its parameters.
fn mime_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Why a redirect came back unfollowed. The redirect policy follows every web address
/// it can; what is left had no `Location`, one of another scheme (`file:`, `data:`), or
/// one that is not an address at all.
fn unfollowed_redirect(resp: &reqwest::Response) -> String {
    let Some(location) = resp.headers().get(LOCATION) else {
        return "the server redirected without saying where".into();
    };
    match location.to_str() {
        Ok(l) => match resp.url().join(l) {
            Ok(to) if !matches!(to.scheme(), "http" | "https") => format!(
                "redirect to a non-web address refused ({}:)",
                sanitize::inline(to.scheme())
            ),
            _ => "the server redirected to an address kabar cannot follow".into(),
        },
        Err(_) => "the server redirected to an address kabar cannot follow".into(),
    }
}

/// Whether `body` starts like a feed: an RSS, RDF or Atom root element in its first
/// kilobyte, or a JSON object naming the JSON Feed version.
pub fn looks_like_feed(body: &[u8]) -> bool {
    let head = &body[..body.len().min(1024)];
    let text = String::from_utf8_lossy(head);
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') {
        return t.contains("jsonfeed.org/version");
    }
    t.starts_with('<')
        && ["<rss", "<feed", "<rdf:RDF", "<RDF"]
            .iter()
            .any(|root| t.contains(root))
}

fn looks_like_html(body: &[u8]) -> bool {
    let head = &body[..body.len().min(1024)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = text.trim_start_matches('\u{feff}').trim_start();
    t.starts_with('<') && (t.contains("<html") || t.contains("<!doctype") || t.contains("<p"))
}

/// A reqwest error in a few words, without the URL (the caller names it).
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "the server did not answer in time".into()
    } else if e.is_connect() {
        std::error::Error::source(e)
            .map_or("could not connect", resolver::connect_failure)
            .into()
    } else if e.is_redirect() {
        "too many redirects, or a redirect to a non-web address".into()
    } else if e.is_body() || e.is_decode() {
        "the connection broke while the page was loading".into()
    } else {
        let mut msg = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            msg = s.to_string();
            source = s.source();
        }
        msg
    }
}

/// The error for an answer of `status` (not a success) to `url`.
fn status_error(url: &Url, status: StatusCode) -> Error {
    Error::Status {
        url: url.to_string(),
        status: status.as_u16(),
        reason: status_words(status),
    }
}

fn status_words(status: StatusCode) -> String {
    match status.as_u16() {
        404 => "page not found".into(),
        410 => "page removed".into(),
        429 => "the server says too many requests, try again later".into(),
        401 | 403 => "access refused by the server".into(),
        s if s >= 500 => format!(
            "the server failed ({})",
            status.canonical_reason().unwrap_or("server error")
        ),
        _ => format!(
            "the server answered {}",
            status.canonical_reason().unwrap_or("an error")
        ),
    }
}

/// Decodes a page the way a browser settles its encoding: a byte-order mark first; then
/// the label, from the Content-Type header or else the page's own `<meta>`, except that
/// bytes that are valid UTF-8 are read as UTF-8 whatever single-byte encoding the label
/// names (a UTF-8 page mislabelled windows-1252 or ISO-8859-1 is common, and legacy text
/// that is also valid, non-ASCII UTF-8 is all but unknown); then, without a label, UTF-8
/// when the bytes are valid UTF-8, and a guess from the bytes otherwise.
pub fn decode(body: &[u8], content_type: Option<&str>) -> String {
    let (text, _, _) = encoding_of(body, content_type).decode(body);
    text.into_owned()
}

fn encoding_of(body: &[u8], content_type: Option<&str>) -> &'static Encoding {
    if let Some((bom, _)) = Encoding::for_bom(body) {
        return bom;
    }
    let label = content_type
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .or_else(|| meta_charset(body));
    let utf8 = std::str::from_utf8(body).is_ok();
    match label {
        Some(enc) if utf8 && enc.is_single_byte() => encoding_rs::UTF_8,
        Some(enc) => enc,
        None if utf8 => encoding_rs::UTF_8,
        None => {
            let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
            detector.feed(body, true);
            detector.guess(None, Utf8Detection::Deny)
        }
    }
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// The bytes the HTML prescan looks at for a `<meta>` charset.
const PRESCAN_BYTES: usize = 1024;

/// The encoding a `<meta charset="…">` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` in the first 1024 bytes declares, as the HTML prescan finds
/// it. Only those two count: a `charset` on a `<script>`, or the word in text or a
/// comment, does not.
fn meta_charset(body: &[u8]) -> Option<&'static Encoding> {
    static META: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("meta").expect("valid selector"));
    let head = String::from_utf8_lossy(&body[..body.len().min(PRESCAN_BYTES)]);
    let doc = Html::parse_document(&head);
    let enc = doc.select(&META).find_map(|meta| {
        let attr = |name| meta.value().attr(name);
        let label = attr("charset").map(str::to_string).or_else(|| {
            attr("http-equiv")
                .filter(|h| h.trim().eq_ignore_ascii_case("content-type"))
                .and(attr("content"))
                .and_then(charset_in_content)
        })?;
        Encoding::for_label(label.trim().as_bytes())
    })?;
    // A page that declares UTF-16 in ASCII is not UTF-16; browsers read it as UTF-8.
    Some(
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            enc
        },
    )
}

/// The charset in a `content` attribute (`text/html; charset=ISO-8859-1`), as the HTML
/// standard extracts it: after `charset`, optional spaces and `=`, a quoted value or one
/// that runs to a space or `;`.
fn charset_in_content(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("charset") {
        let rest = lower[from + at + "charset".len()..].trim_start();
        from += at + "charset".len();
        let Some(value) = rest.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        return match value.chars().next()? {
            q @ ('"' | '\'') => value[1..].split_once(q).map(|(v, _)| v.to_string()),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == ';')
                .next()
                .map(str::to_string),
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_header_meta_or_guess() {
        let cafe = b"<p>caf\xe9 \x93kutip\x94</p>";
        assert_eq!(
            decode(cafe, Some("text/html; charset=windows-1252")),
            "<p>café “kutip”</p>"
        );
        assert_eq!(
            decode(cafe, Some("text/html; charset=\"ISO-8859-1\"")),
            "<p>café “kutip”</p>"
        );
        let with_meta = b"<meta charset=\"windows-1252\"><p>caf\xe9</p>";
        assert!(decode(with_meta, Some("text/html")).ends_with("café</p>"));
        assert_eq!(decode(b"<p>caf\xe9</p>", None), "<p>café</p>");
        assert_eq!(decode("<p>café</p>".as_bytes(), None), "<p>café</p>");
    }

    #[test]
    fn valid_utf8_wins_over_a_single_byte_label() {
        let page = "<p>caf\u{e9} \u{201c}kutip\u{201d}</p>".as_bytes();
        for ct in [
            "text/html; charset=iso-8859-1",
            "text/html; charset=windows-1252",
            "text/html; charset=koi8-r",
        ] {
            assert_eq!(
                decode(page, Some(ct)),
                "<p>caf\u{e9} \u{201c}kutip\u{201d}</p>"
            );
        }
        let with_meta = "<meta charset=iso-8859-1><p>caf\u{e9}</p>";
        assert!(decode(with_meta.as_bytes(), None).ends_with("caf\u{e9}</p>"));
        // A byte-order mark comes before everything, the label included.
        let mut bom = b"\xff\xfe".to_vec();
        bom.extend("<p>\u{e9}</p>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode(&bom, Some("text/html; charset=utf-8")),
            "<p>\u{e9}</p>"
        );
        // A multi-byte label is kept: its bytes are what it says.
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("<p>\u{65e5}\u{672c}</p>");
        assert_eq!(
            decode(&sjis, Some("text/html; charset=shift_jis")),
            "<p>\u{65e5}\u{672c}</p>"
        );
    }

    #[test]
    fn only_a_meta_in_the_first_1024_bytes_declares_the_charset() {
        let cafe = b"<p>caf\xe9 \x93kutip\x94 di kota</p>";
        let page = |head: &str| [head.as_bytes(), cafe].concat();
        let cp1252 = "caf\u{e9} \u{201c}kutip\u{201d} di kota</p>";
        // Not a meta: a script's charset, the word in text, in a comment, in an attribute.
        for head in [
            "<script charset=\"utf-8\" src=\"/a.js\"></script>",
            "<title>charset=utf-8</title>",
            "<!-- <meta charset=\"utf-8\"> -->",
            "<link rel=x title=\"charset=utf-8\">",
        ] {
            assert!(
                decode(&page(head), Some("text/html")).ends_with(cp1252),
                "{head}"
            );
        }
        // A meta, in either shape and any attribute order, counts.
        for head in [
            "<meta charset=windows-1251>",
            "<META CHARSET='windows-1251'>",
            "<meta content=\"text/html; charset=windows-1251\" http-equiv=\"Content-Type\">",
            "<meta http-equiv=content-type content='text/html;charset = \"windows-1251\"'>",
            "<meta charset=no-such-thing><meta charset=windows-1251>",
        ] {
            let text = decode(&page(head), None);
            assert!(
                text.ends_with("caf\u{439} \u{201c}kutip\u{201d} di kota</p>"),
                "{head}: {text}"
            );
        }
        // Past the first 1024 bytes, a meta is too late.
        let late = format!(
            "<title>{}</title><meta charset=windows-1251>",
            "x".repeat(1024)
        );
        assert!(decode(&page(&late), Some("text/html")).ends_with(cp1252));
        // A meta inside a script is script text, not a declaration.
        let scripted = "<script>document.write('<meta charset=windows-1251>')</script>";
        assert!(decode(&page(scripted), None).ends_with(cp1252));
    }

    #[test]
    fn an_unlabelled_legacy_page_is_guessed_from_its_bytes() {
        let russian = "<p>\u{41f}\u{440}\u{435}\u{437}\u{438}\u{434}\u{435}\u{43d}\u{442} \
                       \u{43f}\u{440}\u{438}\u{431}\u{44b}\u{43b} \u{432} \u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{443} \
                       \u{43d}\u{430} \u{43f}\u{435}\u{440}\u{435}\u{433}\u{43e}\u{432}\u{43e}\u{440}\u{44b}</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(russian);
        assert_eq!(decode(&bytes, None), russian);
        assert_eq!(decode(&bytes, Some("text/html")), russian);
    }

    #[test]
    fn mirror_maps_both_ways() {
        let c = Client::new(Some(Url::parse("http://127.0.0.1:9/m").unwrap())).unwrap();
        let page = Url::parse("https://indeks.kompas.com/?page=2").unwrap();
        let wire = c.to_wire(&page);
        assert_eq!(
            wire.as_str(),
            "http://127.0.0.1:9/m/indeks.kompas.com/?page=2"
        );
        assert_eq!(c.unwire(&wire), Some(page));
    }
}
