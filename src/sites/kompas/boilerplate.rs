//! What Kompas puts in and around its articles that is not news: promos, appeals, share
//! and channel pitches, "Baca juga" pointers, photo buttons, the byline line and the
//! headings of the lists under the article. One table, [`FURNITURE`], read by the one
//! cleanup every site's table is read by (`sites::furniture`), for every way a Kompas
//! page is read: the profile's walk of the body, and the generic extractor's blocks when
//! the profile finds no body (a redesign). Each rule is from the real pages of 2023–2025
//! (`../shared/fixtures/real/README.md`) or ../shared/docs/KOMPAS.md.

use crate::sites::furniture::{ADS, Furniture};

/// Kompas's furniture, as a table; what no list of words tells is in [`kompas_lines`].
pub const FURNITURE: Furniture = Furniture {
    prefixes: PREFIXES,
    lines: LINES,
    ends: ENDS,
    // The WhatsApp channel pitch, however it is worded.
    contains: &["whatsapp.com/channel"],
    cut: &[],
    initials: false,
    page_counter: false,
    also: Some(kompas_lines),
};

/// Leading words of lines that are promos, appeals or widget text, never news (lower
/// case; a line that starts with one is dropped wherever it appears).
const PREFIXES: &[&str] = &[
    "baca berita tanpa iklan",
    "gabung kompas.com+",
    "simak breaking news dan berita pilihan kami",
    "pilih saluran andalanmu",
    "pastikan kamu sudah install aplikasi",
    "akses eksklusif special newsletter",
    "dalam segala situasi, kompas.com berkomitmen",
    ADS[0],
    ADS[1],
    ADS[2],
    "artikel ini sudah tayang di",
    "bagikan artikel ini melalui",
    "close ads",
    "login untuk memaksimalkan pengalaman mengakses kompas.com",
    "dapatkan update berita pilihan",
    // The photo button; on a redesign its label runs into the caption.
    "lihat foto",
    "topik untukmu",
];

/// Menu, footer and list-heading words that are boilerplate when they are a whole line.
const LINES: &[&str] = &[
    "login",
    "konten yang disimpan",
    "konten yang disukai",
    "atur minat",
    "berikan masukanmu",
    "terpopuler",
    "artikel terkini",
    "about us",
    "advertise",
    "ketentuan penggunaan",
    "kebijakan data pribadi",
    "pedoman media siber",
    "tim redaksi",
    "show all",
    "pilihan untukmu",
    "berita terkait",
    "rekomendasi untuk anda",
    "mungkin anda melewatkan ini",
];

/// Leading words of a line after which nothing is the article: the comment area, the
/// next-page teaser, the latest-news list.
const ENDS: &[&str] = &[
    "tulis komentarmu dengan tagar",
    "halaman selanjutnya",
    "terkini lainnya",
];

/// The "Baca juga" pointer to another story (its links are the related articles).
pub fn is_baca_juga(text: &str) -> bool {
    starts_with_ignoring_case(text, ADS[2])
}

/// The lines of Kompas's own that no list of words tells: its copyright line, the byline
/// line, the link to a section under its list (`lower` is trimmed, in lower case).
fn kompas_lines(lower: &str) -> bool {
    (lower.starts_with("copyright") && lower.contains("kompas cyber media"))
        || is_byline(lower)
        || is_more_of_section(lower)
}

/// `Penulis: Irfan Kamil | Editor: Robertus Belarminus`: the credits, shown apart; and
/// a row of the 2014–16 credit table, its label and name in two cells
/// (`Editor | : Aloysius Gonsaga AE`, `Sumber | : Persib`).
fn is_byline(lower: &str) -> bool {
    // What follows the label: the name after a colon, or the cell after a bar.
    let after = |label: &str| lower.strip_prefix(label).map(str::trim_start);
    let whole = after("penulis").is_some_and(|rest| rest.starts_with(':'))
        && lower.contains("editor")
        && lower.len() < 200;
    let row = ["penulis", "editor", "sumber"].into_iter().any(|label| {
        after(label)
            .and_then(|rest| rest.strip_prefix('|'))
            .is_some_and(|cell| cell.trim_start().starts_with(':'))
    }) && lower.len() < 100;
    whole || row
}

/// `Lihat Nasional Selengkapnya`: the link to the section under its list.
fn is_more_of_section(lower: &str) -> bool {
    lower.starts_with("lihat ") && lower.ends_with(" selengkapnya") && lower.len() < 80
}

fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kompas_lines_are_boilerplate_and_news_is_not() {
        for line in [
            "Baca juga: Zarof Ricar Dituntut Hukuman 20 Tahun Penjara",
            "Penulis: Irfan Kamil | Editor: Robertus Belarminus",
            "Lihat Foto",
            "Lihat Foto Menhub Budi Karya Sumadi (KOMPAS.com/Isna)",
            "Simak breaking news dan berita pilihan kami langsung di ponselmu.",
            "Pilih saluran andalanmu akses berita Kompas.com WhatsApp Channel : \
             https://www.whatsapp.com/channel/0029VaFPbedBPzjZrk13HO3D",
            "Baca berita tanpa iklan. Gabung Kompas.com+",
            "Bagikan artikel ini melalui",
            "Lihat Nasional Selengkapnya",
            "Tim Redaksi",
            "Penulis | : Ferril Dennys",
            "Editor | : Aloysius Gonsaga AE",
            "Sumber | : Persib",
        ] {
            assert!(FURNITURE.is_boilerplate(line), "{line}");
        }
        for line in [
            "JAKARTA, KOMPAS.com - Jaksa penuntut umum menuntut Lisa Rachmat.",
            "Penulis buku itu mengatakan editor naskahnya menolak.",
            "Lihat saja nanti, kata dia.",
            "Sumber: seorang pejabat yang tak mau disebut namanya | Jakarta.",
        ] {
            assert!(!FURNITURE.is_boilerplate(line), "{line}");
        }
        assert!(FURNITURE.ends_article("Halaman Selanjutnya"));
        assert!(FURNITURE.ends_article("Terkini Lainnya"));
    }
}
