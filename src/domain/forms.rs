//! What every form shares: the messages of its wrong fields, and reading a posted body
//! whose checkboxes and lists repeat their name.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use super::message::Message;
use super::text::normalise_line_endings;

/// Messages for the fields that are wrong, in the order of the form (worded for the
/// reader by `i18n::Tr::error` and `Tr::say`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<(&'static str, Message)>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: Message) {
        self.0.push((field, message));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message for `field`, if it is wrong.
    pub fn get(&self, field: &str) -> Option<&Message> {
        self.0.iter().find(|(name, _)| *name == field).map(|(_, message)| message)
    }

    /// Puts the messages in the order of `fields` (the form's), for a form whose checks
    /// run in another order (one that asks the database last); fields not listed go last.
    pub fn sort_by_fields(&mut self, fields: &[&str]) {
        self.0.sort_by_key(|(field, _)| fields.iter().position(|f| f == field).unwrap_or(fields.len()));
    }
}

/// Reads a posted form into `T`: the fields named in `lists` keep every value sent (a
/// list of ticked boxes), every other field its first value (a browser never sends one
/// twice; a hand-made request may).
pub fn from_pairs<T: DeserializeOwned>(pairs: &[(String, String)], lists: &[&str]) -> Result<T, serde_json::Error> {
    let mut object = serde_json::Map::new();
    for (name, value) in pairs {
        if lists.contains(&name.as_str()) {
            let entry = object.entry(name.clone()).or_insert_with(|| serde_json::Value::Array(Vec::new()));
            if let serde_json::Value::Array(values) = entry {
                values.push(serde_json::Value::String(value.clone()));
            }
        } else {
            object.entry(name.clone()).or_insert_with(|| serde_json::Value::String(value.clone()));
        }
    }
    serde_json::from_value(serde_json::Value::Object(object))
}

/// A checkbox: ticked when it was sent at all, whatever its value.
pub fn ticked<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(deserializer).map(|_| true)
}

/// A list of values, whether one value or several were sent.
pub fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::One(value) => vec![value],
        OneOrMany::Many(values) => values,
    })
}

/// What [`describe_changes`] says when nothing differs.
pub const NO_CHANGE: &str = "no change";

/// "field: before → after" for each field whose value differs, in the order of the
/// struct's fields ("no change" when none does): what the audit log records of an edit.
/// Lists are written comma-separated. Texts that differ only in their line endings
/// (`\r\n` from a browser, `\n` stored) are the same text.
pub fn describe_changes<T: serde::Serialize>(before: &T, after: &T) -> String {
    let as_object = |value: &T| match serde_json::to_value(value) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    let (before, after) = (as_object(before), as_object(after));
    let changes: Vec<String> = before
        .iter()
        .filter_map(|(field, old)| {
            let new = after.get(field)?;
            (!same(old, new)).then(|| format!("{field}: {} → {}", plain(old), plain(new)))
        })
        .collect();
    if changes.is_empty() {
        NO_CHANGE.to_owned()
    } else {
        changes.join("; ")
    }
}

/// Whether two values are the same, texts compared whatever their line endings.
fn same(old: &serde_json::Value, new: &serde_json::Value) -> bool {
    match (old, new) {
        (serde_json::Value::String(old), serde_json::Value::String(new)) => {
            old == new || normalise_line_endings(old) == normalise_line_endings(new)
        }
        _ => old == new,
    }
}

/// A value as the audit log writes it: text as it is, lists comma-separated.
fn plain(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Array(items) => items.iter().map(plain).collect::<Vec<_>>().join(","),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, Deserialize, PartialEq)]
    #[serde(default)]
    struct Form {
        name: String,
        #[serde(deserialize_with = "ticked")]
        agree: bool,
        #[serde(deserialize_with = "one_or_many")]
        tags: Vec<String>,
    }

    #[test]
    fn messages_are_put_in_the_order_of_the_form() {
        let mut errors = FieldErrors::default();
        errors.add("ends_on", Message::said("late"));
        errors.add("other", Message::said("other"));
        errors.add("starts_on", Message::said("early"));
        errors.add("email", Message::said("unknown"));
        errors.sort_by_fields(&["email", "starts_on", "ends_on"]);
        let fields: Vec<&str> = errors.0.iter().map(|(field, _)| *field).collect();
        assert_eq!(fields, ["email", "starts_on", "ends_on", "other"]);
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn lists_keep_every_value_and_other_fields_their_first() {
        let form: Form = from_pairs(
            &pairs(&[("name", "a"), ("name", "b"), ("tags", "x"), ("tags", "y"), ("agree", "on")]),
            &["tags"],
        )
        .unwrap();
        assert_eq!(form, Form { name: "a".into(), agree: true, tags: vec!["x".into(), "y".into()] });
        let empty: Form = from_pairs(&[], &["tags"]).unwrap();
        assert_eq!(empty, Form::default());
    }

    #[derive(serde::Serialize)]
    struct Record {
        name: &'static str,
        tags: Vec<&'static str>,
        active: bool,
    }

    #[test]
    fn changes_are_described_field_by_field_in_order() {
        let before = Record { name: "a", tags: vec!["x", "y"], active: true };
        let after = Record { name: "b", tags: vec!["z"], active: false };
        assert_eq!(describe_changes(&before, &after), "name: a → b; tags: x,y → z; active: true → false");
        assert_eq!(describe_changes(&before, &before), "no change");
    }

    #[derive(serde::Serialize)]
    struct Text {
        description: &'static str,
    }

    #[test]
    fn a_text_whose_line_endings_alone_differ_is_not_a_change() {
        let stored = Text { description: "One.\n\nTwo." };
        assert_eq!(describe_changes(&stored, &Text { description: "One.\r\n\r\nTwo." }), "no change");
        assert_eq!(
            describe_changes(&stored, &Text { description: "One.\n\nThree." }),
            "description: One.\n\nTwo. → One.\n\nThree."
        );
    }
}
