//! What a site puts in and around its articles that is not news, as data: one
//! [`Furniture`] table per site (Kompas's in `kompas/boilerplate.rs`, the other sites' in
//! their profiles), and the one cleanup that reads any of them. A lower module, so the
//! Kompas profile and the other profiles share it without using each other.

use crate::article::Block;

/// Lines every site has: the ad label and its scroll prompt, the "Baca juga" pointer
/// (lower case, as [`Furniture::prefixes`]).
pub const ADS: [&str; 3] = [
    "advertisement",
    "scroll to continue with content",
    "baca juga",
];

/// The furniture of Indonesian news sites in general, for a page in Indonesian of a site
/// kabar has no profile for: the conventions the profiles share, not any one site's
/// words. The editors' initials closing the text (`(vyp/kna)`, `(boy/jpnn)`, one editor's
/// `(FHM)`), a page counter (`2 dari 4 halaman`), the ad label and "Baca juga", and the
/// video pointer.
pub const INDONESIAN: Furniture = Furniture {
    prefixes: &[ADS[0], ADS[1], ADS[2], "simak video", "simak juga video"],
    lines: &[],
    ends: &[],
    contains: &[],
    cut: &[],
    initials: true,
    page_counter: true,
    also: None,
};

/// Whether the text of `body` is Indonesian, by its first 600 characters: enough for
/// the language in a sentence or three, and the cost stays a few hundredths of a
/// millisecond however long the page.
pub fn is_indonesian(body: &[Block]) -> bool {
    const SAMPLE_CHARS: usize = 600;
    // Told apart from the languages of Latin script a reader meets on the web; leaving
    // out the rest halves the cost.
    static DETECTOR: std::sync::LazyLock<whatlang::Detector> = std::sync::LazyLock::new(|| {
        use whatlang::Lang::*;
        whatlang::Detector::with_allowlist(vec![
            Ind, Eng, Jav, Tgl, Vie, Fra, Deu, Spa, Por, Ita, Nld, Tur,
        ])
    });
    let sample: String = body
        .iter()
        .flat_map(|b| b.text.chars().chain(std::iter::once('\n')))
        .take(SAMPLE_CHARS)
        .collect();
    DETECTOR.detect_lang(&sample) == Some(whatlang::Lang::Ind)
}

/// One site's furniture. Every text rule is in lower case.
#[derive(Debug)]
pub struct Furniture {
    /// Lines starting with one of these are dropped.
    pub prefixes: &'static [&'static str],
    /// Whole lines that are dropped.
    pub lines: &'static [&'static str],
    /// Lines after which nothing is the article; also where one starts after the last
    /// sentence of a block that runs into it.
    pub ends: &'static [&'static str],
    /// Lines holding one of these anywhere are dropped.
    pub contains: &'static [&'static str],
    /// Pieces cut out of any line (`[Gambas:Video 20detik]`, as the page writes it).
    pub cut: &'static [&'static str],
    /// A trailing `(vyp/kna)` or `(FHM)`: the editors' initials, cut from the last line.
    pub initials: bool,
    /// Lines `2 dari 4 halaman`, and a gallery's `5 / 12`: counters, not text.
    pub page_counter: bool,
    /// A site's own rule for lines no list of words tells (Kompas's byline line); it is
    /// given the line trimmed and in lower case.
    pub also: Option<fn(&str) -> bool>,
}

impl Furniture {
    /// The article text without the site's furniture: pieces cut, nothing kept from the
    /// line that ends the article, furniture lines dropped, the editors' initials cut.
    pub fn clean(&self, body: &mut Vec<Block>) {
        for block in body.iter_mut() {
            let mut changed = false;
            for piece in self.cut {
                if block.text.contains(piece) {
                    block.text = block.text.replace(piece, " ");
                    changed = true;
                }
            }
            if let Some(at) = self.end_within(&block.text) {
                block.text.truncate(at);
                changed = true;
            }
            // What a cut leaves behind is folded; a line untouched keeps its breaks.
            if changed {
                block.text = block.text.split_whitespace().collect::<Vec<_>>().join(" ");
            }
        }
        if let Some(end) = body.iter().position(|b| self.ends_article(&b.text)) {
            body.truncate(end);
        }
        body.retain(|b| !b.text.trim().is_empty() && !self.is_boilerplate(&b.text));
        if self.initials
            && let Some(last) = body.last_mut()
        {
            strip_initials(&mut last.text);
            if last.text.is_empty() {
                body.pop();
            }
        }
    }

    /// A line after which the article has ended.
    pub fn ends_article(&self, text: &str) -> bool {
        let lower = text.trim().to_lowercase();
        self.ends
            .iter()
            .any(|e| without_bullet(&lower).starts_with(e))
    }

    /// Where an ending line starts inside a block that runs into it (the video promo
    /// after the last sentence, in one paragraph): after a sentence's end, never inside
    /// one ("Polisi membantah berita lainnya …", "The anthology, edited by …").
    fn end_within(&self, text: &str) -> Option<usize> {
        let lower = text.to_lowercase();
        if lower.len() != text.len() {
            return None;
        }
        self.ends
            .iter()
            .filter_map(|e| {
                lower
                    .match_indices(&format!(" {e}"))
                    .map(|(at, _)| at)
                    .find(|&at| {
                        lower[..at]
                            .trim_end()
                            .ends_with(['.', '!', '?', '"', '”', ')', ']'])
                    })
            })
            .min()
    }

    /// A line that is the site's, not the article's: by the table, or a line of no
    /// letter or digit, which is a rule drawn in text ("-----", "***") setting a footer
    /// apart.
    pub fn is_boilerplate(&self, text: &str) -> bool {
        let lower = text.trim().to_lowercase();
        let lower = without_bullet(&lower);
        self.prefixes.iter().any(|p| lower.starts_with(p))
            || self.lines.contains(&lower)
            || self.contains.iter().any(|c| lower.contains(c))
            || (self.page_counter && is_page_counter(lower))
            || self.also.is_some_and(|rule| rule(lower))
            || !lower.chars().any(char::is_alphanumeric)
    }
}

/// A line without the bullet before it: "* Follow our WhatsApp channel" says what
/// "Follow our WhatsApp channel" says.
pub fn without_bullet(line: &str) -> &str {
    line.trim_start_matches(['*', '•', ' '])
}

/// Whether `word` is a count: digits, and nothing else.
pub fn is_number(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// `2 dari 4 halaman`, or a gallery's `5 / 12`.
fn is_page_counter(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [a, "dari", b, "halaman"] | [a, "/", b] => is_number(a) && is_number(b),
        [one] => one
            .split_once('/')
            .is_some_and(|(a, b)| is_number(a) && is_number(b)),
        _ => false,
    }
}

/// Cuts the editors' initials that end the text: `(vyp/kna)`, `(boy/jpnn)` (groups with
/// letters, between slashes, in brackets; not a date's `(12/8)`), or one editor's
/// `(FHM)` (two to four capitals) after the last sentence or on a line of their own.
fn strip_initials(text: &mut String) {
    let trimmed = text.trim_end();
    let Some(open) = trimmed.rfind('(') else {
        return;
    };
    let inner = &trimmed[open..];
    let Some(inner) = inner.strip_prefix('(').and_then(|i| i.strip_suffix(')')) else {
        return;
    };
    let is_initials = inner.contains('/')
        && inner.len() <= 24
        && inner.split('/').all(|p| {
            p.chars().all(|c| c.is_ascii_alphanumeric())
                && p.chars().any(|c| c.is_ascii_alphabetic())
        });
    let before = trimmed[..open].trim_end();
    let is_one_editor = (2..=4).contains(&inner.len())
        && inner.chars().all(|c| c.is_ascii_uppercase())
        // An advertorial says so at its end.
        && inner != "ADV"
        && (before.is_empty() || before.ends_with(['.', '!', '?', '"', '”']));
    if is_initials || is_one_editor {
        text.truncate(open);
        let kept = text.trim_end().len();
        text.truncate(kept);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;

    #[test]
    fn indonesian_text_is_told_from_english() {
        let indonesian = blocks(&[
            "Warga kampung membersihkan saluran air bersama setiap pekan agar tidak banjir.",
            "Menurut ketua RT, kegiatan ini sudah berjalan sejak tahun lalu dan diikuti puluhan warga.",
        ]);
        let english = blocks(&[
            "Residents clean the drains together every week so that the street does not flood.",
            "The neighbourhood head says the work has gone on since last year, with dozens taking part.",
        ]);
        assert!(is_indonesian(&indonesian));
        assert!(!is_indonesian(&english));
    }

    const SITE: Furniture = Furniture {
        prefixes: &["baca juga"],
        lines: &["berita terkait"],
        ends: &["simak video"],
        contains: &["whatsapp.com/channel"],
        cut: &["[Gambas:Video 20detik]"],
        initials: true,
        page_counter: true,
        also: Some(|lower| lower.starts_with("penulis:") && lower.contains("editor")),
    };

    fn blocks(lines: &[&str]) -> Vec<Block> {
        lines
            .iter()
            .map(|t| Block {
                kind: BlockKind::Paragraph,
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn every_rule_of_a_table_drops_its_lines() {
        let mut body = blocks(&[
            "Penulis: Ani | Editor: Budi",
            "Jakarta - Hujan turun sejak pagi.",
            "Baca juga: Banjir di Bekasi",
            "Ikuti kanal kami: https://www.whatsapp.com/channel/0029",
            "2 dari 4 halaman",
            "Berita Terkait",
            "Baris kedua\nmasih satu paragraf.",
            "Warga pulang sore. [Gambas:Video 20detik] (vyp/kna)",
            "Simak Video: Banjir",
            "Teks setelah promo video",
        ]);
        SITE.clean(&mut body);
        let text: Vec<&str> = body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            text,
            [
                "Jakarta - Hujan turun sejak pagi.",
                "Baris kedua\nmasih satu paragraf.",
                "Warga pulang sore.",
            ]
        );
    }

    #[test]
    fn an_ending_inside_a_line_cuts_it_there() {
        let mut body = blocks(&["Acara selesai sore itu. Simak Video: Banjir Rob"]);
        SITE.clean(&mut body);
        assert_eq!(body[0].text, "Acara selesai sore itu.");
    }

    /// An ending's words inside a sentence are the sentence's.
    #[test]
    fn an_ending_begins_after_a_sentence_not_inside_one() {
        let site = Furniture {
            ends: &["berita lainnya", "edited by"],
            ..SITE
        };
        let news = [
            "Polisi membantah berita lainnya yang menyebut ada korban jiwa.",
            "The anthology, edited by Goenawan Mohamad, was launched on Monday.",
        ];
        let mut body = blocks(&news);
        site.clean(&mut body);
        let text: Vec<&str> = body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(text, news);
        let mut body = blocks(&["It was launched on Monday. EDITED BY INE"]);
        site.clean(&mut body);
        assert_eq!(body[0].text, "It was launched on Monday.");
    }

    #[test]
    fn counters_and_initials_are_told_from_news() {
        assert!(SITE.is_boilerplate("2 dari 4 halaman"));
        assert!(SITE.is_boilerplate("5 / 12"));
        assert!(SITE.is_boilerplate("5/12"));
        assert!(!SITE.is_boilerplate("Dua dari empat halaman buku itu hilang."));
        assert!(!SITE.is_boilerplate("Skor akhir 5 / 12 untuk tim tamu."));
        let mut text = "Dia pulang. (vyp/kna)".to_string();
        strip_initials(&mut text);
        assert_eq!(text, "Dia pulang.");
        let mut text = "Harga naik (10/20) persen".to_string();
        strip_initials(&mut text);
        assert_eq!(text, "Harga naik (10/20) persen");
        for (line, kept) in [
            (
                "\"Sudah biasa,\" tandasnya. (FHM)",
                "\"Sudah biasa,\" tandasnya.",
            ),
            ("(FHM)", ""),
            (
                "Unduh laporan itu dalam format (PDF)",
                "Unduh laporan itu dalam format (PDF)",
            ),
            (
                "Dia pulang. (Reuters, 12 Mei)",
                "Dia pulang. (Reuters, 12 Mei)",
            ),
            ("Siapa yang tahu? (FHM)", "Siapa yang tahu?"),
            (
                "Gedung itu diresmikan Senin. (ADV)",
                "Gedung itu diresmikan Senin. (ADV)",
            ),
            (
                "\"Kita lihat nanti.\" (Senyum)",
                "\"Kita lihat nanti.\" (Senyum)",
            ),
            (
                "Rapat digelar di Jakarta, Senin (12/8)",
                "Rapat digelar di Jakarta, Senin (12/8)",
            ),
        ] {
            let mut text = line.to_string();
            strip_initials(&mut text);
            assert_eq!(text, kept, "{line}");
        }
    }
}
