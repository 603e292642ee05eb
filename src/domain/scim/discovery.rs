//! The discovery resources (RFC 7644 §4): what Upskill supports, the User resource
//! type, and the schemas of its attributes.

use serde_json::{json, Value};

use super::{ENTERPRISE_SCHEMA, MAX_PAGE, UPSKILL_SCHEMA, USER_SCHEMA};

const LIST: &str = super::LIST_SCHEMA;
const CONFIG_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
const RESOURCE_TYPE_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
const SCHEMA_SCHEMA: &str = "urn:ietf:params:scim:schemas:core:2.0:Schema";

/// `/ServiceProviderConfig`: PATCH and filters (the ones of `filter::parse_filter`) yes;
/// bulk, sorting, ETags and password changes no; bearer tokens.
pub fn service_provider_config(base: &str) -> Value {
    json!({
        "schemas": [CONFIG_SCHEMA],
        "patch": {"supported": true},
        "bulk": {"supported": false, "maxOperations": 0, "maxPayloadSize": 0},
        "filter": {"supported": true, "maxResults": MAX_PAGE},
        "changePassword": {"supported": false},
        "sort": {"supported": false},
        "etag": {"supported": false},
        "authenticationSchemes": [{
            "type": "oauthbearertoken",
            "name": "Bearer token",
            "description": "A token an Upskill administrator creates on the Provisioning page.",
            "primary": true,
        }],
        "meta": {"resourceType": "ServiceProviderConfig", "location": format!("{base}/ServiceProviderConfig")},
    })
}

/// The User resource type.
pub fn user_resource_type(base: &str) -> Value {
    json!({
        "schemas": [RESOURCE_TYPE_SCHEMA],
        "id": "User",
        "name": "User",
        "endpoint": "/Users",
        "description": "A person who works here",
        "schema": USER_SCHEMA,
        "schemaExtensions": [
            {"schema": ENTERPRISE_SCHEMA, "required": false},
            {"schema": UPSKILL_SCHEMA, "required": false},
        ],
        "meta": {"resourceType": "ResourceType", "location": format!("{base}/ResourceTypes/User")},
    })
}

/// A list response of `resources`, all on one page.
pub fn list_of(resources: Vec<Value>) -> Value {
    json!({
        "schemas": [LIST],
        "totalResults": resources.len(),
        "itemsPerPage": resources.len(),
        "startIndex": 1,
        "Resources": resources,
    })
}

/// One attribute's definition.
fn attribute(name: &str, kind: &str, description: &str) -> Value {
    json!({
        "name": name,
        "type": kind,
        "multiValued": false,
        "description": description,
        "required": false,
        "caseExact": false,
        "mutability": "readWrite",
        "returned": "default",
        "uniqueness": "none", // not a stored name
    })
}

/// `attribute` with some of its properties replaced.
fn with(mut definition: Value, changes: Value) -> Value {
    if let (Some(object), Value::Object(changes)) = (definition.as_object_mut(), changes) {
        object.extend(changes);
    }
    definition
}

fn string(name: &str, description: &str) -> Value {
    attribute(name, "string", description)
}

fn schema(id: &str, name: &str, description: &str, attributes: Vec<Value>, base: &str) -> Value {
    json!({
        "schemas": [SCHEMA_SCHEMA],
        "id": id,
        "name": name,
        "description": description,
        "attributes": attributes,
        "meta": {"resourceType": "Schema", "location": format!("{base}/Schemas/{id}")},
    })
}

fn user_schema(base: &str) -> Value {
    let name = with(
        attribute("name", "complex", "The person's name"),
        json!({"subAttributes": [
            string("formatted", "The full name"),
            string("givenName", "The given name"),
            string("familyName", "The family name"),
        ]}),
    );
    let emails = with(
        attribute("emails", "complex", "The work e-mail address: the same as userName"),
        json!({"multiValued": true, "subAttributes": [
            string("value", "The address"),
            with(string("type", "work"), json!({"canonicalValues": ["work"]})),
            attribute("primary", "boolean", "Always true"),
        ]}),
    );
    schema(
        USER_SCHEMA,
        "User",
        "A person who works here",
        vec![
            with(
                string("userName", "The work e-mail address, with which the person signs in"),
                json!({"required": true, "uniqueness": "server"}),
            ),
            name,
            string("displayName", "The name Upskill shows"),
            string("title", "The job title"),
            emails,
            attribute("active", "boolean", "False once the person has left: they can no longer sign in"),
            with(string("externalId", "The identity provider's own id"), json!({"caseExact": true})),
        ],
        base,
    )
}

fn enterprise_schema(base: &str) -> Value {
    let manager = with(
        attribute("manager", "complex", "The person's manager, who approves their applications"),
        json!({"subAttributes": [
            with(string("value", "The manager's id in Upskill"), json!({"caseExact": true})),
            with(
                attribute("$ref", "reference", "The manager's resource"),
                json!({"referenceTypes": ["User"], "mutability": "readOnly"}),
            ),
            with(string("displayName", "The manager's name"), json!({"mutability": "readOnly"})),
        ]}),
    );
    schema(
        ENTERPRISE_SCHEMA,
        "EnterpriseUser",
        "Enterprise User",
        vec![string("employeeNumber", "The HR number"), string("department", "The department"), manager],
        base,
    )
}

fn upskill_schema(base: &str) -> Value {
    let choices = |name: &str, description: &str, values: Vec<&'static str>| {
        with(string(name, description), json!({"canonicalValues": values, "caseExact": true}))
    };
    use crate::domain::{EmploymentType, JobFamily, SiteType};
    schema(
        UPSKILL_SCHEMA,
        "UpskillUser",
        "What eligibility for Upskill's programs depends on",
        vec![
            choices("jobFamily", "The job family", JobFamily::ALL.iter().map(|v| v.as_str()).collect()),
            choices("siteType", "The kind of site", SiteType::ALL.iter().map(|v| v.as_str()).collect()),
            choices("employmentType", "Full or part time", EmploymentType::ALL.iter().map(|v| v.as_str()).collect()),
            string("hireDate", "The hire date, YYYY-MM-DD"),
        ],
        base,
    )
}

/// The three schemas of a User, by id.
pub fn schemas(base: &str) -> Vec<Value> {
    vec![user_schema(base), enterprise_schema(base), upskill_schema(base)]
}

/// One schema, by its id (compared without case).
pub fn schema_by_id(base: &str, id: &str) -> Option<Value> {
    schemas(base).into_iter().find(|s| s["id"].as_str().is_some_and(|s| s.eq_ignore_ascii_case(id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_names_its_attributes_with_their_types() {
        for schema in schemas("http://x/scim/v2") {
            for attribute in schema["attributes"].as_array().unwrap() {
                assert!(attribute["name"].is_string() && attribute["type"].is_string(), "{attribute}");
            }
        }
        assert!(schema_by_id("", &USER_SCHEMA.to_uppercase()).is_some());
    }
}
