//! `interdict serve` (to be written).

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `interdict serve`.
#[derive(clap::Args)]
pub struct ServeArgs {
    /// Input.
    pub input: Option<String>,
}

/// Runs the command. `db` is the database path given with --db (None = default).
pub fn run(_args: &ServeArgs, _db: &Option<PathBuf>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
