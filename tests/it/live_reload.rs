//! Live reload with the real file watcher, in a temporary catalogue folder: what a curator's
//! editor does to a file (save by rename, truncate then write, delete and recreate, bursts)
//! gives few reloads, each with the new content, and a broken save keeps the last good entry.
//! Timeouts are generous: CI machines have two busy cores.

use crate::common::written;

use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use boucle::live::merge_last_good;
use boucle::load::Loaded;
use boucle::load::watch::spawn;
use boucle::model::Catalogue;
use boucle::text::Lang;
use written::{Fixture, PRACTICE};

const WAIT: Duration = Duration::from_secs(10);

/// What one reload showed: the practice's title (if it is there) and the number of errors.
#[derive(Debug, PartialEq, Clone)]
struct Seen {
    title: Option<String>,
    errors: usize,
}

fn practice(title: &str) -> String {
    PRACTICE.replace("en: \"Battery regeneration\"", &format!("en: \"{title}\""))
}

/// Starts watching the fixture; each load is merged with the last one, as the dashboard does.
fn watch(fixture: &Fixture) -> (Receiver<Seen>, std::sync::mpsc::Sender<()>) {
    watch_by(fixture, false)
}

fn watch_by(fixture: &Fixture, poll: bool) -> (Receiver<Seen>, std::sync::mpsc::Sender<()>) {
    let (sender, seen) = channel();
    let mut shown: Catalogue = fixture.load().catalogue;
    let deliver = move |loaded: Loaded| {
        let loaded = merge_last_good(loaded, &shown);
        let title = loaded.catalogue.get("x").map(|e| e.title().get(Lang::En).to_string());
        shown = loaded.catalogue.clone();
        sender.send(Seen { title, errors: loaded.errors() }).is_ok()
    };
    let watching = spawn(vec![fixture.path().to_path_buf()], poll, deliver).expect("watch");
    // Let the watches be set up before the test writes.
    std::thread::sleep(Duration::from_millis(300));
    (seen, watching.reload)
}

/// Every reload until `done` holds for one of them (or the wait is over).
fn until(seen: &Receiver<Seen>, done: impl Fn(&Seen) -> bool) -> Vec<Seen> {
    let start = Instant::now();
    let mut all = Vec::new();
    while let Some(left) = WAIT.checked_sub(start.elapsed()) {
        match seen.recv_timeout(left) {
            Ok(one) => {
                let finished = done(&one);
                all.push(one);
                if finished {
                    return all;
                }
            }
            Err(_) => break,
        }
    }
    panic!("waited {WAIT:?}; reloads seen: {all:?}");
}

/// Reloads that arrive within `quiet` (none expected, or a few late ones).
fn more(seen: &Receiver<Seen>, quiet: Duration) -> Vec<Seen> {
    let mut all = Vec::new();
    while let Ok(one) = seen.recv_timeout(quiet) {
        all.push(one);
    }
    all
}

fn save_by_rename(fixture: &Fixture, relative: &str, text: &str) {
    let path = fixture.path().join(relative);
    let temporary = path.with_file_name(".x.ron.swp");
    std::fs::write(&temporary, text).unwrap();
    std::fs::rename(&temporary, &path).unwrap();
}

#[test]
fn two_saves_by_rename_each_give_one_reload_with_the_new_content() {
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &practice("First"));
    let (seen, _reload) = watch(&fixture);
    save_by_rename(&fixture, "good-practices/x.ron", &practice("Second"));
    let first = until(&seen, |s| s.title.as_deref() == Some("Second"));
    assert_eq!(first.len(), 1, "{first:?}");
    std::thread::sleep(Duration::from_millis(500));
    save_by_rename(&fixture, "good-practices/x.ron", &practice("Third"));
    let second = until(&seen, |s| s.title.as_deref() == Some("Third"));
    assert_eq!(second.len(), 1, "{second:?}");
    assert_eq!(more(&seen, Duration::from_millis(1500)), Vec::new());
}

#[test]
fn a_truncate_then_a_slow_write_ends_with_the_new_content_and_no_problem() {
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &practice("Before"));
    let (seen, _reload) = watch(&fixture);
    let path = fixture.path().join("good-practices/x.ron");
    let text = practice("After");
    let (head, tail) = text.split_at(text.len() / 2);
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&path).unwrap();
        file.write_all(head.as_bytes()).unwrap();
        file.flush().unwrap();
        std::thread::sleep(Duration::from_millis(400));
        file.write_all(tail.as_bytes()).unwrap();
    }
    let all = until(&seen, |s| s.title.as_deref() == Some("After") && s.errors == 0);
    // Half-written, the entry kept its last good version.
    assert!(all.iter().all(|s| s.title.is_some()), "{all:?}");
    let late = more(&seen, Duration::from_millis(1800));
    assert!(late.iter().all(|s| s.title.as_deref() == Some("After") && s.errors == 0), "{late:?}");
}

#[test]
fn delete_then_recreate() {
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &practice("Here"));
    let (seen, _reload) = watch(&fixture);
    std::fs::remove_file(fixture.path().join("good-practices/x.ron")).unwrap();
    until(&seen, |s| s.title.is_none() && s.errors == 0);
    std::thread::sleep(Duration::from_millis(300));
    fixture.file("good-practices/x.ron", &practice("Back"));
    until(&seen, |s| s.title.as_deref() == Some("Back"));
}

#[test]
fn a_burst_of_50_writes_gives_only_a_few_reloads() {
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &practice("Start"));
    let (seen, _reload) = watch(&fixture);
    for i in 0..50 {
        fixture.file("good-practices/x.ron", &practice(&format!("Write {i}")));
        std::thread::sleep(Duration::from_millis(5));
    }
    let all = until(&seen, |s| s.title.as_deref() == Some("Write 49"));
    let late = more(&seen, Duration::from_millis(1500));
    assert!(all.len() + late.len() <= 5, "{all:?} then {late:?}");
}

#[test]
fn an_invalid_save_keeps_the_old_entry_with_its_problem_and_a_fix_clears_it() {
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &practice("Good"));
    let (seen, reload) = watch(&fixture);
    save_by_rename(&fixture, "good-practices/x.ron", &practice("Broken\"").replace("Broken\"\"", "Broken"));
    let broken = until(&seen, |s| s.errors == 1);
    assert_eq!(broken.last().unwrap().title.as_deref(), Some("Good"), "the last good version stays: {broken:?}");
    // Tried again about a second later, still broken: still the old entry.
    let retried = more(&seen, Duration::from_millis(2000));
    assert!(retried.iter().all(|s| s.title.as_deref() == Some("Good") && s.errors == 1), "{retried:?}");
    save_by_rename(&fixture, "good-practices/x.ron", &practice("Fixed"));
    until(&seen, |s| s.title.as_deref() == Some("Fixed") && s.errors == 0);
    // `r` loads again even when nothing changed.
    reload.send(()).unwrap();
    until(&seen, |s| s.title.as_deref() == Some("Fixed"));
}

#[test]
fn polling_sees_a_save_too() {
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &practice("Polled"));
    let (seen, _reload) = watch_by(&fixture, true);
    // Polling compares modification times: let a second pass so the new one differs.
    std::thread::sleep(Duration::from_millis(1100));
    save_by_rename(&fixture, "good-practices/x.ron", &practice("Seen by polling"));
    until(&seen, |s| s.title.as_deref() == Some("Seen by polling"));
}

/// A vocabulary file broken by a syntax error (hostile trial: one `),` deleted in
/// materials.ron gave 264 "unknown material" errors before the one syntax error, and an empty
/// Material facet): the entries' uses of its terms fold under the syntax error, which comes
/// first, and live reload keeps the vocabulary's last good terms.
#[test]
fn a_vocabulary_with_a_syntax_error_keeps_its_last_good_terms_and_folds_its_uses() {
    use boucle::model::VocabularyKind;
    let fixture = Fixture::new();
    fixture.file("good-practices/x.ron", &practice("Good"));
    let good = fixture.load();
    assert_eq!(good.errors(), 0, "{:?}", good.diagnostics);
    let broken =
        written::MATERIALS.replace("strategic: true),\n    (id: \"lead\"", "strategic: true)\n    (id: \"lead\"");
    assert_ne!(broken, written::MATERIALS);
    fixture.file("vocabularies/materials.ron", &broken);
    let loaded = fixture.load();
    assert_eq!(loaded.errors(), 1, "the syntax error alone: {:?}", loaded.diagnostics);
    let first = &loaded.diagnostics[0];
    assert!(first.code == "syntax" && first.file.ends_with("vocabularies/materials.ron"), "{first:?}");
    assert_eq!(first.follow_ons.len(), 1, "x.ron's \"lead\": {first:?}");
    assert!(first.one_line(Lang::En).contains("(and 1 use of a term it would define, unchecked until it reads)"));
    assert!(first.one_line(Lang::Fr).contains("(et 1 emploi d’un terme qu’il définirait, non vérifié"));
    assert!(first.follow_ons[0].one_line(Lang::En).contains("good-practices/x.ron:6:17: unchecked material \"lead\""));
    let merged = merge_last_good(loaded, &good.catalogue);
    let materials = merged.catalogue.vocabularies.get(VocabularyKind::Material);
    assert!(materials.index_of("lead").is_some() && materials.index_of("neodymium").is_some());
    assert_eq!(merged.errors(), 1);
}
