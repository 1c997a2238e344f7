//! Whole articles and headline pages from the network: fetch, then parse off the async
//! threads (a 200 KB page takes milliseconds to parse, too long to hold up other work),
//! and for a multi-page article, the rest of its pages.

use url::Url;

use crate::article::{Article, HeadlinePage};
use crate::error::Error;
use crate::net::Client;
use crate::sites::{self, ArticlePage};

/// The article at `url`, whole: a multi-page article is read from its one-page version
/// (`?page=all`), or page by page when that fails.
pub async fn article(client: &Client, url: &Url) -> Result<Article, Error> {
    let first = parse_article(client, url).await?;
    let Some(paging) = first.paging else {
        return Ok(first.article);
    };
    match parse_article(client, &paging.all).await {
        Ok(all) if all.article.body.len() >= first.article.body.len() => {
            return Ok(all.article);
        }
        Ok(_) => {
            tracing::warn!(url = %paging.all, "one-page version is shorter; reading page by page")
        }
        Err(e) => {
            tracing::warn!(url = %paging.all, "one-page version failed: {e}; reading page by page")
        }
    }
    let mut article = first.article;
    for page in &paging.rest {
        let next = parse_article(client, page).await?.article;
        article.body.extend(next.body);
        for link in next.related {
            if !article.related.iter().any(|l| l.url == link.url) {
                article.related.push(link);
            }
        }
    }
    Ok(article)
}

/// The headline list at `url` and where its next page is.
pub async fn headlines(client: &Client, url: &Url) -> Result<HeadlinePage, Error> {
    let page = client.get_html(url).await?;
    parse_blocking(move || sites::read_headlines(&page.text, &page.url)).await
}

async fn parse_article(client: &Client, url: &Url) -> Result<ArticlePage, Error> {
    let page = client.get_html(url).await?;
    parse_blocking(move || sites::read_article(&page.text, &page.url)).await
}

async fn parse_blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    tokio::task::spawn_blocking(job)
        .await
        .unwrap_or_else(|e| Err(Error::Usage(format!("the page parser failed: {e}"))))
}
