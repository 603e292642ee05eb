//! Money as integer cents: parsing what people type and showing it back.

use std::fmt;

/// An amount of money in US cents. Never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Cents(pub i64);

/// Why a typed amount was refused, in words for the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    NotANumber,
    TooManyDecimals,
    Negative,
    TooLarge,
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MoneyError::Empty => "Enter an amount in dollars, for example 1234.50.",
            MoneyError::NotANumber => "Enter the amount as a number of dollars, for example 1234.50.",
            MoneyError::TooManyDecimals => "Use at most two digits for cents, for example 1234.50.",
            MoneyError::Negative => "The amount must be more than zero.",
            MoneyError::TooLarge => "The amount is too large.",
        })
    }
}

impl std::error::Error for MoneyError {}

/// The largest amount accepted from a form: $10,000,000.
const MAX_CENTS: i64 = 1_000_000_000;

impl Cents {
    /// Parses dollars as people write them: `1234.5`, `1234.50`, `$1,234.50`; at most
    /// $10,000,000 (the most any form of the application asks for, bar the pledge's budget).
    pub fn parse_dollars(text: &str) -> Result<Cents, MoneyError> {
        Cents::parse_dollars_at_most(text, Cents(MAX_CENTS))
    }

    /// Like `parse_dollars`, with `max` as the largest accepted amount.
    pub fn parse_dollars_at_most(text: &str, max: Cents) -> Result<Cents, MoneyError> {
        let trimmed = text.trim();
        let trimmed = trimmed.strip_prefix('$').unwrap_or(trimmed).trim();
        if trimmed.is_empty() {
            return Err(MoneyError::Empty);
        }
        if trimmed.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        // A comma before the last one or two digits is a decimal comma ("1234,50",
        // "1.234,50": the dots group); any other comma groups thousands ("1,234.50").
        let decimal_comma = trimmed
            .rsplit_once(',')
            .filter(|(_, after)| (1..=2).contains(&after.len()) && after.chars().all(|c| c.is_ascii_digit()));
        let cleaned: String = match decimal_comma {
            Some((whole, fraction)) => {
                let whole: String = whole.chars().filter(|c| !matches!(c, ',' | '.')).collect();
                format!("{whole}.{fraction}")
            }
            None => trimmed.chars().filter(|c| *c != ',').collect(),
        };
        let (whole, fraction) = match cleaned.split_once('.') {
            Some((whole, fraction)) => (whole, fraction),
            None => (cleaned.as_str(), ""),
        };
        let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
            return Err(MoneyError::NotANumber);
        }
        if fraction.len() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        // Fifteen digits of dollars still fit an i64 of cents many times over.
        if whole.trim_start_matches('0').len() > 15 {
            return Err(MoneyError::TooLarge);
        }
        let dollars: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| MoneyError::NotANumber)? };
        let cents: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().map_err(|_| MoneyError::NotANumber)? * 10,
            _ => fraction.parse().map_err(|_| MoneyError::NotANumber)?,
        };
        let total = dollars * 100 + cents;
        if total == 0 {
            return Err(MoneyError::Negative);
        }
        if total > max.0 {
            return Err(MoneyError::TooLarge);
        }
        Ok(Cents(total))
    }

    /// The plain form value, `1234.50`, that `parse_dollars` reads back.
    pub fn to_plain(self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }

    /// `percent` of this amount, rounded down to the cent.
    pub fn percent(self, percent: i32) -> Cents {
        Cents(self.0 * i64::from(percent) / 100)
    }

    /// This amount less `other`, never below zero.
    pub fn saturating_sub(self, other: Cents) -> Cents {
        Cents((self.0 - other.0).max(0))
    }
}

impl fmt::Display for Cents {
    /// `$1,234.50`, or `$5,250` for whole dollars.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let grouped = super::numbers::grouped(i64::try_from(abs / 100).unwrap_or(i64::MAX));
        match abs % 100 {
            0 => write!(f, "{sign}${grouped}"),
            cents => write!(f, "{sign}${grouped}.{cents:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_parse_as_people_write_them() {
        assert_eq!(Cents::parse_dollars("1234.50"), Ok(Cents(123_450)));
        assert_eq!(Cents::parse_dollars("1234.5"), Ok(Cents(123_450)));
        assert_eq!(Cents::parse_dollars(" $1,234 "), Ok(Cents(123_400)));
        assert_eq!(Cents::parse_dollars(".99"), Ok(Cents(99)));
        assert_eq!(Cents::parse_dollars("1234,50"), Ok(Cents(123_450)), "a decimal comma");
        assert_eq!(Cents::parse_dollars("1.234,5"), Ok(Cents(123_450)), "dots grouping, a decimal comma");
        assert_eq!(Cents::parse_dollars("1,234"), Ok(Cents(123_400)), "a comma grouping thousands");
        assert_eq!(Cents::parse_dollars("1,234,567.89"), Ok(Cents(123_456_789)));
    }

    #[test]
    fn bad_amounts_are_refused_with_a_reason() {
        assert_eq!(Cents::parse_dollars(""), Err(MoneyError::Empty));
        assert_eq!(Cents::parse_dollars("12a"), Err(MoneyError::NotANumber));
        assert_eq!(Cents::parse_dollars("."), Err(MoneyError::NotANumber));
        assert_eq!(Cents::parse_dollars("1.234"), Err(MoneyError::TooManyDecimals));
        assert_eq!(Cents::parse_dollars("-5"), Err(MoneyError::Negative));
        assert_eq!(Cents::parse_dollars("0.00"), Err(MoneyError::Negative));
        assert_eq!(Cents::parse_dollars("99999999999"), Err(MoneyError::TooLarge));
        assert_eq!(Cents::parse_dollars("1e5"), Err(MoneyError::NotANumber));
    }

    #[test]
    fn larger_amounts_parse_up_to_the_given_bound() {
        let max = Cents(10_000_000_000_000);
        assert_eq!(Cents::parse_dollars_at_most("700,000,000", max), Ok(Cents(70_000_000_000)));
        assert_eq!(Cents::parse_dollars_at_most("100000000000", max), Ok(max));
        assert_eq!(Cents::parse_dollars_at_most("100000000000.01", max), Err(MoneyError::TooLarge));
        assert_eq!(Cents::parse_dollars_at_most("9999999999999999999999", max), Err(MoneyError::TooLarge));
        assert_eq!(Cents::parse_dollars_at_most("0000000000000000000001", max), Ok(Cents(100)));
        assert_eq!(Cents::parse_dollars("10000000"), Ok(Cents(MAX_CENTS)));
        assert_eq!(Cents::parse_dollars("10000000.01"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn amounts_display_with_thousands_separators() {
        assert_eq!(Cents(525_000).to_string(), "$5,250");
        assert_eq!(Cents(123_450).to_string(), "$1,234.50");
        assert_eq!(Cents(5).to_string(), "$0.05");
        assert_eq!(Cents(100_000_000).to_string(), "$1,000,000");
        assert_eq!(Cents(123_450).to_plain(), "1234.50");
        assert_eq!(Cents(-123_450).to_string(), "-$1,234.50");
        assert_eq!(Cents(70_000_000_000).to_string(), "$700,000,000");
    }

    #[test]
    fn percent_rounds_down_to_the_cent() {
        assert_eq!(Cents(10_001).percent(50), Cents(5_000));
        assert_eq!(Cents(10_000).percent(100), Cents(10_000));
    }
}
