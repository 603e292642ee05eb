//! `import-employees`: the HR file checked, previewed and imported from the terminal.

use anyhow::Context;

use super::ImportEmployeesArgs;
use crate::config::Settings;
use crate::db::import::{ImportOutcome, ImportRequest, Step};
use crate::db::{self};
use crate::domain::import::{ImportOptions, ImportPlan, RowAction, LEAVERS_NAMED};
use crate::domain::words::count_of;
use crate::i18n::{Locale, Tr};
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

/// The command line's words: English.
const ENGLISH: Tr = Tr(Locale::En);

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
        println!("Note: {}", ENGLISH.say(note));
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
    let errors: Vec<String> = plan.problems().map(|problem| ENGLISH.say(&problem)).collect();
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
    let text = crate::domain::import::decode(bytes).map_err(|refusal| anyhow::anyhow!(ENGLISH.say(&refusal)))?;
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::ENGLISH;
    use crate::domain::import::{decode, plan_import, Directory, ImportPlan};

    const HEADER: &str =
        "email,display_name,job_title,job_family,site_type,employment_type,hire_date,manager_email,is_admin";

    fn plan(text: &str) -> ImportPlan {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        plan_import(text, &Directory::default(), today, None, &mut |_| {})
    }

    /// The problems of a file, as the command line prints them.
    fn problems(text: &str) -> Vec<String> {
        plan(text).problems().map(|problem| ENGLISH.say(&problem)).collect()
    }

    #[test]
    fn a_files_problems_read_in_english_line_by_line() {
        let lines = [
            "bad,A,T,astronaut,retail_store,full_time,2020-13-01,,maybe",
            "b@x.io,,T,retail,,part_time,2026-11-27,b@x.io,",
            "b@x.io,B,T,retail,retail_store,part_time,2020-01-01,,",
            "c@x.io,C,T",
            "d@x.io,D,T,retail,retail_store,part_time,2020-01-01,ghost@x.io,",
        ];
        assert_eq!(
            problems(&format!("{HEADER}\n{}\n", lines.join("\n"))),
            [
                "line 2, email: \"bad\" is not an e-mail address.",
                "line 2, job_family: \"astronaut\" is not a job family; use one of: fulfillment, operations, \
                 corporate, technical, retail, transportation.",
                "line 2, hire_date: \"2020-13-01\" is not a date; write it as YYYY-MM-DD, for example 2021-03-05.",
                "line 2, is_admin: \"maybe\" is not yes or no; write true, false, yes, no, 1, 0, or leave it empty \
                 (no).",
                "line 3, display_name: The name is empty.",
                "line 3, site_type: The site type is missing; use one of: fulfillment_center, corporate_office, \
                 tech_hub, retail_store, transportation_network.",
                "line 3, hire_date: 2026-11-27 is in the future: a hire date can't be after today (2026-11-26).",
                "line 3, manager_email: A person can't be their own manager.",
                "line 4, email: This e-mail address is already on line 3.",
                "line 5: This line has 3 values where the header names more columns; check its commas and quotes.",
                "line 6, manager_email: Nobody with the address ghost@x.io is in the file or in Upskill.",
            ]
        );
    }

    #[test]
    fn a_files_own_problems_and_notes_read_in_english() {
        assert_eq!(
            problems("email,display_name\na@x.io,A\n"),
            ["The header lacks the columns job_title, job_family, site_type, employment_type, hire_date, \
              manager_email, is_admin. The first line must name the columns email,display_name,job_title,\
              job_family,site_type,employment_type,hire_date,manager_email,is_admin."]
        );
        assert_eq!(problems(&format!("{HEADER}\n\n")), ["The file has a header but nobody in it."]);
        let long = problems(&format!("{HEADER}{}\n", ",".repeat(8 * 1024)));
        assert!(long[0].starts_with("The header line is 8 KB long; an HR export's first line"), "{long:?}");
        let person = "a@x.io,A,T,retail,retail_store,full_time,2020-01-01,,";
        let notes = |extra: &str| -> Vec<String> {
            plan(&format!("{HEADER}{extra}\n{person}\n")).notes.iter().map(|note| ENGLISH.say(note)).collect()
        };
        assert_eq!(notes(",cost_center"), ["The column cost_center is not used and was ignored."]);
        assert_eq!(
            notes(",cost_center,,site"),
            ["The columns cost_center, (unnamed column 11) and site are not used \
             and were ignored."]
        );
        let extra: String = (1..=13).map(|n| format!(",extra{n}")).collect();
        assert_eq!(
            notes(&extra),
            ["The columns extra1, extra2, extra3, extra4, extra5, extra6, extra7, extra8, extra9, extra10 and 3 more \
              are not used and were ignored."]
        );
        let refusal = decode(b"email\nada@x.io,\x00\n".to_vec()).unwrap_err();
        assert_eq!(
            ENGLISH.say(&refusal),
            "The file contains a NUL character (on line 2): it is not a CSV text file. Export it from the HR system \
             as \"CSV UTF-8\" and upload it again."
        );
    }
}
