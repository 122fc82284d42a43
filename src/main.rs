#[global_allocator]
static ALLOCATOR: boucle::allocator::Allocator = mimalloc::MiMalloc;

fn main() {
    boucle::allocator::tune();
    // A Tab in a shell whose completion script calls back: answered here, then exits.
    boucle::cli::completions::complete_from_env();
    // A usage error is said in the user's language (`--lang`, else the locale), exit code 2.
    let cli = boucle::cli::usage::parse_or_exit();
    let code = boucle::cli::run(cli, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(code);
}
