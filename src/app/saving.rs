//! `s`: saving (or unsaving) what is in focus. In the reader that is the page on screen;
//! in the list it is the selected headline, whose article is fetched first when it is
//! not the one on screen, and saved when it arrives, or the reason it could not be is
//! said.

use std::sync::Arc;

use super::{App, Focus, Request, RequestId};
use crate::article::{Article, Headline, Site};
use crate::error::Error;

/// Headlines whose article is being fetched to be saved: the request, and the headline.
#[derive(Debug, Default)]
pub struct Saving(Vec<(RequestId, Headline)>);

impl Saving {
    pub fn waits_for(&self, id: RequestId) -> bool {
        self.0.iter().any(|(i, _)| *i == id)
    }

    fn take(&mut self, id: RequestId) -> Option<Headline> {
        let at = self.0.iter().position(|(i, _)| *i == id)?;
        Some(self.0.remove(at).1)
    }
}

impl App {
    pub(super) fn toggle_saved(&mut self, out: &mut Vec<Request>) {
        if !self.settings.store {
            self.status.warn(self.words().needs_store.to_string());
            return;
        }
        let on_screen = self.reader.page().map(|p| Arc::clone(p.article()));
        let target = match self.focus {
            Focus::Reader => on_screen,
            Focus::List => {
                let Some(headline) = self.list().selected().cloned() else {
                    self.status.warn(self.words().nothing_to_save.to_string());
                    return;
                };
                match on_screen {
                    Some(a) if a.url == headline.url => Some(a),
                    _ if self.saved.contains(&headline.url) => Some(Arc::new(stub(headline))),
                    _ => {
                        self.fetch_to_save(headline, out);
                        return;
                    }
                }
            }
        };
        let Some(article) = target else {
            self.status.warn(self.words().nothing_to_save.to_string());
            return;
        };
        let saved = !self.saved.contains(&article.url);
        self.set_saved(article, saved, out);
    }

    fn set_saved(&mut self, article: Arc<Article>, saved: bool, out: &mut Vec<Request>) {
        if saved {
            self.saved.insert(article.url.clone());
        } else {
            self.saved.remove(&article.url);
        }
        out.push(Request::SetSaved { article, saved });
        let w = self.words();
        self.status
            .tell(if saved { w.saved } else { w.unsaved }.to_string());
    }

    fn fetch_to_save(&mut self, headline: Headline, out: &mut Vec<Request>) {
        let id = self.ids.next();
        out.push(Request::Article {
            id,
            url: headline.url.clone(),
            fresh: false,
        });
        let words = format!("{} “{}”…", self.words().saving, headline.title);
        self.status.tell(words);
        self.saving.0.push((id, headline));
    }

    /// The article of a headline being saved arrived, or could not be had: it is saved,
    /// left as unread as it was, or the reason it was not saved is said.
    pub(super) fn saving_arrived(
        &mut self,
        id: RequestId,
        result: Result<Box<Article>, Error>,
        out: &mut Vec<Request>,
    ) {
        let Some(headline) = self.saving.take(id) else {
            return;
        };
        match result {
            Ok(article) => {
                // Fetching marks a page read; saving it for later does not read it.
                if !self.read.contains(&headline.url) {
                    let mut urls = vec![headline.url.clone()];
                    if article.url != headline.url {
                        urls.push(article.url.clone());
                    }
                    out.push(Request::MarkRead { urls, read: false });
                }
                self.saved.insert(headline.url);
                self.set_saved(Arc::from(article), true, out);
            }
            Err(e) => {
                let words = format!("{} “{}”: {e}", self.words().not_saved, headline.title);
                self.status.warn(words);
            }
        }
    }
}

/// A saved headline as the store needs it to unsave it: only its address counts.
fn stub(headline: Headline) -> Article {
    Article {
        url: headline.url,
        title: headline.title,
        published: headline.published,
        authors: Vec::new(),
        editor: None,
        source: None,
        image: None,
        tags: Vec::new(),
        body: Vec::new(),
        related: Vec::new(),
        terkini: Vec::new(),
        site: Site::Generic,
        image_caption: None,
        embeds: Vec::new(),
        photos: Vec::new(),
    }
}
