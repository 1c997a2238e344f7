//! Pages parsed under a budget, counted on the tree html5ever really builds.
//!
//! The HTML parser repairs markup as browsers do, and the repair can cost far more than
//! the source suggests: formatting elements left open are re-created in every later
//! paragraph (K open `<b>` and M paragraphs build K×M elements from K+M tags), and stray
//! end tags make the tree deeper than any count of tags would say. So nothing here
//! estimates from the source. A wrapper around scraper's tree sink counts every node as
//! it is created and the depth of every element as it is attached; the source is fed in
//! small chunks and the parse stops at the first chunk boundary past the budget or the
//! deadline. Between the overrun and that boundary the sink builds nothing more: new
//! elements share one detached node per tag name, and every change to the tree is
//! dropped, so the cost of the rest of the chunk is the tokenizer's alone.
//!
//! The depth seen while building is a guard on the parser's own work (its stack of open
//! elements), not a proof: moving nodes (the adoption agency) can deepen a subtree
//! without an `append`. So the finished tree is measured once more, without recursion,
//! and refused when it is deeper than the budget.

use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::time::{Duration, Instant};

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{self as html, Attribute, QualName, local_name, ns};
use scraper::{Html, HtmlTreeSink};

/// What one page may cost to parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Nodes of every kind: elements, text runs, comments.
    pub nodes: usize,
    /// Elements from the document down to the deepest.
    pub depth: usize,
    /// Time spent in the HTML parser.
    pub time: Duration,
}

/// The budget of every page kabar reads.
///
/// Nodes: the longest real articles (a long Wikipedia-style article, a live blog of
/// thousands of entries) build 60,000–120,000 nodes; 400,000 leaves room for three
/// times that and keeps a page's two trees (ours and the generic extractor's) near
/// 150 MB. Depth: the deepest of the 391 benchmark pages and the real pages is far
/// 51 levels deep; 256 reads anything a site serves while keeping every walk that
/// looks at ancestors cheap. Time: the parser reads a 10 MB page in well under a
/// second; five is for slow machines, not for pages.
pub const PAGE: Budget = Budget {
    nodes: 400_000,
    depth: 256,
    time: Duration::from_secs(5),
};

/// Bytes fed to the parser at a time: the budget and the deadline are looked at between
/// chunks, so this bounds what the parser does after either is passed.
const CHUNK: usize = 1024;

/// Bytes fed at a time to a fragment's parse (a title, a `<noscript>`'s content): the
/// budgets of fragments are small, and what the parser does between passing one and the
/// next chunk boundary is most of their cost. 4 KB of a feed title made of open
/// formatting elements and paragraphs took 4.8 ms with 1 KB chunks.
const FRAGMENT_CHUNK: usize = 128;

/// Which part of the budget a page went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    Nodes(usize),
    Depth(usize),
    Time(Duration),
}

impl fmt::Display for Exceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Exceeded::Nodes(n) => write!(f, "more than {n} elements"),
            Exceeded::Depth(d) => write!(f, "nested more than {d} elements deep"),
            Exceeded::Time(t) => write!(f, "more than {} s to parse", t.as_secs()),
        }
    }
}

/// Parses a whole document within `budget`.
pub fn document(html: &str, budget: &Budget) -> Result<Html, Exceeded> {
    let sink = BoundedSink::new(Html::new_document(), budget);
    run(
        html::parse_document(sink, Default::default()),
        html,
        budget,
        CHUNK,
    )
}

/// Parses a piece of a document (as if inside `<body>`) within `budget`.
pub fn fragment(html: &str, budget: &Budget) -> Result<Html, Exceeded> {
    let sink = BoundedSink::new(Html::new_fragment(), budget);
    let body = QualName::new(None, ns!(html), local_name!("body"));
    let parser = html::parse_fragment(sink, Default::default(), body, Vec::new(), false);
    run(parser, html, budget, FRAGMENT_CHUNK)
}

/// How a parsed tree is built, measured without recursion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The depth of the deepest element.
    pub depth: usize,
    /// The depths of all nodes added up: what one look at every node's ancestors costs,
    /// the work of the walks that score elements by what is around them.
    pub ancestry: usize,
}

pub fn shape(doc: &Html) -> Shape {
    let (mut depth, mut deepest, mut ancestry) = (0usize, 0usize, 0usize);
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => {
                ancestry += depth;
                if n.value().is_element() {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            ego_tree::iter::Edge::Close(n) if n.value().is_element() => depth -= 1,
            _ => {}
        }
    }
    Shape {
        depth: deepest,
        ancestry,
    }
}

fn run(
    mut parser: html::Parser<BoundedSink>,
    source: &str,
    budget: &Budget,
    chunk: usize,
) -> Result<Html, Exceeded> {
    let deadline = Instant::now() + budget.time;
    let mut rest = source;
    while !rest.is_empty() {
        let mut end = rest.len().min(chunk);
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        let (chunk, tail) = rest.split_at(end);
        parser.process(StrTendril::from_slice(chunk));
        rest = tail;
        if let Some(over) = parser.tokenizer.sink.sink.exceeded.get() {
            return Err(over);
        }
        if Instant::now() > deadline {
            return Err(Exceeded::Time(budget.time));
        }
    }
    let sink_over = |p: &html::Parser<BoundedSink>| p.tokenizer.sink.sink.exceeded.get();
    // The end of input closes what is open; that builds nothing new, but says so if it
    // did.
    parser.tokenizer.end();
    if let Some(over) = sink_over(&parser) {
        return Err(over);
    }
    let doc = parser.tokenizer.sink.sink.inner.0.into_inner();
    if shape(&doc).depth > budget.depth {
        return Err(Exceeded::Depth(budget.depth));
    }
    Ok(doc)
}

/// scraper's tree sink, counting what it builds.
struct BoundedSink {
    inner: HtmlTreeSink,
    nodes: Cell<usize>,
    /// The depth of each element when it was attached (the document is 0).
    /// Each element's depth, read for its parent and written as each element is
    /// attached: hashed with foldhash, several times cheaper than std's SipHash for a key
    /// of one word.
    depths: RefCell<foldhash::HashMap<NodeId, usize>>,
    max_nodes: usize,
    max_depth: usize,
    exceeded: Cell<Option<Exceeded>>,
    /// Past the budget: one detached element per tag name, handed out for every new one.
    spare: RefCell<HashMap<QualName, NodeId>>,
}

impl BoundedSink {
    fn new(html: Html, budget: &Budget) -> Self {
        BoundedSink {
            inner: HtmlTreeSink::new(html),
            nodes: Cell::new(0),
            depths: RefCell::default(),
            max_nodes: budget.nodes,
            max_depth: budget.depth,
            exceeded: Cell::new(None),
            spare: RefCell::default(),
        }
    }

    fn over(&self) -> bool {
        self.exceeded.get().is_some()
    }

    /// Counts one more node; false once past the budget.
    fn count(&self) -> bool {
        let n = self.nodes.get() + 1;
        self.nodes.set(n);
        if n > self.max_nodes {
            self.exceeded.set(Some(Exceeded::Nodes(self.max_nodes)));
        }
        !self.over()
    }

    /// The depth of `node` as recorded, else by its ancestors (the document, a template's
    /// contents, nodes moved before they were recorded).
    fn depth_of(&self, node: NodeId) -> usize {
        if let Some(&d) = self.depths.borrow().get(&node) {
            return d;
        }
        let html = self.inner.0.borrow();
        html.tree
            .get(node)
            .map(|n| n.ancestors().filter(|a| a.value().is_element()).count())
            .unwrap_or(0)
    }

    /// Records that `child` now sits under `parent`.
    fn attached(&self, parent: NodeId, child: NodeId) {
        let is_element = self
            .inner
            .0
            .borrow()
            .tree
            .get(child)
            .is_some_and(|n| n.value().is_element());
        if !is_element {
            return;
        }
        let d = self.depth_of(parent) + 1;
        if d > self.max_depth {
            self.exceeded.set(Some(Exceeded::Depth(self.max_depth)));
        }
        self.depths.borrow_mut().insert(child, d);
    }

    /// Whether appending text under `parent` after its last child makes a new node (it
    /// joins the text before it otherwise).
    fn text_is_new(&self, last: Option<NodeId>) -> bool {
        let html = self.inner.0.borrow();
        !last
            .and_then(|id| html.tree.get(id))
            .is_some_and(|n| n.value().is_text())
    }

    fn spare(&self, name: QualName) -> NodeId {
        if let Some(&id) = self.spare.borrow().get(&name) {
            return id;
        }
        let id = self
            .inner
            .create_element(name.clone(), Vec::new(), ElementFlags::default());
        self.spare.borrow_mut().insert(name, id);
        id
    }
}

impl TreeSink for BoundedSink {
    type Output = Html;
    type Handle = NodeId;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, _msg: std::borrow::Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        if !self.count() {
            return self.spare(name);
        }
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        if !self.count() {
            return self.spare(QualName::new(None, ns!(html), local_name!("div")));
        }
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        if !self.count() {
            return self.spare(QualName::new(None, ns!(html), local_name!("div")));
        }
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        if self.over() {
            return;
        }
        match &child {
            NodeOrText::AppendNode(id) => self.attached(*parent, *id),
            NodeOrText::AppendText(_) => {
                let last = self
                    .inner
                    .0
                    .borrow()
                    .tree
                    .get(*parent)
                    .and_then(|p| p.last_child())
                    .map(|c| c.id());
                if self.text_is_new(last) && !self.count() {
                    return;
                }
            }
        }
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self
            .inner
            .0
            .borrow()
            .tree
            .get(*element)
            .is_some_and(|n| n.parent().is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, name: StrTendril, public: StrTendril, system: StrTendril) {
        if self.over() || !self.count() {
            return;
        }
        self.inner.append_doctype_to_document(name, public, system);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        if self.over() {
            return;
        }
        let (parent, prev) = {
            let html = self.inner.0.borrow();
            let node = html.tree.get(*sibling);
            (
                node.and_then(|n| n.parent()).map(|p| p.id()),
                node.and_then(|n| n.prev_sibling()).map(|p| p.id()),
            )
        };
        match &new_node {
            NodeOrText::AppendNode(id) => {
                if let Some(parent) = parent {
                    self.attached(parent, *id);
                }
            }
            NodeOrText::AppendText(_) => {
                if parent.is_some() && self.text_is_new(prev) && !self.count() {
                    return;
                }
            }
        }
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        if !self.over() {
            self.inner.add_attrs_if_missing(target, attrs);
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        if !self.over() {
            self.inner.remove_from_parent(target);
        }
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        if self.over() {
            return;
        }
        let children: Vec<NodeId> = self
            .inner
            .0
            .borrow()
            .tree
            .get(*node)
            .map(|n| n.children().map(|c| c.id()).collect())
            .unwrap_or_default();
        for child in children {
            self.attached(*new_parent, child);
        }
        self.inner.reparent_children(node, new_parent);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small(nodes: usize, depth: usize) -> Budget {
        Budget {
            nodes,
            depth,
            time: Duration::from_secs(60),
        }
    }

    #[test]
    fn ordinary_pages_parse_as_scraper_would() {
        let page = "<html><head><title>t</title></head><body><div><p>a<b>b</b></p>\
                    <!-- c --><ul><li>x<li>y</ul></div></body></html>";
        let ours = document(page, &PAGE).unwrap();
        assert_eq!(ours.html(), Html::parse_document(page).html());
        let long = format!("<p>{}</p>", "kata ".repeat(5_000));
        assert_eq!(
            document(&long, &PAGE).unwrap().html(),
            Html::parse_document(&long).html(),
            "text split across chunks joins into one node"
        );
    }

    #[test]
    fn the_real_depth_counts_not_the_tags() {
        // `<dd>` and `<li>` nest inside each other: the tree is as deep as there are tags.
        let page = "<dd><li>".repeat(300);
        assert_eq!(
            document(&page, &small(100_000, 200)).unwrap_err(),
            Exceeded::Depth(200)
        );
        assert!(document(&page, &small(100_000, 700)).is_ok());
        // Stray end tags close nothing.
        let stray = "<div></x>".repeat(300);
        assert_eq!(
            document(&stray, &small(100_000, 200)).unwrap_err(),
            Exceeded::Depth(200)
        );
    }

    #[test]
    fn re_created_formatting_elements_count() {
        // 50 open formatting elements re-created in each of 100 paragraphs: 5,000
        // elements from 150 tags.
        let open: String = (0..50).map(|i| format!("<b id=b{i}>")).collect();
        let page = format!("<p>{open}x{}", "<p>y".repeat(100));
        assert_eq!(
            document(&page, &small(2_000, 10_000)).unwrap_err(),
            Exceeded::Nodes(2_000)
        );
        let doc = document(&page, &small(10_000, 10_000)).unwrap();
        assert!(doc.tree.nodes().count() > 5_000);
    }

    #[test]
    fn comments_and_text_count_as_nodes() {
        let page = "<!---->".repeat(3_000);
        assert_eq!(
            document(&page, &small(1_000, 100)).unwrap_err(),
            Exceeded::Nodes(1_000)
        );
        let texts = "a<br>".repeat(600);
        assert!(document(&texts, &small(1_000, 100)).is_err());
        assert!(document(&texts, &small(1_300, 100)).is_ok());
    }

    #[test]
    fn depth_is_measured_without_recursion() {
        let page = "<div>".repeat(20_000);
        let doc = Html::parse_document(&page);
        // html, body, and the divs.
        assert_eq!(shape(&doc).depth, 20_002);
        let flat = Html::parse_document("<p>a</p><p>b</p>");
        // html 0; head, body 1; p 2; texts 3.
        assert_eq!(shape(&flat).ancestry, 1 + 1 + 2 + 2 + 3 + 3);
    }

    #[test]
    fn fragments_are_bounded_too() {
        let page = "<span>".repeat(1_000);
        assert_eq!(
            fragment(&page, &small(100_000, 100)).unwrap_err(),
            Exceeded::Depth(100)
        );
        assert!(fragment("<p>a</p>", &PAGE).is_ok());
    }
}
