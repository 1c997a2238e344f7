//! A Kompas article page padded with the chrome a real Kompas page carries (inline CSS
//! and scripts, a mega menu, teaser blocks, ad slots, a footer), to a size asked for.
//! Deterministic: the same page on every run. Shared by `benches/parse.rs`, which times
//! it, and `tests/bench_checks.rs`, which checks the chrome changes nothing read.

use std::fmt::Write as _;

/// A small deterministic generator, so the padded page is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() as usize % items.len()]
    }
    fn words(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| self.pick(WORDS))
            .collect::<Vec<_>>()
            .join(" ")
    }
    fn hex(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from_digit((self.next() % 16) as u32, 16).unwrap())
            .collect()
    }
}

const WORDS: &[&str] = &[
    "pemerintah",
    "warga",
    "harga",
    "jakarta",
    "banjir",
    "presiden",
    "menteri",
    "kota",
    "baru",
    "tahun",
    "pasar",
    "sekolah",
    "jalan",
    "polisi",
    "cuaca",
    "ekonomi",
    "timnas",
    "liga",
    "kesehatan",
    "wisata",
    "kereta",
    "listrik",
    "bensin",
    "emas",
    "rupiah",
    "desa",
    "gempa",
    "pemilu",
    "dpr",
    "kpk",
    "viral",
    "resep",
    "mobil",
    "motor",
    "ponsel",
    "data",
];

const SECTIONS: &[&str] = &[
    "nasional",
    "global",
    "regional",
    "megapolitan",
    "money",
    "tekno",
    "bola",
    "tren",
    "health",
    "lifestyle",
    "otomotif",
    "edukasi",
    "travel",
    "food",
    "properti",
    "hype",
];

fn article_link(rng: &mut Rng) -> String {
    let section = rng.pick(SECTIONS);
    format!(
        "https://{section}.kompas.com/read/2026/11/{:02}/{:09}/{}",
        1 + rng.next() % 28,
        rng.next() % 1_000_000_000,
        rng.words(6).replace(' ', "-")
    )
}

fn image(rng: &mut Rng) -> String {
    format!(
        "https://asset.kompas.com/crops/{}=/0x0:1000x667/195x98/data/photo/2026/11/{:02}/{}.jpg",
        rng.hex(27),
        1 + rng.next() % 28,
        rng.hex(13)
    )
}

/// Ad slot as Kompas marks it up: a DFP container and its inline script.
fn ad_slot(rng: &mut Rng, name: &str) -> String {
    format!(
        r#"<div class="ads-{name} DFP-{name}" style="min-height:250px"><div id="div-gpt-ad-{name}-{id}"><span>ADVERTISEMENT</span><script>googletag.cmd.push(function() {{ googletag.defineSlot('/31800665/KOMPAS.COM/read/{name}', [[300, 250], [336, 280]], 'div-gpt-ad-{name}-{id}').setTargeting('pos', '{name}').setTargeting('kg_seg', ['{a}', '{b}']).addService(googletag.pubads()); googletag.display('div-gpt-ad-{name}-{id}'); }});</script></div></div>
"#,
        id = rng.hex(8),
        a = rng.hex(6),
        b = rng.hex(6)
    )
}

/// A list of article teasers (image, section, title, date), like the sidebar and
/// "recommended" blocks.
fn teaser_list(rng: &mut Rng, title: &str, n: usize) -> String {
    let mut out = format!(
        r#"<div class="most__wrap clearfix"><div class="title clearfix"><h2 class="title__content">{title}</h2></div><div class="most__list clearfix">"#
    );
    for i in 0..n {
        let link = article_link(rng);
        let _ = write!(
            out,
            r#"<div class="most__item"><div class="most__count">{n}</div><a class="most__link" href="{link}?source=widget&amp;position={i}"><div class="most__photo"><img src="{img}" alt="{alt}" loading="lazy" width="195" height="98"></div><div class="most__subtitle">{section}</div><h4 class="most__title">{t}</h4><div class="most__read">{r} kali dibaca</div></a></div>"#,
            n = i + 1,
            img = image(rng),
            alt = rng.words(8),
            section = rng.pick(SECTIONS),
            t = rng.words(10),
            r = rng.next() % 90_000
        );
    }
    out.push_str("</div></div>\n");
    out
}

/// The mega menu: every channel with its sub-sections, icons as inline SVG.
fn mega_menu(rng: &mut Rng) -> String {
    let mut out = String::from(r#"<div class="navMega"><ul class="navMega__wrap">"#);
    for section in SECTIONS {
        let _ = write!(
            out,
            r#"<li class="navMega__item"><a class="navMega__link" href="https://{section}.kompas.com"><svg width="16" height="16" viewBox="0 0 16 16"><path d="M{a} {b}L{c} {d}Z" fill="currentColor"/></svg><span>{section}</span></a><ul class="navMega__sub">"#,
            a = rng.next() % 16,
            b = rng.next() % 16,
            c = rng.next() % 16,
            d = rng.next() % 16
        );
        for _ in 0..14 {
            let sub = rng.words(2);
            let _ = write!(
                out,
                r#"<li class="navMega__subItem"><a class="navMega__subLink" href="https://{section}.kompas.com/{}">{sub}</a></li>"#,
                sub.replace(' ', "-")
            );
        }
        out.push_str("</ul></li>");
    }
    out.push_str("</ul></div>\n");
    out
}

fn inline_script(rng: &mut Rng, bytes: usize) -> String {
    let mut out = String::from("<script>(function(w,d){var c={");
    while out.len() < bytes {
        let _ = write!(
            out,
            r#""{}":{{"id":"{}","seg":[{},{},{}],"u":"https://cdn.kompas.com/{}.js"}},"#,
            rng.hex(6),
            rng.hex(16),
            rng.next() % 999,
            rng.next() % 999,
            rng.next() % 999,
            rng.hex(12)
        );
    }
    out.push_str("};w.kgCfg=c;if(d.readyState!=='loading'){w.kgInit&&w.kgInit(c);}})(window,document);</script>\n");
    out
}

fn style_block(rng: &mut Rng, bytes: usize) -> String {
    let mut out = String::from("<style>");
    while out.len() < bytes {
        let _ = write!(
            out,
            ".c-{}{{margin:{}px {}px;padding:0 {}px;color:#{};font:{}px/1.5 Roboto,sans-serif}}",
            rng.hex(5),
            rng.next() % 40,
            rng.next() % 40,
            rng.next() % 20,
            rng.hex(6),
            12 + rng.next() % 10
        );
    }
    out.push_str("</style>\n");
    out
}

fn footer(rng: &mut Rng) -> String {
    let mut out = String::from(r#"<div class="footerMega"><div class="footerMega__wrap">"#);
    for section in &SECTIONS[..8] {
        let _ = write!(
            out,
            r#"<div class="footerMega__col"><h5 class="footerMega__title">{section}</h5><ul>"#
        );
        for _ in 0..12 {
            let words = rng.words(2);
            let _ = write!(
                out,
                r#"<li><a href="https://www.kompas.com/{}">{words}</a></li>"#,
                words.replace(' ', "-")
            );
        }
        out.push_str("</ul></div>");
    }
    out.push_str("</div></div>\n");
    out
}

/// `html` with head scripts and styles, a mega menu, trending tags, ad slots, sidebar
/// and recommendation lists and a site footer added around the article, until the page
/// is at least `target` bytes: what a real Kompas article page carries besides the text.
pub fn padded(html: &str, target: usize) -> String {
    let mut rng = Rng(0x6b61626172);
    let mut head = String::new();
    head.push_str(&style_block(&mut rng, 14_000));
    head.push_str(&inline_script(&mut rng, 18_000));
    for _ in 0..6 {
        let _ = writeln!(
            head,
            r#"<link rel="preload" as="script" href="https://cdn.kompas.com/js/{}.js"><meta name="kg:{}" content="{}">"#,
            rng.hex(16),
            rng.hex(4),
            rng.words(4)
        );
    }
    let mut top = mega_menu(&mut rng);
    top.push_str(r#"<div class="trending"><span class="trending__title">Trending</span>"#);
    for _ in 0..20 {
        let w = rng.words(2);
        let _ = write!(
            top,
            r#"<a class="trending__link" href="https://www.kompas.com/tag/{}">#{w}</a>"#,
            w.replace(' ', "-")
        );
    }
    top.push_str("</div>\n");
    top.push_str(&ad_slot(&mut rng, "billboard"));

    let mut bottom = String::new();
    let mut i = 0;
    // Sidebar and recommendation blocks, ads between them, until the page is big enough;
    // the footer and the tail scripts come last.
    let fixed_tail = 40_000;
    let titles = [
        "Terpopuler",
        "Rekomendasi untukmu",
        "Berita Terkait",
        "Pilihan Untukmu",
        "Video Pilihan",
    ];
    while html.len() + head.len() + top.len() + bottom.len() + fixed_tail < target {
        bottom.push_str(&teaser_list(&mut rng, titles[i % titles.len()], 10));
        bottom.push_str(&ad_slot(&mut rng, &format!("sidebar{i}")));
        i += 1;
    }
    bottom.push_str(&footer(&mut rng));
    bottom.push_str(&inline_script(&mut rng, 24_000));
    bottom.push_str(&style_block(&mut rng, 6_000));

    let body_open = html.find("<body").expect("a body");
    let body_open = body_open + html[body_open..].find('>').unwrap() + 1;
    let head_close = html.find("</head>").expect("a head");
    let body_close = html.rfind("</body>").expect("a body end");
    let mut out = String::with_capacity(target + 4096);
    out.push_str(&html[..head_close]);
    out.push_str(&head);
    out.push_str(&html[head_close..body_open]);
    out.push('\n');
    out.push_str(&top);
    out.push_str(&html[body_open..body_close]);
    out.push_str(&bottom);
    out.push_str(&html[body_close..]);
    out
}
