//! Writing CSV that a spreadsheet opens safely: quoting per RFC 4180, and cells that
//! would start a formula neutralised.

/// Whether a spreadsheet would read `value` as a formula: it starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return.
fn starts_a_formula(value: &str) -> bool {
    matches!(value.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r'))
}

/// The text with a `'` in front when a spreadsheet would read it as a formula (for JSON
/// exports, whose strings end up in spreadsheets as well).
pub fn formula_safe(value: &str) -> std::borrow::Cow<'_, str> {
    if starts_a_formula(value) {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// Appends one cell: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` in
/// front (so no spreadsheet evaluates it), and the cell is quoted when it holds a comma,
/// a quote or a line break.
pub fn push_cell(out: &mut String, value: &str) {
    let formula = starts_a_formula(value);
    let quoted = value.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    if quoted {
        for (i, part) in value.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(part);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// One CSV line of cells, ending in CRLF.
pub fn line<S: AsRef<str>>(cells: &[S]) -> String {
    let mut out = String::new();
    for (i, value) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(&mut out, value.as_ref());
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One cell, as `push_cell` writes it.
    fn cell(value: &str) -> String {
        let mut out = String::new();
        push_cell(&mut out, value);
        out
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell("plain é 学"), "plain é 学");
        assert_eq!(line(&["a", "b,c"]), "a,\"b,c\"\r\n");
        assert_eq!(cell("\"=1\""), "\"\"\"=1\"\"\"");
        assert_eq!(cell("=a,\"b\""), "\"'=a,\"\"b\"\"\"");
        assert_eq!(cell("\rx"), "\"'\rx\"");
    }
}
