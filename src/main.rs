use clap::Parser;

fn main() {
    let cli = boucle::cli::Cli::parse();
    let code = boucle::cli::run(cli, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    std::process::exit(code);
}
