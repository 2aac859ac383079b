//! `interdict batch` (to be written by the matcher work).

use interdict_store::Store;
use std::process::ExitCode;

/// Arguments of `interdict batch`.
#[derive(clap::Args)]
pub struct BatchArgs {
    /// Input.
    pub input: String,
}

/// Runs the command.
pub fn run(_args: &BatchArgs, _store: &Store) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
