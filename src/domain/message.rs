//! A sentence the rules say, for the web layer to word in the reader's language: the id
//! of a catalog message and the values it names. The domain decides what is said (which
//! message, which date, which amount); `i18n::Tr::say` decides how it reads.

use chrono::NaiveDate;

use super::money::{Cents, MoneyError};

/// A value a message names.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    Term(&'static str),
    /// Values of a vocabulary (`StoredName::VOCABULARY` and stored names), named in the
    /// reader's language and joined as a list ("Technical and Corporate"; `or`: "a tech hub
    /// or a corporate office").
    Names { vocabulary: &'static str, stored: Vec<&'static str>, or: bool },
}

/// What is said: a catalog message and its values, or words already in the reader's
/// language (a handler that words its own refusal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    Id { id: &'static str, args: Vec<(&'static str, Arg)> },
    Said(String),
}

impl Message {
    /// Message `id` of the catalogs, its values to follow.
    pub fn new(id: &'static str) -> Message {
        Message::Id { id, args: Vec::new() }
    }

    /// Words already in the reader's language.
    pub fn said(words: impl Into<String>) -> Message {
        Message::Said(words.into())
    }

    fn with(mut self, name: &'static str, value: Arg) -> Message {
        if let Message::Id { args, .. } = &mut self {
            args.push((name, value));
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
        self.with(name, Arg::Term(id))
    }

    /// Values of a vocabulary, joined with "and".
    pub fn names(self, name: &'static str, vocabulary: &'static str, stored: Vec<&'static str>) -> Message {
        self.with(name, Arg::Names { vocabulary, stored, or: false })
    }

    /// Values of a vocabulary, joined with "or".
    pub fn either(self, name: &'static str, vocabulary: &'static str, stored: Vec<&'static str>) -> Message {
        self.with(name, Arg::Names { vocabulary, stored, or: true })
    }

    /// The message id (`None` for words already said).
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Message::Id { id, .. } => Some(id),
            Message::Said(_) => None,
        }
    }
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
