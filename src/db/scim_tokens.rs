//! Queries on `scim_tokens`: the bearer tokens identity providers provision people with.
//! Only each token's SHA-256 is stored; the token itself is shown once, when it is made.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::audit::{audited, AuditLine};
use super::schema::{employees, scim_tokens};
use super::DbConnection;
use crate::clock::now;
use crate::domain::AuditAction;
use crate::security::{random_token, sha256_hex};

/// How often `last_used_at` is written for a token in use: at most once a minute, so that
/// a provider's burst of requests is not also a burst of writes.
const LAST_USED_PRECISION: chrono::TimeDelta = chrono::TimeDelta::minutes(1);

/// A token as the Provisioning page lists it.
#[derive(Debug, Clone, Queryable)]
pub struct TokenRow {
    pub id: i32,
    pub name: String,
    pub created_at: NaiveDateTime,
    pub created_by: Option<String>,
    pub last_used_at: Option<NaiveDateTime>,
    pub revoked_at: Option<NaiveDateTime>,
}

/// Makes a token named `name` for `created_by` (`None`: the command line), with its
/// audit line; returns its id and the token, which is never stored.
pub fn create(conn: &mut DbConnection, name: &str, created_by: Option<i32>) -> QueryResult<(i32, String)> {
    let token = random_token(32);
    let hash = sha256_hex(&token);
    audited(conn, |conn, at| {
        let id = diesel::insert_into(scim_tokens::table)
            .values((
                scim_tokens::name.eq(name),
                scim_tokens::token_hash.eq(&hash),
                scim_tokens::created_at.eq(at),
                scim_tokens::created_by.eq(created_by),
            ))
            .returning(scim_tokens::id)
            .get_result(conn)?;
        let how = if created_by.is_some() { "on the Provisioning page" } else { "from the command line" };
        let line = AuditLine {
            actor_id: created_by,
            action: AuditAction::ScimTokenCreated,
            subject: name.to_owned(),
            details: format!("SCIM provisioning token #{id} created {how}"),
        };
        Ok((id, Some(line)))
    })
    .map(|id| (id, token))
}

/// Every token, newest first, with who made it.
pub fn list(conn: &mut DbConnection) -> QueryResult<Vec<TokenRow>> {
    scim_tokens::table
        .left_join(employees::table.on(scim_tokens::created_by.eq(employees::id.nullable())))
        .order(scim_tokens::id.desc())
        .select((
            scim_tokens::id,
            scim_tokens::name,
            scim_tokens::created_at,
            employees::display_name.nullable(),
            scim_tokens::last_used_at,
            scim_tokens::revoked_at,
        ))
        .load(conn)
}

/// One token, for the confirmation page.
pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Option<TokenRow>> {
    Ok(list(conn)?.into_iter().find(|t| t.id == id))
}

/// Revokes a token, with its audit line; false when it was revoked already.
pub fn revoke(conn: &mut DbConnection, id: i32, by: i32) -> QueryResult<bool> {
    audited(conn, |conn, at| {
        let name: String = scim_tokens::table.find(id).select(scim_tokens::name).first(conn)?;
        let changed = diesel::update(scim_tokens::table.find(id).filter(scim_tokens::revoked_at.is_null()))
            .set((scim_tokens::revoked_at.eq(at), scim_tokens::revoked_by.eq(by)))
            .execute(conn)?;
        let line = (changed > 0).then(|| AuditLine {
            actor_id: Some(by),
            action: AuditAction::ScimTokenRevoked,
            subject: name,
            details: format!("SCIM provisioning token #{id} revoked: it no longer opens /scim/v2"),
        });
        Ok((changed > 0, line))
    })
}

/// The token a bearer credential is: its id and name, unless it is unknown or revoked.
/// Notes when it was used (once a minute at most).
pub fn authenticate(conn: &mut DbConnection, token: &str) -> QueryResult<Option<(i32, String)>> {
    let hash = sha256_hex(token);
    let found: Option<(i32, String, Option<NaiveDateTime>)> = scim_tokens::table
        .filter(scim_tokens::token_hash.eq(&hash))
        .filter(scim_tokens::revoked_at.is_null())
        .select((scim_tokens::id, scim_tokens::name, scim_tokens::last_used_at))
        .first(conn)
        .optional()?;
    let Some((id, name, last_used)) = found else {
        return Ok(None);
    };
    let at = now();
    if last_used.is_none_or(|used| at - used >= LAST_USED_PRECISION) {
        diesel::update(scim_tokens::table.find(id)).set(scim_tokens::last_used_at.eq(at)).execute(conn)?;
    }
    Ok(Some((id, name)))
}
