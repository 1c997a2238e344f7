//! The background worker: takes requests from the UI, does the network, parsing and store
//! work, and sends answers back. The UI never waits on it. Network requests each run as
//! their own task, so a slow page does not hold up the next one; store writes run in the
//! order they were asked for, so nothing the user did is lost or reordered.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use chrono::Utc;
use tokio::sync::Semaphore;
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tokio::task::JoinHandle;
use url::Url;

use crate::article::{Article, HeadlinePage};
use crate::error::Error;
use crate::fetch;
use crate::net::Client;
use crate::requests::{Answer, Request};
use crate::store::Store;

/// At most this many pages are fetched at once for offline reading.
const PREFETCH_PARALLEL: usize = 4;

#[derive(Clone)]
pub struct Worker {
    client: Client,
    store: Option<Arc<Mutex<Store>>>,
    offline: bool,
    prefetch: usize,
    answers: UnboundedSender<Answer>,
    prefetch_slots: Arc<Semaphore>,
    /// Articles being stored for offline reading; their number is what the status shows.
    prefetching: Arc<Mutex<HashSet<String>>>,
}

/// Where requests go in, where answers come out, and the worker's task, which ends once
/// the request side is dropped and every store write asked for is done.
pub struct Handle {
    pub requests: UnboundedSender<Request>,
    pub answers: UnboundedReceiver<Answer>,
    pub done: JoinHandle<()>,
}

/// Starts the worker. `store`: the offline store, when it could be opened; `offline`: no
/// request leaves the machine; `prefetch`: how many of a list's top articles to store.
pub fn spawn(client: Client, store: Option<Store>, offline: bool, prefetch: usize) -> Handle {
    let (req_tx, mut req_rx) = unbounded_channel::<Request>();
    let (ans_tx, ans_rx) = unbounded_channel();
    let worker = Worker {
        client,
        store: store.map(|s| Arc::new(Mutex::new(s))),
        offline,
        prefetch,
        answers: ans_tx,
        prefetch_slots: Arc::new(Semaphore::new(PREFETCH_PARALLEL)),
        prefetching: Arc::default(),
    };
    let done = tokio::spawn(async move {
        while let Some(request) = req_rx.recv().await {
            worker.handle(request).await;
        }
    });
    Handle {
        requests: req_tx,
        answers: ans_rx,
        done,
    }
}

impl Worker {
    async fn handle(&self, request: Request) {
        match request {
            Request::Article { id, url, fresh } => {
                let w = self.clone();
                tokio::spawn(async move {
                    let answer = w.article(id, url, fresh).await;
                    let _ = w.answers.send(answer);
                });
            }
            Request::Headlines { id, url, append } => {
                let w = self.clone();
                tokio::spawn(async move { w.headlines(id, url, append).await });
            }
            Request::Saved { id } => {
                let list = self.with_store(|s| s.saved()).await.unwrap_or_default();
                let list = list
                    .into_iter()
                    .map(|s| s.article.into_headline())
                    .collect();
                let _ = self.answers.send(Answer::Saved { id, list });
            }
            Request::MarkRead { urls, read } => {
                let now = Utc::now();
                self.write(move |s| {
                    if read {
                        s.set_all_read(&urls, now)
                    } else {
                        urls.iter().try_for_each(|u| s.set_read(u, false, now))
                    }
                })
                .await;
            }
            Request::SetSaved { article, saved } => {
                self.write(move |s| s.set_saved(&article, saved, Utc::now()))
                    .await;
            }
            Request::SavePosition { url, line } => {
                self.write(move |s| s.set_position(&url, line)).await;
            }
            Request::OpenInBrowser { url } => open_in_browser(&url),
            // The terminal handles the clipboard; nothing to do here.
            Request::Copy { .. } => {}
        }
    }

    /// Runs `job` on the store off the async threads; `None` without a store or on error
    /// (the error is reported as a notice: the reader goes on without the store).
    async fn with_store<T: Send + 'static>(
        &self,
        job: impl FnOnce(&Store) -> Result<T, crate::store::StoreError> + Send + 'static,
    ) -> Option<T> {
        let store = self.store.clone()?;
        let result = tokio::task::spawn_blocking(move || {
            let guard = store.lock().unwrap_or_else(|p| p.into_inner());
            job(&guard)
        })
        .await
        .ok()?;
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                tracing::error!("store: {e}");
                let _ = self.answers.send(Answer::Notice(format!("store: {e}")));
                None
            }
        }
    }

    async fn write(
        &self,
        job: impl FnOnce(&Store) -> Result<(), crate::store::StoreError> + Send + 'static,
    ) {
        self.with_store(job).await;
    }

    async fn article(&self, id: u64, url: String, fresh: bool) -> Answer {
        let key = url.clone();
        let stored = if fresh {
            None
        } else {
            self.with_store(move |s| s.article(&key)).await.flatten()
        };
        let result = match stored {
            Some(article) => Ok(article),
            None if self.offline => Err(Error::Offline(url.clone())),
            None => self.fetch_and_store(&url).await,
        };
        let (position, saved) = match &result {
            Ok(article) => {
                let (key, canonical) = (url.clone(), article.url.clone());
                let now = Utc::now();
                self.with_store(move |s| {
                    s.set_read(&canonical, true, now)?;
                    let position = match s.position(&canonical)? {
                        Some(p) => Some(p),
                        None => s.position(&key)?,
                    };
                    Ok((position.unwrap_or(0), s.is_saved(&canonical)?))
                })
                .await
                .unwrap_or((0, false))
            }
            Err(_) => (0, false),
        };
        Answer::Article {
            id,
            result: result.map(Box::new),
            position,
            saved,
        }
    }

    async fn fetch_and_store(&self, url: &str) -> Result<Article, Error> {
        let parsed = Url::parse(url).map_err(|e| Error::BadAddress {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
        let article = fetch::article(&self.client, &parsed).await?;
        let (key, copy) = (url.to_string(), article.clone());
        let now = Utc::now();
        self.write(move |s| {
            s.put_article(&key, &copy, now)?;
            if copy.url != key {
                s.put_article(&copy.url, &copy, now)?;
            }
            Ok(())
        })
        .await;
        Ok(article)
    }

    async fn headlines(&self, id: u64, url: String, append: bool) {
        let key = url.clone();
        let fetched = if self.offline {
            let stored = self.with_store(move |s| s.headlines(&key)).await.flatten();
            stored
                .map(|l| {
                    (
                        HeadlinePage {
                            headlines: l.headlines,
                            next: l.next,
                        },
                        l.fetched_at,
                    )
                })
                .ok_or_else(|| Error::Offline(url.clone()))
        } else {
            match Url::parse(&url) {
                Ok(u) => fetch::headlines(&self.client, &u)
                    .await
                    .map(|page| (page, Utc::now())),
                Err(e) => Err(Error::BadAddress {
                    url: url.clone(),
                    reason: e.to_string(),
                }),
            }
        };
        let (result, fetched_at, read) = match fetched {
            Ok((page, at)) => {
                let urls: Vec<String> = page.headlines.iter().map(|h| h.url.clone()).collect();
                if !self.offline && !append {
                    let (key, list, next) =
                        (url.clone(), page.headlines.clone(), page.next.clone());
                    self.write(move |s| s.put_headlines(&key, &list, next.as_deref(), at))
                        .await;
                    self.prefetch(urls.iter().take(self.prefetch).cloned().collect());
                }
                let read = self
                    .with_store(move |s| s.read_among(&urls))
                    .await
                    .unwrap_or_default();
                (Ok(page), at, read)
            }
            Err(e) => (Err(e), Utc::now(), HashSet::new()),
        };
        let _ = self.answers.send(Answer::Headlines {
            id,
            result,
            fetched_at,
            read,
        });
    }

    /// Stores the articles of `urls` that the store lacks, a few at a time, in the
    /// background, so opening them is instant and works offline later.
    fn prefetch(&self, urls: Vec<String>) {
        let w = self.clone();
        tokio::spawn(async move {
            let asked = urls.clone();
            let stored = w.with_store(move |s| s.stored_among(&asked)).await;
            let Some(stored) = stored else { return };
            let todo: Vec<String> = {
                let mut inflight = w.prefetching.lock().unwrap_or_else(|p| p.into_inner());
                let todo: Vec<String> = urls
                    .into_iter()
                    .filter(|u| !stored.contains(u) && inflight.insert(u.clone()))
                    .collect();
                // Counts are sent under the lock, so they arrive in the order they changed.
                if !todo.is_empty() {
                    let _ = w.answers.send(Answer::Prefetching(inflight.len()));
                }
                todo
            };
            for url in todo {
                let w = w.clone();
                tokio::spawn(async move {
                    let Ok(_permit) = w.prefetch_slots.clone().acquire_owned().await else {
                        return;
                    };
                    if let Err(e) = w.fetch_and_store(&url).await {
                        tracing::info!("prefetch of {url} failed: {e}");
                    }
                    let mut inflight = w.prefetching.lock().unwrap_or_else(|p| p.into_inner());
                    inflight.remove(&url);
                    let _ = w.answers.send(Answer::Prefetching(inflight.len()));
                });
            }
        });
    }
}

/// Hands an http(s) address to the system's opener (or `$BROWSER`) as one argument: no
/// shell ever sees it, so nothing in it can run as a command.
fn open_in_browser(url: &str) {
    let Ok(parsed) = Url::parse(url) else { return };
    if !matches!(parsed.scheme(), "http" | "https") {
        return;
    }
    let (opener, before) = match std::env::var("BROWSER") {
        Ok(browser) => (browser, &[][..]),
        Err(_) => {
            let (program, before) = SYSTEM_OPENER;
            (program.to_string(), before)
        }
    };
    let spawned = std::process::Command::new(&opener)
        .args(before)
        .arg(parsed.as_str())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = spawned {
        tracing::warn!("cannot start {opener}: {e}");
    }
}

/// The program that opens an address in the default browser, and its arguments before
/// the address. On Windows, `rundll32 url.dll,FileProtocolHandler` takes the address as
/// one argument (`cmd /C start` would hand it to a shell, and `explorer` splits at
/// commas).
#[cfg(windows)]
const SYSTEM_OPENER: (&str, &[&str]) = ("rundll32", &["url.dll,FileProtocolHandler"]);
#[cfg(target_os = "macos")]
const SYSTEM_OPENER: (&str, &[&str]) = ("open", &[]);
#[cfg(not(any(windows, target_os = "macos")))]
const SYSTEM_OPENER: (&str, &[&str]) = ("xdg-open", &[]);
