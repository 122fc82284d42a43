use clap::Parser;

#[global_allocator]
static ALLOCATOR: boucle::allocator::Allocator = mimalloc::MiMalloc;

fn main() {
    boucle::allocator::tune();
    let cli = boucle::cli::Cli::parse();
    let code = boucle::cli::run(cli, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(code);
}
