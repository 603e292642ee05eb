//! The business rules of Upskill: pure types and functions, no I/O.
//!
//! Everything here can be tested without a database or a web server; `db` and `web`
//! turn rows and forms into these types and act on the decisions made here.

pub mod application;
pub mod application_form;
pub mod budget;
pub mod calendar;
pub mod charts;
pub mod comparison;
pub mod completion;
pub mod conversion;
pub mod csv_cell;
pub mod dashboard;
pub mod delegation_form;
pub mod eligibility;
pub mod email;
pub mod enums;
pub mod evidence;
pub mod forecast;
pub mod forms;
pub mod headcount;
pub mod history;
pub mod import;
pub mod intake_form;
pub mod line_chart;
pub mod lottery;
pub mod mail;
pub mod message;
pub mod money;
pub mod numbers;
pub mod outcome_figures;
pub mod outcomes;
pub mod passwords;
pub mod payment;
pub mod period;
pub mod person_form;
pub mod pledge;
pub mod program;
pub mod program_form;
#[cfg(test)]
mod properties;
pub mod proposal;
pub mod scim;
pub mod sign_in_limits;
pub mod sign_on;
pub mod text;
pub mod time_zone;
pub mod waitlist;
pub mod words;

pub use eligibility::{check_eligibility, Eligibility};
pub use email::Email;
pub use enums::{
    AccessLinkPurpose, Allocation, ApplicationStatus, AuditAction, Category, CompletionEvidence, CompletionVerifier,
    DrawPriority, EmploymentType, Event, FileType, Format, HistorySource, JobFamily, LeavingReason, MailKind, Outcome,
    ProgramKind, ProgramStatus, ProposalEventKind, ProposalStatus, SiteType, TeamRole, TenureBand, ValueList,
};
pub use money::Cents;
pub use program::{EmployeeProfile, ProgramRules, TuitionFunding};
