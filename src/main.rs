use clap::Parser;
use mc_gumbel::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    mc_gumbel::app::install_panic_hook();
    let cli = Cli::parse();
    match mc_gumbel::app::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
