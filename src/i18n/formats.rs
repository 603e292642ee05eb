//! Dates, times, numbers and money as each language writes them, from ICU4X and the
//! CLDR data it compiles in: one set of formatters a language, made once at start-up.
//!
//! English writes the day first and a 24-hour clock ("15 January 2027", "at 14:05"), as
//! Upskill always has (CLDR's `en-GB`); Spanish is Latin-American Spanish (`es-419`:
//! "15 de enero de 2027", "1,234.50"); the pseudo-locale formats as English. Money is
//! the number's digits as the language groups them, in the currency pattern of the
//! catalog's `money` message ("$1,234.50", "US$1,234.50"). Calendar facts (a term's
//! start) are dates and never shift; times are instants, shown in UTC with its name.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use fixed_decimal::Decimal;
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::{M, MD, YM, YMD, YMDT};
use icu_datetime::input::{DateTime, Time};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_decimal::DecimalFormatter;
use icu_list::options::ListFormatterOptions;
use icu_list::ListFormatter;
use icu_locale_core::Locale as IcuLocale;
use writeable::Writeable;

use super::Locale;

/// One language's formatters.
pub(super) struct Formats {
    long_date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    month_year: FixedCalendarDateTimeFormatter<Gregorian, YM>,
    short_month: FixedCalendarDateTimeFormatter<Gregorian, M>,
    day_month: FixedCalendarDateTimeFormatter<Gregorian, MD>,
    date_time: FixedCalendarDateTimeFormatter<Gregorian, YMDT>,
    decimal: DecimalFormatter,
    and_list: ListFormatter,
    or_list: ListFormatter,
}

static FORMATS: OnceLock<Vec<Formats>> = OnceLock::new();

/// The CLDR locale whose conventions a language writes with.
fn cldr_locale(locale: Locale) -> &'static str {
    match locale {
        Locale::En | Locale::EnXa => "en-GB",
        Locale::Es => "es-419",
    }
}

impl Formats {
    fn new(locale: Locale) -> anyhow::Result<Formats> {
        let tag = cldr_locale(locale);
        let icu: IcuLocale = tag.parse().map_err(|e| anyhow::anyhow!("locale {tag}: {e:?}"))?;
        let failed = |what: &str, e: &dyn std::fmt::Debug| anyhow::anyhow!("no {what} format for {tag}: {e:?}");
        Ok(Formats {
            long_date: FixedCalendarDateTimeFormatter::try_new((&icu).into(), YMD::long())
                .map_err(|e| failed("date", &e))?,
            month_year: FixedCalendarDateTimeFormatter::try_new((&icu).into(), YM::long())
                .map_err(|e| failed("month", &e))?,
            short_month: FixedCalendarDateTimeFormatter::try_new((&icu).into(), M::medium())
                .map_err(|e| failed("short month", &e))?,
            day_month: FixedCalendarDateTimeFormatter::try_new((&icu).into(), MD::medium())
                .map_err(|e| failed("day and month", &e))?,
            date_time: FixedCalendarDateTimeFormatter::try_new((&icu).into(), YMD::long().with_time_hm())
                .map_err(|e| failed("date and time", &e))?,
            decimal: DecimalFormatter::try_new((&icu).into(), Default::default()).map_err(|e| failed("number", &e))?,
            and_list: ListFormatter::try_new_and((&icu).into(), ListFormatterOptions::default())
                .map_err(|e| failed("list", &e))?,
            or_list: ListFormatter::try_new_or((&icu).into(), ListFormatterOptions::default())
                .map_err(|e| failed("list", &e))?,
        })
    }
}

/// Makes every language's formatters (start-up calls it): a language without its data is
/// a start-up error.
pub(super) fn check() -> anyhow::Result<()> {
    if FORMATS.get().is_none() {
        let all = Locale::ALL.iter().map(|&locale| Formats::new(locale)).collect::<anyhow::Result<Vec<_>>>()?;
        let _ = FORMATS.set(all);
    }
    Ok(())
}

/// A language's formatters (`None` only when [`check`] failed, which stops start-up).
fn formats(locale: Locale) -> Option<&'static Formats> {
    if FORMATS.get().is_none() {
        let _ = check();
    }
    FORMATS.get().and_then(|all| all.get(locale.index()))
}

fn gregorian(date: NaiveDate) -> Option<Date<Gregorian>> {
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    Date::try_new_gregorian(date.year(), month, day).ok()
}

/// Formats `date` with the formatter `pick` chooses, else as ISO 8601.
fn with_date<F>(locale: Locale, date: NaiveDate, pick: F) -> String
where
    F: FnOnce(&'static Formats, Date<Gregorian>) -> String,
{
    match (formats(locale), gregorian(date)) {
        (Some(formats), Some(day)) => pick(formats, day),
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

/// "15 January 2027", "15 de enero de 2027".
pub(super) fn long_date(locale: Locale, date: NaiveDate) -> String {
    with_date(locale, date, |f, day| f.long_date.format(&day).write_to_string().into_owned())
}

/// "January 2027", "enero de 2027".
pub(super) fn month_year(locale: Locale, date: NaiveDate) -> String {
    with_date(locale, date, |f, day| f.month_year.format(&day).write_to_string().into_owned())
}

/// "Jan", "ene".
pub(super) fn short_month(locale: Locale, date: NaiveDate) -> String {
    with_date(locale, date, |f, day| f.short_month.format(&day).write_to_string().into_owned())
}

/// "15 Jan", "15 ene".
pub(super) fn day_month(locale: Locale, date: NaiveDate) -> String {
    with_date(locale, date, |f, day| f.day_month.format(&day).write_to_string().into_owned())
}

/// "15 January 2027 at 14:05", "15 de enero de 2027 a las 2:05 p.m." (the caller names
/// the zone).
pub(super) fn date_time(locale: Locale, at: NaiveDateTime) -> String {
    let time = u8::try_from(at.hour())
        .ok()
        .zip(u8::try_from(at.minute()).ok())
        .and_then(|(hour, minute)| Time::try_new(hour, minute, 0, 0).ok());
    match (formats(locale), gregorian(at.date()), time) {
        (Some(formats), Some(date), Some(time)) => {
            formats.date_time.format(&DateTime { date, time }).write_to_string().into_owned()
        }
        _ => at.format("%Y-%m-%d %H:%M").to_string(),
    }
}

/// A whole number with the language's grouping: "12,345".
pub(super) fn number(locale: Locale, n: i64) -> String {
    match formats(locale) {
        Some(formats) => formats.decimal.format(&Decimal::from(n)).write_to_string().into_owned(),
        None => n.to_string(),
    }
}

/// An amount of cents as digits, without a currency: "1,234.50", and "1,234" for whole
/// dollars (as the pages have always written them).
pub(super) fn cents(locale: Locale, cents: i64) -> String {
    let Some(formats) = formats(locale) else { return format!("{}.{:02}", cents / 100, (cents % 100).abs()) };
    let mut amount = Decimal::from(cents);
    amount.multiply_pow10(-2);
    if cents % 100 == 0 {
        amount.trim_end();
    }
    formats.decimal.format(&amount).write_to_string().into_owned()
}

/// Items joined as the language joins a list: "A, B and C", "A, B y C" (`or`: "A, B or
/// C", "A, B o C").
pub(super) fn list(locale: Locale, items: &[&str], or: bool) -> String {
    match formats(locale) {
        Some(formats) => {
            let formatter = if or { &formats.or_list } else { &formats.and_list };
            formatter.format(items.iter()).write_to_string().into_owned()
        }
        None => items.join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        assert_eq!(long_date(Locale::En, day(2027, 1, 15)), "15 January 2027");
        assert_eq!(long_date(Locale::Es, day(2027, 1, 15)), "15 de enero de 2027");
        assert_eq!(month_year(Locale::Es, day(2026, 11, 1)), "noviembre de 2026");
        assert_eq!(month_year(Locale::En, day(2026, 11, 1)), "November 2026");
        assert_eq!(short_month(Locale::En, day(2026, 11, 1)), "Nov");
        assert_eq!(day_month(Locale::Es, day(2026, 11, 3)), "3 nov");
        let at = day(2026, 11, 26).and_hms_opt(14, 5, 0).unwrap();
        assert_eq!(date_time(Locale::En, at), "26 November 2026 at 14:05");
        assert!(date_time(Locale::Es, at).starts_with("26 de noviembre de 2026"), "{}", date_time(Locale::Es, at));
    }

    #[test]
    fn numbers_and_amounts_are_grouped() {
        assert_eq!(number(Locale::En, 1_234_567), "1,234,567");
        assert_eq!(number(Locale::Es, -12_345), "-12,345");
        assert_eq!(cents(Locale::En, 123_450), "1,234.50");
        assert_eq!(cents(Locale::En, 123_400), "1,234");
        assert_eq!(cents(Locale::Es, 5), "0.05");
    }

    #[test]
    fn lists_are_joined_as_each_language_joins_them() {
        assert_eq!(list(Locale::En, &["Technical", "Corporate", "Retail"], false), "Technical, Corporate and Retail");
        assert_eq!(list(Locale::Es, &["Técnica", "Corporativa"], false), "Técnica y Corporativa");
        assert_eq!(list(Locale::Es, &["un centro", "una oficina"], true), "un centro o una oficina");
        assert_eq!(list(Locale::En, &["Retail"], true), "Retail");
    }
}
