//! Each profile on a small page written to its site's markup: the body read from the
//! container, the furniture gone, the byline where the profile says.

use super::*;
use crate::sites::read_article;
use scraper::Html;

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

/// The page of `body` under a heading, read from `url`, checked with [`assert_clean`].
fn assert_reads_clean(url: &str, body: &str, first: &str, last: &str, furniture: &[&str]) {
    let (_, text) = text_of(&page("Judul", "", body), url);
    assert_clean(&text, first, last, furniture);
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
    assert_eq!(name("https://news.republika.co.id/x"), Some("republika"));
    assert_eq!(name("https://nasional.okezone.com/x"), Some("okezone"));
    assert_eq!(name("https://kumparan.com/x"), Some("kumparan"));
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
    assert!(article("https://news.republika.co.id/berita/s7gk2m451/judul").is_some());
    assert!(article("https://www.republika.co.id/kanal/news").is_none());
    assert!(article("https://nasional.okezone.com/read/2024/03/05/337/2979123/judul").is_some());
    assert!(article("https://nasional.okezone.com/indeks").is_none());
    assert!(article("https://kumparan.com/kumparannews/judul-berita-27dMf6EqCKI").is_some());
    assert!(article("https://kumparan.com/kumparannews/judul-berita-panjang").is_none());
    assert!(article("https://kumparan.com/kumparannews").is_none());
}

/// A page written to one site's markup (tests/fixtures/sites/), and what a reader sees
/// on it.
struct SitePage {
    file: &'static str,
    url: &'static str,
    title: &'static str,
    authors: &'static [&'static str],
    editor: Option<&'static str>,
    published: &'static str,
    first: &'static str,
    last: &'static str,
    furniture: &'static [&'static str],
}

macro_rules! fixture {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/sites/",
            $name
        ))
    };
}

/// The site pages, with their furniture: "Baca juga" pointers, ad labels, share bars,
/// editors' initials, credit lines, promos.
const SITE_PAGES: &[(SitePage, &str)] = &[
    (
        // The writer and the time only in JPNN's own meta tags.
        SitePage {
            file: "jpnn-meta.html",
            url: "https://www.jpnn.com/news/jalan-tol-baru-dibuka-gratis-selama-sepekan",
            title: "Jalan Tol Baru Dibuka Gratis Selama Sepekan",
            authors: &["Elfany Kurniawan"],
            editor: None,
            published: "2026-04-24T20:05:00+07:00",
            first: "jpnn.com, BOGOR - Ruas jalan tol baru",
            last: "lebih rendah dari ruas yang sudah ada.",
            furniture: &["(elf/jpnn)", "Redaktur"],
        },
        fixture!("jpnn-meta.html"),
    ),
    (
        // A regional desk's story on a channel's site: its footer set off by a rule of
        // dashes, the JSON-LD author a placeholder, the time only as printed.
        SitePage {
            file: "detik-regional.html",
            url: "https://travel.detik.com/travel-news/d-7230002/pantai-kuta-ditutup-sementara-untuk-upacara-melasti",
            title: "Pantai Kuta Ditutup Sementara untuk Upacara Melasti",
            authors: &["Tim detikBali"],
            editor: None,
            published: "2024-03-09T16:20:00+07:00",
            first: "Badung - Pantai Kuta ditutup bagi wisatawan",
            last: "iring-iringan warga kembali ke pura.",
            furniture: &[
                "SCROLL TO",
                "-----",
                "telah naik",
                "di sini",
                "Ni Made Lastri",
            ],
        },
        fixture!("detik-regional.html"),
    ),
    (
        // Every page of the article in one, the later ones hidden; the promos, a later
        // page's "BACA JUGA" line and the pointer to the next page worded as no text
        // rule knows them, so that only the markup tells them.
        SitePage {
            file: "liputan6-article.html",
            url: "https://www.liputan6.com/bisnis/read/5700001/5-cara-menghemat-listrik-di-musim-kemarau",
            title: "5 Cara Menghemat Listrik di Musim Kemarau",
            authors: &["Tira Santia"],
            editor: None,
            published: "2024-08-12T09:15:00+07:00",
            first: "Liputan6.com, Jakarta - Tagihan listrik rumah tangga",
            last: "menghemat beberapa persen tagihan setiap bulan.",
            furniture: &[
                "BACA JUGA",
                "Lebih lengkap",
                "Advertisement",
                "Dapatkan kabar terbaru",
                "Ragu pada sebuah kabar",
                "dari 3 halaman",
                "Gardu Induk",
                "Berikutnya",
                "Token Listrik",
                "Nurmayanti",
                "(Tir/Nrm)",
            ],
        },
        fixture!("liputan6-article.html"),
    ),
    (
        SitePage {
            file: "republika.html",
            url: "https://news.republika.co.id/berita/s7gk2m451/harga-beras-naik-pemerintah-buka-keran-impor",
            title: "Harga Beras Naik, Pemerintah Buka Keran Impor",
            authors: &["Fauziah Mursid"],
            editor: Some("Agus Raharjo"),
            published: "2024-01-15T14:30:00+07:00",
            first: "REPUBLIKA.CO.ID, JAKARTA -- Pemerintah membuka keran impor beras",
            last: "hingga akhir bulan ini.",
            furniture: &[
                "Baca Juga",
                "Advertisement",
                "Stok Bulog",
                "Berita Terkait",
                "Bagikan",
                "Rep:",
            ],
        },
        fixture!("republika.html"),
    ),
    (
        SitePage {
            file: "okezone.html",
            url: "https://nasional.okezone.com/read/2024/03/05/337/2979123/banjir-rob-rendam-pesisir-utara-jakarta",
            title: "Banjir Rob Rendam Pesisir Utara Jakarta",
            authors: &["Dimas Andhika"],
            editor: None,
            published: "2024-03-05T07:45:00+07:00",
            first: "JAKARTA - Banjir rob merendam",
            last: "dalam dua pekan ke depan.",
            furniture: &[
                "Baca Juga",
                "Advertisement",
                "Follow Berita",
                "Telusuri",
                "Tanggul Laut Retak",
                "Okezone.com",
            ],
        },
        fixture!("okezone.html"),
    ),
    (
        SitePage {
            file: "kumparan.html",
            url: "https://kumparan.com/kumparannews/kpk-periksa-tiga-saksi-kasus-korupsi-jalan-tol-22Qx7hTbLmN",
            title: "KPK Periksa Tiga Saksi Kasus Korupsi Jalan Tol",
            authors: &["Hedi Pratama"],
            editor: None,
            published: "2024-06-12T10:15:00+07:00",
            first: "Komisi Pemberantasan Korupsi memeriksa tiga saksi",
            last: "dijadwalkan pekan depan.",
            furniture: &["ADVERTISEMENT", "Baca juga", "Baca Lainnya", "Bagikan"],
        },
        fixture!("kumparan.html"),
    ),
    (
        SitePage {
            file: "jpnn.html",
            url: "https://www.jpnn.com/news/menteri-bicara-soal-harga-pangan-jelang-ramadan",
            title: "Menteri Bicara Soal Harga Pangan Jelang Ramadan",
            authors: &["Boy"],
            editor: None,
            published: "2024-02-20T18:32:00+07:00",
            first: "jpnn.com, JAKARTA - Menteri Perdagangan memastikan",
            last: "pasar-pasar di Jakarta pekan depan.",
            furniture: &[
                "(boy/jpnn)",
                "Redaktur",
                "BACA JUGA",
                "Baca Juga",
                "ADVERTISEMENT",
            ],
        },
        fixture!("jpnn.html"),
    ),
    (
        SitePage {
            file: "cnnindonesia.html",
            url: "https://www.cnnindonesia.com/nasional/20241004123456-20-1150000/presiden-tiba-di-ikn",
            title: "Presiden Tiba di IKN untuk Resmikan Istana",
            authors: &["Yoanes Litha"],
            editor: None,
            published: "2024-10-04T05:34:56+00:00",
            first: "Jakarta, CNN Indonesia -- Presiden tiba di Ibu Kota Nusantara",
            last: "doa bersama tokoh agama setempat.",
            furniture: &[
                "(tim/dal)",
                "Gambas",
                "Baca juga",
                "ADVERTISEMENT",
                "SCROLL TO CONTINUE",
            ],
        },
        fixture!("cnnindonesia.html"),
    ),
    (
        SitePage {
            file: "tempo.html",
            url: "https://bisnis.tempo.co/read/1234567/harga-emas-antam-naik",
            title: "Harga Emas Antam Naik Rp 10 Ribu per Gram",
            authors: &["Riani Sanusi Putri"],
            editor: Some("Suseno"),
            published: "2024-08-01T09:05:00+07:00",
            first: "TEMPO.CO, Jakarta - Harga emas batangan",
            last: "ditutup menguat pada sore hari.",
            furniture: &[
                "Pilihan Editor",
                "Baca juga",
                "Advertisement",
                "Rekor Baru",
                "Gulir",
            ],
        },
        fixture!("tempo.html"),
    ),
    (
        SitePage {
            file: "antara.html",
            url: "https://www.antaranews.com/berita/4321234/banjir-di-kota-bekasi-surut",
            title: "Banjir di Kota Bekasi Surut Setelah Hujan Reda",
            authors: &["Ani Wulandari"],
            editor: Some("Budi Santoso"),
            published: "2024-11-18T21:10:00+07:00",
            first: "Bekasi (ANTARA) - Banjir yang merendam",
            last: "pada Selasa pagi.",
            furniture: &[
                "Pewarta",
                "Copyright",
                "Baca juga",
                "Advertisement",
                "sudah kembali ke rumah",
                "Posko banjir",
            ],
        },
        fixture!("antara.html"),
    ),
    (
        // The layout of 2015: no meta time, no meta author; both only as printed.
        SitePage {
            file: "okezone-2015.html",
            url: "http://news.okezone.com/read/2015/08/14/338/1196000/jalur-puncak-ditutup-saat-libur-panjang",
            title: "Jalur Puncak Ditutup Saat Libur Panjang",
            authors: &["Rina Kartika"],
            editor: None,
            published: "2015-08-14T09:40:00+07:00",
            first: "BOGOR - Polisi menutup jalur Puncak",
            last: "untuk arus balik.",
            furniture: &["Jurnalis", "Okezone", "BERITA LAINNYA", "Jagorawi"],
        },
        fixture!("okezone-2015.html"),
    ),
];

#[test]
fn each_sites_page_reads_as_its_reader_sees_it() {
    for (want, html) in SITE_PAGES {
        let (a, text) = text_of(html, want.url);
        let file = want.file;
        assert_eq!(a.title, want.title, "{file}: title");
        assert_eq!(a.authors, want.authors, "{file}: authors");
        assert_eq!(a.editor.as_deref(), want.editor, "{file}: editor");
        assert_eq!(
            a.published.map(|t| t.to_rfc3339()).as_deref(),
            Some(want.published),
            "{file}: published"
        );
        assert_clean(&text, want.first, want.last, want.furniture);
        let profile = of(&Url::parse(want.url).unwrap()).expect("a profile");
        assert!(
            profile.article_of(Url::parse(want.url).unwrap()).is_some(),
            "{file}: its address is an article of {}",
            profile.name
        );
    }
}

/// detik's About The Game of 2021 keeps its text in `div.detail_text`, where the
/// profile's drops reach the lead photo's caption inside it.
#[test]
fn a_detik_page_of_2021_is_read_by_its_body() {
    let body = format!(
        "<div class=detail><div class=detail_text>\
         <div class=\"pic_artikel pic_artikel_por\"><img src=/a.jpg>\
         <span>Pemain bertahan menyundul bola dari sepak pojok. (Rifkianto Nugroho/detikSport)\
         </span></div>{}</div></div>",
        paragraphs("Jakarta - Bola mati menentukan laga.", "kata pelatih.")
    );
    assert_reads_clean(
        "https://sport.detik.com/aboutthegame/detik-insider/d-5746542/bola-mati",
        &body,
        "Jakarta - Bola mati menentukan laga.",
        "kata pelatih.",
        &["sepak pojok", "Rifkianto"],
    );
}

/// liputan6's layout of 2015: the text in `div.text-detail`, a rating widget under it.
#[test]
fn a_liputan6_page_of_2015_is_read_by_its_body() {
    let body = format!(
        "<article class=hentry><header><div class=social-share><ul><li>\
         <a class=share-button href=#>Facebook</a></li></ul></div></header>\
         <div class=gallery-images><figure><div class=gallery-item-content>\
         <a href=# class=gallery-item><img alt=Banjir src=/a.jpg></a></div>\
         <figcaption>Wapres meninjau banjir dari udara bersama gubernur.</figcaption>\
         </figure></div>\
         <div class=entry-content><div class=text-detail itemprop=description>{}\
         </div></div><div class=\"tag-links clearfix\"><ul><li class=tag>\
         <a href=/tag/banjir>Banjir</a></li></ul></div>\
         <div class=article-info><section id=thumbs-detail><div id=thumbs class=reactions>\
         <ul><li>Rate artikel ini</li><li><a id=like-btn class=like rel=nofollow \
         href=/login>Like (<span class=like-count>0</span>)</a></li></ul></div></section>\
         </div></article>",
        paragraphs(
            "Liputan6.com, Jakarta - Wapres meninjau banjir.",
            "di Tanah Air. (Mvi/Ali)"
        )
    );
    assert_reads_clean(
        "http://news.liputan6.com/read/2254252/wapres-meninjau-banjir",
        &body,
        "Liputan6.com, Jakarta - Wapres meninjau banjir.",
        "di Tanah Air.",
        &["Rate artikel", "(Mvi/Ali)", "dari udara"],
    );
}

/// Okezone's layout of 2017, whose body no selector of the profile finds: the generic
/// extractor reads it, and the profile's furniture still applies.
#[test]
fn an_okezone_page_of_an_older_layout_ends_before_its_lists() {
    let body = format!(
        "<div class=read-detail>{}<strong>(FHM)</strong>\
         <div class=meta-bottom-content><span class=berita-rekomendasi-title>Berita Rekomendasi\
         </span><div class=berita-terkait-wrap><ul><li><span class=rekomendasi-list-title>\
         <a href=/read/2017/02/16/33/1619045/lagi>Aktor Itu Ingin Menyutradarai Film</a></span>\
         </li></ul></div></div>\
         <div class=berita-lainnya><span class=berita-lainnya-title>BERITA LAINNYA</span>\
         <hr><ul><li><div class=news-area><div class=categori>Hot Gossip</div>\
         <div class=news-content><a href=/read/2017/02/17/33/1620901/lain>\
         <span class=news-content-title>Artis Lain Menikah</span></a>\
         <p>Pasangan artis itu menikah di Bali dengan pesta kecil bersama keluarga.</p>\
         </div></div></li></ul></div></div>",
        paragraphs("JAKARTA - Aktor itu bercerita.", "ujarnya.")
    );
    assert_reads_clean(
        "http://celebrity.okezone.com/read/2017/02/17/33/1620900/cara-menjaga-keluarga",
        &body,
        "JAKARTA - Aktor itu bercerita.",
        "ujarnya.",
        &[
            "BERITA LAINNYA",
            "Artis Lain",
            "Hot Gossip",
            "pesta kecil",
            "Berita Rekomendasi",
            "Menyutradarai",
        ],
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
    assert!(liputan6.furniture.is_boilerplate("2 dari 4 halaman"));
    assert!(
        liputan6
            .furniture
            .is_boilerplate("Selanjutnya: Terima Kasih, Tapi...")
    );
    assert!(
        !liputan6
            .furniture
            .is_boilerplate("Dua dari empat halaman buku itu hilang.")
    );
    let okezone = of(&Url::parse("https://nasional.okezone.com/").unwrap()).unwrap();
    assert_eq!(okezone.clean_title("Banjir : Okezone Nasional"), "Banjir");
    assert_eq!(okezone.clean_title("Banjir :: Okezone News"), "Banjir");
    assert_eq!(
        okezone.clean_title("Rasio 3 : 1 : Okezone"),
        "Rasio 3 : 1 : Okezone"
    );
}

#[test]
fn photo_galleries_read_as_their_captions() {
    for (url, html, captions) in [
        (
            "https://news.detik.com/foto-news/d-7571834/warga-bersihkan-lumpur-sisa-banjir-di-bekasi",
            fixture!("detik-foto.html"),
            [
                "Warga membersihkan lumpur yang tersisa setelah banjir surut di Perumahan Pondok \
                 Gede Permai, Bekasi, Jumat (4/10/2024). Banjir setinggi satu meter merendam \
                 perumahan itu sejak Kamis malam. (Pradita Utama/detikcom)",
                "Perabotan rumah tangga dijemur di depan rumah warga. (Pradita Utama/detikcom)",
                "Petugas pemadam kebakaran menyemprot jalan kompleks dengan air bersih. \
                 (Pradita Utama/detikcom)",
            ],
        ),
        (
            "https://www.liputan6.com/photo/read/5712345/suasana-car-free-day-di-bundaran-hi",
            fixture!("liputan6-photo.html"),
            [
                "Warga berolahraga saat Hari Bebas Kendaraan Bermotor di Bundaran HI, Jakarta, \
                 Minggu (1/9/2024). (Liputan6.com/Angga Yuniar)",
                "Sejumlah warga bersepeda melintasi Jalan MH Thamrin. (Liputan6.com/Angga Yuniar)",
                "Hari Bebas Kendaraan Bermotor digelar setiap Minggu pagi hingga pukul sepuluh. \
                 (Liputan6.com/Angga Yuniar)",
            ],
        ),
    ] {
        let (a, _) = text_of(html, url);
        let body: Vec<&str> = a.body.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(body, captions, "{url}");
        assert!(a.published.is_some(), "{url}");
    }
}

#[test]
fn gallery_addresses_are_told_from_articles() {
    let gallery = |u: &str| {
        let url = Url::parse(u).unwrap();
        of(&url).unwrap().is_gallery(&url)
    };
    assert!(gallery("https://news.detik.com/foto-news/d-7571834/judul"));
    assert!(gallery("https://inet.detik.com/fotoinet/d-7016089/judul"));
    assert!(gallery("https://foto.detik.com/x/d-7016089/judul"));
    assert!(!gallery("https://news.detik.com/berita/d-7572645/judul"));
    assert!(gallery(
        "https://sport.detik.com/sepakbola/foto-sepakbola/d-7349123/judul"
    ));
    // A slug may start with the word: the story is about photos, not one of them.
    assert!(!gallery(
        "https://news.detik.com/berita/d-7572645/foto-viral-banjir"
    ));
    assert!(!gallery(
        "https://news.detik.com/berita/d-7572645/foto-viral-banjir/2"
    ));
    assert!(gallery("https://www.liputan6.com/photo/read/5712345/judul"));
    assert!(!gallery(
        "https://www.liputan6.com/showbiz/read/5594363/judul"
    ));
    let detik = of(&Url::parse("https://news.detik.com/").unwrap()).unwrap();
    assert!(detik.furniture.is_boilerplate("5 / 12"));
    assert!(detik.furniture.is_boilerplate("telah dilihat 46214 kali"));
}

#[test]
fn long_articles_name_their_other_pages() {
    let paging = |url: &str, links: &str| {
        let url = Url::parse(url).unwrap();
        let doc = Html::parse_document(&format!(
            "<html><body><p>Teks.</p><div class=pager>{links}</div>\
             <a href=\"/berita/d-2/lain/2\">lain</a></body></html>"
        ));
        of(&url).unwrap().paging(&doc, &url).map(|p| {
            (
                p.all.map(|u| u.to_string()),
                p.rest.iter().map(Url::to_string).collect::<Vec<_>>(),
            )
        })
    };
    let detik = "<a href=\"/berita/d-1/judul\">1</a><a href=\"/berita/d-1/judul/2\">2</a>\
                 <a href=\"https://news.detik.com/berita/d-1/judul/3#top\">3</a>\
                 <a href=\"/berita/d-1/judul/2\">Selanjutnya</a>";
    let want = Some((
        Some("https://news.detik.com/berita/d-1/judul?single=1".to_string()),
        vec![
            "https://news.detik.com/berita/d-1/judul/2".to_string(),
            "https://news.detik.com/berita/d-1/judul/3".to_string(),
        ],
    ));
    assert_eq!(
        paging("https://news.detik.com/berita/d-1/judul", detik),
        want
    );
    assert_eq!(
        paging("https://news.detik.com/berita/d-1/judul/2", detik),
        want
    );
    assert_eq!(
        paging("https://news.detik.com/berita/d-1/judul?single=1", detik),
        None
    );
    assert_eq!(paging("https://news.detik.com/berita/d-1/judul", ""), None);
    let tribun = "<a href=\"?page=2\">2</a><a href=\"?page=all\">Semua</a>";
    assert_eq!(
        paging(
            "https://www.tribunnews.com/regional/2024/05/13/judul",
            tribun
        ),
        Some((
            Some("https://www.tribunnews.com/regional/2024/05/13/judul?page=all".to_string()),
            vec!["https://www.tribunnews.com/regional/2024/05/13/judul?page=2".to_string()],
        ))
    );
    // Okezone has no one-page version: its pages are read one by one.
    let okezone = "<a href=\"?page=1\">1</a><a href=\"?page=2\">2</a>\
                   <a href=\"https://other.example/read/2024/03/05/1/2/judul?page=3\">3</a>";
    assert_eq!(
        paging(
            "https://nasional.okezone.com/read/2024/03/05/337/2979123/judul",
            okezone
        ),
        Some((
            None,
            vec![
                "https://nasional.okezone.com/read/2024/03/05/337/2979123/judul?page=2".to_string()
            ],
        ))
    );
    // A site that keeps every page in the one page has no rule for links.
    assert_eq!(
        paging(
            "https://www.liputan6.com/showbiz/read/5594363/judul",
            "<a href=\"?page=2\">2</a>"
        ),
        None
    );
}
