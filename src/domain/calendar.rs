//! iCalendar documents (RFC 5545) of confirmed places: one all-day event on the day an
//! intake starts. Only the text is built here: TEXT values escaped, content lines folded
//! at 75 octets without splitting a UTF-8 character, every line ended by CRLF.

use chrono::{Days, NaiveDate, NaiveDateTime};

use super::ApplicationStatus;

/// Whether an application in `status` has a place in its intake worth a calendar event:
/// every status that holds a seat (approved, evidence sent or returned, completed or
/// not): keeping a past start in a feed stops calendar apps from deleting it once the
/// place moves on after its start.
pub fn offers_calendar(status: ApplicationStatus) -> bool {
    ApplicationStatus::SEAT_HOLDING.contains(&status)
}

/// One all-day event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllDayEvent {
    /// The same for every document that holds this event, so that calendar apps update
    /// the event they have instead of adding another.
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
    /// An absolute link to the event's page.
    pub url: String,
}

/// A whole calendar: a download of one event, or a subscribed feed.
#[derive(Debug, Clone)]
pub struct Calendar<'a> {
    /// The calendar's name as subscribing apps show it (feeds only).
    pub name: Option<&'a str>,
    /// How often subscribers should fetch it again, in hours (feeds only).
    pub refresh_hours: Option<u32>,
    pub events: &'a [AllDayEvent],
    /// When the document was made (each event's DTSTAMP), in UTC.
    pub stamp: NaiveDateTime,
}

/// The `PRODID` of every document.
const PRODUCT_ID: &str = "-//Upskill//Upskill calendar//EN";

/// The longest content line, in octets, not counting its CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;

impl Calendar<'_> {
    /// The document, as `text/calendar` serves it.
    pub fn to_ics(&self) -> String {
        let mut lines: Vec<String> = vec![
            "BEGIN:VCALENDAR".into(),
            "VERSION:2.0".into(),
            format!("PRODID:{PRODUCT_ID}"),
            "CALSCALE:GREGORIAN".into(),
            "METHOD:PUBLISH".into(),
        ];
        if let Some(name) = self.name {
            lines.push(format!("NAME:{}", escape_text(name)));
            lines.push(format!("X-WR-CALNAME:{}", escape_text(name)));
        }
        if let Some(hours) = self.refresh_hours {
            lines.push(format!("REFRESH-INTERVAL;VALUE=DURATION:PT{hours}H"));
            lines.push(format!("X-PUBLISHED-TTL:PT{hours}H"));
        }
        let stamp = self.stamp.format("%Y%m%dT%H%M%SZ").to_string();
        for event in self.events {
            // An all-day event ends (exclusively) on the next day.
            let end = event.date.checked_add_days(Days::new(1)).unwrap_or(event.date);
            lines.extend([
                "BEGIN:VEVENT".into(),
                format!("UID:{}", escape_text(&event.uid)),
                format!("DTSTAMP:{stamp}"),
                format!("DTSTART;VALUE=DATE:{}", event.date.format("%Y%m%d")),
                format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")),
                format!("SUMMARY:{}", escape_text(&event.summary)),
                format!("DESCRIPTION:{}", escape_text(&event.description)),
                format!("URL:{}", uri_value(&event.url)),
                "END:VEVENT".into(),
            ]);
        }
        lines.push("END:VCALENDAR".into());
        lines.iter().map(|line| fold(line)).collect()
    }
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped with a
/// backslash, each line break (LF, CRLF or CR) written `\n`, and the other control
/// characters, which TEXT may not hold, left out (a tab stays).
pub fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' => escaped.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                escaped.push_str("\\n");
            }
            '\t' => escaped.push(c),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// A URI value: written as it is, without the control characters a content line cannot hold.
fn uri_value(uri: &str) -> String {
    uri.chars().filter(|c| !c.is_control()).collect()
}

/// One content line, folded (RFC 5545 §3.1): a line longer than 75 octets goes on in
/// continuation lines that start with a space, each at most 75 octets with that space,
/// split between characters, never inside one. Ends with CRLF.
pub fn fold(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + line.len() / MAX_LINE_OCTETS * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > MAX_LINE_OCTETS {
            folded.push_str("\r\n ");
            width = 1;
        }
        folded.push(c);
        width += c.len_utf8();
    }
    folded.push_str("\r\n");
    folded
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What a reader does before it reads properties: joins continuation lines.
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    /// What a reader does with a TEXT value.
    fn unescape(text: &str) -> String {
        let mut plain = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n' | 'N') => plain.push('\n'),
                    Some(other) => plain.push(other),
                    None => {}
                }
            } else {
                plain.push(c);
            }
        }
        plain
    }

    fn event(summary: &str) -> AllDayEvent {
        AllDayEvent {
            uid: "application-7.0123456789abcdef@upskill".into(),
            date: NaiveDate::from_ymd_opt(2027, 2, 28).unwrap(),
            summary: summary.into(),
            description: "Your place is confirmed.\nYour application: https://upskill.example/applications/7".into(),
            url: "https://upskill.example/applications/7".into(),
        }
    }

    fn stamp() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap().and_hms_opt(14, 5, 9).unwrap()
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_line_breaks() {
        assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(escape_text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape_text(r"\n is not a line break"), r"\\n is not a line break");
        assert_eq!(escape_text("Ünïcode: 日本語 🎓"), "Ünïcode: 日本語 🎓");
        assert_eq!(escape_text("tab\there, bell\u{7} and null\u{0} gone"), "tab\there\\, bell and null gone");
    }

    #[test]
    fn a_line_of_75_octets_stays_whole_and_a_longer_one_folds() {
        let exact = "X".repeat(75);
        assert_eq!(fold(&exact), format!("{exact}\r\n"));
        let longer = "X".repeat(76);
        assert_eq!(fold(&longer), format!("{}\r\n X\r\n", "X".repeat(75)));
        // Continuation lines hold 74 octets after their space.
        let much_longer = "Y".repeat(75 + 74 + 1);
        assert_eq!(fold(&much_longer), format!("{}\r\n {}\r\n Y\r\n", "Y".repeat(75), "Y".repeat(74)));
    }

    #[test]
    fn folding_never_splits_a_character() {
        // 74 octets, then a 3-octet character: it would end at octet 77, so it moves on.
        let line = format!("{}語", "a".repeat(74));
        assert_eq!(fold(&line), format!("{}\r\n 語\r\n", "a".repeat(74)));
        let emoji = "🎓".repeat(40);
        let folded = fold(&emoji);
        for physical in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{} octets: {physical:?}", physical.len());
        }
        assert_eq!(folded.split("\r\n").next().unwrap().len(), 72, "18 four-octet characters fit on the first line");
        assert_eq!(unfold(&folded), format!("{emoji}\r\n"));
    }

    #[test]
    fn a_download_holds_one_all_day_event_with_crlf_line_endings() {
        let events = [event("Amazon Apprenticeship: February 2027 cohort")];
        let ics = Calendar { name: None, refresh_hours: None, events: &events, stamp: stamp() }.to_ics();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Upskill//Upskill calendar//EN\r\n"));
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count(), "no bare line feed");
        let lines: Vec<&str> = ics.lines().map(|l| l.trim_end_matches('\r')).collect();
        for expected in [
            "UID:application-7.0123456789abcdef@upskill",
            "DTSTAMP:20261126T140509Z",
            "DTSTART;VALUE=DATE:20270228",
            "DTEND;VALUE=DATE:20270301",
            "SUMMARY:Amazon Apprenticeship: February 2027 cohort",
            "URL:https://upskill.example/applications/7",
        ] {
            assert!(lines.contains(&expected), "{expected} missing from\n{ics}");
        }
        assert!(!ics.contains("X-WR-CALNAME"), "a download names no calendar");
        let description = unfold(&ics).lines().find_map(|l| l.strip_prefix("DESCRIPTION:")).unwrap().to_owned();
        assert_eq!(
            unescape(description.trim_end_matches('\r')),
            "Your place is confirmed.\nYour application: https://upskill.example/applications/7"
        );
    }

    #[test]
    fn a_feed_has_a_name_a_refresh_interval_and_may_be_empty() {
        let ics =
            Calendar { name: Some("Upskill, places"), refresh_hours: Some(6), events: &[], stamp: stamp() }.to_ics();
        assert!(ics.contains("\r\nX-WR-CALNAME:Upskill\\, places\r\n"));
        assert!(ics.contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n"));
        assert!(!ics.contains("BEGIN:VEVENT"));
        assert!(ics.ends_with("METHOD:PUBLISH\r\nNAME:Upskill\\, places\r\nX-WR-CALNAME:Upskill\\, places\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\nX-PUBLISHED-TTL:PT6H\r\nEND:VCALENDAR\r\n"));
    }

    #[test]
    fn only_places_holding_a_seat_go_in_a_calendar() {
        let offered: Vec<&str> = ApplicationStatus::ALL
            .iter()
            .copied()
            .filter(|s| offers_calendar(*s))
            .map(ApplicationStatus::as_str)
            .collect();
        assert_eq!(offered, ["approved", "completed", "completion_submitted", "completion_returned", "not_completed"]);
    }

    proptest! {
        #[test]
        fn any_summary_survives_escaping_and_folding(summary in "\\PC{0,200}", noise in "[\\\\;,\n\r\t]{0,5}") {
            let summary = format!("{summary}{noise}");
            let events = [event(&summary)];
            let ics = Calendar { name: None, refresh_hours: None, events: &events, stamp: stamp() }.to_ics();
            for physical in ics.split("\r\n") {
                prop_assert!(physical.len() <= MAX_LINE_OCTETS);
                prop_assert!(!physical.contains(['\r', '\n']));
            }
            let unfolded = unfold(&ics);
            let value = unfolded.split("\r\n").find_map(|l| l.strip_prefix("SUMMARY:")).unwrap();
            let expected = summary.replace("\r\n", "\n").replace('\r', "\n");
            let expected: String = expected.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
            prop_assert_eq!(unescape(value), expected);
        }
    }
}
