//! TEMPORARY (#25 item 5 investigation, removed after): env-gated timestamps per key.
use std::cell::Cell;
use std::io::Write;
use std::sync::{Mutex, OnceLock};
use std::time::Instant;

struct Trace {
    epoch: Instant,
    marks: Mutex<Vec<(u8, usize, u64)>>,
}

fn trace() -> Option<&'static Trace> {
    static TRACE: OnceLock<Option<Trace>> = OnceLock::new();
    TRACE
        .get_or_init(|| {
            let path = std::env::var_os("BOUCLE_KEY_TRACE")?;
            let trace = Trace { epoch: Instant::now(), marks: Mutex::new(Vec::new()) };
            std::thread::spawn(move || {
                let mut file = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
                loop {
                    std::thread::sleep(std::time::Duration::from_millis(500));
                    let Some(t) = trace_ref() else { continue };
                    let marks = std::mem::take(&mut *t.marks.lock().unwrap());
                    for (kind, tag, at) in marks {
                        let _ = writeln!(file, "{} {tag:x} {at}", kind as char);
                    }
                    let _ = file.flush();
                }
            });
            Some(trace)
        })
        .as_ref()
}

fn trace_ref() -> Option<&'static Trace> {
    trace()
}

thread_local! {
    static TAG: Cell<usize> = const { Cell::new(0) };
}

pub fn set_tag(tag: usize) {
    TAG.with(|t| t.set(tag));
}

pub fn tag() -> usize {
    TAG.with(Cell::get)
}

pub fn mark(kind: u8, tag: usize) {
    if let Some(t) = trace() {
        let at = t.epoch.elapsed().as_micros() as u64;
        t.marks.lock().unwrap().push((kind, tag, at));
    }
}

pub fn here(kind: u8) {
    mark(kind, tag());
}
