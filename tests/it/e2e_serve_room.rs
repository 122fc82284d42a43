//! `boucle serve` as a room that lasts: a catalogue changed in its folder reaches every
//! session, and a participant who logs in with a key finds their shortlist again after a
//! reconnection (another key does not). Real OpenSSH client in tmux, on 127.0.0.1.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::serve::*;

const BETHUNE: &str = "good-practices/bethune-bruay-mining-heritage.ron";
const OLD_TITLE: &str = "Béthune-Bruay: a former coal-mining area remaking itself";
const NEW_TITLE: &str = "Béthune-Bruay: a renamed mining area";

fn copy_fixture(to: &Path) {
    let copied = Command::new("cp").args(["-r", &format!("{FIXTURE}/."), to.to_str().unwrap()]).status().unwrap();
    assert!(copied.success());
}

fn rename_bethune(catalogue: &Path) {
    let path = catalogue.join(BETHUNE);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(OLD_TITLE));
    std::fs::write(&path, text.replace(OLD_TITLE, NEW_TITLE)).unwrap();
}

#[test]
fn a_title_changed_in_the_folder_shows_in_every_session_and_in_new_ones() {
    let catalogue = tempfile::tempdir().unwrap();
    copy_fixture(catalogue.path());
    let server = Server::start_on(catalogue.path().to_str().unwrap(), &["--open"]);
    let tmux = Tmux::start();
    for name in ["one", "two"] {
        tmux.ssh(&server, name, "en", (160, 40));
        tmux.wait_for(name, "the dashboard", |s| ready(s) && s.contains("Béthune-Bruay: a former"));
    }
    rename_bethune(catalogue.path());
    for name in ["one", "two"] {
        tmux.wait_for(name, "the new title", |s| s.contains("Béthune-Bruay: a renamed"));
    }
    // A session that starts now starts on the newest catalogue; and exec requests read it too.
    tmux.ssh(&server, "three", "en", (160, 40));
    let screen = tmux.wait_for("three", "the dashboard", ready);
    assert!(screen.contains("Béthune-Bruay: a renamed") && !screen.contains("a former coal"), "{screen}");
    let shown = server.exec(&["show", "bethune-bruay-mining-heritage"]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains(NEW_TITLE), "{shown:?}");
    for name in ["one", "two", "three"] {
        tmux.keys(name, &["q"]);
        tmux.wait_for(name, "ssh to end", |s| s.contains("EXITED"));
    }
    server.wait_for_no_session();
    assert!(server.log().contains("catalogue reloaded"), "{}", server.log());
}

/// #19: `rm -rf` of the room's catalogue folder emptied every session, and a folder copied back
/// in its place was never watched again. Now the sessions keep the last good catalogue and are
/// told why, the log names the folder, and the new folder reaches every session by itself.
#[test]
fn a_folder_removed_keeps_the_room_on_its_last_good_catalogue_and_one_copied_back_reaches_everyone() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("cat");
    std::fs::create_dir(&folder).unwrap();
    copy_fixture(&folder);
    let server = Server::start_on(folder.to_str().unwrap(), &["--open"]);
    let tmux = Tmux::start();
    for (name, user) in [("one", "en"), ("two", "fr")] {
        tmux.ssh(&server, name, user, (160, 40));
        tmux.wait_for(name, "the dashboard", |s| ready(s) && s.contains("Béthune-Bruay"));
    }

    std::fs::remove_dir_all(&folder).unwrap();
    wait_until("the log to name the folder gone", || server.log().contains("is gone"));
    let log = server.log();
    assert!(log.contains(&format!("the catalogue folder {} is gone", folder.display())), "{log}");
    assert!(!log.contains("catalogue reloaded: 0 entries"), "{log}");
    let said = [("one", "is gone"), ("two", "a disparu")];
    for (name, words) in said {
        let screen = tmux.wait_for(name, "the folder said gone", |s| s.contains(words));
        assert!(screen.contains("Béthune-Bruay"), "the entries stay:\n{screen}");
    }
    tmux.keys("one", &["!"]);
    let panel = tmux.wait_for("one", "the problems panel", |s| s.contains(&format!("{}:1:1", folder.display())));
    assert!(panel.contains("put the folder back"), "{panel}");
    tmux.keys("one", &["Escape"]);

    // `cp -r good cat`: a new folder, followed with no restart.
    std::fs::create_dir(&folder).unwrap();
    copy_fixture(&folder);
    rename_bethune(&folder);
    let path = folder.join(BETHUNE);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("un ancien territoire charbonnier en reconversion", "un territoire renommé"))
        .unwrap();
    tmux.wait_for("one", "the new title", |s| s.contains("Béthune-Bruay: a renamed"));
    tmux.wait_for("two", "the new title", |s| s.contains("Béthune-Bruay : un territoire renommé"));
    tmux.ssh(&server, "three", "en", (160, 40));
    let screen = tmux.wait_for("three", "the dashboard", |s| ready(s) && s.contains("Béthune-Bruay"));
    assert!(screen.contains("Béthune-Bruay: a renamed") && !screen.contains("is gone"), "{screen}");
    let shown = server.exec(&["show", "bethune-bruay-mining-heritage"]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains(NEW_TITLE), "{shown:?}");
    for name in ["one", "two", "three"] {
        tmux.keys(name, &["q"]);
        tmux.wait_for(name, "ssh to end", |s| s.contains("EXITED"));
    }
    server.wait_for_no_session();
    assert!(server.log().contains("catalogue reloaded"), "{}", server.log());
}

#[test]
fn with_no_watch_the_sessions_keep_the_catalogue_they_started_with() {
    let catalogue = tempfile::tempdir().unwrap();
    copy_fixture(catalogue.path());
    let server = Server::start_on(catalogue.path().to_str().unwrap(), &["--open", "--no-watch"]);
    let tmux = Tmux::start();
    tmux.ssh(&server, "one", "en", (160, 40));
    tmux.wait_for("one", "the dashboard", |s| ready(s) && s.contains("Béthune-Bruay: a former"));
    rename_bethune(catalogue.path());
    std::thread::sleep(Duration::from_secs(3));
    let screen = tmux.screen("one");
    assert!(screen.contains("Béthune-Bruay: a former") && !screen.contains("a renamed"), "{screen}");
    tmux.keys("one", &["q"]);
    tmux.wait_for("one", "ssh to end", |s| s.contains("EXITED"));
    server.wait_for_no_session();
    assert!(!server.log().contains("catalogue reloaded"), "{}", server.log());
}

#[test]
fn a_keys_shortlist_outlives_a_reconnection_and_another_key_does_not_see_it() {
    let keys = tempfile::tempdir().unwrap();
    let mut authorized = String::new();
    for name in ["alice", "bob"] {
        let path = keys.path().join(name);
        let made = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path.to_str().unwrap()])
            .output()
            .expect("ssh-keygen runs");
        assert!(made.status.success(), "{made:?}");
        authorized.push_str(&std::fs::read_to_string(keys.path().join(format!("{name}.pub"))).unwrap());
    }
    std::fs::write(keys.path().join("authorized_keys"), authorized).unwrap();
    let server = Server::start(&["--authorized-keys", keys.path().join("authorized_keys").to_str().unwrap()]);
    let tmux = Tmux::start();
    let with_key = |window: &str, name: &str| {
        let options =
            format!("-o PubkeyAuthentication=yes -o PasswordAuthentication=no -i {}", keys.path().join(name).display());
        tmux.ssh_with(&server, window, "en", (160, 40), &options);
        tmux.wait_for(window, "the dashboard", ready)
    };
    let quit = |window: &str| {
        tmux.keys(window, &["q"]);
        let screen = tmux.wait_for(window, "ssh to end", |s| s.contains("EXITED"));
        assert!(screen.contains("EXITED 0"), "{screen}");
    };

    let screen = with_key("first", "alice");
    assert!(!screen.contains('★'), "{screen}");
    tmux.keys("first", &["m"]);
    tmux.wait_for("first", "the mark", |s| s.contains('★'));
    let kept = server.dir.path().join("data/boucle/serve-shortlists");
    wait_until("the shortlist to be saved on the server", || {
        std::fs::read_dir(&kept).map(|files| files.count() == 1).unwrap_or(false)
    });
    quit("first");

    let screen = with_key("again", "alice");
    assert!(screen.contains('★'), "the mark is still there after a reconnection:\n{screen}");
    quit("again");

    let screen = with_key("other", "bob");
    assert!(!screen.contains('★'), "another key has its own shortlist:\n{screen}");
    quit("other");
    server.wait_for_no_session();
}
