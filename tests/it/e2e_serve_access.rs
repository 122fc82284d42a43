//! `boucle serve` and who gets in, with the real OpenSSH client: keys, passwords, refusals, and
//! exec requests that return exactly what the local command line prints.

use crate::common;

use std::io::Read;
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::serve::*;

#[test]
fn a_listed_key_logs_in_and_is_named_by_its_fingerprint_another_key_does_not() {
    let keys = tempfile::tempdir().unwrap();
    for name in ["listed", "other"] {
        let path = keys.path().join(name);
        let made = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path.to_str().unwrap()])
            .output()
            .expect("ssh-keygen runs");
        assert!(made.status.success(), "{made:?}");
    }
    let authorized = keys.path().join("authorized_keys");
    std::fs::copy(keys.path().join("listed.pub"), &authorized).unwrap();
    let server = Server::start(&["--authorized-keys", authorized.to_str().unwrap()]);
    let with_key = |name: &str| {
        let key = keys.path().join(name);
        Command::new("timeout")
            .args(["30", "ssh", "-F", server.ssh_config().to_str().unwrap(), "-p", &server.port.to_string()])
            .args(["-o", "PubkeyAuthentication=yes", "-o", "PasswordAuthentication=no", "-i", key.to_str().unwrap()])
            .args(["en@127.0.0.1", "show", "bethune-bruay-mining-heritage"])
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let listed = with_key("listed");
    assert!(listed.status.success(), "{listed:?}");
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Béthune"));
    let other = with_key("other");
    assert_eq!(other.status.code(), Some(255), "{other:?}");
    let fingerprint =
        Command::new("ssh-keygen").args(["-l", "-f"]).arg(keys.path().join("listed.pub")).output().unwrap();
    let fingerprint = String::from_utf8_lossy(&fingerprint.stdout).split_whitespace().nth(1).unwrap().to_string();
    assert!(server.log().contains(&format!("logged in (key {fingerprint})")), "{}", server.log());
    server.wait_for_no_session();
}

#[test]
fn list_over_ssh_is_exactly_the_local_list() {
    let server = Server::open();
    let remote = server.exec(&["list", "--format", "json"]);
    assert!(remote.status.success(), "{}", String::from_utf8_lossy(&remote.stderr));
    let local = Command::new(binary())
        .args(["list", "--format", "json", "--catalogue", FIXTURE, "--lang", "en"])
        .env_remove("BOUCLE_CATALOGUE")
        .output()
        .unwrap();
    assert!(local.status.success());
    assert_eq!(String::from_utf8_lossy(&remote.stdout), String::from_utf8_lossy(&local.stdout));

    let quoted = server.exec(&["list", "--query", "'terres rares'", "--format", "md"]);
    assert!(quoted.status.success(), "{}", String::from_utf8_lossy(&quoted.stderr));
    let handout = server.exec(&["export", "--entry", "bethune-bruay-mining-heritage", "--format", "md"]);
    assert!(handout.status.success(), "{}", String::from_utf8_lossy(&handout.stderr));
    assert!(String::from_utf8_lossy(&handout.stdout).contains("Béthune"));
    let target = server.dir.path().join("written-on-the-server.md");
    let written = server.exec(&["export", "--output", target.to_str().unwrap()]);
    assert_eq!(written.status.code(), Some(2), "{written:?}");
    assert!(!target.exists(), "nothing is written on the server");
    let show = server.exec(&["show", "nope-not-an-id"]);
    assert_eq!(show.status.code(), Some(2), "{}", String::from_utf8_lossy(&show.stderr));
    server.wait_for_no_session();
}

#[test]
fn shells_commands_forwarding_and_wrong_passwords_are_refused() {
    let server = Server::start(&["--password-file", "{dir}/password"]);

    let shell = server.ssh("en", "aimant2026", &["-T"]);
    assert_ne!(shell.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&shell.stderr).contains("needs a terminal"), "{shell:?}");

    let command = server.ssh("en", "aimant2026", &["-T", "-o", "RemoteCommand=sh -c id"]);
    assert_eq!(command.status.code(), Some(2), "{command:?}");
    assert!(!String::from_utf8_lossy(&command.stdout).contains("uid="));

    let right = server.ssh("en", "aimant2026", &["-o", "RemoteCommand=list --format csv"]);
    assert!(right.status.success(), "{right:?}");
    assert!(String::from_utf8_lossy(&right.stdout).contains("bethune"));

    let wrong = server.ssh("en", "aimant2025", &["-o", "RemoteCommand=list"]);
    assert_eq!(wrong.status.code(), Some(255), "{wrong:?}");
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("Permission denied"), "{wrong:?}");

    // -L: the tunnel opens on the client, and the server refuses the channel behind it.
    let local_port = free_port();
    let forward = format!("{local_port}:127.0.0.1:{}", server.port);
    let mut tunnel = Command::new("ssh")
        .args(["-F", server.ssh_config().to_str().unwrap(), "-p", &server.port.to_string(), "-N", "-L", &forward])
        .arg("en@127.0.0.1")
        .env("SSH_ASKPASS", server.dir.path().join("askpass-aimant2026"))
        .env("SSH_ASKPASS_REQUIRE", "force")
        .env("DISPLAY", ":0")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_until("the tunnel", || TcpStream::connect(("127.0.0.1", local_port)).is_ok());
    let mut through = TcpStream::connect(("127.0.0.1", local_port)).unwrap();
    through.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut greeting = Vec::new();
    let _ = through.read_to_end(&mut greeting);
    assert!(!String::from_utf8_lossy(&greeting).contains("SSH-2.0"), "nothing comes through the tunnel");
    let _ = tunnel.kill();
    let _ = tunnel.wait();

    wait_until("the refusals in the log", || server.log().contains("refused port forwarding"));
    let log = server.log();
    assert!(log.contains("refused a shell without a terminal"), "{log}");
    assert!(log.contains("refused: exec of `sh`"), "{log}");
    assert!(log.contains("refused a wrong password"), "{log}");
    assert!(!log.contains("aimant2025") && !log.contains("aimant2026"), "no password in the log:\n{log}");
    server.wait_for_no_session();
}

#[test]
fn without_a_language_in_the_user_name_the_clients_lang_decides_else_the_servers() {
    let server = Server::start(&["--open", "--lang", "fr"]);
    for (send, expected) in [("SendEnv=LANG", ", en)"), ("SendEnv=NOTHING", ", fr)")] {
        let before = server.log().matches(expected).count();
        let output = Command::new("timeout")
            .args(["30", "ssh", "-tt", "-o", send, "-F", server.ssh_config().to_str().unwrap()])
            .args(["-p", &server.port.to_string(), "room@127.0.0.1"])
            .env("LANG", "en_GB.UTF-8")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_ne!(output.status.code(), Some(124), "ssh did not end: {output:?}");
        let log = server.log();
        assert_eq!(log.matches(expected).count(), before + 1, "{send}: a dashboard{expected}\n{log}");
    }
    server.wait_for_no_session();
}
