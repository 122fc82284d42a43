//! TEMPORARY: env-gated timestamps of a reload's phases (BOUCLE_RELOAD_TRACE), removed after
//! measuring.
use std::sync::OnceLock;
use std::time::Instant;

static ON: OnceLock<bool> = OnceLock::new();

pub fn mark(what: &str) {
    if *ON.get_or_init(|| std::env::var_os("BOUCLE_RELOAD_TRACE").is_some()) {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        let cpu = cpu_ms();
        eprintln!("trace {what} {:.3} cpu {cpu:.0}", now.as_secs_f64());
        let _ = Instant::now();
    }
}

fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(f64::NAN);
    (ticks(11) + ticks(12)) * 10.0
}
