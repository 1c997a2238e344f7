//! What Kompas puts in and around its articles that is not news: promos, appeals, share
//! and channel pitches, "Baca juga" pointers, photo buttons, the byline line and the
//! headings of the lists under the article. One set of rules for every way a Kompas page
//! is read: the profile's walk of the body, and the generic extractor's blocks when the
//! profile finds no body (a redesign). Each rule is from the real pages of 2023–2025
//! (`../shared/fixtures/real/README.md`) or ../shared/docs/KOMPAS.md.

use crate::article::Block;

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
    "advertisement",
    "scroll to continue with content",
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
    starts_with_ignoring_case(text, "baca juga")
}

/// A line after which the article has ended.
pub fn ends_article(text: &str) -> bool {
    let lower = text.to_lowercase();
    ENDS.iter().any(|e| lower.starts_with(e))
}

/// A line that is Kompas's, not the article's.
pub fn is_boilerplate(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim();
    PREFIXES.iter().any(|p| lower.starts_with(p))
        || LINES.contains(&lower)
        || is_baca_juga(lower)
        || lower.contains("whatsapp.com/channel")
        || (lower.starts_with("copyright") && lower.contains("kompas cyber media"))
        || is_byline(lower)
        || is_more_of_section(lower)
}

/// `Penulis: Irfan Kamil | Editor: Robertus Belarminus`: the credits, shown apart.
fn is_byline(lower: &str) -> bool {
    lower
        .strip_prefix("penulis")
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
        && lower.contains("editor")
        && lower.len() < 200
}

/// `Lihat Nasional Selengkapnya`: the link to the section under its list.
fn is_more_of_section(lower: &str) -> bool {
    lower.starts_with("lihat ") && lower.ends_with(" selengkapnya") && lower.len() < 80
}

/// The article text of a Kompas page read by another extractor: the boilerplate lines
/// dropped, and nothing kept after a line that ends the article.
pub fn clean(body: &mut Vec<Block>) {
    if let Some(end) = body.iter().position(|b| ends_article(&b.text)) {
        body.truncate(end);
    }
    body.retain(|b| !is_boilerplate(&b.text));
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
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "JAKARTA, KOMPAS.com - Jaksa penuntut umum menuntut Lisa Rachmat.",
            "Penulis buku itu mengatakan editor naskahnya menolak.",
            "Lihat saja nanti, kata dia.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
        assert!(ends_article("Halaman Selanjutnya"));
        assert!(ends_article("Terkini Lainnya"));
    }
}
