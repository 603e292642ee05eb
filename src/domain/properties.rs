//! Property tests of every parser of the domain and of the state machine: whatever is
//! typed, parsing never panics, what is accepted is within bounds and reads back the same,
//! and what is refused names a field of its form.

use std::str::FromStr;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::application::{transition, Action, Actor, BudgetFit, CompletionRule, Facts, Seats, Stages, Status};
use super::application_form::{parse_application, ApplicationInput, IntakeChoice, Motivation};
use super::enums::{CompletionEvidence, CompletionVerifier};
use super::forms::FieldErrors;
use super::intake_form::{parse_intake, IntakeInput, MAX_SEATS};
use super::person_form::{parse_person, PersonInput};
use super::pledge::{parse_pledge_settings, PledgeInput};
use super::program_form::{parse_program, ProgramInput};
use super::{
    ApplicationStatus, Category, Cents, Email, EmploymentType, Format, JobFamily, ProgramKind, ProgramStatus, SiteType,
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

/// Text people might type, and text nobody should: digits and separators, dates, e-mail
/// shapes, control characters, right-to-left marks, emoji and long runs.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9$,. -]{0,14}",
        "[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,2}",
        "[a-zA-Z0-9._%+-]{0,12}@[a-zA-Z0-9.-]{0,12}",
        "[\\PC]{0,300}",
        Just("\u{202e}\u{0000}<script>alert(1)</script>'; DROP TABLE applications; --".to_owned()),
    ]
}

/// Every field a refusal names must be a field of the form.
fn names_only(errors: &FieldErrors, fields: &[&str]) -> Result<(), TestCaseError> {
    for (field, message) in &errors.0 {
        prop_assert!(fields.contains(field), "unknown field {field}");
        prop_assert!(message.id().is_some(), "a refusal the domain words itself: {message:?}");
    }
    Ok(())
}

proptest! {
    #[test]
    fn money_reads_back_what_it_prints(cents in 1i64..=1_000_000_000) {
        let amount = Cents(cents);
        prop_assert_eq!(Cents::parse_dollars(&amount.to_plain()), Ok(amount));
        prop_assert_eq!(Cents::parse_dollars(&amount.to_string()), Ok(amount));
    }

    #[test]
    fn money_accepts_only_amounts_within_bounds(text in typed()) {
        if let Ok(amount) = Cents::parse_dollars(&text) {
            prop_assert!((0..=1_000_000_000).contains(&amount.0), "{text:?} gave {amount:?}");
            prop_assert_eq!(Cents::parse_dollars(&amount.to_plain()), Ok(amount));
        }
    }

    #[test]
    fn an_accepted_email_is_normalised_and_reads_back_the_same(text in typed()) {
        if let Ok(email) = Email::parse(&text) {
            let address = email.as_str();
            prop_assert!(address.len() <= 254);
            prop_assert_eq!(address.matches('@').count(), 1);
            prop_assert_eq!(address, address.trim());
            prop_assert_eq!(address.to_lowercase(), address);
            prop_assert_eq!(Email::parse(address), Ok(email.clone()));
        }
    }

    #[test]
    fn enums_accept_exactly_their_stored_names(text in typed()) {
        fn check<T: FromStr + Copy>(text: &str, all: &[T], name: fn(T) -> &'static str) -> Result<(), TestCaseError> {
            let known = all.iter().any(|v| name(*v) == text);
            prop_assert_eq!(T::from_str(text).is_ok(), known, "{:?}", text);
            for value in all {
                prop_assert!(T::from_str(name(*value)).is_ok());
            }
            Ok(())
        }
        check(&text, ApplicationStatus::ALL, ApplicationStatus::as_str)?;
        check(&text, JobFamily::ALL, JobFamily::as_str)?;
        check(&text, SiteType::ALL, SiteType::as_str)?;
        check(&text, EmploymentType::ALL, EmploymentType::as_str)?;
        check(&text, ProgramKind::ALL, ProgramKind::as_str)?;
        check(&text, Category::ALL, Category::as_str)?;
        check(&text, Format::ALL, Format::as_str)?;
        check(&text, ProgramStatus::ALL, ProgramStatus::as_str)?;
    }

    #[test]
    fn the_application_form_never_panics_and_keeps_to_its_fields(
        motivation in typed(), intake in typed(), institution in typed(), course in typed(),
        term in typed(), amount in typed(), accept in any::<bool>(), kind in 0usize..3, required in any::<bool>(),
    ) {
        let kind = ProgramKind::ALL[kind % ProgramKind::ALL.len()];
        let motivation_rule = if required { Motivation::Required } else { Motivation::Optional };
        let input = ApplicationInput {
            motivation, intake_id: intake, institution, course_title: course, term_starts_on: term, amount,
            accept_terms: accept,
        };
        let intakes = [IntakeChoice { id: 7, starts_on: today() + chrono::Days::new(30), window: None }];
        match parse_application(kind, motivation_rule, &input, &intakes, today()) {
            Ok(details) => {
                prop_assert_eq!(details.tuition.is_some(), kind == ProgramKind::Tuition);
                prop_assert_eq!(details.intake_id.is_some(), kind == ProgramKind::Cohort);
                prop_assert_eq!(details.motivation.trim(), details.motivation.as_str());
                if let Some(tuition) = details.tuition {
                    prop_assert!(tuition.amount.0 > 0);
                }
            }
            Err(errors) => names_only(
                &errors,
                &["motivation", "intake_id", "institution", "course_title", "term_starts_on", "amount", "accept_terms"],
            )?,
        }
    }

    #[test]
    fn the_person_form_never_panics_and_keeps_to_its_fields(
        name in typed(), title in typed(), family in typed(), site in typed(), employment in typed(),
        hired in typed(), manager in typed(), admin in any::<bool>(), active in any::<bool>(),
    ) {
        let input = PersonInput {
            display_name: name, job_title: title, job_family: family, site_type: site, employment_type: employment,
            hire_date: hired, manager_email: manager, is_admin: admin, active,
        };
        match parse_person(&input, today()) {
            Ok(draft) => prop_assert!(draft.hire_date <= today()),
            Err(errors) => names_only(
                &errors,
                &["display_name", "job_title", "job_family", "site_type", "employment_type", "hire_date", "manager_email"],
            )?,
        }
    }

    #[test]
    fn the_intake_form_never_panics_and_keeps_seats_within_bounds(
        name in typed(), starts in typed(), seats in typed(), is_new in any::<bool>(),
    ) {
        let input = IntakeInput { name, starts_on: starts, seats, ..IntakeInput::default() };
        match parse_intake(&input, is_new, today()) {
            Ok(draft) => {
                prop_assert!((1..=MAX_SEATS).contains(&draft.seats));
                if is_new {
                    prop_assert!(draft.starts_on > today());
                }
            }
            Err(errors) => names_only(&errors, &["name", "starts_on", "seats"])?,
        }
    }

    #[test]
    fn the_pledge_form_never_panics(target in typed(), budget in typed(), deadline in typed()) {
        let input = PledgeInput { target_employees: target, budget, deadline };
        match parse_pledge_settings(&input) {
            Ok(settings) => prop_assert!(settings.target_employees > 0),
            Err(errors) => names_only(&errors, &["target_employees", "budget", "deadline"])?,
        }
    }

    #[test]
    fn the_program_form_never_panics_and_keeps_to_its_fields(
        texts in proptest::collection::vec(typed(), 21),
        families in proptest::collection::vec(typed(), 0..4),
        flags in proptest::collection::vec(any::<bool>(), 3),
    ) {
        let input = ProgramInput {
            slug: texts[0].clone(), name: texts[1].clone(), summary: texts[2].clone(),
            description: texts[3].clone(), kind: texts[4].clone(), category: texts[5].clone(),
            format: texts[6].clone(), provider: texts[7].clone(), duration_weeks: texts[8].clone(),
            min_tenure_days: texts[9].clone(), job_families: families.clone(), site_types: families,
            full_time_only: flags[0], tuition_percent: texts[10].clone(), cap_full_time: texts[11].clone(),
            cap_part_time: texts[12].clone(), needs_manager_approval: flags[1], needs_admin_approval: flags[2],
            opens_on: texts[13].clone(), closes_on: String::new(), start_url: texts[14].clone(),
            completion_evidence: texts[15].clone(), verified_by: texts[16].clone(), completion_note: texts[17].clone(),
            target_job_families: vec![texts[5].clone()], target_title_keywords: texts[18].clone(),
            annual_budget: texts[19].clone(), seat_cost: texts[20].clone(),
        };
        if let Err(errors) = parse_program(&input) {
            names_only(&errors, &[
                "slug", "name", "summary", "description", "kind", "category", "format", "provider",
                "duration_weeks", "min_tenure_days", "job_families", "site_types", "tuition_percent",
                "cap_full_time", "cap_part_time", "needs_manager_approval", "opens_on", "closes_on",
                "start_url", "completion_evidence", "verified_by", "completion_note", "target_job_families",
                "target_title_keywords", "annual_budget", "seat_cost",
            ])?;
        }
    }

    /// Any sequence of actions by anyone: the machine never panics, an accepted action
    /// always lands in a state, finished applications never move again, a full intake
    /// never gives a seat, and a place beyond the budget is given by the program team only.
    #[test]
    fn the_state_machine_holds_for_any_sequence_of_actions(
        steps in proptest::collection::vec((0usize..Action::ALL.len(), 0usize..4, 0usize..3), 1..20),
        manager in any::<bool>(), admin in any::<bool>(), comment in typed(),
        evidence in 0usize..3, automatic in any::<bool>(), over_budget in any::<bool>(),
    ) {
        let mut status: Option<Status> = None;
        for (action, actor, seats) in steps {
            let (action, actor) = (Action::ALL[action], Actor::ALL[actor]);
            let seats = [Seats::Unlimited, Seats::Free, Seats::Full][seats];
            let completion = CompletionRule {
                evidence: CompletionEvidence::ALL[evidence],
                verified_by: if automatic { CompletionVerifier::Auto } else { CompletionVerifier::ProgramTeam },
            };
            let budget = if over_budget { BudgetFit::Exceeds } else { BudgetFit::Fits };
            let facts = Facts { stages: Stages { manager, admin }, seats, completion, budget };
            let finished = status.is_some_and(Status::is_final);
            if let Ok(outcome) = transition(status, action, actor, &facts, &comment) {
                prop_assert!(!finished, "{status:?} moved on by {action:?}");
                if seats == Seats::Full {
                    prop_assert!(outcome.to != Status::Approved || status == Some(Status::Approved),
                        "a full intake gave a seat: {status:?} --{action:?}--> {:?}", outcome.to);
                }
                if over_budget && outcome.to == Status::Approved && status != Some(Status::Approved) {
                    prop_assert!(matches!(actor, Actor::Admin | Actor::System),
                        "a place beyond the budget given by {actor:?}: {status:?} --{action:?}-->");
                }
                status = Some(outcome.to);
            }
        }
    }
}
