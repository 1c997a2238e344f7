//! The posts of a thread and who wrote them. A forum thread is its posts and who said what
//! when: each post shows its poster's name and the time it was posted beside its text.
//! Readability removes them with the boxes of links they sit in (the poster's box, the
//! post's permalink), and the walk reads a post as an article, whose byline is shown
//! apart. So the page's posts are found on its tree, and each one's poster and time go
//! in, as a line of their own, before the first block read from the post. When what
//! Readability took is one post (the opening one, which scored best), the thread is read
//! whole.
//!
//! A post is found by its time: the nearest element around a `<time>` that has a sibling
//! that looks like it ([`items::look`]), as a thread's posts do; the thread is the run of
//! such siblings with the most posts. Its poster is what the page marks as the post's
//! author for machines: schema.org's `itemprop="author"` (its `itemprop="name"`, or its
//! text), or the post's own `data-author` (XenForo's); else what its classes name so
//! (`author`, `username`: Invision, phpBB, vBulletin). A time without a poster is a
//! card's or an entry's date, which the walk reads with it.

use std::collections::{HashMap, HashSet};

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use html5ever::local_name;
use scraper::{ElementRef, Html, Node};

use super::cleanup::clean;
use super::phrases::POSTER_NAMES;
use super::walk::{is_named_by, walk};
use super::{Candidate, bare, items};
use crate::article::BlockKind;
use crate::sanitize;
use crate::sites::elements::{attr, selector};

selector!(TIME, "time");

/// Longest poster's name read: a name, not a sentence.
const NAME_MAX_CHARS: usize = 60;

/// Most characters of a poster's name read, with the page's indentation around it.
const NAME_SOURCE_MAX_CHARS: usize = 200;

/// Most nodes of an author's element read for the name in it: a name and the markup
/// around it (a link, an avatar, a badge).
const NAME_NODES: usize = 1_000;

/// Most elements named for a post's poster looked at in a post: its name, its avatar,
/// the box around them, the same again for small screens.
const NAMED_POSTERS: usize = 8;

/// Longest time read: "January 11, 2025, 12:04am", not a paragraph.
const TIME_MAX_CHARS: usize = 40;

/// Most characters of a `<time>`'s text read, with the page's indentation around it.
const TIME_SOURCE_MAX_CHARS: usize = 200;

/// Most `<time>` elements looked at: a thread's page shows a few hundred posts at most,
/// and each time costs a look at its ancestors.
const MAX_TIMES: usize = 10_000;

/// Letters and digits of a block looked for in a post: enough to tell one post's
/// paragraph from another's.
const BLOCK_KEY_CHARS: usize = 80;

/// Letters and digits of the start of a post that its first block is looked for in: the
/// poster's box, the time and the opening of the text. A post's later paragraphs are not
/// there, which is as it should be: only its first block takes the line.
const POST_HEAD_CHARS: usize = 4_000;

/// How many posts from the last one placed a block is looked for in: a post that gave no
/// block (Readability dropped a one-word reply) is passed over, and each block costs a
/// few searches of a post's head at most.
const POSTS_AHEAD: usize = 4;

/// A page's thread: its posts ([`posts`]), found once for the rules that ask.
pub(super) struct Thread<'a> {
    posts: Vec<Post<'a>>,
}

impl<'a> Thread<'a> {
    pub(super) fn of(doc: &'a Html) -> Self {
        Thread { posts: posts(doc) }
    }

    /// The thread, read by the walk, when Readability's pick, `blocks`, lies in one post
    /// of a thread of two or more: it begins and ends in that post and holds no more
    /// letters than the post. Readability took the post that scored best, as it takes an
    /// article, and left the replies.
    pub(super) fn all_posts_if_one_taken(&self, blocks: &[Candidate]) -> Option<Vec<Candidate>> {
        let (first, last) = (blocks.first()?, blocks.last()?);
        if self.posts.len() < 2 {
            return None;
        }
        let (first, last) = (
            bare([first.text.as_str()], BLOCK_KEY_CHARS),
            bare([last.text.as_str()], BLOCK_KEY_CHARS),
        );
        let picked = bare(blocks.iter().map(|b| b.text.as_str()), usize::MAX)
            .chars()
            .count();
        // Each post's text is read once.
        let holds_pick = |p: &Post| {
            let text = bare(own_text(p.el), usize::MAX);
            text.chars().count() >= picked && text.contains(&first) && text.contains(&last)
        };
        if first.is_empty() || !self.posts.iter().any(holds_pick) {
            return None;
        }
        // The posts' parent is the thread, whose furniture is weighed against all of it.
        let thread = self.posts[0].el.parent().and_then(ElementRef::wrap)?;
        Some(clean(walk(thread)))
    }

    /// `blocks`, read from the thread's page, with a line for each post's poster and time
    /// before the first block read from that post.
    pub(super) fn add_bylines(&self, blocks: &mut Vec<Candidate>) {
        let posts = &self.posts;
        if posts.len() < 2 {
            return;
        }
        let heads: Vec<String> = posts
            .iter()
            .map(|p| bare(own_text(p.el), POST_HEAD_CHARS))
            .collect();
        let mut out = Vec::with_capacity(blocks.len() + posts.len());
        // The first post whose line is still to place.
        let mut next = 0;
        for block in std::mem::take(blocks) {
            let key = bare([block.text.as_str()], BLOCK_KEY_CHARS);
            // A block opens the first post whose head holds it, unless every post looked
            // at holds it: a thread's title is repeated in each reply's subject ("Re: …"),
            // a page number is in every post's time.
            let window = next..posts.len().min(next + POSTS_AHEAD);
            let holders: Vec<usize> = if key.is_empty() {
                Vec::new()
            } else {
                window
                    .clone()
                    .filter(|&i| heads[i].contains(&key))
                    .collect()
            };
            let in_every = window.len() >= 2 && holders.len() == window.len();
            if let Some(&i) = holders.first().filter(|_| !in_every) {
                // A post whose own line says who and when (phpBB's "Post by … » …") has
                // one already.
                if !(block.text.contains(&posts[i].poster) && block.text.contains(&posts[i].time)) {
                    out.push(posts[i].byline());
                }
                next = i + 1;
            }
            out.push(block);
        }
        *blocks = out;
    }
}

/// A post found on the page: its element, its poster's name and the text of its time.
struct Post<'a> {
    el: ElementRef<'a>,
    poster: String,
    time: String,
}

impl Post<'_> {
    /// "poster · time", sanitized as any text of the page is.
    fn byline(&self) -> Candidate {
        Candidate {
            kind: BlockKind::Paragraph,
            text: sanitize::block(&format!("{} · {}", self.poster, self.time)),
            link_chars: 0,
            item_title: false,
        }
    }
}

/// The thread's posts, in the order of the page: for each `<time>` outside a quote, the
/// nearest element around it that has a sibling that looks like it, if that element
/// names its poster; each element once, and of all such runs of siblings the one with
/// the most posts.
fn posts(doc: &Html) -> Vec<Post<'_>> {
    let mut looks = Looks::default();
    // Each post found by a time, with the time's text.
    let mut timed = Vec::new();
    let mut ids = HashSet::new();
    for time in doc.select(&TIME).take(MAX_TIMES) {
        // Read no further than a time's length, and the spaces around it, can run to.
        let text: String = time
            .text()
            .flat_map(str::chars)
            .take(TIME_SOURCE_MAX_CHARS)
            .collect();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() || text.chars().count() > TIME_MAX_CHARS {
            continue;
        }
        let mut around = time.ancestors().filter_map(ElementRef::wrap);
        let Some(post) = around.find(|a| a.value().name() == "blockquote" || looks.repeated(*a))
        else {
            continue;
        };
        // A quoted post's time is the quote's.
        if post.value().name() == "blockquote" || !ids.insert(post.id()) {
            continue;
        }
        timed.push((post, text));
    }
    // A post's poster is looked for in the post but for the posts inside it (replies
    // nested under the post they answer), which name their own: each element is looked
    // at for one post at most.
    let mut found: Vec<Post> = timed
        .into_iter()
        .filter_map(|(el, time)| {
            let poster = poster(el, &ids)?;
            Some(Post { el, poster, time })
        })
        .collect();
    // Each run by its parent: how many posts, and where its first stands on the page.
    let mut runs: HashMap<Option<NodeId>, (usize, usize)> = HashMap::new();
    for (at, p) in found.iter().enumerate() {
        runs.entry(p.el.parent().map(|n| n.id()))
            .or_insert((0, at))
            .0 += 1;
    }
    // The run with the most posts; of equals, the first on the page.
    let thread = runs
        .into_iter()
        .max_by_key(|&(_, (n, first))| (n, std::cmp::Reverse(first)))
        .map(|(id, _)| id);
    found.retain(|p| Some(p.el.parent().map(|n| n.id())) == thread);
    found
}

/// How the children of each element look ([`items::look`]), counted once for each element
/// asked about, so that a page of many times costs one pass over each parent's children.
#[derive(Default)]
struct Looks<'a>(HashMap<NodeId, HashMap<(&'a str, &'a str), usize>>);

impl<'a> Looks<'a> {
    /// Whether `el` has a sibling that looks like it.
    fn repeated(&mut self, el: ElementRef<'a>) -> bool {
        let (Some(look), Some(parent)) = (items::look(el), el.parent().and_then(ElementRef::wrap))
        else {
            return false;
        };
        let counts = self.0.entry(parent.id()).or_insert_with(|| {
            let mut counts = HashMap::new();
            for key in parent.child_elements().filter_map(items::look) {
                *counts.entry(key).or_default() += 1;
            }
            counts
        });
        counts.get(&look).is_some_and(|&n| n >= 2)
    }
}

/// The name of the poster of `post`: what the page marks as its author for machines, else
/// what it names so in its classes ([`named_poster`]). The other posts found, `posts`, are
/// not looked into.
fn poster(post: ElementRef, posts: &HashSet<NodeId>) -> Option<String> {
    let marked = own_edges(post, posts)
        .filter_map(|edge| match edge {
            Edge::Open(node) => ElementRef::wrap(node),
            Edge::Close(_) => None,
        })
        .find(|d| {
            attr(d.value(), &local_name!("itemprop"))
                .is_some_and(|p| p.split_ascii_whitespace().any(|w| w == "author"))
        });
    match marked {
        Some(author) => {
            let name = author
                .descendent_elements()
                .take(NAME_NODES)
                .find(|d| attr(d.value(), &local_name!("itemprop")) == Some("name"));
            match name.map(|n| (n, attr(n.value(), &local_name!("content")))) {
                Some((_, Some(content))) => as_name(content),
                Some((n, None)) => as_name(&name_text(n)),
                None => as_name(&name_text(author)),
            }
        }
        None => match post.value().attr("data-author") {
            Some(name) => as_name(name),
            None => named_poster(post, posts),
        },
    }
}

/// The edges of `post`'s subtree but for the other posts, `posts`, inside it and all they
/// hold.
fn own_edges<'a>(
    post: ElementRef<'a>,
    posts: &'a HashSet<NodeId>,
) -> Pruned<'a, impl Fn(NodeRef<'a, Node>) -> bool> {
    pruned(post, move |node| posts.contains(&node.id()))
}

/// The edges of `root`'s subtree but for the nodes under it that `skip` says, and all
/// they hold, which are passed over, not walked through.
fn pruned<'a, F: Fn(NodeRef<'a, Node>) -> bool>(root: ElementRef<'a>, skip: F) -> Pruned<'a, F> {
    Pruned {
        root: *root,
        next: Some(Edge::Open(*root)),
        skip,
    }
}

/// The iterator of [`pruned`].
struct Pruned<'a, F> {
    root: NodeRef<'a, Node>,
    next: Option<Edge<'a, Node>>,
    skip: F,
}

impl<'a, F> Pruned<'a, F> {
    /// The edge after `node` and all it holds.
    fn after(&self, node: NodeRef<'a, Node>) -> Option<Edge<'a, Node>> {
        if node.id() == self.root.id() {
            return None;
        }
        match node.next_sibling() {
            Some(sibling) => Some(Edge::Open(sibling)),
            None => node.parent().map(Edge::Close),
        }
    }
}

impl<'a, F: Fn(NodeRef<'a, Node>) -> bool> Iterator for Pruned<'a, F> {
    type Item = Edge<'a, Node>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let edge = self.next.take()?;
            match edge {
                Edge::Open(node) if node.id() != self.root.id() && (self.skip)(node) => {
                    self.next = self.after(node);
                }
                Edge::Open(node) => {
                    self.next = Some(node.first_child().map_or(Edge::Close(node), Edge::Open));
                    return Some(edge);
                }
                Edge::Close(node) => {
                    self.next = self.after(node);
                    return Some(edge);
                }
            }
        }
    }
}

/// The text that opens `el`, as much of it as a name can be read from: no further than
/// [`NAME_SOURCE_MAX_CHARS`] characters or [`NAME_NODES`] nodes in.
fn name_text(el: ElementRef) -> String {
    el.traverse()
        .take(NAME_NODES)
        .filter_map(|edge| match edge {
            Edge::Open(node) => node.value().as_text().map(|t| &**t),
            Edge::Close(_) => None,
        })
        .flat_map(str::chars)
        .take(NAME_SOURCE_MAX_CHARS)
        .collect()
}

/// `text` with its spaces folded, if it is as short as a name.
fn as_name(text: &str) -> Option<String> {
    let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!name.is_empty() && name.chars().count() <= NAME_MAX_CHARS).then_some(name)
}

/// The poster's name as the post's classes name it: the text of the first element named
/// `author` or `username` (Invision's `cAuthorPane_author`, phpBB's and vBulletin's
/// `username`) to close, of the first few, whose text is a name's length. The first to
/// close is the innermost: phpBB's `author` line holds "by", the name and the time, and
/// the name is its `username`; a box named `author` holds an avatar named so too.
fn named_poster(post: ElementRef, posts: &HashSet<NodeId>) -> Option<String> {
    own_edges(post, posts)
        .filter_map(|edge| match edge {
            Edge::Close(node) => ElementRef::wrap(node),
            Edge::Open(_) => None,
        })
        .filter(|el| {
            el.value()
                .attr("class")
                .is_some_and(|c| is_named_by(c, POSTER_NAMES))
        })
        .take(NAMED_POSTERS)
        .find_map(|el| as_name(&name_text(el)))
}

/// The text of `post` but for its quotes: a reply quotes the post it answers, and the
/// quote's first block is that post's.
fn own_text<'a>(post: ElementRef<'a>) -> impl Iterator<Item = &'a str> {
    let quote = |node: NodeRef<Node>| {
        node.value()
            .as_element()
            .is_some_and(|e| e.name() == "blockquote")
    };
    pruned(post, quote).filter_map(|edge| match edge {
        Edge::Open(node) => node.value().as_text().map(|t| &**t),
        Edge::Close(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::{Candidate, Thread};
    use crate::article::BlockKind;
    use crate::sites::generic::body;

    fn texts(html: &str) -> Vec<String> {
        let url = url::Url::parse("https://forum.example.com/threads/cameras.1/").unwrap();
        body(html, &url).into_iter().map(|b| b.text).collect()
    }

    /// A thread's post as XenForo writes it: the poster's box marked as the author, the
    /// time inside the post's permalink, and the message, which may quote another.
    fn post(n: usize, poster: &str, quote: Option<&str>) -> String {
        let quote = quote.map_or(String::new(), |q| {
            format!(
                r#"<blockquote><div class="quote-title"><a href="/p">someone said:</a></div>
                <div>{q}</div></blockquote>"#
            )
        });
        format!(
            r#"<article class="message" data-author="{poster}">
            <section class="message-user" itemprop="author" itemscope
            itemtype="https://schema.org/Person"><h4 class="message-name"><a href="/members/{n}"
            ><span itemprop="name">{poster}</span></a></h4></section>
            <div class="message-main"><header class="message-attribution"><ul><li>
            <a href="/threads/cameras.1/post-{n}"><time datetime="2024-01-1{n}">Jan 1{n}, 2024
            </time></a></li></ul></header><div class="message-body">{quote}<p>Post {n} by {poster}: what
            they think of carrying a camera instead of a phone, at some length.</p>
            <p>A second paragraph of post {n}, saying a little more about it.</p></div></div>
            </article>"#
        )
    }

    #[test]
    fn each_post_of_a_thread_says_who_wrote_it_and_when() {
        // The second post quotes the end of the first.
        let first = "A second paragraph of post 1, saying a little more about it.";
        let html = format!(
            r#"<html><body><main><h1>Cameras as status symbols</h1><div class="thread">{}{}{}
            </div></main></body></html>"#,
            post(1, "Kevin", None),
            post(2, "Irene", Some(first)),
            post(3, "Marko", None),
        );
        let got = texts(&html);
        let at = |line: &str| {
            got.iter()
                .position(|t| t.starts_with(line))
                .unwrap_or_else(|| panic!("{line}: {got:?}"))
        };
        let mut previous = None;
        for (n, poster) in [(1, "Kevin"), (2, "Irene"), (3, "Marko")] {
            // After the post before it, before its own first paragraph, whatever it quotes.
            let byline = at(&format!("{poster} · Jan 1{n}, 2024"));
            let own = at(&format!("Post {n} by {poster}"));
            assert!(
                previous.is_none_or(|p| p < byline) && byline < own,
                "{got:?}"
            );
            previous = Some(at(&format!("A second paragraph of post {n}")));
        }
    }

    #[test]
    fn a_list_of_stories_with_dates_gets_no_lines() {
        let card = |n| {
            format!(
                r#"<li class="story"><a href="/s{n}">Story {n} of the week, told in a line</a>
                <time datetime="2024-05-0{n}">May {n}, 2024</time>
                <p>What story {n} is about, in a sentence or two of its own.</p></li>"#
            )
        };
        let html = format!(
            "<html><body><main><ul>{}</ul></main></body></html>",
            (1..=5).map(card).collect::<String>()
        );
        let got = texts(&html);
        assert!(!got.iter().any(|t| t.contains(" · ")), "{got:?}");
        assert!(got.iter().any(|t| t.contains("May 3, 2024")), "{got:?}");
    }

    #[test]
    fn a_thread_kept_for_browsers_without_scripts_says_who_wrote_each_post() {
        // Discourse's page: a bare frame for scripts to fill, the thread in `<noscript>`.
        let post = |n: usize, poster: &str| {
            format!(
                r#"<div class="topic-body crawler-post"><div class="crawler-post-meta">
                <span class="creator" itemprop="author"><a href="/u/{poster}"><span
                itemprop="name">{poster}</span></a></span><span class="crawler-post-infos">
                <time datetime="2025-01-1{n}">January 1{n}, 2025</time></span></div>
                <div class="post"><p>Reply {n} from {poster}: the films of the year they liked
                best, and why, at some length.</p></div></div>"#
            )
        };
        let html = format!(
            r#"<html><body><div id="app"></div><noscript>{}{}</noscript></body></html>"#,
            post(1, "Mahaloth"),
            post(2, "peccavi")
        );
        let got = texts(&html);
        let at = |line: &str| got.iter().position(|t| t.starts_with(line));
        for (n, poster) in [(1, "Mahaloth"), (2, "peccavi")] {
            let byline = at(&format!("{poster} · January 1{n}, 2025"));
            let own = at(&format!("Reply {n} from {poster}"));
            assert!(byline.is_some() && byline < own, "{got:?}");
        }
    }

    /// A post as Invision Community writes it: the poster's box (name, group, and a menu of
    /// the parts of their computer, `specs`) named only in its classes, the time under
    /// "Posted".
    fn invision_post(poster: &str, day: usize, paragraphs: &[&str], specs: &[&str]) -> String {
        let text: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
        let specs: String = specs
            .iter()
            .map(|s| format!("<li><h5>Part</h5><div>{s}</div></li>"))
            .collect();
        format!(
            r#"<article class="cPost ipsBox ipsComment ipsComment_parent ipsColumns">
            <aside class="ipsComment_author cAuthorPane ipsColumn"><h3
            class="ipsType_sectionHead cAuthorPane_author"><strong><a href="/profile/{poster}"
            >{poster}</a></strong></h3><ul class="cAuthorPane_info ipsList_reset"><li
            data-role="group">Members</li><li><div class="ipsMenu ipsHide"><ul>{specs}</ul>
            </div></li></ul></aside><div class="ipsColumn ipsColumn_fluid"><div
            class="ipsComment_meta"><a href="/topic/1/#comment-{day}">Posted <time
            datetime="2024-03-{day}T10:00:00Z">March {day}, 2024</time></a></div><div
            class="ipsType_richText" data-role="commentContent">{text}</div></div></article>"#
        )
    }

    #[test]
    fn a_thread_whose_opening_post_readability_took_is_read_whole() {
        let opening = [
            "Not sure if this is the right place for this question, but does anyone know \
             what these two cut-outs in the new case are for? The manual says nothing.",
            "One is on the outside, right below where the power supply sits, and the other \
             on the inside of the bottom panel, where the intake fans are mounted.",
            "They both look very intentional, with a specific purpose. Thanks for any help!",
        ];
        let reply = ["I heard the rear one is for an external connection of lighting hubs."];
        let specs = [
            "Asus Zenith II Extreme",
            "AMD Threadripper 3960X",
            "8x16 Dominator Pro RGB 3466Mhz",
            "nVidia 3090 FE with XG7 Waterblock",
            "HydroX Loop, two XR5 420 and one XR5 280 radiators",
            "K100 Optical with an Iron Claw and an MM800 pad",
            "Corsair MP600 1 TB and a Samsung 870 QVO 8 TB",
            "Three 27-inch 2K screens of various models",
            "Corsair AX1600i in a Corsair 7000X with twelve QL-RGB 140 fans",
        ];
        let html = format!(
            r#"<html><body><main><h1>New 2500X PC Case</h1><div data-role="thread">{}{}</div>
            </main></body></html>"#,
            invision_post("Rabbids", 19, &opening, &[]),
            invision_post("DevBiker", 20, &reply, &specs),
        );
        let got = texts(&html);
        let at = |line: &str| {
            got.iter()
                .position(|t| t.starts_with(line))
                .unwrap_or_else(|| panic!("{line}: {got:?}"))
        };
        // The reply is read, and each post has its line before it.
        let (asked, answered) = (at("Not sure if"), at("I heard the rear one"));
        let (asker, answerer) = (
            at("Rabbids · March 19, 2024"),
            at("DevBiker · March 20, 2024"),
        );
        assert!(
            asker < asked && asked < answerer && answerer < answered,
            "{got:?}"
        );
        // The poster's box is the forum's record of the member, however long beside a
        // one-line reply.
        assert!(!got.iter().any(|t| t.contains("Threadripper")), "{got:?}");
        assert!(!got.iter().any(|t| t == "Members"), "{got:?}");
    }

    #[test]
    fn a_post_that_says_who_wrote_it_gets_no_second_line_and_the_title_none() {
        // phpBB: each reply's subject repeats the thread's title, the author line holds
        // "by", the poster's `username` and the time, and the poster's profile beside.
        let post = |n: usize, poster: &str, subject: &str| {
            format!(
                r##"<div id="p{n}" class="post has-profile bg{}"><div class="inner"><div
                class="postbody"><h3><a href="#p{n}">{subject}</a></h3><p class="author"><a
                class="unread" href="./viewtopic.php?p={n}#p{n}"><i class="icon"></i><span
                class="sr-only">Post</span></a><span class="responsive-hide">by <strong><a
                href="./memberlist.php?u={n}" class="username">{poster}</a></strong>
                » </span><time datetime="2024-09-1{n}T18:36:00+00:00">1{n}. Sep 2024, 18:36</time></p>
                <div class="content">Message {n} from {poster}: what went wrong with the network
                after the upgrade, and what they tried, at some length.</div></div><dl
                class="postprofile"><dt><a href="./memberlist.php?u={n}" class="username"
                >{poster}</a></dt><dd class="profile-posts"><strong>Posts:</strong> 4{n}</dd>
                </dl></div></div>"##,
                n % 2 + 1
            )
        };
        let title = "Discuss the VirtualBox 7.1.0 release here";
        let reply = format!("Re: {title}");
        let html = format!(
            r#"<html><body><div id="page-body"><h2>{title}</h2><div class="topic">{}{}{}{}
            </div></div></body></html>"#,
            post(1, "galitsyn", title),
            post(2, "Simple07", &reply),
            post(3, "ehasis", &reply),
            post(4, "multiOS", &reply),
        );
        let got = texts(&html);
        assert!(got[0].starts_with(title), "{got:?}");
        for (n, poster) in [
            (1, "galitsyn"),
            (2, "Simple07"),
            (3, "ehasis"),
            (4, "multiOS"),
        ] {
            let time = format!("1{n}. Sep 2024, 18:36");
            let says = |t: &String| t.contains(poster) && t.contains(&time);
            let lines: Vec<usize> = (0..got.len()).filter(|&i| says(&got[i])).collect();
            let text = got
                .iter()
                .position(|t| t.starts_with(&format!("Message {n}")));
            assert_eq!(lines.len(), 1, "one line for post {n}: {got:?}");
            assert!(Some(lines[0]) < text, "{got:?}");
        }
        // The poster is the author line's `username`, not the whole line.
        let doc = Html::parse_document(&html);
        let thread = Thread::of(&doc);
        let posters: Vec<&str> = thread.posts.iter().map(|p| p.poster.as_str()).collect();
        assert_eq!(posters, ["galitsyn", "Simple07", "ehasis", "multiOS"]);

        // Where the walk reads the page's own author line, that line is the post's.
        let block = |text: &str| Candidate {
            kind: BlockKind::Paragraph,
            text: text.to_string(),
            link_chars: 0,
            item_title: false,
        };
        let own = "Post by galitsyn » 11. Sep 2024, 18:36";
        let mut blocks = vec![
            block(own),
            block("Message 1 from galitsyn: what went wrong"),
        ];
        thread.add_bylines(&mut blocks);
        let lines: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(lines, [own, "Message 1 from galitsyn: what went wrong"]);
    }

    #[test]
    fn a_post_is_not_named_for_a_reply_inside_it() {
        // Threaded comments: the replies to a comment sit inside it. The first comment
        // names no poster of its own; the name in its reply is the reply's.
        let comment = |poster: &str, day: usize, inside: &str| {
            let name = if poster.is_empty() {
                String::new()
            } else {
                format!(r#"<span class="username">{poster}</span>"#)
            };
            format!(
                r#"<div class="comment">{name}<time>May {day}, 2025</time><p>Comment of the
                {day}th, said at some length.</p>{inside}</div>"#
            )
        };
        let replies = format!(
            r#"<div class="replies">{}{}</div>"#,
            comment("Rina", 2, ""),
            comment("Budi", 3, "")
        );
        let html = format!(
            r#"<html><body><div class="comments">{}{}</div></body></html>"#,
            comment("", 1, &replies),
            comment("Sari", 4, "")
        );
        let doc = Html::parse_document(&html);
        let thread = Thread::of(&doc);
        let posts: Vec<(&str, &str)> = thread
            .posts
            .iter()
            .map(|p| (p.poster.as_str(), p.time.as_str()))
            .collect();
        assert_eq!(posts, [("Rina", "May 2, 2025"), ("Budi", "May 3, 2025")]);
    }
}
