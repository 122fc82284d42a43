//! The dashboard's catalogue folder taken away under it, with the release binary in tmux
//! (#19): `rm -rf` of the `--catalogue` folder used to empty the screen, and a folder copied
//! back in its place was never watched again (the screen stayed empty until `r`). Now the
//! entries stay, the problem names the folder (status line and problems panel, in both
//! languages), and the new folder's content shows by itself.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::terminal::{FIXTURE, Launch};
use common::tmux::Tmux;

const BETHUNE: &str = "good-practices/bethune-bruay-mining-heritage.ron";

fn copy_fixture(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let copied = Command::new("cp").arg("-r").arg(from).arg(to).status().unwrap();
    assert!(copied.success());
}

#[test]
fn a_removed_catalogue_folder_keeps_the_entries_on_screen_and_a_new_one_loads_by_itself() {
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("cat");
    copy_fixture(&folder);
    let tmux = Tmux::start();
    let cache = format!("BOUCLE_CACHE_DIR={}", root.path().join("cache").display());
    let launch = Launch::args(&["--catalogue", folder.to_str().unwrap()]).env(&cache).size(100, 30);
    let boucle = tmux.boucle("boucle", launch);
    boucle.wait_for("the dashboard", |s| s.contains("Béthune-Bruay: a former"));

    std::fs::remove_dir_all(&folder).unwrap();
    let screen = boucle.wait_for("the folder said gone", |s| s.contains("is gone"));
    assert!(screen.contains("Béthune-Bruay: a former"), "the entries stay on screen:\n{screen}");
    assert!(!screen.contains("0 results"), "{screen}");
    boucle.keys(&["!"]);
    let shown = folder.display().to_string();
    let panel = boucle.wait_for("the problems panel", |s| s.contains(&format!("{shown}:1:1")));
    assert!(panel.contains("put the folder back"), "{panel}");
    // The same problem in French.
    // (Esc alone: Esc then a letter at once reads as Alt and the letter.)
    boucle.keys(&["Escape"]);
    boucle.wait_for("the panel closed", |s| !s.contains("put the folder back"));
    boucle.keys(&["L"]);
    boucle.wait_for("the dashboard in French", |s| s.contains("Filtres"));
    boucle.keys(&["!"]);
    boucle.wait_for("the panel in French", |s| s.contains("a disparu") && s.contains("remettez le dossier"));
    boucle.keys(&["Escape"]);
    boucle.wait_for("the panel closed", |s| !s.contains("remettez le dossier"));
    boucle.keys(&["L"]);
    boucle.wait_for("the dashboard in English", |s| s.contains("Filters"));

    // `cp -r good cat` with one title edited: it shows, with no `r` and no restart.
    copy_fixture(&folder);
    let path = folder.join(BETHUNE);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("a former coal-mining area", "a folder copied back")).unwrap();
    let screen = boucle.wait_for("the new folder's title", |s| s.contains("Béthune-Bruay: a folder copied back"));
    assert!(!screen.contains("is gone"), "{screen}");
    boucle.keys(&["!"]);
    let panel = boucle.wait_for("the problems panel", |s| s.contains("broken-magnet-recycling.ron"));
    assert!(!panel.contains(&format!("{shown}:1:1")), "the folder's problem is gone with it:\n{panel}");
    boucle.keys(&["Escape"]);
    boucle.wait_for("the panel closed", |s| s.contains("Filters"));
    boucle.keys(&["q"]);
    assert_eq!(boucle.wait_for_exit(), 0);
    boucle.assert_restored();
}
