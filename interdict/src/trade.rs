//! `interdict trade` (to be written by the embargo work).

use interdict_store::Store;
use std::process::ExitCode;

/// Arguments of `interdict trade`.
#[derive(clap::Args)]
pub struct TradeArgs {
    /// Input.
    pub input: Option<String>,
}

/// Runs the command.
pub fn run(_args: &TradeArgs, _store: &Store) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
