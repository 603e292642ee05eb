//! PATCH (RFC 7644 §3.5.2): the operations are applied to the resource as it is stored
//! (its JSON), and the result is checked like a PUT of the whole resource. Accepted as
//! providers send them: `add`, `replace`, `remove` in any case (Entra ID writes
//! `"Replace"`), with a path (`active`, `name.givenName`, `emails[type eq "work"].value`,
//! `urn:…:enterprise:2.0:User:manager`) or without one (a value object whose keys are
//! attribute names, extension URNs, or dotted paths).

use serde_json::{Map, Value};

use super::{get_ci, key_ci, ScimProblem, ENTERPRISE_SCHEMA, PATCH_SCHEMA, UPSKILL_SCHEMA, USER_SCHEMA};

/// The attributes that live in each extension, so that a path without the URN
/// (`department`) still finds them.
const ENTERPRISE_ATTRIBUTES: &[&str] =
    &["employeeNumber", "department", "manager", "costCenter", "organization", "division"];
const UPSKILL_ATTRIBUTES: &[&str] = &["jobFamily", "siteType", "employmentType", "hireDate"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Add,
    Replace,
    Remove,
}

/// Where an operation applies: an attribute of the core schema or of an extension,
/// perhaps one element of a multi-valued attribute (`[type eq "work"]`), perhaps a
/// sub-attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// The extension's URN; `None` for the core schema.
    pub schema: Option<&'static str>,
    pub attribute: String,
    /// `(sub-attribute, value)` of an `eq` filter.
    pub filter: Option<(String, String)>,
    pub sub_attribute: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    pub op: Op,
    pub path: Option<Path>,
    pub value: Option<Value>,
}

/// Reads a PatchOp body.
pub fn parse_patch(body: &Value) -> Result<Vec<Operation>, ScimProblem> {
    let object = body.as_object().ok_or_else(|| ScimProblem::invalid_syntax("The body must be a PatchOp object."))?;
    let schemas = get_ci(object, "schemas").and_then(Value::as_array);
    if !schemas.is_some_and(|s| s.iter().any(|v| v.as_str().is_some_and(|s| s.eq_ignore_ascii_case(PATCH_SCHEMA)))) {
        return Err(ScimProblem::invalid_syntax(format!("A PATCH body lists the schema {PATCH_SCHEMA}.")));
    }
    let operations = match get_ci(object, "Operations") {
        Some(Value::Array(operations)) if !operations.is_empty() => operations,
        _ => return Err(ScimProblem::invalid_syntax("A PATCH body has a non-empty Operations array.")),
    };
    operations.iter().map(parse_operation).collect()
}

fn parse_operation(value: &Value) -> Result<Operation, ScimProblem> {
    let object = value.as_object().ok_or_else(|| ScimProblem::invalid_syntax("Each operation is an object."))?;
    let op = match get_ci(object, "op").and_then(Value::as_str).map(str::to_ascii_lowercase).as_deref() {
        Some("add") => Op::Add,
        Some("replace") => Op::Replace,
        Some("remove") => Op::Remove,
        _ => return Err(ScimProblem::invalid_syntax("Each operation's op is add, replace or remove.")),
    };
    let path = match get_ci(object, "path") {
        None | Some(Value::Null) => None,
        Some(Value::String(path)) if path.trim().is_empty() => None,
        Some(Value::String(path)) => Some(parse_path(path)?),
        Some(_) => return Err(ScimProblem::invalid_path("An operation's path is a string.")),
    };
    let value = get_ci(object, "value").cloned();
    match (op, &path, &value) {
        (Op::Remove, None, _) => Err(ScimProblem::new(400, Some("noTarget"), "A remove operation needs a path.")),
        (Op::Add | Op::Replace, None, Some(Value::Object(_))) => Ok(Operation { op, path, value }),
        (Op::Add | Op::Replace, None, _) => {
            Err(ScimProblem::invalid_value("An operation without a path has an object for its value."))
        }
        (Op::Add | Op::Replace, Some(_), None) => Err(ScimProblem::invalid_value("An add or replace has a value.")),
        _ => Ok(Operation { op, path, value }),
    }
}

/// Reads an attribute path: `[urn:…:]attribute[[sub eq "value"]][.sub]`.
pub fn parse_path(text: &str) -> Result<Path, ScimProblem> {
    let invalid = || ScimProblem::invalid_path(format!("Upskill can't follow the path {}.", shown(text)));
    let text = text.trim();
    let (schema, rest) = split_schema(text).ok_or_else(invalid)?;
    let (attribute, filter, sub_attribute) = match rest.split_once('[') {
        Some((attribute, after)) => {
            let (filter, after) = after.split_once(']').ok_or_else(invalid)?;
            let sub = match after {
                "" => None,
                _ => Some(after.strip_prefix('.').ok_or_else(invalid)?.to_owned()),
            };
            (attribute.to_owned(), Some(parse_value_filter(filter).ok_or_else(invalid)?), sub)
        }
        None => match rest.split_once('.') {
            Some((attribute, sub)) => (attribute.to_owned(), None, Some(sub.to_owned())),
            None => (rest.to_owned(), None, None),
        },
    };
    let well_formed = |name: &str| {
        !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '$')
    };
    if !well_formed(&attribute) || sub_attribute.as_deref().is_some_and(|s| !well_formed(s)) {
        return Err(invalid());
    }
    let schema = schema.or_else(|| implied_schema(&attribute));
    Ok(Path { schema, attribute, filter, sub_attribute })
}

fn shown(text: &str) -> String {
    crate::domain::text::shown_in_message(text)
}

/// The extension a path names, and the rest; `None` for an unknown URN.
fn split_schema(text: &str) -> Option<(Option<&'static str>, &str)> {
    if !text.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("urn:")) {
        return Some((None, text));
    }
    for schema in [ENTERPRISE_SCHEMA, UPSKILL_SCHEMA, USER_SCHEMA] {
        if text.eq_ignore_ascii_case(schema) {
            return Some(((schema != USER_SCHEMA).then_some(schema), ""));
        }
        let prefix = text.get(..schema.len() + 1);
        if prefix.is_some_and(|p| p[..schema.len()].eq_ignore_ascii_case(schema) && p.ends_with(':')) {
            let rest = &text[schema.len() + 1..];
            return Some(((schema != USER_SCHEMA).then_some(schema), rest));
        }
    }
    None
}

fn implied_schema(attribute: &str) -> Option<&'static str> {
    let is = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(attribute));
    if is(ENTERPRISE_ATTRIBUTES) {
        Some(ENTERPRISE_SCHEMA)
    } else if is(UPSKILL_ATTRIBUTES) {
        Some(UPSKILL_SCHEMA)
    } else {
        None
    }
}

/// `type eq "work"` inside brackets.
fn parse_value_filter(text: &str) -> Option<(String, String)> {
    let mut words = text.trim().splitn(3, ' ');
    let (attribute, operator, value) = (words.next()?, words.next()?, words.next()?);
    if !operator.eq_ignore_ascii_case("eq") {
        return None;
    }
    let value = serde_json::from_str::<String>(value.trim()).ok()?;
    Some((attribute.to_owned(), value))
}

/// Applies the operations, in order, to a resource.
pub fn apply_patch(resource: &mut Value, operations: &[Operation]) -> Result<(), ScimProblem> {
    for operation in operations {
        match (&operation.path, &operation.value) {
            (Some(path), value) => apply_at(resource, operation.op, path, value.clone())?,
            (None, Some(Value::Object(values))) => {
                for (key, value) in values {
                    match split_schema(key) {
                        Some((Some(schema), "")) => {
                            let Value::Object(inner) = value else {
                                return Err(ScimProblem::invalid_value(format!("{key} must be an object.")));
                            };
                            for (name, value) in inner {
                                let path = Path {
                                    schema: Some(schema),
                                    attribute: name.clone(),
                                    filter: None,
                                    sub_attribute: None,
                                };
                                apply_at(resource, operation.op, &path, Some(value.clone()))?;
                            }
                        }
                        _ => apply_at(resource, operation.op, &parse_path(key)?, Some(value.clone()))?,
                    }
                }
            }
            (None, _) => return Err(ScimProblem::invalid_value("An operation without a path has an object value.")),
        }
    }
    Ok(())
}

/// The object a path's attribute is kept in: the resource, or its extension's object.
fn container<'r>(
    resource: &'r mut Value,
    schema: Option<&'static str>,
) -> Result<&'r mut Map<String, Value>, ScimProblem> {
    let root = resource.as_object_mut().ok_or_else(|| ScimProblem::invalid_value("The resource is not an object."))?;
    let Some(schema) = schema else {
        return Ok(root);
    };
    let key = key_ci(root, schema).unwrap_or_else(|| schema.to_owned());
    let entry = root.entry(key).or_insert_with(|| Value::Object(Map::new()));
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    entry.as_object_mut().ok_or_else(|| ScimProblem::invalid_value(format!("{schema} is not an object.")))
}

/// Sets `name` in `object`, keeping the key's own spelling when it is there.
fn set(object: &mut Map<String, Value>, name: &str, value: Value) {
    let key = key_ci(object, name).unwrap_or_else(|| name.to_owned());
    object.insert(key, value);
}

fn remove(object: &mut Map<String, Value>, name: &str) {
    if let Some(key) = key_ci(object, name) {
        object.remove(&key);
    }
}

/// Merges a complex value into what is there (RFC 7644 §3.5.2.1 and .3: sub-attributes
/// not sent are left as they are).
fn merge(object: &mut Map<String, Value>, name: &str, value: Value) {
    let key = key_ci(object, name).unwrap_or_else(|| name.to_owned());
    match (object.get_mut(&key), value) {
        (Some(Value::Object(existing)), Value::Object(new)) => {
            for (sub, v) in new {
                set(existing, &sub, v);
            }
        }
        (_, value) => {
            object.insert(key, value);
        }
    }
}

fn apply_at(resource: &mut Value, op: Op, path: &Path, value: Option<Value>) -> Result<(), ScimProblem> {
    let object = container(resource, path.schema)?;
    let name = path.attribute.as_str();
    // Entra ID sends the manager as a bare id: it is the manager's `value`.
    let value = match value {
        Some(Value::String(id)) if name.eq_ignore_ascii_case("manager") && path.sub_attribute.is_none() => {
            Some(serde_json::json!({ "value": id }))
        }
        other => other,
    };
    match (&path.filter, &path.sub_attribute, op, value) {
        (None, None, Op::Remove, _) => remove(object, name),
        (None, None, _, Some(value)) => merge(object, name, value),
        (None, Some(sub), Op::Remove, _) => {
            if let Some(Value::Object(inner)) = key_ci(object, name).and_then(|k| object.get_mut(&k)) {
                remove(inner, sub);
            }
        }
        (None, Some(sub), _, Some(value)) => {
            let mut inner = Map::new();
            inner.insert(sub.clone(), value);
            merge(object, name, Value::Object(inner));
        }
        (Some(filter), sub, op, value) => apply_filtered(object, name, filter, sub.as_deref(), op, value)?,
        (None, _, _, None) => return Err(ScimProblem::invalid_value("An add or replace has a value.")),
    }
    Ok(())
}

/// An operation on the elements of a multi-valued attribute that match `[sub eq "value"]`;
/// an add or replace that matches none adds the element.
fn apply_filtered(
    object: &mut Map<String, Value>,
    name: &str,
    (filter_attribute, filter_value): &(String, String),
    sub: Option<&str>,
    op: Op,
    value: Option<Value>,
) -> Result<(), ScimProblem> {
    let key = key_ci(object, name).unwrap_or_else(|| name.to_owned());
    let entry = object.entry(key).or_insert_with(|| Value::Array(Vec::new()));
    if !entry.is_array() {
        *entry = Value::Array(Vec::new());
    }
    let Value::Array(elements) = entry else {
        return Ok(());
    };
    let matches = |element: &Value| {
        element
            .as_object()
            .and_then(|e| get_ci(e, filter_attribute))
            .and_then(Value::as_str)
            .is_some_and(|v| v.eq_ignore_ascii_case(filter_value))
    };
    if op == Op::Remove {
        match sub {
            None => elements.retain(|e| !matches(e)),
            Some(sub) => elements.iter_mut().filter(|e| matches(e)).filter_map(Value::as_object_mut).for_each(|e| {
                remove(e, sub);
            }),
        }
        return Ok(());
    }
    let value = value.ok_or_else(|| ScimProblem::invalid_value("An add or replace has a value."))?;
    let mut found = false;
    for element in elements.iter_mut().filter(|e| matches(e)) {
        found = true;
        match (sub, element.as_object_mut()) {
            (Some(sub), Some(e)) => set(e, sub, value.clone()),
            (None, _) => *element = value.clone(),
            (Some(_), None) => {}
        }
    }
    if !found {
        let mut element = Map::new();
        element.insert(filter_attribute.clone(), Value::String(filter_value.clone()));
        match (sub, value) {
            (Some(sub), value) => {
                element.insert(sub.to_owned(), value);
            }
            (None, Value::Object(fields)) => element.extend(fields),
            (None, _) => return Err(ScimProblem::invalid_value(format!("{name} elements are objects."))),
        }
        elements.push(Value::Object(element));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn patched(resource: Value, body: Value) -> Value {
        let mut resource = resource;
        apply_patch(&mut resource, &parse_patch(&body).unwrap()).unwrap();
        resource
    }

    fn ops(operations: Value) -> Value {
        json!({"schemas": [PATCH_SCHEMA], "Operations": operations})
    }

    #[test]
    fn okta_replaces_with_a_value_object() {
        let user = json!({"userName": "a@b.co", "active": true});
        let result = patched(user, ops(json!([{"op": "replace", "value": {"active": false}}])));
        assert_eq!(result["active"], false);
    }

    #[test]
    fn entra_paths_and_capitalised_ops_are_followed() {
        let user = json!({"userName": "a@b.co", "active": true, "emails": [{"type": "work", "value": "a@b.co"}]});
        let result = patched(
            user,
            ops(json!([
                {"op": "Replace", "path": "active", "value": "False"},
                {"op": "Add", "path": "name.givenName", "value": "Ann"},
                {"op": "Replace", "path": "emails[type eq \"work\"].value", "value": "ann@b.co"},
                {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "value": "12"},
                {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "value": "R&D"},
            ])),
        );
        assert_eq!(result["active"], "False");
        assert_eq!(result["name"]["givenName"], "Ann");
        assert_eq!(result["emails"][0]["value"], "ann@b.co");
        assert_eq!(result[ENTERPRISE_SCHEMA]["manager"]["value"], "12");
        assert_eq!(result[ENTERPRISE_SCHEMA]["department"], "R&D");
        let removed = patched(
            result,
            ops(
                json!([{"op": "Remove", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]),
            ),
        );
        assert!(removed[ENTERPRISE_SCHEMA].get("manager").is_none());
    }

    #[test]
    fn a_value_object_may_hold_extensions_and_dotted_paths() {
        let user = json!({"userName": "a@b.co", "name": {"givenName": "A", "familyName": "B"}});
        let result = patched(
            user,
            ops(json!([{"op": "replace", "value": {
                "name.familyName": "C",
                "displayName": "A C",
                UPSKILL_SCHEMA: {"jobFamily": "technical"},
            }}])),
        );
        assert_eq!(result["name"], json!({"givenName": "A", "familyName": "C"}));
        assert_eq!(result[UPSKILL_SCHEMA]["jobFamily"], "technical");
    }

    #[test]
    fn bad_bodies_and_paths_are_refused_with_their_scim_type() {
        let cases = [
            (json!({"Operations": [{"op": "add", "path": "title", "value": "x"}]}), "invalidSyntax"),
            (ops(json!([])), "invalidSyntax"),
            (ops(json!([{"op": "move", "path": "title", "value": "x"}])), "invalidSyntax"),
            (ops(json!([{"op": "remove"}])), "noTarget"),
            (ops(json!([{"op": "add", "value": "x"}])), "invalidValue"),
            (ops(json!([{"op": "add", "path": "urn:example:unknown:title", "value": "x"}])), "invalidPath"),
            (ops(json!([{"op": "add", "path": "emails[type gt \"w\"].value", "value": "x"}])), "invalidPath"),
            (ops(json!([{"op": "add", "path": "a b", "value": "x"}])), "invalidPath"),
        ];
        for (body, scim_type) in cases {
            assert_eq!(parse_patch(&body).unwrap_err().scim_type, Some(scim_type), "{body}");
        }
    }
}
