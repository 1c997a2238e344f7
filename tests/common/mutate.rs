//! Inputs for the property tests and the fuzz harness: strings rich in what a hostile
//! page would use (escape sequences, C0 and C1 controls, bidi controls, odd spaces), and
//! mutations of the fixture pages (bytes cut, repeated, or tags and hostile text put in
//! anywhere), so the parsers meet pages that are almost right, the hardest kind.

use proptest::prelude::*;
use proptest::sample::Index;
use url::Url;

/// Characters weighted toward the ones that build escape sequences and fool terminals.
pub fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        2 => Just(' '),
        3 => prop::sample::select(vec![
            '\u{1b}', '[', ']', ';', 'P', '\\', '_', '^', 'X', '0', '1', '3', '8', 'm', 'c',
            '(', '\u{7}', '\n', '\r', '\t', '&', '#', '<', '>', ':', '/',
        ]),
        2 => prop::char::range('\u{0}', '\u{1f}'),
        2 => prop::char::range('\u{7f}', '\u{9f}'),
        2 => prop::sample::select(vec![
            '\u{200e}', '\u{200f}', '\u{61c}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
            '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}',
            '\u{85}', '\u{a0}', '\u{feff}', '\u{200b}', '\u{3000}', '\u{fffd}',
        ]),
        2 => prop::sample::select(vec![
            '\u{200c}', '\u{200d}', '\u{200d}', '\u{2060}', '\u{ad}', '\u{180e}',
            '\u{e0041}', '\u{fdd0}', '\u{fffe}', '\u{1ffff}', '\u{e000}', '\u{10fffd}',
            '\u{1f468}', '\u{1f469}', '\u{fe0f}', '\u{301}', '\u{9c}', '\u{9d}',
        ]),
        1 => any::<char>(),
    ]
}

pub fn hostile_string(max_len: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..max_len).prop_map(String::from_iter)
}

/// What a page may hold where a link belongs: a scheme (or none) and hostile text.
pub fn href() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec![
        "",
        "http://",
        "https://",
        "//",
        "/",
        "javascript:",
        " JaVaScRiPt:",
        "data:",
        "file://",
        "vbscript:",
        "about:",
        "mailto:",
        "ftp://",
        "https://u:p@",
        "\u{1b}]8;;",
    ]);
    (scheme, hostile_string(24)).prop_map(|(s, rest)| format!("{s}{rest}"))
}

/// Markup to put into a page: tags that change where the parsers look, and hostile text.
const SNIPPETS: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<span>",
    "</span>",
    "<a href=\"javascript:alert(1)\">",
    "<a href=\"https://www.kompas.com/read/2026/11/25/9/x?source=terkini\">",
    "</a>",
    "<a href=\"data:text/html,x\">",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<table><tr><td>",
    "</table>",
    "<h1 class=read__title>",
    "<h2>",
    "<li>",
    "<ul>",
    "<blockquote>",
    "<div class=read__content>",
    "<div class=\"credit-author-name\">",
    "<div id=creditModal><div class=credit-author>",
    "<div class=articleList>",
    "<div class=\"articleItem\">",
    "<h2 class=\"sectionBox-titleText\">Terkini Lainnya</h2>",
    "<p>Baca juga: <a href=\"javascript:x\">x</a></p>",
    "<template>",
    "<svg>",
    "<math>",
    "<select>",
    "<plaintext>",
    "<noscript>",
    "<iframe>",
    "<br>",
    "<img src=x alt=\"\u{1b}[2J\">",
    "<meta name=content_author content=\"\u{1b}]0;x\u{7}\">",
    "<meta property=og:title content=\"\u{202e}x\">",
    "<link rel=canonical href=\"javascript:x\">",
    "<link rel=canonical href=\"https://evil.example/\">",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"\\u001b[2J\"}</script>",
    "&#x1b;[31m",
    "&#27;]0;x&#7;",
    "&#0;",
    "&#x9b;",
    "&#x202e;",
    "&amp",
    "&#xD800;",
    "&#1114112;",
    "<![CDATA[",
    "\"",
    "'",
    ">",
    "<",
    "\u{0}",
    "\u{1b}",
    "\u{9b}",
    "\r\n",
];

#[derive(Debug, Clone)]
pub enum Mutation {
    Delete { at: Index, len: usize },
    Repeat { at: Index, len: usize, times: usize },
    Insert { at: Index, text: String },
    Truncate { at: Index },
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    let insert = prop_oneof![
        3 => prop::sample::select(SNIPPETS).prop_map(str::to_string),
        2 => hostile_string(40),
        1 => href().prop_map(|h| format!("<a href=\"{h}\">{h}</a>")),
    ];
    prop_oneof![
        3 => (any::<Index>(), 1..400usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (any::<Index>(), 1..200usize, 2..20usize)
            .prop_map(|(at, len, times)| Mutation::Repeat { at, len, times }),
        6 => (any::<Index>(), insert).prop_map(|(at, text)| Mutation::Insert { at, text }),
        1 => any::<Index>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// `at` as a char boundary of `s`.
fn boundary(s: &str, at: &Index) -> usize {
    let mut i = at.index(s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The end of a range of `len` bytes from `start`, on a char boundary.
fn end_of(s: &str, start: usize, len: usize) -> usize {
    let mut end = (start + len).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

pub fn apply(page: &str, mutations: &[Mutation]) -> String {
    let mut s = page.to_string();
    for m in mutations {
        match m {
            Mutation::Delete { at, len } => {
                let start = boundary(&s, at);
                let end = end_of(&s, start, *len);
                s.replace_range(start..end, "");
            }
            Mutation::Repeat { at, len, times } => {
                let start = boundary(&s, at);
                let end = end_of(&s, start, *len);
                let piece = s[start..end].repeat(*times);
                s.insert_str(end, &piece);
            }
            Mutation::Insert { at, text } => {
                let at = boundary(&s, at);
                s.insert_str(at, text);
            }
            Mutation::Truncate { at } => {
                let at = boundary(&s, at);
                s.truncate(at);
            }
        }
    }
    s
}

/// A fixture page: its name, its text, and the address it stands for.
#[derive(Debug, Clone)]
pub struct FixturePage {
    pub name: String,
    pub html: String,
    pub url: Url,
}

/// Every HTML page of the fixtures, the real captures included, and the pages of the
/// directory `KABAR_FUZZ_PAGES` names, if any (a long run can start from pages of every
/// kind, such as the WCXB sample's).
pub fn fixture_pages() -> Vec<FixturePage> {
    let extra = std::env::var_os("KABAR_FUZZ_PAGES").map(std::path::PathBuf::from);
    [super::fixtures(), super::fixtures().join("real")]
        .into_iter()
        .chain(extra)
        .flat_map(|dir| pages_in(&dir))
        .collect()
}

/// The pages of `dir`, `.html` or gzipped `.html.gz`, by name, each decoded as kabar
/// decodes a page it fetched and read at the address it gives itself.
pub fn pages_in(dir: &std::path::Path) -> Vec<FixturePage> {
    let fallback = Url::parse("https://www.kompas.com/").unwrap();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".html") || name.ends_with(".html.gz")
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|path| {
            let mut bytes = std::fs::read(&path).unwrap();
            if path.extension().is_some_and(|e| e == "gz") {
                let mut plain = Vec::new();
                std::io::Read::read_to_end(
                    &mut flate2::read::GzDecoder::new(bytes.as_slice()),
                    &mut plain,
                )
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                bytes = plain;
            }
            let html = kabar::net::decode(&bytes, None);
            let url = kabar::sites::page_url(&html, None, &fallback);
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            FixturePage { name, html, url }
        })
        .collect()
}

/// A fixture page with a few mutations, as (page name, mutated text, its address).
pub fn mutated_page(
    pages: Vec<FixturePage>,
    max_mutations: usize,
) -> impl Strategy<Value = (String, String, Url)> {
    (
        prop::sample::select(pages),
        prop::collection::vec(mutation(), 1..=max_mutations),
    )
        .prop_map(|(page, mutations)| (page.name, apply(&page.html, &mutations), page.url))
}

/// A page made of nothing but tags and hostile text, in any order.
pub fn soup(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(SNIPPETS).prop_map(str::to_string),
        2 => hostile_string(30),
        1 => Just("<p>Warga kampung membersihkan saluran air bersama setiap pekan.</p>".to_string()),
    ];
    prop::collection::vec(piece, 0..max_pieces).prop_map(|p| p.concat())
}

/// Where a page may come from: a Kompas article, a Kompas index, another site.
pub fn page_url() -> impl Strategy<Value = Url> {
    prop::sample::select(vec![
        "https://www.kompas.com/tren/read/2026/11/25/080000065/x",
        "https://indeks.kompas.com/?page=2",
        "https://warta.example/berita/1",
        "http://127.0.0.1:8080/a/b?c=d#e",
    ])
    .prop_map(|u| Url::parse(u).unwrap())
}
