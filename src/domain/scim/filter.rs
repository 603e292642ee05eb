//! The `filter` of a Users list (RFC 7644 §3.4.2.2), as far as identity providers use it
//! to find one person: `userName eq "…"` (Okta, Entra ID), `externalId eq "…"` (Entra
//! ID), `id eq "…"`, and the work e-mail (`emails[type eq "work"].value eq "…"`,
//! `emails.value eq "…"`, `emails eq "…"`). Anything else is refused as `invalidFilter`
//! rather than answered wrongly.

use super::ScimProblem;

/// What a supported filter asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserFilter {
    /// `userName eq`: the e-mail address, compared without case (`caseExact: false`).
    UserName(String),
    /// `externalId eq`: compared exactly (`caseExact: true`).
    ExternalId(String),
    Id(String),
    /// A work e-mail: Upskill's only address is the userName.
    Email(String),
}

/// Reads a filter; `invalidFilter` for anything Upskill does not support.
pub fn parse_filter(text: &str) -> Result<UserFilter, ScimProblem> {
    let unsupported = || {
        ScimProblem::invalid_filter(format!(
            "Upskill supports only these filters: userName eq \"…\", externalId eq \"…\", id eq \"…\", \
             emails[type eq \"work\"].value eq \"…\"; got: {}",
            crate::domain::text::shown_in_message(text)
        ))
    };
    let text = text.trim();
    let (attribute, rest) = split_word(text).ok_or_else(unsupported)?;
    let (operator, rest) = split_word(rest).ok_or_else(unsupported)?;
    if !operator.eq_ignore_ascii_case("eq") {
        return Err(unsupported());
    }
    let value = quoted(rest.trim()).ok_or_else(unsupported)?;
    let attribute = attribute.strip_prefix(super::USER_SCHEMA).map_or(attribute, |a| a.trim_start_matches(':'));
    let lower = attribute.to_ascii_lowercase();
    match lower.as_str() {
        "username" => Ok(UserFilter::UserName(value)),
        "externalid" => Ok(UserFilter::ExternalId(value)),
        "id" => Ok(UserFilter::Id(value)),
        "emails" | "emails.value" => Ok(UserFilter::Email(value)),
        _ if is_work_email_path(&lower) => Ok(UserFilter::Email(value)),
        _ => Err(unsupported()),
    }
}

/// `emails[type eq "work"].value`, spaced as it may be, lower-cased.
fn is_work_email_path(lower: &str) -> bool {
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    compact == "emails[typeeq\"work\"].value"
}

/// The first word (up to a space outside brackets and quotes) and the rest.
fn split_word(text: &str) -> Option<(&str, &str)> {
    let text = text.trim_start();
    let mut depth = 0;
    let mut in_quotes = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            '[' if !in_quotes => depth += 1,
            ']' if !in_quotes => depth -= 1,
            ' ' if !in_quotes && depth == 0 => return Some((&text[..i], &text[i + 1..])),
            _ => {}
        }
    }
    None
}

/// A JSON string literal that is the whole of `text`.
fn quoted(text: &str) -> Option<String> {
    if !text.starts_with('"') {
        return None;
    }
    serde_json::from_str::<String>(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filters_providers_send_are_read() {
        assert_eq!(
            parse_filter(r#"userName eq "Ada@Example.com""#),
            Ok(UserFilter::UserName("Ada@Example.com".into()))
        );
        assert_eq!(parse_filter(r#"username EQ "a\"b""#), Ok(UserFilter::UserName("a\"b".into())));
        assert_eq!(parse_filter(r#"externalId eq "00u1""#), Ok(UserFilter::ExternalId("00u1".into())));
        assert_eq!(parse_filter(r#"id eq "12""#), Ok(UserFilter::Id("12".into())));
        assert_eq!(parse_filter(r#"emails[type eq "work"].value eq "a@b.c""#), Ok(UserFilter::Email("a@b.c".into())));
        assert_eq!(parse_filter(r#"emails.value eq "a@b.c""#), Ok(UserFilter::Email("a@b.c".into())));
        assert_eq!(
            parse_filter(r#"urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x""#),
            Ok(UserFilter::UserName("x".into()))
        );
    }

    #[test]
    fn anything_else_is_an_invalid_filter() {
        for filter in [
            "",
            "userName",
            r#"userName sw "a""#,
            r#"userName eq "a" and active eq true"#,
            r#"displayName eq "Ada""#,
            r#"userName eq a"#,
            r#"userName eq "a"""#,
            r#"emails[type eq "home"].value eq "a""#,
        ] {
            let problem = parse_filter(filter).unwrap_err();
            assert_eq!(problem.scim_type, Some("invalidFilter"), "{filter}");
        }
    }
}
