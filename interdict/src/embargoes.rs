//! `interdict embargoes` (to be written by the embargo work).

use std::process::ExitCode;

/// Arguments of `interdict embargoes`.
#[derive(clap::Args)]
pub struct EmbargoesArgs {
    /// Input.
    pub input: Option<String>,
}

/// Runs the command.
pub fn run(_args: &EmbargoesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
