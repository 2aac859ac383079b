//! `interdict scan` (to be written).

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `interdict scan`.
#[derive(clap::Args)]
pub struct ScanArgs {
    /// Input.
    pub input: Option<String>,
}

/// Runs the command. `db` is the database path given with --db (None = default).
pub fn run(_args: &ScanArgs, _db: &Option<PathBuf>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
