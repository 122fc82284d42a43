//! #21 item 4: every shortlist goes home, nothing is written on the server and nobody reads
//! another's shortlist. A session that came in without a key is given a retrieval code; `ssh …
//! export --shortlist CODE` prints exactly that session's shortlist, a wrong code is refused and
//! logged, and once the room has closed no code is worth anything. With a key, the key is
//! enough — and only a key that authenticated, never one that was merely offered. Real OpenSSH
//! client in tmux, on 127.0.0.1.

use crate::common;

use std::process::{Command, Output, Stdio};

use common::serve::*;

/// The entry ids of a JSON export.
fn ids(output: &Output) -> Vec<String> {
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    json["entries"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap().to_string()).collect()
}

/// The retrieval code a screen shows (`K7M2-QX4P` after "code").
fn code_on(screen: &str) -> String {
    let at = screen.find("code: ").or_else(|| screen.find("code : ")).expect("a code on the screen");
    let rest = &screen[at..];
    let start = rest.find(':').unwrap() + 1;
    rest[start..].split_whitespace().next().unwrap().to_string()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_retrieval_code_exports_exactly_that_sessions_shortlist_a_wrong_one_is_refused_and_none_outlives_the_room() {
    let mut server = Server::open();
    let tmux = Tmux::start();
    for (name, user) in [("one", "en"), ("two", "fr")] {
        tmux.ssh(&server, name, user, (160, 40));
        tmux.wait_for(name, "the dashboard", ready);
    }
    // One marks the first result; two the second.
    tmux.keys("one", &["m"]);
    tmux.wait_for("one", "the mark", |s| s.contains("★ Added to the shortlist"));
    tmux.keys("two", &["Down"]);
    tmux.keys("two", &["m"]);
    tmux.wait_for("two", "the mark", |s| s.contains("★ Ajoutée à la sélection"));
    let mut codes = Vec::new();
    for (name, said) in [("one", "Your code: "), ("two", "Votre code : ")] {
        tmux.keys(name, &["4"]);
        let port = format!("ssh -p {} ", server.port);
        // Waited for whole: a capture can fall between the code's line and the command's.
        let screen = tmux.wait_for(name, "the shortlist screen's code and its command line", |s| {
            s.contains(said) && s.contains(&port) && s.contains("export --shortlist")
        });
        codes.push(code_on(&screen));
    }
    assert_ne!(codes[0], codes[1]);
    assert!(screen_has(&tmux, "two", "> ma-selection.html"), "the file in the participant's language");

    let one = ids(&server.exec(&["export", "--shortlist", &codes[0], "--format", "json"]));
    let two = ids(&server.exec(&["export", "--shortlist", &codes[1].to_lowercase(), "--format", "json"]));
    assert_eq!((one.len(), two.len()), (1, 1), "{one:?} {two:?}");
    assert_ne!(one, two, "each code is its own session's shortlist");

    // A wrong code, and no code without a key: refused, said, logged.
    let wrong = server.exec(&["export", "--shortlist", "AAAA-AAAA", "--format", "md"]);
    assert_eq!(wrong.status.code(), Some(2), "{wrong:?}");
    assert!(stderr(&wrong).contains("no shortlist has this code"), "{}", stderr(&wrong));
    assert!(wrong.stdout.is_empty());
    let which = server.exec(&["export", "--shortlist", "--format", "md"]);
    assert!(stderr(&which).contains("which shortlist?"), "{}", stderr(&which));
    assert!(server.log().contains("wrong retrieval code from 127.0.0.1"), "{}", server.log());

    // x offers the command instead of writing on the server.
    // Said up front, before Enter: no file on the server is named (a trial read `File:
    // boucle-shortlist.md` until it pressed Enter).
    tmux.keys("one", &["x"]);
    let before = tmux.wait_for("one", "the export dialog", |s| s.contains("Enter shows the command"));
    assert!(before.contains("Nothing is written on the server") && !before.contains("File:"), "{before}");
    tmux.keys("one", &["Enter"]);
    let offered = tmux.wait_for("one", "the command offered", |s| s.contains("In a terminal of your own, type:"));
    assert!(offered.contains(&codes[0]) && offered.contains("--format md"), "{offered}");
    assert!(offered.contains("clipboard (OSC 52)"), "{offered}");
    tmux.keys("one", &["Escape"]);
    // Apart from the next key, or the two read as Alt-q.
    tmux.wait_for("one", "the dialog closed", |s| !s.contains("Nothing is written on the server"));

    // The goodbye says how to take the marks home, and the code outlives the session.
    tmux.keys("one", &["q"]);
    let goodbye = tmux.wait_for("one", "ssh to end", |s| s.contains("EXITED"));
    assert!(goodbye.contains(&format!("is kept under code {} until the room closes", codes[0])), "{goodbye}");
    assert!(goodbye.contains("export --shortlist"), "{goodbye}");
    assert_eq!(ids(&server.exec(&["export", "--shortlist", &codes[0], "--format", "json"])), one);

    // Guessing: after a few wrong codes from one address, not even the right one is looked at.
    for _ in 0..5 {
        server.exec(&["export", "--shortlist", "BBBB-BBBB", "--format", "md"]);
    }
    let limited = server.exec(&["export", "--shortlist", &codes[0], "--format", "md"]);
    assert!(limited.stdout.is_empty() && stderr(&limited).contains("too many wrong codes"), "{limited:?}");
    wait_until("the log to say so", || server.log().contains("not looked at"));

    server.signal("TERM");
    let goodbye = tmux.wait_for("two", "the room's goodbye", |s| s.contains("EXITED"));
    // The room closed: its codes die with it, so the goodbye lists the marks themselves.
    assert!(
        goodbye.contains("La salle est fermée et votre sélection (1 fiche) n’y est plus gardée ; copiez-la d’ici"),
        "{goodbye}"
    );
    assert!(goodbye.contains(&format!("({})", two[0])), "the marked entry's id: {goodbye}");
    assert!(!goodbye.contains(&codes[1]), "no dead code offered: {goodbye}");
    server.wait_for_exit();
    let after = server.exec(&["export", "--shortlist", &codes[1], "--format", "json"]);
    assert!(!after.status.success() && after.stdout.is_empty(), "the room has closed: {after:?}");
}

fn screen_has(tmux: &Tmux, name: &str, text: &str) -> bool {
    tmux.screen(name).contains(text)
}

fn with_key(server: &Server, key: &std::path::Path, command: &[&str]) -> Output {
    Command::new("timeout")
        .args(["30", "ssh", "-F", server.ssh_config().to_str().unwrap(), "-p", &server.port.to_string()])
        .args(["-o", "PubkeyAuthentication=yes", "-o", "PasswordAuthentication=no", "-i", key.to_str().unwrap()])
        .arg("en@127.0.0.1")
        .args(command)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// soft-serve's GHSA-pchf-49fh-w34r: a key offered but never proven survived into the session
/// that then logged in by password. Here the key's shortlist stays the key's.
#[test]
fn a_key_exports_its_own_shortlist_and_a_key_only_offered_owns_nothing() {
    let keys = tempfile::tempdir().unwrap();
    keygen(keys.path(), "alice");
    keygen(keys.path(), "bob");
    let authorized = keys.path().join("authorized_keys");
    let both = ["alice", "bob"].map(|n| std::fs::read_to_string(keys.path().join(format!("{n}.pub"))).unwrap());
    std::fs::write(&authorized, both.concat()).unwrap();
    let server =
        Server::start(&["--authorized-keys", authorized.to_str().unwrap(), "--password-file", "{dir}/password"]);
    let tmux = Tmux::start();
    let options =
        format!("-o PubkeyAuthentication=yes -o PasswordAuthentication=no -i {}", keys.path().join("alice").display());
    tmux.ssh_with(&server, "alice", "en", (160, 40), &options);
    tmux.wait_for("alice", "the dashboard", ready);
    tmux.keys("alice", &["m"]);
    tmux.wait_for("alice", "the mark", |s| s.contains("★ Added to the shortlist"));
    tmux.keys("alice", &["4"]);
    let screen = tmux.wait_for("alice", "the take-home line", |s| s.contains("Kept under your SSH key"));
    assert!(!screen.contains("Your code"), "a key needs no code:\n{screen}");

    let mine = with_key(&server, &keys.path().join("alice"), &["export", "--shortlist", "--format", "json"]);
    assert_eq!(ids(&mine).len(), 1);
    let bobs = with_key(&server, &keys.path().join("bob"), &["export", "--shortlist", "--format", "json"]);
    assert_eq!(bobs.status.code(), Some(2), "bob's shortlist is empty, never alice's: {bobs:?}");
    assert!(bobs.stdout.is_empty());

    // Alice's public key offered without its private key, then the room password.
    let public_only = tempfile::tempdir().unwrap();
    let offered = public_only.path().join("alice.pub");
    std::fs::copy(keys.path().join("alice.pub"), &offered).unwrap();
    let options = ["-v", "-o", "PubkeyAuthentication=yes", "-o", "IdentitiesOnly=yes", "-i", offered.to_str().unwrap()];
    let options = [&options[..], &["-o", "PreferredAuthentications=publickey,password", "-T"]].concat();
    let impostor = server.ssh_then("en", "aimant2026", &options, &["export", "--shortlist", "--format", "json"]);
    assert!(stderr(&impostor).contains("Server accepts key"), "the key was offered: {}", stderr(&impostor));
    assert!(stderr(&impostor).contains("Authenticated") && stderr(&impostor).contains("password"), "{impostor:?}");
    assert_eq!(impostor.status.code(), Some(2), "{impostor:?}");
    assert!(impostor.stdout.is_empty(), "not alice's shortlist: {}", String::from_utf8_lossy(&impostor.stdout));
    assert!(stderr(&impostor).contains("which shortlist?"), "{}", stderr(&impostor));
    // #21 item 7: the console names a key by its comment in the authorized_keys file, a
    // password login by its user name and address; never a password.
    let log = server.log();
    assert!(log.contains("alice@laptop (en@127.0.0.1:"), "{log}");
    assert!(log.contains("dashboard for alice@laptop (en@127.0.0.1:"), "{log}");
    assert!(log.contains(": entrée de en@127.0.0.1:") || log.contains(": en@127.0.0.1:"), "{log}");
    assert!(log.contains("(room password)") && !log.contains("aimant2026"), "{log}");

    tmux.keys("alice", &["q"]);
    let goodbye = tmux.wait_for("alice", "ssh to end", |s| s.contains("EXITED"));
    assert!(goodbye.contains("is kept under your SSH key"), "{goodbye}");
    server.wait_for_no_session();
}

/// #21 item 5: the server's terminal shows the room's picks (`p` then Enter), each participant
/// counted once per entry; `--report` writes them when the room closes; no participant sees
/// them.
#[test]
fn the_picks_count_each_participant_once_per_entry_and_the_report_holds_them() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let report = dir.path().join("atelier");
    let config = dir.path().join("ssh_config");
    std::fs::write(
        &config,
        "Host *\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n  \
         PubkeyAuthentication no\n  IdentitiesOnly yes\n",
    )
    .unwrap();
    let tmux = Tmux::start();
    // The server on a terminal of its own, as a facilitator runs it (the shell that runs it
    // outlives its Ctrl-C, to show how it ended; boucle gets Ctrl-C as usual).
    let serve = format!(
        "trap : INT; env -u BOUCLE_CATALOGUE LANG=C.UTF-8 XDG_DATA_HOME={data} {binary} serve --open --catalogue {FIXTURE} \
         --listen 127.0.0.1:{port} --report {report}; echo SERVER EXITED $?; exec sleep 600",
        data = dir.path().join("data").display(),
        binary = binary().display(),
        report = report.display(),
    );
    tmux.open("server", (140, 40), dir.path(), &serve, &[]);
    tmux.wait_for("server", "the room to open", |s| s.contains("SHA256:") && s.contains("p Enter"));
    let participant = |name: &str, user: &str| {
        let ssh = format!(
            "env LANG=C.UTF-8 ssh -t -F {} -p {port} {user}@127.0.0.1; echo EXITED $?; exec sleep 600",
            config.display()
        );
        tmux.open(name, (160, 40), dir.path(), &ssh, &[]);
        tmux.wait_for(name, "the dashboard", ready);
    };
    for (name, user) in [("one", "en"), ("two", "en"), ("three", "fr")] {
        participant(name, user);
    }
    // One marks the first entry, unmarks it, marks it again, and marks the second; two marks the
    // first; three marks nothing.
    for key in ["m", "m", "m"] {
        tmux.keys("one", &[key]);
        std::thread::sleep(std::time::Duration::from_millis(150));
    }
    tmux.keys("one", &["Down"]);
    tmux.keys("one", &["m"]);
    tmux.keys("two", &["m"]);
    tmux.wait_for("two", "the mark", |s| s.contains("★ Added to the shortlist"));

    tmux.type_text("server", "p");
    tmux.keys("server", &["Enter"]);
    let screen = tmux.wait_for("server", "the picks", |s| s.contains("2 participants marked entries"));
    let counts: Vec<u32> = screen
        .lines()
        .filter(|l| l.contains('█'))
        .map(|l| l.split_whitespace().nth(2).and_then(|n| n.parse().ok()).expect("a count"))
        .collect();
    assert_eq!(counts, [2, 1], "one's mark, unmark and mark again counts once:\n{screen}");
    for name in ["one", "two", "three"] {
        assert!(!tmux.screen(name).contains("room's picks"), "a participant never sees the picks");
    }

    tmux.keys("server", &["C-c"]);
    let closed = tmux.wait_for("server", "the room to close", |s| s.contains("SERVER EXITED"));
    assert!(closed.contains("the workshop's report is written"), "{closed}");
    let md = std::fs::read_to_string(dir.path().join("atelier.md")).unwrap();
    assert!(md.contains("2 participants marked entries") && md.contains("| 2 |") && md.contains("| 1 |"), "{md}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("atelier.json")).unwrap()).unwrap();
    assert_eq!(json["participants"], 2);
    let counted: Vec<u64> =
        json["picks"].as_array().unwrap().iter().map(|p| p["participants"].as_u64().unwrap()).collect();
    assert_eq!(counted, [2, 1]);
    assert_eq!(json["entries"]["entries"].as_array().unwrap().len(), 2, "the entries picked, in full");
}

#[test]
fn a_participant_cannot_ask_for_the_picks_and_the_report_is_never_written_over_a_file() {
    let server = Server::open();
    let asked = server.exec(&["picks"]);
    assert_eq!(asked.status.code(), Some(2), "{asked:?}");
    assert!(asked.stdout.is_empty());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("atelier.json"), "keep me").unwrap();
    let refused = Command::new(binary())
        .args(["serve", "--open", "--catalogue", FIXTURE, "--listen", &format!("127.0.0.1:{}", free_port())])
        .args(["--report", dir.path().join("atelier").to_str().unwrap()])
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("LANG", "C.UTF-8")
        .env_remove("BOUCLE_CATALOGUE")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    assert!(stderr(&refused).contains("never written over a file"), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(dir.path().join("atelier.json")).unwrap(), "keep me");
}
