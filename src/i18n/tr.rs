//! [`Tr`], the words of one language: what pages, e-mail and handlers read messages,
//! dates, numbers and money through (see the module above for the catalogs it reads).

use std::fmt::Display;

use chrono::{NaiveDate, NaiveDateTime};
use fluent_bundle::{FluentArgs, FluentValue};

use super::{catalogs, format_message, formats, Locale};
use crate::domain::enums::StoredName;
use crate::domain::forms::FieldErrors;
use crate::domain::message::{Arg, Message};
use crate::domain::money::Cents;
use crate::domain::time_zone::{abbreviation, local_time, Tz};

/// A number a message counts (`$count`): what templates hand over, by value or by
/// reference.
pub trait Count {
    fn as_count(&self) -> i64;
}

impl Count for i64 {
    fn as_count(&self) -> i64 {
        *self
    }
}

impl Count for i32 {
    fn as_count(&self) -> i64 {
        i64::from(*self)
    }
}

impl Count for usize {
    fn as_count(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl<T: Count> Count for &T {
    fn as_count(&self) -> i64 {
        (*self).as_count()
    }
}

/// The longest label id [`Tr::label`] looks up.
pub(super) const LABEL_ID_MAX: usize = 96;

/// The message id of a vocabulary's value, written into `buffer`:
/// `<vocabulary>-<stored name>` with `-` for `_` and `.` (`None` past [`LABEL_ID_MAX`]).
pub(super) fn label_id<'b>(buffer: &'b mut [u8; LABEL_ID_MAX], vocabulary: &str, stored: &str) -> Option<&'b str> {
    let slot = buffer.get_mut(..vocabulary.len() + 1 + stored.len())?;
    let (head, tail) = slot.split_at_mut(vocabulary.len());
    head.copy_from_slice(vocabulary.as_bytes());
    tail[0] = b'-';
    for (to, from) in tail[1..].iter_mut().zip(stored.bytes()) {
        *to = if matches!(from, b'_' | b'.') { b'-' } else { from };
    }
    std::str::from_utf8(slot).ok()
}

/// The words of one language, for a page or a message: `Copy`, so every template and
/// e-mail carries it as it carries its other fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tr(pub Locale);

impl Tr {
    pub fn locale(&self) -> Locale {
        self.0
    }

    /// The `lang` attribute of the page.
    pub fn lang(&self) -> &'static str {
        self.0.tag()
    }

    /// A message without variables (its id when it does not exist: the catalog test
    /// finds every id the templates use, so this shows only in a broken build).
    pub fn m<'a>(&self, id: &'a str) -> &'a str {
        match catalogs().messages(self.0).and_then(|m| m.plain.get(id)) {
            Some(text) => text.as_str(),
            None => id,
        }
    }

    /// The name of a vocabulary's value: `t.label("program-kind", "self_paced")` is the
    /// message `program-kind-self-paced` (`_` and `.` in a stored name become `-`).
    pub fn label(&self, vocabulary: &str, stored: &str) -> &'static str {
        // The id is put together on the stack: a catalog page names two dozen values.
        let mut buffer = [0u8; LABEL_ID_MAX];
        let Some(id) = label_id(&mut buffer, vocabulary, stored) else { return "" };
        catalogs().messages(self.0).and_then(|m| m.plain.get(id)).map_or("", String::as_str)
    }

    /// The name of a value of the data model in this language ([`StoredName::VOCABULARY`]).
    pub fn name<E: StoredName>(&self, value: E) -> &'static str {
        self.label(E::VOCABULARY, value.stored_name())
    }

    /// A message with `$count`, through the language's plural rules.
    pub fn count(&self, id: &str, count: impl Count) -> String {
        let count = count.as_count();
        self.format(format!("{id}\u{1f}{count}"), id, || {
            let mut args = FluentArgs::new();
            args.set("count", FluentValue::from(count));
            args
        })
    }

    /// A message with one variable.
    pub fn with(&self, id: &str, name: &'static str, value: impl Display) -> String {
        let value = value.to_string();
        self.format(format!("{id}\u{1f}{name}\u{1f}{value}"), id, || {
            let mut args = FluentArgs::new();
            args.set(name, FluentValue::from(value.clone()));
            args
        })
    }

    /// A message with two variables, neither of them counted (a year, an amount).
    pub fn with_two(
        &self,
        id: &str,
        first: &'static str,
        first_value: impl Display,
        second: &'static str,
        second_value: impl Display,
    ) -> String {
        self.args(id, &[(first, Arg::Text(first_value.to_string())), (second, Arg::Text(second_value.to_string()))])
    }

    /// A message with `$count` and one other variable.
    pub fn count_with(&self, id: &str, count: impl Count, name: &'static str, value: impl Display) -> String {
        let (count, value) = (count.as_count(), value.to_string());
        self.format(format!("{id}\u{1f}{count}\u{1f}{name}\u{1f}{value}"), id, || {
            let mut args = FluentArgs::new();
            args.set("count", FluentValue::from(count));
            args.set(name, FluentValue::from(value.clone()));
            args
        })
    }

    /// A message with several variables: `t.args("id", &[("year", Arg::Text(..)), ...])`.
    pub fn args(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        self.args_named(id, args.iter().map(|(name, value)| (*name, value)))
    }

    /// [`Tr::args`] for names that may have been read back from a stored notice.
    fn args_named<'n>(&self, id: &str, args: impl Iterator<Item = (&'n str, &'n Arg)> + Clone) -> String {
        use std::fmt::Write;
        let mut key = id.to_owned();
        for (name, value) in args.clone() {
            let _ = write!(key, "\u{1f}{name}\u{1f}{value:?}");
        }
        self.format(key, id, || {
            let mut fluent = FluentArgs::new();
            for (name, value) in args {
                let value = match value {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Number(n) => FluentValue::from(*n),
                    Arg::Date(date) => FluentValue::from(self.date(*date)),
                    Arg::Money(amount) => FluentValue::from(self.money(*amount)),
                    Arg::Term(id) => FluentValue::from(self.m(id).to_owned()),
                    Arg::Names { vocabulary, stored, or } => {
                        let names: Vec<&str> = stored.iter().map(|value| self.label(vocabulary, value)).collect();
                        FluentValue::from(formats::list(self.0, &names, *or))
                    }
                    Arg::Ordinal(n) => FluentValue::from(self.ordinal(*n)),
                    Arg::Month(date) => FluentValue::from(self.month(*date)),
                    Arg::Percent { part, whole } => FluentValue::from(self.percent(*part, *whole)),
                    Arg::List { items, or } => {
                        let items: Vec<String> = items.iter().map(|item| self.say(item)).collect();
                        let items: Vec<&str> = items.iter().map(String::as_str).collect();
                        FluentValue::from(formats::list(self.0, &items, *or))
                    }
                    Arg::Phrase(message) => FluentValue::from(self.say(message)),
                };
                fluent.set(name, value);
            }
            fluent
        })
    }

    /// The message of a form's field, or "" when it is right (templates test `.is_empty()`).
    pub fn error(&self, errors: &FieldErrors, field: &str) -> String {
        errors.get(field).map(|message| self.say(message)).unwrap_or_default()
    }

    /// What the domain said, in this language.
    pub fn say(&self, message: &Message) -> String {
        match message {
            Message::Id { id, args } if args.is_empty() => self.m(id).to_owned(),
            Message::Id { id, args } => self.args_named(id, args.iter().map(|(name, value)| (name.as_ref(), value))),
            Message::Said(words) => words.clone(),
        }
    }

    /// What a notice says: its kept message (JSON) worded in this language, or the words it
    /// was written with when it has none or its message no longer exists.
    pub fn kept(&self, message: Option<&str>, written: &str) -> String {
        let Some(message) = message.and_then(Message::from_json) else { return written.to_owned() };
        match message.id() {
            // A message this version no longer has, or whose variables changed, shows as its id.
            Some(id) if !catalogs().has(id) => written.to_owned(),
            Some(id) => Some(self.say(&message)).filter(|words| words != id).unwrap_or_else(|| written.to_owned()),
            None => self.say(&message),
        }
    }

    /// A calendar date in words: "15 January 2027", "15 de enero de 2027".
    pub fn date(&self, date: NaiveDate) -> String {
        formats::long_date(self.0, date)
    }

    /// A month and its year: "November 2026", "noviembre de 2026".
    pub fn month(&self, date: NaiveDate) -> String {
        formats::month_year(self.0, date)
    }

    /// A month's short name, as a chart's axis shows it: "Nov", "nov".
    pub fn month_short(&self, date: NaiveDate) -> String {
        formats::short_month(self.0, date)
    }

    /// A day and its month, short: "3 Nov", "3 nov".
    pub fn day_month(&self, date: NaiveDate) -> String {
        formats::day_month(self.0, date)
    }

    /// An instant (stored in UTC) on the clocks of `zone`, with the zone's abbreviation
    /// then: "26 November 2026 at 06:05 PST", "26 de noviembre de 2026, 06:05 (PST)".
    pub fn time(&self, at: NaiveDateTime, zone: Tz) -> String {
        let local = formats::date_time(self.0, local_time(zone, at));
        self.with_two("time-in-zone", "time", local, "zone", abbreviation(zone, at))
    }

    /// A place in a line: "3rd", "3.º".
    pub fn ordinal(&self, n: i64) -> String {
        match self.0 {
            Locale::Es => format!("{}.º", self.number(n)),
            Locale::En | Locale::EnXa => crate::domain::numbers::ordinal(n),
        }
    }

    /// `part` of `whole` as a percentage with one decimal at most: "12.5%", "2,000%", and
    /// "less than 0.1%" (never "0%") for a share too small to show.
    pub fn percent(&self, part: i64, whole: i64) -> String {
        let tenths = crate::domain::numbers::percent_tenths(part, whole);
        if tenths == 0 && part > 0 && whole > 0 {
            return self.m("percent-tiny").to_owned();
        }
        let value = match tenths % 10 {
            0 => self.number(tenths / 10),
            decimal => format!("{}.{decimal}", self.number(tenths / 10)),
        };
        self.with("percent", "value", value)
    }

    /// A whole number, grouped: "12,345".
    pub fn number(&self, n: impl Count) -> String {
        formats::number(self.0, n.as_count())
    }

    /// An amount of money with its currency: "$1,234.50", "US$1,234.50"; "-$5" below zero.
    pub fn money(&self, amount: Cents) -> String {
        let digits = formats::cents(self.0, amount.0.abs());
        let sign = if amount.0 < 0 { "-" } else { "" };
        format!("{sign}{}", self.with("money", "amount", digits))
    }

    /// Message `id` with the arguments `args` makes, as formatted before under `key`.
    fn format<'a>(&self, key: String, id: &str, args: impl FnOnce() -> FluentArgs<'a>) -> String {
        let Some(messages) = catalogs().messages(self.0) else { return id.to_owned() };
        if let Some(text) = messages.formatted.get(&key) {
            return text;
        }
        let Ok(text) = format_message(&messages.bundle, id, Some(&args())) else { return id.to_owned() };
        messages.formatted.put(key, text.clone());
        text
    }
}
