use std::process::ExitCode;

use baton::config::{Cli, Command};
use clap::Parser;

/// mimalloc: hooks and notify events allocate many small short-lived values per request, where
/// glibc's allocator spent a noticeable share of the time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Openapi) => {
            println!("{}", baton::api::openapi_json());
            Ok(())
        }
        Some(Command::Serve(args)) => baton::app::serve(*args).await,
        Some(Command::FakeClaude { args }) => match baton::fake_claude::run(args).await {
            Ok(code) => return ExitCode::from(u8::try_from(code).unwrap_or(1)),
            Err(error) => Err(error),
        },
        Some(Command::User { command, data }) => baton::cli::user(command, &data).await,
        Some(Command::Token { command, data }) => baton::cli::token(command, &data).await,
        Some(Command::Export { format, output, passphrase_stdin, data }) => {
            baton::cli::export(&format, output.as_deref(), passphrase_stdin, &data).await
        }
        Some(Command::Import { file, dry_run, prune, passphrase_stdin, data }) => {
            baton::cli::import(&file, dry_run, prune, passphrase_stdin, &data).await
        }
        Some(Command::Hook { target, timeout }) => {
            baton::cli::hook(&target, timeout).await;
            Ok(())
        }
        Some(Command::Hooks { command }) => baton::cli::hooks(command),
        None => baton::app::serve(cli.serve).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // One sentence for a person, with the chain of causes; no backtrace.
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}
