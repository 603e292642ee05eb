//! Small cryptographic helpers (password hashing, random tokens, signatures and
//! constant-time comparison), the security headers every response carries, and the
//! redaction of credentials from messages.

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Hashes a password with argon2id and a random salt.
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(Argon2::default().hash_password(password.as_bytes(), &salt)?.to_string())
}

/// Whether `password` matches the stored argon2 hash.
pub fn verify_password(password: &str, stored_hash: &str) -> bool {
    match PasswordHash::new(stored_hash) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// A hash to verify against when the account does not exist, so that the answer takes
/// as long as for a real account.
pub const DUMMY_PASSWORD_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$8Ldq6Nw0Jxkz3bCjvRiUThqFZ1hwPq+Vx0zmSxa6M4M";

/// `bytes` random bytes, base64url-encoded.
pub fn random_token(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    rand::rng().fill_bytes(&mut buffer);
    URL_SAFE_NO_PAD.encode(buffer)
}

/// SHA-256 of `text`, hex-encoded.
pub fn sha256_hex(text: &str) -> String {
    sha256_hex_of(text.as_bytes())
}

/// SHA-256 of `bytes`, hex-encoded.
pub fn sha256_hex_of(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two strings in time that does not depend on where they differ.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// Signs `value` with the instance secret: `value.signature`.
pub fn sign(secret: &[u8], value: &str) -> String {
    format!("{value}.{}", signature(secret, value))
}

/// Returns the value of a `sign`ed text when its signature is right.
pub fn verify_signed<'a>(secret: &[u8], signed: &'a str) -> Option<&'a str> {
    let (value, given) = signed.rsplit_once('.')?;
    constant_time_eq(&signature(secret, value), given).then_some(value)
}

/// A short identifier of this installation for `purpose`, derived from the instance
/// secret without revealing it: the same on every server and after restarts, different
/// from one installation to another.
pub fn installation_tag(secret: &[u8], purpose: &str) -> String {
    sha256_hex(&signature(secret, purpose)).chars().take(16).collect()
}

/// The tag of the forms `employee_id` fills (their `form_owner` field): says who without
/// saying the id, and only this installation can make it.
pub fn form_owner_tag(secret: &[u8], employee_id: i32) -> String {
    installation_tag(secret, &format!("form-owner:{employee_id}"))
}

/// [`form_owner_tag`] of each employee seen, worked out once per server: every page of a
/// signed-in person carries their tag.
pub struct FormOwnerTags {
    tags: crate::kept::KeptMap<i32, String>,
}

impl Default for FormOwnerTags {
    fn default() -> Self {
        FormOwnerTags { tags: crate::kept::KeptMap::new(50_000) }
    }
}

impl FormOwnerTags {
    pub fn of(&self, secret: &[u8], employee_id: i32) -> String {
        if let Some(tag) = self.tags.get(&employee_id) {
            return tag;
        }
        let tag = form_owner_tag(secret, employee_id);
        self.tags.put(employee_id, tag.clone());
        tag
    }
}

fn signature(secret: &[u8], value: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(value.as_bytes());
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// The Content-Security-Policy of every response: no inline script, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// Headers of every response besides the Content-Security-Policy.
pub const SECURITY_HEADERS: [(&str, &str); 5] = [
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    // The legacy XSS auditor is off, as OWASP advises: the CSP does its job.
    ("X-XSS-Protection", "0"),
    ("Cache-Control", "no-store"),
];

/// What a hidden credential is replaced with.
const REDACTED: &str = "***";

/// `text` with every credential it carries hidden: the password of a URL's user
/// information (`postgres://upskill:PASSWORD@db/upskill`, `smtp://user:PASSWORD@host`)
/// and the value of every `password=` parameter (a URL's query, a libpq connection
/// string). Every message and log line that may hold a database or SMTP URL, or an error
/// about one, goes through this function.
pub fn redact(text: &str) -> String {
    redact_password_parameters(&redact_user_passwords(text))
}

/// Where a URL (or a parameter's value) ends in running text.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '<' | '>')
}

/// Hides `PASSWORD` in every `scheme://user:PASSWORD@host…` of `text`.
fn redact_user_passwords(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("://") {
        let (before, after) = rest.split_at(start + 3);
        out.push_str(before);
        let word_end = after.find(ends_word).unwrap_or(after.len());
        let word = &after[..word_end];
        // The user information ends at the last `@` before the query: a password may hold
        // an unencoded `@` or `/`, a user name holds no `/`.
        let authority_end = word.find(['?', '#']).unwrap_or(word.len());
        let hidden = word[..authority_end].rfind('@').and_then(|at| {
            let colon = word[..at].find(':')?;
            (!word[..colon].contains('/') && colon + 1 < at).then_some((colon + 1, at))
        });
        match hidden {
            Some((from, to)) => {
                out.push_str(&word[..from]);
                out.push_str(REDACTED);
                out.push_str(&word[to..]);
            }
            None => out.push_str(word),
        }
        rest = &after[word_end..];
    }
    out.push_str(rest);
    out
}

/// Hides the value of every `password=` (and `sslpassword=`) parameter of `text`.
fn redact_password_parameters(text: &str) -> String {
    const KEY: &str = "password=";
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut searched = 0;
    while let Some(found) = lower[searched..].find(KEY) {
        let value_start = searched + found + KEY.len();
        let value = &text[value_start..];
        let value_len = match value.strip_prefix('\'') {
            // libpq's quoted value: up to the closing quote.
            Some(quoted) => quoted.find('\'').map_or(value.len(), |end| end + 2),
            None => value.find(|c: char| ends_word(c) || c == '&' || c == ')').unwrap_or(value.len()),
        };
        if value_len > 0 {
            out.push_str(&text[copied..value_start]);
            out.push_str(REDACTED);
            copied = value_start + value_len;
        }
        searched = value_start + value_len;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_are_hidden_wherever_they_appear() {
        let cases = [
            ("postgres://upskill:s3cret@db.internal/upskill", "postgres://upskill:***@db.internal/upskill"),
            (
                "cannot open the database at postgresql://u:p@ss/w@db:5432/x?sslmode=require: refused",
                "cannot open the database at postgresql://u:***@db:5432/x?sslmode=require: refused",
            ),
            (
                "smtp://mailer:hunter2@smtp.example.com:587?tls=required",
                "smtp://mailer:***@smtp.example.com:587?tls=required",
            ),
            (
                "postgres://db/upskill?user=u&password=s3cret&sslmode=require",
                "postgres://db/upskill?user=u&password=***&sslmode=require",
            ),
            ("host=db password='two words' dbname=upskill", "host=db password=*** dbname=upskill"),
            ("host=db PassWord=abc sslpassword=def", "host=db PassWord=*** sslpassword=***"),
            ("'postgres://a:b@h/d' and \"smtps://c:d@h\"", "'postgres://a:***@h/d' and \"smtps://c:***@h\""),
        ];
        for (text, expected) in cases {
            assert_eq!(redact(text), expected, "{text}");
        }
        let untouched = [
            "postgres://upskill@db.internal/upskill",
            "postgres:///upskill?host=/var/run/postgresql",
            "http://127.0.0.1:8080/applications/3",
            "fiona.associate@upskill.example applied: password= is empty",
            "upskill.db",
        ];
        for text in untouched {
            assert_eq!(redact(text), text);
        }
    }

    #[test]
    fn passwords_verify_only_against_their_own_hash() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("wrong horse", &hash));
        assert!(!verify_password("anything", "not a hash"));
        assert!(!verify_password("anything", DUMMY_PASSWORD_HASH));
    }

    #[test]
    fn signed_values_are_refused_when_tampered_with() {
        let signed = sign(b"secret", "token123");
        assert_eq!(verify_signed(b"secret", &signed), Some("token123"));
        assert_eq!(verify_signed(b"other", &signed), None);
        assert_eq!(verify_signed(b"secret", &signed.replace("token123", "token124")), None);
        assert_eq!(verify_signed(b"secret", "no-signature"), None);
    }

    #[test]
    fn installation_tags_are_stable_and_differ_by_secret_and_purpose() {
        let tag = installation_tag(b"secret", "calendar");
        assert_eq!(tag.len(), 16);
        assert_eq!(tag, installation_tag(b"secret", "calendar"));
        assert_ne!(tag, installation_tag(b"other", "calendar"));
        assert_ne!(tag, installation_tag(b"secret", "other"));
    }
}
