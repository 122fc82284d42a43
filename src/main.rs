use clap::Parser;

/// mimalloc against glibc's malloc at 100k entries (examples/bench, alternated runs): peak
/// memory 364-387 MB against 409, CPU time 0.84-0.98x (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = boucle::cli::Cli::parse();
    let code = boucle::cli::run(cli, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(code);
}
