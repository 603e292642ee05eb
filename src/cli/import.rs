//! `import-employees`: the HR file checked, previewed and imported from the terminal.

use anyhow::Context;

use super::ImportEmployeesArgs;
use crate::config::Settings;
use crate::db::import::{ImportOutcome, ImportRequest, Step};
use crate::db::{self};
use crate::domain::import::{ImportOptions, ImportPlan, RowAction, LEAVERS_NAMED};
use crate::domain::words::count_of;
use crate::startup::prepare_database;

/// Files from this size on get a progress bar (on standard error, when it is a terminal).
const PROGRESS_FROM_BYTES: usize = 1024 * 1024;
/// Error lines printed (the rest are only counted).
const ERRORS_SHOWN: usize = 50;
/// Updated people whose changes are printed in the preview.
const CHANGES_SHOWN: usize = 20;

/// A progress bar on standard error that follows the import's steps.
struct ImportProgress {
    bar: indicatif::ProgressBar,
    step: Option<Step>,
}

impl ImportProgress {
    fn new(visible: bool) -> ImportProgress {
        let bar = if visible { indicatif::ProgressBar::new(0) } else { indicatif::ProgressBar::hidden() };
        ImportProgress { bar, step: None }
    }

    fn update(&mut self, step: Step, done: u64, total: u64) {
        if self.step != Some(step) {
            let template = match step {
                Step::Checking => "{msg:9} [{bar:40}] {binary_bytes}/{binary_total_bytes} ({eta})",
                Step::Writing => "{msg:9} [{bar:40}] {human_pos}/{human_len} people ({eta})",
            };
            let style = indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> ");
            self.bar.set_style(style);
            self.bar.set_message(match step {
                Step::Checking => "checking",
                Step::Writing => "writing",
            });
            self.bar.reset();
            self.step = Some(step);
        }
        self.bar.set_length(total);
        self.bar.set_position(done);
    }

    fn finish(&mut self) {
        self.bar.finish_and_clear();
        self.step = None;
    }
}

/// Prints what an import would do: counts, notes, some changes and the first errors.
fn print_preview(file_name: &str, plan: &ImportPlan) {
    println!("{file_name}: {} people read.", plan.lines_read);
    println!("  new:       {:>8}", plan.new_count());
    println!("  updated:   {:>8}", plan.updated_count());
    println!("  unchanged: {:>8}", plan.unchanged_count());
    let leaving = plan.leaving_count() + plan.missing.len();
    if leaving > 0 {
        println!("  leaving:   {:>8} of {} active", leaving, plan.active_before);
    }
    let error_lines = plan.lines_with_errors() + plan.file_errors.len();
    println!("  errors:    {:>8} {}", error_lines, if error_lines == 1 { "line" } else { "lines" });
    for note in &plan.notes {
        println!("Note: {note}");
    }
    let updates: Vec<_> = plan
        .rows
        .iter()
        .filter_map(|r| match &r.action {
            RowAction::Update { changes, .. } => Some((&r.row, changes)),
            _ => None,
        })
        .collect();
    if !updates.is_empty() {
        println!(
            "Changes{}:",
            if updates.len() > CHANGES_SHOWN { format!(" (first {CHANGES_SHOWN})") } else { String::new() }
        );
        for (row, changes) in updates.iter().take(CHANGES_SHOWN) {
            let described: Vec<String> =
                changes.iter().map(|c| format!("{}: {} → {}", c.column, shown(&c.before), shown(&c.after))).collect();
            println!("  line {}, {}: {}", row.line, row.email, described.join("; "));
        }
    }
    if !plan.missing.is_empty() {
        println!(
            "Not in the file, so they leave{}:",
            if plan.missing.len() > LEAVERS_NAMED {
                format!(" (the first {LEAVERS_NAMED} of {})", plan.missing.len())
            } else {
                format!(" ({})", plan.missing.len())
            }
        );
        for person in plan.missing.iter().take(LEAVERS_NAMED) {
            println!("  {} <{}>", person.display_name, person.email);
        }
    }
    let errors: Vec<String> = plan.error_lines().collect();
    if !errors.is_empty() {
        println!(
            "Errors (line numbers count the header as line 1){}:",
            if errors.len() > ERRORS_SHOWN {
                format!(", the first {ERRORS_SHOWN} of {}", errors.len())
            } else {
                String::new()
            }
        );
        for error in errors.iter().take(ERRORS_SHOWN) {
            println!("  {error}");
        }
    }
}

/// An empty value, visibly.
fn shown(value: &str) -> &str {
    if value.is_empty() {
        "(none)"
    } else {
        value
    }
}

/// `upskill import-employees`: checks the file, prints the preview, then imports it (unless `--dry-run`).
pub(super) async fn import_employees(args: ImportEmployeesArgs) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let text = crate::domain::import::decode(bytes).map_err(|e| anyhow::anyhow!(e))?;
    let file_name =
        args.file.file_name().map_or_else(|| args.file.display().to_string(), |n| n.to_string_lossy().into_owned());
    let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
    let dry_run = args.dry_run;
    let (deactivate_missing, force) = (args.deactivate_missing, args.force);
    actix_web::web::block(move || -> anyhow::Result<()> {
        let mut conn = pool.get()?;
        let request = ImportRequest {
            text: &text,
            file_name: &file_name,
            today: crate::clock::today(),
            actor: None,
            options: ImportOptions { deactivate_missing, force },
        };
        let mut progress = ImportProgress::new(text.len() >= PROGRESS_FROM_BYTES);
        let plan =
            db::import::preview(&mut conn, &request, &mut |step, done, total| progress.update(step, done, total))?;
        progress.finish();
        print_preview(&file_name, &plan);
        anyhow::ensure!(
            !plan.has_errors(),
            "the file has errors on {}; nothing was imported",
            count_of(plan.lines_with_errors() + plan.file_errors.len(), "line", "lines")
        );
        if dry_run {
            println!("Dry run: nothing was written.");
            return Ok(());
        }
        let outcome = db::import::commit_import(&mut conn, &request, &mut |step, done, total| {
            progress.update(step, done, total)
        })?;
        progress.finish();
        match outcome {
            ImportOutcome::Imported(summary) => {
                println!("Imported: {}.", summary.describe());
                Ok(())
            }
            ImportOutcome::Refused(plan) => {
                // The directory changed between the preview and the commit.
                print_preview(&file_name, &plan);
                anyhow::bail!("the directory changed meanwhile and the file now has errors; nothing was imported")
            }
        }
    })
    .await?
}
