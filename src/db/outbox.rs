//! The e-mail outbox: messages written in the transaction of the change they tell about,
//! claimed and sent by a background sender (the `mail` module), retried with backoff, carried
//! by a daily digest for those who chose one, and reminders of approvals that wait.
//!
//! Several servers may send from one database: a server claims rows by writing its claim
//! token and a claim deadline on rows nobody holds, in one statement that re-checks the
//! condition, so two servers never hold (or send) the same row. A server that dies while
//! holding rows loses them when the deadline passes, and another sends them.

use std::collections::HashMap;

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use super::schema::{applications, email_preferences, employees, outbox, programs};
use super::{write_transaction, DbConnection};
use crate::domain::mail::{digest_cut, subject_line, working_days_between, ReminderLevel, ReminderPolicy, MAX_AGE};
use crate::domain::message::Message;
use crate::domain::time_zone::{local_date, parse_zone, Tz};
use crate::domain::ApplicationStatus;
pub use crate::domain::MailKind;
use crate::i18n::{Locale, Tr};

/// Whether `employee_id` takes a daily digest instead of one e-mail per event.
pub fn wants_digest(conn: &mut DbConnection, employee_id: i32) -> QueryResult<bool> {
    Ok(email_preferences::table
        .find(employee_id)
        .select(email_preferences::daily_digest)
        .first(conn)
        .optional()?
        .unwrap_or(false))
}

/// Records `employee_id`'s choice (inside the caller's transaction).
pub fn set_digest(
    conn: &mut DbConnection,
    employee_id: i32,
    daily_digest: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let updated = diesel::update(email_preferences::table.find(employee_id))
        .set((email_preferences::daily_digest.eq(daily_digest), email_preferences::updated_at.eq(now)))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(email_preferences::table)
            .values((
                email_preferences::employee_id.eq(employee_id),
                email_preferences::daily_digest.eq(daily_digest),
                email_preferences::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// One message to write.
pub struct NewMail<'a> {
    pub employee_id: i32,
    pub application_id: Option<i32>,
    pub kind: MailKind,
    /// What it says: worded in the recipient's language when the message is written.
    pub message: &'a Message,
    /// Written at most once: a second row with the same key is not written.
    pub dedupe_key: Option<&'a str>,
    /// Where the message's button leads when it is not an application: a sign-in link,
    /// removed from the row once the message is sent.
    pub link: Option<&'a str>,
}

/// Writes one message into the outbox (inside the caller's transaction); it goes out
/// alone, or in the recipient's next digest when they chose one. Returns false when a
/// row with the same `dedupe_key` already exists.
pub fn enqueue(conn: &mut DbConnection, mail: &NewMail<'_>, now: NaiveDateTime) -> QueryResult<bool> {
    Ok(enqueue_many(conn, std::slice::from_ref(mail), now)? == 1)
}

/// Queues many messages as [`enqueue`] queues one, in one statement (at most a few
/// hundred at a time: the caller's slices); returns how many were written.
pub fn enqueue_many(conn: &mut DbConnection, mails: &[NewMail<'_>], now: NaiveDateTime) -> QueryResult<usize> {
    let ids: Vec<i32> = mails.iter().map(|mail| mail.employee_id).collect();
    let digest: std::collections::HashSet<i32> = email_preferences::table
        .filter(email_preferences::employee_id.eq_any(&ids))
        .filter(email_preferences::daily_digest.eq(true))
        .select(email_preferences::employee_id)
        .load::<i32>(conn)?
        .into_iter()
        .collect();
    // The English words are kept beside the message: what older rows have, and what a
    // message this version no longer knows falls back to.
    let english = Tr(Locale::En);
    let written: Vec<(String, String)> =
        mails.iter().map(|mail| (english.say(mail.message), mail.message.to_json())).collect();
    let rows: Vec<_> = mails
        .iter()
        .zip(&written)
        .map(|(mail, (body, message))| {
            (
                outbox::employee_id.eq(mail.employee_id),
                outbox::application_id.eq(mail.application_id),
                outbox::kind.eq(mail.kind),
                outbox::subject.eq(subject_line(body)),
                outbox::body.eq(body.as_str()),
                outbox::message.eq(Some(message.as_str())),
                // A sign-in link goes at once: it must not wait for tomorrow's summary.
                outbox::in_digest.eq(mail.kind != MailKind::Access && digest.contains(&mail.employee_id)),
                outbox::dedupe_key.eq(mail.dedupe_key),
                outbox::link.eq(mail.link),
                outbox::created_at.eq(now),
                outbox::send_after.eq(now),
            )
        })
        .collect();
    let insert = diesel::insert_into(outbox::table).values(rows).on_conflict(outbox::dedupe_key).do_nothing();
    // Upserts are written per backend: the multi-backend query builder has no ON CONFLICT.
    match conn {
        DbConnection::Sqlite(sqlite) => insert.execute(sqlite),
        DbConnection::Postgresql(pg) => insert.execute(pg),
    }
}

/// A claimed message, with what the sender needs to address and write it.
#[derive(Debug, Clone, Queryable)]
pub struct OutgoingMail {
    pub id: i32,
    pub kind: MailKind,
    pub subject: String,
    pub body: String,
    /// What it says as a catalog message (JSON; `None` on rows older than the catalogs).
    pub message: Option<String>,
    pub application_id: Option<i32>,
    pub link: Option<String>,
    pub attempts: i32,
    pub created_at: NaiveDateTime,
    pub to_email: String,
    pub to_name: String,
    pub to_active: bool,
    /// The language the recipient chose (`None`: the server's default).
    pub to_locale: Option<String>,
    /// The time zone the recipient chose (`None`: the server's default).
    pub to_time_zone: Option<String>,
}

/// The rows nobody holds that are due now.
macro_rules! claimable {
    ($query:expr, $now:expr) => {
        $query
            .filter(outbox::sent_at.is_null())
            .filter(outbox::failed_at.is_null())
            .filter(outbox::in_digest.eq(false))
            .filter(outbox::send_after.le($now))
            .filter(outbox::claimed_until.is_null().or(outbox::claimed_until.lt($now)))
    };
}

/// Claims up to `limit` due messages for `token` until `now + hold`, and returns them.
/// An idle outbox costs one read: nothing is written (no SQLite write lock is taken)
/// unless there is something to claim.
pub fn claim_due(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
    hold: TimeDelta,
    limit: i64,
) -> QueryResult<Vec<OutgoingMail>> {
    let candidates: Vec<i32> =
        claimable!(outbox::table, now).order(outbox::id.asc()).limit(limit).select(outbox::id).load(conn)?;
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    // One statement, which checks the condition again on each row as it writes: a row
    // another server claimed meanwhile is skipped (on PostgreSQL a server waiting on the
    // same rows finds them held once the other commits).
    diesel::update(claimable!(outbox::table.filter(outbox::id.eq_any(&candidates)), now))
        .set((outbox::claim_token.eq(token), outbox::claimed_until.eq(now + hold)))
        .execute(conn)?;
    outbox::table
        .inner_join(employees::table)
        .filter(outbox::claim_token.eq(token))
        .filter(outbox::sent_at.is_null())
        .order(outbox::id.asc())
        .select((
            outbox::id,
            outbox::kind,
            outbox::subject,
            outbox::body,
            outbox::message,
            outbox::application_id,
            outbox::link,
            outbox::attempts,
            outbox::created_at,
            employees::email,
            employees::display_name,
            employees::active,
            employees::locale,
            employees::time_zone,
        ))
        .load(conn)
}

/// One line of a digest.
#[derive(Debug, Clone, Queryable)]
pub struct DigestItem {
    pub body: String,
    pub message: Option<String>,
    pub application_id: Option<i32>,
    pub created_at: NaiveDateTime,
}

/// What a digest carries, oldest first.
pub fn digest_items(conn: &mut DbConnection, digest_id: i32) -> QueryResult<Vec<DigestItem>> {
    outbox::table
        .filter(outbox::digest_id.eq(digest_id))
        .order(outbox::id.asc())
        .select((outbox::body, outbox::message, outbox::application_id, outbox::created_at))
        .load(conn)
}

/// Marks a message sent (only while `token` still holds it) and forgets its sign-in link.
pub fn mark_sent(conn: &mut DbConnection, id: i32, token: &str, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(outbox::table.filter(outbox::id.eq(id)).filter(outbox::claim_token.eq(token)))
        .set((
            outbox::sent_at.eq(now),
            outbox::link.eq(None::<String>),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::claim_token.eq(None::<String>),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

/// Records a failed attempt: tried again at `retry_at`, or given up when `None`.
pub fn mark_failed(
    conn: &mut DbConnection,
    id: i32,
    token: &str,
    error: &str,
    retry_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let error: String = error.chars().take(500).collect();
    diesel::update(outbox::table.filter(outbox::id.eq(id)).filter(outbox::claim_token.eq(token)))
        .set((
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(error),
            outbox::send_after.eq(retry_at.unwrap_or(now)),
            outbox::failed_at.eq(retry_at.is_none().then_some(now)),
            outbox::claim_token.eq(None::<String>),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
        .map(|n| n == 1)
}

/// Gives up unsent messages older than `MAX_AGE` and deletes finished ones older than
/// `keep`. Returns (given up, deleted).
pub fn tidy(conn: &mut DbConnection, now: NaiveDateTime, keep: TimeDelta) -> QueryResult<(usize, usize)> {
    let given_up = diesel::update(
        outbox::table
            .filter(outbox::sent_at.is_null())
            .filter(outbox::failed_at.is_null())
            .filter(outbox::created_at.lt(now - MAX_AGE))
            .filter(outbox::claimed_until.is_null().or(outbox::claimed_until.lt(now))),
    )
    .set((outbox::failed_at.eq(now), outbox::last_error.eq("not sent within 7 days; given up")))
    .execute(conn)?;
    // Digest items first: they point at their digest. An item's `sent_at` is its
    // digest's creation, so the items of every digest deleted below are gone by then.
    // A row finished before `old` was written before it too: the index on `created_at`
    // keeps these deletes to the old rows instead of the whole table.
    let old = now - keep;
    let written_before = || outbox::table.filter(outbox::created_at.lt(old));
    let deleted_items =
        diesel::delete(written_before().filter(outbox::digest_id.is_not_null()).filter(outbox::sent_at.lt(old)))
            .execute(conn)?;
    let deleted = diesel::delete(
        written_before()
            .filter(outbox::digest_id.is_null())
            .filter(outbox::sent_at.lt(old).or(outbox::failed_at.lt(old))),
    )
    .execute(conn)?;
    Ok((given_up, deleted_items + deleted))
}

/// Messages neither sent nor given up: (waiting to go out alone, waiting for a digest).
pub fn backlog(conn: &mut DbConnection) -> QueryResult<(i64, i64)> {
    let counts: Vec<(bool, i64)> = outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::failed_at.is_null())
        .group_by(outbox::in_digest)
        .select((outbox::in_digest, diesel::dsl::count_star()))
        .load(conn)?;
    let count = |digest: bool| counts.iter().filter(|(d, _)| *d == digest).map(|(_, n)| n).sum();
    Ok((count(false), count(true)))
}

/// Bundles, for each recipient whose digest hour has come on their own clock (`hour` in
/// their time zone, else `default_zone`), every item written before that day's cut into
/// one digest, in one transaction. Returns the number of digests written.
pub fn collect_digests(conn: &mut DbConnection, hour: u32, default_zone: Tz, now: NaiveDateTime) -> QueryResult<usize> {
    write_transaction(conn, |conn| {
        let waiting = |cut: NaiveDateTime| {
            outbox::table
                .filter(outbox::in_digest.eq(true))
                .filter(outbox::sent_at.is_null())
                .filter(outbox::failed_at.is_null())
                .filter(outbox::created_at.lt(cut))
        };
        let recipients: Vec<i32> =
            waiting(now).select(outbox::employee_id).distinct().order(outbox::employee_id.asc()).load(conn)?;
        // The recipients by time zone: one cut, and one count, per zone.
        let chosen: HashMap<i32, String> = super::employees::time_zones_of(conn, &recipients)?.into_iter().collect();
        let mut by_zone: std::collections::BTreeMap<&str, Vec<i32>> = std::collections::BTreeMap::new();
        for &employee_id in &recipients {
            let zone = chosen.get(&employee_id).and_then(|name| parse_zone(name)).unwrap_or(default_zone);
            by_zone.entry(zone.name()).or_default().push(employee_id);
        }
        let mut due: Vec<(i32, i64, NaiveDateTime)> = Vec::new();
        for (zone, people) in by_zone {
            let Some(cut) = parse_zone(zone).and_then(|zone| digest_cut(now, hour, zone)) else { continue };
            for chunk in people.chunks(500) {
                let counts: Vec<(i32, i64)> = waiting(cut)
                    .filter(outbox::employee_id.eq_any(chunk))
                    .group_by(outbox::employee_id)
                    .select((outbox::employee_id, diesel::dsl::count_star()))
                    .load(conn)?;
                due.extend(counts.into_iter().map(|(employee_id, items)| (employee_id, items, cut)));
            }
        }
        due.sort_unstable();
        let mut written = 0;
        for (employee_id, items, cut) in due {
            let message = Message::new("notice-digest").number("count", items);
            let text = Tr(Locale::En).say(&message);
            let digest_id: i32 = diesel::insert_into(outbox::table)
                .values((
                    outbox::employee_id.eq(employee_id),
                    outbox::kind.eq(MailKind::Digest),
                    outbox::subject.eq(subject_line(&text)),
                    outbox::body.eq(&text),
                    outbox::message.eq(Some(message.to_json())),
                    outbox::in_digest.eq(false),
                    outbox::created_at.eq(now),
                    outbox::send_after.eq(now),
                ))
                .returning(outbox::id)
                .get_result(conn)?;
            diesel::update(waiting(cut).filter(outbox::employee_id.eq(employee_id)))
                .set((outbox::digest_id.eq(digest_id), outbox::sent_at.eq(now)))
                .execute(conn)?;
            written += 1;
        }
        Ok(written)
    })
}

/// A reminder that is due: who gets it and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub application_id: i32,
    pub level: ReminderLevel,
    pub recipient_id: i32,
    pub recipient_email: String,
    pub message: Message,
    pub waited_working_days: i64,
    /// Once per application, level, recipient and waiting period.
    pub dedupe_key: String,
}

/// A person a reminder may name or go to.
struct Person {
    name: String,
    email: String,
    manager_id: Option<i32>,
    active: bool,
    /// Whose clock their working days follow.
    zone: Tz,
}

/// An application that waits on someone: (id, status, submitted_at, updated_at,
/// approver, applicant, program name).
type Waiting = (i32, ApplicationStatus, NaiveDateTime, NaiveDateTime, Option<i32>, i32, i32, String);

/// The applications that have waited since before `arrived_before`: on a manager since
/// (re)submission, on the program team since the manager's approval (the row's last change).
fn waiting_since(conn: &mut DbConnection, arrived_before: NaiveDateTime) -> QueryResult<Vec<Waiting>> {
    let at_manager = applications::status
        .eq(ApplicationStatus::Submitted)
        .and(applications::submitted_at.lt(arrived_before))
        .and(applications::approver_id.is_not_null());
    let at_team =
        applications::status.eq(ApplicationStatus::ManagerApproved).and(applications::updated_at.lt(arrived_before));
    applications::table
        .inner_join(programs::table)
        .filter(applications::status.eq_any([ApplicationStatus::Submitted, ApplicationStatus::ManagerApproved]))
        .filter(at_manager.or(at_team))
        .order(applications::id.asc())
        .select((
            applications::id,
            applications::status,
            applications::submitted_at,
            applications::updated_at,
            applications::approver_id,
            applications::employee_id,
            applications::program_id,
            programs::name,
        ))
        .load(conn)
}

/// The reminders due at `now` that were not written yet. Approvals waiting on a manager
/// remind that manager, then the manager's own manager; approvals waiting on the program
/// team remind that program's team, or every active administrator when it has none
/// (there is no one above them).
pub fn due_reminders(
    conn: &mut DbConnection,
    policy: ReminderPolicy,
    default_zone: Tz,
    now: NaiveDateTime,
) -> QueryResult<Vec<Reminder>> {
    let Some(arrived_before) = policy.arrived_before(now) else {
        return Ok(Vec::new());
    };
    let waiting = waiting_since(conn, arrived_before)?;
    let mut teams = ProgramTeams::default();
    let at_team: Vec<&Waiting> = waiting.iter().filter(|w| w.1 == ApplicationStatus::ManagerApproved).collect();
    if !at_team.is_empty() {
        teams.admins = super::employees::active_admin_ids(conn)?;
        for (_, _, _, _, _, _, program_id, _) in at_team {
            if !teams.members.contains_key(program_id) {
                let members = super::program_teams::active_member_ids(conn, *program_id, 0)?;
                teams.members.insert(*program_id, members);
            }
        }
    }
    let mut wanted: Vec<i32> = teams.admins.clone();
    wanted.extend(teams.members.values().flatten());
    for (_, _, _, _, approver, applicant, _, _) in &waiting {
        wanted.push(*applicant);
        wanted.extend(approver);
    }
    let mut people = load_people(conn, &wanted, default_zone)?;
    let managers: Vec<i32> = people.values().filter_map(|p| p.manager_id).collect();
    people.extend(load_people(conn, &managers, default_zone)?);
    let mut reminders: Vec<Reminder> =
        waiting.iter().flat_map(|w| reminders_of(w, &people, &teams, policy, now)).collect();
    let keys: Vec<&str> = reminders.iter().map(|r| r.dedupe_key.as_str()).collect();
    let mut written: Vec<String> = Vec::new();
    for chunk in keys.chunks(500) {
        written.extend(
            outbox::table
                .filter(outbox::dedupe_key.eq_any(chunk))
                .select(outbox::dedupe_key.assume_not_null())
                .load::<String>(conn)?,
        );
    }
    reminders.retain(|r| !written.contains(&r.dedupe_key));
    reminders.sort_by_key(|r| (r.application_id, r.level.as_str(), r.recipient_id));
    Ok(reminders)
}

/// Who decides the program team's stage: each program's team (people who still work
/// here), and the active administrators for a program without one.
#[derive(Debug, Default)]
struct ProgramTeams {
    members: HashMap<i32, Vec<i32>>,
    admins: Vec<i32>,
}

impl ProgramTeams {
    fn of(&self, program_id: i32) -> &[i32] {
        match self.members.get(&program_id) {
            Some(members) if !members.is_empty() => members,
            _ => &self.admins,
        }
    }
}

/// The reminders one waiting application is due, whether or not written already. Each
/// recipient counts the working days it has waited on their own clock (their time zone).
fn reminders_of(
    waiting: &Waiting,
    people: &HashMap<i32, Person>,
    teams: &ProgramTeams,
    policy: ReminderPolicy,
    now: NaiveDateTime,
) -> Vec<Reminder> {
    let (id, status, submitted_at, updated_at, approver, applicant, program_id, program) = waiting;
    let since = if *status == ApplicationStatus::Submitted { *submitted_at } else { *updated_at };
    let applicant_name = people.get(applicant).map(|p| p.name.as_str());
    let mut reminders = Vec::new();
    for level in [ReminderLevel::Approver, ReminderLevel::ApproversManager] {
        let recipients: Vec<i32> = match (status, level, approver) {
            (ApplicationStatus::Submitted, ReminderLevel::Approver, Some(approver)) => vec![*approver],
            (ApplicationStatus::Submitted, ReminderLevel::ApproversManager, Some(approver)) => {
                people.get(approver).and_then(|p| p.manager_id).into_iter().collect()
            }
            (ApplicationStatus::ManagerApproved, ReminderLevel::Approver, _) => {
                teams.of(*program_id).iter().copied().filter(|member| member != applicant).collect()
            }
            _ => Vec::new(),
        };
        let message = match level {
            ReminderLevel::Approver => Message::new("notice-reminder"),
            ReminderLevel::ApproversManager => match approver.and_then(|a| people.get(&a)) {
                Some(approver) => Message::new("notice-reminder-escalated").text("approver", approver.name.as_str()),
                None => Message::new("notice-reminder-escalated-no-approver"),
            },
        };
        let message = match applicant_name {
            Some(name) => message.text("applicant", name),
            None => message.term("applicant", "notice-an-employee"),
        }
        .text("program", program.as_str());
        for recipient in recipients {
            let Some(person) = people.get(&recipient).filter(|p| p.active) else {
                continue;
            };
            let waited = working_days_between(local_date(person.zone, since), local_date(person.zone, now));
            if !policy.due(waited).contains(&level) {
                continue;
            }
            reminders.push(Reminder {
                application_id: *id,
                level,
                recipient_id: recipient,
                recipient_email: person.email.clone(),
                message: message.clone().number("count", waited),
                waited_working_days: waited,
                dedupe_key: format!(
                    "reminder:{id}:{}:{recipient}:{}",
                    level.as_str(),
                    since.format("%Y-%m-%dT%H:%M:%S%.6f")
                ),
            });
        }
    }
    reminders
}

/// A person's row as a reminder reads it: id, name, e-mail, manager, active, time zone.
type PersonRow = (i32, String, String, Option<i32>, bool, Option<String>);

/// The people a reminder may name or go to, with their time zone (`default_zone` for those
/// who chose none).
fn load_people(conn: &mut DbConnection, ids: &[i32], default_zone: Tz) -> QueryResult<HashMap<i32, Person>> {
    let mut people = HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<PersonRow> = employees::table
            .filter(employees::id.eq_any(chunk))
            .select((
                employees::id,
                employees::display_name,
                employees::email,
                employees::manager_id,
                employees::active,
                employees::time_zone,
            ))
            .load(conn)?;
        for (id, name, email, manager_id, active, zone) in rows {
            let zone = zone.as_deref().and_then(parse_zone).unwrap_or(default_zone);
            people.insert(id, Person { name, email, manager_id, active, zone });
        }
    }
    Ok(people)
}

/// Writes the due reminders into the outbox in one transaction; returns how many were new.
pub fn enqueue_reminders(conn: &mut DbConnection, reminders: &[Reminder], now: NaiveDateTime) -> QueryResult<usize> {
    write_transaction(conn, |conn| {
        let mut written = 0;
        for reminder in reminders {
            let mail = NewMail {
                employee_id: reminder.recipient_id,
                application_id: Some(reminder.application_id),
                kind: MailKind::Reminder,
                link: None,
                message: &reminder.message,
                dedupe_key: Some(&reminder.dedupe_key),
            };
            if enqueue(conn, &mail, now)? {
                written += 1;
            }
        }
        Ok(written)
    })
}
