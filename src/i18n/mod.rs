//! The languages Upskill speaks: Project Fluent message catalogs (`locales/<tag>/*.ftl`),
//! built into the binary and checked at start-up ([`check`]), and the pseudo-locale
//! `en-XA` (English, accented and about a third longer) that tests use to find text that
//! does not come from a catalog and layouts that break with longer words.
//!
//! `fluent-bundle` is used directly rather than through `fluent-templates`: the catalogs
//! are a handful of files known at build time, the start-up check needs the messages'
//! syntax trees (which variables each one uses), and the pages need the messages without
//! variables as plain `&'static str`, formatted once here, so that a page in Spanish costs
//! what a page in English does.
//!
//! A page reads its words through [`Tr`] (`chrome.t` in templates): `t.m("id")` for a
//! message without variables, `t.count("id", n)` for one that takes `$count` (plurals go
//! through Fluent's plural rules), `t.with("id", "name", value)` for one other variable,
//! `t.args("id", &[...])` for several, and `t.say(&message)` for what the domain said
//! ([`Message`]). Dates, numbers and money are written by [`formats`] (ICU4X): `t.date`,
//! `t.number`, `t.money`; a number a message counts is grouped by the same formatter.

mod formats;
mod tr;

use tr::{label_id, LABEL_ID_MAX};
pub use tr::{Count, Tr};

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use rustc_hash::FxHashMap;

use crate::domain::enums::VOCABULARIES;
use crate::kept::KeptMap;

/// A language of the catalogs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    En,
    Es,
    /// The pseudo-locale: English accented and lengthened (tests only, never offered).
    EnXa,
}

impl Locale {
    pub const ALL: &'static [Locale] = &[Locale::En, Locale::Es, Locale::EnXa];
    /// The languages people choose among.
    pub const OFFERED: &'static [Locale] = &[Locale::En, Locale::Es];

    /// The BCP 47 tag, as `<html lang>` and the account's choice store it.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Es => "es",
            Locale::EnXa => "en-XA",
        }
    }

    /// The locale a tag names: the exact tag (any case), else its language (`es-MX` is
    /// Spanish, `en-GB` English). The pseudo-locale is only ever named exactly.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        if tag.eq_ignore_ascii_case("en-XA") {
            return Some(Locale::EnXa);
        }
        let language = tag.split(['-', '_']).next().unwrap_or_default();
        if language.eq_ignore_ascii_case("en") {
            Some(Locale::En)
        } else if language.eq_ignore_ascii_case("es") {
            Some(Locale::Es)
        } else {
            None
        }
    }

    fn index(self) -> usize {
        match self {
            Locale::En => 0,
            Locale::Es => 1,
            Locale::EnXa => 2,
        }
    }

    /// The catalog the locale's messages come from (the pseudo-locale's are English's).
    fn source(self) -> Locale {
        match self {
            Locale::EnXa => Locale::En,
            other => other,
        }
    }
}

/// The best offered locale for an `Accept-Language` header: the highest quality value
/// wins, then the earlier entry; `*` and languages without a catalog are passed over, as
/// is anything with `q=0`. `None` when nothing in it has a catalog.
pub fn from_accept_language(header: &str) -> Option<Locale> {
    let mut best: Option<(u16, Locale)> = None;
    for entry in header.split(',').take(32) {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
            .map_or(Some(1000), parse_quality);
        let (Some(quality), Some(locale)) = (quality, Locale::from_tag(tag)) else { continue };
        if quality > 0 && best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, locale));
        }
    }
    best.map(|(_, locale)| locale)
}

/// A quality value (`0`, `0.8`, `1.000`) in thousandths; `None` when it is not one.
fn parse_quality(text: &str) -> Option<u16> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if !matches!(whole, "0" | "1") || fraction.len() > 3 || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let thousandths: u16 = format!("{fraction:0<3}").parse().ok()?;
    let value = if whole == "1" { 1000 } else { thousandths };
    (value <= 1000 && (whole == "0" || thousandths == 0)).then_some(value)
}

/// The catalogs' files: (language, file, text).
const SOURCES: &[(Locale, &str, &str)] = &[
    (Locale::En, "common.ftl", include_str!("../../locales/en/common.ftl")),
    (Locale::En, "catalog.ftl", include_str!("../../locales/en/catalog.ftl")),
    (Locale::En, "vocabulary.ftl", include_str!("../../locales/en/vocabulary.ftl")),
    (Locale::En, "forms.ftl", include_str!("../../locales/en/forms.ftl")),
    (Locale::En, "employee.ftl", include_str!("../../locales/en/employee.ftl")),
    (Locale::En, "admin.ftl", include_str!("../../locales/en/admin.ftl")),
    (Locale::En, "import-preview.ftl", include_str!("../../locales/en/import-preview.ftl")),
    (Locale::En, "programs-admin.ftl", include_str!("../../locales/en/programs-admin.ftl")),
    (Locale::En, "program-team.ftl", include_str!("../../locales/en/program-team.ftl")),
    (Locale::En, "applications.ftl", include_str!("../../locales/en/applications.ftl")),
    (Locale::En, "auth.ftl", include_str!("../../locales/en/auth.ftl")),
    (Locale::En, "approvals.ftl", include_str!("../../locales/en/approvals.ftl")),
    (Locale::En, "proposals.ftl", include_str!("../../locales/en/proposals.ftl")),
    (Locale::En, "proposal-detail.ftl", include_str!("../../locales/en/proposal-detail.ftl")),
    (Locale::En, "errors-evidence.ftl", include_str!("../../locales/en/errors-evidence.ftl")),
    (Locale::En, "errors-admin.ftl", include_str!("../../locales/en/errors-admin.ftl")),
    (Locale::En, "errors-programs.ftl", include_str!("../../locales/en/errors-programs.ftl")),
    (Locale::En, "errors-applications.ftl", include_str!("../../locales/en/errors-applications.ftl")),
    (Locale::En, "errors.ftl", include_str!("../../locales/en/errors.ftl")),
    (Locale::En, "notices.ftl", include_str!("../../locales/en/notices.ftl")),
    (Locale::En, "charts.ftl", include_str!("../../locales/en/charts.ftl")),
    (Locale::En, "records.ftl", include_str!("../../locales/en/records.ftl")),
    (Locale::Es, "common.ftl", include_str!("../../locales/es/common.ftl")),
    (Locale::Es, "catalog.ftl", include_str!("../../locales/es/catalog.ftl")),
    (Locale::Es, "vocabulary.ftl", include_str!("../../locales/es/vocabulary.ftl")),
    (Locale::Es, "forms.ftl", include_str!("../../locales/es/forms.ftl")),
    (Locale::Es, "employee.ftl", include_str!("../../locales/es/employee.ftl")),
    (Locale::Es, "admin.ftl", include_str!("../../locales/es/admin.ftl")),
    (Locale::Es, "import-preview.ftl", include_str!("../../locales/es/import-preview.ftl")),
    (Locale::Es, "programs-admin.ftl", include_str!("../../locales/es/programs-admin.ftl")),
    (Locale::Es, "program-team.ftl", include_str!("../../locales/es/program-team.ftl")),
    (Locale::Es, "applications.ftl", include_str!("../../locales/es/applications.ftl")),
    (Locale::Es, "auth.ftl", include_str!("../../locales/es/auth.ftl")),
    (Locale::Es, "approvals.ftl", include_str!("../../locales/es/approvals.ftl")),
    (Locale::Es, "proposals.ftl", include_str!("../../locales/es/proposals.ftl")),
    (Locale::Es, "proposal-detail.ftl", include_str!("../../locales/es/proposal-detail.ftl")),
    (Locale::Es, "errors-evidence.ftl", include_str!("../../locales/es/errors-evidence.ftl")),
    (Locale::Es, "errors-admin.ftl", include_str!("../../locales/es/errors-admin.ftl")),
    (Locale::Es, "errors-programs.ftl", include_str!("../../locales/es/errors-programs.ftl")),
    (Locale::Es, "errors-applications.ftl", include_str!("../../locales/es/errors-applications.ftl")),
    (Locale::Es, "errors.ftl", include_str!("../../locales/es/errors.ftl")),
    (Locale::Es, "notices.ftl", include_str!("../../locales/es/notices.ftl")),
    (Locale::Es, "charts.ftl", include_str!("../../locales/es/charts.ftl")),
    (Locale::Es, "records.ftl", include_str!("../../locales/es/records.ftl")),
];

/// One language's messages.
struct Messages {
    bundle: FluentBundle<FluentResource>,
    /// Every message without variables, formatted once (a page looks up a few dozen, so
    /// the map hashes with `rustc-hash`, not the default hasher built against hostile keys:
    /// the keys are the catalogs' own ids).
    plain: FxHashMap<String, String>,
    /// Messages with variables as formatted before, by id and values: a page shows the
    /// same few counts and names on every view ("6 programs shown"), and Fluent's
    /// formatting costs a catalog view more than the rest of its words together.
    formatted: KeptMap<String, String>,
}

/// How many formatted messages a language keeps at most; past it, it starts again empty.
const FORMATTED_KEPT: usize = 20_000;

/// Every language's messages, loaded once.
pub struct Catalogs {
    languages: Vec<Messages>,
    /// How many messages each catalog has (English's, Spanish's).
    counts: Vec<(Locale, usize)>,
}

static CATALOGS: OnceLock<Catalogs> = OnceLock::new();

/// Loads and checks the catalogs (start-up calls it first): a message that does not
/// parse, is missing from a language or takes other variables there is an error that
/// names it, and the server does not start.
pub fn check() -> anyhow::Result<&'static Catalogs> {
    if let Some(catalogs) = CATALOGS.get() {
        return Ok(catalogs);
    }
    formats::check()?;
    let catalogs = Catalogs::load()?;
    Ok(CATALOGS.get_or_init(|| catalogs))
}

/// The catalogs; empty (every message shows as its id) only if [`check`] failed, which
/// stops the server before it serves anything.
fn catalogs() -> &'static Catalogs {
    CATALOGS.get_or_init(|| Catalogs::load().unwrap_or_else(|_| Catalogs { languages: Vec::new(), counts: Vec::new() }))
}

/// The variables a message uses, by message id, from one catalog's syntax.
type Variables = HashMap<String, BTreeSet<String>>;

impl Catalogs {
    fn load() -> anyhow::Result<Catalogs> {
        let mut variables: Vec<(Locale, Variables)> = Vec::new();
        let mut languages = Vec::new();
        let mut counts = Vec::new();
        for &locale in Locale::ALL {
            let language: unic_langid::LanguageIdentifier = match locale {
                Locale::EnXa => "en-US".parse(),
                other => other.tag().parse(),
            }
            .map_err(|e| anyhow::anyhow!("language tag {}: {e}", locale.tag()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![language]);
            // Pages are HTML with `lang` set: no bidirectional isolation marks around
            // variables, which would show in attributes and e-mail subjects.
            bundle.set_use_isolating(false);
            if locale == Locale::EnXa {
                bundle.set_transform(Some(pseudo));
            }
            // Numbers in messages ("12,345 people") are grouped as the language groups them.
            bundle.set_formatter(Some(match locale {
                Locale::En => fluent_number_en,
                Locale::Es => fluent_number_es,
                Locale::EnXa => fluent_number_en_xa,
            }));
            let mut ids = Variables::new();
            for (_, file, text) in SOURCES.iter().filter(|(l, _, _)| *l == locale.source()) {
                let resource = FluentResource::try_new((*text).to_owned()).map_err(|(_, errors)| {
                    anyhow::anyhow!("locales/{}/{file} does not parse: {errors:?}", locale.source().tag())
                })?;
                for entry in resource.entries() {
                    if let ast::Entry::Message(message) = entry {
                        let mut used = BTreeSet::new();
                        if let Some(pattern) = &message.value {
                            pattern_variables(pattern, &mut used);
                        } else {
                            anyhow::bail!(
                                "locales/{}/{file}: message {} has no value",
                                locale.source().tag(),
                                message.id.name
                            );
                        }
                        ids.insert(message.id.name.to_owned(), used);
                    }
                }
                bundle.add_resource(resource).map_err(|errors| {
                    anyhow::anyhow!("locales/{}/{file}: a message is defined twice: {errors:?}", locale.source().tag())
                })?;
            }
            let mut plain = FxHashMap::default();
            for (id, used) in &ids {
                if used.is_empty() {
                    plain.insert(id.clone(), format_message(&bundle, id, None)?);
                }
            }
            if locale != Locale::EnXa {
                counts.push((locale, ids.len()));
                variables.push((locale, ids));
            }
            languages.push(Messages { bundle, plain, formatted: KeptMap::new(FORMATTED_KEPT) });
        }
        compare_catalogs(&variables)?;
        let catalogs = Catalogs { languages, counts };
        catalogs.check_vocabularies()?;
        Ok(catalogs)
    }

    /// Every value of every vocabulary has its name in English (and so, by
    /// [`compare_catalogs`], in every language).
    fn check_vocabularies(&self) -> anyhow::Result<()> {
        let english = self.messages(Locale::En).ok_or_else(|| anyhow::anyhow!("no English catalog"))?;
        let missing: Vec<String> = VOCABULARIES
            .iter()
            .flat_map(|(vocabulary, stored)| stored.iter().map(move |value| (vocabulary, value)))
            .filter_map(|(vocabulary, value)| {
                let mut buffer = [0u8; LABEL_ID_MAX];
                let id = label_id(&mut buffer, vocabulary, value);
                match id {
                    Some(id) if english.plain.contains_key(id) => None,
                    Some(id) => Some(id.to_owned()),
                    None => Some(format!("{vocabulary}-{value} (an id longer than {LABEL_ID_MAX} bytes)")),
                }
            })
            .collect();
        anyhow::ensure!(
            missing.is_empty(),
            "values without a name in locales/en/vocabulary.ftl: {}",
            missing.join(", ")
        );
        Ok(())
    }

    /// How many messages each offered language has.
    pub fn counts(&self) -> &[(Locale, usize)] {
        &self.counts
    }

    /// Whether message `id` exists (in every language, as the start-up check made sure).
    fn has(&self, id: &str) -> bool {
        self.messages(Locale::En).is_some_and(|messages| messages.bundle.has_message(id))
    }

    fn messages(&self, locale: Locale) -> Option<&Messages> {
        self.languages.get(locale.index())
    }
}

/// Every catalog has the same messages as English, each with the same variables.
fn compare_catalogs(catalogs: &[(Locale, Variables)]) -> anyhow::Result<()> {
    let Some((_, english)) = catalogs.first() else { return Ok(()) };
    let mut problems = Vec::new();
    for (locale, other) in &catalogs[1..] {
        for (id, used) in english {
            match other.get(id) {
                None => problems.push(format!("{id} is missing from {}", locale.tag())),
                Some(theirs) if theirs != used => {
                    problems.push(format!("{id} takes {used:?} in en but {theirs:?} in {}", locale.tag()))
                }
                Some(_) => {}
            }
        }
        for id in other.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(format!("{id} is in {} but not in en", locale.tag()));
        }
    }
    problems.sort();
    anyhow::ensure!(problems.is_empty(), "the message catalogs do not match: {}", problems.join("; "));
    Ok(())
}

/// The variables (`$name`) a pattern uses, in selectors and every variant.
fn pattern_variables(pattern: &ast::Pattern<&str>, used: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, used);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, used: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, used),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, used);
            for variant in variants {
                pattern_variables(&variant.value, used);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, used: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            used.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, used);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, used),
        _ => {}
    }
}

/// Formats a message; an error (a reference to a missing message, a missing variable)
/// is returned rather than shown.
fn format_message(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    args: Option<&FluentArgs>,
) -> anyhow::Result<String> {
    let pattern =
        bundle.get_message(id).and_then(|message| message.value()).ok_or_else(|| anyhow::anyhow!("no message {id}"))?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors).into_owned();
    anyhow::ensure!(errors.is_empty(), "message {id}: {errors:?}");
    Ok(text)
}

/// The pseudo-locale's transformation: accented letters, vowels doubled, in brackets.
fn pseudo(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform_dom(text, false, true, true)
}

/// A whole number in a message, through the language's number format (fractions are left
/// to Fluent).
fn fluent_number(locale: Locale, value: &FluentValue) -> Option<String> {
    let FluentValue::Number(number) = value else { return None };
    let whole = number.value.trunc() == number.value && number.value.abs() < 1e15;
    whole.then(|| formats::number(locale, number.value as i64))
}

fn fluent_number_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent_number(Locale::En, value)
}

fn fluent_number_es<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent_number(Locale::Es, value)
}

fn fluent_number_en_xa<M>(value: &FluentValue, _: &M) -> Option<String> {
    fluent_number(Locale::EnXa, value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::message::Message;
    use crate::domain::money::Cents;
    use chrono::NaiveDate;

    #[test]
    fn the_catalogs_load_and_match() {
        let catalogs = check().unwrap();
        let counts = catalogs.counts();
        assert_eq!(counts.len(), 2);
        assert_eq!(counts[0].1, counts[1].1);
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let (en, es) = (Tr(Locale::En), Tr(Locale::Es));
        assert_eq!(en.count("catalog-total", 1), "1 program paid for by the company.");
        assert_eq!(en.count("catalog-total", 6), "6 programs paid for by the company.");
        assert_eq!(es.count("catalog-total", 1), "1 programa pagado por la empresa.");
        assert_eq!(es.count("catalog-total", 6), "6 programas pagados por la empresa.");
    }

    #[test]
    fn what_the_domain_says_reads_in_each_language() {
        use crate::domain::enums::SITE_AT;
        let (en, es) = (Tr(Locale::En), Tr(Locale::Es));
        let day = NaiveDate::from_ymd_opt(2027, 11, 16).unwrap();
        let families = Message::new("eligibility-job-family")
            .number("count", 2)
            .names("families", "job-family", vec!["technical", "corporate"])
            .names("yours", "job-family", vec!["fulfillment"]);
        assert_eq!(en.say(&families), "Open to the Technical and Corporate job families; yours is Fulfillment.");
        assert_eq!(
            es.say(&families),
            "Abierto a las familias de puestos Técnico y Corporativo; la suya es Centros logísticos."
        );
        let sites = Message::new("eligibility-site-type")
            .either("sites", SITE_AT, vec!["tech_hub", "corporate_office"])
            .names("yours", SITE_AT, vec!["fulfillment_center"]);
        assert_eq!(
            en.say(&sites),
            "Open to people working at a tech hub or a corporate office; you work at a fulfillment center."
        );
        let tenure = Message::new("eligibility-tenure").number("count", 1_365).date("date", day);
        assert_eq!(en.say(&tenure), "It needs 1,365 days of service; you will have them on 16 November 2027.");
        assert_eq!(es.say(&tenure), "Requiere 1,365 días de antigüedad; los cumplirá el 16 de noviembre de 2027.");
        let one = Message::new("eligibility-tenure").number("count", 1).date("date", day);
        assert_eq!(en.say(&one), "It needs 1 day of service; you will have it on 16 November 2027.");
        assert_eq!(es.say(&Message::said("Tal cual")), "Tal cual");
        assert_eq!(en.money(Cents(-500)), "-$5");
        assert_eq!(es.money(Cents(123_450)), "US$1,234.50");
        assert_eq!(es.count("catalog-total", 1_200), "1,200 programas pagados por la empresa.");
        assert_eq!(en.percent(1, 8), "12.5%");
        assert_eq!(en.percent(1, 1_000), "0.1%");
        assert_eq!(en.percent(1_123, 1_000), "112.3%");
        assert_eq!(en.percent(3, 0), "0%");
        assert_eq!(en.percent(20_000, 1), "2,000,000%");
        assert_eq!(en.percent(0, 100_000), "0%");
        assert_eq!(en.percent(1, 100_000), "less than 0.1%");
        assert_eq!(es.percent(1, 100_000), "menos del 0.1%");
        assert_eq!(es.percent(1, 8), "12.5%");
    }

    #[test]
    fn every_timeline_sentence_is_in_the_catalogs() {
        use crate::domain::enums::{ApplicationStatus, Event};
        let english = check().unwrap().messages(Locale::En).unwrap();
        for event in Event::ALL {
            for status in ApplicationStatus::ALL {
                let id = event.timeline_message(*status);
                assert!(english.plain.contains_key(id), "{event:?} to {status:?}: no message {id}");
            }
        }
    }

    #[test]
    fn the_pseudo_locale_is_accented_and_longer() {
        let (en, xa) = (Tr(Locale::En), Tr(Locale::EnXa));
        let (plain, pseudo) = (en.m("catalog-title"), xa.m("catalog-title"));
        assert_ne!(plain, pseudo);
        assert!(!pseudo.is_ascii(), "{pseudo}");
        assert!(pseudo.chars().count() * 100 >= plain.chars().count() * 130, "{plain} → {pseudo}");
    }

    #[test]
    fn mismatched_catalogs_are_refused_with_what_differs() {
        let en: Variables = [
            ("a".to_owned(), BTreeSet::new()),
            ("b".to_owned(), BTreeSet::from(["count".to_owned()])),
            ("c".to_owned(), BTreeSet::new()),
        ]
        .into();
        let es: Variables = [
            ("a".to_owned(), BTreeSet::new()),
            ("b".to_owned(), BTreeSet::from(["n".to_owned()])),
            ("d".to_owned(), BTreeSet::new()),
        ]
        .into();
        let error = compare_catalogs(&[(Locale::En, en), (Locale::Es, es)]).unwrap_err().to_string();
        assert!(error.contains("b takes {\"count\"} in en but {\"n\"} in es"), "{error}");
        assert!(error.contains("c is missing from es"), "{error}");
        assert!(error.contains("d is in es but not in en"), "{error}");
    }

    #[test]
    fn accept_language_honours_quality_values() {
        assert_eq!(from_accept_language("es-MX,es;q=0.9,en;q=0.8"), Some(Locale::Es));
        assert_eq!(from_accept_language("en-US,en;q=0.9,es;q=0.8"), Some(Locale::En));
        assert_eq!(from_accept_language("fr;q=1, es;q=0.5, en;q=0.4"), Some(Locale::Es));
        assert_eq!(from_accept_language("en;q=0.2, es;q=0.7"), Some(Locale::Es));
        assert_eq!(from_accept_language("es;q=0, en;q=0.1"), Some(Locale::En));
        assert_eq!(from_accept_language("de, fr"), None);
        assert_eq!(from_accept_language("*"), None);
        assert_eq!(from_accept_language(""), None);
        assert_eq!(from_accept_language("es;q=2, en"), Some(Locale::En), "a quality above 1 is not one");
        assert_eq!(from_accept_language("es;q=abc, en;q=0.5"), Some(Locale::En));
        assert_eq!(from_accept_language("en-XA"), Some(Locale::EnXa));
    }
}
