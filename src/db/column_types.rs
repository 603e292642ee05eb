//! How the vocabularies of `domain::enums` are written to and read from their text
//! columns, on each backend and on the multi-backend connection.
//!
//! A stored name that does not parse (a hand-edited row) fails the query with a
//! deserialization error: a 500 with the cause in the log, never a silent default.

use std::io::Write;
use std::str::FromStr;

use diesel::backend::Backend;
use diesel::deserialize::{self, FromSql};
use diesel::pg::Pg;
use diesel::serialize::{self, IsNull, Output, ToSql};
use diesel::sql_types::Text;
use diesel::sqlite::Sqlite;

use super::MultiBackend;
use crate::domain::enums::{
    AccessLinkPurpose, Allocation, ApplicationStatus, AttemptScope, AuditAction, Category, CompletionEvidence,
    CompletionVerifier, DrawPriority, EmploymentType, Event, FileType, Format, HistorySource, JobFamily, LeavingReason,
    MailKind, Outcome, ProgramKind, ProgramStatus, ProposalEventKind, ProposalStatus, SiteType, StoredName, TeamRole,
    TenureBand, UnknownValue, ValueList,
};

/// Reads the text of a column on PostgreSQL and parses it.
fn parse_pg<T: FromStr<Err = UnknownValue>>(value: <Pg as Backend>::RawValue<'_>) -> deserialize::Result<T> {
    let text = <String as FromSql<Text, Pg>>::from_sql(value)?;
    Ok(text.parse()?)
}

/// Reads the text of a column on SQLite and parses it.
fn parse_sqlite<T: FromStr<Err = UnknownValue>>(value: <Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<T> {
    let text = <String as FromSql<Text, Sqlite>>::from_sql(value)?;
    Ok(text.parse()?)
}

/// Implements the column conversions of an enumeration stored by its name.
macro_rules! stored_by_name {
    ($($name:ty),+ $(,)?) => {$(
        impl ToSql<Text, Pg> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
                out.write_all(self.as_str().as_bytes())?;
                Ok(IsNull::No)
            }
        }

        impl ToSql<Text, Sqlite> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
                out.set_value(self.as_str());
                Ok(IsNull::No)
            }
        }

        impl ToSql<Text, MultiBackend> for $name {
            fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
                out.set_value((Text, self));
                Ok(IsNull::No)
            }
        }

        impl FromSql<Text, Pg> for $name {
            fn from_sql(value: <Pg as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                parse_pg(value)
            }
        }

        impl FromSql<Text, Sqlite> for $name {
            fn from_sql(value: <Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                parse_sqlite(value)
            }
        }

        impl FromSql<Text, MultiBackend> for $name {
            fn from_sql(value: <MultiBackend as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
                value.from_sql::<Self, Text>()
            }
        }
    )+};
}

stored_by_name!(
    JobFamily,
    SiteType,
    EmploymentType,
    ProgramKind,
    Category,
    Format,
    ProgramStatus,
    ApplicationStatus,
    Event,
    MailKind,
    AuditAction,
    AccessLinkPurpose,
    AttemptScope,
    FileType,
    CompletionEvidence,
    CompletionVerifier,
    HistorySource,
    LeavingReason,
    Outcome,
    TenureBand,
    TeamRole,
    ProposalStatus,
    ProposalEventKind,
    Allocation,
    DrawPriority,
);

impl<T: StoredName> ToSql<Text, Pg> for ValueList<T> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Pg>) -> serialize::Result {
        out.write_all(self.stored_text().as_bytes())?;
        Ok(IsNull::No)
    }
}

impl<T: StoredName> ToSql<Text, Sqlite> for ValueList<T> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, Sqlite>) -> serialize::Result {
        out.set_value(self.stored_text());
        Ok(IsNull::No)
    }
}

impl<T: StoredName> ToSql<Text, MultiBackend> for ValueList<T> {
    fn to_sql<'b>(&'b self, out: &mut Output<'b, '_, MultiBackend>) -> serialize::Result {
        out.set_value((Text, self));
        Ok(IsNull::No)
    }
}

impl<T: StoredName> FromSql<Text, Pg> for ValueList<T> {
    fn from_sql(value: <Pg as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, Pg>>::from_sql(value)?;
        Ok(ValueList::parse(&text)?)
    }
}

impl<T: StoredName> FromSql<Text, Sqlite> for ValueList<T> {
    fn from_sql(value: <Sqlite as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        let text = <String as FromSql<Text, Sqlite>>::from_sql(value)?;
        Ok(ValueList::parse(&text)?)
    }
}

impl<T: StoredName> FromSql<Text, MultiBackend> for ValueList<T> {
    fn from_sql(value: <MultiBackend as Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        value.from_sql::<Self, Text>()
    }
}
