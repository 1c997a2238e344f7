//! The words and phrases the generic extractor knows page furniture by, each list with
//! where its phrases came from and why they are there, so that a change can be weighed
//! against the same source.
//!
//! A table in Rust rather than a data file: the lists are checked when kabar is built,
//! cost nothing at start-up and cannot fail to load, and a change to them is a change to
//! the extractor, tested and benchmarked like the code that reads them.

/// Where the phrases of a list came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// General rules for any site, kept only where the 181-page extraction benchmark
    /// (`scripts/eval-extraction`) scored higher with them.
    Benchmark,
    /// The same rules in the language of kabar's readers, for the Indonesian sites they
    /// visit most.
    Indonesian,
    /// Rules for pages that are not articles (products, services, listings), kept where
    /// the WCXB sample (`scripts/eval-extraction ../shared/bench/wcxb-sample`) scored
    /// higher with them and the 181-page benchmark did not score lower.
    EveryKind,
}

/// Phrases that share a source and a reason.
#[derive(Debug)]
pub struct Phrases {
    pub source: Source,
    pub why: &'static str,
    /// In lower case: the text they are matched against is lowered first.
    pub phrases: &'static [&'static str],
}

/// Whether `pred` holds for a phrase of any of `lists`.
pub fn any(lists: &[Phrases], mut pred: impl FnMut(&str) -> bool) -> bool {
    lists.iter().flat_map(|l| l.phrases).any(|p| pred(p))
}

/// Words in class and id names that mark page furniture rather than article text.
#[rustfmt::skip]
pub const FURNITURE_NAME_WORDS: &[Phrases] = &[
    Phrases {
        source: Source::Benchmark,
        why: "credits and the gallery around pictures",
        phrases: &["credit", "credits", "gallery", "slideshow", "copyright", "attribution"],
    },
    Phrases {
        source: Source::Benchmark,
        why: "the page around the article: navigation, sharing, promotion",
        phrases: &[
            "breadcrumb", "breadcrumbs", "toolbar", "sidebar",
            "print", "share", "sharing", "social", "tags", "comments", "related",
            "more", "trending", "recommended", "newsletter", "subscribe", "subscription",
            "signup", "sponsored", "advert", "advertisement", "ad", "ads",
            "outbrain", "taboola", "popup", "modal",
        ],
    },
    Phrases {
        source: Source::EveryKind,
        why: "what buyers say of a product: theirs, not the page's, as comments are",
        phrases: &["review", "reviews"],
    },
    Phrases {
        source: Source::EveryKind,
        why: "the banners that ask leave to keep cookies, on any page",
        phrases: &["cookie", "cookies", "consent", "gdpr"],
    },
    Phrases {
        source: Source::EveryKind,
        why: "the filters of a shop's or a search's results",
        phrases: &["filter", "filters", "facet", "facets"],
    },
];

/// Words in class and id names of a caption: a picture's, furniture beside the text; but
/// Bootstrap's card (`.thumbnail > .caption`) and the shops' templates built on it call
/// the body of a card a caption, and there it holds the item's name, its lines and its
/// price (see `walk::is_card_caption`).
#[rustfmt::skip]
pub const CAPTION_NAME_WORDS: &[Phrases] = &[Phrases {
    source: Source::Benchmark,
    why: "captions of pictures",
    phrases: &["caption", "captions"],
}];

/// Words in class and id names of the site's own promotions: furniture around an article
/// (a box that sells a subscription, a course, another story), but on a page that sells
/// the site's services the promotions are what the page offers (see `walk::is_offer`).
#[rustfmt::skip]
pub const OFFER_NAME_WORDS: &[Phrases] = &[Phrases {
    source: Source::Benchmark,
    why: "promotions and calls to action (`cta`)",
    phrases: &["cta", "promo"],
}];

/// Words in class and id names of navigation: a menu of links, furniture on any page; but
/// a page that a menu scrolls through names its sections for the menu (`lm_navSource`),
/// and they hold its prose (see `walk::is_page_offer`).
#[rustfmt::skip]
pub const MENU_NAME_WORDS: &[Phrases] = &[Phrases {
    source: Source::Benchmark,
    why: "navigation",
    phrases: &["nav"],
}];

/// Words in class and id names that mark the site's frame, its footer and navigation, as
/// the `<footer>` and `<nav>` elements do: on a page whose only text is such a frame,
/// what is read is nothing (see `chrome::is_all_chrome`). Only the frame's own words:
/// `menu` names a restaurant's menu as often as a site's.
pub const CHROME_NAME_WORDS: &[Phrases] = &[Phrases {
    source: Source::EveryKind,
    why: "a footer or navigation made of `<div>`s, named for what it is",
    phrases: &["footer", "nav", "navbar", "navigation"],
}];

/// Words in class and id names that mark the company of an article's title: furniture
/// around an article, which a reader shows apart, but part of each item in a list of
/// stories, where an item's header holds its title and its teaser and date say what the
/// item is.
#[rustfmt::skip]
pub const TITLE_COMPANY_NAME_WORDS: &[Phrases] = &[
    Phrases {
        source: Source::Benchmark,
        why: "the title's company: its header, which a reader shows apart; in a list, an \
              item's header holds the item's title",
        phrases: HEADING_NAME_WORDS,
    },
    Phrases {
        source: Source::Benchmark,
        why: "the title's company: its standfirst, byline and date, which a reader shows \
              apart",
        phrases: &[
            "standfirst", "dek", "byline", "author", "authors", "bio", "timestamp", "date",
            "dateline", "published", "updated", "meta",
        ],
    },
];

/// The words of [`TITLE_COMPANY_NAME_WORDS`] that name a heading: on a heading itself, or
/// on an element inside one (MediaWiki's `mw-headline`, a theme's `header-anchor-post`),
/// they say what the element is, a heading, and are no furniture (see
/// `walk::named_furniture_by`).
pub const HEADING_NAME_WORDS: &[&str] = &["header", "headline"];

/// Names, one word or two run together, of the details a forum shows beside each poster's
/// name: their rank or title, a banner, how many messages they wrote, when they joined,
/// where they live. The thread is the posts and who wrote them; these are the forum's
/// record of the member, the same on every post of theirs. Two words read as one so that
/// `userTitle`, `usertitle` and `user-title` are alike, and `user` or `title` alone is
/// not taken.
#[rustfmt::skip]
pub const POSTER_DETAIL_NAMES: &[Phrases] = &[Phrases {
    source: Source::EveryKind,
    why: "a poster's rank, banner, counts and profile fields, by the names XenForo \
          (`message-userExtras`; 1.x: `extraUserInfo`), vBulletin (`usertitle`; 4.x: \
          `userinfo_extra`), phpBB (`profile-joined`) and Invision (`cAuthorPane`, the \
          poster's box, whose name and time the post's byline says) give",
    phrases: &[
        "usertitle", "userbanner", "userextras", "extrauser", "userinfoextra",
        "profileposts", "profilejoined", "profilerank", "profilecustom", "profilecontact",
        "authorpane",
    ],
}];

/// Names, one word or two run together, of the element that holds a post's poster's name
/// (`generic::posts`), where the page marks it in its classes alone.
#[rustfmt::skip]
pub const POSTER_NAMES: &[Phrases] = &[Phrases {
    source: Source::EveryKind,
    why: "a post's poster, by the names Invision (`cAuthorPane_author`), phpBB and \
          vBulletin (`username`) give it",
    phrases: &["author", "username"],
}];

/// Words in class and id names of controls: an element so named is furniture while it
/// holds no more than a control's label; one that holds more wraps more than the control
/// (a product card named `cartButton` for the button at its foot).
#[rustfmt::skip]
pub const CONTROL_NAME_WORDS: &[Phrases] = &[Phrases {
    source: Source::EveryKind,
    why: "buttons, by the names pages give them (`btn` is Bootstrap's and many a theme's)",
    phrases: &["button", "btn"],
}];

/// Words in class and id names of a slide: a picture and its caption in a gallery, which
/// a reader leaves out as it does captions; but a carousel's slide may be a card of text
/// (a fabric's name and its five properties), which it reads.
#[rustfmt::skip]
pub const SLIDE_NAME_WORDS: &[Phrases] = &[Phrases {
    source: Source::Benchmark,
    why: "a gallery's slides, a picture and its caption each",
    phrases: &["slide"],
}];

/// Whole blocks (lowercased, punctuation dropped) that are never article text.
#[rustfmt::skip]
pub const FURNITURE_LINES: &[Phrases] = &[
    Phrases {
        source: Source::Benchmark,
        why: "labels, share and follow buttons, promotions and pointers to other stories",
        phrases: &[
            "advertisement", "advert", "ad", "ads", "comments", "comment", "post comment",
            "share", "share this", "share this article", "share this story",
            "sharing is caring", "share tweet submit", "read more", "learn more",
            "continue reading", "continue reading below", "subscribe", "sign up", "close",
            "caption", "highlights", "latest", "popular", "trending", "related", "related news",
            "related articles", "related stories", "recent articles", "popular this week",
            "you may also like", "you might also like", "more stories", "don t miss",
            "see also", "loading content", "text size", "print", "print article",
            "order reprints", "enlarge image", "view author archive", "email the author",
            "follow on twitter", "home", "news", "getty images", "tell us what you think",
        ],
    },
    Phrases {
        source: Source::EveryKind,
        why: "the label of a paid placement among a shop's or a feed's items, the badges a \
              shop pins on a product's card, and a toggle's label",
        phrases: &["sponsored", "top rated", "best seller", "bestseller", "expand description"],
    },
    Phrases {
        source: Source::EveryKind,
        why: "the links that open a page for editing: a wiki's beside each heading \
              (MediaWiki's \"[edit]\"), a documentation site's at the foot of each page, \
              a Q&A site's under each question and answer (Stack Exchange's)",
        phrases: &[
            "edit", "edit source", "edit this page", "edit on github", "improve this page",
            "improve this question", "improve this answer",
        ],
    },
    Phrases {
        source: Source::Indonesian,
        why: "ads, sharing, related stories and comments, and a widget's words",
        phrases: &[
            "iklan", "bagikan", "berita terkait", "baca juga", "komentar",
            "scroll to continue with content",
        ],
    },
];

/// Openings of blocks that point elsewhere, credit a picture or credit the reporting.
#[rustfmt::skip]
pub const FURNITURE_PREFIXES: &[Phrases] = &[
    Phrases {
        source: Source::Benchmark,
        why: "pointers to other stories and pages, picture credits and reporting credits",
        phrases: &[
            "read more:", "read more on", "related:", "related post", "related coverage",
            "see more:", "see also:", "also:", "also on ", "also read", "more:", "don't miss",
            "don’t miss", "recommended:", "click here", "sign up", "subscribe to",
            "get the latest", "follow us", "join our", "like this story", "(image:",
            "(image credit", "image copyright", "image caption", "media caption", "photo:",
            "(photo:", "©", "filed under", "reporting by", "(reporting by",
            "additional reporting", "editing by",
        ],
    },
    Phrases {
        source: Source::Indonesian,
        why: "\"read also\", \"see also\", \"watch also\", and who wrote and edited the piece",
        phrases: &[
            "baca juga", "simak juga", "lihat juga", "tonton juga", "penulis:", "editor:",
            "reporter:",
        ],
    },
];

/// What credits a picture: a caption that carries one is not article text.
#[rustfmt::skip]
pub const CREDIT_MARKERS: &[Phrases] = &[
    Phrases {
        source: Source::Benchmark,
        why: "photo agencies and credit labels in captions",
        phrases: &[
            "(ap photo", "(photo by", "(photo:", "(image:", "(credit:", "(image credit",
            "(picture:", "photo credit", "photograph:", "getty images", "/getty", "| getty",
        ],
    },
    Phrases {
        source: Source::Indonesian,
        why: "\"photo:\" in captions",
        phrases: &["(foto:", "foto:"],
    },
];

/// How a closing note opens when it asks the reader to follow or reach the writer.
#[rustfmt::skip]
pub const CLOSING_CALLS: &[Phrases] = &[
    Phrases {
        source: Source::Benchmark,
        why: "\"follow her on Twitter\", \"email the desk\": the calls that close an article",
        phrases: &[
            "follow ", "email ", "e-mail ", "write to ", "reach ", "contact ", "join ",
            "listen ", "watch ", "like us", "find us", "have a tip",
        ],
    },
    Phrases {
        source: Source::Indonesian,
        why: "\"ikuti berita terkini di Google News\", \"simak berita pilihan di WhatsApp \
              Channel\", \"dapatkan update di Telegram\", \"gabung\": the same calls",
        phrases: &[
            "ikuti ", "simak ", "dapatkan ", "gabung ", "bergabung", "mari bergabung",
            "dengarkan ", "tonton ", "kunjungi ",
        ],
    },
];

/// Where a closing note sends the reader: what makes a call a note, not a sentence.
#[rustfmt::skip]
pub const CLOSING_CHANNELS: &[Phrases] = &[
    Phrases {
        source: Source::Benchmark,
        why: "the channels a closing call names",
        phrases: &[
            "@", "twitter", "facebook", "instagram", "youtube", "http", "www.", "newsletter",
            "podcast",
        ],
    },
    Phrases {
        source: Source::Indonesian,
        why: "the channels Indonesian news sites ask their readers to join",
        phrases: &["whatsapp", "telegram", "google news"],
    },
];

/// Weekday names and clock and zone words; month names are [`crate::sites::months`]'.
#[rustfmt::skip]
pub const DATE_NAMES: &[Phrases] = &[
    Phrases {
        source: Source::Benchmark,
        why: "English weekdays, clock words and time zones in datelines",
        phrases: &[
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "am", "pm",
            "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "et", "pt",
            "ct", "bst", "cet", "hst",
        ],
    },
    Phrases {
        source: Source::Indonesian,
        why: "Indonesian weekdays and the three Indonesian time zones",
        phrases: &[
            "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "wib", "wita",
            "wit",
        ],
    },
];

/// Words that stand around a date in a dateline ("Updated at 1:23 p.m.").
#[rustfmt::skip]
pub const DATE_FILLERS: &[Phrases] = &[
    Phrases {
        source: Source::Benchmark,
        why: "what English datelines say around the date",
        phrases: &[
            "published", "updated", "posted", "modified", "last", "original", "on", "at", "a",
            "p", "m",
        ],
    },
    Phrases {
        source: Source::Indonesian,
        why: "\"at (o'clock)\" and \"updated\"",
        phrases: &["pukul", "diperbarui"],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_says_why_and_matches_lowered_text() {
        for lists in [
            FURNITURE_NAME_WORDS,
            CAPTION_NAME_WORDS,
            CHROME_NAME_WORDS,
            TITLE_COMPANY_NAME_WORDS,
            POSTER_DETAIL_NAMES,
            POSTER_NAMES,
            CONTROL_NAME_WORDS,
            SLIDE_NAME_WORDS,
            OFFER_NAME_WORDS,
            MENU_NAME_WORDS,
            FURNITURE_LINES,
            FURNITURE_PREFIXES,
            CREDIT_MARKERS,
            CLOSING_CALLS,
            CLOSING_CHANNELS,
            DATE_NAMES,
            DATE_FILLERS,
        ] {
            for list in lists {
                assert!(!list.why.is_empty() && !list.phrases.is_empty(), "{list:?}");
                for p in list.phrases {
                    assert_eq!(*p, p.to_lowercase(), "{:?}: {p}", list.source);
                }
            }
        }
    }
}
