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
use crate::fetch::{self, Listed};
use crate::net::{Client, Validators};
use crate::picture;
use crate::requests::{Answer, Request};
use crate::store::{ListValidators, Store};

mod timeline;
mod viewer;

pub use timeline::{TIMELINE_URL, TimelineSource};

/// At most this many pages are fetched at once for offline reading.
const PREFETCH_PARALLEL: usize = 4;

/// What the timeline had not heard from when it was answered: the sources still loading
/// (each name with its refresh), and those that had failed.
#[derive(Default)]
struct Late {
    loading: Vec<(String, JoinHandle<Result<HeadlinePage, Error>>)>,
    failed: Vec<(String, Option<String>)>,
}

#[derive(Clone)]
pub struct Worker {
    client: Client,
    store: Option<Arc<Mutex<Store>>>,
    offline: bool,
    prefetch: usize,
    /// The `browser` command of the config, when it has one.
    browser: Option<String>,
    answers: UnboundedSender<Answer>,
    prefetch_slots: Arc<Semaphore>,
    /// Articles being stored for offline reading; their number is what the status shows.
    prefetching: Arc<Mutex<HashSet<String>>>,
    /// What [`TIMELINE_URL`] merges, in order.
    timeline: Arc<Vec<TimelineSource>>,
    /// The stored photos written out for the viewer.
    viewer_files: Arc<viewer::ViewerFiles>,
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
    spawn_with_browser(client, store, offline, prefetch, None)
}

/// [`spawn`], with the config's `browser` command for `o` (None: `$BROWSER`, else the
/// platform's opener).
pub fn spawn_with_browser(
    client: Client,
    store: Option<Store>,
    offline: bool,
    prefetch: usize,
    browser: Option<String>,
) -> Handle {
    spawn_with_timeline(client, store, offline, prefetch, browser, Vec::new())
}

/// [`spawn_with_browser`], with the sources the "Semua" timeline ([`TIMELINE_URL`])
/// merges, Kompas's first section among them.
pub fn spawn_with_timeline(
    client: Client,
    store: Option<Store>,
    offline: bool,
    prefetch: usize,
    browser: Option<String>,
    timeline: Vec<TimelineSource>,
) -> Handle {
    let (req_tx, mut req_rx) = unbounded_channel::<Request>();
    let (ans_tx, ans_rx) = unbounded_channel();
    let worker = Worker {
        client,
        store: store.map(|s| Arc::new(Mutex::new(s))),
        offline,
        prefetch,
        browser,
        answers: ans_tx,
        prefetch_slots: Arc::new(Semaphore::new(PREFETCH_PARALLEL)),
        prefetching: Arc::default(),
        timeline: Arc::new(timeline),
        viewer_files: Arc::default(),
    };
    let done = tokio::spawn(async move {
        while let Some(request) = req_rx.recv().await {
            worker.handle(request).await;
        }
        worker.viewer_files.close();
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
            Request::SearchStore { id, query } => {
                let w = self.clone();
                tokio::spawn(async move { w.search_store(id, query).await });
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
            Request::OpenInBrowser { url } => {
                open_in_browser(&url, self.browser.as_deref(), self.answers.clone())
            }
            Request::OpenPhoto { url } => {
                let w = self.clone();
                tokio::spawn(async move { w.open_photo(url).await });
            }
            Request::Photo { url, article } => {
                let w = self.clone();
                tokio::spawn(async move {
                    let result = w.photo(&url, article).await.map(|pixels| {
                        let size = picture::Size {
                            width: pixels.width(),
                            height: pixels.height(),
                        };
                        let pixels = Arc::new(pixels);
                        let _ = w.answers.send(Answer::Pixels {
                            url: url.clone(),
                            pixels,
                        });
                        size
                    });
                    let _ = w.answers.send(Answer::Photo { url, result });
                });
            }
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
                let _ = self.answers.send(Answer::Notice(e.to_string()));
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

    /// The photo at `url`, from the store or else the network, decoded whole off the
    /// async threads within the limits of [`picture`] (a truncated file fails here, not
    /// on screen); a fetched one that passes is stored with its article.
    async fn photo(&self, url: &str, article: String) -> Result<image::RgbaImage, String> {
        let key = url.to_string();
        let stored = self.with_store(move |s| s.photo(&key)).await.flatten();
        let fetched = stored.is_none();
        let file = match stored {
            Some(file) => file,
            None if self.offline => return Err(Error::Offline(url.to_string()).to_string()),
            None => {
                let parsed = Url::parse(url).map_err(|e| e.to_string())?;
                self.client
                    .get_photo(&parsed)
                    .await
                    .map_err(|e| e.to_string())?
            }
        };
        let (file, pixels) = tokio::task::spawn_blocking(move || {
            let pixels = picture::decode(&file);
            (file, pixels)
        })
        .await
        .map_err(|e| e.to_string())?;
        let pixels = pixels?;
        if fetched {
            let key = url.to_string();
            self.write(move |s| s.put_photo(&key, &article, &file, Utc::now()))
                .await;
        }
        Ok(pixels)
    }

    /// Hands the photo at `url` to the viewer: its stored file, written out, when the
    /// store has it; else its address, unless offline, when a notice says it is not kept.
    async fn open_photo(&self, url: String) {
        let key = url.clone();
        let stored = self.with_store(move |s| s.photo(&key)).await.flatten();
        let answers = self.answers.clone();
        let Some(bytes) = stored else {
            if self.offline {
                let words = format!("offline, and this photo is not stored: {url}");
                let _ = answers.send(Answer::Notice(words));
            } else {
                open_in_browser(&url, self.browser.as_deref(), answers);
            }
            return;
        };
        let (files, browser) = (self.viewer_files.clone(), self.browser.clone());
        let _ = tokio::task::spawn_blocking(move || match files.write(&url, &bytes) {
            Ok(path) => launch(&path.to_string_lossy(), browser.as_deref(), answers),
            Err(e) => {
                let _ = answers.send(Answer::Notice(format!("cannot open the photo: {e}")));
            }
        })
        .await;
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
        // Sources of the timeline not heard from when it is answered.
        let mut late = Late::default();
        let fetched = if self.offline && url == TIMELINE_URL {
            self.stored_timeline()
                .await
                .map(|page| (page, Utc::now(), None))
        } else if self.offline {
            let stored = self.with_store(move |s| s.headlines(&key)).await.flatten();
            stored
                .map(|l| {
                    (
                        HeadlinePage {
                            headlines: l.headlines,
                            next: l.next,
                        },
                        l.fetched_at,
                        None,
                    )
                })
                .ok_or_else(|| Error::Offline(url.clone()))
        } else {
            match Url::parse(&url) {
                Ok(_) if url == TIMELINE_URL => self
                    .timeline(id, &mut late)
                    .await
                    .map(|page| (page, Utc::now(), None)),
                Ok(u) if append => fetch::headlines(&self.client, &u)
                    .await
                    .map(|page| (page, Utc::now(), None)),
                Ok(u) => self
                    .refresh_list(&u)
                    .await
                    .map(|(page, validators)| (page, Utc::now(), validators)),
                Err(e) => Err(Error::BadAddress {
                    url: url.clone(),
                    reason: e.to_string(),
                }),
            }
        };
        let (result, fetched_at, read) = match fetched {
            Ok((page, at, validators)) => {
                let urls: Vec<String> = page.headlines.iter().map(|h| h.url.clone()).collect();
                if !self.offline && !append {
                    self.store_list(&url, &page, at, validators).await;
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
        if !late.loading.is_empty() {
            self.catch_up(late);
        }
    }

    /// Waits for the sources of the timeline that were still loading (each stores its
    /// list when it comes), then answers the timeline again from the store, naming those
    /// that failed, before or since.
    fn catch_up(&self, late: Late) {
        let w = self.clone();
        tokio::spawn(async move {
            let mut lagging = late.failed;
            for (name, task) in late.loading {
                match task.await {
                    Ok(Ok(_)) => {}
                    Ok(Err(e)) => lagging.push((name, Some(e.to_string()))),
                    Err(e) => lagging.push((name, Some(e.to_string()))),
                }
            }
            if let Ok(page) = w.stored_timeline().await {
                let _ = w.answers.send(Answer::CaughtUp {
                    url: TIMELINE_URL.to_string(),
                    page,
                    lagging,
                });
            }
        });
    }

    /// Stores the list at `url`, with the validators its server sent when it changed
    /// (in the same write, so they never describe a list the store does not hold).
    async fn store_list(
        &self,
        url: &str,
        page: &HeadlinePage,
        at: chrono::DateTime<Utc>,
        validators: Option<ListValidators>,
    ) {
        let (key, list, next) = (url.to_string(), page.headlines.clone(), page.next.clone());
        self.write(move |s| match validators {
            Some(v) => s.put_headlines_with_validators(&key, &list, next.as_deref(), at, &v),
            None => s.put_headlines(&key, &list, next.as_deref(), at),
        })
        .await;
    }

    /// The list at `url`, asked for with the validators of the copy the store holds: a
    /// server whose list has not changed answers 304 and the stored list is kept. A
    /// changed list comes with its validators, to be stored with it for the next refresh.
    async fn refresh_list(
        &self,
        url: &Url,
    ) -> Result<(HeadlinePage, Option<ListValidators>), Error> {
        let key = url.to_string();
        let held = self
            .with_store(move |s| {
                let list = s.headlines(&key)?;
                let validators = s.list_validators(&key)?;
                Ok(list.zip(validators))
            })
            .await
            .flatten();
        let sent = held.as_ref().map(|(_, v)| Validators {
            etag: v.etag.clone(),
            last_modified: v.last_modified.clone(),
        });
        match fetch::headlines_since(&self.client, url, sent.as_ref()).await? {
            Listed::Unchanged => {
                let (list, _) = held.expect("validators are sent only with a stored list");
                let page = HeadlinePage {
                    headlines: list.headlines,
                    next: list.next,
                };
                Ok((page, None))
            }
            Listed::Changed(page, validators) => {
                let kept = ListValidators {
                    etag: validators.etag,
                    last_modified: validators.last_modified,
                };
                Ok((page, Some(kept)))
            }
        }
    }

    /// The timeline, for list request `id`: every source refreshed at once, each stored
    /// as its own list, merged by time. A source that fails, or has not answered within
    /// [`timeline::WAIT`], is named in [`Answer::Lagging`] and stands in with the list the
    /// store holds for it; one still loading goes on. Both are put in `late` for
    /// [`Worker::catch_up`].
    async fn timeline(&self, id: u64, late: &mut Late) -> Result<HeadlinePage, Error> {
        let deadline = tokio::time::Instant::now() + timeline::WAIT;
        let tasks: Vec<_> = self
            .timeline
            .iter()
            .map(|source| {
                let (w, url) = (self.clone(), source.url.clone());
                tokio::spawn(async move { w.refresh_and_store(&url).await })
            })
            .collect();
        let mut lists = Vec::new();
        let mut missing = Vec::new();
        let mut first_error = None;
        for (source, mut task) in self.timeline.iter().zip(tasks) {
            let fresh = match tokio::time::timeout_at(deadline, &mut task).await {
                Ok(Ok(Ok(page))) => Some(page.headlines),
                Ok(Ok(Err(e))) => {
                    missing.push((source.name.clone(), Some(e.to_string())));
                    first_error.get_or_insert(e);
                    None
                }
                Ok(Err(e)) => {
                    missing.push((source.name.clone(), Some(e.to_string())));
                    None
                }
                Err(_) => {
                    missing.push((source.name.clone(), None));
                    late.loading.push((source.name.clone(), task));
                    None
                }
            };
            let list = match fresh {
                Some(list) => list,
                None => self.stored_list(&source.url).await,
            };
            lists.push((source.name.as_str(), list));
        }
        late.failed = missing
            .iter()
            .filter(|(_, why)| why.is_some())
            .cloned()
            .collect();
        if !missing.is_empty() {
            let _ = self.answers.send(Answer::Lagging {
                id,
                sources: missing,
            });
        }
        let headlines = timeline::merge(lists);
        if headlines.is_empty() {
            return Err(first_error.unwrap_or_else(|| Error::NoHeadlines(TIMELINE_URL.into())));
        }
        Ok(HeadlinePage {
            headlines,
            next: None,
        })
    }

    /// The timeline offline: every source's list as the store holds it, merged. The
    /// merged list is never looked up itself, so that a source refreshed on its own tab
    /// since shows here too.
    async fn stored_timeline(&self) -> Result<HeadlinePage, Error> {
        let mut lists = Vec::new();
        for source in self.timeline.iter() {
            lists.push((source.name.as_str(), self.stored_list(&source.url).await));
        }
        let headlines = timeline::merge(lists);
        if headlines.is_empty() {
            return Err(Error::Offline(TIMELINE_URL.into()));
        }
        Ok(HeadlinePage {
            headlines,
            next: None,
        })
    }

    /// The headlines the store holds for the list at `url`; none when it holds none.
    async fn stored_list(&self, url: &str) -> Vec<crate::article::Headline> {
        let key = url.to_string();
        self.with_store(move |s| s.headlines(&key))
            .await
            .flatten()
            .map(|l| l.headlines)
            .unwrap_or_default()
    }

    /// [`Worker::refresh_list`], and the list stored under its address.
    async fn refresh_and_store(&self, url: &str) -> Result<HeadlinePage, Error> {
        let parsed = Url::parse(url).map_err(|e| Error::BadAddress {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
        let (page, validators) = self.refresh_list(&parsed).await?;
        self.store_list(url, &page, Utc::now(), validators).await;
        Ok(page)
    }

    /// The store's hits for `query`, best first, with the ones read.
    async fn search_store(&self, id: u64, query: String) {
        let found = self
            .with_store(move |s| {
                let hits = s.search(&query)?;
                let urls: Vec<String> = hits.iter().map(|h| h.headline.url.clone()).collect();
                Ok((hits, s.read_among(&urls)?))
            })
            .await;
        let (result, read) = match found {
            Some((hits, read)) => (Ok(hits), read),
            None => (
                Err(Error::Store("the offline store cannot be searched".into())),
                HashSet::new(),
            ),
        };
        let _ = self.answers.send(Answer::Hits { id, result, read });
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

/// Hands an http(s) address to the browser as one argument: no shell ever sees it, so
/// nothing in it can run as a command. The browser is `configured` (the config's
/// `browser`), else `$BROWSER`, else the platform's opener. Whether it started, and
/// whether it failed at once (an opener with no browser to hand to exits non-zero), is
/// told as a notice.
fn open_in_browser(url: &str, configured: Option<&str>, answers: UnboundedSender<Answer>) {
    let Ok(parsed) = Url::parse(url) else { return };
    if !matches!(parsed.scheme(), "http" | "https") {
        return;
    }
    launch(parsed.as_str(), configured, answers);
}

/// Starts the browser (as [`open_in_browser`] chooses it) on `target`, an address or a
/// file's path, and tells how that went.
fn launch(target: &str, configured: Option<&str>, answers: UnboundedSender<Answer>) {
    let env = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty());
    let argv = match configured.or(env.as_deref()) {
        Some(command) => browser_command(command, target),
        None => {
            let (program, before) = SYSTEM_OPENER;
            std::iter::once(program)
                .chain(before.iter().copied())
                .map(str::to_string)
                .chain(std::iter::once(target.to_string()))
                .collect()
        }
    };
    let Some((program, args)) = argv.split_first() else {
        return;
    };
    let tell = move |words: String| {
        let _ = answers.send(Answer::Notice(words));
    };
    let spawned = std::process::Command::new(program)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => {
            tracing::warn!("cannot start {program}: {e}");
            return tell(format!(
                "cannot open the browser: cannot start {program} ({}); set `browser` in config.toml",
                start_words(&e)
            ));
        }
    };
    let program = program.clone();
    // An opener that finds no browser fails within moments; a browser that stays open
    // has started. The child is waited for to the end either way, so it is never left a
    // zombie.
    let _ = std::thread::Builder::new()
        .name("kabar-browser".into())
        .spawn(move || {
            let started = std::time::Instant::now();
            loop {
                match child.try_wait() {
                    Ok(Some(status)) if status.success() => {
                        return tell("opened in the browser".into());
                    }
                    Ok(Some(status)) => {
                        tracing::warn!("{program} failed: {status}");
                        return tell(format!(
                            "cannot open the browser: {program} failed ({status}); set `browser` in config.toml"
                        ));
                    }
                    Ok(None) if started.elapsed() >= BROWSER_GRACE => {
                        tell("opened in the browser".into());
                        let _ = child.wait();
                        return;
                    }
                    Ok(None) => std::thread::sleep(std::time::Duration::from_millis(20)),
                    Err(_) => return tell("opened in the browser".into()),
                }
            }
        });
}

/// How long a browser command may take to fail before it counts as started.
const BROWSER_GRACE: std::time::Duration = std::time::Duration::from_secs(2);

/// The words of a browser command with the address put in: the command split at spaces,
/// each `%u` (or `%s`, as `$BROWSER` has it) word replaced by the whole address, and the
/// address added at the end when no word is one of those.
pub fn browser_command(command: &str, url: &str) -> Vec<String> {
    let mut placed = false;
    let mut argv: Vec<String> = command
        .split_whitespace()
        .map(|word| {
            if word == "%u" || word == "%s" {
                placed = true;
                url.to_string()
            } else {
                word.to_string()
            }
        })
        .collect();
    if !placed {
        argv.push(url.to_string());
    }
    argv
}

fn start_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such program".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
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
