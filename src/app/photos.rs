//! The photos of the article on screen: which have been asked of the worker, and what
//! came back. Each is asked for once a session, when its line (or, for the lead photo,
//! the top of the article) is on screen.

use std::collections::HashMap;

use crate::picture;
use crate::requests::Request;

/// What is known of one photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoState {
    Loading,
    Ready(picture::Size),
    /// Why it cannot be shown, in words.
    Failed(String),
}

#[derive(Debug, Default)]
pub struct Photos {
    states: HashMap<String, PhotoState>,
}

impl Photos {
    /// The requests for the photos in `urls` not asked for yet, shown in `article`.
    pub fn want<'a>(
        &mut self,
        urls: impl IntoIterator<Item = &'a str>,
        article: &str,
    ) -> Vec<Request> {
        let mut out = Vec::new();
        for url in urls {
            if !self.states.contains_key(url) {
                self.states.insert(url.to_string(), PhotoState::Loading);
                out.push(Request::Photo {
                    url: url.to_string(),
                    article: article.to_string(),
                });
            }
        }
        out
    }

    pub fn arrived(&mut self, url: String, result: Result<picture::Size, String>) {
        let state = match result {
            Ok(size) => PhotoState::Ready(size),
            Err(reason) => PhotoState::Failed(reason),
        };
        self.states.insert(url, state);
    }

    pub fn state(&self, url: &str) -> Option<&PhotoState> {
        self.states.get(url)
    }
}
