//! A User resource: what Upskill answers with ([`UserView::resource`]), and what a
//! provider's body says, checked for types ([`parse_user`]). The values themselves are
//! then checked by the person form's rules (`person_form::parse_person`), through
//! [`person_input`], so SCIM accepts exactly what an administrator could type.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::{json, Map, Value};

use super::{get_ci, ScimProblem, ENTERPRISE_SCHEMA, UPSKILL_SCHEMA, USER_SCHEMA};
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::person_form::PersonInput;
use crate::domain::sign_on::name_from_email;
use crate::domain::text::one_line;
use crate::domain::{Email, EmploymentType, JobFamily, SiteType};

/// A person as SCIM shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserView {
    pub id: i32,
    pub user_name: String,
    pub external_id: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub display_name: String,
    pub title: String,
    pub active: bool,
    pub employee_number: String,
    pub department: String,
    /// The manager's id and name.
    pub manager: Option<(i32, String)>,
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub hire_date: NaiveDate,
    pub created: NaiveDateTime,
    pub last_modified: NaiveDateTime,
}

/// RFC 3339 in UTC, as `meta` dates are written.
fn instant(at: NaiveDateTime) -> String {
    at.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl UserView {
    /// The resource, with `meta.location` under `base` (the `/scim/v2` address).
    pub fn resource(&self, base: &str) -> Value {
        let mut name = Map::new();
        name.insert("formatted".into(), self.display_name.clone().into());
        if !self.given_name.is_empty() {
            name.insert("givenName".into(), self.given_name.clone().into());
        }
        if !self.family_name.is_empty() {
            name.insert("familyName".into(), self.family_name.clone().into());
        }
        let mut enterprise = Map::new();
        if !self.employee_number.is_empty() {
            enterprise.insert("employeeNumber".into(), self.employee_number.clone().into());
        }
        if !self.department.is_empty() {
            enterprise.insert("department".into(), self.department.clone().into());
        }
        if let Some((id, name)) = &self.manager {
            enterprise.insert(
                "manager".into(),
                json!({"value": id.to_string(), "$ref": format!("{base}/Users/{id}"), "displayName": name}),
            );
        }
        let mut resource = json!({
            "schemas": [USER_SCHEMA, ENTERPRISE_SCHEMA, UPSKILL_SCHEMA],
            "id": self.id.to_string(),
            "userName": self.user_name,
            "name": name,
            "displayName": self.display_name,
            "emails": [{"value": self.user_name, "type": "work", "primary": true}],
            "active": self.active,
            UPSKILL_SCHEMA: {
                "jobFamily": self.job_family.as_str(),
                "siteType": self.site_type.as_str(),
                "employmentType": self.employment_type.as_str(),
                "hireDate": self.hire_date.to_string(),
            },
            "meta": {
                "resourceType": "User",
                "created": instant(self.created),
                "lastModified": instant(self.last_modified),
                "location": format!("{base}/Users/{}", self.id),
            },
        });
        if let Some(object) = resource.as_object_mut() {
            if !self.title.is_empty() {
                object.insert("title".into(), self.title.clone().into());
            }
            if let Some(external_id) = &self.external_id {
                object.insert("externalId".into(), external_id.clone().into());
            }
            if !enterprise.is_empty() {
                object.insert(ENTERPRISE_SCHEMA.into(), Value::Object(enterprise));
            }
        }
        resource
    }
}

/// What a body leaves out: kept as it is (POST and PUT, for what Upskill also learns
/// from HR: title, manager, the Upskill extension), or removed (the result of a PATCH,
/// which is a whole resource).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absent {
    Keep,
    Clear,
}

/// A provider's User body, its types checked. `None` is "not sent".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserChange {
    pub user_name: Email,
    pub external_id: Option<String>,
    pub given_name: String,
    pub family_name: String,
    /// `displayName`, else `name.formatted`, else given and family names.
    pub display_name: Option<String>,
    pub title: Option<String>,
    pub active: bool,
    pub employee_number: String,
    pub department: String,
    /// `Some(None)`: no manager.
    pub manager: Option<Option<String>>,
    pub job_family: Option<String>,
    pub site_type: Option<String>,
    pub employment_type: Option<String>,
    pub hire_date: Option<String>,
}

/// A string attribute, or `None` when absent or null; a number or an object is refused.
fn text(object: &Map<String, Value>, name: &str, what: &str) -> Result<Option<String>, ScimProblem> {
    match get_ci(object, name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => {
            let value = one_line(value, what).map_err(|m| ScimProblem::invalid_value(format!("{name}: {m}")))?;
            if value.chars().count() > 200 {
                return Err(ScimProblem::invalid_value(format!("{name}: at most 200 characters.")));
            }
            Ok(Some(value))
        }
        Some(other) => Err(ScimProblem::invalid_value(format!("{name} must be a string, not {}.", kind(other)))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A complex attribute (an object), or an empty one when absent.
fn complex<'v>(object: &'v Map<String, Value>, name: &str) -> Result<Option<&'v Map<String, Value>>, ScimProblem> {
    match get_ci(object, name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Object(inner)) => Ok(Some(inner)),
        Some(other) => Err(ScimProblem::invalid_value(format!("{name} must be an object, not {}.", kind(other)))),
    }
}

/// `active`: a boolean, or the strings "True"/"False" that Entra ID sends.
fn active(object: &Map<String, Value>) -> Result<bool, ScimProblem> {
    match get_ci(object, "active") {
        None | Some(Value::Null) => Ok(true),
        Some(Value::Bool(value)) => Ok(*value),
        Some(Value::String(value)) if value.eq_ignore_ascii_case("true") => Ok(true),
        Some(Value::String(value)) if value.eq_ignore_ascii_case("false") => Ok(false),
        Some(other) => Err(ScimProblem::invalid_value(format!("active must be true or false, not {other}."))),
    }
}

/// The manager's id: `{"value": "12"}`, or the bare id Entra ID sends in a PATCH; an
/// empty value or null is no manager.
fn manager(enterprise: Option<&Map<String, Value>>, absent: Absent) -> Result<Option<Option<String>>, ScimProblem> {
    let not_sent = match absent {
        Absent::Keep => None,
        Absent::Clear => Some(None),
    };
    let Some(value) = enterprise.and_then(|e| get_ci(e, "manager")) else {
        return Ok(not_sent);
    };
    let id = match value {
        Value::Null => None,
        Value::String(id) => Some(id.clone()),
        Value::Object(inner) => match get_ci(inner, "value") {
            None | Some(Value::Null) => None,
            Some(Value::String(id)) => Some(id.clone()),
            Some(other) => {
                return Err(ScimProblem::invalid_value(format!("manager.value must be a string, not {}.", kind(other))))
            }
        },
        other => return Err(ScimProblem::invalid_value(format!("manager must be an object, not {}.", kind(other)))),
    };
    Ok(Some(id.map(|id| id.trim().to_owned()).filter(|id| !id.is_empty())))
}

/// Checks the types of a User body. Unknown attributes are ignored, as are the
/// read-only ones (`id`, `meta`, `groups`).
pub fn parse_user(body: &Value, absent: Absent) -> Result<UserChange, ScimProblem> {
    let Value::Object(object) = body else {
        return Err(ScimProblem::invalid_syntax("The body must be a JSON object (a User)."));
    };
    let user_name = match get_ci(object, "userName") {
        Some(Value::String(name)) => Email::parse(name)
            .map_err(|m| ScimProblem::invalid_value(format!("userName must be the person's e-mail address: {m}")))?,
        None | Some(Value::Null) => return Err(ScimProblem::invalid_value("userName is required.")),
        Some(other) => {
            return Err(ScimProblem::invalid_value(format!("userName must be a string, not {}.", kind(other))))
        }
    };
    if let Some(emails) = get_ci(object, "emails") {
        if !matches!(emails, Value::Array(_) | Value::Null) {
            return Err(ScimProblem::invalid_value(format!("emails must be an array, not {}.", kind(emails))));
        }
    }
    let name = complex(object, "name")?;
    let empty = Map::new();
    let name = name.unwrap_or(&empty);
    let given_name = text(name, "givenName", "given name")?.unwrap_or_default();
    let family_name = text(name, "familyName", "family name")?.unwrap_or_default();
    let from_parts = format!("{given_name} {family_name}").trim().to_owned();
    let display_name = text(object, "displayName", "name")?
        .or(text(name, "formatted", "name")?)
        .or((!from_parts.is_empty()).then_some(from_parts));
    let enterprise = complex(object, ENTERPRISE_SCHEMA)?;
    let upskill = complex(object, UPSKILL_SCHEMA)?;
    let in_upskill = |name: &str, what: &str| upskill.map_or(Ok(None), |u| text(u, name, what));
    let title = match (text(object, "title", "job title")?, absent) {
        (None, Absent::Clear) => Some(String::new()),
        (title, _) => title,
    };
    Ok(UserChange {
        external_id: text(object, "externalId", "external id")?,
        given_name,
        family_name,
        display_name,
        title,
        active: active(object)?,
        employee_number: enterprise
            .map_or(Ok(None), |e| text(e, "employeeNumber", "employee number"))?
            .unwrap_or_default(),
        department: enterprise.map_or(Ok(None), |e| text(e, "department", "department"))?.unwrap_or_default(),
        manager: manager(enterprise, absent)?,
        job_family: in_upskill("jobFamily", "job family")?,
        site_type: in_upskill("siteType", "site type")?,
        employment_type: in_upskill("employmentType", "employment type")?,
        hire_date: in_upskill("hireDate", "hire date")?,
        user_name,
    })
}

/// The person form's input for a change: what the body sends, else what `current` (the
/// stored person, `None` for a new one) has, else the defaults of a person created by
/// single sign-on (see `sign_on::ProvisionedPerson`). `manager_email` is the address of
/// the manager the change ends with ("" for none).
pub fn person_input(
    change: &UserChange,
    current: Option<&PersonInput>,
    manager_email: String,
    today: NaiveDate,
) -> PersonInput {
    let defaults = crate::domain::sign_on::ProvisionedPerson::new(change.user_name.clone(), None, today);
    let current = current.cloned().unwrap_or_else(|| PersonInput {
        display_name: name_from_email(&change.user_name),
        job_title: defaults.job_title.to_owned(),
        job_family: defaults.job_family.as_str().to_owned(),
        site_type: defaults.site_type.as_str().to_owned(),
        employment_type: defaults.employment_type.as_str().to_owned(),
        hire_date: defaults.hire_date.to_string(),
        manager_email: String::new(),
        is_admin: false,
        active: true,
    });
    let pick = |sent: &Option<String>, kept: String| sent.clone().unwrap_or(kept);
    PersonInput {
        display_name: pick(&change.display_name, current.display_name),
        job_title: pick(&change.title, current.job_title),
        job_family: pick(&change.job_family, current.job_family),
        site_type: pick(&change.site_type, current.site_type),
        employment_type: pick(&change.employment_type, current.employment_type),
        hire_date: pick(&change.hire_date, current.hire_date),
        manager_email,
        is_admin: current.is_admin,
        active: change.active,
    }
}

/// The person form's messages in SCIM's words: 400 `invalidValue` naming the attributes.
pub fn field_problem(errors: &FieldErrors, word: impl Fn(&Message) -> String) -> ScimProblem {
    fn attribute(field: &str) -> &str {
        match field {
            "display_name" => "displayName",
            "job_title" => "title",
            "job_family" => "jobFamily (Upskill extension)",
            "site_type" => "siteType (Upskill extension)",
            "employment_type" => "employmentType (Upskill extension)",
            "hire_date" => "hireDate (Upskill extension)",
            "manager_email" => "manager",
            other => other,
        }
    }
    let parts: Vec<String> =
        errors.0.iter().map(|(field, message)| format!("{}: {}", attribute(field), word(message))).collect();
    ScimProblem::invalid_value(parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap()
    }

    #[test]
    fn a_core_only_user_gets_the_sign_on_defaults() {
        let body = json!({"userName": "Jane.Doe@Example.com", "name": {"givenName": "Jane", "familyName": "Doe"}});
        let change = parse_user(&body, Absent::Keep).unwrap();
        assert_eq!(change.user_name.as_str(), "jane.doe@example.com");
        assert_eq!(change.display_name.as_deref(), Some("Jane Doe"));
        assert!(change.active);
        assert_eq!(change.manager, None);
        let input = person_input(&change, None, String::new(), today());
        assert_eq!(input.job_family, JobFamily::Corporate.as_str());
        assert_eq!(input.hire_date, "2026-12-02");
        let draft = crate::domain::person_form::parse_person(&input, today()).unwrap();
        assert_eq!(draft.display_name, "Jane Doe");
    }

    #[test]
    fn entra_strings_for_active_and_a_bare_manager_id_are_read() {
        let body = json!({"userName": "a@b.co", "active": "False", ENTERPRISE_SCHEMA: {"manager": "12"}});
        let change = parse_user(&body, Absent::Keep).unwrap();
        assert!(!change.active);
        assert_eq!(change.manager, Some(Some("12".into())));
        let cleared = parse_user(&json!({"userName": "a@b.co"}), Absent::Clear).unwrap();
        assert_eq!(cleared.manager, Some(None));
        assert_eq!(cleared.title.as_deref(), Some(""));
    }

    #[test]
    fn wrong_types_and_control_characters_are_invalid_values() {
        for body in [
            json!({"userName": 12}),
            json!({"userName": "a@b.co", "active": "maybe"}),
            json!({"userName": "a@b.co", "name": "Jane"}),
            json!({"userName": "a@b.co", "displayName": ["Jane"]}),
            json!({"userName": "a@b.co", "displayName": "Jane\u{0}"}),
            json!({"userName": "a@b.co", "title": "Lead\nEngineer"}),
            json!({"userName": "a@b.co", "emails": "a@b.co"}),
            json!({"userName": "a@b.co", ENTERPRISE_SCHEMA: {"manager": {"value": 3}}}),
            json!({"userName": "not an address"}),
            json!({"displayName": "No user name"}),
        ] {
            let problem = parse_user(&body, Absent::Keep).unwrap_err();
            assert_eq!(problem.scim_type, Some("invalidValue"), "{body}");
        }
    }

    #[test]
    fn a_view_reads_back_as_the_same_change() {
        let view = UserView {
            id: 7,
            user_name: "jane.doe@example.com".into(),
            external_id: Some("00u7".into()),
            given_name: "Jane".into(),
            family_name: "Doe".into(),
            display_name: "Jane Doe".into(),
            title: "Engineer".into(),
            active: false,
            employee_number: "E7".into(),
            department: "R&D".into(),
            manager: Some((3, "Maria".into())),
            job_family: JobFamily::Technical,
            site_type: SiteType::CorporateOffice,
            employment_type: EmploymentType::PartTime,
            hire_date: NaiveDate::from_ymd_opt(2020, 1, 2).unwrap(),
            created: today().and_hms_opt(1, 2, 3).unwrap(),
            last_modified: today().and_hms_opt(1, 2, 3).unwrap(),
        };
        let resource = view.resource("https://upskill.example/scim/v2");
        assert_eq!(resource["meta"]["location"], "https://upskill.example/scim/v2/Users/7");
        let change = parse_user(&resource, Absent::Clear).unwrap();
        assert_eq!(change.manager, Some(Some("3".into())));
        assert_eq!(change.employment_type.as_deref(), Some(EmploymentType::PartTime.as_str()));
        assert_eq!((change.external_id.as_deref(), change.active), (Some("00u7"), false));
    }
}
