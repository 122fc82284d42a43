//! One address asked about over HTTP: HEAD, then GET when HEAD is refused or fails (many
//! servers answer HEAD wrongly), redirects followed by hand up to a limit, so that a permanent
//! one can be reported with its new address.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// What an address gave.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "outcome")]
pub enum Outcome {
    Live,
    /// Permanently redirected (301, 308) to an address that is live.
    Moved {
        to: String,
    },
    /// An HTTP status other than success (404, 410, 500…), after redirects.
    Status {
        code: u16,
    },
    /// No answer within the time allowed.
    Timeout,
    /// The host name does not resolve.
    NoHost,
    /// The connection failed or was reset, or TLS failed.
    Failed {
        why: String,
    },
    TooManyRedirects,
}

impl Outcome {
    pub fn is_live(&self) -> bool {
        matches!(self, Outcome::Live)
    }

    /// Whether the failure says nothing about the address but that the network may be down.
    pub fn is_network_failure(&self) -> bool {
        matches!(self, Outcome::NoHost | Outcome::Timeout | Outcome::Failed { .. })
    }
}

/// How addresses are asked.
#[derive(Clone, Debug)]
pub struct Asking {
    pub timeout: Duration,
    pub max_redirects: usize,
}

/// The user agent, which names boucle so that a site's owner knows what knocked.
pub fn user_agent() -> String {
    format!("boucle/{} (catalogue link check)", env!("CARGO_PKG_VERSION"))
}

pub fn agent(asking: &Asking) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(asking.timeout))
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(user_agent())
        .build()
        .into()
}

/// Asks `url`, following redirects.
pub fn probe(agent: &ureq::Agent, asking: &Asking, url: &str) -> Outcome {
    let mut current = url.to_string();
    let mut moved_to: Option<String> = None;
    for _ in 0..=asking.max_redirects {
        let status = match status_of(agent, &current) {
            Ok(status) => status,
            Err(outcome) => return outcome,
        };
        match status {
            (200..=299, _) => {
                return match moved_to {
                    Some(to) => Outcome::Moved { to },
                    None => Outcome::Live,
                };
            }
            (code @ 300..=399, Some(location)) => {
                let next = resolve(&current, &location);
                // Only a chain of permanent redirects makes the address moved for good.
                let permanent = matches!(code, 301 | 308);
                moved_to = match (permanent, moved_to.is_some() || current == url) {
                    (true, true) => Some(next.clone()),
                    _ => None,
                };
                current = next;
            }
            (code, _) => return Outcome::Status { code },
        }
    }
    Outcome::TooManyRedirects
}

/// The status of one request (HEAD, then GET when HEAD is not answered with success or a
/// redirect) and its `Location`.
fn status_of(agent: &ureq::Agent, url: &str) -> Result<(u16, Option<String>), Outcome> {
    let answer = |response: ureq::http::Response<ureq::Body>| {
        let location = response.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_string);
        (response.status().as_u16(), location)
    };
    match agent.head(url).call().map(answer) {
        Ok(head @ (200..=399, _)) => Ok(head),
        _ => agent.get(url).call().map(answer).map_err(|e| failure(&e)),
    }
}

fn failure(error: &ureq::Error) -> Outcome {
    match error {
        ureq::Error::Timeout(_) => Outcome::Timeout,
        ureq::Error::HostNotFound => Outcome::NoHost,
        ureq::Error::TooManyRedirects => Outcome::TooManyRedirects,
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => Outcome::Timeout,
        other => Outcome::Failed { why: other.to_string() },
    }
}

/// A `Location` resolved against the address it came from.
fn resolve(base: &str, location: &str) -> String {
    if location.starts_with("http://") || location.starts_with("https://") {
        return location.to_string();
    }
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    if let Some(rest) = location.strip_prefix("//") {
        return format!("{}{rest}", &base[..scheme_end]);
    }
    if location.starts_with('/') {
        return format!("{}{location}", &base[..authority_end]);
    }
    let path = &base[..base.find(['?', '#']).unwrap_or(base.len())];
    let dir_end = path.rfind('/').filter(|&i| i >= authority_end).map_or(path.len(), |i| i + 1);
    let dir = &path[..dir_end];
    if dir.ends_with('/') { format!("{dir}{location}") } else { format!("{dir}/{location}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_resolve_against_their_address() {
        assert_eq!(resolve("https://a.eu/x/y?q", "/z"), "https://a.eu/z");
        assert_eq!(resolve("https://a.eu/x/y", "z"), "https://a.eu/x/z");
        assert_eq!(resolve("https://a.eu", "z"), "https://a.eu/z");
        assert_eq!(resolve("http://a.eu/x", "https://b.eu/"), "https://b.eu/");
        assert_eq!(resolve("https://a.eu/x", "//b.eu/y"), "https://b.eu/y");
    }
}
