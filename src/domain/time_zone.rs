//! Time zones: the IANA zone a person reads times in (`employees.time_zone`, else the
//! server's `--default-time-zone`), the local date and time of an instant there, and the
//! instant of a local time, with the hour a daylight-saving change skips or repeats
//! resolved. Instants are stored in UTC; calendar facts (an intake's start, a term) are
//! dates and never shifted.

use chrono::{LocalResult, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone};
pub use chrono_tz::Tz;

/// The regions whose zones the account page offers (every zone is accepted by name; the
/// list leaves out the old aliases such as `US/Pacific`).
const REGIONS: &[&str] =
    &["Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/", "Europe/", "Indian/", "Pacific/"];

/// A zone by its IANA name ("America/Los_Angeles"), exactly as the database spells it.
pub fn parse_zone(name: &str) -> Option<Tz> {
    name.parse::<Tz>().ok().filter(|zone| zone.name() == name)
}

/// The zones a person picks from: "UTC" and the zones of every region, in name order.
pub fn offered_zones() -> impl Iterator<Item = Tz> {
    let mut zones: Vec<Tz> = chrono_tz::TZ_VARIANTS
        .iter()
        .copied()
        .filter(|zone| zone.name() == "UTC" || REGIONS.iter().any(|region| zone.name().starts_with(region)))
        .collect();
    zones.sort_by_key(|zone| zone.name());
    zones.into_iter()
}

/// The wall-clock time in `zone` of the instant `at` (UTC).
pub fn local_time(zone: Tz, at: NaiveDateTime) -> NaiveDateTime {
    zone.from_utc_datetime(&at).naive_local()
}

/// The calendar date in `zone` at the instant `at` (UTC).
pub fn local_date(zone: Tz, at: NaiveDateTime) -> NaiveDate {
    local_time(zone, at).date()
}

/// The zone's abbreviation at the instant `at`: "PST" in winter and "PDT" in summer for
/// Los Angeles, "CET"/"CEST", or the offset ("-03") where the zone has no letters.
pub fn abbreviation(zone: Tz, at: NaiveDateTime) -> String {
    zone.from_utc_datetime(&at).format("%Z").to_string()
}

/// How far the clocks of `zone` are from UTC at the instant `at`: "UTC-08:00",
/// "UTC+05:30", or "UTC" itself.
pub fn offset_text(zone: Tz, at: NaiveDateTime) -> String {
    let seconds = zone.offset_from_utc_datetime(&at).fix().local_minus_utc();
    if seconds == 0 {
        return "UTC".to_owned();
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.unsigned_abs() / 60;
    format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

/// The instant (UTC) at which the clocks of `zone` show `local`. When a change to summer
/// time skips that hour, the instant the clocks jump forward from it; when the change
/// back repeats it, the first of the two.
pub fn instant_of(zone: Tz, local: NaiveDateTime) -> NaiveDateTime {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(at) | LocalResult::Ambiguous(at, _) => at.naive_utc(),
        LocalResult::None => {
            // In a gap: the offset before it applies (07:30 in a gap from 07:00 to 08:00
            // reads as 08:30 summer time, the same instant as 07:30 winter time).
            let before = zone.offset_from_utc_datetime(&(local - TimeDelta::days(1))).fix();
            local - TimeDelta::seconds(i64::from(before.local_minus_utc()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn zones_are_known_by_their_exact_names() {
        assert_eq!(parse_zone("America/Los_Angeles"), Some(Tz::America__Los_Angeles));
        assert_eq!(parse_zone("UTC"), Some(Tz::UTC));
        assert_eq!(parse_zone("america/los_angeles"), None);
        assert_eq!(parse_zone(" Europe/Madrid"), None);
        assert_eq!(parse_zone("Mars/Olympus_Mons"), None);
        assert_eq!(parse_zone(""), None);
        let offered: Vec<Tz> = offered_zones().collect();
        assert!(offered.contains(&Tz::America__Mexico_City) && offered.contains(&Tz::UTC));
        assert!(!offered.contains(&Tz::US__Pacific), "aliases are accepted, not offered");
        assert!(offered.windows(2).all(|pair| pair[0].name() < pair[1].name()));
    }

    #[test]
    fn los_angeles_changes_its_clocks_and_its_abbreviation() {
        let la = Tz::America__Los_Angeles;
        // 8 March 2026: 02:00 PST becomes 03:00 PDT (10:00 UTC).
        assert_eq!(local_time(la, at("2026-03-08 09:59")), at("2026-03-08 01:59"));
        assert_eq!(local_time(la, at("2026-03-08 10:00")), at("2026-03-08 03:00"));
        assert_eq!(abbreviation(la, at("2026-03-08 09:59")), "PST");
        assert_eq!(abbreviation(la, at("2026-03-08 10:00")), "PDT");
        // 1 November 2026: 02:00 PDT becomes 01:00 PST again (09:00 UTC).
        assert_eq!(local_time(la, at("2026-11-01 08:30")), at("2026-11-01 01:30"));
        assert_eq!(local_time(la, at("2026-11-01 09:30")), at("2026-11-01 01:30"));
        // Late in the evening there, it is already tomorrow in UTC.
        assert_eq!(local_date(la, at("2026-12-02 05:00")), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        assert_eq!(abbreviation(Tz::America__Sao_Paulo, at("2026-12-02 05:00")), "-03");
        assert_eq!(offset_text(la, at("2026-01-15 12:00")), "UTC-08:00");
        assert_eq!(offset_text(la, at("2026-07-15 12:00")), "UTC-07:00");
        assert_eq!(offset_text(Tz::Asia__Kolkata, at("2026-07-15 12:00")), "UTC+05:30");
        assert_eq!(offset_text(Tz::UTC, at("2026-07-15 12:00")), "UTC");
    }

    #[test]
    fn a_skipped_or_repeated_local_time_still_names_one_instant() {
        let la = Tz::America__Los_Angeles;
        assert_eq!(instant_of(la, at("2026-01-15 07:00")), at("2026-01-15 15:00"));
        assert_eq!(instant_of(la, at("2026-07-15 07:00")), at("2026-07-15 14:00"));
        // 02:30 on 8 March does not exist there: it is read with winter's offset.
        assert_eq!(instant_of(la, at("2026-03-08 02:30")), at("2026-03-08 10:30"));
        // 01:30 on 1 November happens twice: the first.
        assert_eq!(instant_of(la, at("2026-11-01 01:30")), at("2026-11-01 08:30"));
        assert_eq!(instant_of(Tz::UTC, at("2026-11-01 01:30")), at("2026-11-01 01:30"));
    }
}
