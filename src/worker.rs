//! The background worker: takes requests from the UI, does the network and parsing work,
//! and sends answers back. The UI never waits on it; every request runs as its own task,
//! so a slow page does not hold up the next one.

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use url::Url;

use crate::app::{Answer, Request};
use crate::fetch;
use crate::net::Client;

/// Starts the worker; returns where to send requests and where answers arrive.
pub fn spawn(client: Client) -> (UnboundedSender<Request>, UnboundedReceiver<Answer>) {
    let (req_tx, mut req_rx) = unbounded_channel::<Request>();
    let (ans_tx, ans_rx) = unbounded_channel();
    tokio::spawn(async move {
        while let Some(request) = req_rx.recv().await {
            let client = client.clone();
            let answers = ans_tx.clone();
            tokio::spawn(async move {
                if let Some(answer) = handle(&client, request).await {
                    // The UI may have quit meanwhile; nobody to tell.
                    let _ = answers.send(answer);
                }
            });
        }
    });
    (req_tx, ans_rx)
}

async fn handle(client: &Client, request: Request) -> Option<Answer> {
    match request {
        Request::Article { id, url } => {
            let result = match Url::parse(&url) {
                Ok(u) => fetch::article(client, &u)
                    .await
                    .map(Box::new)
                    .map_err(|e| e.to_string()),
                Err(e) => Err(format!("not a valid address: {url} ({e})")),
            };
            Some(Answer::Article { id, result })
        }
        Request::Headlines { id, url } => {
            let result = match Url::parse(&url) {
                Ok(u) => fetch::headlines(client, &u)
                    .await
                    .map_err(|e| e.to_string()),
                Err(e) => Err(format!("not a valid address: {url} ({e})")),
            };
            Some(Answer::Headlines { id, result })
        }
        Request::OpenInBrowser { url } => {
            open_in_browser(&url);
            None
        }
    }
}

/// Hands an http(s) address to the system's opener as one argument: no shell ever sees
/// it, so nothing in it can run as a command.
fn open_in_browser(url: &str) {
    let Ok(parsed) = Url::parse(url) else { return };
    if !matches!(parsed.scheme(), "http" | "https") {
        return;
    }
    let opener = std::env::var("BROWSER").unwrap_or_else(|_| {
        if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        }
        .to_string()
    });
    let spawned = std::process::Command::new(&opener)
        .arg(parsed.as_str())
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if let Err(e) = spawned {
        tracing::warn!("cannot start {opener}: {e}");
    }
}
