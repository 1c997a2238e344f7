//! Subscriptions in and out as OPML, the outline format feed readers exchange them in
//! (read and written by the `opml` crate). Readers nest feeds in folders; every outline
//! with a feed address counts, however deep.

use ::opml::{OPML, Outline};

use crate::config::Source;
use crate::error::Error;

/// The feeds an OPML document lists, in document order, folders flattened: named by the
/// outline's title, else its text, else the address.
pub fn import(text: &str, file: &str) -> Result<Vec<Source>, Error> {
    let doc = OPML::from_str(text).map_err(|e| {
        Error::NoText(format!(
            "{file}: not an OPML list of feeds ({})",
            crate::sanitize::inline(&e.to_string())
        ))
    })?;
    let mut out = Vec::new();
    collect(&doc.body.outlines, &mut out);
    Ok(out)
}

fn collect(outlines: &[Outline], out: &mut Vec<Source>) {
    for outline in outlines {
        if let Some(url) = outline
            .xml_url
            .as_deref()
            .map(crate::sanitize::inline)
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        {
            let clean = |s: Option<&str>| s.map(crate::sanitize::inline).filter(|s| !s.is_empty());
            let (title, text) = (clean(outline.title.as_deref()), clean(Some(&outline.text)));
            // `text` is what a reader shows, so it titles the tab when a `title` names
            // the source apart (kabar's own export writes both).
            let (name, tab) = match (title, text) {
                (Some(title), Some(text)) if title != text => (title, Some(text)),
                (Some(one), _) | (None, Some(one)) => (one, None),
                (None, None) => (url.clone(), None),
            };
            out.push(Source { name, url, tab });
        }
        collect(&outline.outlines, out);
    }
}

/// The sources as an OPML 2.0 document, one outline a feed.
pub fn export(sources: &[Source]) -> String {
    let mut doc = OPML::default();
    if let Some(head) = &mut doc.head {
        head.title = Some("kabar sources".into());
    }
    for source in sources {
        doc.add_feed(source.tab(), &source.url);
        if let Some(last) = doc.body.outlines.last_mut() {
            last.title = Some(source.name.clone());
        }
    }
    let xml = doc.to_string().expect("an outline of strings is XML");
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{xml}\n")
}
