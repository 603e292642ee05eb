//! Queries on `notifications`.

use diesel::prelude::*;

use super::schema::notifications;
use super::DbConnection;

pub fn count_unread(conn: &mut DbConnection, employee_id: i32) -> QueryResult<i64> {
    notifications::table
        .filter(notifications::employee_id.eq(employee_id))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(conn)
}
