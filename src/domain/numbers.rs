//! Numbers as people read them: thousands separators, percentages and ordinals.

/// `1234567` → `1,234,567`; negative numbers keep their sign.
pub fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `1` → `1st`, `2` → `2nd`, `3` → `3rd`, `4` → `4th`, `11` → `11th`, `22` → `22nd`,
/// `1001` → `1,001st`: a place in line as people write it.
pub fn ordinal(n: i64) -> String {
    let suffix = match (n.unsigned_abs() % 10, n.unsigned_abs() % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{}{suffix}", grouped(n))
}

/// `part` of `whole` in tenths of a percent, rounded down (0 when `whole` is not positive).
pub fn percent_tenths(part: i64, whole: i64) -> i64 {
    if whole <= 0 || part <= 0 {
        return 0;
    }
    let tenths = i128::from(part) * 1000 / i128::from(whole);
    i64::try_from(tenths).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_in_line_read_as_ordinals() {
        let cases = [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (10, "10th"), (11, "11th"), (12, "12th")];
        for (n, words) in cases.into_iter().chain([(13, "13th"), (21, "21st"), (22, "22nd"), (23, "23rd")]) {
            assert_eq!(ordinal(n), words);
        }
        assert_eq!(ordinal(101), "101st");
        assert_eq!(ordinal(111), "111th");
        assert_eq!(ordinal(1_002), "1,002nd");
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(100_000), "100,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(-1_234), "-1,234");
        assert_eq!(grouped(i64::MIN), "-9,223,372,036,854,775,808");
    }

    #[test]
    fn percentages_round_down_to_a_tenth() {
        assert_eq!(percent_tenths(1, 3), 333);
        assert_eq!(percent_tenths(2, 3), 666);
        assert_eq!(percent_tenths(5, 0), 0);
        assert_eq!(percent_tenths(-5, 10), 0);
        assert_eq!(percent_tenths(i64::MAX, 1), i64::MAX);
    }
}
