use clap::Parser;
use mc_gumbel::cli::{flags, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    mc_gumbel::app::install_panic_hook();
    // The invocation is read here once and handed down: the manifest records it, and an
    // interrupted run's resume line is built from it.
    let argv: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let cli = match Cli::try_parse_from(&argv) {
        Ok(cli) => cli,
        Err(e) => match flags::clap_message(&e) {
            Some(message) => {
                eprintln!("error: {message}");
                return ExitCode::from(2);
            }
            None => e.exit(),
        },
    };
    match mc_gumbel::app::run(cli, &argv) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", flags::message(&e, &argv));
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
