//! `boucle check --links` (issue #23 item 6) against a server this test starts on the loopback
//! address: live pages, a 404, a permanent redirect, a page slower than the timeout and a
//! connection reset; the results are kept, so a second check asks nothing; without a network
//! it says so once and changes no exit code. No other network is used. Addresses get 3 s to answer,
//! so that a loaded machine still answers the live pages in time.

use crate::common::written::{Fixture, ORGANISATION, PRACTICE};

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A small HTTP server: one request per connection, counted.
struct Server {
    port: u16,
    requests: Arc<AtomicUsize>,
}

fn serve() -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let requests = Arc::new(AtomicUsize::new(0));
    let counted = requests.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let counted = counted.clone();
            std::thread::spawn(move || answer(stream, &counted));
        }
    });
    Server { port, requests }
}

fn answer(stream: TcpStream, requests: &AtomicUsize) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut first = String::new();
    if reader.read_line(&mut first).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).map_or(true, |n| n == 0) || header == "\r\n" {
            break;
        }
    }
    requests.fetch_add(1, Ordering::SeqCst);
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut stream = stream;
    let reply = |stream: &mut TcpStream, status: &str, extra: &str| {
        let _ = write!(stream, "HTTP/1.1 {status}\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n");
    };
    match path.as_str() {
        "/live" | "/live-too" => reply(&mut stream, "200 OK", ""),
        "/gone" => reply(&mut stream, "404 Not Found", ""),
        "/moved" => reply(&mut stream, "301 Moved Permanently", "Location: /live\r\n"),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(8));
            reply(&mut stream, "200 OK", "");
        }
        "/reset" => {
            // Closed with SO_LINGER 0: the client gets a reset, not an answer.
            use std::os::fd::AsRawFd;
            let linger = libc::linger { l_onoff: 1, l_linger: 0 };
            // SAFETY: a valid socket and a `linger` of the size given.
            unsafe {
                libc::setsockopt(
                    stream.as_raw_fd(),
                    libc::SOL_SOCKET,
                    libc::SO_LINGER,
                    (&linger as *const libc::linger).cast(),
                    std::mem::size_of::<libc::linger>() as libc::socklen_t,
                );
            }
        }
        _ => reply(&mut stream, "500 Internal Server Error", ""),
    }
}

fn check(folder: &std::path::Path, cache: &std::path::Path, extra: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_boucle"));
    command
        .args(["check", "--links", "--links-timeout", "3", "--links-delay", "0"])
        .args(extra)
        .arg(folder)
        .env_remove("BOUCLE_CATALOGUE")
        .env("BOUCLE_CACHE_DIR", cache)
        .env("BOUCLE_CACHE_WRITE", "wait")
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .env_remove("LC_ALL");
    for proxy in ["http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        command.env_remove(proxy);
    }
    command.output().expect("run boucle")
}

/// A catalogue whose only addresses are `urls`, on the practice, and `website` on the
/// organisation.
fn catalogue(urls: &[String], website: &str) -> Fixture {
    let fixture = Fixture::new();
    let organisation = ORGANISATION
        .replace("https://www.team2.fr", website)
        .replace("    sources:", &format!("    website: \"{website}\",\n    sources:"));
    fixture.file("organisations/team2.ron", &organisation);
    let sources: Vec<String> = urls.iter().map(|u| format!("(title: \"T\", url: \"{u}\")")).collect();
    let practice = PRACTICE.replace(
        "[(title: \"Le Moniteur\", url: \"https://www.lemoniteur.fr/article\", date: \"2024-01\")]",
        &format!("[{}]", sources.join(", ")),
    );
    fixture.file("good-practices/x.ron", &practice);
    fixture
}

#[test]
fn dead_and_moved_addresses_are_warnings_and_a_second_check_asks_nothing() {
    let server = serve();
    let url = |path: &str| format!("http://127.0.0.1:{}{path}", server.port);
    let urls: Vec<String> = ["/live", "/gone", "/moved", "/slow", "/reset"].iter().map(|p| url(p)).collect();
    let fixture = catalogue(&urls, &url("/live-too"));
    let cache = tempfile::tempdir().unwrap();

    let first = check(fixture.path(), cache.path(), &[]);
    let text = String::from_utf8_lossy(&first.stdout).into_owned();
    let asked = server.requests.load(Ordering::SeqCst);
    assert!(asked >= 6, "{asked} requests: {text}");
    assert!(text.contains("--links: 6 addresses, 6 asked now"), "{text}");
    assert!(
        text.contains(&format!("warning[dead-link]: dead address: {} (HTTP 404, not found)", url("/gone"))),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "warning[moved-link]: address moved for good (permanent redirect): {} now leads to {}",
            url("/moved"),
            url("/live")
        )),
        "{text}"
    );
    assert!(text.contains(&format!("dead address: {} (no answer within 3 s)", url("/slow"))), "{text}");
    assert!(text.contains(&format!("dead address: {} (connection failed", url("/reset"))), "{text}");
    assert!(!text.contains(&format!("{} (", url("/live"))), "a live address is no problem: {text}");
    assert!(text.contains("good-practices/x.ron:10:"), "at the address's line: {text}");
    assert_eq!(first.status.code(), Some(0), "warnings: {text}");

    let second = check(fixture.path(), cache.path(), &["--deny-warnings"]);
    let again = String::from_utf8_lossy(&second.stdout).into_owned();
    assert_eq!(server.requests.load(Ordering::SeqCst), asked, "the second check asked again: {again}");
    assert!(again.contains("--links: 6 addresses, 0 asked now"), "{again}");
    assert!(again.contains(&format!("dead address: {} (HTTP 404, not found)", url("/gone"))), "{again}");
    assert_eq!(second.status.code(), Some(1), "--deny-warnings fails on a dead address");

    let expired = check(fixture.path(), cache.path(), &["--links-age", "0"]);
    assert!(String::from_utf8_lossy(&expired.stdout).contains("6 asked now"));
}

#[test]
fn without_a_network_it_says_so_once_and_changes_no_exit_code() {
    // Nothing listens on port 1 of the loopback address: every connection is refused, as
    // without a network.
    let urls: Vec<String> = (0..3).map(|i| format!("http://127.0.0.1:1/page-{i}")).collect();
    let fixture = catalogue(&urls, "http://127.0.0.1:1/");
    let cache = tempfile::tempdir().unwrap();
    let output = check(fixture.path(), cache.path(), &["--deny-warnings"]);
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(text.matches("no network").count(), 1, "{text}");
    assert!(text.contains("--links: no network (no server answered): the 4 addresses were not checked"), "{text}");
    assert!(!text.contains("dead-link"), "{text}");
    assert_eq!(output.status.code(), Some(0), "{text}");
}
