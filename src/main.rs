use clap::Parser;

#[global_allocator]
static ALLOCATOR: boucle::allocator::Allocator = mimalloc::MiMalloc;

fn main() {
    boucle::allocator::tune();
    // A Tab in a shell whose completion script calls back: answered here, then exits.
    boucle::cli::completions::complete_from_env();
    let cli = boucle::cli::Cli::parse();
    let code = boucle::cli::run(cli, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(code);
}
