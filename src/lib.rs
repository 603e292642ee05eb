//! Upskill: an intranet application for an employer's upskilling pledge.

pub mod clamd;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod domain;
pub mod i18n;
pub mod kept;
pub mod mail;
pub mod metrics;
pub mod oidc;
pub mod security;
pub mod startup;
pub mod web;
