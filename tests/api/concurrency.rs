//! Many people doing the same thing at the same moment, against a real `upskill serve`
//! (its log read afterwards): twenty people applying to one program at once, round after
//! round; people giving back places of one intake while those in line withdraw; and two
//! administrators taking away each other's rights at once. On PostgreSQL
//! these are the transactions that take row locks; nobody may get a 500, the log may hold
//! no deadlock, and on SQLite no "database is locked".

use diesel::prelude::*;
use futures_util::future::join_all;
use reqwest::StatusCode;
use upskill::db::schema::{applications, employees, intakes};
use upskill::db::{DbConnection, DbPool};
use upskill::domain::ApplicationStatus;

use crate::helpers::{
    employee_fixture, form_fields, fresh_database, start_server_logging_to, with_field, ApplicationBuilder, Browser,
    ServerProcess, MOTIVATION,
};

/// A server with the demo data that logs to a file, and a pool on its database.
struct Logged {
    server: ServerProcess,
    pool: DbPool,
    log: std::path::PathBuf,
    _logs: tempfile::TempDir,
    _database: crate::helpers::TestDatabase,
}

impl Logged {
    async fn start() -> Logged {
        let (database_url, database) = fresh_database();
        let logs = tempfile::tempdir().unwrap();
        let log = logs.path().join("upskill.log");
        let args = ["--demo", "--login-attempts-per-address-per-minute", "1000", "--login-attempts-per-hour", "1000"];
        let server = start_server_logging_to(&database_url, &args, &log).await;
        let pool = upskill::db::connect(&database_url, 2).unwrap();
        Logged { server, pool, log, _logs: logs, _database: database }
    }

    fn db(&self) -> upskill::db::PooledDb {
        self.pool.get().unwrap()
    }

    async fn signed_in(&self, email: &str) -> Browser {
        let browser = Browser::new(&self.server.base);
        browser.sign_in(email).await;
        browser
    }

    /// `count` new colleagues (see [`colleagues`]), each signed in: their addresses and browsers.
    async fn crowd(&self, count: usize) -> (Vec<String>, Vec<Browser>) {
        let emails = colleagues(&mut self.db(), count);
        let browsers = join_all(emails.iter().map(|email| self.signed_in(email))).await;
        (emails, browsers)
    }

    /// The server's log so far: it must hold no deadlock and no busy database.
    fn assert_log_is_clean(&self) {
        let log = std::fs::read_to_string(&self.log).unwrap();
        for trouble in ["deadlock detected", "database is locked", "request failed"] {
            let lines: Vec<&str> = log.lines().filter(|l| l.contains(trouble)).take(3).collect();
            assert!(lines.is_empty(), "the server logged {trouble:?}:\n{}", lines.join("\n"));
        }
    }
}

/// `count` new people reporting to Maria, with the demo password; their e-mail addresses.
fn colleagues(conn: &mut DbConnection, count: usize) -> Vec<String> {
    let (maria, hash): (i32, Option<String>) = employees::table
        .filter(employees::email.eq("maria.manager@upskill.example"))
        .select((employees::id, employees::password_hash))
        .first(conn)
        .unwrap();
    (0..count)
        .map(|n| {
            let email = format!("colleague{n}@upskill.example");
            let person = upskill::db::employees::NewEmployee {
                password_hash: hash.clone(),
                ..employee_fixture(&email, &format!("Colleague {n}"), Some(maria))
            };
            upskill::db::employees::insert(conn, &person).unwrap();
            email
        })
        .collect()
}

/// The fields of an application to `slug` in round `round`.
fn application_fields(slug: &str, round: usize) -> Vec<(String, String)> {
    let mut fields = vec![("motivation".to_owned(), MOTIVATION.to_owned())];
    if slug == "career-choice" {
        let term = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
        fields.extend([
            ("institution".to_owned(), "Bellevue College".to_owned()),
            ("course_title".to_owned(), format!("Course {round}")),
            ("term_starts_on".to_owned(), term),
            ("amount".to_owned(), "100".to_owned()),
            ("accept_terms".to_owned(), "yes".to_owned()),
        ]);
    }
    fields
}

/// A form POST: who sends it, where, and its fields (the CSRF token is added).
type Post<'a> = (&'a Browser, String, Vec<(String, String)>);

/// Sends every request at once; returns the statuses.
async fn all_at_once(requests: Vec<Post<'_>>) -> Vec<StatusCode> {
    let sends = requests.into_iter().map(|(browser, path, fields)| async move {
        let token = browser.csrf_token().await;
        (browser, path, with_field(fields, "csrf_token", Some(&token)))
    });
    let ready = join_all(sends).await;
    let posts = ready.iter().map(|(browser, path, fields)| browser.submit(path, fields));
    join_all(posts).await.into_iter().map(|response| response.status()).collect()
}

#[actix_web::test]
async fn twenty_people_applying_to_one_program_at_once_never_get_an_error() {
    const PEOPLE: usize = 20;
    const ROUNDS: usize = 20;
    let app = Logged::start().await;
    let (_, browsers) = app.crowd(PEOPLE).await;
    let mut failures = Vec::new();
    for round in 0..ROUNDS {
        // Programs without intakes: one that needs no approval, one that waits on Maria.
        let slug = if round % 2 == 0 { "aws-training-and-certification" } else { "career-choice" };
        let path = format!("/programs/{slug}/apply");
        let applied =
            all_at_once(browsers.iter().map(|b| (b, path.clone(), application_fields(slug, round))).collect()).await;
        failures.extend(applied.iter().filter(|s| **s != StatusCode::SEE_OTHER).map(|s| format!("apply: {s}")));

        // And all withdraw at once (the approved places of the first program give back nothing).
        let mine: Vec<(i32, i32)> = applications::table
            .filter(applications::status.ne("withdrawn"))
            .select((applications::id, applications::version))
            .order(applications::employee_id)
            .load(&mut app.db())
            .unwrap();
        if mine.len() != PEOPLE {
            let log = std::fs::read_to_string(&app.log).unwrap();
            let errors: Vec<&str> = log.lines().filter(|l| l.contains("ERROR")).take(3).collect();
            panic!("round {round}: {applied:?}\n{}", errors.join("\n"));
        }
        let withdrawals = mine
            .iter()
            .zip(&browsers)
            .map(|((id, version), b)| {
                (b, format!("/applications/{id}/withdraw"), vec![("version".to_owned(), version.to_string())])
            })
            .collect();
        let withdrawn = all_at_once(withdrawals).await;
        failures.extend(withdrawn.iter().filter(|s| **s != StatusCode::SEE_OTHER).map(|s| format!("withdraw: {s}")));
    }
    assert!(failures.is_empty(), "{} failed requests: {failures:?}", failures.len());
    let stored: i64 = applications::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(stored, (PEOPLE * ROUNDS) as i64);
    app.assert_log_is_clean();
}

#[actix_web::test]
async fn places_given_back_while_the_waitlist_withdraws_at_once_never_get_an_error() {
    const PEOPLE: usize = 20;
    const ROUNDS: usize = 10;
    let app = Logged::start().await;
    let (emails, browsers) = app.crowd(PEOPLE).await;
    let people: Vec<i32> = employees::table
        .filter(employees::email.eq_any(&emails))
        .order(employees::id)
        .select(employees::id)
        .load(&mut app.db())
        .unwrap();
    let (intake, program): (i32, i32) =
        intakes::table.order(intakes::id).select((intakes::id, intakes::program_id)).first(&mut app.db()).unwrap();
    let mut failures = Vec::new();
    for round in 0..ROUNDS {
        // Half hold the intake's places, half wait in line; everyone gives up at once.
        let seats = i32::try_from(PEOPLE / 2).unwrap();
        diesel::update(intakes::table.find(intake)).set(intakes::seats.eq(seats)).execute(&mut app.db()).unwrap();
        let now = upskill::clock::now();
        let places: Vec<i32> = people
            .iter()
            .enumerate()
            .map(|(n, person)| {
                let builder = ApplicationBuilder::new(*person, program, ApplicationStatus::Approved).intake(intake);
                let builder = if n % 2 == 0 {
                    builder
                } else {
                    ApplicationBuilder::new(*person, program, ApplicationStatus::Waitlisted)
                        .intake(intake)
                        .waitlisted_at(now - chrono::TimeDelta::seconds(n as i64))
                };
                builder.insert(&mut app.db())
            })
            .collect();
        let withdrawals = places
            .iter()
            .zip(&browsers)
            .map(|(id, b)| (b, format!("/applications/{id}/withdraw"), vec![("version".to_owned(), "2".to_owned())]))
            .collect();
        let statuses = all_at_once(withdrawals).await;
        failures.extend(
            statuses
                .iter()
                .filter(|s| ![StatusCode::SEE_OTHER, StatusCode::CONFLICT].contains(s))
                .map(|s| format!("round {round}: {s}")),
        );
        // Whatever a promotion moved meanwhile (a 409 says so), nobody is left in line
        // behind a free seat.
        let left: Vec<(i32, String)> = applications::table
            .filter(applications::id.eq_any(&places))
            .filter(applications::status.ne("withdrawn"))
            .select((applications::id, applications::status))
            .load(&mut app.db())
            .unwrap();
        assert!(left.iter().all(|(_, status)| status == "approved"), "round {round}: {left:?}");
        diesel::update(applications::table.filter(applications::id.eq_any(&places)))
            .set(applications::status.eq("withdrawn"))
            .execute(&mut app.db())
            .unwrap();
    }
    assert!(failures.is_empty(), "{} failed requests: {failures:?}", failures.len());
    app.assert_log_is_clean();
}

#[actix_web::test]
async fn two_administrators_taking_away_each_other_s_rights_at_once_leave_one_and_no_error() {
    const ROUNDS: usize = 25;
    let app = Logged::start().await;
    let bob_email = colleagues(&mut app.db(), 1).remove(0);
    let ids: Vec<i32> = ["ada.admin@upskill.example", bob_email.as_str()]
        .iter()
        .map(|email| employees::table.filter(employees::email.eq(email)).select(employees::id).first(&mut app.db()))
        .collect::<Result<_, _>>()
        .unwrap();
    let mut unexpected = Vec::new();
    for round in 0..ROUNDS {
        // Both are administrators, and the only two.
        diesel::update(employees::table.filter(employees::id.eq_any(&ids)))
            .set(employees::is_admin.eq(true))
            .execute(&mut app.db())
            .unwrap();
        let ada = app.signed_in("ada.admin@upskill.example").await;
        let bob = app.signed_in(&bob_email).await;
        let mut requests = Vec::new();
        for (browser, other) in [(&ada, ids[1]), (&bob, ids[0])] {
            let path = format!("/admin/employees/{other}");
            let (_, form) = browser.page(&path).await;
            let fields = with_field(form_fields(&form, "form.stack"), "is_admin", None);
            requests.push((browser, path, fields));
        }
        let statuses = all_at_once(requests).await;
        // One wins; the other is told they are the last administrator (or has just lost the rights).
        let wins = statuses.iter().filter(|s| **s == StatusCode::SEE_OTHER).count();
        let refused =
            statuses.iter().filter(|s| [StatusCode::UNPROCESSABLE_ENTITY, StatusCode::FORBIDDEN].contains(s)).count();
        if (wins, refused) != (1, 1) {
            unexpected.push(format!("round {round}: {statuses:?}"));
        }
        let admins: i64 = employees::table
            .filter(employees::is_admin.eq(true))
            .filter(employees::active.eq(true))
            .count()
            .get_result(&mut app.db())
            .unwrap();
        assert_eq!(admins, 1, "round {round}: exactly one administrator is left");
    }
    assert!(unexpected.is_empty(), "{unexpected:?}");
    app.assert_log_is_clean();
}

#[actix_web::test]
async fn twenty_payments_at_once_never_pay_more_than_the_covered_amount() {
    use upskill::db::schema::tuition_payments;
    const PAYMENTS: usize = 20;
    let app = Logged::start().await;
    let now = upskill::clock::now();
    let fiona: i32 = employees::table
        .filter(employees::email.eq("fiona.associate@upskill.example"))
        .select(employees::id)
        .first(&mut app.db())
        .unwrap();
    let program = upskill::db::programs::find_by_slug(&mut app.db(), "career-choice").unwrap().id;
    // $1,234.50 covered: twelve payments of $100 fit, the other eight do not.
    let id = ApplicationBuilder::new(fiona, program, ApplicationStatus::Approved)
        .tuition(now.date() + chrono::Days::new(30), 123_450)
        .at(now - chrono::TimeDelta::days(10))
        .insert(&mut app.db());
    let ada = app.signed_in("ada.admin@upskill.example").await;
    let token = ada.csrf_token().await;
    let today = upskill::clock::today().to_string();
    let path = format!("/applications/{id}/payments");
    let posts = (0..PAYMENTS).map(|n| {
        let fields = vec![
            ("csrf_token".to_owned(), token.clone()),
            ("invoice_number".to_owned(), format!("INV-{n}")),
            ("amount".to_owned(), "100".to_owned()),
            ("paid_on".to_owned(), today.clone()),
        ];
        let (ada, path) = (&ada, &path);
        async move {
            let response = ada.submit(path, &fields).await;
            (response.status(), response.text().await.unwrap_or_default())
        }
    });
    let answers = join_all(posts).await;
    let recorded = answers.iter().filter(|(status, _)| *status == StatusCode::SEE_OTHER).count();
    let refused: Vec<&String> = answers
        .iter()
        .filter(|(status, _)| *status == StatusCode::UNPROCESSABLE_ENTITY)
        .map(|(_, body)| body)
        .collect();
    assert_eq!((recorded, refused.len()), (12, 8), "{:?}", answers.iter().map(|a| a.0).collect::<Vec<_>>());
    for body in refused {
        let message = crate::helpers::texts(body, "#amount-error");
        assert_eq!(message, ["That is more than is left to pay: $34.50 of the $1,234.50 covered."]);
    }
    let paid: i64 = applications::table.find(id).select(applications::paid_cents).first(&mut app.db()).unwrap();
    let amounts: Vec<i64> = tuition_payments::table.select(tuition_payments::amount_cents).load(&mut app.db()).unwrap();
    assert_eq!((paid, amounts.iter().sum::<i64>(), amounts.len()), (120_000, 120_000, 12));
    // The counters moved by each payment, under the same locks, agree with the rows.
    use upskill::db::schema::{due_totals, payment_totals};
    let counted: Vec<(i64, i64)> = payment_totals::table
        .select((payment_totals::payments, payment_totals::paid_cents))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(counted, [(12, 120_000)]);
    let due: Vec<(i64, i64, i64)> = due_totals::table
        .select((due_totals::places, due_totals::covered_cents, due_totals::paid_cents))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(due, [(1, 123_450, 120_000)], "still due: $34.50");
    app.assert_log_is_clean();
}

/// The write paths of an opening day at once, on one intake of a program with two
/// stages: twelve people apply, while Maria approves twelve who applied before them and
/// Ada, for the program team, gives the intake's five seats to twelve Maria had approved
/// (five places, seven waitlisted). Every request succeeds, the intake holds its seats
/// and no more, and the log holds no deadlock. `bench/surge.sh` runs the same paths with
/// thousands of people through two servers.
#[actix_web::test]
async fn applying_while_both_stages_approve_on_one_intake_never_get_an_error() {
    const GROUP: usize = 12;
    const SEATS: i32 = 5;
    let app = Logged::start().await;
    let (_, browsers) = app.crowd(3 * GROUP).await;
    let slug = "amazon-apprenticeship";
    let intake: i32 = intakes::table
        .inner_join(upskill::db::schema::programs::table)
        .filter(upskill::db::schema::programs::slug.eq(slug))
        .order(intakes::id)
        .select(intakes::id)
        .first(&mut app.db())
        .unwrap();
    diesel::update(intakes::table.find(intake)).set(intakes::seats.eq(SEATS)).execute(&mut app.db()).unwrap();
    let apply_path = format!("/programs/{slug}/apply");
    let fields = vec![("motivation".to_owned(), MOTIVATION.to_owned()), ("intake_id".to_owned(), intake.to_string())];
    fn each_posts<'a>(group: &'a [Browser], path: &str, fields: &[(String, String)]) -> Vec<Post<'a>> {
        group.iter().map(|b| (b, path.to_owned(), fields.to_vec())).collect()
    }
    let apply = |group| each_posts(group, &apply_path, &fields);
    let (team_stage, rest) = browsers.split_at(GROUP);
    let (manager_stage, newcomers) = rest.split_at(GROUP);
    let maria = app.signed_in("maria.manager@upskill.example").await;
    let ada = app.signed_in("ada.admin@upskill.example").await;
    let approvals = |status: &str| -> Vec<(String, Vec<(String, String)>)> {
        let waiting: Vec<(i32, i32)> = applications::table
            .filter(applications::status.eq(status))
            .filter(applications::intake_id.eq(intake))
            .order(applications::id)
            .select((applications::id, applications::version))
            .load(&mut app.db())
            .unwrap();
        waiting
            .into_iter()
            .map(|(id, version)| {
                let fields = [
                    ("version", version.to_string()),
                    ("comment", String::new()),
                    ("return_to", "/approvals".to_owned()),
                ];
                (format!("/applications/{id}/approve"), fields.map(|(k, v)| (k.to_owned(), v)).to_vec())
            })
            .collect()
    };

    // Before: the first group applied and Maria approved them; the second group applied.
    let mut statuses = all_at_once(apply(team_stage)).await;
    let first = approvals("submitted");
    assert_eq!(first.len(), GROUP);
    statuses.extend(all_at_once(first.into_iter().map(|(path, fields)| (&maria, path, fields)).collect()).await);
    statuses.extend(all_at_once(apply(manager_stage)).await);
    assert!(statuses.iter().all(|s| *s == StatusCode::SEE_OTHER), "before the burst: {statuses:?}");

    // At once: the third group applies, Maria approves the second, Ada the first.
    let mut burst = apply(newcomers);
    burst.extend(approvals("submitted").into_iter().map(|(path, fields)| (&maria, path, fields)));
    burst.extend(approvals("manager_approved").into_iter().map(|(path, fields)| (&ada, path, fields)));
    assert_eq!(burst.len(), 3 * GROUP);
    let statuses = all_at_once(burst).await;
    let failed: Vec<&StatusCode> = statuses.iter().filter(|s| **s != StatusCode::SEE_OTHER).collect();
    assert!(failed.is_empty(), "{} failed requests: {statuses:?}", failed.len());

    let count = |status: &str| -> i64 {
        applications::table
            .filter(applications::intake_id.eq(intake))
            .filter(applications::status.eq(status))
            .count()
            .get_result(&mut app.db())
            .unwrap()
    };
    let seats = i64::from(SEATS);
    assert_eq!((count("approved"), count("waitlisted")), (seats, GROUP as i64 - seats), "the team's stage");
    assert_eq!((count("manager_approved"), count("submitted")), (GROUP as i64, GROUP as i64));
    app.assert_log_is_clean();
}
