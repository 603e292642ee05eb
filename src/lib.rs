//! Upskill: an intranet application for an employer's upskilling pledge.

pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod error;
pub mod mail;
pub mod metrics;
pub mod oidc;
pub mod security;
pub mod session_store;
pub mod startup;
pub mod web;
