//! What typed text may contain. A one-line value (a name, a job title, a program's name,
//! an intake's, a search) has no line breaks, no other control characters and no
//! invisible characters: it ends up in e-mail headers, in lists and in page titles, and
//! an invisible character makes a look-alike of someone else's name. A multi-line value
//! (a description, a motivation, a comment) may have line breaks and tabs, but no other
//! control character; its line endings are made one kind (`\n`) whatever the browser
//! sent, so that saving a text unchanged stores it unchanged.

use super::message::Message;

/// Why a text is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    /// A NUL character, which PostgreSQL can't store in text.
    Nul,
    /// A line break in a one-line value.
    LineBreak,
    /// A tab, an escape or another control character.
    Control,
    /// A character that shows nothing: a zero-width space, a text-direction override…
    Invisible,
}

impl TextProblem {
    /// The message for a field holding `what` ("name", "job title").
    pub fn message(self, what: &str) -> String {
        match self {
            TextProblem::Nul => format!("The {what} contains a NUL character, which can't be stored: remove it."),
            TextProblem::LineBreak => format!("The {what} must fit on one line: remove the line breaks."),
            TextProblem::Control => format!("The {what} can't contain tabs or other control characters."),
            TextProblem::Invisible => format!(
                "The {what} contains an invisible character (such as a zero-width space or a text-direction mark): \
                 type it again without it."
            ),
        }
    }
}

impl TextProblem {
    /// The refusal for a form's field, named by `what`: a catalog word ("term-name").
    pub fn said(self, what: &'static str) -> Message {
        let id = match self {
            TextProblem::Nul => "text-nul",
            TextProblem::LineBreak => "text-line-break",
            TextProblem::Control => "text-control",
            TextProblem::Invisible => "text-invisible",
        };
        Message::new(id).term("what", what)
    }
}

/// Characters that break a line.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Joiners: needed inside words of some scripts (Persian, the Indic scripts) and emoji.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}')
}

/// Whether `c` shows nothing and is not a space: zero-width characters, text-direction
/// marks, embeddings, overrides and isolates, fillers, tags. (The joiners are judged by
/// their neighbours: see [`check_line`].)
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180b}'..='\u{180f}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{feff}'
            | '\u{ffa0}'
            | '\u{fff9}'..='\u{fffb}'
            | '\u{1d173}'..='\u{1d17a}'
            | '\u{e0000}'..='\u{e007f}'
    )
}

/// Whether the joiner at `index` stands between two characters that are neither ASCII,
/// spaces nor invisible.
fn joins_a_word(chars: &[char], index: usize) -> bool {
    let joinable = |c: Option<&char>| c.is_some_and(|c| !c.is_ascii() && !c.is_whitespace() && !is_invisible(*c));
    index > 0 && joinable(chars.get(index - 1)) && joinable(chars.get(index + 1))
}

/// The first problem of a one-line value. A joiner (U+200C, U+200D) is accepted between
/// two characters that are neither ASCII nor spaces, where Persian, the Indic scripts and
/// emoji need it; elsewhere (in a Latin name, at an end) it only hides something.
pub fn check_line(text: &str) -> Result<(), TextProblem> {
    let chars: Vec<char> = text.chars().collect();
    let mut problem = None;
    for (index, &c) in chars.iter().enumerate() {
        let found = if c == '\0' {
            Some(TextProblem::Nul)
        } else if is_line_break(c) {
            Some(TextProblem::LineBreak)
        } else if c.is_control() {
            Some(TextProblem::Control)
        } else if is_joiner(c) {
            (!joins_a_word(&chars, index)).then_some(TextProblem::Invisible)
        } else if is_invisible(c) {
            Some(TextProblem::Invisible)
        } else {
            None
        };
        // A NUL byte is named first: it is the one a person can't see at all.
        match found {
            Some(TextProblem::Nul) => return Err(TextProblem::Nul),
            Some(found) if problem.is_none() => problem = Some(found),
            _ => {}
        }
    }
    problem.map_or(Ok(()), Err)
}

/// The first problem of a multi-line value: line breaks and tabs are fine, other control
/// characters are not.
pub fn check_multiline(text: &str) -> Result<(), TextProblem> {
    if text.contains('\0') {
        return Err(TextProblem::Nul);
    }
    match text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        true => Err(TextProblem::Control),
        false => Ok(()),
    }
}

/// `\r\n` and a lone `\r` become `\n`: browsers send textareas with CRLF line endings.
pub fn normalise_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A one-line value as it is kept: trimmed, or the message for the field holding `what`.
pub fn one_line(value: &str, what: &str) -> Result<String, String> {
    let value = value.trim();
    check_line(value).map_err(|problem| problem.message(what))?;
    Ok(value.to_owned())
}

/// A multi-line value as it is kept: one kind of line ending, trimmed; or the message
/// for the field holding `what`.
pub fn multi_line(value: &str, what: &str) -> Result<String, String> {
    let value = normalise_line_endings(value.trim());
    check_multiline(&value).map_err(|problem| problem.message(what))?;
    Ok(value)
}

/// [`one_line`] for a form: the refusal names the field by `what`, a catalog word.
pub fn form_line(value: &str, what: &'static str) -> Result<String, Message> {
    let value = value.trim();
    check_line(value).map_err(|problem| problem.said(what))?;
    Ok(value.to_owned())
}

/// [`multi_line`] for a form: the refusal names the field by `what`, a catalog word.
pub fn form_text(value: &str, what: &'static str) -> Result<String, Message> {
    let value = normalise_line_endings(value.trim());
    check_multiline(&value).map_err(|problem| problem.said(what))?;
    Ok(value)
}

/// The paragraphs of a text: parts separated by an empty line (or one of spaces only),
/// whatever its line endings.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let text = normalise_line_endings(text);
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n").trim().to_owned());
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n").trim().to_owned());
    }
    paragraphs
}

/// The most characters of a value that a message quotes.
const QUOTED_CHARS: usize = 60;

/// A value as a message quotes it: on one line, cut short with "…" when long (a message
/// never repeats a whole megabyte that was typed or uploaded).
pub fn shown_in_message(value: &str) -> String {
    let line: String = value.chars().map(|c| if c.is_control() || is_invisible(c) { '�' } else { c }).collect();
    match line.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// A name from elsewhere (the company's sign-on) made fit for one line: line breaks and
/// tabs become spaces, other control and invisible characters are dropped, runs of
/// spaces become one.
pub fn cleaned_line(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut kept = String::with_capacity(text.len());
    for (index, &c) in chars.iter().enumerate() {
        if is_line_break(c) || c == '\t' {
            kept.push(' ');
        } else if is_joiner(c) {
            if joins_a_word(&chars, index) {
                kept.push(c);
            }
        } else if !c.is_control() && !is_invisible(c) {
            kept.push(c);
        }
    }
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_values_refuse_breaks_controls_and_invisible_characters() {
        assert_eq!(check_line("Ada Lovelace"), Ok(()));
        assert_eq!(check_line("José Müller-Lüdenscheidt 王秀英 Ольга"), Ok(()));
        assert_eq!(check_line("Eve\nBcc: x@y.z"), Err(TextProblem::LineBreak));
        assert_eq!(check_line("Eve\r"), Err(TextProblem::LineBreak));
        assert_eq!(check_line("a\u{2028}b"), Err(TextProblem::LineBreak));
        assert_eq!(check_line("a\tb"), Err(TextProblem::Control));
        assert_eq!(check_line("a\u{1b}[31mb"), Err(TextProblem::Control));
        assert_eq!(check_line("a\u{7f}"), Err(TextProblem::Control));
        assert_eq!(check_line("tab\tthen nul\0"), Err(TextProblem::Nul), "NUL is named first");
        for invisible in ['\u{200b}', '\u{200e}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{feff}', '\u{ad}', '\u{2060}']
        {
            assert_eq!(check_line(&format!("Ada{invisible}Admin")), Err(TextProblem::Invisible), "{invisible:?}");
        }
    }

    #[test]
    fn joiners_are_kept_where_scripts_and_emoji_need_them() {
        // Persian: a zero-width non-joiner inside a word.
        assert_eq!(check_line("می\u{200c}خواهم"), Ok(()));
        // An emoji sequence: woman, joiner, laptop.
        assert_eq!(check_line("👩\u{200d}💻 Academy"), Ok(()));
        // In a Latin name, at an end, or next to a space, they only hide something.
        assert_eq!(check_line("Ada\u{200d}Admin"), Err(TextProblem::Invisible));
        assert_eq!(check_line("\u{200c}می"), Err(TextProblem::Invisible));
        assert_eq!(check_line("می \u{200c}خواهم"), Err(TextProblem::Invisible));
    }

    #[test]
    fn multi_line_values_keep_breaks_and_tabs_only() {
        assert_eq!(check_multiline("One.\n\nTwo,\tthree.\r\n"), Ok(()));
        assert_eq!(check_multiline("bell\u{7}"), Err(TextProblem::Control));
        assert_eq!(check_multiline("nul\0"), Err(TextProblem::Nul));
        // Direction marks are part of mixed-direction prose.
        assert_eq!(check_multiline("שלום \u{200f}world"), Ok(()));
    }

    #[test]
    fn line_endings_become_one_kind() {
        assert_eq!(normalise_line_endings("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(multi_line("  One.\r\n\r\nTwo.\r\n ", "description"), Ok("One.\n\nTwo.".to_owned()));
        assert_eq!(one_line("  Spring cohort ", "name"), Ok("Spring cohort".to_owned()));
        let message = one_line("Spring\ncohort", "name").unwrap_err();
        assert_eq!(message, "The name must fit on one line: remove the line breaks.");
    }

    #[test]
    fn paragraphs_are_split_at_empty_lines_whatever_the_line_endings() {
        let expected = vec!["One,\nstill one.".to_owned(), "Two.".to_owned()];
        assert_eq!(paragraphs("One,\nstill one.\n\nTwo."), expected);
        assert_eq!(paragraphs("One,\r\nstill one.\r\n\r\nTwo.\r\n"), expected);
        assert_eq!(paragraphs("\n\nOne,\nstill one.\n  \n\n\nTwo.\n\n"), expected);
        assert!(paragraphs(" \n ").is_empty());
    }

    #[test]
    fn messages_quote_values_short_and_on_one_line() {
        assert_eq!(shown_in_message("fine"), "fine");
        assert_eq!(shown_in_message("a\nb\u{200b}"), "a�b�");
        let long = "x".repeat(1_000_000);
        assert_eq!(shown_in_message(&long).chars().count(), QUOTED_CHARS + 1);
    }

    #[test]
    fn names_from_elsewhere_are_cleaned_to_one_line() {
        assert_eq!(cleaned_line("  Nina\u{200b} \n New\tcomer\u{202e} "), "Nina New comer");
        assert_eq!(cleaned_line("Ada\u{0}Admin"), "AdaAdmin");
        assert_eq!(cleaned_line("می\u{200c}خواهم"), "می\u{200c}خواهم");
        assert_eq!(cleaned_line("Ada\u{200d}Admin"), "AdaAdmin");
    }
}
