//! The integration tests: one binary, every test against the real routes of a server

//! started on port 0 with a fresh database (SQLite by default; PostgreSQL when
//! `UPSKILL_TEST_DATABASE_URL` is set).

#![expect(clippy::expect_used, reason = "a test helper should stop loudly at the first surprise")]

mod helpers;

mod auth;
mod catalog;
mod platform;
