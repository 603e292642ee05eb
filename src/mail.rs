//! Sending e-mail: a background sender that claims due messages from the outbox and sends
//! them over SMTP (`lettre`), retrying with backoff; and a scheduler that, on one server
//! of a cluster at a time (a lease), writes the reminders of approvals that wait and the
//! daily digests. Neither ever runs inside a request: a request only writes outbox rows.

use std::time::Duration;

use actix_web::web;
use askama::Template;
use chrono::TimeDelta;
use lettre::message::{Mailbox, MultiPart};
use lettre::{Message, SmtpTransport, Transport};

use crate::config::Settings;
use crate::db::outbox::{DigestItem, MailKind, OutgoingMail};
use crate::db::{self, DbPool};
use crate::domain::mail::{retry_delay, subject_line, ReminderPolicy, MAX_ATTEMPTS};
use crate::domain::text::cleaned_line;
use crate::domain::time_zone::{parse_zone, Tz};
use crate::i18n::{Locale, Tr};
use crate::security::random_token;

/// Messages claimed at a time.
const BATCH: i64 = 20;
/// How long a claim holds: a server that stops while holding messages loses them after
/// this, and another server sends them.
const CLAIM_HOLD: TimeDelta = TimeDelta::minutes(5);
/// How long an SMTP conversation may take.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);
/// The lease of the scheduler.
const SCHEDULER_LEASE: &str = "mail-scheduler";
/// How many completions' outcomes one run of the scheduler computes again at most (the
/// rest on the next runs): the day a horizon comes, a busy month of completions reaches it.
const OUTCOMES_PER_RUN: i64 = 2_000;
/// Finished messages are kept this long (then deleted).
const KEEP_FINISHED: TimeDelta = TimeDelta::days(30);

/// Starts the sender (when an SMTP server is configured) and the scheduler on the
/// current runtime; they stop with it.
pub fn spawn(pool: DbPool, settings: &Settings) -> anyhow::Result<()> {
    if let Some(url) = &settings.mail.smtp_url {
        if settings.mail.public_url.is_none() {
            tracing::warn!(
                links_to = %settings.public_url(),
                "e-mail is on (--smtp-url) without --public-url: its links lead to the address this server listens \
                 on; set --public-url to the address people reach Upskill at"
            );
        }
        let transport = SmtpTransport::from_url(url)?.timeout(Some(SMTP_TIMEOUT)).build();
        let composer = Composer::new(settings)?;
        let sender = Sender { pool: pool.clone(), transport, composer, retry_base: settings.mail.retry_base };
        let poll = settings.mail.poll;
        actix_web::rt::spawn(supervise("e-mail sender", move || sender.clone().run(poll)));
    }
    let scheduler = Scheduler {
        pool,
        server_id: random_token(12),
        sends_mail: settings.mail.smtp_url.is_some(),
        policy: ReminderPolicy {
            remind_after: settings.mail.remind_after_working_days,
            escalate_after: settings.mail.escalate_after_working_days,
        },
        digest_hour: settings.mail.digest_hour,
        default_zone: settings.default_time_zone,
        every: settings.mail.schedule_every,
    };
    actix_web::rt::spawn(supervise("e-mail scheduler", move || scheduler.clone().run()));
    Ok(())
}

/// How long a background task that ended waits before it is started again.
const RESTART_AFTER: Duration = Duration::from_secs(1);

/// Runs the task that `start` makes, and a new one whenever it ends: the sender and the
/// scheduler loop forever, so one that ends has panicked, and without this e-mail would
/// stop for everyone until the server restarts. Stops with the runtime.
pub async fn supervise<F, T>(name: &'static str, start: F)
where
    F: Fn() -> T,
    T: std::future::Future<Output = ()> + 'static,
{
    loop {
        match actix_web::rt::spawn(start()).await {
            Err(err) if err.is_cancelled() => return,
            Err(err) => tracing::error!(task = name, error = %err, "background task failed; starting it again"),
            Ok(()) => tracing::error!(task = name, "background task ended; starting it again"),
        }
        actix_web::rt::time::sleep(RESTART_AFTER).await;
    }
}

/// One line of a message.
struct Line {
    text: String,
    when: Option<String>,
    link: Option<String>,
    /// What the link says in the HTML message.
    link_label: String,
}

#[derive(Template)]
#[template(path = "email/message.html")]
struct HtmlMessage<'a> {
    t: Tr,
    subject: &'a str,
    recipient_name: &'a str,
    intro: Option<&'a str>,
    lines: &'a [Line],
    account_link: &'a str,
    /// A sign-in link: the footer says why it came instead of pointing to e-mail choices.
    access: bool,
}

#[derive(Template)]
#[template(path = "email/message.txt")]
struct TextMessage<'a> {
    t: Tr,
    recipient_name: &'a str,
    intro: Option<&'a str>,
    lines: &'a [Line],
    account_link: &'a str,
    access: bool,
}

/// Writes messages: plain text and HTML, with links back to Upskill.
#[derive(Clone)]
pub struct Composer {
    from: Mailbox,
    public_url: String,
    /// The right-hand side of Message-IDs (the public address's host).
    domain: String,
    /// The language of those who chose none.
    default_locale: Locale,
    /// The time zone of those who chose none.
    default_zone: Tz,
}

impl Composer {
    pub fn new(settings: &Settings) -> anyhow::Result<Composer> {
        let from: Mailbox =
            settings.mail.from.parse().map_err(|e| anyhow::anyhow!("--mail-from {}: {e}", settings.mail.from))?;
        let public_url = settings.public_url();
        let host = public_url.split("://").nth(1).unwrap_or("localhost");
        let domain = host.split(['/', ':']).next().filter(|h| !h.is_empty()).unwrap_or("localhost").to_owned();
        Ok(Composer {
            from,
            public_url,
            domain,
            default_locale: settings.default_locale,
            default_zone: settings.default_time_zone,
        })
    }

    fn application_link(&self, application_id: Option<i32>) -> Option<String> {
        application_id.map(|id| format!("{}/applications/{id}", self.public_url))
    }

    /// The language `mail` is written in: its recipient's choice, else the server's default.
    fn language(&self, mail: &OutgoingMail) -> Tr {
        let chosen = mail.to_locale.as_deref().and_then(Locale::from_tag).filter(|l| Locale::OFFERED.contains(l));
        Tr(chosen.unwrap_or(self.default_locale))
    }

    /// The time zone of `mail`'s recipient.
    fn zone(&self, mail: &OutgoingMail) -> Tz {
        mail.to_time_zone.as_deref().and_then(parse_zone).unwrap_or(self.default_zone)
    }

    /// The message for an outbox row (a digest with its items), in its recipient's
    /// language, its times on their clock.
    pub fn compose(&self, mail: &OutgoingMail, items: &[DigestItem]) -> anyhow::Result<Message> {
        let (t, zone) = (self.language(mail), self.zone(mail));
        let said = t.kept(mail.message.as_deref(), &mail.body);
        let open_application = || t.m("email-open-application").to_owned();
        let (intro, lines): (Option<&str>, Vec<Line>) = match mail.kind {
            MailKind::Digest => (
                Some(t.m("email-digest-intro")),
                items
                    .iter()
                    .map(|item| Line {
                        text: t.kept(item.message.as_deref(), &item.body),
                        when: Some(t.time(item.created_at, zone)),
                        link: self.application_link(item.application_id),
                        link_label: open_application(),
                    })
                    .collect(),
            ),
            MailKind::Notice | MailKind::Reminder => (
                None,
                vec![Line {
                    text: said.clone(),
                    when: None,
                    link: self.application_link(mail.application_id),
                    link_label: open_application(),
                }],
            ),
            MailKind::Access => (
                None,
                vec![Line {
                    text: said.clone(),
                    when: None,
                    link: mail.link.clone(),
                    link_label: t.m("email-choose-password").to_owned(),
                }],
            ),
        };
        // The subject is the notice itself (a digest's says how many updates it carries);
        // a row older than the catalogs keeps the subject it was written with.
        let subject = if mail.message.is_some() { subject_line(&said) } else { mail.subject.clone() };
        let access = mail.kind == MailKind::Access;
        let account_link = format!("{}/account", self.public_url);
        let text =
            TextMessage { t, recipient_name: &mail.to_name, intro, lines: &lines, account_link: &account_link, access };
        let html = HtmlMessage {
            t,
            subject: &subject,
            recipient_name: &mail.to_name,
            intro,
            lines: &lines,
            account_link: &account_link,
            access,
        };
        // Header values on one line, whatever a row holds: a line break in a name would
        // start a header of its own (or stop the mail builder).
        let name = Some(cleaned_line(&mail.to_name)).filter(|name| !name.is_empty());
        let to = Mailbox::new(name, mail.to_email.parse()?);
        Ok(Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(cleaned_line(&subject))
            // The same row always has the same id: a copy sent again is recognisably one.
            .message_id(Some(format!("<upskill-outbox-{}@{}>", mail.id, self.domain)))
            .multipart(MultiPart::alternative_plain_html(text.render()?, html.render()?))?)
    }
}

/// The message of an outbox row, or why it can't be written. The mail builder may panic
/// on content it can't encode: that costs this one message (given up and logged with its
/// outbox id), never the sender and the messages after it.
fn compose_or_refuse(composer: &Composer, mail: &OutgoingMail, items: &[DigestItem]) -> Result<Message, String> {
    written_or_refused(|| composer.compose(mail, items))
}

/// What `write` writes, or why it could not, a panic included.
fn written_or_refused(write: impl FnOnce() -> anyhow::Result<Message>) -> Result<Message, String> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(write)) {
        Ok(Ok(message)) => Ok(message),
        Ok(Err(err)) => Err(format!("cannot write the message: {err}")),
        Err(_) => Err("cannot write the message: the mail builder failed on its content".to_owned()),
    }
}

/// Claims due messages and sends them, one batch after another.
#[derive(Clone)]
struct Sender {
    pool: DbPool,
    transport: SmtpTransport,
    composer: Composer,
    retry_base: Duration,
}

/// What became of one message.
enum Delivery {
    Sent,
    Retry(String),
    GiveUp(String),
}

impl Sender {
    async fn run(self, poll: Duration) {
        loop {
            let sent = match self.send_batch().await {
                Ok(count) => count,
                Err(err) => {
                    tracing::warn!(error = %err, "e-mail sender: cannot reach the outbox");
                    0
                }
            };
            if sent == 0 {
                actix_web::rt::time::sleep(poll).await;
            }
        }
    }

    /// Claims one batch and sends it; returns how many messages were claimed.
    async fn send_batch(&self) -> anyhow::Result<usize> {
        let pool = self.pool.clone();
        let token = random_token(18);
        let claim_token = token.clone();
        let claimed = web::block(move || -> anyhow::Result<Vec<(OutgoingMail, Vec<DigestItem>)>> {
            let mut conn = pool.get()?;
            let claimed = db::outbox::claim_due(&mut conn, &claim_token, crate::clock::now(), CLAIM_HOLD, BATCH)?;
            let mut with_items = Vec::with_capacity(claimed.len());
            for mail in claimed {
                let items = if mail.kind == MailKind::Digest {
                    db::outbox::digest_items(&mut conn, mail.id)?
                } else {
                    Vec::new()
                };
                with_items.push((mail, items));
            }
            Ok(with_items)
        })
        .await??;
        let count = claimed.len();
        for (mail, items) in claimed {
            let delivery = self.deliver(&mail, &items).await;
            self.record(&mail, &token, delivery).await?;
        }
        Ok(count)
    }

    async fn deliver(&self, mail: &OutgoingMail, items: &[DigestItem]) -> Delivery {
        if !mail.to_active {
            return Delivery::GiveUp("the recipient's account is deactivated".to_owned());
        }
        let message = match compose_or_refuse(&self.composer, mail, items) {
            Ok(message) => message,
            Err(reason) => return Delivery::GiveUp(reason),
        };
        let transport = self.transport.clone();
        match web::block(move || transport.send(&message)).await {
            Ok(Ok(_)) => Delivery::Sent,
            Ok(Err(err)) if err.is_permanent() => Delivery::GiveUp(err.to_string()),
            Ok(Err(err)) => Delivery::Retry(err.to_string()),
            Err(err) => Delivery::Retry(err.to_string()),
        }
    }

    async fn record(&self, mail: &OutgoingMail, token: &str, delivery: Delivery) -> anyhow::Result<()> {
        let now = crate::clock::now();
        let attempts = mail.attempts + 1;
        let (id, kind, token) = (mail.id, mail.kind, token.to_owned());
        // Tried again after the backoff, unless this was the last attempt.
        let retry_at = (attempts < MAX_ATTEMPTS)
            .then(|| now + TimeDelta::from_std(retry_delay(self.retry_base, attempts)).unwrap_or(TimeDelta::hours(1)));
        let outcome = match delivery {
            Delivery::Sent => {
                tracing::info!(outbox_id = id, kind = kind.as_str(), "e-mail sent");
                None
            }
            Delivery::Retry(error) if retry_at.is_some() => {
                tracing::warn!(outbox_id = id, attempts, %error, "e-mail not sent; will retry");
                Some((retry_at, error))
            }
            Delivery::Retry(error) | Delivery::GiveUp(error) => {
                tracing::error!(outbox_id = id, attempts, %error, "e-mail given up");
                Some((None, error))
            }
        };
        let pool = self.pool.clone();
        web::block(move || -> anyhow::Result<()> {
            let mut conn = pool.get()?;
            match outcome {
                None => db::outbox::mark_sent(&mut conn, id, &token, now)?,
                Some((retry_at, error)) => db::outbox::mark_failed(&mut conn, id, &token, &error, retry_at, now)?,
            };
            Ok(())
        })
        .await?
    }
}

/// Reminders, digests, tidying and the outcomes whose horizon came, on the one server
/// that holds the lease.
#[derive(Clone)]
struct Scheduler {
    pool: DbPool,
    server_id: String,
    sends_mail: bool,
    policy: ReminderPolicy,
    digest_hour: u32,
    /// The time zone of those who chose none.
    default_zone: Tz,
    every: Duration,
}

impl Scheduler {
    async fn run(self) {
        let mut ticker = actix_web::rt::time::interval(self.every);
        loop {
            ticker.tick().await;
            let pool = self.pool.clone();
            let (server_id, sends_mail, policy, digest_hour, default_zone) =
                (self.server_id.clone(), self.sends_mail, self.policy, self.digest_hour, self.default_zone);
            let lease = TimeDelta::from_std(self.every * 3).unwrap_or(TimeDelta::hours(1));
            let done = web::block(move || -> anyhow::Result<Option<ScheduledWork>> {
                let mut conn = pool.get()?;
                let now = crate::clock::now();
                if !db::leases::try_acquire(&mut conn, SCHEDULER_LEASE, &server_id, now, lease)? {
                    return Ok(None);
                }
                let mut work = ScheduledWork::default();
                if sends_mail {
                    let due = db::outbox::due_reminders(&mut conn, policy, default_zone, now)?;
                    work.reminders = db::outbox::enqueue_reminders(&mut conn, &due, now)?;
                    work.digests = db::outbox::collect_digests(&mut conn, digest_hour, default_zone, now)?;
                }
                (work.given_up, work.deleted) = db::outbox::tidy(&mut conn, now, KEEP_FINISHED)?;
                // Lotteries whose window closed yesterday or before, if no request drew them.
                work.draws = db::workflow::draw_due(&mut conn, None, now.date(), now)?.len();
                // Offered seats nobody answered in time go to the next person in line.
                work.offers_lapsed = db::workflow::lapse_due_offers(&mut conn, None, now)?;
                work.outcomes_rechecked = db::outcomes::recheck_due(&mut conn, now.date(), OUTCOMES_PER_RUN)?;
                // Once a day, after the outcomes whose horizon came are all up to date.
                if i64::try_from(work.outcomes_rechecked).is_ok_and(|n| n < OUTCOMES_PER_RUN)
                    && db::comparison::is_due(&mut conn, now.date())?
                {
                    work.comparisons = db::comparison::refresh(&mut conn, now.date())?;
                }
                Ok(Some(work))
            })
            .await;
            match done {
                Ok(Ok(Some(work))) if work != ScheduledWork::default() => {
                    tracing::info!(
                        reminders = work.reminders,
                        digests = work.digests,
                        given_up = work.given_up,
                        deleted = work.deleted,
                        outcomes_rechecked = work.outcomes_rechecked,
                        comparisons = work.comparisons,
                        draws = work.draws,
                        offers_lapsed = work.offers_lapsed,
                        "e-mail scheduler"
                    );
                }
                Ok(Ok(_)) => {}
                Ok(Err(err)) => tracing::warn!(error = %err, "e-mail scheduler failed; will try again"),
                Err(err) => tracing::warn!(error = %err, "e-mail scheduler failed; will try again"),
            }
        }
    }
}

/// What one run of the scheduler wrote.
#[derive(Debug, Default, PartialEq, Eq)]
struct ScheduledWork {
    reminders: usize,
    digests: usize,
    given_up: usize,
    deleted: usize,
    /// Participants whose completions reached a horizon (6, 12 or 24 months) and were
    /// computed again.
    outcomes_rechecked: usize,
    /// Rows of the comparison group written (once a day).
    comparisons: usize,
    /// Lottery intakes whose seats were drawn.
    draws: usize,
    /// Offered seats that lapsed (and went to the next person in line).
    offers_lapsed: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, when: Option<&str>, link: Option<&str>) -> Line {
        Line {
            text: text.to_owned(),
            when: when.map(str::to_owned),
            link: link.map(str::to_owned),
            link_label: "Open the application".to_owned(),
        }
    }

    #[test]
    fn a_notice_reads_as_one_paragraph_with_its_link() {
        let lines = [line("Ada applied to Career Choice.", None, Some("https://u.test/applications/7"))];
        let text = TextMessage {
            t: Tr(Locale::En),
            recipient_name: "Maria",
            intro: None,
            lines: &lines,
            account_link: "https://u.test/account",
            access: false,
        };
        assert_eq!(
            text.render().unwrap(),
            "Hello Maria,\n\nAda applied to Career Choice.\nhttps://u.test/applications/7\n\n--\n\
             You receive this because of your applications and approvals in Upskill.\n\
             Choose between one e-mail per event and a daily summary: https://u.test/account"
        );
    }

    #[test]
    fn a_digest_lists_its_items_with_times_and_links() {
        let lines = [
            line("Ada applied.", Some("1 Dec 2026, 09:00 UTC"), Some("https://u.test/applications/7")),
            line("A note without a link.", Some("1 Dec 2026, 10:00 UTC"), None),
        ];
        let text = TextMessage {
            t: Tr(Locale::En),
            recipient_name: "Maria",
            intro: Some("Here is what happened."),
            lines: &lines,
            account_link: "https://u.test/account",
            access: false,
        };
        let rendered = text.render().unwrap();
        assert!(
            rendered.starts_with(
                "Hello Maria,\n\nHere is what happened.\n\n\
                 - Ada applied. (1 Dec 2026, 09:00 UTC)\n  https://u.test/applications/7\n\n\
                 - A note without a link. (1 Dec 2026, 10:00 UTC)\n\n--\n"
            ),
            "{rendered}"
        );
    }

    fn outgoing(to_name: &str, subject: &str) -> OutgoingMail {
        OutgoingMail {
            id: 7,
            kind: MailKind::Notice,
            subject: subject.to_owned(),
            body: "Something happened.".to_owned(),
            application_id: Some(3),
            link: None,
            attempts: 0,
            created_at: crate::clock::now(),
            to_email: "eve@upskill.example".to_owned(),
            to_name: to_name.to_owned(),
            to_active: true,
            to_locale: None,
            to_time_zone: None,
            message: None,
        }
    }

    #[test]
    fn a_line_break_in_a_name_or_subject_starts_no_header_of_its_own() {
        let composer = Composer::new(&Settings::with_database("upskill.db")).unwrap();
        let mail = outgoing("Eve\r\nBcc: everyone@upskill.example\u{0}", "Upskill: hello\r\nX-Evil: 1");
        let message = compose_or_refuse(&composer, &mail, &[]).unwrap();
        let raw = String::from_utf8(message.formatted()).unwrap();
        let headers = raw.split("\r\n\r\n").next().unwrap();
        let names: Vec<&str> = headers.lines().filter_map(|l| l.split_once(':').map(|(name, _)| name)).collect();
        assert!(!names.iter().any(|n| ["Bcc", "X-Evil"].contains(&n.trim())), "{headers}");
        assert!(headers.contains("Subject: Upskill: hello X-Evil: 1\r\n"), "{headers}");
        assert!(headers.lines().any(|l| l.starts_with("To: ") && l.ends_with(" <eve@upskill.example>")), "{headers}");
    }

    #[test]
    fn a_message_that_cannot_be_written_is_refused_with_its_reason() {
        let composer = Composer::new(&Settings::with_database("upskill.db")).unwrap();
        let mail = OutgoingMail { to_email: "not an address".to_owned(), ..outgoing("Eve", "Upskill: hello") };
        let reason = compose_or_refuse(&composer, &mail, &[]).unwrap_err();
        assert!(reason.starts_with("cannot write the message"), "{reason}");
        let reason = written_or_refused(|| panic!("a header the builder can't encode")).unwrap_err();
        assert_eq!(reason, "cannot write the message: the mail builder failed on its content");
    }

    #[actix_web::test]
    async fn a_background_task_that_fails_is_started_again() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Arc;
        let runs = Arc::new(AtomicUsize::new(0));
        let counted = runs.clone();
        let supervisor = actix_web::rt::spawn(supervise("test task", move || {
            let run = counted.fetch_add(1, Ordering::SeqCst) + 1;
            async move {
                if run == 1 {
                    panic!("the first run fails");
                }
                std::future::pending::<()>().await;
            }
        }));
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        while runs.load(Ordering::SeqCst) < 2 && std::time::Instant::now() < deadline {
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
        actix_web::rt::time::sleep(RESTART_AFTER * 2).await;
        assert_eq!(runs.load(Ordering::SeqCst), 2, "started again once, and running since");
        supervisor.abort();
    }

    #[test]
    fn the_html_part_escapes_what_people_typed() {
        let lines = [line("<script>alert(1)</script> & co", None, Some("https://u.test/applications/7"))];
        let html = HtmlMessage {
            t: Tr(Locale::En),
            subject: "Upskill: <b>",
            recipient_name: "<i>Maria</i>",
            intro: None,
            lines: &lines,
            account_link: "https://u.test/account",
            access: false,
        };
        let rendered = html.render().unwrap();
        assert!(!rendered.contains("<script>") && !rendered.contains("<i>Maria"), "{rendered}");
        assert!(rendered.contains("&#60;script&#62;alert(1)&#60;/script&#62; &#38; co"), "{rendered}");
        assert!(rendered.contains(r#"href="https://u.test/applications/7""#), "{rendered}");
    }
}
