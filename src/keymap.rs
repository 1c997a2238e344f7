//! Keys to actions: one table, read both by the key handler and by the help overlay, so
//! the help can never disagree with what the keys do. The config file can rebind any
//! action by its name. Every key press goes through [`Keymap::command`], which knows
//! where it was pressed: a key means one thing in a prompt, another over the help.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Action {
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    Open,
    SwitchPane,
    Back,
    Forward,
    PrevSection,
    NextSection,
    Filter,
    NextMatch,
    PrevMatch,
    ToggleRead,
    MarkAllRead,
    Save,
    SavedView,
    CopyUrl,
    Reload,
    OpenInBrowser,
    OpenImage,
    Help,
    Close,
    Quit,
    NextUnread,
    HalfPageDown,
    HalfPageUp,
    Suspend,
    OpenAddress,
    Messages,
    Search,
    PrevDay,
    NextDay,
    GoToDate,
}

/// A key as bound: its code, and whether Ctrl is held (Shift is in the code, `G`; Alt is
/// not read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Key { code, ctrl: false }
    }

    pub const fn ctrl(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
        }
    }

    /// The key of a key press.
    pub fn of(event: KeyEvent) -> Self {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let code = match event.code {
            // Some terminals report Ctrl with a capital letter.
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            code => code,
        };
        Key { code, ctrl }
    }
}

const fn c(c: char) -> Key {
    Key::plain(KeyCode::Char(c))
}

const fn k(code: KeyCode) -> Key {
    Key::plain(code)
}

/// Every action: its name in the config file, its default keys, its words in the help
/// (English, Indonesian).
const ACTIONS: &[(Action, &str, &[Key], &str, &str)] = &[
    (
        Action::Down,
        "down",
        &[c('j'), k(KeyCode::Down)],
        "move down / scroll down",
        "turun / gulir ke bawah",
    ),
    (
        Action::Up,
        "up",
        &[c('k'), k(KeyCode::Up)],
        "move up / scroll up",
        "naik / gulir ke atas",
    ),
    (
        Action::Top,
        "top",
        &[c('g'), k(KeyCode::Home)],
        "go to the top",
        "ke paling atas",
    ),
    (
        Action::Bottom,
        "bottom",
        &[c('G'), k(KeyCode::End)],
        "go to the bottom",
        "ke paling bawah",
    ),
    (
        Action::PageDown,
        "page_down",
        &[c(' '), k(KeyCode::PageDown)],
        "page down",
        "halaman berikutnya",
    ),
    (
        Action::PageUp,
        "page_up",
        &[c('b'), k(KeyCode::PageUp)],
        "page up",
        "halaman sebelumnya",
    ),
    (
        Action::HalfPageDown,
        "half_page_down",
        &[Key::ctrl('d')],
        "half a page down",
        "setengah halaman ke bawah",
    ),
    (
        Action::HalfPageUp,
        "half_page_up",
        &[Key::ctrl('u')],
        "half a page up",
        "setengah halaman ke atas",
    ),
    (
        Action::Open,
        "open",
        &[k(KeyCode::Enter)],
        "open; in the reader, N Enter opens link [N]",
        "buka; di pembaca, N Enter membuka tautan [N]",
    ),
    (
        Action::NextUnread,
        "next_unread",
        &[c('.')],
        "next unread headline (in the reader: open it)",
        "judul belum dibaca berikutnya (di pembaca: membukanya)",
    ),
    (
        Action::OpenAddress,
        "open_address",
        &[c('O')],
        "open an address typed in (any site)",
        "buka alamat yang diketik (situs apa pun)",
    ),
    (
        Action::Search,
        "search",
        &[c('f')],
        "search what was read (offline); @words searches Kompas",
        "cari yang sudah dibaca (luring); @kata mencari di Kompas",
    ),
    (
        Action::PrevDay,
        "prev_day",
        &[c('<')],
        "the index of the day before",
        "indeks hari sebelumnya",
    ),
    (
        Action::NextDay,
        "next_day",
        &[c('>')],
        "the index of the day after",
        "indeks hari berikutnya",
    ),
    (
        Action::GoToDate,
        "go_to_date",
        &[c('D')],
        "the index of a date typed in (YYYY-MM-DD)",
        "indeks tanggal yang diketik (TTTT-BB-HH)",
    ),
    (
        Action::SwitchPane,
        "switch_pane",
        &[k(KeyCode::Tab)],
        "switch pane",
        "pindah panel",
    ),
    (
        Action::Back,
        "back",
        &[k(KeyCode::Backspace), c('h')],
        "back",
        "kembali",
    ),
    (Action::Forward, "forward", &[c('l')], "forward", "maju"),
    (
        Action::PrevSection,
        "prev_section",
        &[c('['), k(KeyCode::Left)],
        "previous section (← in the list)",
        "rubrik sebelumnya (← di daftar)",
    ),
    (
        Action::NextSection,
        "next_section",
        &[c(']'), k(KeyCode::Right)],
        "next section (→ in the list)",
        "rubrik berikutnya (→ di daftar)",
    ),
    (
        Action::Filter,
        "filter",
        &[c('/')],
        "filter the list / find in the article",
        "saring daftar / cari di artikel",
    ),
    (
        Action::NextMatch,
        "next_match",
        &[c('n')],
        "next match in the article",
        "temuan berikutnya",
    ),
    (
        Action::PrevMatch,
        "prev_match",
        &[c('N')],
        "previous match in the article",
        "temuan sebelumnya",
    ),
    (
        Action::ToggleRead,
        "toggle_read",
        &[c('u')],
        "mark read / unread",
        "tandai sudah / belum dibaca",
    ),
    (
        Action::MarkAllRead,
        "mark_all_read",
        &[c('U')],
        "mark the whole list read",
        "tandai semua sudah dibaca",
    ),
    (
        Action::Save,
        "save",
        &[c('s')],
        "save / unsave the article or the selected headline",
        "simpan / batal simpan artikel atau judul terpilih",
    ),
    (
        Action::SavedView,
        "saved",
        &[c('S')],
        "saved articles (Tersimpan)",
        "artikel tersimpan",
    ),
    (
        Action::CopyUrl,
        "copy_url",
        &[c('y')],
        "copy the article address (N y: of link [N])",
        "salin alamat artikel (N y: tautan [N])",
    ),
    (Action::Reload, "reload", &[c('r')], "reload", "muat ulang"),
    (
        Action::OpenInBrowser,
        "open_in_browser",
        &[c('o')],
        "open in the system browser (N o: link [N])",
        "buka di peramban (N o: tautan [N])",
    ),
    (
        Action::OpenImage,
        "open_image",
        &[c('i')],
        "view the photo on screen, stored first (N i: photo [N])",
        "lihat foto di layar, simpanan dulu (N i: foto [N])",
    ),
    (Action::Help, "help", &[c('?')], "this help", "bantuan ini"),
    (
        Action::Messages,
        "messages",
        &[c('M')],
        "the messages of this session, with their times",
        "pesan-pesan sesi ini, dengan waktunya",
    ),
    (
        Action::Close,
        "close",
        &[k(KeyCode::Esc)],
        "close help, messages, filter, find / back to the list",
        "tutup bantuan, pesan, saringan, pencarian / ke daftar",
    ),
    (
        Action::Suspend,
        "suspend",
        &[Key::ctrl('z')],
        "suspend to the shell (fg returns)",
        "tangguhkan ke shell (fg kembali)",
    ),
    (
        Action::Quit,
        "quit",
        &[c('q')],
        "quit (over the help or the messages: close them)",
        "keluar (di bantuan atau pesan: menutupnya)",
    ),
];

impl Action {
    pub fn name(self) -> &'static str {
        ACTIONS.iter().find(|a| a.0 == self).map_or("", |a| a.1)
    }

    pub fn from_name(name: &str) -> Option<Action> {
        ACTIONS.iter().find(|a| a.1 == name).map(|a| a.0)
    }

    /// The words the help shows for this action.
    pub fn words(self, indonesian: bool) -> &'static str {
        ACTIONS
            .iter()
            .find(|a| a.0 == self)
            .map_or("", |a| if indonesian { a.4 } else { a.3 })
    }

    /// Every action name, for error messages and docs.
    pub fn names() -> impl Iterator<Item = &'static str> {
        ACTIONS.iter().map(|a| a.1)
    }
}

/// Default keys that work only in the list: in the reader ← and → would move the whole
/// screen to another section, too easily pressed while reading. A key the config binds
/// to another action works everywhere; one it leaves on its default action (as the
/// printed default config does) stays in the list.
const LIST_ONLY: &[Key] = &[k(KeyCode::Left), k(KeyCode::Right)];

/// Where a key is pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    List,
    Reader,
    /// The help overlay is open.
    Help,
    /// The message history is open.
    Messages,
    /// A line of text is being typed (the filter, a search).
    Prompt,
}

/// What a key press means where it was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Act(Action),
    /// A digit of a link number, typed in the reader before Enter.
    Digit(usize),
    /// A character typed into a prompt.
    Type(char),
    /// Takes the last character out of a prompt.
    Erase,
    /// Ends a prompt, keeping what was typed.
    Submit,
    /// Closes the prompt or the help.
    Cancel,
}

/// The keys of every action, defaults overridden by the config.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Action, Vec<Key>)>,
    list_only: Vec<Key>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: ACTIONS.iter().map(|a| (a.0, a.2.to_vec())).collect(),
            list_only: LIST_ONLY.to_vec(),
        }
    }
}

impl Keymap {
    /// The defaults with `overrides` (action name → key names) applied. An override
    /// replaces all the keys of its action, and takes its keys away from other actions.
    pub fn with_overrides(overrides: &BTreeMap<String, Vec<String>>) -> Result<Self, String> {
        let mut map = Keymap::default();
        for (name, keys) in overrides {
            let action = Action::from_name(name).ok_or_else(|| {
                format!(
                    "unknown action `{name}` (actions: {})",
                    Action::names().collect::<Vec<_>>().join(", ")
                )
            })?;
            let codes = keys
                .iter()
                .map(|k| parse_key(k).ok_or_else(|| format!("unknown key `{k}` for `{name}`")))
                .collect::<Result<Vec<_>, _>>()?;
            for (_, bound) in &mut map.bindings {
                bound.retain(|c| !codes.contains(c));
            }
            let defaults = Keymap::default();
            map.list_only
                .retain(|c| !codes.contains(c) || defaults.action_for_code(*c) == Some(action));
            if let Some((_, bound)) = map.bindings.iter_mut().find(|(a, _)| *a == action) {
                *bound = codes;
            }
        }
        Ok(map)
    }

    /// What `key` means in `context`; `None` when nothing. Ctrl-C quits everywhere, the
    /// help (and the message history) scrolls and closes with its own key, close or quit
    /// (which does not quit from it),
    /// and a prompt takes the text it is typed.
    pub fn command(&self, context: Context, key: KeyEvent) -> Option<Command> {
        if is_interrupt(key) {
            return Some(Command::Act(Action::Quit));
        }
        if self.action_for(key) == Some(Action::Suspend) {
            return Some(Command::Act(Action::Suspend));
        }
        match context {
            Context::Prompt if Key::of(key).ctrl => None,
            Context::Prompt => match key.code {
                KeyCode::Char(c) => Some(Command::Type(c)),
                KeyCode::Backspace => Some(Command::Erase),
                KeyCode::Enter => Some(Command::Submit),
                KeyCode::Esc => Some(Command::Cancel),
                _ => None,
            },
            Context::Help | Context::Messages => match self.action_for(key)? {
                Action::Close | Action::Quit => Some(Command::Cancel),
                Action::Help if context == Context::Help => Some(Command::Cancel),
                Action::Messages if context == Context::Messages => Some(Command::Cancel),
                a @ (Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::Top
                | Action::Bottom) => Some(Command::Act(a)),
                _ => None,
            },
            Context::List => self.action_for(key).map(Command::Act),
            Context::Reader => {
                if self.list_only.contains(&Key::of(key)) {
                    return None;
                }
                match (self.action_for(key), key.code) {
                    (Some(action), _) => Some(Command::Act(action)),
                    (None, KeyCode::Char(c)) => c.to_digit(10).map(|d| Command::Digit(d as usize)),
                    (None, _) => None,
                }
            }
        }
    }

    /// The action bound to a key press, if any (Ctrl counts: `d` is not `ctrl-d`).
    fn action_for(&self, key: KeyEvent) -> Option<Action> {
        self.action_for_code(Key::of(key))
    }

    fn action_for_code(&self, code: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(_, keys)| keys.contains(&code))
            .map(|(action, _)| *action)
    }

    /// Every action with its keys, in help order.
    pub fn bindings(&self) -> impl Iterator<Item = (Action, &[Key])> {
        self.bindings.iter().map(|(a, k)| (*a, k.as_slice()))
    }

    /// The first key of an action, as the status line names it.
    pub fn key_of(&self, action: Action) -> String {
        self.bindings
            .iter()
            .find(|(a, _)| *a == action)
            .and_then(|(_, k)| k.first())
            .map_or_else(String::new, |k| key_name(*k))
    }
}

/// Ctrl-C: the key every terminal program is left with, so no binding or prompt takes it.
fn is_interrupt(key: KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c')
}

/// How a key is written in the help and in the config: `j`, `Down`, `Space`, `PgDn`,
/// `ctrl-d`.
pub fn key_name(key: Key) -> String {
    if key.ctrl {
        return format!("ctrl-{}", key_name(Key::plain(key.code)));
    }
    match key.code {
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Backspace".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}

/// A key as the config file writes it: one character, or a name (`Down`, `PgDn`, `F5`),
/// either after `ctrl-` for the key with Ctrl held (`ctrl-d`; the letter in lower case).
pub fn parse_key(name: &str) -> Option<Key> {
    if let Some(rest) = name
        .get(..5)
        .filter(|p| p.eq_ignore_ascii_case("ctrl-"))
        .and(name.get(5..))
        .filter(|r| !r.is_empty())
    {
        let code = match parse_key(rest)?.code {
            KeyCode::Char(c) => KeyCode::Char(c.to_ascii_lowercase()),
            code => code,
        };
        return Some(Key { code, ctrl: true });
    }
    parse_code(name).map(Key::plain)
}

fn parse_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    Some(match name.to_ascii_lowercase().as_str() {
        "space" => KeyCode::Char(' '),
        "down" | "↓" => KeyCode::Down,
        "up" | "↑" => KeyCode::Up,
        "left" | "←" => KeyCode::Left,
        "right" | "→" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "pgup" | "pageup" => KeyCode::PageUp,
        "enter" | "return" => KeyCode::Enter,
        "tab" => KeyCode::Tab,
        "backspace" => KeyCode::Backspace,
        "esc" | "escape" => KeyCode::Esc,
        f if f.starts_with('f') => {
            KeyCode::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(map: &Keymap, code: KeyCode) -> Option<Action> {
        match map.command(Context::List, KeyEvent::new(code, KeyModifiers::NONE)) {
            Some(Command::Act(action)) => Some(action),
            _ => None,
        }
    }

    #[test]
    fn every_key_has_one_action_and_every_action_a_name() {
        let mut seen = Vec::new();
        for (action, keys) in Keymap::default().bindings() {
            assert_eq!(Action::from_name(action.name()), Some(action));
            for k in keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
        }
    }

    #[test]
    fn vim_and_arrow_keys() {
        let map = Keymap::default();
        assert_eq!(press(&map, KeyCode::Char('j')), Some(Action::Down));
        assert_eq!(press(&map, KeyCode::Down), Some(Action::Down));
        assert_eq!(press(&map, KeyCode::Char('G')), Some(Action::Bottom));
        assert_eq!(press(&map, KeyCode::Char('x')), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for context in [
            Context::List,
            Context::Reader,
            Context::Help,
            Context::Prompt,
        ] {
            assert_eq!(
                map.command(context, ctrl_c),
                Some(Command::Act(Action::Quit))
            );
        }
    }

    #[test]
    fn each_context_reads_keys_its_own_way() {
        let map = Keymap::default();
        let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        let left = key(KeyCode::Left);
        assert_eq!(
            map.command(Context::List, left),
            Some(Command::Act(Action::PrevSection))
        );
        assert_eq!(map.command(Context::Reader, left), None);
        assert_eq!(
            map.command(Context::Reader, key(KeyCode::Char('7'))),
            Some(Command::Digit(7))
        );
        assert_eq!(
            map.command(Context::Prompt, key(KeyCode::Char('q'))),
            Some(Command::Type('q'))
        );
        assert_eq!(map.command(Context::Help, key(KeyCode::Char('x'))), None);
        for closes in [KeyCode::Char('q'), KeyCode::Esc, KeyCode::Char('?')] {
            assert_eq!(
                map.command(Context::Help, key(closes)),
                Some(Command::Cancel)
            );
        }
        assert_eq!(
            map.command(Context::Help, key(KeyCode::PageDown)),
            Some(Command::Act(Action::PageDown))
        );
        let back_on_left = BTreeMap::from([("back".to_string(), vec!["Left".to_string()])]);
        let map = Keymap::with_overrides(&back_on_left).unwrap();
        assert_eq!(
            map.command(Context::Reader, left),
            Some(Command::Act(Action::Back))
        );
    }

    #[test]
    fn ctrl_keys_are_named_parsed_and_told_from_the_plain_key() {
        assert_eq!(parse_key("ctrl-d"), Some(Key::ctrl('d')));
        assert_eq!(parse_key("Ctrl-D"), Some(Key::ctrl('d')));
        assert_eq!(parse_key("d"), Some(c('d')));
        assert_eq!(parse_key("ctrl-"), None);
        assert_eq!(key_name(Key::ctrl('u')), "ctrl-u");
        assert_eq!(parse_key(&key_name(Key::ctrl('u'))), Some(Key::ctrl('u')));
        let map = Keymap::default();
        let ctrl_d = KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL);
        let shifted = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::CONTROL);
        for context in [Context::List, Context::Reader, Context::Help] {
            for key in [ctrl_d, shifted] {
                assert_eq!(
                    map.command(context, key),
                    Some(Command::Act(Action::HalfPageDown))
                );
            }
        }
        assert_eq!(map.command(Context::Prompt, ctrl_d), None, "not typed");
        assert_eq!(press(&map, KeyCode::Char('d')), None);
    }

    #[test]
    fn overrides_rebind_by_action_name() {
        let overrides =
            BTreeMap::from([("quit".to_string(), vec!["x".to_string(), "F10".to_string()])]);
        let map = Keymap::with_overrides(&overrides).unwrap();
        assert_eq!(press(&map, KeyCode::Char('x')), Some(Action::Quit));
        assert_eq!(press(&map, KeyCode::F(10)), Some(Action::Quit));
        assert_eq!(press(&map, KeyCode::Char('q')), None);
        let taken = BTreeMap::from([("help".to_string(), vec!["j".to_string()])]);
        let map = Keymap::with_overrides(&taken).unwrap();
        assert_eq!(press(&map, KeyCode::Char('j')), Some(Action::Help));
        assert_eq!(
            press(&map, KeyCode::Down),
            Some(Action::Down),
            "j moved, Down stays"
        );
        let bad = BTreeMap::from([("fly".to_string(), vec!["f".to_string()])]);
        assert!(
            Keymap::with_overrides(&bad)
                .unwrap_err()
                .contains("unknown action `fly`")
        );
        let bad_key = BTreeMap::from([("quit".to_string(), vec!["Hyper".to_string()])]);
        assert!(
            Keymap::with_overrides(&bad_key)
                .unwrap_err()
                .contains("unknown key `Hyper`")
        );
    }
}
