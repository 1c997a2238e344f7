//! The configuration file: defaults, the documented file, round trips through
//! `--print-config`, the language from `LANG`, and one broken file per mistake in
//! `tests/invalid_configs/`, each with the error it must give on its first line.

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use kabar::config::{
    self, Colors, Config, DOCUMENTED, Images, Language, ListWidth, Section, ThemePreset,
    default_key_lines, no_color_in, parse_color,
};
use kabar::keymap::Keymap;
use ratatui::style::Color;

/// A fresh empty directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kabar-config-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A config with every setting away from its default.
fn full_example() -> Config {
    Config {
        language: Language::Id,
        theme: ThemePreset::Light,
        prefetch: 7,
        refresh_minutes: 0,
        text_width: 100,
        max_store_mb: 50,
        list_width: ListWidth::Columns(52),
        wrap_titles: true,
        images: Images::Off,
        sections: vec![
            Section::new("Semua", None),
            Section::new("Bola", Some("bola")),
            Section {
                name: "Sains \"ilmu\"".into(),
                site: None,
                url: Some("https://www.kompas.com/sains".into()),
            },
        ],
        sources: vec![
            config::Source {
                name: "antara".into(),
                url: "https://www.antaranews.com/rss/terkini.xml".into(),
                tab: Some("ANTARA".into()),
            },
            config::Source {
                name: "Blog \"kota\"".into(),
                url: "https://kota.example/feed.json".into(),
                tab: None,
            },
        ],
        colors: Colors {
            accent: "magenta".into(),
            selected_fg: "black".into(),
            selected_bg: "#ffd700".into(),
            dim: "245".into(),
            link: "light_blue".into(),
            heading: "yellow".into(),
            error: "light_red".into(),
            unread: "white".into(),
        },
        keys: BTreeMap::from([
            ("quit".to_string(), vec!["x".to_string(), "F10".to_string()]),
            ("help".to_string(), vec!["\"".to_string()]),
            (
                "down".to_string(),
                vec!["Down".to_string(), "J".to_string()],
            ),
        ]),
        browser: Some("firefox --new-tab %u".into()),
    }
}

#[test]
fn defaults() {
    let c = Config::default();
    assert_eq!(
        (c.prefetch, c.refresh_minutes, c.text_width, c.max_store_mb),
        (20, 10, 80, 200)
    );
    assert!(c.keys.is_empty());
    assert_eq!(c.keymap(), Keymap::default());
    let names: Vec<&str> = c.sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Terkini",
            "Nasional",
            "Global",
            "Regional",
            "Megapolitan",
            "Money",
            "Tekno",
            "Bola",
            "Tren",
            "Health",
            "Lifestyle"
        ]
    );
    assert_eq!(c.sections[0].url(), "https://indeks.kompas.com/");
    assert_eq!(
        c.sections[1].url(),
        "https://indeks.kompas.com/?site=nasional"
    );
    assert_eq!(
        c.sections[10].url(),
        "https://indeks.kompas.com/?site=lifestyle"
    );
    let own = Section {
        name: "Sains".into(),
        site: None,
        url: Some("https://www.kompas.com/sains".into()),
    };
    assert_eq!(own.url(), "https://www.kompas.com/sains");
    for (key, value) in c.colors.fields() {
        assert!(
            parse_color(value).is_some(),
            "default colour {key} = {value:?}"
        );
    }
}

#[test]
fn empty_and_partial_files_take_the_defaults() {
    let empty = Config::from_toml("", "config.toml").unwrap();
    assert_eq!(empty, Config::default());
    let partial = Config::from_toml(
        "prefetch = 5\n[colors]\naccent = \"red\"\n[keys]\nquit = [\"x\"]\n",
        "config.toml",
    )
    .unwrap();
    assert_eq!(partial.prefetch, 5);
    assert_eq!(partial.colors.accent, "red");
    assert_eq!(partial.colors.dim, Colors::default().dim);
    assert_eq!(partial.sections, Section::defaults());
    assert_eq!(
        partial.keymap(),
        Keymap::with_overrides(&partial.keys).unwrap()
    );
    assert_ne!(partial.keymap(), Keymap::default());
}

/// `Config::load(None)` reads the default path, which is under `$XDG_CONFIG_HOME` (or
/// `$HOME`): run in a child process of this test binary with both pointed at an empty
/// directory, so neither this process's environment nor a real config is touched.
#[test]
fn default_path_missing_means_defaults() {
    if let Some(dir) = std::env::var_os("KABAR_CONFIG_TEST_HOME") {
        let path = Config::default_path().expect("a default path");
        assert!(path.starts_with(&dir), "{path:?} under {dir:?}");
        assert!(path.ends_with("config.toml"), "{path:?}");
        let expected = match std::env::var_os("KABAR_CONFIG_TEST_PREFETCH") {
            Some(n) => Config {
                prefetch: n.to_str().unwrap().parse().unwrap(),
                ..Config::default()
            },
            None => Config::default(),
        };
        if expected.prefetch != Config::default().prefetch {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, format!("prefetch = {}\n", expected.prefetch)).unwrap();
        }
        assert_eq!(Config::load(None).unwrap(), expected);
        return;
    }
    for prefetch in [None, Some("3")] {
        let home = scratch(&format!("home-{}", prefetch.unwrap_or("none")));
        let mut child = Command::new(std::env::current_exe().unwrap());
        child
            .args([
                "--exact",
                "default_path_missing_means_defaults",
                "--test-threads=1",
            ])
            .env("KABAR_CONFIG_TEST_HOME", &home)
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"));
        if let Some(n) = prefetch {
            child.env("KABAR_CONFIG_TEST_PREFETCH", n);
        }
        let out = child.output().unwrap();
        assert!(
            out.status.success(),
            "child: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("1 passed"),
            "the child ran the test"
        );
    }
}

#[test]
fn a_given_file_must_exist_and_errors_name_it() {
    let dir = scratch("given");
    let missing = dir.join("nope.toml");
    let err = Config::load(Some(&missing)).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("cannot read {}: ", missing.display())),
        "{err}"
    );
    assert!(err.to_lowercase().contains("no such file"), "{err}");

    let path = dir.join("mine.toml");
    std::fs::write(&path, "text_width = 120\n").unwrap();
    assert_eq!(Config::load(Some(&path)).unwrap().text_width, 120);

    std::fs::write(&path, "# mine\n\n[colors]\ncolour = \"red\"\n").unwrap();
    let err = Config::load(Some(&path)).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!(
            "{} line 4: `colour` in [colors]: unknown field `colour`",
            path.display()
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err}");

    std::fs::write(&path, b"prefetch = 1 # \xff\n").unwrap();
    let err = Config::load(Some(&path)).unwrap_err().to_string();
    assert!(err.contains("not UTF-8"), "{err}");

    let usage: kabar::error::Error = Config::load(Some(&missing)).unwrap_err().into();
    assert_eq!(usage.exit_code(), kabar::error::exit::USAGE);
}

#[test]
fn full_example_round_trips() {
    let config = full_example();
    let text = config.to_toml();
    let back = Config::from_toml(&text, "printed.toml").unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(back, config);
    assert_eq!(back.to_toml(), text, "printing is stable");
    // The overridden keys are set; the others are shown as comments.
    assert!(text.contains("# open = [\"Enter\"]"), "{text}");
    assert!(!text.contains("# quit = "), "{text}");
    let map = config.keymap();
    assert_eq!(map.key_of(kabar::keymap::Action::Quit), "x");
}

#[test]
fn print_config_of_the_defaults_round_trips_with_every_setting() {
    for language in [Language::Id, Language::En] {
        let config = Config {
            language,
            ..Config::default()
        };
        let text = config.to_toml();
        assert_eq!(Config::from_toml(&text, "printed.toml").unwrap(), config);
        for key in [
            "language =",
            "prefetch = 20",
            "refresh_minutes = 10",
            "text_width = 80",
            "max_store_mb = 200",
            "[[sections]]",
            "[colors]",
            "accent =",
            "unread =",
            "[keys]",
        ] {
            assert!(text.contains(key), "{key} in\n{text}");
        }
        // Uncommenting the default keys gives the default keymap.
        let uncommented = text
            .replace("\n# ", "\n")
            .replace("Default keys of the other actions:\n", "\n");
        let with_keys = Config::from_toml(&uncommented, "uncommented.toml")
            .unwrap_or_else(|e| panic!("{e}\n{uncommented}"));
        assert_eq!(with_keys.keys.len(), default_key_lines().len());
        assert_eq!(with_keys.keymap(), Keymap::default());
    }
}

#[test]
fn the_documented_file_is_the_defaults() {
    let on_disk =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/config.toml"))
            .unwrap();
    assert_eq!(on_disk, DOCUMENTED);
    let parsed = Config::from_toml(DOCUMENTED, "assets/config.toml").unwrap();
    let default = Config::default();
    assert_eq!(
        parsed,
        Config {
            language: parsed.language,
            ..default.clone()
        }
    );
    // Every setting is in it, set or (language) commented out.
    for line in Config::default().to_toml().lines() {
        let Some((key, _)) = line.split_once(" = ") else {
            continue;
        };
        let key = key.trim_start_matches("# ");
        if key == "name" || key == "site" {
            continue;
        }
        assert!(
            DOCUMENTED
                .lines()
                .any(|l| l.trim_start_matches("# ").starts_with(&format!("{key} = "))),
            "`{key}` documented"
        );
    }
    // The default keys it lists in comments are the keymap's own.
    let documented_keys: Vec<&str> = DOCUMENTED
        .split_once("\n[keys]\n")
        .unwrap()
        .1
        .lines()
        .filter_map(|l| l.strip_prefix("# "))
        .filter(|l| l.contains(" = ["))
        .collect();
    let expected: Vec<String> = default_key_lines().into_iter().map(|(_, l)| l).collect();
    assert_eq!(documented_keys, expected);
    // Every setting line has a comment just above it (or above its group).
    let lines: Vec<&str> = DOCUMENTED.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let is_setting = line.contains(" = ") && !line.starts_with('#');
        let in_sections = lines[..i]
            .iter()
            .rev()
            .find(|l| l.starts_with('['))
            .is_some_and(|l| *l == "[[sections]]");
        if is_setting && !in_sections {
            let above = lines[..i]
                .iter()
                .rev()
                .find(|l| !l.contains(" = ") || l.starts_with('#'))
                .unwrap();
            assert!(above.starts_with('#'), "comment above {line:?}");
        }
    }
}

#[test]
fn every_invalid_config_gives_its_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid_configs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension() == Some(OsStr::new("toml")))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "{} cases", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let expected = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# error: "))
            .unwrap_or_else(|| panic!("{}: first line is not `# error: …`", file.display()));
        match Config::from_toml(&text, "config.toml") {
            Ok(_) => failures.push(format!("{}: loaded", file.display())),
            Err(e) => {
                let got = e.to_string();
                if !got.starts_with(expected) || got.lines().count() != 1 {
                    failures.push(format!(
                        "{}:\n  expected {expected}\n  got      {got}",
                        file.display()
                    ));
                }
            }
        }
        // Through a file, the error names the file's path.
        let err = Config::load(Some(file)).unwrap_err().to_string();
        let named = expected.replacen("config.toml", &file.display().to_string(), 1);
        if !err.starts_with(&named) {
            failures.push(format!("{}: load gave {err}", file.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn language_from_lang() {
    assert_eq!(Language::from_lang(Some("id_ID.UTF-8")), Language::Id);
    assert_eq!(Language::from_lang(Some("id")), Language::Id);
    assert_eq!(Language::from_lang(Some("ID_id")), Language::Id);
    assert_eq!(Language::from_lang(Some("en_US.UTF-8")), Language::En);
    assert_eq!(Language::from_lang(Some("C")), Language::En);
    assert_eq!(Language::from_lang(Some("")), Language::En);
    assert_eq!(Language::from_lang(None), Language::En);
    assert!(Language::Id.is_indonesian() && !Language::En.is_indonesian());
    let id = Config::from_toml("language = \"id\"", "c.toml").unwrap();
    assert_eq!(id.language, Language::Id);
}

#[test]
fn colours_and_no_color() {
    assert_eq!(parse_color("cyan"), Some(Color::Cyan));
    assert_eq!(parse_color("dark_gray"), Some(Color::DarkGray));
    assert_eq!(parse_color("Light Blue"), Some(Color::LightBlue));
    assert_eq!(parse_color("reset"), Some(Color::Reset));
    assert_eq!(parse_color("#ff8000"), Some(Color::Rgb(255, 128, 0)));
    assert_eq!(parse_color("244"), Some(Color::Indexed(244)));
    assert_eq!(parse_color("bleu"), None);
    assert_eq!(parse_color("#ff80"), None);
    assert!(no_color_in(Some(OsStr::new("1"))));
    assert!(!no_color_in(Some(OsStr::new(""))));
    assert!(!no_color_in(None));
    // The real environment's answer is one of the two, without panicking.
    let _ = config::no_color();
}

/// A file of 50,000 sections loads at once, and a name given twice among them is still
/// reported at the line of the second one.
#[test]
fn many_sections_load_quickly_and_a_late_duplicate_is_found() {
    const N: usize = 50_000;
    let mut text: String = (0..N)
        .map(|i| format!("[[sections]]\nname = \"Bagian {i}\"\nsite = \"nasional\"\n"))
        .collect();
    let start = std::time::Instant::now();
    let config = Config::from_toml(&text, "config.toml").expect("distinct names load");
    let took = start.elapsed();
    assert_eq!(config.sections.len(), N);
    assert!(
        took < std::time::Duration::from_secs(1),
        "{N} sections took {took:?}"
    );

    text.push_str("[[sections]]\nname = \"Bagian 7\"\nsite = \"bola\"\n");
    let err = Config::from_toml(&text, "config.toml")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err.lines().next(),
        Some(
            format!(
                "config.toml line {}: sections 8 and {} are both named \"Bagian 7\"",
                3 * N + 2,
                N + 1
            )
            .as_str()
        ),
        "{err}"
    );
}

/// `refresh_minutes = 0` turns the automatic refresh off; any other value is minutes.
#[test]
fn refresh_minutes_zero_means_never() {
    let every = |text: &str| Config::from_toml(text, "c.toml").unwrap().refresh_every();
    assert_eq!(every("refresh_minutes = 0"), None);
    assert_eq!(every("refresh_minutes = 1"), Some(Duration::from_secs(60)));
    assert_eq!(every(""), Some(Duration::from_secs(10 * 60)));
}

#[test]
fn browser_is_a_command_without_quotes() {
    let dir = scratch("browser");
    let path = dir.join("config.toml");
    std::fs::write(&path, "browser = \"firefox --new-tab %u\"\n").unwrap();
    let config = Config::load(Some(&path)).unwrap();
    assert_eq!(config.browser.as_deref(), Some("firefox --new-tab %u"));
    assert_eq!(
        kabar::worker::browser_command("firefox --new-tab %u", "https://x/a b"),
        ["firefox", "--new-tab", "https://x/a b"]
    );
    assert_eq!(
        kabar::worker::browser_command("w3m", "https://x/"),
        ["w3m", "https://x/"]
    );
    for bad in [
        "browser = \"\"",
        "browser = \"sh -c 'x %u'\"",
        "browser = 3",
    ] {
        std::fs::write(&path, format!("{bad}\n")).unwrap();
        let err = Config::load(Some(&path)).unwrap_err().to_string();
        assert!(
            err.contains("browser") && err.contains("no shell"),
            "{bad}: {err}"
        );
    }
    assert_eq!(Config::default().browser, None);
}

#[test]
fn the_light_preset_changes_the_colours_left_at_their_default_only() {
    use kabar::app::theme_from_colors;
    let light = Config::from_toml("theme = \"light\"\n", "config.toml").unwrap();
    assert_eq!(light.theme, ThemePreset::Light);
    let dark = theme_from_colors(&Colors::default(), ThemePreset::Dark, false);
    assert_eq!(
        dark.selected.bg,
        Some(Color::Blue),
        "dark is the [colors] defaults"
    );
    let theme = theme_from_colors(&light.colors, light.theme, false);
    assert_ne!(theme, dark);
    assert_eq!(theme.selected.bg, Some(Color::LightCyan));
    let own = Colors {
        selected_bg: "red".into(),
        ..Colors::default()
    };
    let theme = theme_from_colors(&own, ThemePreset::Light, false);
    assert_eq!(theme.selected.bg, Some(Color::Red), "a colour set stays");
    assert_eq!(theme.accent.fg, Some(Color::Blue));
    let err = Config::from_toml("theme = \"sepia\"\n", "config.toml").unwrap_err();
    assert!(err.to_string().contains("\"dark\" or \"light\""), "{err}");
}

#[test]
fn the_message_history_key_can_be_rebound() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use kabar::keymap::{Action, Command, Context};
    let config = Config::from_toml("[keys]\nmessages = [\"F2\"]\n", "config.toml").unwrap();
    let map = config.keymap();
    let f2 = KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE);
    assert_eq!(
        map.command(Context::List, f2),
        Some(Command::Act(Action::Messages))
    );
    assert_eq!(map.command(Context::Messages, f2), Some(Command::Cancel));
    let m = KeyEvent::new(KeyCode::Char('M'), KeyModifiers::NONE);
    assert_eq!(map.command(Context::List, m), None, "M no longer opens it");
}

#[test]
fn list_width_is_columns_or_a_share_of_the_screen() {
    let share = Config::from_toml("list_width = \"35%\"\n", "config.toml").unwrap();
    assert_eq!(share.list_width, ListWidth::Percent(35));
    assert!(share.to_toml().contains("list_width = \"35%\""));
    assert_eq!(Config::default().list_width, ListWidth::Percent(40));
    // 35% of 200 columns; 60 columns on a screen of 120; the reader keeps 40 columns.
    assert_eq!(ListWidth::Percent(35).of(200), 70);
    assert_eq!(ListWidth::Columns(60).of(120), 60);
    assert_eq!(ListWidth::Columns(90).of(120), 80);
    assert_eq!(ListWidth::Percent(90).of(100), 60);
}
