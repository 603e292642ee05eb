//! Small cryptographic helpers (password hashing, random tokens, signatures and
//! constant-time comparison) and the security headers every response carries.

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
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

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
