//! The app's own words, in Indonesian or English (page text is never translated).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub indonesian: bool,
    pub loading: &'static str,
    pub article: &'static str,
    pub headlines: &'static str,
    pub more_headlines: &'static str,
    pub prefetching: &'static str,
    pub and: &'static str,
    pub unread: &'static str,
    /// After a refresh: how many headlines were not in the list before ("3 new").
    pub new: &'static str,
    pub saved_view: &'static str,
    pub reader: &'static str,
    pub pick_headline: &'static str,
    pub no_headlines: &'static str,
    pub no_saved: &'static str,
    /// A search found nothing (reloading it would find nothing again).
    pub no_hits: &'static str,
    pub help: &'static str,
    pub quit: &'static str,
    pub keys_title: &'static str,
    /// How to scroll the help when it does not fit.
    pub help_scroll: &'static str,
    pub mouse: &'static str,
    pub updated: &'static str,
    pub ago: &'static str,
    pub open_in_browser: &'static str,
    pub filter: &'static str,
    pub find: &'static str,
    /// The prompt of an address to open.
    pub address: &'static str,
    /// What was typed at the address prompt is not a web address.
    pub not_an_address: &'static str,
    pub matches: &'static str,
    pub no_match: &'static str,
    pub no_link: &'static str,
    /// `i` with no photo to open.
    pub no_photo: &'static str,
    /// The mark of a photo that could not be had, in place of `[foto]`.
    pub photo_failed: &'static str,
    /// In the rows of a picture that cannot be drawn now.
    pub picture_gone: &'static str,
    pub saved: &'static str,
    pub unsaved: &'static str,
    /// `s` pressed when there is no offline store.
    pub needs_store: &'static str,
    /// Enter at the search prompt (no `@`) when there is no offline store to search.
    pub search_needs_store: &'static str,
    /// A headline's article is being fetched to be saved.
    pub saving: &'static str,
    /// Why an article could not be saved follows.
    pub not_saved: &'static str,
    /// `s` where there is no article or headline.
    pub nothing_to_save: &'static str,
    /// A page could not be opened, and the one before it is still on screen.
    pub kept_page: &'static str,
    /// The title of the message history.
    pub messages_title: &'static str,
    /// What the keys in an overlay's title do.
    pub close: &'static str,
    pub no_messages: &'static str,
    /// The marks before a headline, for the help.
    pub marks: &'static str,
    /// The mark after the name of a tab whose list did not load, for the help.
    pub tab_mark: &'static str,
    pub copied: &'static str,
    pub offline: &'static str,
    /// Under a minute ago.
    pub just_now: &'static str,
    /// The units of an age: minutes, hours, days (`3h` / `3 jam`).
    pub age_units: [&'static str; 3],
    pub no_match_in_list: &'static str,
    /// The next-unread key found nothing unread left in the list.
    pub no_unread: &'static str,
    /// The search prompt, and the name of the tab of its results.
    pub search: &'static str,
    /// The date prompt.
    pub date: &'static str,
    /// What was typed at the date prompt is not a date.
    pub not_a_date: &'static str,
    /// The name of the tab of all Kompas's index on one day.
    pub index: &'static str,
    /// On the Semua tab: the sources named after it gave nothing new in time.
    pub lagging: &'static str,
    /// Why a source of Semua gave nothing new: it had not answered yet.
    pub no_answer_yet: &'static str,
}

impl Words {
    /// How long ago `minutes` minutes is, short and unambiguous in these words.
    pub fn age(&self, minutes: i64) -> String {
        let (n, unit) = match minutes.max(0) {
            m if m < 1 => return self.just_now.to_string(),
            m if m < 60 => (m, self.age_units[0]),
            m if m < 24 * 60 => (m / 60, self.age_units[1]),
            m => (m / (24 * 60), self.age_units[2]),
        };
        format!("{n}{unit}")
    }

    /// `updated 3m ago` / `diperbarui 3 menit lalu`, or `updated just now`.
    pub fn updated_ago(&self, minutes: i64) -> String {
        if minutes < 1 {
            format!("{} {}", self.updated, self.just_now)
        } else {
            format!("{} {} {}", self.updated, self.age(minutes), self.ago)
        }
    }
}

pub const EN: Words = Words {
    indonesian: false,
    loading: "loading",
    article: "article",
    headlines: "headlines",
    more_headlines: "more headlines",
    prefetching: "storing for offline",
    and: "and",
    unread: "unread",
    new: "new",
    saved_view: "Tersimpan",
    reader: "Reader",
    pick_headline: "Choose a headline and press Enter.",
    no_headlines: "No headlines. Press r to reload.",
    no_saved: "Nothing saved yet. Press s in an article to keep it.",
    no_hits: "Nothing found. Press f to search again.",
    help: "help",
    quit: "quit",
    keys_title: "Keys · ? Esc q close",
    help_scroll: "j k PgDn PgUp scroll",
    mouse: "Mouse: the wheel scrolls the pane under it; a click opens, or shows a tab.",
    updated: "updated",
    ago: "ago",
    open_in_browser: "o: open in browser",
    filter: "filter",
    find: "find",
    address: "open address",
    not_an_address: "not a web address",
    matches: "match",
    no_match: "no match",
    no_link: "there is no link",
    no_photo: "there is no photo",
    photo_failed: "[foto: not loaded]",
    picture_gone: "(the picture cannot be drawn here: i opens the photo)",
    no_unread: "no unread headlines left in this list",
    search: "search",
    date: "date (YYYY-MM-DD)",
    not_a_date: "not a date (YYYY-MM-DD)",
    index: "Index",
    lagging: "nothing new in time from",
    no_answer_yet: "no answer yet",
    saved: "saved",
    unsaved: "no longer saved",
    needs_store: "not saved: saving needs the offline store, which is not available",
    search_needs_store: "no search: searching what was read needs the offline store (@words searches Kompas)",
    saving: "saving",
    not_saved: "not saved",
    nothing_to_save: "nothing to save: no article here",
    kept_page: "previous page kept",
    messages_title: "Messages",
    close: "close",
    no_messages: "No messages yet.",
    marks: "Marks: + new since the last refresh (until seen), • unread.",
    tab_mark: "! after a tab's name: its list did not load (its status line says why).",
    copied: "address copied",
    offline: "offline",
    just_now: "just now",
    age_units: ["m", "h", "d"],
    no_match_in_list: "No headlines match the filter.",
};

pub const ID: Words = Words {
    indonesian: true,
    loading: "memuat",
    article: "artikel",
    headlines: "judul berita",
    more_headlines: "judul berikutnya",
    prefetching: "menyimpan untuk luring",
    and: "dan",
    unread: "belum dibaca",
    new: "baru",
    saved_view: "Tersimpan",
    reader: "Pembaca",
    pick_headline: "Pilih judul lalu tekan Enter.",
    no_headlines: "Tidak ada judul. Tekan r untuk memuat ulang.",
    no_saved: "Belum ada yang disimpan. Tekan s di artikel untuk menyimpannya.",
    no_hits: "Tidak ada yang ditemukan. Tekan f untuk mencari lagi.",
    help: "bantuan",
    quit: "keluar",
    keys_title: "Tombol · ? Esc q menutup",
    help_scroll: "j k PgDn PgUp menggulir",
    mouse: "Tetikus: roda menggulir panel di bawahnya; klik membuka, atau menampilkan tab.",
    updated: "diperbarui",
    ago: "lalu",
    open_in_browser: "o: buka di peramban",
    filter: "saring",
    find: "cari",
    address: "buka alamat",
    not_an_address: "bukan alamat web",
    matches: "temuan",
    no_match: "tidak ditemukan",
    no_link: "tidak ada tautan",
    no_photo: "tidak ada foto",
    photo_failed: "[foto: gagal dimuat]",
    picture_gone: "(gambar tidak dapat ditampilkan di sini: i membuka fotonya)",
    no_unread: "tidak ada lagi judul belum dibaca di daftar ini",
    search: "cari",
    date: "tanggal (TTTT-BB-HH)",
    not_a_date: "bukan tanggal (TTTT-BB-HH)",
    index: "Indeks",
    lagging: "tidak ada yang baru tepat waktu dari",
    no_answer_yet: "belum menjawab",
    saved: "disimpan",
    unsaved: "batal disimpan",
    needs_store: "tidak disimpan: menyimpan butuh penyimpanan luring, yang tidak tersedia",
    search_needs_store: "tidak dicari: mencari yang sudah dibaca butuh penyimpanan luring (@kata mencari di Kompas)",
    saving: "menyimpan",
    not_saved: "tidak disimpan",
    nothing_to_save: "tidak ada yang disimpan: tidak ada artikel di sini",
    kept_page: "halaman sebelumnya tetap",
    messages_title: "Pesan",
    close: "menutup",
    no_messages: "Belum ada pesan.",
    marks: "Tanda: + baru sejak penyegaran terakhir (sampai dilihat), • belum dibaca.",
    tab_mark: "! setelah nama tab: daftarnya gagal dimuat (sebabnya di baris status).",
    copied: "alamat disalin",
    offline: "luring",
    just_now: "baru saja",
    age_units: [" menit", " jam", " hari"],
    no_match_in_list: "Tidak ada judul yang cocok dengan saringan.",
};
