//! SCIM 2.0 provisioning (RFC 7643, RFC 7644): what an identity provider may send about
//! a person, checked; the filters and PATCH operations Upskill understands; and the
//! resources it answers with. Pure: the web layer reads the body, the database layer
//! applies the change through the same rules as the person form and the HR import.

pub mod discovery;
pub mod filter;
pub mod patch;
pub mod user;

use std::fmt;

/// The core User schema.
pub const USER_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:User";
/// The enterprise extension: employee number, department, manager.
pub const ENTERPRISE_SCHEMA: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
/// Upskill's own extension: the facts eligibility depends on.
pub const UPSKILL_SCHEMA: &str = "urn:upskill:params:scim:schemas:extension:upskill:2.0:User";
pub const LIST_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
pub const ERROR_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:Error";
pub const PATCH_SCHEMA: &str = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

/// The most resources one page of a list holds (`count` above it is lowered to it).
pub const MAX_PAGE: usize = 200;

/// Why a SCIM request is refused: the HTTP status, the `scimType` (RFC 7644 §3.12) and a
/// sentence for whoever reads the provider's log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScimProblem {
    pub status: u16,
    pub scim_type: Option<&'static str>,
    pub detail: String,
}

impl ScimProblem {
    pub fn new(status: u16, scim_type: Option<&'static str>, detail: impl Into<String>) -> ScimProblem {
        ScimProblem { status, scim_type, detail: detail.into() }
    }

    /// 400 `invalidValue`: a value of the wrong type, or one Upskill refuses.
    pub fn invalid_value(detail: impl Into<String>) -> ScimProblem {
        ScimProblem::new(400, Some("invalidValue"), detail)
    }

    /// 400 `invalidSyntax`: the body is not the JSON the request needs.
    pub fn invalid_syntax(detail: impl Into<String>) -> ScimProblem {
        ScimProblem::new(400, Some("invalidSyntax"), detail)
    }

    /// 400 `invalidFilter`.
    pub fn invalid_filter(detail: impl Into<String>) -> ScimProblem {
        ScimProblem::new(400, Some("invalidFilter"), detail)
    }

    /// 400 `invalidPath`.
    pub fn invalid_path(detail: impl Into<String>) -> ScimProblem {
        ScimProblem::new(400, Some("invalidPath"), detail)
    }

    /// 404 for a resource that is not there (or no longer: deleted by the provider).
    pub fn not_found(detail: impl Into<String>) -> ScimProblem {
        ScimProblem::new(404, None, detail)
    }

    /// The error body of RFC 7644 §3.12 (`status` is a string there).
    pub fn body(&self) -> serde_json::Value {
        let mut body = serde_json::json!({
            "schemas": [ERROR_SCHEMA],
            "status": self.status.to_string(),
            "detail": self.detail,
        });
        if let (Some(scim_type), Some(object)) = (self.scim_type, body.as_object_mut()) {
            object.insert("scimType".to_owned(), scim_type.into());
        }
        body
    }
}

impl fmt::Display for ScimProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.status, self.scim_type.unwrap_or("-"), self.detail)
    }
}

/// The value of `name` in a JSON object, whatever the case of its key (attribute names
/// are case-insensitive, RFC 7643 §2.1).
pub fn get_ci<'v>(object: &'v serde_json::Map<String, serde_json::Value>, name: &str) -> Option<&'v serde_json::Value> {
    object.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value)
}

/// The key under which `name` is kept in `object` (its own spelling), if any.
pub fn key_ci(object: &serde_json::Map<String, serde_json::Value>, name: &str) -> Option<String> {
    object.keys().find(|key| key.eq_ignore_ascii_case(name)).cloned()
}

/// A token's name as an administrator types it: one line of 1 to 80 characters.
pub fn parse_token_name(text: &str) -> Result<String, String> {
    let name = crate::domain::text::one_line(text, "name")?;
    match name.chars().count() {
        0 => Err("Enter a name that says who uses the token, for example “Okta production”.".to_owned()),
        n if n > 80 => Err("Shorten the name to at most 80 characters.".to_owned()),
        _ => Ok(name),
    }
}
