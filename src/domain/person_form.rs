//! The administrators' form for one person's record.

use chrono::NaiveDate;

use super::enums::UnknownValue;
use super::forms::FieldErrors;
use super::message::Message;
use super::text::{form_line, is_invisible, shown_in_message, TextProblem};
use super::{Email, EmploymentType, JobFamily, SiteType};

/// The form as typed; the two checkboxes are true when sent at all.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct PersonInput {
    pub display_name: String,
    pub job_title: String,
    pub job_family: String,
    pub site_type: String,
    pub employment_type: String,
    pub hire_date: String,
    pub manager_email: String,
    #[serde(deserialize_with = "super::forms::ticked")]
    pub is_admin: bool,
    #[serde(deserialize_with = "super::forms::ticked")]
    pub active: bool,
}

/// A person's record, checked. The manager is still an e-mail address: the caller
/// looks it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDraft {
    pub display_name: String,
    pub job_title: String,
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub hire_date: NaiveDate,
    pub manager_email: Option<Email>,
    pub is_admin: bool,
    pub active: bool,
}

/// The value of a list field, or `refusal`: the message that names its choices (in
/// errors-admin.ftl, by the vocabulary's own messages: a new value is added there too).
fn pick<T: std::str::FromStr<Err = UnknownValue> + Copy>(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    refusal: &'static str,
) -> Option<T> {
    value.trim().parse().ok().or_else(|| {
        errors.add(field, Message::new(refusal));
        None
    })
}

/// An e-mail address typed in a form: the address, or the refusal for its field (what
/// [`Email::parse`] refuses, said from the catalogs).
pub(crate) fn form_email(text: &str) -> Result<Email, Message> {
    Email::parse(text).map_err(|_| {
        let typed = text.trim();
        if typed.is_empty() {
            Message::new("person-error-email-empty")
        } else if typed.chars().any(is_invisible) {
            TextProblem::Invisible.said("term-person-email")
        } else {
            Message::new("person-error-email-invalid").text("address", shown_in_message(typed))
        }
    })
}

/// Checks the form; `today` bounds the hire date.
pub fn parse_person(input: &PersonInput, today: NaiveDate) -> Result<PersonDraft, FieldErrors> {
    let mut errors = FieldErrors::default();
    let display_name = input.display_name.trim().to_owned();
    if display_name.is_empty() || display_name.chars().count() > 120 {
        errors.add("display_name", Message::new("person-error-name"));
    } else if let Err(message) = form_line(&display_name, "term-name") {
        errors.add("display_name", message);
    }
    let job_title = input.job_title.trim().to_owned();
    if job_title.chars().count() > 120 {
        errors.add("job_title", Message::new("person-error-job-title-long"));
    } else if let Err(message) = form_line(&job_title, "term-job-title") {
        errors.add("job_title", message);
    }
    let job_family: Option<JobFamily> = pick(&mut errors, "job_family", &input.job_family, "person-error-job-family");
    let site_type: Option<SiteType> = pick(&mut errors, "site_type", &input.site_type, "person-error-site-type");
    let employment_type: Option<EmploymentType> =
        pick(&mut errors, "employment_type", &input.employment_type, "person-error-employment-type");
    let hire_date = match NaiveDate::parse_from_str(input.hire_date.trim(), "%Y-%m-%d") {
        Ok(date) if date > today => {
            errors.add("hire_date", Message::new("person-error-hire-date-future"));
            None
        }
        Ok(date) => Some(date),
        Err(_) => {
            errors.add("hire_date", Message::new("person-error-hire-date-invalid"));
            None
        }
    };
    let manager_email = match input.manager_email.trim() {
        "" => None,
        text => match form_email(text) {
            Ok(email) => Some(email),
            Err(message) => {
                errors.add("manager_email", message);
                None
            }
        },
    };
    match (job_family, site_type, employment_type, hire_date, errors.is_empty()) {
        (Some(job_family), Some(site_type), Some(employment_type), Some(hire_date), true) => Ok(PersonDraft {
            display_name,
            job_title,
            job_family,
            site_type,
            employment_type,
            hire_date,
            manager_email,
            is_admin: input.is_admin,
            active: input.active,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn good() -> PersonInput {
        PersonInput {
            display_name: "Fiona Associate".into(),
            job_title: "Associate".into(),
            job_family: "fulfillment".into(),
            site_type: "fulfillment_center".into(),
            employment_type: "full_time".into(),
            hire_date: "2024-11-26".into(),
            manager_email: "Maria.Manager@upskill.example".into(),
            is_admin: false,
            active: true,
        }
    }

    #[test]
    fn a_good_record_parses_with_the_manager_lower_cased() {
        let draft = parse_person(&good(), today()).unwrap();
        assert_eq!(draft.manager_email.unwrap().as_str(), "maria.manager@upskill.example");
        assert_eq!(
            parse_person(&PersonInput { manager_email: " ".into(), ..good() }, today()).unwrap().manager_email,
            None
        );
    }

    #[test]
    fn names_and_titles_are_one_visible_line() {
        for (name, expected) in [
            ("Eve\nBcc: everyone@upskill.example", TextProblem::LineBreak),
            ("Eve\u{0}", TextProblem::Nul),
            ("Ada\u{200b} Admin", TextProblem::Invisible),
            ("\u{202e}nimdA adA", TextProblem::Invisible),
        ] {
            let errors = parse_person(&PersonInput { display_name: name.into(), ..good() }, today()).unwrap_err();
            assert_eq!(errors.get("display_name"), Some(&expected.said("term-name")), "{name:?}");
        }
        let errors = parse_person(&PersonInput { job_title: "Lead\tEngineer".into(), ..good() }, today()).unwrap_err();
        assert_eq!(errors.get("job_title").and_then(|m| m.id()), Some("text-control"), "{errors:?}");
    }

    #[test]
    fn a_wrong_address_is_refused_as_typed() {
        let errors = |address: &str| {
            parse_person(&PersonInput { manager_email: address.into(), ..good() }, today()).unwrap_err()
        };
        assert_eq!(
            errors("not-an-email").get("manager_email"),
            Some(&Message::new("person-error-email-invalid").text("address", "not-an-email"))
        );
        assert_eq!(
            errors("maria\u{200b}@upskill.example").get("manager_email"),
            Some(&TextProblem::Invisible.said("term-person-email"))
        );
        assert_eq!(form_email("  ").unwrap_err().id(), Some("person-error-email-empty"));
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = PersonInput {
            display_name: " ".into(),
            job_family: "astronaut".into(),
            site_type: "".into(),
            employment_type: "gig".into(),
            hire_date: "2030-01-01".into(),
            manager_email: "not-an-email".into(),
            ..good()
        };
        let fields: Vec<&str> = parse_person(&bad, today()).unwrap_err().0.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            ["display_name", "job_family", "site_type", "employment_type", "hire_date", "manager_email"]
        );
    }
}
