//! Parsing files on every core as they are found: the walk hands the files out in runs, in
//! load order, while it goes on (it took about 0.13 s of one core at 100k entries, the other
//! idle, before any file was parsed), and each parsing thread takes the next run when it is
//! done with its last, so the threads end together whatever the runs cost.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, channel};

use super::progress::{Progress, Report};
use super::{FileRole, ParsedFiles, ParsedRun, SourceFile, Stamps, classify, lost, parse_run};
use crate::model::Entry;

/// Files go to the parsing threads this many at a time: a few milliseconds of parsing, so
/// the last run leaves a core idle for no longer, and taking a run is rare.
const RUN: usize = 256;

/// A run of files and what parsing it gave; `at` is its place among the runs.
struct Parsed {
    at: usize,
    files: Vec<SourceFile>,
    slots: Vec<Option<Entry>>,
    run: ParsedRun,
}

/// Parses the files `feed` gives to its argument, in load order, on up to one thread per core
/// (a thread starts with each of the first runs); returns the files and what they gave, in
/// that order. `report` is told how many files are read once `feed` has given them all.
pub(super) fn parse_fed(
    feed: impl FnOnce(&mut dyn FnMut(SourceFile)),
    report: Report<'_>,
    stamps: Stamps,
) -> (Vec<SourceFile>, ParsedFiles) {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let progress = Progress::start(report);
    let (send, runs) = channel::<(usize, Vec<SourceFile>)>();
    let runs = Mutex::new(runs);
    let parsed: Vec<Parsed> = std::thread::scope(|scope| {
        let (runs, progress) = (&runs, &progress);
        let mut threads = Vec::new();
        let mut run = Vec::with_capacity(RUN);
        let (mut sent, mut total) = (0, 0);
        let mut hand_out = |run: Vec<SourceFile>| {
            total += run.len();
            // The receiving end lives until the threads are joined below.
            let _ = send.send((sent, run));
            sent += 1;
            if threads.len() < cores {
                threads.push(scope.spawn(move || parse_runs(runs, progress, stamps)));
            }
        };
        feed(&mut |file| {
            run.push(file);
            if run.len() == RUN {
                hand_out(std::mem::replace(&mut run, Vec::with_capacity(RUN)));
            }
        });
        if !run.is_empty() {
            hand_out(run);
        }
        drop(send);
        progress.counted(total);
        // A thread cannot panic but in `parse_runs`, which catches a panic per run.
        threads.into_iter().flat_map(|thread| thread.join().unwrap_or_default()).collect()
    });
    assembled(parsed)
}

/// Parses runs until there is none left.
fn parse_runs(
    runs: &Mutex<Receiver<(usize, Vec<SourceFile>)>>,
    progress: &Progress<'_>,
    stamps: Stamps,
) -> Vec<Parsed> {
    let mut parsed = Vec::new();
    loop {
        let next = runs.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).recv();
        let Ok((at, files)) = next else { return parsed };
        let mut slots: Vec<Option<Entry>> = std::iter::repeat_with(|| None).take(files.len()).collect();
        // Parsing cannot panic on data (every error is a diagnostic); if it did, the run's
        // files are reported rather than lost silently.
        let run = catch_unwind(AssertUnwindSafe(|| parse_run(&files, &mut slots, progress, stamps)));
        let run = run.unwrap_or_else(|_| {
            slots.iter_mut().for_each(|slot| *slot = None);
            lost(&files)
        });
        parsed.push(Parsed { at, files, slots, run });
    }
}

/// The runs put back in order: the files, their entries, and the rest of what they gave.
fn assembled(mut parsed: Vec<Parsed>) -> (Vec<SourceFile>, ParsedFiles) {
    parsed.sort_unstable_by_key(|p| p.at);
    let total = parsed.iter().map(|p| p.files.len()).sum();
    let loaded = parsed.iter().map(|p| p.slots.iter().filter(|slot| slot.is_some()).count()).sum();
    let mut files = Vec::with_capacity(total);
    let mut all = ParsedFiles { entries: Vec::with_capacity(loaded), ..ParsedFiles::default() };
    // Each run's entries are moved once, and its slots freed before the next run's.
    for Parsed { files: run_files, slots, run, .. } in parsed {
        for (file, slot) in run_files.into_iter().zip(slots) {
            match slot {
                Some(entry) => all.entries.push(entry),
                // A file's slot says whether it loaded: only the few without an entry are
                // classified again.
                None if matches!(classify(&file.relative), FileRole::Entry(_)) => all.unloaded.push(files.len()),
                None => {}
            }
            files.push(file);
        }
        all.checked_only.extend(run.checked_only);
        all.vocabulary_files.extend(run.vocabulary_files);
        all.unread_vocabularies.extend(run.unread_vocabularies);
        all.problems.extend(run.problems);
        all.stamps.extend(run.stamps);
        all.unstamped |= run.unstamped;
    }
    (files, all)
}
