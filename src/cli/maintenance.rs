//! Commands for benchmarks and scheduled work: `seed-synthetic` and `remind`.

use super::{RemindArgs, SeedSyntheticArgs, VerifyDrawArgs};
use crate::config::Settings;
use crate::db::{self};
use crate::domain::lottery;
use crate::domain::words::count_of;
use crate::security::hash_password;
use crate::startup::prepare_database;

/// `upskill seed-synthetic`: a large organisation and its applications, for benchmarks.
pub(super) async fn seed_synthetic(args: SeedSyntheticArgs) -> anyhow::Result<()> {
    use indicatif::{ProgressBar, ProgressStyle};
    let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
    let password_hash = hash_password(&args.password).map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    let spec = db::synthetic::SyntheticSpec {
        employees: args.employees,
        applications: args.applications,
        seed: args.seed,
        password_hash,
        today: crate::clock::today(),
    };
    let started = std::time::Instant::now();
    let (seeded, stages) = actix_web::web::block(move || -> anyhow::Result<(db::synthetic::Seeded, Vec<String>)> {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{msg:>13} [{bar:40}] {pos}/{len} ({per_sec}, {eta} left)")
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .progress_chars("=> "),
        );
        // Each stage's name and how long it took ("history 6.2 s"), for the closing line.
        let mut stages: Vec<String> = Vec::new();
        let mut current = String::new();
        let mut stage_started = std::time::Instant::now();
        let mut progress = |what: &str, done: u64, total: u64| {
            if what != current {
                if !current.is_empty() {
                    stages.push(format!("{current} {:.1} s", stage_started.elapsed().as_secs_f64()));
                }
                stage_started = std::time::Instant::now();
                current = what.to_owned();
                bar.set_message(current.clone());
                bar.set_length(total);
            }
            bar.set_position(done);
        };
        let mut conn = pool.get()?;
        let made = db::synthetic::generate(&mut conn, &spec, &mut progress)?;
        if !current.is_empty() {
            stages.push(format!("{current} {:.1} s", stage_started.elapsed().as_secs_f64()));
        }
        bar.finish_and_clear();
        Ok((made, stages))
    })
    .await??;
    println!(
        "Seeded {}, {}, {} and {} in {:.1} s ({}).",
        count_of(seeded.employees, "employee", "employees"),
        count_of(seeded.applications, "application", "applications"),
        count_of(seeded.events, "timeline event", "timeline events"),
        count_of(seeded.history_rows, "row of job history", "rows of job history"),
        started.elapsed().as_secs_f64(),
        stages.join(", ")
    );
    Ok(())
}

/// `upskill remind`: the reminders due now, listed (`--dry-run`) or written to the outbox.
pub(super) async fn remind(args: RemindArgs) -> anyhow::Result<()> {
    let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
    let policy = args.reminders.policy();
    let (dry_run, default_zone) = (args.dry_run, args.default_time_zone);
    let (reminders, written) = actix_web::web::block(move || -> anyhow::Result<_> {
        let mut conn = pool.get()?;
        let now = crate::clock::now();
        let reminders = db::outbox::due_reminders(&mut conn, policy, default_zone, now)?;
        let written = if dry_run { 0 } else { db::outbox::enqueue_reminders(&mut conn, &reminders, now)? };
        Ok((reminders, written))
    })
    .await??;
    for reminder in &reminders {
        println!(
            "application {:>6}  {:<10}  to {}  ({} working days): {}",
            reminder.application_id,
            reminder.level.as_str(),
            reminder.recipient_email,
            reminder.waited_working_days,
            crate::i18n::Tr(crate::i18n::Locale::En).say(&reminder.message)
        );
    }
    match (dry_run, reminders.len()) {
        (_, 0) => println!("No reminders are due."),
        (true, 1) => println!("1 reminder would go out (dry run: nothing written)."),
        (true, n) => println!("{n} reminders would go out (dry run: nothing written)."),
        (false, n) => {
            let due = count_of(n, "reminder", "reminders"); // not a stored name
            println!("{written} of {due} written to the outbox.");
        }
    }
    Ok(())
}

/// `upskill verify-draw`: redoes an intake's seat draw from its published data.
pub(super) async fn verify_draw(args: VerifyDrawArgs) -> anyhow::Result<()> {
    let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
    let intake_id = args.intake;
    let (intake, lines) = actix_web::web::block(move || -> anyhow::Result<_> {
        let mut conn = pool.get()?;
        let intake = db::programs::find_intake(&mut conn, intake_id)
            .map_err(|_| anyhow::anyhow!("there is no intake {intake_id}"))?;
        Ok((intake, db::workflow::draw_order(&mut conn, intake_id)?))
    })
    .await??;
    let (Some(seed), Some(closes_on)) = (intake.draw_seed.as_deref(), intake.closes_on) else {
        anyhow::bail!("the seats of intake {intake_id} ({}) have not been drawn by lot", intake.name);
    };
    let order: Vec<i32> = lines.iter().map(|line| line.application_id).collect();
    let recent: Vec<i32> = lines.iter().filter(|line| line.recent_completer).map(|line| line.application_id).collect();
    let seats = lines.iter().filter(|line| line.placed).count();
    // The applications in the draw are the ones published, in any order: the rules sort them.
    let verdict = lottery::verify(seed, &order, &order, closes_on, seats, &recent, intake.priority.into());
    let places_follow_order = lines.iter().enumerate().all(|(index, line)| line.placed == (index < seats));
    println!("intake {intake_id} ({}): {} in the draw, {} placed, seed {seed}", intake.name, order.len(), seats);
    if !places_follow_order {
        println!("the places are not the first {seats} of the order");
        anyhow::bail!("the published draw does not match its rules");
    }
    println!("{}", verdict.describe());
    if verdict != lottery::Verification::Matches {
        anyhow::bail!("the published draw does not match its rules");
    }
    Ok(())
}
