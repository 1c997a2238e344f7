//! Whole articles and headline pages from the network: fetch, then parse off the async
//! threads (a 200 KB page takes milliseconds to parse, too long to hold up other work),
//! and for a multi-page article, the rest of its pages.

use std::collections::HashSet;

use url::Url;

use crate::article::{Article, HeadlinePage};
use crate::error::Error;
use crate::feeds;
use crate::net::{self, Client, Conditional, Validators};
use crate::sites::{self, PagedArticle};

/// Once an article's pages read add up to this (twice what one page may be), the pages
/// not yet read are left out. A page's size is known only once it is read, so the page
/// that crosses it is read whole: an article reads at most this plus one page.
pub const MAX_ARTICLE_BYTES: usize = 2 * crate::net::MAX_BODY_BYTES;

/// The article at `url`, whole: a multi-page article is read from its one-page version
/// (`?page=all`), or page by page when that fails or the site has none, within
/// [`MAX_ARTICLE_BYTES`].
pub async fn article(client: &Client, url: &Url) -> Result<Article, Error> {
    let (first, mut spent) = parse_article(client, url).await?;
    let Some(paging) = first.paging else {
        return Ok(first.article);
    };
    if let Some(whole) = &paging.all {
        match parse_article(client, whole).await {
            Ok((all, _)) if all.article.body.len() >= first.article.body.len() => {
                return Ok(all.article);
            }
            Ok((_, bytes)) => {
                spent += bytes;
                tracing::warn!(url = %whole, "one-page version is shorter; reading page by page")
            }
            Err(e) => {
                tracing::warn!(url = %whole, "one-page version failed: {e}; reading page by page")
            }
        }
    }
    let mut article = first.article;
    let mut related: HashSet<String> = article.related.iter().map(|l| l.url.clone()).collect();
    for page in &paging.rest {
        if spent >= MAX_ARTICLE_BYTES {
            tracing::warn!(%url, "pages past {MAX_ARTICLE_BYTES} bytes left out, from {page}");
            break;
        }
        let (next, bytes) = parse_article(client, page).await?;
        spent += bytes;
        article.body.extend(next.article.body);
        for link in next.article.related {
            if related.insert(link.url.clone()) {
                article.related.push(link);
            }
        }
    }
    sites::limit_text(&mut article.body);
    Ok(article)
}

/// The headline list at `url` (a list page or a feed) and where its next page is.
pub async fn headlines(client: &Client, url: &Url) -> Result<HeadlinePage, Error> {
    match headlines_since(client, url, None).await? {
        Listed::Changed(page, _) => Ok(page),
        Listed::Unchanged => unreachable!("no validators were sent"),
    }
}

/// A list fetched with the validators of the copy already held.
#[derive(Debug, Clone)]
pub enum Listed {
    /// The list, and the validators to send next time.
    Changed(HeadlinePage, Validators),
    /// The copy held is still the server's.
    Unchanged,
}

/// The headline list at `url`, unless `validators` name the server's current copy.
pub async fn headlines_since(
    client: &Client,
    url: &Url,
    validators: Option<&Validators>,
) -> Result<Listed, Error> {
    let doc = match client.get_list(url, validators).await? {
        Conditional::NotModified => return Ok(Listed::Unchanged),
        Conditional::Modified(doc) => doc,
    };
    let validators = doc.validators.clone();
    let page = parse_blocking(url, move || {
        read_list(&doc.body, doc.content_type.as_deref(), &doc.url)
    })
    .await?;
    Ok(Listed::Changed(page, validators))
}

/// A list from its bytes, told by its content: a feed (RSS, Atom, JSON Feed) whatever its
/// address or media type, else an HTML list page.
pub fn read_list(
    body: &[u8],
    content_type: Option<&str>,
    url: &Url,
) -> Result<HeadlinePage, Error> {
    if net::looks_like_feed(body) {
        feeds::read(body, url)
    } else {
        sites::read_headlines(&net::decode(body, content_type), url)
    }
}

/// One page of an article, and how many bytes of text it was.
async fn parse_article(client: &Client, url: &Url) -> Result<(PagedArticle, usize), Error> {
    let page = client.get_html(url).await?;
    let bytes = page.text.len();
    let read = parse_blocking(url, move || sites::read_article(&page.text, &page.url)).await?;
    Ok((read, bytes))
}

/// Runs the parse of the page at `url` off the async threads. The parse catches its own
/// panics (`sites`); a task that still fails (cancelled at shutdown) fails that page.
async fn parse_blocking<T: Send + 'static>(
    url: &Url,
    job: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(job).await.unwrap_or_else(|e| {
        Err(Error::ParserFailed {
            url: url.to_string(),
            why: format!("its parse was stopped: {e}"),
        })
    })
}
