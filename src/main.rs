//! The `upskill` binary: parses the command line and dispatches.

use std::io::IsTerminal;

use clap::Parser;
use tracing_subscriber::EnvFilter;
use upskill::cli::{Cli, LogFormat};

#[actix_web::main]
async fn main() -> std::process::ExitCode {
    return_large_buffers_to_the_system();
    let cli = Cli::parse();
    init_logging(cli.log_format);
    let format = cli.log_format;
    match upskill::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            // The last word, credentials hidden, in the format the log shipper reads.
            let message = upskill::security::redact(format!("{err:#}").trim_end());
            match format {
                LogFormat::Text => eprintln!("error: {message}"),
                LogFormat::Json => tracing::error!("{message}"),
            }
            std::process::ExitCode::FAILURE
        }
    }
}

/// Log lines go to standard error, at the level `RUST_LOG` sets (`info` by default). In
/// JSON, each line is one object: `timestamp`, `level`, `message`, the event's fields,
/// `target`, and under `span` the request's `request_id` for lines logged by a request.
fn init_logging(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let lines = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        LogFormat::Text => lines.with_ansi(std::io::stderr().is_terminal()).init(),
        LogFormat::Json => lines.json().flatten_event(true).with_current_span(true).with_span_list(false).init(),
    }
}

/// Buffers of a MiB or more (an attached file, the database driver's copies of it) are
/// mapped on their own and given back to the system as soon as they are freed. By
/// default glibc raises that threshold to the size of the first such buffer freed, and
/// later ones then stay in the heap of whichever thread used them: eight 10 MiB uploads
/// at once left the server at 376 MiB instead of 155 (`bench/uploads.sh`).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_large_buffers_to_the_system() {
    // SAFETY: `mallopt` only sets a parameter of glibc's allocator, under its own lock;
    // no memory is touched.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_buffers_to_the_system() {}
