//! Counts, articles and dates as people read them: "1 program", "2 programs", "an
//! employment type", "3 February 2027". Every sentence that puts a number before a noun,
//! "a" before a word it does not know, or a day in words, goes through here.

use chrono::NaiveDate;

use super::numbers::grouped;

/// A day in words: `3 February 2027`.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// `n` and the noun in its singular or plural: `count(1, "seat", "seats")` is "1 seat",
/// `count(1200, "seat", "seats")` "1,200 seats" (zero takes the plural: "0 seats").
pub fn count(n: i64, singular: &str, plural: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { singular } else { plural })
}

/// The same for a length or a count held in a `usize`.
pub fn count_of(n: usize, singular: &str, plural: &str) -> String {
    count(i64::try_from(n).unwrap_or(i64::MAX), singular, plural)
}

/// The noun phrase with its indefinite article: "a job family", "an employment type".
/// The article follows the first letter, with the common exceptions of English spelling
/// ("a university", "a one-off", "an hour").
pub fn a(phrase: &str) -> String {
    let lower = phrase.trim_start().to_lowercase();
    let sounds_like_a_vowel = match lower.chars().next() {
        Some('a' | 'e' | 'i' | 'o') => !lower.starts_with("one") && !lower.starts_with("once"),
        Some('u') => !["uni", "use", "usu", "uti", "ura", "ure", "uro"].iter().any(|p| lower.starts_with(p)),
        Some('h') => ["hour", "honest", "honor", "honour", "heir"].iter().any(|p| lower.starts_with(p)),
        _ => false,
    };
    format!("{} {phrase}", if sounds_like_a_vowel { "an" } else { "a" })
}

/// Items joined as a sentence lists them: "a", "a and b", "a, b and c".
pub fn and_list(items: &[&str]) -> String {
    joined(items, "and")
}

/// The same with "or": "a, b or c".
pub fn or_list(items: &[&str]) -> String {
    joined(items, "or")
}

fn joined(items: &[&str], word: &str) -> String {
    match items {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_a_sentence() {
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["Technical"]), "Technical");
        assert_eq!(and_list(&["Technical", "Corporate"]), "Technical and Corporate");
        assert_eq!(or_list(&["a", "b", "c"]), "a, b or c");
    }

    #[test]
    fn counts_take_the_singular_for_one_only() {
        assert_eq!(count(0, "program", "programs"), "0 programs");
        assert_eq!(count(1, "program", "programs"), "1 program");
        assert_eq!(count(2, "program", "programs"), "2 programs");
        assert_eq!(count(12_345, "person", "people"), "12,345 people");
        assert_eq!(count_of(1, "seat", "seats"), "1 seat");
        assert_eq!(count_of(3, "seat", "seats"), "3 seats");
    }

    #[test]
    fn the_article_follows_the_sound() {
        assert_eq!(a("job family"), "a job family");
        assert_eq!(a("employment type"), "an employment type");
        assert_eq!(a("site type"), "a site type");
        assert_eq!(a("e-mail address"), "an e-mail address");
        assert_eq!(a("Intake"), "an Intake");
        assert_eq!(a("online course"), "an online course");
        assert_eq!(a("university"), "a university");
        assert_eq!(a("one-off course"), "a one-off course");
        assert_eq!(a("hour"), "an hour");
        assert_eq!(a("hub"), "a hub");
        assert_eq!(a("unknown value"), "an unknown value");
    }
}
