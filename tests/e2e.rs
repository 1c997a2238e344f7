//! End to end: the built binary in a real terminal (tmux, 120×40) against a local mirror
//! of kompas.com, driven by keys and read off the screen.

mod common;

use common::tmux::{Tmux, colours_set};

use std::time::{Duration, Instant};

#[test]
fn read_follow_a_terkini_link_go_back_and_quit_to_the_shell() {
    let mirror = common::fixture_mirror();
    let data = common::scratch_dir("e2e");
    let tmux = Tmux::start("read");
    tmux.wait_for("$");
    tmux.type_line(&format!(
        "KABAR_DATA_DIR={} {} --mirror {}",
        data.display(),
        env!("CARGO_BIN_EXE_kabar"),
        mirror.base()
    ));

    tmux.wait_for("Terkini (14");
    assert_eq!(
        tmux.query("#{alternate_on}"),
        "1",
        "the reader uses the alternate screen"
    );
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("KOMPAS.com - Timnas Indonesia menang 2-0 atas Vietnam");
    assert!(screen.contains("Timnas Indonesia Tekuk Vietnam 2-0 di GBK"));
    for boilerplate in [
        "ADVERTISEMENT",
        "Simak breaking news",
        "Gabung Kompas.com+",
        "Promo Spesial",
        "Baca juga:",
        "GOOOL",
    ] {
        assert!(
            !screen.contains(boilerplate),
            "{boilerplate:?} on screen:\n{screen}"
        );
    }

    // The bola article has no "Baca juga": link [1] is the first "Terkini Lainnya" item.
    tmux.send(&["G"]);
    tmux.wait_for("[1] Jepang dan Korea Selatan");
    tmux.send(&["1", "Enter"]);
    tmux.wait_for("TOKYO, KOMPAS.com - Pemerintah Jepang dan Korea Selatan");

    tmux.send(&["h"]);
    tmux.wait_for("KOMPAS.com - Timnas Indonesia menang 2-0 atas Vietnam");

    tmux.quit();
    tmux.type_line("echo exit-status-$?");
    let screen = tmux.wait_for("exit-status-0");
    assert!(
        !screen.contains("Terkini (14)"),
        "the reader's screen is gone:\n{screen}"
    );
    assert_eq!(
        tmux.query("#{cursor_flag}"),
        "1",
        "the cursor is shown again"
    );
    assert_eq!(tmux.query("#{mouse_any_flag}"), "0", "mouse capture is off");
}

#[cfg(unix)]
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_reader_back() {
    let (_mirror, tmux) = reading_the_first_headline("suspend");

    tmux.send(&["C-z"]);
    wait_until(&tmux, "#{alternate_on}", "0");
    tmux.type_line("echo suspended-$(jobs | wc -l)");
    let screen = tmux.wait_for("suspended-1");
    assert!(
        !screen.contains("Timnas Indonesia menang"),
        "the shell has the screen:\n{screen}"
    );
    assert_eq!(tmux.query("#{cursor_flag}"), "1", "the cursor is shown");

    tmux.type_line("fg");
    wait_until(&tmux, "#{alternate_on}", "1");
    tmux.wait_for("KOMPAS.com - Timnas Indonesia menang 2-0 atas Vietnam");
    // The keys work again, raw: `G` goes to the end without an Enter.
    tmux.send(&["G"]);
    tmux.wait_for("[1] Jepang dan Korea Selatan");
    tmux.quit();
}

#[test]
fn dot_opens_the_next_unread_article_and_o_opens_an_address_typed_in() {
    let (_mirror, tmux) = reading_the_first_headline("unread");
    tmux.send(&["."]);
    tmux.wait_for("DPR Sahkan RUU Perlindungan Data Anak");
    tmux.wait_for("Terkini (12)");

    tmux.send(&["O"]);
    tmux.send(&[
        "-l",
        "www.kompas.com/global/read/2026/11/24/193015670/jepang-dan-korea-selatan-sepakati-latihan-penanggulangan-bencana-bersama",
    ]);
    tmux.wait_for("open address: www.kompas.com/global");
    tmux.send(&["Enter"]);
    tmux.wait_for("TOKYO, KOMPAS.com - Pemerintah Jepang dan Korea Selatan");
    tmux.quit();
}

#[test]
fn an_address_on_the_command_line_opens_the_reader_on_it_beside_the_list() {
    let mirror = common::fixture_mirror();
    let tmux = kabar_in_tmux_with(
        "address",
        mirror.base().as_str(),
        "https://www.kompas.com/global/read/2026/11/24/193015670/jepang-dan-korea-selatan-sepakati-latihan-penanggulangan-bencana-bersama",
    );
    tmux.wait_for("TOKYO, KOMPAS.com - Pemerintah Jepang dan Korea Selatan");
    // The list as usual beside it, the article open counted read.
    tmux.wait_for("Terkini (14 · 13 unread)");
    tmux.quit();
}

#[test]
fn under_an_english_locale_ages_are_english_and_a_notice_goes_by_itself() {
    let mirror = common::fixture_mirror();
    let tmux = kabar_in_tmux_env("ages", "LANG=C.UTF-8", mirror.base().as_str(), "");
    let screen = tmux.wait_for("updated just now");
    // Each headline's age after its label: `Bola · 5d`, never `5 hari` or `5h` for days.
    let ages: Vec<&str> = screen
        .lines()
        .filter_map(|l| l.split_once("Bola · "))
        .map(|(_, rest)| rest.split_whitespace().next().unwrap_or(""))
        .collect();
    assert!(!ages.is_empty(), "{screen}");
    for age in &ages {
        let (number, unit) = age.split_at(age.len() - 1);
        assert!(
            number.chars().all(|c| c.is_ascii_digit()) && ["m", "h", "d"].contains(&unit)
                || *age == "just",
            "{age} in\n{screen}"
        );
    }
    assert!(
        !screen.contains(" hari") && !screen.contains(" jam"),
        "{screen}"
    );

    // A notice goes by itself after a few seconds: the reader wakes for it, no key.
    tmux.send(&["y"]);
    tmux.wait_for("address copied");
    tmux.wait_for_gone("address copied");
    tmux.quit();
}

/// kabar in tmux on the fixture mirror, reading the first headline of Terkini (the
/// mirror is kept for as long as the session needs it).
fn reading_the_first_headline(name: &str) -> (kabar::mirror::MirrorServer, Tmux) {
    let mirror = common::fixture_mirror();
    let tmux = kabar_in_tmux(name, mirror.base().as_str());
    tmux.wait_for("Terkini (14)");
    tmux.send(&["Enter"]);
    tmux.wait_for("KOMPAS.com - Timnas Indonesia menang 2-0 atas Vietnam");
    (mirror, tmux)
}

/// A tmux session named after `name` running kabar on the mirror at `base`, with a data
/// directory of its own.
fn kabar_in_tmux(name: &str, base: &str) -> Tmux {
    kabar_in_tmux_with(name, base, "")
}

/// The same, with `args` after the options.
fn kabar_in_tmux_with(name: &str, base: &str, args: &str) -> Tmux {
    kabar_in_tmux_env(name, "", base, args)
}

/// The same, with `env` (`NAME=value …`) set for kabar.
fn kabar_in_tmux_env(name: &str, env: &str, base: &str, args: &str) -> Tmux {
    let data = common::scratch_dir(&format!("e2e-{name}"));
    let tmux = Tmux::start(name);
    tmux.wait_for("$");
    tmux.type_line(&format!(
        "{env} {} --data-dir {} --mirror {base} {args}",
        env!("CARGO_BIN_EXE_kabar"),
        data.display(),
    ));
    tmux
}

/// Waits until tmux's `format` reads `value`.
fn wait_until(tmux: &Tmux, format: &str, value: &str) {
    let start = Instant::now();
    while tmux.query(format) != value {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{format} is not {value}:\n{}",
            tmux.screen()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn what_was_read_and_saved_is_there_offline_after_a_restart() {
    let mirror = common::fixture_mirror();
    let data = common::scratch_dir("e2e-offline");
    let kabar = env!("CARGO_BIN_EXE_kabar");
    let tmux = Tmux::start("offline");
    tmux.wait_for("$");

    // Online: read the first article, save it, let the prefetch of the list finish.
    tmux.type_line(&format!(
        "{kabar} --data-dir {} --mirror {}",
        data.display(),
        mirror.base()
    ));
    tmux.wait_for("Terkini (14 · 14");
    tmux.send(&["Enter"]);
    tmux.wait_for("KOMPAS.com - Timnas Indonesia menang 2-0 atas Vietnam");
    tmux.send(&["s"]);
    tmux.wait_for("bola.kompas.com · Tersimpan");
    tmux.wait_for_gone("storing for offline");
    tmux.quit();
    drop(mirror);

    // Offline, with the mirror gone: the list is there, the article is marked read and
    // opens, and a prefetched article opens too.
    tmux.type_line(&format!("{kabar} --data-dir {} --offline", data.display()));
    // The status line is the frame's last row: the list's title can be on screen before it.
    let screen = tmux.wait_until("the stored list, offline", |screen| {
        screen.contains("Terkini (14 · 13 unread)")
            && screen.lines().last().is_some_and(|l| l.contains("offline"))
    });
    let first = screen
        .lines()
        .find(|l| l.contains("Timnas Indonesia Tekuk Vietnam"))
        .unwrap();
    assert!(
        !first.contains('•'),
        "the article read online is marked read: {first}"
    );
    tmux.send(&["Enter"]);
    tmux.wait_for("KOMPAS.com - Timnas Indonesia menang 2-0 atas Vietnam");
    tmux.send(&["Tab"]);
    tmux.send(&["j", "Enter"]);
    tmux.wait_for("JAKARTA, KOMPAS.com - Dewan Perwakilan Rakyat");
    tmux.quit();

    let saved = common::kabar(&["--data-dir", data.to_str().unwrap(), "saved"]);
    assert!(saved.status.success(), "{}", common::stderr(&saved));
    let saved = common::stdout(&saved);
    assert!(
        saved.contains("Timnas Indonesia Tekuk Vietnam 2-0 di GBK"),
        "{saved}"
    );
    assert_eq!(
        saved.matches("https://").count(),
        1,
        "one saved article: {saved}"
    );
}

/// The rows of the reader pane (right of the list) with their text, borders taken off.
fn reader_rows(screen: &str) -> Vec<&str> {
    screen
        .lines()
        .filter_map(|row| row.split_once("││"))
        .map(|(_, reader)| reader.trim_end().trim_end_matches('│').trim())
        .filter(|row| !row.is_empty())
        .collect()
}

/// An article of flags (regional-indicator pairs), ZWJ sequences and CJK text, then a
/// plain one: the plain article's pane shows its own text and nothing else. Terminals draw
/// those characters at other widths than ratatui counts, and the cells ratatui thought
/// covered used to keep glyphs of the article before (`🇩`, `際`).
#[test]
fn an_article_after_one_of_flags_emoji_and_cjk_shows_no_stray_glyphs() {
    let table =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wide/urls.tsv");
    let mirror =
        kabar::mirror::MirrorServer::start(kabar::mirror::Routes::from_tsv(&table).unwrap())
            .unwrap();
    let tmux = kabar_in_tmux("wide", mirror.base().as_str());
    tmux.wait_for("Cuaca Cerah di Bandung");
    tmux.send(&["Enter"]);
    tmux.wait_for("merayakan");
    tmux.send(&["Tab"]);
    tmux.send(&["j"]);
    tmux.send(&["Enter"]);
    tmux.wait_for("Warga memanfaatkan");
    // Whatever the terminal still had to draw of the frame has arrived.
    std::thread::sleep(Duration::from_millis(300));
    let screen = tmux.screen();
    assert_eq!(
        reader_rows(&screen),
        [
            "Cuaca Cerah di Bandung",
            "26 November 2026, 09:00 WIB",
            "Langit Bandung cerah sepanjang hari.",
            "Warga memanfaatkan akhir pekan untuk berjalan kaki di taman kota.",
        ],
        "the second article's text and nothing else:\n{screen}"
    );
    tmux.quit();
}

/// `NO_COLOR=1` in the environment: the reader draws no colour at all, in a real
/// terminal (tmux keeps the attributes of every cell; `capture-pane -e` writes them out
/// as escape sequences). The same screens without it have colours, so the check can fail.
#[test]
fn no_color_in_the_environment_draws_no_colour() {
    let mirror = common::fixture_mirror();
    let tmux = Tmux::start("nocolor");
    tmux.wait_for("$");
    for no_color in [false, true] {
        let data = common::scratch_dir("e2e-nocolor");
        tmux.type_line(&format!(
            "{}{} --data-dir {} --mirror {}",
            if no_color { "NO_COLOR=1 " } else { "" },
            env!("CARGO_BIN_EXE_kabar"),
            data.display(),
            mirror.base()
        ));
        tmux.wait_for("Terkini (14");
        let list = tmux.screen_escaped();
        tmux.send(&["Enter"]);
        tmux.wait_for("KOMPAS.com - Timnas Indonesia menang 2-0 atas Vietnam");
        let reader = tmux.screen_escaped();
        let colours: Vec<String> = [list, reader].iter().flat_map(|s| colours_set(s)).collect();
        if no_color {
            assert!(
                colours.is_empty(),
                "colours set under NO_COLOR: {colours:?}"
            );
        } else {
            assert!(!colours.is_empty(), "no colour seen without NO_COLOR");
        }
        tmux.quit();
    }
}

/// On the demo: `f @hujan` searches Kompas, a result opens, its tag's number opens the
/// tag's list, `D` opens a day's index and `<` the day before, and `f hujan` finds the
/// article read, in the store.
#[test]
fn search_open_a_result_follow_its_tag_and_go_back_a_day() {
    let demo = kabar::mirror::MirrorServer::start(kabar::mirror::Routes::demo()).unwrap();
    let tmux = kabar_in_tmux("archive", demo.base().as_str());
    tmux.wait_for("Terkini (");
    tmux.send(&["f"]);
    tmux.send(&["-l", "@hujan"]);
    tmux.send(&["Enter"]);
    tmux.wait_for("@hujan (4)");
    tmux.send(&["Enter"]);
    let screen = tmux.wait_for("KOMPAS.com - Badan Meteorologi");
    let tag = screen
        .split("] musim hujan")
        .next()
        .and_then(|before| before.rsplit('[').next())
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("the tag musim hujan, numbered:\n{screen}"));
    for digit in tag.to_string().chars() {
        tmux.send(&["-l", &digit.to_string()]);
    }
    tmux.send(&["Enter"]);
    tmux.wait_for("#musim hujan (");
    tmux.wait_for("Tips Merawat Rem Sepeda Motor");

    tmux.send(&["D"]);
    tmux.send(&["-l", "2026-11-24"]);
    tmux.send(&["Enter"]);
    tmux.wait_for("Index · 2026-11-24");
    tmux.send(&["<"]);
    tmux.wait_for("Index · 2026-11-23");
    tmux.wait_for("Turnamen Sepak Bola Usia Dini");

    tmux.send(&["f"]);
    tmux.send(&["-l", "hujan"]);
    tmux.send(&["Enter"]);
    tmux.wait_for("search: hujan (");
    tmux.wait_for("BMKG: Hujan Ringan");
    // Under the hit, the passage that matched, from two words before the match (the
    // reader, beside it, breaks its line after "(BMKG)").
    tmux.wait_for("…(BMKG) memprakirakan hujan");
    tmux.quit();
}
