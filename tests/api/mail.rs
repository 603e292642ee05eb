//! E-mail against a real SMTP server process (`aiosmtpd` from PyPI, run by
//! `tests/smtp/capture.py`): notices with their links, retries, a mail server that is
//! down, several senders on one database, daily digests, reminders and their lease.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use chrono::TimeDelta;
use diesel::prelude::*;
use mail_parser::MessageParser;
use reqwest::StatusCode;
use upskill::config::Settings;
use upskill::db::schema::{applications, outbox};
use upskill::startup::Application;

use crate::helpers::{apply_for_tuition, employee_id, free_port, program_id, signed_in, spawn_app_with, TestApp};
use upskill::domain::message::Message;
use upskill::domain::time_zone::Tz;
use upskill::domain::ApplicationStatus;

pub(crate) const PUBLIC_URL: &str = "https://upskill.test";

/// One message as the SMTP server received it, parsed.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub(crate) to: Vec<String>,
    pub(crate) subject: String,
    pub(crate) text: String,
    pub(crate) html: String,
    pub(crate) message_id: String,
}

/// The SMTP server process, and what it has received so far.
pub(crate) struct SmtpServer {
    child: Child,
    port: u16,
    lines: Receiver<serde_json::Value>,
    pub(crate) received: Vec<Received>,
    refused: usize,
}

impl SmtpServer {
    pub(crate) fn start(fail_first: usize) -> SmtpServer {
        SmtpServer::start_on(free_port(), fail_first)
    }

    fn start_on(port: u16, fail_first: usize) -> SmtpServer {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp/capture.py");
        let mut child = Command::new("python3")
            .args([script, &port.to_string(), "--fail-first", &fail_first.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 is needed for the e-mail tests");
        let stdout = child.stdout.take().unwrap();
        let (sender, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = sender.send(serde_json::from_str::<serde_json::Value>(&line).unwrap());
            }
        });
        let first = lines.recv_timeout(Duration::from_secs(20)).unwrap_or_else(|_| {
            panic!("the SMTP server did not start: install aiosmtpd (`pip install aiosmtpd`), as .ci/run does")
        });
        assert_eq!(first["listening"], port);
        SmtpServer { child, port, lines, received: Vec::new(), refused: 0 }
    }

    pub(crate) fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Takes in what arrives within `wait`. (The servers' senders run on this test's
    /// runtime: waiting must yield to them, never block the thread.)
    pub(crate) async fn collect(&mut self, wait: Duration) {
        let deadline = Instant::now() + wait;
        loop {
            while let Ok(line) = self.lines.try_recv() {
                if line.get("refused").is_some() {
                    self.refused += 1;
                } else {
                    self.received.push(parse(&line));
                }
            }
            if Instant::now() >= deadline {
                break;
            }
            actix_web::rt::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Waits until `count` messages have arrived in all (at most 20 s).
    pub(crate) async fn wait_for(&mut self, count: usize) -> &[Received] {
        let deadline = Instant::now() + Duration::from_secs(20);
        while self.received.len() < count && Instant::now() < deadline {
            self.collect(Duration::from_millis(100)).await;
        }
        assert!(
            self.received.len() >= count,
            "{} of {count} messages arrived: {:#?}",
            self.received.len(),
            self.received
        );
        &self.received
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        if let Some(mut stdin) = self.child.stdin.take() {
            let _ = stdin.write_all(b"");
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn parse(line: &serde_json::Value) -> Received {
    let data = line["data"].as_str().unwrap();
    let message = MessageParser::default().parse(data.as_bytes()).unwrap();
    Received {
        to: line["to"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_owned()).collect(),
        subject: message.subject().unwrap_or_default().to_owned(),
        text: message.body_text(0).map(|t| t.into_owned()).unwrap_or_default(),
        html: message.body_html(0).map(|t| t.into_owned()).unwrap_or_default(),
        message_id: message.message_id().unwrap_or_default().to_owned(),
    }
}

/// Sends fast, retries fast, schedules fast: the tests need not wait for production pace.
pub(crate) fn mail_settings(settings: &mut Settings, smtp: &str) {
    settings.mail.smtp_url = Some(smtp.to_owned());
    settings.mail.public_url = Some(PUBLIC_URL.to_owned());
    settings.mail.from = "Upskill <upskill@upskill.test>".to_owned();
    settings.mail.poll = Duration::from_millis(50);
    settings.mail.retry_base = Duration::from_millis(100);
    settings.mail.schedule_every = Duration::from_millis(200);
}

pub(crate) async fn app_sending_to(smtp: &SmtpServer) -> TestApp {
    let url = smtp.url();
    spawn_app_with(|settings| mail_settings(settings, &url)).await
}

/// Starts a second server on `app`'s database, sending to the same SMTP server.
async fn start_second_server(app: &TestApp, smtp: &SmtpServer) {
    let mut settings = Settings::with_database(&app.database_url);
    settings.bind = "127.0.0.1:0".to_owned();
    settings.workers = 1;
    settings.pool_size = 4;
    mail_settings(&mut settings, &smtp.url());
    let second = Application::build(settings).await.unwrap();
    actix_web::rt::spawn(second.run_until_stopped());
}

/// Outbox rows: (employee, kind, sent, failed, attempts, in digest).
fn outbox_rows(app: &TestApp) -> Vec<(i32, String, bool, bool, i32, bool)> {
    outbox::table
        .order(outbox::id)
        .select((
            outbox::employee_id,
            outbox::kind,
            outbox::sent_at,
            outbox::failed_at,
            outbox::attempts,
            outbox::in_digest,
        ))
        .load::<(i32, String, Option<chrono::NaiveDateTime>, Option<chrono::NaiveDateTime>, i32, bool)>(&mut app.db())
        .unwrap()
        .into_iter()
        .map(|(employee, kind, sent, failed, attempts, digest)| {
            (employee, kind, sent.is_some(), failed.is_some(), attempts, digest)
        })
        .collect()
}

#[actix_web::test]
async fn the_approver_hears_of_an_application_and_the_employee_of_the_decision() {
    let mut smtp = SmtpServer::start(0);
    let app = app_sending_to(&smtp).await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let application = apply_for_tuition(&fiona).await;

    let mail = smtp.wait_for(1).await[0].clone();
    assert_eq!(mail.to, ["maria.manager@upskill.example"]);
    assert!(mail.subject.starts_with("Upskill: Fiona Associate applied to Career Choice"), "subject: {}", mail.subject);
    let link = format!("{PUBLIC_URL}/applications/{application}");
    assert!(mail.text.contains(&link), "text: {}", mail.text);
    assert!(mail.text.contains("Hello Maria Manager"), "text: {}", mail.text);
    assert!(mail.html.contains(&format!("href=\"{link}\"")), "html: {}", mail.html);
    assert!(mail.message_id.starts_with("upskill-outbox-"), "{}", mail.message_id);

    let maria = signed_in(&app, "maria.manager").await;
    let response = maria
        .post_with_csrf(&format!("/applications/{application}/approve"), &[("version", "1"), ("comment", "")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let decision = smtp.wait_for(2).await[1].clone();
    assert_eq!(decision.to, ["fiona.associate@upskill.example"]);
    assert!(decision.subject.contains("approved"), "subject: {}", decision.subject);
    assert!(decision.text.contains(&link), "text: {}", decision.text);

    // Nothing more goes out, and every row is marked sent once.
    smtp.collect(Duration::from_millis(500)).await;
    assert_eq!(smtp.received.len(), 2, "{:#?}", smtp.received);
    assert!(outbox_rows(&app).iter().all(|row| row.2 && !row.3 && row.4 == 1), "{:?}", outbox_rows(&app));
}

#[actix_web::test]
async fn a_freed_seat_tells_the_employee_and_their_manager() {
    use crate::helpers::{intake_ids, ApplicationBuilder};
    let mut smtp = SmtpServer::start(0);
    let app = app_sending_to(&smtp).await;
    let intake = intake_ids(&app, "amazon-apprenticeship")[0];
    let program_id: i32 = program_id(&app, "amazon-apprenticeship");
    let maria = employee_id(&app, "maria.manager@upskill.example");
    let place = |email: &str, status: ApplicationStatus| {
        ApplicationBuilder::new(employee_id(&app, email), program_id, status)
            .intake(intake)
            .approver(maria)
            .version(3)
            .waitlisted_at(upskill::clock::now() - TimeDelta::minutes(5))
            .insert(&mut app.db())
    };
    let fiona_app = place("fiona.associate@upskill.example", ApplicationStatus::Approved);
    place("paula.parttime@upskill.example", ApplicationStatus::Waitlisted);

    let fiona = signed_in(&app, "fiona.associate").await;
    let response = fiona.post_with_csrf(&format!("/applications/{fiona_app}/withdraw"), &[("version", "3")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let promoted: Vec<Received> =
        smtp.wait_for(2).await.iter().filter(|m| m.subject.contains("A seat became free")).cloned().collect();
    let mut to: Vec<String> = promoted.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(to, ["maria.manager@upskill.example", "paula.parttime@upskill.example"], "{promoted:#?}");
}

#[actix_web::test]
async fn a_refused_message_is_tried_again_until_it_goes_out() {
    let mut smtp = SmtpServer::start(2);
    let app = app_sending_to(&smtp).await;
    let fiona = signed_in(&app, "fiona.associate").await;
    apply_for_tuition(&fiona).await;

    let mail = smtp.wait_for(1).await[0].clone();
    assert_eq!(mail.to, ["maria.manager@upskill.example"]);
    assert_eq!(smtp.refused, 2, "two temporary refusals first");
    // The sender marks the row just after the server took the message.
    let started = std::time::Instant::now();
    let rows = loop {
        let rows = outbox_rows(&app);
        if rows.len() == 1 && rows[0].2 {
            break rows;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "not marked sent: {rows:?}");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(rows[0].4, 3, "attempts: two refused, one sent");
}

#[actix_web::test]
async fn a_mail_server_that_is_down_neither_slows_nor_fails_a_request() {
    // Nothing listens on the port yet.
    let port = free_port();
    let url = format!("smtp://127.0.0.1:{port}");
    let app = spawn_app_with(|settings| mail_settings(settings, &url)).await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let started = Instant::now();
    let application = apply_for_tuition(&fiona).await;
    assert!(started.elapsed() < Duration::from_secs(3), "applying took {:?}", started.elapsed());
    assert_eq!(crate::helpers::status_of(&app, application), "submitted");

    // The message waits, with the reason, and goes out once the server is there.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (attempts, error): (i32, Option<String>) =
            outbox::table.select((outbox::attempts, outbox::last_error)).first(&mut app.db()).unwrap();
        if attempts >= 1 {
            assert!(error.is_some_and(|e| !e.is_empty()), "the failure is recorded");
            break;
        }
        assert!(Instant::now() < deadline, "no attempt was made");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
    let mut smtp = SmtpServer::start_on(port, 0);
    let mail = smtp.wait_for(1).await[0].clone();
    assert_eq!(mail.to, ["maria.manager@upskill.example"]);
}

#[actix_web::test]
async fn two_servers_on_one_database_send_each_message_once() {
    let mut smtp = SmtpServer::start(0);
    let app = app_sending_to(&smtp).await;
    start_second_server(&app, &smtp).await;

    // 120 notices written at once, as a burst of decisions would.
    let people: Vec<i32> = ["fiona.associate", "maria.manager", "paula.parttime", "carl.corporate"]
        .iter()
        .map(|p| employee_id(&app, &format!("{p}@upskill.example")))
        .collect();
    {
        let conn = &mut app.db();
        let now = upskill::clock::now();
        upskill::db::write_transaction(conn, |conn| {
            for n in 0..120 {
                let text = format!("Notice number {n}");
                upskill::db::notifications::notify(conn, people[n % people.len()], None, &Message::said(text), now)?;
            }
            Ok::<_, diesel::result::Error>(())
        })
        .unwrap();
    }
    smtp.wait_for(120).await;
    smtp.collect(Duration::from_millis(800)).await;
    assert_eq!(smtp.received.len(), 120, "each notice once, no copies");
    let mut ids: Vec<&str> = smtp.received.iter().map(|m| m.message_id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 120, "120 different outbox rows went out");
    assert!(outbox_rows(&app).iter().all(|row| row.2 && row.4 == 1), "every row sent in one attempt");
}

#[actix_web::test]
async fn a_manager_who_chose_a_digest_gets_one_summary_with_every_link() {
    let mut smtp = SmtpServer::start(0);
    let url = smtp.url();
    // The digest hour has passed (midnight UTC): what arrived before today goes out now.
    let app = spawn_app_with(|settings| {
        mail_settings(settings, &url);
        settings.mail.digest_hour = 0;
        // No reminders in this test.
        settings.mail.remind_after_working_days = 0;
        settings.mail.escalate_after_working_days = 0;
    })
    .await;
    let maria = signed_in(&app, "maria.manager").await;
    let (_, account) = maria.page("/account").await;
    assert!(account.contains("One daily summary"));
    let response = maria.post_with_csrf("/account/email", &[("delivery", "digest")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, account) = maria.page("/account").await;
    assert!(account.contains(r#"value="digest" aria-describedby="delivery-digest-hint" checked"#), "{account}");
    // A value that is not one of the choices changes nothing.
    let response = maria.post_with_csrf("/account/email", &[("delivery", "hourly")]).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    let fiona = signed_in(&app, "fiona.associate").await;
    let first = apply_for_tuition(&fiona).await;
    let paula = signed_in(&app, "paula.parttime").await;
    let second = apply_for_tuition(&paula).await;

    // Nothing goes to Maria one by one; the items wait for her digest.
    smtp.collect(Duration::from_millis(600)).await;
    assert!(smtp.received.iter().all(|m| m.to != ["maria.manager@upskill.example"]), "{:#?}", smtp.received);
    let maria_id = employee_id(&app, "maria.manager@upskill.example");
    let waiting = outbox_rows(&app).into_iter().filter(|r| r.0 == maria_id && r.5 && !r.2).count();
    assert_eq!(waiting, 2);

    // They arrived "yesterday": the scheduler now cuts today's digest.
    diesel::update(outbox::table.filter(outbox::employee_id.eq(maria_id)))
        .set(outbox::created_at.eq(upskill::clock::now() - TimeDelta::days(1)))
        .execute(&mut app.db())
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let digest = loop {
        smtp.collect(Duration::from_millis(100)).await;
        if let Some(digest) = smtp.received.iter().find(|m| m.to == ["maria.manager@upskill.example"]) {
            break digest.clone();
        }
        assert!(Instant::now() < deadline, "no digest arrived");
    };
    assert_eq!(digest.subject, "Upskill: Your daily summary: 2 updates");
    for id in [first, second] {
        assert!(digest.text.contains(&format!("{PUBLIC_URL}/applications/{id}")), "{}", digest.text);
        assert!(digest.html.contains(&format!("{PUBLIC_URL}/applications/{id}")), "{}", digest.html);
    }
    assert!(digest.text.contains("Fiona Associate applied to Career Choice"), "{}", digest.text);
    smtp.collect(Duration::from_millis(600)).await;
    assert_eq!(smtp.received.iter().filter(|m| m.to == ["maria.manager@upskill.example"]).count(), 1, "one digest");
}

/// Runs the `upskill` binary on the test's database.
pub(crate) fn upskill(app: &TestApp, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_upskill"))
        .args(args)
        .args(["--database-url", &app.database_url])
        .env("RUST_LOG", "warn")
        .output()
        .unwrap();
    assert!(output.status.success(), "upskill {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[actix_web::test]
async fn approvals_waiting_too_long_remind_the_approver_then_their_manager() {
    // No SMTP server: this server writes no reminders itself; the command does.
    let app = spawn_app_with(|_| {}).await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let fresh = apply_for_tuition(&fiona).await;
    let paula = signed_in(&app, "paula.parttime").await;
    let old = apply_for_tuition(&paula).await;
    // Paula's application has waited on Maria for two weeks.
    diesel::update(applications::table.find(old))
        .set(applications::submitted_at.eq(upskill::clock::now() - TimeDelta::days(14)))
        .execute(&mut app.db())
        .unwrap();
    let before = outbox_rows(&app).len();

    let dry_run = upskill(&app, &["remind", "--dry-run"]);
    assert!(dry_run.contains("2 reminders would go out (dry run: nothing written)."), "{dry_run}");
    assert!(
        dry_run.contains(&format!("application {old:>6}  approver    to maria.manager@upskill.example")),
        "{dry_run}"
    );
    assert!(dry_run.contains(&format!("application {old:>6}  escalation  to ada.admin@upskill.example")), "{dry_run}");
    assert!(!dry_run.contains(&format!("application {fresh:>6}")), "the fresh one is not due: {dry_run}");
    assert_eq!(outbox_rows(&app).len(), before, "a dry run writes nothing");

    let written = upskill(&app, &["remind"]);
    assert!(written.contains("2 of 2 reminders written to the outbox."), "{written}");
    let reminders: Vec<(i32, String)> = outbox::table
        .filter(outbox::kind.eq("reminder"))
        .order(outbox::employee_id)
        .select((outbox::employee_id, outbox::body))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(reminders.len(), 2);
    assert_eq!(reminders[0].0, employee_id(&app, "ada.admin@upskill.example"));
    assert!(reminders[0].1.contains("for Maria Manager's decision"), "{}", reminders[0].1);
    assert_eq!(reminders[1].0, employee_id(&app, "maria.manager@upskill.example"));
    assert!(reminders[1].1.starts_with("Reminder: Paula Parttime's application"), "{}", reminders[1].1);

    // Once per waiting period: a second run writes nothing more.
    let again = upskill(&app, &["remind", "--dry-run"]);
    assert!(again.contains("No reminders are due."), "{again}");
    let limits = upskill(
        &app,
        &["remind", "--dry-run", "--remind-after-working-days", "20", "--escalate-after-working-days", "0"],
    );
    assert!(limits.contains("No reminders are due."), "{limits}");
}

#[actix_web::test]
async fn one_server_of_a_cluster_sends_the_reminders() {
    let mut smtp = SmtpServer::start(0);
    let app = app_sending_to(&smtp).await;
    start_second_server(&app, &smtp).await;

    let fiona = signed_in(&app, "fiona.associate").await;
    let application = apply_for_tuition(&fiona).await;
    smtp.wait_for(1).await;
    diesel::update(applications::table.find(application))
        .set(applications::submitted_at.eq(upskill::clock::now() - TimeDelta::days(14)))
        .execute(&mut app.db())
        .unwrap();
    // The notice, then a reminder to Maria and one to Ada, and nothing more however
    // often the two schedulers look.
    smtp.wait_for(3).await;
    smtp.collect(Duration::from_millis(1500)).await;
    let reminders: Vec<&Received> = smtp.received.iter().filter(|m| m.text.contains("working days")).collect();
    let mut to: Vec<String> = reminders.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(to, ["ada.admin@upskill.example", "maria.manager@upskill.example"], "{reminders:#?}");
    let link = format!("{PUBLIC_URL}/applications/{application}");
    assert!(reminders.iter().all(|m| m.text.contains(&link)));
    let holders: Vec<String> =
        upskill::db::schema::leases::table.select(upskill::db::schema::leases::holder).load(&mut app.db()).unwrap();
    assert_eq!(holders.len(), 1, "one lease row, one holder");
}

#[actix_web::test]
async fn a_lease_has_one_holder_until_it_expires() {
    use upskill::db::leases::try_acquire;
    let app = spawn_app_with(|_| {}).await;
    let conn = &mut app.db();
    let now = upskill::clock::now();
    let minute = TimeDelta::minutes(1);
    assert!(try_acquire(conn, "test-lease", "a", now, minute).unwrap());
    assert!(!try_acquire(conn, "test-lease", "b", now, minute).unwrap(), "held by a");
    assert!(try_acquire(conn, "test-lease", "a", now + TimeDelta::seconds(30), minute).unwrap(), "a renews");
    assert!(!try_acquire(conn, "test-lease", "b", now + TimeDelta::seconds(60), minute).unwrap(), "renewed");
    assert!(try_acquire(conn, "test-lease", "b", now + TimeDelta::seconds(91), minute).unwrap(), "expired: b takes it");
    assert!(!try_acquire(conn, "test-lease", "a", now + TimeDelta::seconds(92), minute).unwrap());
}

#[actix_web::test]
async fn tidying_gives_up_stale_mail_and_deletes_finished_mail_after_thirty_days() {
    use upskill::db::outbox::{collect_digests, tidy};
    let app = spawn_app_with(|_| {}).await;
    let conn = &mut app.db();
    let now = upskill::clock::now();
    let fiona = employee_id(&app, "fiona.associate@upskill.example");
    let maria = employee_id(&app, "maria.manager@upskill.example");
    upskill::db::outbox::set_digest(conn, maria, true, now).unwrap();
    // Written `age` ago, and what became of it then.
    let write = |conn: &mut upskill::db::PooledDb, who: i32, text: &str, age: TimeDelta| {
        upskill::db::notifications::notify(conn, who, None, &Message::said(text), now - age).unwrap();
        outbox::table.order(outbox::id.desc()).select(outbox::id).first::<i32>(conn).unwrap()
    };
    let sent_long_ago = write(conn, fiona, "sent 40 days ago", TimeDelta::days(40));
    let sent_lately = write(conn, fiona, "sent 20 days ago", TimeDelta::days(20));
    let never_sent = write(conn, fiona, "waiting for 8 days", TimeDelta::days(8));
    let waiting = write(conn, fiona, "waiting for a day", TimeDelta::days(1));
    for (id, age) in [(sent_long_ago, 40), (sent_lately, 20)] {
        diesel::update(outbox::table.find(id))
            .set(outbox::sent_at.eq(Some(now - TimeDelta::days(age))))
            .execute(conn)
            .unwrap();
    }
    // Maria's digest of 35 days ago, and its item.
    let item = write(conn, maria, "in an old digest", TimeDelta::days(36));
    assert_eq!(collect_digests(conn, 0, Tz::UTC, now - TimeDelta::days(35)).unwrap(), 1);
    diesel::update(outbox::table.filter(outbox::kind.eq("digest")))
        .set(outbox::sent_at.eq(Some(now - TimeDelta::days(35))))
        .execute(conn)
        .unwrap();

    let (given_up, deleted) = tidy(conn, now, TimeDelta::days(30)).unwrap();
    assert_eq!(given_up, 1, "the message waiting for 8 days");
    assert_eq!(deleted, 3, "the one sent 40 days ago, the old digest and its item");
    let left: Vec<(i32, bool)> =
        outbox::table.order(outbox::id).select((outbox::id, outbox::failed_at.is_not_null())).load(conn).unwrap();
    assert_eq!(left, [(sent_lately, false), (never_sent, true), (waiting, false)]);
    assert!(!left.iter().any(|(id, _)| *id == item));
}

/// A row that once stopped all e-mail: a line break in a name made the mail builder panic
/// inside the sender, which died, and died again on the same row after every restart.
#[actix_web::test]
async fn a_row_the_mail_builder_cannot_take_stops_no_other_mail() {
    use crate::helpers::employee_fixture;
    let mut smtp = SmtpServer::start(0);
    let app = app_sending_to(&smtp).await;
    let conn = &mut app.db();
    let insert = |conn: &mut upskill::db::PooledDb, email: &str, name: &str| {
        upskill::db::employees::insert(conn, &employee_fixture(email, name, None)).unwrap();
        employee_id(&app, email)
    };
    // Planted as an older version (or a hand-edited row) could have stored them.
    let eve = insert(conn, "eve@upskill.example", "Eve\r\nBcc: everyone@upskill.example");
    let nobody = insert(conn, "not an address", "Nobody");
    let fiona = employee_id(&app, "fiona.associate@upskill.example");
    let now = upskill::clock::now();
    for (who, text) in [(eve, "For Eve."), (nobody, "For nobody."), (fiona, "For Fiona.")] {
        upskill::db::notifications::notify(conn, who, None, &Message::said(text), now).unwrap();
    }

    smtp.wait_for(2).await;
    smtp.collect(Duration::from_millis(500)).await;
    let mut to: Vec<String> = smtp.received.iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(to, ["eve@upskill.example", "fiona.associate@upskill.example"], "{:#?}", smtp.received);
    let eves = smtp.received.iter().find(|m| m.to == ["eve@upskill.example"]).unwrap();
    assert!(eves.text.contains("Hello Eve"), "{}", eves.text);
    let rows: Vec<(i32, bool, Option<String>)> = outbox::table
        .order(outbox::id)
        .select((outbox::employee_id, outbox::sent_at.is_not_null(), outbox::last_error))
        .load(conn)
        .unwrap();
    let of = |who: i32| rows.iter().find(|row| row.0 == who).unwrap().clone();
    assert!(of(eve).1 && of(fiona).1, "{rows:?}");
    assert!(!of(nobody).1 && of(nobody).2.is_some_and(|e| e.starts_with("cannot write the message")), "{rows:?}");
    let failed: bool = outbox::table
        .filter(outbox::employee_id.eq(nobody))
        .select(outbox::failed_at.is_not_null())
        .first(conn)
        .unwrap();
    assert!(failed, "given up at once: writing it again would fail again");

    // The sender is still there for what comes next.
    upskill::db::notifications::notify(conn, fiona, None, &Message::said("For Fiona, later."), upskill::clock::now())
        .unwrap();
    assert_eq!(smtp.wait_for(3).await.len(), 3);
}
