//! One-time links that let a person choose a password (`access_links`): invitations and
//! password resets. The token travels only in the link; the table keeps its SHA-256. A
//! link is used once, expires, and is replaced by a newer link of the same kind; choosing
//! a password uses up every open link of that person.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use super::employees::Employee;
use super::schema::{access_links, employees};
use super::DbConnection;
use crate::domain::message::Message;
use crate::domain::AccessLinkPurpose;
use crate::security::{random_token, sha256_hex};

/// How long a link works.
pub fn lifetime(purpose: AccessLinkPurpose) -> TimeDelta {
    match purpose {
        AccessLinkPurpose::Invitation => TimeDelta::days(7),
        AccessLinkPurpose::Reset => TimeDelta::hours(1),
    }
}

/// Makes a new link for `employee_id` (inside the caller's transaction), replacing the
/// open links of the same kind, and returns its token.
pub fn create(
    conn: &mut DbConnection,
    employee_id: i32,
    purpose: AccessLinkPurpose,
    created_by: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<String> {
    // Two links made for one person at once: the second waits here, then replaces the
    // first, so that only the newest ever works.
    super::lock_row(conn, super::LockableTable::Employees, employee_id)?;
    diesel::delete(
        access_links::table
            .filter(access_links::employee_id.eq(employee_id))
            .filter(access_links::purpose.eq(purpose))
            .filter(access_links::used_at.is_null()),
    )
    .execute(conn)?;
    let token = random_token(32);
    diesel::insert_into(access_links::table)
        .values((
            access_links::employee_id.eq(employee_id),
            access_links::purpose.eq(purpose),
            access_links::token_hash.eq(sha256_hex(&token)),
            access_links::created_by.eq(created_by),
            access_links::created_at.eq(now),
            access_links::expires_at.eq(now + lifetime(purpose)),
        ))
        .execute(conn)?;
    Ok(token)
}

/// The active person an unused, unexpired link of `purpose` lets in, if `token` is one.
pub fn holder(
    conn: &mut DbConnection,
    token: &str,
    purpose: AccessLinkPurpose,
    now: NaiveDateTime,
) -> QueryResult<Option<Employee>> {
    let employee_id: Option<i32> = access_links::table
        .filter(access_links::token_hash.eq(sha256_hex(token)))
        .filter(access_links::purpose.eq(purpose))
        .filter(access_links::used_at.is_null())
        .filter(access_links::expires_at.gt(now))
        .select(access_links::employee_id)
        .first(conn)
        .optional()?;
    let Some(employee_id) = employee_id else { return Ok(None) };
    employees::table
        .find(employee_id)
        .filter(employees::active.eq(true))
        .select(Employee::as_select())
        .first(conn)
        .optional()
}

/// Uses up every open link of a person (they chose a password). Returns how many.
pub fn use_up(conn: &mut DbConnection, employee_id: i32, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        access_links::table.filter(access_links::employee_id.eq(employee_id)).filter(access_links::used_at.is_null()),
    )
    .set(access_links::used_at.eq(now))
    .execute(conn)
}

/// Active people who have no password and so cannot sign in with one, by name: all of
/// them, or the first `limit`.
pub fn people_without_password(conn: &mut DbConnection, limit: Option<i64>) -> QueryResult<Vec<Employee>> {
    let query = employees::table
        .filter(employees::active.eq(true))
        .filter(employees::password_hash.is_null().or(employees::password_hash.eq("")))
        .order((employees::display_name.asc(), employees::id.asc()))
        .select(Employee::as_select());
    match limit {
        Some(limit) => query.limit(limit).load(conn),
        None => query.load(conn),
    }
}

/// How many active people have no password.
pub fn count_without_password(conn: &mut DbConnection) -> QueryResult<i64> {
    employees::table
        .filter(employees::active.eq(true))
        .filter(employees::password_hash.is_null().or(employees::password_hash.eq("")))
        .count()
        .get_result(conn)
}

/// Sets a person's password hash.
pub fn set_password(conn: &mut DbConnection, employee_id: i32, hash: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(employees::table.find(employee_id))
        .set((employees::password_hash.eq(hash), employees::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// A link made and its e-mail written.
#[derive(Debug, Clone)]
pub struct SentLink {
    pub email: String,
    pub display_name: String,
    pub url: String,
}

/// The page a link of `purpose` opens: `/welcome/{token}` or `/reset-password/{token}`.
pub fn link_page(purpose: AccessLinkPurpose) -> &'static str {
    match purpose {
        AccessLinkPurpose::Invitation => "welcome",
        AccessLinkPurpose::Reset => "reset-password",
    }
}

/// The full address of a link.
pub fn link_url(public_url: &str, purpose: AccessLinkPurpose, token: &str) -> String {
    format!("{}/{}/{token}", public_url.trim_end_matches('/'), link_page(purpose))
}

/// Invites one person, in one transaction: a new link (the older invitation stops
/// working), its e-mail in the outbox when `by_mail` (else the caller hands the link
/// out), and the audit line. `inviter` is `None` from the command line.
pub fn invite(
    conn: &mut DbConnection,
    employee: &Employee,
    inviter: Option<(i32, &str)>,
    public_url: &str,
    by_mail: bool,
) -> QueryResult<SentLink> {
    super::audit::audited(conn, |conn, now| {
        let token = create(conn, employee.id, AccessLinkPurpose::Invitation, inviter.map(|(id, _)| id), now)?;
        let url = link_url(public_url, AccessLinkPurpose::Invitation, &token);
        let message = match inviter {
            Some((_, name)) => Message::new("notice-invited").text("inviter", name),
            None => Message::new("notice-invited-by-organisation"),
        }
        .text("email", employee.email.as_str());
        if by_mail {
            let mail = super::outbox::NewMail {
                employee_id: employee.id,
                application_id: None,
                kind: crate::domain::MailKind::Access,
                message: &message,
                dedupe_key: None,
                link: Some(&url),
            };
            super::outbox::enqueue(conn, &mail, now)?;
        }
        let how = if by_mail { "e-mailed" } else { "handed out by the administrator" };
        let line = super::audit::AuditLine {
            actor_id: inviter.map(|(id, _)| id),
            action: crate::domain::AuditAction::EmployeeInvited,
            subject: employee.email.clone(),
            details: format!("invitation link {how}, valid for 7 days"),
        };
        Ok((SentLink { email: employee.email.clone(), display_name: employee.display_name.clone(), url }, Some(line)))
    })
}

/// Sends a password-reset link to an active person (no audit line: asking is not a
/// change, and anyone may ask for anyone; choosing the password is audited).
pub fn send_reset(conn: &mut DbConnection, employee: &Employee, public_url: &str) -> QueryResult<()> {
    super::write_transaction(conn, |conn| {
        let now = crate::clock::now();
        let token = create(conn, employee.id, AccessLinkPurpose::Reset, None, now)?;
        let url = link_url(public_url, AccessLinkPurpose::Reset, &token);
        let message = Message::new("notice-password-reset");
        let mail = super::outbox::NewMail {
            employee_id: employee.id,
            application_id: None,
            kind: crate::domain::MailKind::Access,
            message: &message,
            dedupe_key: None,
            link: Some(&url),
        };
        super::outbox::enqueue(conn, &mail, now).map(|_| ())
    })
}

/// Sets the password of the person a link lets in, in one transaction: the link must
/// still be good (checked again here), every open link of theirs is used up, every
/// session of theirs ends, and the audit line is written. `None` when the link is no
/// longer good.
pub fn choose_password(
    conn: &mut DbConnection,
    token: &str,
    purpose: AccessLinkPurpose,
    password_hash: &str,
) -> QueryResult<Option<Employee>> {
    super::audit::audited(conn, |conn, now| {
        let Some(employee) = holder(conn, token, purpose, now)? else { return Ok((None, None)) };
        // One link used twice at once: the second waits here, then finds it used.
        super::lock_row(conn, super::LockableTable::Employees, employee.id)?;
        if holder(conn, token, purpose, now)?.is_none() {
            return Ok((None, None));
        }
        let ended = replace_password(conn, employee.id, password_hash, now)?;
        let line = super::audit::AuditLine {
            actor_id: Some(employee.id),
            action: crate::domain::AuditAction::AccountPasswordChosen,
            subject: employee.email.clone(),
            details: format!(
                "from {} link; {}",
                purpose.label().to_lowercase(),
                crate::domain::words::count_of(ended, "session ended", "sessions ended")
            ),
        };
        Ok((Some(employee), Some(line)))
    })
}

/// A new password, inside the caller's transaction: the person's open links are used up
/// and every session of theirs ends. Returns how many sessions ended.
fn replace_password(conn: &mut DbConnection, employee_id: i32, hash: &str, now: NaiveDateTime) -> QueryResult<usize> {
    set_password(conn, employee_id, hash, now)?;
    use_up(conn, employee_id, now)?;
    super::sessions::delete_for_employee(conn, employee_id)
}

/// Changes a signed-in person's password, in one transaction with their audit line:
/// every session of theirs ends (the caller starts a new one for the browser that asked)
/// and their open links are used up.
pub fn change_password(conn: &mut DbConnection, employee: &Employee, password_hash: &str) -> QueryResult<usize> {
    super::audit::audited(conn, |conn, now| {
        let ended = replace_password(conn, employee.id, password_hash, now)?;
        let line = super::audit::AuditLine {
            actor_id: Some(employee.id),
            action: crate::domain::AuditAction::AccountPasswordChanged,
            subject: employee.email.clone(),
            details: format!(
                "{} elsewhere",
                crate::domain::words::count_of(ended.saturating_sub(1), "session ended", "sessions ended")
            ),
        };
        Ok((ended, Some(line)))
    })
}
