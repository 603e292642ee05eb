//! The `upskill` binary: parses the command line and dispatches.

use std::io::IsTerminal;

use clap::Parser;
use tracing_subscriber::EnvFilter;
use upskill::cli::{Cli, LogFormat};

#[actix_web::main]
async fn main() -> std::process::ExitCode {
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
