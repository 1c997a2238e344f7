//! Readability's pick, found on the tree kabar already parsed.
//!
//! dom_smoothie works on a dom_query tree. Parsing the page a second time to build one
//! cost as much as kabar's own parse (a third of the extractor's time); the tree is
//! copied from kabar's instead, node by node through dom_query's tree-builder interface,
//! which is several times cheaper than tokenizing the page again.
//!
//! The two trees differ in five ways, on purpose. Each heading's text is wrapped in a
//! `<span>`, so that Readability counts a heading alone in its container as text
//! ([`is_heading`]). A heading's class and id, a row's label's, a section's header's, and
//! any id as long as a heading's slug, go under other names, so that Readability does not
//! remove an element for a furniture word inside a longer name; they get their own names
//! back in the pick ([`hidden_from_readability`]). Utility classes (`overflow-hidden`,
//! `md:…`) are left out of the class Readability weighs, for the same reason
//! ([`without_utilities`]), and so are the names that call a box holding more text than
//! a caption a box of media ([`without_media_names`]). A button that holds a heading, an
//! accordion's header, is a `<div>` ([`is_disclosure`]). And kabar parses as a browser
//! with scripts does, so `<noscript>` holds its markup as text, while dom_query parses as
//! one without, and Readability looks inside `<noscript>` for the images it unwraps. So
//! that text is parsed as markup into the copy, by kabar's bounded parser and within one
//! budget for all of the page's `<noscript>` content ([`NOSCRIPT_BUDGET`]): the page's
//! budget never saw it as markup. A `<noscript>` in the page's `<head>` that holds more
//! than head elements (a tracking pixel's `<img>`) is where the copy and a parse without
//! scripts part: such a parse closes the head there and moves what follows into the body;
//! the copy keeps it in the head, where Readability does not look for the article.
//!
//! What a reader never sees is left out of the copy: scripts (but JSON-LD), style sheets,
//! comments and SVG pictures ([`is_left_out`]). So are, when the caller asks, the frame of
//! the site around the page (its navigation and its footer) and the page's controls
//! ([`Given`]).
//!
//! The pick comes back the same way: copied from Readability's tree into a scraper
//! fragment, not written out as HTML and parsed again. Besides the time, that keeps the
//! tree Readability chose: a second parse, in no-quirks mode, split a quirks-mode page's
//! `<p><table>`.

use std::sync::LazyLock;

use dom_query::{Document, NodeData, NodeRef};
use dom_smoothie::{CandidateSelectMode, Config, Readability};
use ego_tree::iter::Edge;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElementFlags, NodeOrText, TreeSink};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};
use memchr::memmem::Finder;
use scraper::{ElementRef, Html, HtmlTreeSink, Node};

use super::chrome::is_marked_chrome;
use super::walk::{
    CONTROL_TAGS, TextChars, is_disclosure, is_hidden_data, is_phrase, is_preview, is_row_label,
    is_section_header,
};
use crate::sites::dom::Budget;

/// How much of the page Readability is given.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Given {
    /// The page, but for what no reader sees ([`is_left_out`]).
    Whole,
    /// The page's content alone ([`is_frame_or_control`]): without the site's frame
    /// around it and without its controls. No page's text is in them, Readability drops
    /// them from its pick, and on a shop they are many of the page's elements (menus of
    /// every department, a button on every card), which it would score and clean at
    /// every attempt.
    Content,
}

/// The element Readability takes for the article in `doc`, if it finds one, as the root
/// element of a fragment of its own (as if its HTML were parsed as a fragment). `article`:
/// whether the page says it is an article.
///
/// Readability settles on the element that holds the best-scored candidate's neighbours
/// when three of its top candidates, scored close to the best, share it: an article's
/// paragraphs scored in two or three boxes. A page that does not say it is an article (a
/// product, a category, a service) is made of sections of comparable weight (a
/// description, a table of specifications, a grid of items) in one container, and there
/// one such candidate is enough: dom_smoothie's own way of settling, which takes the
/// nearest ancestor shared with any candidate scored three quarters of the best or more
/// (none inside the best), if that ancestor scores more than a third of the best.
pub(super) fn content(doc: &Html, url: &url::Url, given: Given, article: bool) -> Option<Html> {
    let cfg = Config {
        // Class names are the best hint there is to what a caption or a byline is.
        keep_classes: true,
        candidate_select_mode: if article {
            CandidateSelectMode::Readability
        } else {
            CandidateSelectMode::DomSmoothie
        },
        ..Config::default()
    };
    // Readability takes only `scheme://` URLs; for any other (`about:blank`) it goes
    // without, as the URL only serves to resolve links, which the text does not keep. The
    // URL is checked with an empty document; the page goes in after.
    let mut readability =
        Readability::with_document(Document::default(), Some(url.as_str()), Some(cfg.clone()))
            .or_else(|_| Readability::with_document(Document::default(), None, Some(cfg)))
            .ok()?;
    readability.doc = copy(doc, given);
    // Readability leaves its pick in its tree, in the element it gives this id to.
    readability.parse().ok()?;
    let pick = readability.doc.select_single("#readability-page-1");
    pick.nodes().first().map(|&node| fragment_of(node))
}

/// `doc` as a dom_query document, `<noscript>` content parsed as markup.
fn copy(doc: &Html, given: Given) -> Document {
    copy_within(doc, NOSCRIPT_BUDGET.nodes, given)
}

/// [`copy`], the `<noscript>` content building `noscript_nodes` nodes at most.
fn copy_within(doc: &Html, noscript_nodes: usize, given: Given) -> Document {
    let out = Document::default();
    out.set_quirks_mode(doc.quirks_mode);
    let mut copier = Copier {
        out: &out,
        noscript_nodes,
        given,
    };
    copier.subtree(doc.tree.root(), out.get_document(), true);
    out
}

/// What all of a page's `<noscript>` content may build in the copy, together: the budget
/// of every page. The page's own parse sees that content as text, so a formatting bomb
/// inside `<noscript>` (K open `<b>` and M paragraphs, K×M elements) passed its budget;
/// parsed for the copy without one, 45 KB of it took 1.9 GB.
const NOSCRIPT_BUDGET: Budget = crate::sites::dom::PAGE;

/// Copies nodes of kabar's trees into one dom_query document.
struct Copier<'d> {
    out: &'d Document,
    /// Nodes the `<noscript>` content parsed so far leaves to the rest of it.
    noscript_nodes: usize,
    given: Given,
}

impl Copier<'_> {
    /// The children of `root`, and all they hold, copied under `into`. `<noscript>`
    /// text is parsed as markup, as a parse without scripts makes it, when `noscripts`:
    /// not inside content already parsed so, which a parse without scripts does not
    /// read twice.
    fn subtree(&mut self, root: ego_tree::NodeRef<Node>, into: dom_query::NodeId, noscripts: bool) {
        let out = self.out;
        // The copy of each open node, from `into` down; a node that holds nothing
        // (text, a comment) is pushed too, so that every close pops one.
        let mut open = vec![into];
        // The text under the elements named for media, each counted once.
        let mut chars = TextChars::default();
        // The element whose subtree is being left out, if any.
        let mut left_out = None;
        // `root` itself is open already.
        for edge in root.traverse().skip(1) {
            let node = match edge {
                Edge::Open(_) if left_out.is_some() => continue,
                Edge::Close(node) if left_out == Some(node.id()) => {
                    left_out = None;
                    continue;
                }
                Edge::Close(_) if left_out.is_some() => continue,
                Edge::Open(node)
                    if is_left_out(node)
                        || (self.given == Given::Content && is_frame_or_control(node)) =>
                {
                    left_out = Some(node.id());
                    continue;
                }
                Edge::Open(node) => node,
                Edge::Close(node) if node.id() == root.id() => break,
                Edge::Close(node) => {
                    open.pop();
                    if is_heading(node) {
                        open.pop(); // The heading, after its span.
                    }
                    continue;
                }
            };
            let parent = *open.last().expect("`into` stays open to the end");
            let made = match node.value() {
                Node::Document => parent,
                // scraper keeps a template's contents in a fragment under it; dom_query
                // keeps them beside the tree, where Readability does not look.
                Node::Fragment => out.get_template_contents(&parent),
                Node::Doctype(d) => {
                    out.append_doctype_to_document(
                        d.name.clone(),
                        d.public_id.clone(),
                        d.system_id.clone(),
                    );
                    parent
                }
                Node::Comment(c) => {
                    let id = out.create_comment(c.comment.clone());
                    out.append(&parent, NodeOrText::AppendNode(id));
                    id
                }
                Node::ProcessingInstruction(pi) => {
                    let id = out.create_pi(pi.target.clone(), pi.data.clone());
                    out.append(&parent, NodeOrText::AppendNode(id));
                    id
                }
                Node::Text(t) if noscripts && is_noscript(out, parent) => {
                    self.noscript(&t.text, parent);
                    parent
                }
                Node::Text(t) => {
                    out.append(&parent, NodeOrText::AppendText(t.text.clone()));
                    parent
                }
                Node::Element(e) => {
                    let (element, inside) = self.element(node, e, parent, &mut chars);
                    if inside != element {
                        open.push(element); // Closed after what is inside it.
                    }
                    inside
                }
            };
            open.push(made);
        }
    }

    /// `<noscript>` text parsed as markup under `parent`, within what is left of
    /// [`NOSCRIPT_BUDGET`]. Content that passes it is left out, and all the page's
    /// `<noscript>` content after it: each parse that stops at the budget has cost as much
    /// as the budget.
    fn noscript(&mut self, text: &str, parent: dom_query::NodeId) {
        let budget = Budget {
            nodes: self.noscript_nodes,
            ..NOSCRIPT_BUDGET
        };
        let Ok(parsed) = crate::sites::dom::fragment(text, &budget) else {
            self.noscript_nodes = 0;
            return;
        };
        self.noscript_nodes = self
            .noscript_nodes
            .saturating_sub(parsed.tree.nodes().count());
        // A fragment's nodes sit under an `<html>` element of its own.
        self.subtree(*parsed.root_element(), parent, false);
    }

    /// A copy of element `e` (node `node`) appended to `parent`, and the node its
    /// children are copied into: itself, or for a heading a `<span>` of its own
    /// ([`is_heading`]). `chars` counts the text under elements named for media
    /// ([`without_media_names`]). A button that holds a heading, an accordion's header
    /// ([`is_disclosure`]), is copied as the `<div>` it is to a reader: Readability
    /// removes every button from its pick.
    fn element(
        &self,
        node: ego_tree::NodeRef<Node>,
        e: &scraper::node::Element,
        parent: dom_query::NodeId,
        chars: &mut TextChars,
    ) -> (dom_query::NodeId, dom_query::NodeId) {
        let out = self.out;
        let names_hidden = is_heading(node)
            || ElementRef::wrap(node)
                .is_some_and(|el| is_row_label(el) || (names_a_header(e) && is_section_header(el)));
        let attrs = e
            .attrs
            .iter()
            .map(|(name, value)| Attribute {
                name: if names_hidden || (name.local == local_name!("id") && is_phrase(value)) {
                    hidden_from_readability(name)
                } else {
                    name.clone()
                },
                value: if name.local == local_name!("class") {
                    without_media_names(without_utilities(value), node, chars)
                } else {
                    value.clone()
                },
            })
            .collect();
        let mut flags = ElementFlags::default();
        // Only HTML's `<template>` has contents apart (a MathML one is an element like any).
        flags.template = is_html_template(&e.name);
        let name = if ElementRef::wrap(node).is_some_and(is_disclosure) {
            QualName::new(None, ns!(html), local_name!("div"))
        } else {
            e.name.clone()
        };
        let id = out.create_element(name, attrs, flags);
        out.append(&parent, NodeOrText::AppendNode(id));
        if is_heading(node) {
            let span = out.create_element(
                QualName::new(None, ns!(html), local_name!("span")),
                Vec::new(),
                ElementFlags::default(),
            );
            out.append(&id, NodeOrText::AppendNode(span));
            (id, span)
        } else {
            (id, id)
        }
    }
}

/// A class attribute's value without its utility classes, for Readability: those that say
/// how an element looks, not what it is. Readability weighs an element down for its
/// furniture words anywhere in its class, and removes from its pick what weighs too
/// little, so a wrapper that clips its content (`overflow-hidden`, "hidden") or sets where
/// a scroll stops (`scroll-mt-24`, "scroll") went with the prose inside it: a ranking's
/// write-up of each school, a product's description. Classes for a screen size or a state
/// (`md:overflow-hidden`, `print:hidden`) and classes with a value of their own
/// (`max-h-[150px]`) are utilities too: the source's preparation (`source.rs`) drops
/// the first kind from double-quoted class attributes before the parse, and this sees
/// the rest. Most classes have none, and go on as they are.
fn without_utilities(class: &StrTendril) -> StrTendril {
    // Asked of every class on the page: one vectorised search for what all utilities
    // hold, before the class is split into its words.
    static SCROLL: LazyLock<Finder> = LazyLock::new(|| Finder::new("scroll"));
    static OVERFLOW: LazyLock<Finder> = LazyLock::new(|| Finder::new("overflow-"));
    let bytes = class.as_bytes();
    let maybe = memchr::memchr2(b':', b'[', bytes).is_some()
        || SCROLL.find(bytes).is_some()
        || OVERFLOW.find(bytes).is_some();
    if !maybe || !class.split_ascii_whitespace().any(is_utility) {
        return class.clone();
    }
    let kept: Vec<&str> = class
        .split_ascii_whitespace()
        .filter(|c| !is_utility(c))
        .collect();
    StrTendril::from(kept.join(" "))
}

/// `class`, the class of `node`, without the classes that name it for media (`media`
/// anywhere in them, as Readability matches it) when it holds more text than a box of
/// media does ([`MEDIA_TEXT_MAX_CHARS`]). Readability weighs an element so named down
/// as it does furniture: right for a picture's or a player's box, beside the text. But a
/// page names for media the box of what it embeds, and what it embeds may be text: an
/// interactive checklist of twelve services, each with its interval, its price and a
/// paragraph (`cda-media-block`), went with the box. `chars` counts the text under each
/// element once, however many boxes named for media hold it.
fn without_media_names(
    class: StrTendril,
    node: ego_tree::NodeRef<Node>,
    chars: &mut TextChars,
) -> StrTendril {
    let names_media = |c: &[u8]| {
        c.windows(MEDIA.len())
            .any(|w| w.eq_ignore_ascii_case(MEDIA))
    };
    if !names_media(class.as_bytes())
        || ElementRef::wrap(node).is_none_or(|el| chars.of(el) <= MEDIA_TEXT_MAX_CHARS)
    {
        return class;
    }
    let kept: Vec<&str> = class
        .split_ascii_whitespace()
        .filter(|c| !names_media(c.as_bytes()))
        .collect();
    StrTendril::from(kept.join(" "))
}

/// The word of Readability's that names a box of media ([`without_media_names`]).
const MEDIA: &[u8] = b"media";

/// Most bytes of text a box of media holds: a picture's or a player's caption and credit,
/// which run to some 60 words at most (the clean-up's longest caption), or a player's
/// notice ("Media playback is unsupported on your device").
const MEDIA_TEXT_MAX_CHARS: usize = 500;

/// Whether `class` is a utility class holding one of Readability's furniture words: an
/// overflow or scroll utility (Tailwind's and many a framework's), or any class for a
/// screen size, a state or a value of its own (`md:…`, `[…]`).
fn is_utility(class: &str) -> bool {
    const PREFIXES: &[&str] = &["overflow-", "overscroll-", "scroll-", "scrollbar-"];
    class.contains([':', '[']) || PREFIXES.iter().any(|p| class.starts_with(p))
}

/// Whether `name` is HTML's `<template>`, whose contents scraper and dom_query keep apart
/// from its children.
fn is_html_template(name: &QualName) -> bool {
    name.ns == ns!(html) && name.local == local_name!("template")
}

/// Whether `node` is a heading, whose text the copy gives Readability inside a `<span>`.
///
/// Readability drops, as holding nothing useful, a container none of whose paragraphs,
/// spans, list items, cells or other "textish" elements holds text and that has no
/// picture; a heading is not among them. So a container whose text is all in a heading
/// went: every question of an accordion (`<div class="question"><h3>…</h3><i></i></div>`,
/// the answer in the next container), a section's title in a wrapper of its own. Its
/// text in a span, the heading counts as the text it is; nothing else Readability weighs
/// changes, the span being inline and without a name.
fn is_heading(node: ego_tree::NodeRef<Node>) -> bool {
    node.value()
        .as_element()
        .is_some_and(|e| matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
}

/// Whether a class or id of `e` holds "header", as Readability looks for it: anywhere in
/// the name, in any case.
fn names_a_header(e: &scraper::node::Element) -> bool {
    [e.attr("class"), e.id()].into_iter().flatten().any(|name| {
        name.as_bytes()
            .windows(b"header".len())
            .any(|w| w.eq_ignore_ascii_case(b"header"))
    })
}

/// A heading's class and id, under names Readability does not read
/// ([`hidden_from_readability`]), and their own again ([`shown_again`]).
const HIDDEN_NAMES: [(&str, &str); 2] = [("class", "data-kabar-class"), ("id", "data-kabar-id")];

/// `name` of a heading's attribute as the copy gives it to Readability: its class and id
/// under other names; and an id as long as a heading's slug (`sharing-with-a-team`,
/// [`is_phrase`]) under another name on any element: Readability looks for its furniture
/// words anywhere inside a class or id, and among that many words finds one by chance
/// (kabar's walk tells a slug from a long name by the heading it anchors). It removes a
/// heading so named: MediaWiki's `mw-headline` and substack's `header-anchor-post` hold
/// "header", a Tailwind heading's `scroll-mt-24` "scroll", rustdoc's `code-header`
/// "header"; and so the label of a row, a shop's `table__header` beside the value it names
/// ([`is_row_label`]), and the header of a section, a landing page's `gm-header` around a
/// section's heading and its lines ([`is_section_header`]), whose names go under others
/// too. kabar's walk judges the names again, as whole words, once they are back.
fn hidden_from_readability(name: &QualName) -> QualName {
    renamed(name, HIDDEN_NAMES.iter().copied())
}

/// The name a [`hidden_from_readability`] attribute had on the page.
fn shown_again(name: &QualName) -> QualName {
    renamed(
        name,
        HIDDEN_NAMES.iter().map(|&(own, hidden)| (hidden, own)),
    )
}

/// `name` under the name `pairs` give for it (`(from, to)`), if they give one.
fn renamed<'a>(name: &QualName, mut pairs: impl Iterator<Item = (&'a str, &'a str)>) -> QualName {
    match pairs.find(|(from, _)| name.ns == ns!() && &*name.local == *from) {
        Some((_, to)) => QualName::new(None, ns!(), LocalName::from(to)),
        None => name.clone(),
    }
}

/// `root` and what it holds, copied into a new scraper fragment.
fn fragment_of(root: NodeRef) -> Html {
    let sink = HtmlTreeSink::new(Html::new_fragment());
    let html = sink.create_element(
        QualName::new(None, ns!(html), local_name!("html")),
        Vec::new(),
        ElementFlags::default(),
    );
    sink.append(&sink.get_document(), NodeOrText::AppendNode(html));
    // Nodes to copy, each with the copy of its parent, the next one last.
    let mut todo = vec![(root, html)];
    while let Some((node, parent)) = todo.pop() {
        let copied = node.query(|n| match &n.data {
            NodeData::Element(e) => {
                let attrs = e
                    .attrs
                    .iter()
                    .map(|a| Attribute {
                        name: shown_again(&a.name),
                        value: a.value.clone(),
                    })
                    .collect();
                let id = sink.create_element(e.name.clone(), attrs, ElementFlags::default());
                sink.append(&parent, NodeOrText::AppendNode(id));
                // A template's contents go where scraper keeps them, under it.
                if let Some(contents) = e.template_contents {
                    let into = sink.get_template_contents(&id);
                    todo.extend(
                        NodeRef::new(contents, node.tree)
                            .children_it(true)
                            .map(|child| (child, into)),
                    );
                }
                Some(id)
            }
            NodeData::Text { contents } => {
                sink.append(&parent, NodeOrText::AppendText(contents.clone()));
                None
            }
            NodeData::Comment { contents } => {
                let id = sink.create_comment(contents.clone());
                sink.append(&parent, NodeOrText::AppendNode(id));
                None
            }
            // Not found inside an element.
            NodeData::Document
            | NodeData::Fragment
            | NodeData::Doctype { .. }
            | NodeData::ProcessingInstruction { .. } => None,
        });
        if let Some(id) = copied.flatten() {
            todo.extend(node.children_it(true).map(|child| (child, id)));
        }
    }
    sink.finish()
}

/// Whether `node` is left out of Readability's copy: what a reader never sees and kabar's
/// walk never reads. Readability weighs the text under an element, and an icon's title
/// (`<svg><title>Share</title>`) or a script's code would count for the element; it
/// removes scripts, style sheets and comments itself before it weighs anything, but not
/// pictures drawn in SVG. JSON-LD stays: Readability takes the title and byline from it.
/// Emoji drawn as images are characters of the text, not pictures: Readability removes
/// a list or a post with more pictures than paragraphs, and a list of new features with
/// three emoji in its first item is not a gallery. A hidden element of JSON is the page's
/// data for its scripts ([`is_hidden_data`]), and a paragraph drawn as one line cut short
/// is a preview of text shown whole elsewhere ([`is_preview`]); Readability, turning a
/// `<div>` of one paragraph into the paragraph, would drop the names that tell the walk
/// so.
fn is_left_out(node: ego_tree::NodeRef<Node>) -> bool {
    match node.value() {
        Node::Comment(_) => true,
        Node::Element(e) => match e.name() {
            "style" | "svg" => true,
            "img" => e.classes().any(is_emoji_class),
            "script" => !e
                .attr("type")
                .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")),
            _ => ElementRef::wrap(node).is_some_and(|el| is_hidden_data(el) || is_preview(el)),
        },
        _ => false,
    }
}

/// Whether `node` is part of the site's frame, its navigation and its footer
/// ([`is_marked_chrome`]), or a control ([`CONTROL_TAGS`]) other than a field or an
/// accordion's header ([`is_disclosure`]). kabar's walk reads none of them.
fn is_frame_or_control(node: ego_tree::NodeRef<Node>) -> bool {
    ElementRef::wrap(node).is_some_and(|el| {
        let name = el.value().name();
        // Readability counts a block's fields to tell a form from text: they stay.
        (CONTROL_TAGS.contains(&name) && name != "input" && !is_disclosure(el))
            || is_marked_chrome(el)
    })
}

/// The classes forums and blogs give an emoji drawn as an image: WordPress's
/// `wp-smiley` and `emoji`, Discourse's and NodeBB's `emoji`, `emoji-android`.
fn is_emoji_class(class: &str) -> bool {
    class == "wp-smiley"
        || class
            .strip_prefix("emoji")
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'))
}

fn is_noscript(doc: &Document, id: dom_query::NodeId) -> bool {
    doc.tree
        .get_name(&id)
        .is_some_and(|name| name.local == local_name!("noscript"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Readability takes from `html` when it parses the page itself, as kabar reads
    /// it (scraper keeps attributes sorted by name, dom_query in the page's order), each
    /// heading's text in a span as the copy gives it ([`is_heading`]).
    fn parsed_by_readability(html: &str, url: &url::Url) -> String {
        let cfg = Config {
            keep_classes: true,
            ..Config::default()
        };
        let html = with_heading_spans(html);
        let mut readability =
            Readability::new(html.as_str(), Some(url.as_str()), Some(cfg)).unwrap();
        Html::parse_fragment(&readability.parse().unwrap().content).html()
    }

    /// `html` with a `<span>` around the content of each heading: after each `<hN…>` tag,
    /// and before each `</hN>`.
    fn with_heading_spans(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            let b = rest.as_bytes();
            let closing = b.get(1) == Some(&b'/');
            let name = if closing { 2 } else { 1 };
            let heading = b.get(name).is_some_and(|c| c.eq_ignore_ascii_case(&b'h'))
                && b.get(name + 1).is_some_and(|c| (b'1'..=b'6').contains(c))
                && b.get(name + 2)
                    .is_some_and(|c| *c == b'>' || c.is_ascii_whitespace());
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            if heading && closing {
                out.push_str("</span>");
            }
            out.push_str(&rest[..end]);
            if heading && !closing {
                out.push_str("<span>");
            }
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    /// The attribute `name` of the first element of `pick` that `css` selects.
    fn attr_of<'a>(pick: &'a Html, css: &str, name: &str) -> Option<&'a str> {
        let sel = scraper::Selector::parse(css).unwrap();
        pick.select(&sel)
            .next()
            .and_then(|el| el.value().attr(name))
    }

    /// What Readability takes from the copy of kabar's tree of `html`, as kabar reads it.
    fn copied(html: &str, url: &url::Url) -> String {
        content(&Html::parse_document(html), url, Given::Whole, true)
            .unwrap()
            .html()
    }

    #[test]
    fn readability_takes_the_same_from_the_copy_as_from_its_own_parse() {
        let url = url::Url::parse("https://news.example.com/2024/05/story").unwrap();
        let para = "The council met on Tuesday and voted, after a long and heated debate \
                    about the budget, to rebuild the old bridge over the river by next year.";
        // A lazy-loaded picture with its real one in `<noscript>` (Readability puts the
        // real one in its place), a template, comments, a doctype and a form.
        let html = format!(
            r#"<!DOCTYPE html><html><head><title>Bridge</title>
            <meta property="og:title" content="The bridge"></head><body>
            <nav><a href="/">Home</a></nav><!-- a comment -->
            <article class="story"><h1>The bridge</h1><p>{para}</p>
            <figure><img src="data:image/gif;base64,R0lGOD" data-src="lazy.jpg">
            <noscript><img src="bridge.jpg" alt="The bridge"></noscript></figure>
            <template><p>Never shown.</p></template>
            <p>{para}</p><p>{para}</p><form><input name="q"></form></article>
            <footer>Copyright</footer></body></html>"#
        );
        let got = copied(&html, &url);
        assert!(got.contains("bridge.jpg"), "{got}");
        assert_eq!(got, parsed_by_readability(&html, &url));
    }

    #[test]
    fn a_heading_alone_in_its_container_is_kept() {
        // An accordion: each question a heading in a toggle of its own, beside an icon;
        // the answer in the next container.
        let answer = "The free plan covers up to three users, with leads, deals and \
                      contacts, and it has no end date: no trial, and no forced upgrade.";
        let faq: String = (1..=4)
            .map(|n| {
                format!(
                    r#"<div class="item"><div class="toggle"><h3>Question {n}?</h3>
                    <i class="arrow"></i></div><div class="answer"><p>{answer}</p></div></div>"#
                )
            })
            .collect();
        let html = format!(
            r#"<html><body><div class="faq"><h2>Frequently asked questions</h2>{faq}</div>
            </body></html>"#
        );
        let url = url::Url::parse("https://www.example.com/crm").unwrap();
        for given in [Given::Content, Given::Whole] {
            let pick = content(&Html::parse_document(&html), &url, given, true).unwrap();
            let text: String = pick.root_element().text().collect();
            for n in 1..=4 {
                assert!(
                    text.contains(&format!("Question {n}?")),
                    "{given:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn a_heading_named_with_a_furniture_word_inside_its_name_is_kept_with_its_names() {
        // Section headings as rustdoc and a Tailwind site name them: "header" and
        // "scroll" inside longer names, which Readability takes for furniture. The page
        // is long enough for Readability's first try, the one that weighs names.
        let para = "Returns the number of elements in the vector, also referred to as its \
                    length, and never more than its capacity, whatever was pushed before.";
        let html = format!(
            r#"<html><body><article><h1>Vec</h1><p>{para}</p><p>{para}</p>
            <h2 class="scroll-mt-24" id="methods">Methods</h2><p>{para}</p><p>{para}</p>
            <h4 class="code-header">pub fn len(&amp;self) -> usize</h4><p>{para}</p>
            </article></body></html>"#
        );
        let url = url::Url::parse("https://doc.example.com/vec").unwrap();
        let pick = content(&Html::parse_document(&html), &url, Given::Whole, true).unwrap();
        let text: String = pick.root_element().text().collect();
        assert!(text.contains("Methods"), "{text}");
        assert!(text.contains("pub fn len(&self) -> usize"), "{text}");
        // The walk after sees the names the page gave them.
        assert_eq!(attr_of(&pick, "h4", "class"), Some("code-header"));
        let methods = pick
            .select(&scraper::Selector::parse("h2").unwrap())
            .find(|h| h.text().any(|t| t.contains("Methods")))
            .unwrap();
        assert_eq!(methods.value().attr("id"), Some("methods"));
    }

    #[test]
    fn a_rows_label_named_header_is_kept_with_its_name() {
        // A list of specifications whose labels are named as header cells: Readability
        // removes what a class names "header", wherever the word stands, on its first
        // try, the one a page as long as this one passes.
        let para = "The interface records four channels at once, runs on the power of its \
                    cable, and comes with the software to record a first song tonight.";
        let rows: String = ["Form Factor: Desktop", "Weight: 1.78 lbs"]
            .iter()
            .map(|row| {
                let (label, value) = row.split_once(' ').unwrap();
                format!(
                    r#"<li class="table__row"><strong class="table__header">{label}</strong>
                    <span class="table__cell">{value}</span></li>"#
                )
            })
            .collect();
        let html = format!(
            r#"<html><body><article><h1>Audio interface</h1>{}<h2>Tech Specs</h2>
            <ul class="table">{rows}</ul></article></body></html>"#,
            format!("<p>{para}</p>").repeat(5)
        );
        let url = url::Url::parse("https://shop.example.com/interface").unwrap();
        let pick = content(&Html::parse_document(&html), &url, Given::Content, true).unwrap();
        let text: String = pick.root_element().text().collect();
        assert!(text.contains("Form"), "{text}");
        assert_eq!(attr_of(&pick, "strong", "class"), Some("table__header"));
    }

    #[test]
    fn a_sections_header_is_kept_with_its_name() {
        // A landing page's sections, each a header of its own (a heading and the lines
        // under it) beside a picture: Readability removes what a class names "header".
        let para = "Track how your business ranks in the local pack, in organic results and \
                    on the map, then find the words that bring the most visits to its pages.";
        let sections: String = (1..=4)
            .map(|n| {
                format!(
                    r#"<div class="gm-header"><h3>Section {n}</h3><p>{para}</p><p>{para}</p>
                    </div><figure><img src="{n}.png"></figure>"#
                )
            })
            .collect();
        // An opening long enough for Readability's first try, the one that removes them.
        let opening = format!("<p>{para}</p>").repeat(4);
        let html = format!("<html><body><main>{opening}{sections}</main></body></html>");
        let url = url::Url::parse("https://tools.example.com/seo").unwrap();
        let pick = content(&Html::parse_document(&html), &url, Given::Content, false).unwrap();
        let text: String = pick.root_element().text().collect();
        for n in 1..=4 {
            assert!(text.contains(&format!("Section {n}")), "{text}");
        }
        assert_eq!(
            attr_of(&pick, "div.gm-header", "class"),
            Some("gm-header"),
            "{}",
            pick.html()
        );
    }

    #[test]
    fn a_box_named_for_media_that_holds_text_is_text_and_a_pictures_is_not() {
        // An article whose checklist is embedded, in a grid's rows and columns, in the box
        // the site keeps for what it embeds: each item an icon, a name, an interval and a
        // price, and a paragraph, all in `<div>`s.
        let para = "<p>Nothing will do more to make your car last longer than keeping on top \
                    of basic upkeep, and the owner's manual says when each service is due.</p>";
        let grid =
            |inner: &str| format!(r#"<div class="row"><div class="col-12">{inner}</div></div>"#);
        let item = |n| {
            format!(
                r#"<div class="item"><div class="icon"><img src="{n}.png"></div>
                <div class="name">Service {n}</div><div class="interval">
                <div class="writeup"><span class="bold">INTERVAL:</span> {n}0,000 miles</div>
                <div class="writeup"><span class="bold">PRICE:</span> ${n}5-${n}9</div></div>
                <div class="writeup">What service {n} does for the car, why it wears out, and \
                what a shop charges for it, in a few lines of its own.</div></div>"#
            )
        };
        let rows: String = (0..6)
            .map(|k| {
                format!(
                    r#"<div class="checklist-row">{}{}</div>"#,
                    item(2 * k + 1),
                    item(2 * k + 2)
                )
            })
            .collect();
        let checklist = grid(&format!(
            r#"<div class="cda-media-block">{}{}</div>"#,
            grid(""),
            grid(&format!(
                r#"<div class="cda-media-block__visualization">{rows}</div>"#
            ))
        ));
        let picture = r#"<figure class="media"><img src="car.png">
            <span class="media-credit">Illustration: A. Artist</span></figure>"#;
        let html = format!(
            r#"<html><body><div class="contents"><section class="intro">{}</section>{picture}
            <div class="cda-media-block-wrapper">{checklist}</div>
            <div class="text">{}</div></div></body></html>"#,
            grid(&para.repeat(2)),
            para.repeat(2)
        );
        let doc = Html::parse_document(&html);
        let url = url::Url::parse("https://cars.example.com/checklist").unwrap();
        let pick = content(&doc, &url, Given::Content, true).unwrap();
        let text: String = pick.root_element().text().collect();
        for n in 1..=12 {
            assert!(text.contains(&format!("Service {n}")), "{text}");
        }
        // The picture's box holds a credit, as boxes of media do, and is named for it.
        let copy = copy(&doc, Given::Whole);
        assert_eq!(copy.select("figure.media").length(), 1);
    }

    /// `<noscript>` content is parsed as markup for Readability, all of a page's within
    /// one budget; content that passes what is left is left out, and all after it. A
    /// `<noscript>` inside it is not parsed again.
    #[test]
    fn noscript_content_is_parsed_within_one_budget_for_the_page() {
        let noscript = |n: usize| format!("<noscript>{}</noscript>", "<p>kata</p>".repeat(n));
        let html = format!(
            "<html><body>{}{}{}<noscript><noscript><p>x</noscript></body></html>",
            noscript(10),
            noscript(40),
            noscript(10)
        );
        // 10 paragraphs are some 25 nodes with the fragment's own; 40 are over 80.
        let copy = copy_within(&Html::parse_document(&html), 75, Given::Whole);
        let counts: Vec<usize> = copy
            .select("noscript")
            .iter()
            .map(|n| n.select("p").length())
            .collect();
        assert_eq!(counts, [10, 0, 0, 0]);
        let everything = copy_within(
            &Html::parse_document(&html),
            NOSCRIPT_BUDGET.nodes,
            Given::Whole,
        );
        assert_eq!(everything.select("noscript > p").length(), 60);
        let inner = everything.select("noscript noscript");
        assert_eq!(inner.length(), 1);
        assert_eq!(inner.text().as_ref(), "<p>x");
    }

    #[test]
    fn the_copy_leaves_out_what_no_reader_sees() {
        let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle"}</script>
            <script>track()</script><style>p { color: red }</style></head><body><!-- ad slot -->
            <p>Text<a href="/share"><svg><title>Share</title><path d="M0 0"/></svg></a></p>
            </body></html>"#;
        let copy = copy(&Html::parse_document(html), Given::Whole);
        assert_eq!(copy.select("script").length(), 1);
        assert!(copy.select("script").text().contains("NewsArticle"));
        assert_eq!(copy.select("style, svg, title, path").length(), 0);
        assert_eq!(copy.select("p").text().as_ref(), "Text");
        assert!(!copy.html().contains("ad slot"));
    }

    #[test]
    fn readability_is_given_the_content_alone_unless_asked() {
        let para = |what: &str| {
            format!(
                "<p>{what} holds a long paragraph, written at some length, that says what \
                 the part is for and who it is for, as a page's text does.</p>"
            )
        };
        let html = format!(
            "<html><body><nav>{}</nav><article><h1>Story</h1>{}\
             <select><option>Option one of the menu</option></select></article>\
             <footer>{}</footer></body></html>",
            para("The menu").repeat(6),
            para("The story").repeat(2),
            para("The footer").repeat(6),
        );
        let url = url::Url::parse("https://www.example.com/story").unwrap();
        let doc = Html::parse_document(&html);
        let text = |given| -> String {
            content(&doc, &url, given, true)
                .unwrap()
                .root_element()
                .text()
                .collect()
        };
        let content = text(Given::Content);
        assert!(content.contains("The story"), "{content}");
        for left_out in ["The menu", "The footer", "Option one"] {
            assert!(!content.contains(left_out), "{content}");
        }
        // Given the frame, Readability takes its longer text for the page's.
        assert!(text(Given::Whole).contains("The menu"));
    }

    #[test]
    fn a_page_that_is_no_article_is_settled_on_the_container_of_its_sections() {
        let para = |what: &str| {
            format!(
                "<p>The {what} of the kettle, written at some length: what it is made of, \
                 how much it holds, how fast it boils and how it is cleaned.</p>"
            )
        };
        let html = format!(
            r#"<html><body><main><div class="product"><h1>Blue Kettle</h1>
            <div class="col"><h2>Description</h2><div class="tab">{}</div></div>
            <div class="col"><h2>Specification</h2><div class="tab">{}</div></div>
            </div></main></body></html>"#,
            para("description").repeat(3),
            para("specification").repeat(3),
        );
        let url = url::Url::parse("https://shop.example.com/kettle").unwrap();
        let doc = Html::parse_document(&html);
        let text = |article| -> String {
            content(&doc, &url, Given::Content, article)
                .unwrap()
                .root_element()
                .text()
                .collect()
        };
        let page = text(false);
        assert!(page.contains("The description") && page.contains("The specification"));
        // An article's pick stays with the best of its boxes.
        let article = text(true);
        assert!(!(article.contains("The description") && article.contains("The specification")));
    }

    #[test]
    fn real_pages_read_the_same_from_the_copy() {
        let url = url::Url::parse("https://www.example.com/").unwrap();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures/real");
        let mut pages = 0;
        for site in std::fs::read_dir(dir).unwrap().flatten() {
            for page in std::fs::read_dir(site.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let path = page.path();
                if path.extension().is_some_and(|e| e == "html") {
                    let html = std::fs::read_to_string(&path).unwrap();
                    let got = copied(&html, &url);
                    assert!(
                        got == parsed_by_readability(&html, &url),
                        "{}",
                        path.display()
                    );
                    pages += 1;
                }
            }
        }
        assert!(pages >= 6, "{pages} pages in {dir}");
    }

    /// The text of each block the generic extractor reads from `html`.
    fn texts(html: &str, url: &url::Url) -> Vec<String> {
        crate::sites::generic::body(html, url)
            .into_iter()
            .map(|b| b.text)
            .collect()
    }

    #[test]
    fn prose_in_a_wrapper_named_by_utilities_is_read() {
        let url = url::Url::parse("https://colleges.example.com/best-online-mba").unwrap();
        let para = "Online programs let working students finish a degree on their own time, \
                    with the same courses, teachers and career services as on campus.";
        let school = |n: usize| {
            format!(
                r#"<section class="ranking-card"><h3>School {n}</h3>
                <div class="grid overflow-hidden transition-all grid-rows-[0fr]">
                <div class="card-blurb min-h-[150px] md:line-clamp-6"><h4>What sets it apart</h4>
                <p>School {n} lets you graduate in as little as twelve months, with short and
                intensive courses.</p></div></div>
                <div class="data"><span>Tuition</span><span>$9,000</span></div></section>"#
            )
        };
        let schools: String = (1..=5).map(school).collect();
        let html = format!(
            r#"<html><head><title>Best online MBA programs</title></head><body><main>
            <article><h1>Best online MBA programs</h1>{}
            <h2>Top programs</h2><div class="ranking">{schools}</div></article></main>
            </body></html>"#,
            format!("<p>{para}</p>").repeat(8)
        );
        let text = texts(&html, &url);
        for n in 1..=5 {
            let blurb = format!("School {n} lets you graduate in as little as twelve months");
            assert!(
                text.iter().any(|t| t.starts_with(&blurb)),
                "school {n}'s write-up is missing: {text:#?}"
            );
        }
        // A class that names the element keeps its weight: a share box goes.
        let classes = |c: &str| without_utilities(&StrTendril::from(c)).to_string();
        assert_eq!(classes("share-box overflow-hidden md:hidden"), "share-box");
        assert_eq!(classes("entry-content"), "entry-content");
    }

    #[test]
    fn a_section_whose_id_is_its_headings_words_is_read() {
        let url = url::Url::parse("https://docs.example.com/guide/teams").unwrap();
        let para = "Each member of the team sees the same projects, the same history and the \
                    same settings, and changes made by one show for all the others at once.";
        let html = format!(
            r#"<html><head><title>Working as a team</title></head><body><main><article>
            <h1>Working as a team</h1>{}<h2>How to share media with a team</h2>
            <div id="how-to-share-media-with-a-team"><p>Open the library, choose the files
            and press the button to send them, with a note, to the whole team.</p>
            <p>The team sees them in its own library at once.</p></div>
            </article></main></body></html>"#,
            format!("<p>{para}</p>").repeat(8)
        );
        let text = texts(&html, &url);
        assert!(
            text.iter().any(|t| t.starts_with("Open the library")),
            "the section is missing: {text:#?}"
        );
    }

    #[test]
    fn a_template_outside_html_is_an_element_like_any() {
        let url = url::Url::parse("https://news.example.com/2024/05/story").unwrap();
        let para = "The council met on Tuesday and voted, after a long and heated debate \
                    about the budget, to rebuild the old bridge over the river by next year.";
        let paras = format!("<p>{para}</p>").repeat(4);
        // A `<template>` in MathML has no contents apart. The copy gave it some, and
        // copying Readability's pick back asked scraper for them: a panic, and the page
        // could not be read.
        let page = format!(
            "<html><body><article><h1>Bridge</h1>{paras}<p>The sum \
             <math><template><mi>x</mi></template></math> is known.</p>{paras}\
             </article></body></html>"
        );
        let text = texts(&page, &url);
        assert!(
            text.iter().any(|t| t.starts_with("The council met")),
            "{text:#?}"
        );
        assert!(text.iter().any(|t| t.starts_with("The sum")), "{text:#?}");
    }
}
