//! Queries on `notifications`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::outbox::{enqueue_many, MailKind, NewMail};
use super::schema::notifications;
use super::DbConnection;
use crate::domain::message::Message;
use crate::i18n::{Locale, Tr};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = notifications)]
pub struct Notification {
    pub id: i32,
    pub employee_id: i32,
    pub application_id: Option<i32>,
    pub body: String,
    pub created_at: NaiveDateTime,
    pub read_at: Option<NaiveDateTime>,
    /// What it says as a catalog message (`None` on notices older than the catalogs).
    pub message: Option<String>,
}

impl Notification {
    /// What it says, in the reader's language.
    pub fn words(&self, t: Tr) -> String {
        t.kept(self.message.as_deref(), &self.body)
    }
}

/// Tells `employee_id` about something, optionally about an application: in the inbox,
/// and by e-mail through the outbox (sent when e-mail is configured).
pub fn notify(
    conn: &mut DbConnection,
    employee_id: i32,
    application_id: Option<i32>,
    message: &Message,
    now: NaiveDateTime,
) -> QueryResult<()> {
    notify_many(conn, &[Notice { employee_id, application_id, message: message.clone() }], now)
}

/// One notice of [`notify_many`]: to whom, about which application, what it says.
pub struct Notice {
    pub employee_id: i32,
    pub application_id: Option<i32>,
    pub message: Message,
}

/// Writes many notices as [`notify`] writes one (the inbox and the e-mail outbox), a few
/// hundred to a statement: a lottery's draw tells everyone in it at once. Each keeps its
/// message, worded in its reader's language when read, and its English words.
pub fn notify_many(conn: &mut DbConnection, notices: &[Notice], now: NaiveDateTime) -> QueryResult<()> {
    let english = Tr(Locale::En);
    for chunk in notices.chunks(500) {
        let written: Vec<(String, String)> =
            chunk.iter().map(|notice| (english.say(&notice.message), notice.message.to_json())).collect();
        let rows: Vec<_> = chunk
            .iter()
            .zip(&written)
            .map(|(notice, (body, message))| {
                (
                    notifications::employee_id.eq(notice.employee_id),
                    notifications::application_id.eq(notice.application_id),
                    notifications::body.eq(body.as_str()),
                    notifications::message.eq(Some(message.as_str())),
                    notifications::created_at.eq(now),
                )
            })
            .collect();
        let insert = diesel::insert_into(notifications::table).values(rows);
        // Multi-row inserts are written per backend, as the other bulk writers do.
        match conn {
            DbConnection::Sqlite(sqlite) => insert.execute(sqlite)?,
            DbConnection::Postgresql(pg) => insert.execute(pg)?,
        };
        let mail: Vec<NewMail<'_>> = chunk
            .iter()
            .map(|notice| NewMail {
                employee_id: notice.employee_id,
                application_id: notice.application_id,
                kind: MailKind::Notice,
                message: &notice.message,
                dedupe_key: None,
                link: None,
            })
            .collect();
        enqueue_many(conn, &mail, now)?;
    }
    Ok(())
}

pub fn count_all(conn: &mut DbConnection, employee_id: i32) -> QueryResult<i64> {
    notifications::table.filter(notifications::employee_id.eq(employee_id)).count().get_result(conn)
}

/// One page of an inbox: unread first, then newest first.
pub fn page(conn: &mut DbConnection, employee_id: i32, offset: i64, limit: i64) -> QueryResult<Vec<Notification>> {
    let unread_first = notifications::read_at.is_not_null();
    notifications::table
        .filter(notifications::employee_id.eq(employee_id))
        .order((unread_first.asc(), notifications::id.desc()))
        .offset(offset)
        .limit(limit)
        .select(Notification::as_select())
        .load(conn)
}

/// Marks one notification (or, with `None`, every one) of `employee_id` as read.
pub fn mark_read(conn: &mut DbConnection, employee_id: i32, id: Option<i32>, now: NaiveDateTime) -> QueryResult<usize> {
    let mine = notifications::table
        .filter(notifications::employee_id.eq(employee_id))
        .filter(notifications::read_at.is_null());
    match id {
        Some(id) => {
            diesel::update(mine.filter(notifications::id.eq(id))).set(notifications::read_at.eq(now)).execute(conn)
        }
        None => diesel::update(mine).set(notifications::read_at.eq(now)).execute(conn),
    }
}
