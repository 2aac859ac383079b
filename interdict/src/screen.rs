//! `interdict screen` (to be written by the matcher work).

use interdict_store::Store;
use std::process::ExitCode;

/// Arguments of `interdict screen`.
#[derive(clap::Args)]
pub struct ScreenArgs {
    /// Input.
    pub input: String,
}

/// Runs the command.
pub fn run(_args: &ScreenArgs, _store: &Store) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
