//! Writes a synthetic catalogue folder for benchmarks (never under `practices/`):
//! `cargo run --release --example synthetic -- 10000 /tmp/catalogue-10k`
#[path = "bench/synthetic.rs"]
mod synthetic;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(dir)) = (args.get(1).and_then(|n| n.parse::<usize>().ok()), args.get(2)) else {
        eprintln!("usage: synthetic N DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(dir);
    if dir.exists() && std::fs::read_dir(dir).map(|mut d| d.next().is_some()).unwrap_or(true) {
        eprintln!("{} exists and is not empty", dir.display());
        std::process::exit(2);
    }
    match synthetic::write_catalogue(dir, n, 42) {
        Ok(bytes) => println!("{n} entries, {bytes} bytes in {}", dir.display()),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
