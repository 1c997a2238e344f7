//! The profiles, one table each. Markup from the real pages of
//! `../shared/fixtures/real/` (detik, liputan6, tribunnews), from real pages of these
//! sites that others keep as test data in public repositories (docs/PERFORMANCE.md, "Real
//! pages of the Indonesian sites"), and from the selectors public scrapers use for them
//! (../shared/docs/KOMPAS.md lists some). What a real page showed is tested on a small
//! page written here to that markup (tests/fixtures/sites/, or in the tests).

use super::{ArticlePath, PageLinks, Pages, Profile};
use crate::sites::furniture::{ADS, Furniture};

const NONE: &[&str] = &[];

pub static PROFILES: &[Profile] = &[
    DETIK,
    LIPUTAN6,
    TRIBUNNEWS,
    JPNN,
    CNN_INDONESIA,
    TEMPO,
    ANTARA,
    REPUBLIKA,
    OKEZONE,
    KUMPARAN,
];

/// detikcom: news, finance, health, sport, foto, all on `*.detik.com` with `/d-ID/` links.
const DETIK: Profile = Profile {
    name: "detik",
    hosts: &["detik.com"],
    article: &[ArticlePath::IdSegment("d-"), ArticlePath::DatedId],
    body: &[
        "div.detail__body-text",
        "div.itp_bodycontent",
        "div#detikdetailtext",
        // About The Game and other templates of 2021.
        "div.detail_text",
    ],
    unhide: NONE,
    drop: &[
        "div.parallaxindetail",
        // The ad between paragraphs, "SCROLL TO RESUME CONTENT", hidden until a script
        // shows it (and shown in a page saved from a browser).
        "div.paradetail",
        "div.detail_tag",
        // The lead photo's caption inside the text, in the layout of 2015.
        "div.pic_artikel",
        "table.linksisip",
        "div.detail__body-tag",
        "div.staticdetail_container",
        "div.lihatjg",
        "div.sisip_embed_sosmed",
        "script",
        "style",
    ],
    authors: NONE,
    editor: NONE,
    credits: NONE,
    // The time as printed under the headline, for a page whose meta tags give none.
    date: &["div.detail__date"],
    title_ends: &[
        " - detikNews",
        " - detikHealth",
        " - detikFinance",
        " - detikSport",
    ],
    furniture: Furniture {
        prefixes: &[
            ADS[0],
            ADS[1],
            ADS[2],
            "simak video",
            "simak juga video",
            "[gambas:",
            "telah dilihat",
            "scroll to resume content",
        ],
        lines: &["berita terkait", "berita detikcom lainnya"],
        ends: &[
            "simak video",
            "simak juga video",
            "[gambas:video",
            // Under a story from a regional desk: "Artikel ini telah naik di detikBali".
            "artikel ini telah naik di",
        ],
        contains: NONE,
        cut: &["[Gambas:Video 20detik]"],
        initials: true,
        page_counter: true,
        also: None,
    },
    gallery: &["foto"],
    captions: &[
        "figcaption.detail__media-caption",
        ".detail__media-caption",
        "figure figcaption",
    ],
    pages: Some(Pages {
        links: PageLinks::Segment,
        all: Some(("single", "1")),
    }),
    terkini: &["div.cb-artikel-lainnya"],
    list: &["#indeks-container"],
};

/// Liputan6: every page of an article is in the DOM, the later ones hidden.
const LIPUTAN6: Profile = Profile {
    name: "liputan6",
    hosts: &["liputan6.com"],
    article: &[ArticlePath::IdAfter("read")],
    // The layout of 2015 held the text in div.text-detail.
    body: &["div.article-content-body", "div.text-detail"],
    unhide: &["article-content-body__item-page_hidden"],
    drop: &[
        "[data-component-name*=bacajuga]",
        "div.article-content-body__item-page-number",
        "div.advertisement-text",
        "div.baca-juga-collections",
        "div.read-page--video-gallery",
        "div.article-photo-gallery",
        // The pages' counters ("2 dari 4 halaman"), the "BACA JUGA" lines on later pages
        // (without the collection around them), the pointer to the next page, the promos
        // above and below the text (WhatsApp channel, Cek Fakta), the links to photo
        // galleries and the "Baca Juga" list that ends the text, and ad slots.
        "div.article-content-body__item-break",
        "div.baca-juga-collections__detail",
        "div.article-content-body__item-loadmore",
        "div.promo",
        "div.photo-gateway",
        "div.baca-juga",
        "div.google-auto-placed",
        "div.seamless-ads",
        "div.article-ad",
        "script",
        "style",
    ],
    authors: &["span.read-page--header--author__name"],
    editor: NONE,
    credits: NONE,
    date: NONE,
    title_ends: &[" - Liputan6.com", " | liputan6.com"],
    furniture: Furniture {
        prefixes: &[
            ADS[0],
            ADS[1],
            ADS[2],
            "follow official whatsapp channel",
            "fakta atau hoaks?",
            "selanjutnya:",
            "perbesar",
            "infografis",
            "telah dilihat",
        ],
        lines: &["berita terkini"],
        ends: &["berita terkini"],
        contains: NONE,
        cut: NONE,
        // Older articles end with the editors' initials, "(Cas/Isk)".
        initials: true,
        page_counter: true,
        also: None,
    },
    gallery: &["photo"],
    captions: &[
        "figcaption.read-page--photo-gallery--item__caption",
        ".read-page--photo-gallery--item__caption",
    ],
    pages: None,
    terkini: &["ul.latest-article[data-feature-name=berita-terkini]"],
    list: NONE,
};

/// tribunnews.com and the regional Tribun sites (tribunpadang.com, tribunjateng.com…):
/// the byline names the editor, and JSON-LD calls the editor the author.
const TRIBUNNEWS: Profile = Profile {
    name: "tribunnews",
    hosts: &["tribunnews.com", "tribun*.com"],
    article: &[ArticlePath::DatedSlug],
    body: &["div.side-article.txt-article", "div.txt-article"],
    unhide: NONE,
    drop: &[
        "p.baca",
        "div.ads",
        "div.ads-placeholder",
        "script",
        "style",
    ],
    authors: &["#penulis a"],
    editor: &["#editor a", "#editor"],
    credits: NONE,
    date: NONE,
    title_ends: &[" - Tribunnews.com"],
    furniture: Furniture {
        prefixes: &[
            ADS[0],
            ADS[1],
            ADS[2],
            "baca selanjutnya:",
            "artikel ini telah tayang di",
            "lihat foto",
            "ikuti kami di",
        ],
        lines: &["tags", "berita terkini"],
        ends: &["artikel ini telah tayang di", "berita terkini"],
        contains: NONE,
        cut: NONE,
        initials: false,
        page_counter: false,
        also: None,
    },
    gallery: NONE,
    captions: NONE,
    pages: Some(Pages {
        links: PageLinks::Query("page"),
        all: Some(("page", "all")),
    }),
    terkini: &["ul#latestul"],
    list: NONE,
};

/// JPNN: editors' initials `(boy/jpnn)` end the text; "Redaktur & Reporter" under it.
const JPNN: Profile = Profile {
    name: "jpnn",
    hosts: &["jpnn.com"],
    article: &[ArticlePath::Under("news")],
    body: &["div[itemprop=articleBody]", "div.page-content"],
    unhide: NONE,
    drop: &["div.baca-juga", "script", "style"],
    // JPNN's own meta tags, read by public scrapers of the site: the writer, and the
    // time as "24 April 2026 20:05" (WIB).
    authors: &["meta[name=jpnncom_news_author]"],
    editor: NONE,
    credits: NONE,
    date: &["meta[name=jpnncom_news_pubdate]", "span.date-publish"],
    title_ends: &[" - JPNN.com", " - jpnn.com"],
    furniture: Furniture {
        prefixes: &[
            ADS[0],
            ADS[1],
            ADS[2],
            "redaktur & reporter",
            "redaktur :",
            "reporter :",
        ],
        lines: NONE,
        ends: &["redaktur & reporter", "redaktur :"],
        contains: NONE,
        cut: NONE,
        initials: true,
        page_counter: false,
        also: None,
    },
    gallery: NONE,
    captions: NONE,
    pages: None,
    terkini: NONE,
    list: NONE,
};

/// CNN Indonesia: `/section/YYYYMMDDhhmmss-NN-ID/slug`; initials `(tim/dal)` at the end.
const CNN_INDONESIA: Profile = Profile {
    name: "cnnindonesia",
    hosts: &["cnnindonesia.com"],
    article: &[ArticlePath::DatedId],
    body: &["div.detail-text", "div.detail_text"],
    unhide: NONE,
    drop: &[
        "div.paradetail",
        "table.linksisip",
        "[class*=inbetween_ads]",
        "p.para_caption",
        "div.topiksisip",
        "div.ads-slot",
        "script",
        "style",
    ],
    authors: NONE,
    editor: NONE,
    credits: NONE,
    date: NONE,
    title_ends: &[" - CNN Indonesia"],
    furniture: Furniture {
        prefixes: &[ADS[0], ADS[1], ADS[2], "[gambas:"],
        lines: NONE,
        ends: &["[gambas:video cnn]"],
        contains: NONE,
        cut: &["[Gambas:Video CNN]"],
        initials: true,
        page_counter: false,
        also: None,
    },
    gallery: NONE,
    captions: NONE,
    pages: None,
    terkini: NONE,
    list: NONE,
};

/// Tempo: `/read/ID/slug` on its section hosts.
const TEMPO: Profile = Profile {
    name: "tempo",
    hosts: &["tempo.co"],
    article: &[ArticlePath::IdAfter("read")],
    body: &[
        "div.detail-in",
        "div#content-wrapper",
        "div#isi",
        "div.detail-konten",
        "div.detail-content",
    ],
    unhide: NONE,
    drop: &[
        "div.bacajuga",
        "div.ads",
        // "Scroll Untuk Melanjutkan" between paragraphs, over an ad.
        "div.lanjutkan",
        "script",
        "style",
    ],
    authors: NONE,
    editor: &["span[itemprop=editor]"],
    credits: NONE,
    date: NONE,
    title_ends: &[" - Tempo.co", " | tempo.co"],
    furniture: Furniture {
        prefixes: &[
            ADS[0],
            ADS[1],
            ADS[2],
            "pilihan editor:",
            "scroll untuk melanjutkan",
            "scroll ke bawah untuk melanjutkan membaca",
            "baca berita dengan sedikit iklan",
        ],
        lines: NONE,
        ends: &["pilihan editor:"],
        contains: NONE,
        cut: NONE,
        initials: false,
        page_counter: false,
        also: None,
    },
    gallery: NONE,
    captions: NONE,
    pages: None,
    terkini: NONE,
    list: NONE,
};

/// ANTARA: `/berita/ID/slug`; the text ends with the credit line ("Pewarta:", "Editor:")
/// and a copyright.
const ANTARA: Profile = Profile {
    name: "antara",
    hosts: &["antaranews.com"],
    article: &[ArticlePath::IdAfter("berita")],
    body: &["div.post-content", "div.wrap__article-detail-content"],
    unhide: NONE,
    drop: &[
        "p.text-muted",
        "div.adsbygoogle",
        // A pull quote set before the dateline, "Baca juga" (or "Related news") links run
        // on from a paragraph, the tags.
        "div.quote_old",
        "span.baca-juga",
        "ul.blog-tags",
        "script",
        "style",
    ],
    authors: NONE,
    editor: NONE,
    credits: &["p.text-muted"],
    date: NONE,
    title_ends: &[" - ANTARA News"],
    furniture: Furniture {
        prefixes: &[
            ADS[0],
            ADS[1],
            ADS[2],
            "related news:",
            "dilarang keras mengambil konten",
        ],
        lines: NONE,
        ends: &[
            "pewarta:",
            "pewarta :",
            "editor:",
            "copyright ©",
            // The English desk's editor line.
            "edited by",
        ],
        contains: NONE,
        cut: NONE,
        initials: false,
        page_counter: false,
        also: None,
    },
    gallery: NONE,
    captions: NONE,
    pages: None,
    terkini: NONE,
    list: NONE,
};

/// Republika: `/berita/ID/slug` on its section hosts; the heading is often empty (the
/// title is in `og:title`), and the credit line under it reads `Rep: Ani/ Red: Budi`.
const REPUBLIKA: Profile = Profile {
    name: "republika",
    hosts: &["republika.co.id"],
    article: &[ArticlePath::Under("berita")],
    body: &[
        "div.article-content",
        "div.article-konten",
        "div#article-detail",
    ],
    unhide: NONE,
    drop: &[
        "div.baca-juga",
        "div.related",
        "div.ads",
        "div.share",
        "script",
        "style",
    ],
    authors: NONE,
    editor: NONE,
    credits: &["div.date-detail span"],
    date: &["div.date-detail span"],
    title_ends: &[" | Republika Online", " | Republika ID"],
    furniture: Furniture {
        prefixes: &[ADS[0], ADS[1], ADS[2], "berita terkait"],
        lines: &["rekomendasi", "berita lainnya"],
        ends: &["berita terkait"],
        contains: NONE,
        cut: NONE,
        initials: false,
        page_counter: false,
        also: None,
    },
    gallery: NONE,
    captions: NONE,
    pages: None,
    terkini: NONE,
    list: NONE,
};

/// Okezone: `/read/YYYY/MM/DD/NNN/ID/slug`; the writer and the time share one line,
/// `Ani, Jurnalis · Senin, 15 Januari 2024 - 14:30 WIB`; titles end ` : Okezone Section`.
const OKEZONE: Profile = Profile {
    name: "okezone",
    hosts: &["okezone.com"],
    article: &[ArticlePath::IdAfter("read")],
    body: &["div.c-detail.read", "div#contentx"],
    unhide: NONE,
    drop: &[
        "[class^=inject-]",
        "[class^=banner]",
        "div.detail-tag",
        "div.box-gnews",
        "script",
        "style",
    ],
    // The 2015 layout named the writer in `.nmreporter` and printed the time in
    // `time.tgl`.
    authors: &[".journalist a[title]", ".nmreporter > div"],
    editor: NONE,
    credits: NONE,
    date: &[".journalist span", "time.tgl"],
    title_ends: &[" : Okezone *", " :: Okezone *"],
    furniture: Furniture {
        prefixes: &[
            ADS[0],
            ADS[1],
            ADS[2],
            "follow berita okezone",
            "follow whatsapp channel",
            "telusuri berita",
        ],
        lines: NONE,
        // The heading of the list under the text, on pages of 2017.
        ends: &["berita lainnya"],
        contains: NONE,
        cut: NONE,
        initials: true,
        page_counter: false,
        also: None,
    },
    gallery: NONE,
    captions: NONE,
    pages: Some(Pages {
        links: PageLinks::Query("page"),
        all: None,
    }),
    terkini: NONE,
    list: NONE,
};

/// kumparan: `/publisher/slug-ID`, rendered by React; the byline and time are in
/// JSON-LD, the text in the story renderer, with "ADVERTISEMENT" between paragraphs.
const KUMPARAN: Profile = Profile {
    name: "kumparan",
    hosts: &["kumparan.com"],
    article: &[ArticlePath::SlugId],
    body: &[
        "main[class*=StoryRenderer]",
        "[data-qa-id=story-content]",
        "[data-qa-id=article-body]",
    ],
    unhide: NONE,
    drop: &["[data-qa-id=read-more]", "script", "style"],
    authors: &["[data-qa-id=author-name]"],
    editor: NONE,
    credits: NONE,
    date: NONE,
    title_ends: &[" | kumparan.com"],
    furniture: Furniture {
        prefixes: &[ADS[0], ADS[1], ADS[2]],
        lines: &["konten dari pengguna", "konten media partner"],
        ends: NONE,
        // The disclaimer on readers' stories.
        contains: &["tidak mewakili pandangan dari redaksi kumparan"],
        cut: NONE,
        initials: false,
        page_counter: false,
        also: None,
    },
    gallery: NONE,
    captions: NONE,
    pages: None,
    terkini: NONE,
    list: NONE,
};
