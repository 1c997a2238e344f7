//! Each profile on a small page written to its site's markup: the body read from the
//! container, the furniture gone, the byline where the profile says.

use super::*;
use crate::sites::read_article;

fn page(title: &str, meta: &str, body: &str) -> String {
    format!(
        "<html><head><title>{title}</title>{meta}</head><body><nav><a href=/>Home</a></nav>\
         <h1>{title}</h1>{body}<footer>Copyright</footer></body></html>"
    )
}

/// Two paragraphs long enough to be an article.
fn paragraphs(first: &str, last: &str) -> String {
    let filler = "Kalimat ini adalah isi berita yang cukup panjang untuk dibaca sebagai teks \
                  artikel oleh pembaca yang teliti dan sabar setiap hari.";
    format!("<p>{first} {filler}</p><p>{filler} {filler}</p><p>{filler} {last}</p>")
}

fn text_of(html: &str, url: &str) -> (crate::article::Article, String) {
    let url = Url::parse(url).unwrap();
    let a = read_article(html, &url).expect("read").article;
    let text = a
        .body
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    (a, text)
}

fn assert_clean(text: &str, first: &str, last: &str, furniture: &[&str]) {
    assert!(text.starts_with(first), "{text}");
    assert!(text.trim_end().ends_with(last), "{text}");
    for f in furniture {
        assert!(!text.contains(f), "{f:?} in {text}");
    }
}

#[test]
fn hosts_pick_their_profile() {
    let name = |u: &str| of(&Url::parse(u).unwrap()).map(|p| p.name);
    assert_eq!(name("https://health.detik.com/x"), Some("detik"));
    assert_eq!(name("https://www.tribunnews.com/x"), Some("tribunnews"));
    assert_eq!(name("https://padang.tribunnews.com/x"), Some("tribunnews"));
    assert_eq!(name("https://www.tribunpadang.com/x"), Some("tribunnews"));
    assert_eq!(name("https://m.jpnn.com/news/x"), Some("jpnn"));
    assert_eq!(name("https://www.cnnindonesia.com/x"), Some("cnnindonesia"));
    assert_eq!(name("https://nasional.tempo.co/x"), Some("tempo"));
    assert_eq!(name("https://www.antaranews.com/x"), Some("antara"));
    assert_eq!(name("https://www.liputan6.com/x"), Some("liputan6"));
    assert_eq!(name("https://notdetik.com/x"), None);
    assert_eq!(name("https://tribun.example.com/x"), None);
}

#[test]
fn article_links_are_told_by_each_sites_rule() {
    let article = |u: &str| {
        let url = Url::parse(u).unwrap();
        of(&url).unwrap().article_of(url).map(|u| u.to_string())
    };
    assert_eq!(
        article("https://news.detik.com/berita/d-7572645/judul?utm_source=x").as_deref(),
        Some("https://news.detik.com/berita/d-7572645/judul")
    );
    assert!(article("https://20.detik.com/detikupdate/20241004-241004095/judul").is_some());
    assert!(article("https://news.detik.com/indeks/2").is_none());
    assert!(article("https://www.liputan6.com/showbiz/read/5594363/judul").is_some());
    assert!(article("https://www.liputan6.com/showbiz").is_none());
    assert!(article("https://www.tribunnews.com/regional/2024/05/13/judul").is_some());
    assert!(article("https://www.tribunnews.com/regional").is_none());
    assert!(article("https://www.jpnn.com/news/judul-berita").is_some());
    assert!(article("https://www.jpnn.com/tag/x").is_none());
    assert!(
        article("https://www.cnnindonesia.com/nasional/20241004123456-20-1150000/judul").is_some()
    );
    assert!(article("https://www.cnnindonesia.com/nasional").is_none());
    assert!(article("https://nasional.tempo.co/read/1234567/judul").is_some());
    assert!(article("https://www.antaranews.com/berita/4321234/judul").is_some());
    assert!(article("https://www.antaranews.com/terkini").is_none());
}

#[test]
fn a_jpnn_page_loses_its_initials_and_credits() {
    let body = format!(
        "<div itemprop=articleBody>{}<p>Redaktur &amp; Reporter : Boy</p></div>",
        paragraphs(
            "jpnn.com, JAKARTA - Menteri berbicara.",
            "Dia menutup rapat. (boy/jpnn)"
        )
    );
    let html = page("Menteri Bicara - JPNN.com", "", &body);
    let (a, text) = text_of(&html, "https://www.jpnn.com/news/menteri-bicara");
    assert_eq!(a.title, "Menteri Bicara");
    assert_clean(
        &text,
        "jpnn.com, JAKARTA - Menteri berbicara.",
        "Dia menutup rapat.",
        &["(boy/jpnn)", "Redaktur"],
    );
}

#[test]
fn a_cnn_indonesia_page_loses_its_video_and_initials() {
    let body = format!(
        "<div class=detail-text>{}<table class=linksisip><tr><td>Baca juga: Lain</td></tr></table>\
         <p>[Gambas:Video CNN]</p></div>",
        paragraphs(
            "Jakarta, CNN Indonesia -- Presiden tiba.",
            "Acara selesai. (tim/dal)"
        )
    );
    let html = page("Presiden Tiba", "", &body);
    let (_, text) = text_of(
        &html,
        "https://www.cnnindonesia.com/nasional/20241004123456-20-1150000/presiden-tiba",
    );
    assert_clean(
        &text,
        "Jakarta, CNN Indonesia -- Presiden tiba.",
        "Acara selesai.",
        &["Gambas", "(tim/dal)", "Baca juga"],
    );
}

#[test]
fn a_tempo_page_loses_its_pointers() {
    let body = format!(
        "<div class=detail-in>{}<p>Pilihan Editor: Berita Lain</p></div>",
        paragraphs("TEMPO.CO, Jakarta - Harga naik.", "Pasar tutup sore.")
    );
    let html = page("Harga Naik", "", &body);
    let (_, text) = text_of(&html, "https://bisnis.tempo.co/read/1234567/harga-naik");
    assert_clean(
        &text,
        "TEMPO.CO, Jakarta - Harga naik.",
        "Pasar tutup sore.",
        &["Pilihan Editor"],
    );
}

#[test]
fn an_antara_page_loses_its_credits_and_copyright() {
    let body = format!(
        "<div class=post-content>{}<p>Pewarta: Ani<br>Editor: Budi<br>Copyright © ANTARA 2024</p></div>",
        paragraphs("Jakarta (ANTARA) - Hujan turun.", "Banjir surut malam itu.")
    );
    let html = page("Hujan Turun", "", &body);
    let (_, text) = text_of(
        &html,
        "https://www.antaranews.com/berita/4321234/hujan-turun",
    );
    assert_clean(
        &text,
        "Jakarta (ANTARA) - Hujan turun.",
        "Banjir surut malam itu.",
        &["Pewarta", "Copyright"],
    );
}

#[test]
fn a_regional_tribun_page_names_its_editor_apart() {
    let meta = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Jalan Rusak","author":{"@type":"Person","name":"Sari Dewi"}}</script>"#;
    let body = format!(
        "<div id=editor>Editor: <a href=/editor/sari>Sari Dewi</a></div>\
         <div class=\"side-article txt-article\">{}<p class=baca>Baca juga: Lain</p>\
         <p>Artikel ini telah tayang di TribunPadang.com dengan judul Jalan Rusak</p></div>",
        paragraphs(
            "TRIBUNPADANG.COM - Jalan rusak.",
            "Perbaikan dimulai besok."
        )
    );
    let html = page("Jalan Rusak", meta, &body);
    let (a, text) = text_of(
        &html,
        "https://padang.tribunnews.com/2024/05/13/jalan-rusak",
    );
    assert_eq!(a.editor.as_deref(), Some("Sari Dewi"));
    assert!(a.authors.is_empty(), "{:?}", a.authors);
    assert_clean(
        &text,
        "TRIBUNPADANG.COM - Jalan rusak.",
        "Perbaikan dimulai besok.",
        &["Baca juga", "Artikel ini telah tayang"],
    );
}

#[test]
fn lines_of_furniture_are_told_from_news() {
    let liputan6 = of(&Url::parse("https://www.liputan6.com/").unwrap()).unwrap();
    assert!(liputan6.is_boilerplate("2 dari 4 halaman"));
    assert!(liputan6.is_boilerplate("Selanjutnya: Terima Kasih, Tapi..."));
    assert!(!liputan6.is_boilerplate("Dua dari empat halaman buku itu hilang."));
    let mut text = "Dia pulang. (vyp/kna)".to_string();
    strip_initials(&mut text);
    assert_eq!(text, "Dia pulang.");
    let mut text = "Harga naik (10/20) persen".to_string();
    strip_initials(&mut text);
    assert_eq!(text, "Harga naik (10/20) persen");
}
