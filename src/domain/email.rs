//! Work e-mail addresses, compared and stored in lower case.

use std::fmt;

use super::text::{is_invisible, shown_in_message};

/// A syntactically plausible, lower-cased e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// Accepts `local@domain.tld` (trimmed, lower-cased, at most 254 characters), without
    /// spaces, control or invisible characters (which would make a look-alike of someone
    /// else's address).
    pub fn parse(text: &str) -> Result<Email, String> {
        let email = text.trim().to_lowercase();
        if email.is_empty() {
            return Err("Enter an e-mail address.".to_owned());
        }
        if email.chars().any(is_invisible) {
            return Err("The e-mail address contains an invisible character (such as a zero-width space or a \
                        text-direction mark): type it again without it."
                .to_owned());
        }
        let valid = email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && match email.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }
                None => false,
            };
        if valid {
            Ok(Email(email))
        } else {
            Err(format!("\"{}\" is not an e-mail address.", shown_in_message(text.trim())))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::Email;

    #[test]
    fn addresses_are_trimmed_and_lower_cased() {
        assert_eq!(Email::parse("  Ada.Admin@Upskill.Example ").unwrap().as_str(), "ada.admin@upskill.example");
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for bad in ["", "ada", "ada@", "@upskill.example", "ada@localhost", "a b@x.io", "a@b@c.io", "ada@.io"] {
            assert!(Email::parse(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn look_alike_addresses_with_invisible_characters_are_refused() {
        for bad in [
            "ada\u{200b}.admin@upskill.example",
            "ada.admin@upskill\u{200d}.example",
            "\u{202e}ada@x.io",
            "a\u{feff}@x.io",
        ] {
            let message = Email::parse(bad).unwrap_err();
            assert!(message.contains("invisible character"), "{bad:?}: {message}");
        }
        assert!(Email::parse("ada\u{0}@x.io").is_err());
    }
}
