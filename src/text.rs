//! The plain-text face of an article and of a headline list, for `kabar read` and
//! `kabar headlines` without `--json`: wrapped to the terminal, links numbered the way the
//! reader numbers them.

use std::fmt::Write;

use chrono::{DateTime, Datelike, FixedOffset};

use crate::article::{
    Article, BlockKind, Headline, Hit, NumberedLink, PHOTO_MARK, PHOTOS_GROUP, shown_in_text,
};

/// `24 November 2026, 19:30 WIB`: the way Kompas readers read dates, in Jakarta time
/// whatever offset the page gave.
pub fn date_long(t: &DateTime<FixedOffset>) -> String {
    let wib = t.with_timezone(&crate::sites::wib());
    format!(
        "{} {} {}, {} WIB",
        wib.day(),
        crate::sites::months::name(wib.month0()),
        wib.year(),
        wib.format("%H:%M")
    )
}

/// The meta line under a title: date, authors, source.
pub fn meta_line(a: &Article) -> String {
    let mut parts = Vec::new();
    if let Some(t) = &a.published {
        parts.push(date_long(t));
    }
    if !a.authors.is_empty() {
        parts.push(a.authors.join(", "));
    }
    if let Some(s) = &a.source {
        parts.push(format!("Sumber: {s}"));
    }
    parts.join(" · ")
}

/// An article as plain text, `width` columns wide.
pub fn article(a: &Article, width: usize) -> String {
    let width = width.max(20);
    let mut out = String::new();
    for line in textwrap::wrap(&a.title, width) {
        let _ = writeln!(out, "{line}");
    }
    // The lines under the title, as the reader shows them.
    let caption = a.image_caption.as_ref().map(|c| format!("Foto: {c}"));
    let editor = a.editor.as_ref().map(|e| format!("Editor: {e}"));
    let tags = (!a.tags.is_empty()).then(|| format!("Tag: {}", a.tags.join(" · ")));
    let meta = Some(meta_line(a)).filter(|m| !m.is_empty());
    for line in [meta, caption, editor, tags].into_iter().flatten() {
        for line in textwrap::wrap(&line, width) {
            let _ = writeln!(out, "{line}");
        }
    }
    let _ = writeln!(out, "{}", a.url);
    let mut in_text = a.links_in_text().into_iter().peekable();
    for (i, block) in a.body.iter().enumerate() {
        while let Some((_, link)) = in_text.next_if(|(at, _)| *at <= i) {
            link_in_text(&mut out, &link, width);
        }
        out.push('\n');
        let (first, rest) = match block.kind {
            BlockKind::Paragraph | BlockKind::Heading => ("", ""),
            BlockKind::ListItem => ("  • ", "    "),
            BlockKind::Quote => ("  │ ", "  │ "),
        };
        let text = if block.kind == BlockKind::Heading {
            block.text.to_uppercase()
        } else {
            block.text.clone()
        };
        let opts = textwrap::Options::new(width)
            .initial_indent(first)
            .subsequent_indent(rest);
        for line in textwrap::wrap(&text, opts) {
            let _ = writeln!(out, "{line}");
        }
    }
    for (_, link) in in_text {
        link_in_text(&mut out, &link, width);
    }
    let mut group = "";
    // Those in the text are printed there, not again under it.
    for link in a.numbered_links().filter(|l| !shown_in_text(l.group)) {
        if link.group != group {
            group = link.group;
            let _ = write!(out, "\n{group}\n");
        }
        let opts = textwrap::Options::new(width).subsequent_indent("    ");
        for line in textwrap::wrap(&link.text(), opts) {
            let _ = writeln!(out, "{line}");
        }
        let _ = writeln!(out, "    {}", link.url);
    }
    out
}

/// A video, post or photo where it sits in the text, set off by a blank line: its mark
/// and number with the address (`[video] [8] https://…`), or a photo's caption with its
/// address under it.
fn link_in_text(out: &mut String, link: &NumberedLink<'_>, width: usize) {
    out.push('\n');
    let opts = textwrap::Options::new(width).subsequent_indent("    ");
    for line in textwrap::wrap(&link.in_text(PHOTO_MARK), opts) {
        let _ = writeln!(out, "{line}");
    }
    // A caption says nothing of where the photo is.
    if link.group == PHOTOS_GROUP {
        let _ = writeln!(out, "    {}", link.url);
    }
}

/// A headline list as plain text: a numbered title per entry, then its label, time and
/// address.
pub fn headlines(list: &[Headline], width: usize) -> String {
    entries(list.iter().map(|h| (h, None)), list.len(), width)
}

/// Search hits as plain text: each as a headline, with the matching passage under it.
pub fn hits(list: &[Hit], width: usize) -> String {
    entries(
        list.iter()
            .map(|h| (&h.headline, Some(h.snippet.text.as_str()))),
        list.len(),
        width,
    )
}

fn entries<'a>(
    list: impl Iterator<Item = (&'a Headline, Option<&'a str>)>,
    count: usize,
    width: usize,
) -> String {
    let width = width.max(20);
    let mut out = String::new();
    let digits = count.to_string().len();
    let indent = " ".repeat(digits + 2);
    for (i, (h, passage)) in list.enumerate() {
        let opts = textwrap::Options::new(width).subsequent_indent(&indent);
        let head = format!("{:>digits$}. {}", i + 1, h.title);
        for line in textwrap::wrap(&head, opts) {
            let _ = writeln!(out, "{line}");
        }
        let mut meta = Vec::new();
        if let Some(l) = &h.label {
            meta.push(l.clone());
        }
        if let Some(t) = &h.published {
            meta.push(date_long(t));
        }
        if !meta.is_empty() {
            let _ = writeln!(out, "{indent}{}", meta.join(" · "));
        }
        if let Some(passage) = passage {
            let opts = textwrap::Options::new(width)
                .initial_indent(&indent)
                .subsequent_indent(&indent);
            for line in textwrap::wrap(passage, opts) {
                let _ = writeln!(out, "{line}");
            }
        }
        let _ = writeln!(out, "{indent}{}", h.url);
    }
    out
}
