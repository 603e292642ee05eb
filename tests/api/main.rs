//! The integration tests: one binary, every test against the real routes of a server
//! started on port 0 with a fresh database (SQLite by default; PostgreSQL when
//! `UPSKILL_TEST_DATABASE_URL` is set).

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "a test should stop loudly at the first surprise")]

mod helpers;

mod accessibility;
mod accessible_forms;
mod admin;
mod applications;
mod approvals;
mod architecture;
mod auth;
mod authorization;
mod backup;
mod browser;
mod budgets;
mod bulk_approval;
mod calendar;
mod catalog;
mod cluster;
mod command_line;
mod completion;
mod concurrency;
mod dashboard;
mod decision_audit;
mod delegation;
mod deployment;
mod eligibility_preview;
mod evidence;
mod faults;
mod form_errors;
mod fuzz;
mod history;
mod import;
mod input;
mod languages;
mod languages_admin;
mod languages_applications;
mod languages_approvals;
mod languages_browser;
mod languages_employee;
mod languages_mail;
mod languages_programs_admin;
mod lottery;
mod lottery_journey;
mod mail;
mod next_steps;
mod operations;
mod outcomes;
mod passwords;
mod payments;
mod platform;
mod program_teams;
mod proposals;
mod query_plans;
mod scim;
mod sso_header;
mod sso_oidc;
mod state_snapshot;
mod time_zones;
mod virus_scan;
mod waitlist;
mod waitlist_control;
