//! Shortlists that two sessions share never lose a mark: two dashboards on one `--shortlist`
//! file (the tester's sequence: A marks X, B marks Y, A marks Z, and Y was lost), and two SSH
//! sessions of one key in a room, which share one live shortlist.

use crate::common;

use std::process::Command;

use common::serve::{Server, SshPanes};
use common::terminal::{FIXTURE, Launch};
use common::tmux::Tmux;

/// The marked rows of the results pane.
fn marked(screen: &str) -> usize {
    screen.lines().filter(|l| l.contains("┃★")).count()
}

#[test]
fn two_dashboards_on_one_shortlist_file_keep_each_others_marks() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("shortlist.ron");
    let catalogue = format!("{}/{FIXTURE}", env!("CARGO_MANIFEST_DIR"));
    let launch = || Launch::args(&["--catalogue", &catalogue, "--shortlist", file.to_str().unwrap()]).cwd(data.path());
    let tmux = Tmux::start();
    let a = tmux.boucle("a", launch());
    let b = tmux.boucle("b", launch());
    a.wait_for_dashboard();
    b.wait_for_dashboard();
    let saved = || std::fs::read_to_string(&file).unwrap_or_default().matches("id:").count();

    a.keys(&["m"]);
    a.wait_for("A's mark", |s| marked(s) == 1);
    common::serve::wait_until("A's save", || saved() == 1);
    b.keys(&["j", "m"]);
    b.wait_for("B's mark, with A's merged in", |s| marked(s) == 2);
    common::serve::wait_until("B's save", || saved() == 2);
    a.keys(&["j", "j", "m"]);
    let screen = a.wait_for("A's second mark, with B's merged in", |s| marked(s) == 3);
    assert!(screen.contains("another session"), "A is told: {screen}");
    assert_eq!(saved(), 3, "{}", std::fs::read_to_string(&file).unwrap());
    a.keys(&["q"]);
    b.keys(&["q"]);
    assert_eq!(a.wait_for_exit(), 0);
    assert_eq!(b.wait_for_exit(), 0);
}

/// Two SSH sessions of one participant's key: what one marks shows at once in the other,
/// without a key pressed there, and both marks are kept in the key's file.
#[test]
fn two_sessions_of_one_key_share_one_live_shortlist() {
    let keys = tempfile::tempdir().unwrap();
    let key = keys.path().join("participant");
    let made = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "participant", "-f", key.to_str().unwrap()])
        .output()
        .expect("ssh-keygen runs");
    assert!(made.status.success(), "{made:?}");
    let authorized = keys.path().join("authorized_keys");
    std::fs::copy(keys.path().join("participant.pub"), &authorized).unwrap();
    let server = Server::start(&["--authorized-keys", authorized.to_str().unwrap()]);
    let tmux = Tmux::start();
    let options = format!("-o PubkeyAuthentication=yes -o PasswordAuthentication=no -i {}", key.display());
    tmux.ssh_with(&server, "laptop", "en", (100, 30), &options);
    tmux.ssh_with(&server, "phone", "en", (100, 30), &options);
    tmux.wait_for("laptop", "the laptop's dashboard", common::serve::ready);
    tmux.wait_for("phone", "the phone's dashboard", common::serve::ready);

    tmux.keys("laptop", &["m"]);
    tmux.wait_for("laptop", "the laptop's mark", |s| marked(s) == 1);
    tmux.wait_for("phone", "the laptop's mark, live on the phone", |s| marked(s) == 1);
    tmux.keys("phone", &["j", "m"]);
    tmux.wait_for("phone", "the phone's mark", |s| marked(s) == 2);
    tmux.wait_for("laptop", "the phone's mark, live on the laptop", |s| marked(s) == 2);

    let folder = server.dir.path().join("data/boucle/serve-shortlists");
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "one file for the key");
    assert_eq!(std::fs::read_to_string(files[0].path()).unwrap().matches("id:").count(), 2);
    for pane in ["laptop", "phone"] {
        tmux.keys(pane, &["q"]);
        tmux.wait_for(pane, "the session to end", |s| s.contains("EXITED 0"));
    }
    server.wait_for_no_session();
}
