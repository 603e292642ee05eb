//! What makes a password acceptable (OWASP ASVS 2.1.1, 2.1.2, 2.1.7, 2.1.9): at least 12
//! characters and at most 128, any characters at all (no rules about digits or capitals,
//! which only make people write passwords down), and not one that guessers try first.
//!
//! "Tried first" is a list of about 49,000 passwords most often found in breaches,
//! vendored in `passwords/common.txt` from the npm package `@zxcvbn-ts/language-common`
//! 4.1.3 (its `passwords.json`, lowercased, MIT licence: `passwords/COMMON-LICENSE.txt`).
//! A password is refused when it is on the list, or is a word of the list with only
//! digits and symbols added around it ("sunshine2024!"), or one character repeated.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::message::Message;

/// The fewest characters a password may have.
pub const MIN_CHARACTERS: usize = 12;
/// The most characters a password may have (hashing is slow on purpose).
pub const MAX_CHARACTERS: usize = 128;

static COMMON: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("passwords/common.txt").lines().filter(|line| !line.is_empty()).collect());

/// Why a new password is refused, as the form says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    Missing,
    TooShort,
    TooLong,
    Common,
    CommonWithAdditions,
    OneCharacter,
    SameAsEmail,
}

impl PasswordProblem {
    /// The refusal for the form's password field, in the reader's language.
    pub fn said(self) -> Message {
        match self {
            PasswordProblem::Missing => Message::new("password-error-missing"),
            PasswordProblem::TooShort => Message::new("password-error-too-short").number("min", MIN_CHARACTERS),
            PasswordProblem::TooLong => Message::new("password-error-too-long").number("max", MAX_CHARACTERS),
            PasswordProblem::Common => Message::new("password-error-common"),
            PasswordProblem::CommonWithAdditions => Message::new("password-error-common-with-additions"),
            PasswordProblem::OneCharacter => Message::new("password-error-one-character"),
            PasswordProblem::SameAsEmail => Message::new("password-error-same-as-email"),
        }
    }

    /// The same in English, for the command line.
    pub fn message(self) -> String {
        match self {
            PasswordProblem::Missing => "Enter a new password.".to_owned(),
            PasswordProblem::TooShort => format!(
                "Use at least {MIN_CHARACTERS} characters. A few words you will remember, with spaces, make a good one."
            ),
            PasswordProblem::TooLong => format!("Use at most {MAX_CHARACTERS} characters."),
            PasswordProblem::Common => {
                "This is one of the most common passwords, which are guessed first. Choose another.".to_owned()
            }
            PasswordProblem::CommonWithAdditions => {
                "This is a common password with digits or symbols added, which are guessed early. Choose another."
                    .to_owned()
            }
            PasswordProblem::OneCharacter => "Use more than one character over and over.".to_owned(),
            PasswordProblem::SameAsEmail => "Choose a password that is not your e-mail address.".to_owned(),
        }
    }
}

/// Checks a new password for the person with `email`.
pub fn check_new_password(password: &str, email: &str) -> Result<(), PasswordProblem> {
    let characters = password.chars().count();
    if characters == 0 {
        return Err(PasswordProblem::Missing);
    }
    if characters < MIN_CHARACTERS {
        return Err(PasswordProblem::TooShort);
    }
    if characters > MAX_CHARACTERS {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.to_lowercase();
    let mut chars = lower.chars();
    if let Some(first) = chars.next() {
        if chars.all(|c| c == first) {
            return Err(PasswordProblem::OneCharacter);
        }
    }
    let email = email.trim().to_lowercase();
    let local_part = email.split('@').next().unwrap_or_default();
    if lower == email || (!local_part.is_empty() && lower == local_part) {
        return Err(PasswordProblem::SameAsEmail);
    }
    if COMMON.contains(lower.as_str()) {
        return Err(PasswordProblem::Common);
    }
    let core = lower.trim_matches(|c: char| !c.is_alphabetic());
    if core.chars().count() >= 4 && core != lower && COMMON.contains(core) {
        return Err(PasswordProblem::CommonWithAdditions);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMAIL: &str = "fiona.associate@upskill.example";

    #[test]
    fn long_passwords_of_any_characters_are_taken() {
        for password in
            ["correct horse battery staple", "wörter und zahlen", "日本語のパスワードです長い", "a1!b2@c3#d4$"]
        {
            assert_eq!(check_new_password(password, EMAIL), Ok(()), "{password}");
        }
    }

    #[test]
    fn length_is_counted_in_characters_between_twelve_and_128() {
        assert_eq!(check_new_password("", EMAIL), Err(PasswordProblem::Missing));
        assert_eq!(check_new_password("elevenchars", EMAIL), Err(PasswordProblem::TooShort));
        assert_eq!(check_new_password("twelve chars", EMAIL), Ok(()));
        assert_eq!(check_new_password("ééééééééééé", EMAIL), Err(PasswordProblem::TooShort));
        assert_eq!(check_new_password(&"xy".repeat(64), EMAIL), Ok(()));
        assert_eq!(check_new_password(&"xy".repeat(64).replacen('x', "zz", 1), EMAIL), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn common_passwords_and_common_words_with_digits_added_are_refused() {
        assert_eq!(check_new_password("qwertyuiop123", EMAIL), Err(PasswordProblem::Common));
        assert_eq!(check_new_password("1qaz2wsx3edc", EMAIL), Err(PasswordProblem::Common));
        assert_eq!(check_new_password("QAZWSXEDCRFV", EMAIL), Err(PasswordProblem::Common));
        assert_eq!(check_new_password("sunshine2024!", EMAIL), Err(PasswordProblem::CommonWithAdditions));
        assert_eq!(check_new_password("!!password!!", EMAIL), Err(PasswordProblem::CommonWithAdditions));
        assert_eq!(check_new_password("aaaaaaaaaaaaaa", EMAIL), Err(PasswordProblem::OneCharacter));
    }

    #[test]
    fn the_e_mail_address_is_no_password() {
        assert_eq!(check_new_password("Fiona.Associate@upskill.example", EMAIL), Err(PasswordProblem::SameAsEmail));
        assert_eq!(check_new_password("fiona.associate", EMAIL), Err(PasswordProblem::SameAsEmail));
    }

    #[test]
    fn the_vendored_list_is_read() {
        assert!(COMMON.len() > 40_000);
        assert!(COMMON.contains("password"));
    }
}
