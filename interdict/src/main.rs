//! `interdict`: sanctions and arms-embargo screening in one offline binary.

/// mimalloc: screening allocates many small, short-lived strings per query.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod batch;
mod diff;
mod embargoes;
mod import;
mod lists;
mod scan;
mod screen;
mod serve;
mod token_table;
mod trade;
mod update;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use interdict_store::Store;
use std::path::PathBuf;
use std::process::ExitCode;

/// Sanctions and arms-embargo screening, offline, on an embedded store.
#[derive(Parser)]
#[command(name = "interdict", version, about)]
struct Cli {
    /// The database file. Default: $XDG_DATA_HOME/interdict/interdict.db
    /// (~/.local/share/interdict/interdict.db).
    #[arg(long, global = true, env = "INTERDICT_DB")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import list files (UN, OFAC, EU, UK, US CSL, OpenSanctions FtM / nested / simple CSV) as new snapshots.
    Import(import::ImportArgs),
    /// Show the imported snapshots and their counts.
    Lists(lists::ListsArgs),
    /// Show one entity by id (e.g. ofac:20157).
    Show(lists::ShowArgs),
    /// Show what changed between two editions of a list.
    Diff(diff::DiffArgs),
    /// Download the current editions from the publishers and import them.
    Update(update::UpdateArgs),
    /// Screen one name against the active lists.
    Screen(screen::ScreenArgs),
    /// Screen a CSV or JSON Lines file of names.
    Batch(batch::BatchArgs),
    /// List and explain the arms embargoes in force.
    Embargoes(embargoes::EmbargoesArgs),
    /// Screen trade transactions against the lists and the arms embargoes.
    Trade(trade::TradeArgs),
    /// Find listed parties and embargoed countries named in free text.
    Scan(scan::ScanArgs),
    /// Serve the screening API and the analysts' page over HTTP.
    Serve(serve::ServeArgs),
}

/// Output format of the reporting commands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Readable text.
    #[default]
    Text,
    /// JSON.
    Json,
}

/// The database path: --db, $INTERDICT_DB (through clap), or the default.
pub fn db_path(db: &Option<PathBuf>) -> PathBuf {
    db.clone().unwrap_or_else(default_db)
}

fn default_db() -> PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("interdict").join("interdict.db")
}

/// Opens the store, creating its folder when needed.
pub fn open_store(db: &Option<PathBuf>) -> anyhow::Result<Store> {
    let path = db_path(db);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    }
    Store::open(&path).with_context(|| format!("cannot open the database {}", path.display()))
}

/// Restores the default SIGPIPE action so that `interdict … | head` ends
/// quietly like other Unix tools instead of failing on a closed pipe.
fn reset_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal disposition to its default at start-up, before
    // any thread exists, has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Turns off transparent huge pages for this process. With the kernel's
/// THP set to `always`, the allocator's freed and reused regions were
/// faulted back in and zeroed 2 MiB at a time: `interdict batch` on the
/// speed bench's 20,000 names, one thread, spent 0.41-0.61 s in the kernel
/// instead of 0.13-0.17 s and peaked at 224-230 MB instead of 190-192 MB.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE only sets a flag of this process; its
    // arguments are plain integers and an error is harmless (THP stays on).
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() -> ExitCode {
    no_huge_pages();
    let cli = Cli::parse();
    if !matches!(cli.command, Command::Serve(_)) {
        // A server must survive clients that hang up; it keeps Rust's default.
        reset_sigpipe();
    }
    let result = match &cli.command {
        Command::Import(args) => import::run(args, &cli.db),
        Command::Lists(args) => lists::run_lists(args, &cli.db),
        Command::Show(args) => lists::run_show(args, &cli.db),
        Command::Diff(args) => diff::run(args, &cli.db),
        Command::Update(args) => update::run(args, &cli.db),
        Command::Screen(args) => open_store(&cli.db).and_then(|s| screen::run(args, &s)),
        Command::Batch(args) => open_store(&cli.db).and_then(|s| batch::run(args, &s)),
        Command::Embargoes(args) => embargoes::run(args),
        Command::Trade(args) => open_store(&cli.db).and_then(|s| trade::run(args, &s)),
        Command::Scan(args) => scan::run(args, &cli.db),
        Command::Serve(args) => serve::run(args, &cli.db),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
