//! Host names to addresses. The lookup is the system's, as reqwest's default one is;
//! it is ours so that its failure has a type of ours, and telling "no such host" from
//! other connection failures does not depend on how other crates word their errors.

use std::error::Error as StdError;
use std::fmt;
use std::io;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// The system resolver (`getaddrinfo`, on a blocking thread).
pub(super) struct SystemResolver;

/// A host name the system could not turn into addresses.
#[derive(Debug)]
pub(super) struct NotResolved(io::Error);

impl fmt::Display for NotResolved {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "host name not resolved: {}", self.0)
    }
}

impl StdError for NotResolved {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&self.0)
    }
}

impl Resolve for SystemResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            // The port is the connector's to set; 0 only satisfies the lookup.
            match tokio::net::lookup_host((host.as_str(), 0)).await {
                Ok(addrs) => Ok(Box::new(addrs.collect::<Vec<_>>().into_iter()) as Addrs),
                Err(e) => Err(Box::new(NotResolved(e)) as Box<dyn StdError + Send + Sync>),
            }
        })
    }
}

/// Why a connection could not be made, in a few words, from the kinds of the errors in
/// the chain rather than their text.
pub(super) fn connect_failure(error: &(dyn StdError + 'static)) -> &'static str {
    let mut cause = Some(error);
    while let Some(e) = cause {
        if e.is::<NotResolved>() {
            return "the host name could not be resolved (no network?)";
        }
        if e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::ConnectionRefused)
        {
            return "connection refused";
        }
        cause = e.source();
    }
    "could not connect"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An error from some crate between reqwest and the cause, worded its own way.
    #[derive(Debug)]
    struct Wrapped(Box<dyn StdError + Send + Sync>);

    impl fmt::Display for Wrapped {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("tcp connect error")
        }
    }

    impl StdError for Wrapped {
        fn source(&self) -> Option<&(dyn StdError + 'static)> {
            Some(&*self.0)
        }
    }

    #[test]
    fn failures_are_told_apart_by_kind_not_wording() {
        let refused = Wrapped(Box::new(io::Error::new(
            io::ErrorKind::ConnectionRefused,
            "worded any way at all",
        )));
        assert_eq!(connect_failure(&refused), "connection refused");
        let unknown_host = Wrapped(Box::new(NotResolved(io::Error::other("no dns here"))));
        assert_eq!(
            connect_failure(&unknown_host),
            "the host name could not be resolved (no network?)"
        );
        let worded_like_refused = Wrapped(Box::new(io::Error::other("connection refused; dns")));
        assert_eq!(connect_failure(&worded_like_refused), "could not connect");
    }

    #[tokio::test]
    async fn an_address_needs_no_lookup_to_resolve() {
        let name: Name = "127.0.0.1".parse().unwrap();
        let addrs: Vec<_> = SystemResolver.resolve(name).await.unwrap().collect();
        assert!(addrs.iter().any(|a| a.ip().is_loopback()), "{addrs:?}");
    }
}
