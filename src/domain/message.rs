//! A sentence the rules say, for the web layer to word in the reader's language: the id
//! of a catalog message and the values it names. The domain decides what is said (which
//! message, which date, which amount); `i18n::Tr::say` decides how it reads.

//!
//! A message is also what a notice keeps (`notifications.message`, `outbox.message`, as
//! JSON): it is worded when its reader opens the inbox or when its e-mail is written, in
//! the reader's language. The ids of stored messages (`notice-*`) are therefore part of
//! the data: a message that is renamed or removed leaves old notices with the English
//! words they were written with (`body`).

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::money::{Cents, MoneyError};

/// A catalog id or a variable's name: written in the code (`&'static str`), or read back
/// from a stored notice.
pub type Name = Cow<'static, str>;

/// A value a message names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arg {
    /// Words as they are: a name, a title, an institution.
    Text(String),
    /// A count or any other number, grouped as the language groups digits (`$count`
    /// also picks the plural).
    Number(i64),
    /// A calendar date, written out: "15 January 2027".
    Date(NaiveDate),
    /// An amount of money, with its currency.
    Money(Cents),
    /// A word of the catalogs (its message id), in the reader's language: the name of a
    /// field in a message that several fields share ("the { $what } must fit on one line").
    Term(Name),
    /// Values of a vocabulary (`StoredName::VOCABULARY` and stored names), named in the
    /// reader's language and joined as a list ("Technical and Corporate"; `or`: "a tech hub
    /// or a corporate office").
    Names { vocabulary: Name, stored: Vec<Name>, or: bool },
    /// A place in a line: "3rd", "3.º".
    Ordinal(i64),
    /// A month and its year (the month of this date): "November 2026", "noviembre de 2026".
    Month(NaiveDate),
    /// `part` of `whole` as a percentage with one decimal at most: "12.5%", and "less than
    /// 0.1%" for a share too small to show, never a misleading "0%".
    Percent { part: i64, whole: i64 },
    /// Messages joined as the language joins a list ("a, b and c"; `or`: "a, b or c").
    List { items: Vec<Message>, or: bool },
    /// A message of its own, worded first: a part of a sentence that has words of its own
    /// ("Tom Techlead, acting for Maria Manager,", " Comment: “…”").
    Phrase(Box<Message>),
}

/// What is said: a catalog message and its values, or words already in the reader's
/// language (a handler that words its own refusal).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Message {
    Id { id: Name, args: Vec<(Name, Arg)> },
    Said(String),
}

impl Message {
    /// Message `id` of the catalogs, its values to follow.
    pub fn new(id: &'static str) -> Message {
        Message::Id { id: Cow::Borrowed(id), args: Vec::new() }
    }

    /// Words already in the reader's language.
    pub fn said(words: impl Into<String>) -> Message {
        Message::Said(words.into())
    }

    fn with(mut self, name: &'static str, value: Arg) -> Message {
        if let Message::Id { args, .. } = &mut self {
            args.push((Cow::Borrowed(name), value));
        }
        self
    }

    pub fn text(self, name: &'static str, value: impl Into<String>) -> Message {
        self.with(name, Arg::Text(value.into()))
    }

    pub fn number(self, name: &'static str, value: impl TryInto<i64>) -> Message {
        self.with(name, Arg::Number(value.try_into().unwrap_or(i64::MAX)))
    }

    pub fn date(self, name: &'static str, value: NaiveDate) -> Message {
        self.with(name, Arg::Date(value))
    }

    pub fn money(self, name: &'static str, value: Cents) -> Message {
        self.with(name, Arg::Money(value))
    }

    pub fn term(self, name: &'static str, id: &'static str) -> Message {
        self.with(name, Arg::Term(Cow::Borrowed(id)))
    }

    pub fn ordinal(self, name: &'static str, value: impl TryInto<i64>) -> Message {
        self.with(name, Arg::Ordinal(value.try_into().unwrap_or(i64::MAX)))
    }

    /// The month of `value` and its year.
    pub fn month(self, name: &'static str, value: NaiveDate) -> Message {
        self.with(name, Arg::Month(value))
    }

    /// `part` of `whole` as a percentage.
    pub fn percent(self, name: &'static str, part: i64, whole: i64) -> Message {
        self.with(name, Arg::Percent { part, whole })
    }

    /// Messages joined with "and".
    pub fn list(self, name: &'static str, items: Vec<Message>) -> Message {
        self.with(name, Arg::List { items, or: false })
    }

    /// Another message, worded where `$name` stands.
    pub fn phrase(self, name: &'static str, value: Message) -> Message {
        self.with(name, Arg::Phrase(Box::new(value)))
    }

    /// Values of a vocabulary, joined with "and".
    pub fn names(self, name: &'static str, vocabulary: &'static str, stored: Vec<&'static str>) -> Message {
        self.with(name, Arg::Names { vocabulary: Cow::Borrowed(vocabulary), stored: borrowed(stored), or: false })
    }

    /// Values of a vocabulary, joined with "or".
    pub fn either(self, name: &'static str, vocabulary: &'static str, stored: Vec<&'static str>) -> Message {
        self.with(name, Arg::Names { vocabulary: Cow::Borrowed(vocabulary), stored: borrowed(stored), or: true })
    }

    /// This sentence, then `next`: two sentences as one message (`notice-then`, which
    /// stored notices name too).
    pub fn then(self, next: Message) -> Message {
        Message::new("notice-then").phrase("first", self).phrase("then", next)
    }

    /// The message id (`None` for words already said).
    pub fn id(&self) -> Option<&str> {
        match self {
            Message::Id { id, .. } => Some(id),
            Message::Said(_) => None,
        }
    }

    /// The message as a notice keeps it.
    pub fn to_json(&self) -> String {
        // A message holds strings, numbers and dates only: it always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A kept message, or `None` when `json` is not one.
    pub fn from_json(json: &str) -> Option<Message> {
        serde_json::from_str(json).ok()
    }
}

fn borrowed(names: Vec<&'static str>) -> Vec<Name> {
    names.into_iter().map(Cow::Borrowed).collect()
}

impl MoneyError {
    /// The refusal for a form's amount field (here rather than beside `MoneyError`, so
    /// that money does not depend on the messages that name amounts).
    pub fn said(&self) -> Message {
        Message::new(match self {
            MoneyError::Empty => "money-empty",
            MoneyError::NotANumber => "money-not-a-number",
            MoneyError::TooManyDecimals => "money-too-many-decimals",
            MoneyError::Negative => "money-not-positive",
            MoneyError::TooLarge => "money-too-large",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_message_reads_back_whole() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
        let message = Message::new("notice-decided-approved")
            .text("program", "Career Choice \"A\" \u{1f}")
            .number("count", 3)
            .date("date", day)
            .money("amount", Cents(-1_250))
            .term("what", "term-budget-kind-cohort")
            .either("sites", "site-at", vec!["tech_hub", "corporate_office"])
            .ordinal("position", 2)
            .month("month", day)
            .percent("share", 1, 8)
            .list("groups", vec![Message::new("notice-your-school"), Message::said("x")])
            .phrase("decider", Message::new("notice-decider-acting-for").text("name", "Tom"));
        let json = message.to_json();
        assert_eq!(Message::from_json(&json), Some(message), "{json}");
        assert_eq!(Message::from_json("{\"id\": 1}"), None);
        assert_eq!(Message::from_json("not json"), None);
    }
}
