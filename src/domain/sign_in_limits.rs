//! When a password sign-in may be tried (ASVS 2.2.1, OWASP's advice on lockout): wrong
//! passwords are counted, right ones are not, and the counts are kept per account *and*
//! client address, so that guessing someone's password from anywhere never locks the
//! real person out.
//!
//! - One address may get an account's password wrong `per_account_and_address` times an
//!   hour; then that address is refused for that account.
//! - One address may get any passwords wrong `per_address` times a minute (someone trying
//!   many accounts); then it is refused for all.
//! - An account may take `per_account` wrong passwords an hour from all addresses
//!   together (a guessing attack spread over many addresses). Past that, an address that
//!   has already failed on the account is refused, while one that has not may still
//!   try: the owner, from their own computer, still signs in, and an attacker gets one
//!   more guess per fresh address.

use std::net::IpAddr;

use chrono::{NaiveDateTime, TimeDelta};

use super::enums::AttemptScope;

/// The limits, from the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInLimits {
    /// Wrong passwords per hour for one account from one address.
    pub per_account_and_address: u32,
    /// Wrong passwords per hour for one account from all addresses together.
    pub per_account: u32,
    /// Wrong passwords per minute from one address, whatever the accounts.
    pub per_address: u32,
}

/// The wrong passwords counted now (each within its limit's period).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Failures {
    pub account_and_address: u32,
    pub account: u32,
    pub address: u32,
}

impl SignInLimits {
    /// Whether another password may be tried, after `failures`.
    pub fn allow(self, failures: Failures) -> bool {
        let address_failed_here = failures.account_and_address > 0;
        failures.account_and_address < self.per_account_and_address
            && failures.address < self.per_address
            && (failures.account < self.per_account || !address_failed_here)
    }
}

impl AttemptScope {
    /// How long one window of this count lasts.
    pub fn period(self) -> TimeDelta {
        match self {
            AttemptScope::FailuresFromAddress => TimeDelta::minutes(1),
            AttemptScope::FailuresOnAccountFromAddress
            | AttemptScope::FailuresOnAccount
            | AttemptScope::ResetsForAccount
            | AttemptScope::ResetsFromAddress => TimeDelta::hours(1),
        }
    }
}

/// The longest period: a window started before `now` minus this has ended, whatever its
/// scope.
pub const LONGEST_PERIOD: TimeDelta = TimeDelta::hours(1);

/// A count as stored: the window started with its first attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub started_at: NaiveDateTime,
    pub attempts: i32,
}

impl Window {
    /// Whether the window has ended by `now`: the next attempt starts a new one.
    pub fn has_ended(self, scope: AttemptScope, now: NaiveDateTime) -> bool {
        now - self.started_at >= scope.period()
    }

    /// The attempts that count at `now`.
    pub fn attempts_at(self, scope: AttemptScope, now: NaiveDateTime) -> u32 {
        if self.has_ended(scope, now) {
            0
        } else {
            u32::try_from(self.attempts).unwrap_or(0)
        }
    }
}

/// No e-mail address is longer: longer text keys nothing more.
const ACCOUNT_KEY_CHARS: usize = 254;

/// The account part of a key: the address as typed (trimmed, lower-cased by the caller),
/// without control characters, at most an e-mail address long.
pub fn account_key(typed: &str) -> String {
    typed.chars().filter(|c| !c.is_control()).take(ACCOUNT_KEY_CHARS).collect()
}

/// The keys of a sign-in attempt's counts: for the account from this address, for the
/// account, and for the address when it is known. The order is the order in which their
/// rows are written (one order everywhere, so that two servers never wait on each other
/// in a circle).
pub fn failure_keys(account: &str, address: Option<IpAddr>) -> Vec<(AttemptScope, String)> {
    let account = account_key(account);
    let from = address.map_or_else(|| "-".to_owned(), |ip| ip.to_string());
    let mut keys = vec![
        (AttemptScope::FailuresOnAccountFromAddress, format!("{from} {account}")),
        (AttemptScope::FailuresOnAccount, account),
    ];
    if let Some(ip) = address {
        keys.push((AttemptScope::FailuresFromAddress, ip.to_string()));
    }
    keys
}

/// The failures counted at `now` from the stored windows of [`failure_keys`].
pub fn failures_from(windows: &[(AttemptScope, Window)], now: NaiveDateTime) -> Failures {
    let mut failures = Failures::default();
    for &(scope, window) in windows {
        let attempts = window.attempts_at(scope, now);
        match scope {
            AttemptScope::FailuresOnAccountFromAddress => failures.account_and_address = attempts,
            AttemptScope::FailuresOnAccount => failures.account = attempts,
            AttemptScope::FailuresFromAddress => failures.address = attempts,
            AttemptScope::ResetsForAccount | AttemptScope::ResetsFromAddress => {}
        }
    }
    failures
}

/// Reset e-mails one typed address can cause in an hour.
pub const RESETS_PER_ACCOUNT_PER_HOUR: u32 = 3;
/// Reset requests one client can make in an hour.
pub const RESETS_PER_ADDRESS_PER_HOUR: u32 = 20;

/// The keys of a password-reset request's counts.
pub fn reset_keys(account: &str, address: Option<IpAddr>) -> Vec<(AttemptScope, String)> {
    let mut keys = vec![(AttemptScope::ResetsForAccount, account_key(account))];
    if let Some(ip) = address {
        keys.push((AttemptScope::ResetsFromAddress, ip.to_string()));
    }
    keys
}

/// Whether a reset request may send its e-mail, given the requests counted with it.
pub fn reset_allowed(windows: &[(AttemptScope, Window)], now: NaiveDateTime) -> bool {
    windows.iter().all(|&(scope, window)| {
        let limit = match scope {
            AttemptScope::ResetsForAccount => RESETS_PER_ACCOUNT_PER_HOUR,
            AttemptScope::ResetsFromAddress => RESETS_PER_ADDRESS_PER_HOUR,
            _ => u32::MAX,
        };
        window.attempts_at(scope, now) <= limit
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: SignInLimits = SignInLimits { per_account_and_address: 10, per_account: 100, per_address: 60 };

    fn failures(account_and_address: u32, account: u32, address: u32) -> Failures {
        Failures { account_and_address, account, address }
    }

    #[test]
    fn an_address_is_refused_after_its_own_failures_on_the_account() {
        assert!(LIMITS.allow(failures(0, 0, 0)));
        assert!(LIMITS.allow(failures(9, 9, 9)));
        assert!(!LIMITS.allow(failures(10, 10, 10)));
    }

    #[test]
    fn an_address_failing_on_many_accounts_is_refused_for_all() {
        assert!(!LIMITS.allow(failures(0, 0, 60)));
    }

    #[test]
    fn past_the_accounts_ceiling_only_addresses_that_have_not_failed_may_try() {
        // Others' failures alone never refuse the owner.
        assert!(LIMITS.allow(failures(0, 5_000, 0)));
        assert!(!LIMITS.allow(failures(1, 100, 1)));
        assert!(LIMITS.allow(failures(1, 99, 1)));
    }

    fn at(minutes: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_800_000_000 + minutes * 60, 0).map(|t| t.naive_utc()).unwrap()
    }

    #[test]
    fn a_window_counts_for_its_period_from_its_first_attempt() {
        let window = Window { started_at: at(0), attempts: 7 };
        assert_eq!(window.attempts_at(AttemptScope::FailuresOnAccount, at(59)), 7);
        assert_eq!(window.attempts_at(AttemptScope::FailuresOnAccount, at(60)), 0);
        assert_eq!(window.attempts_at(AttemptScope::FailuresFromAddress, at(0)), 7);
        assert_eq!(window.attempts_at(AttemptScope::FailuresFromAddress, at(1)), 0);
    }

    #[test]
    fn keys_keep_no_control_characters_and_tell_addresses_apart() {
        let keys = failure_keys("pa\0ula@x.io\n", "10.0.0.1".parse().ok());
        assert_eq!(
            keys,
            vec![
                (AttemptScope::FailuresOnAccountFromAddress, "10.0.0.1 paula@x.io".to_owned()),
                (AttemptScope::FailuresOnAccount, "paula@x.io".to_owned()),
                (AttemptScope::FailuresFromAddress, "10.0.0.1".to_owned()),
            ]
        );
        assert_eq!(failure_keys("paula@x.io", None).len(), 2, "no address, no address count");
        let windows: Vec<_> =
            keys.iter().map(|(scope, _)| (*scope, Window { started_at: at(0), attempts: 3 })).collect();
        assert_eq!(failures_from(&windows, at(0)), failures(3, 3, 3));
        assert_eq!(failures_from(&windows, at(2)), failures(3, 3, 0));
    }

    #[test]
    fn reset_requests_send_three_an_hour_per_account() {
        let window = |attempts| vec![(AttemptScope::ResetsForAccount, Window { started_at: at(0), attempts })];
        assert!(reset_allowed(&window(3), at(10)));
        assert!(!reset_allowed(&window(4), at(10)));
        assert!(reset_allowed(&window(4), at(60)));
        assert!(reset_allowed(&[], at(0)));
    }
}
