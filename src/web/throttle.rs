//! The counts behind the sign-in limits (`domain::sign_in_limits`): wrong passwords per
//! account and address, per account, per address, each in its period. They live behind
//! [`FailureCounts`]; [`MemoryCounts`] keeps them in this server's memory (so each server
//! of a cluster counts its own); a store shared by the cluster can take its place.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::config::Settings;
use crate::domain::sign_in_limits::{Failures, SignInLimits};

/// Where the wrong passwords are counted. `account` is the address as typed (trimmed,
/// lower-cased); `address` the client's address, when known.
pub trait FailureCounts: Send + Sync {
    /// The failures counted now.
    fn failures(&self, account: &str, address: Option<IpAddr>, now: Instant) -> Failures;
    /// Counts one wrong password.
    fn add_failure(&self, account: &str, address: Option<IpAddr>, now: Instant);
    /// The right password from `address`: its failures on the account are forgotten.
    fn clear(&self, account: &str, address: Option<IpAddr>);
    /// Forgets counts whose period has passed (keeps the memory bounded).
    fn forget_idle(&self, now: Instant);
}

const HOUR: Duration = Duration::from_secs(3600);
const MINUTE: Duration = Duration::from_secs(60);

/// No e-mail address is longer: longer text keys nothing more and would only make the
/// maps big.
const ACCOUNT_KEY_CHARS: usize = 254;

/// Failures since `started`, counted in a period that starts with the first one.
#[derive(Debug, Clone, Copy)]
struct Window {
    started: Instant,
    count: u32,
}

/// Counts per key in windows of `period`.
struct Windows<K> {
    period: Duration,
    counts: Mutex<HashMap<K, Window>>,
}

impl<K: std::hash::Hash + Eq + Clone> Windows<K> {
    fn new(period: Duration) -> Self {
        Windows { period, counts: Mutex::new(HashMap::new()) }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, Window>> {
        // A panic elsewhere while holding the lock leaves counts that are still counts.
        self.counts.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn count(&self, key: &K, now: Instant) -> u32 {
        self.lock().get(key).filter(|w| now.duration_since(w.started) < self.period).map_or(0, |w| w.count)
    }

    fn add(&self, key: &K, now: Instant) {
        let mut counts = self.lock();
        let window = counts.entry(key.clone()).or_insert(Window { started: now, count: 0 });
        if now.duration_since(window.started) >= self.period {
            *window = Window { started: now, count: 0 };
        }
        window.count = window.count.saturating_add(1);
    }

    fn remove(&self, key: &K) {
        self.lock().remove(key);
    }

    fn forget_idle(&self, now: Instant) {
        self.lock().retain(|_, w| now.duration_since(w.started) < self.period);
    }
}

/// The counts in this server's memory.
pub struct MemoryCounts {
    account_and_address: Windows<(String, Option<IpAddr>)>,
    account: Windows<String>,
    address: Windows<Option<IpAddr>>,
}

impl Default for MemoryCounts {
    fn default() -> Self {
        MemoryCounts {
            account_and_address: Windows::new(HOUR),
            account: Windows::new(HOUR),
            address: Windows::new(MINUTE),
        }
    }
}

fn account_key(account: &str) -> String {
    account.chars().take(ACCOUNT_KEY_CHARS).collect()
}

impl FailureCounts for MemoryCounts {
    fn failures(&self, account: &str, address: Option<IpAddr>, now: Instant) -> Failures {
        let account = account_key(account);
        Failures {
            account_and_address: self.account_and_address.count(&(account.clone(), address), now),
            account: self.account.count(&account, now),
            address: address.map_or(0, |_| self.address.count(&address, now)),
        }
    }

    fn add_failure(&self, account: &str, address: Option<IpAddr>, now: Instant) {
        let account = account_key(account);
        self.account_and_address.add(&(account.clone(), address), now);
        self.account.add(&account, now);
        if address.is_some() {
            self.address.add(&address, now);
        }
    }

    fn clear(&self, account: &str, address: Option<IpAddr>) {
        self.account_and_address.remove(&(account_key(account), address));
    }

    fn forget_idle(&self, now: Instant) {
        self.account_and_address.forget_idle(now);
        self.account.forget_idle(now);
        self.address.forget_idle(now);
    }
}

/// The sign-in limits and their counts.
pub struct LoginThrottle {
    limits: SignInLimits,
    counts: Box<dyn FailureCounts>,
}

impl LoginThrottle {
    pub fn new(settings: &Settings) -> LoginThrottle {
        LoginThrottle::with_counts(settings, Box::new(MemoryCounts::default()))
    }

    pub fn with_counts(settings: &Settings, counts: Box<dyn FailureCounts>) -> LoginThrottle {
        let limits = SignInLimits {
            per_account_and_address: settings.login_attempts_per_account_per_hour,
            per_account: settings.login_account_ceiling_per_hour,
            per_address: settings.login_attempts_per_address_per_minute,
        };
        LoginThrottle { limits, counts }
    }

    /// Whether `address` may try a password for `account` now.
    pub fn allows(&self, account: &str, address: Option<IpAddr>) -> bool {
        self.limits.allow(self.counts.failures(account, address, Instant::now()))
    }

    /// A wrong password (or an unknown account).
    pub fn failed(&self, account: &str, address: Option<IpAddr>) {
        self.counts.add_failure(account, address, Instant::now());
    }

    /// The right password.
    pub fn succeeded(&self, account: &str, address: Option<IpAddr>) {
        self.counts.clear(account, address);
    }

    /// Forgets counts whose period has passed.
    pub fn forget_idle(&self) {
        self.counts.forget_idle(Instant::now());
    }
}

/// Requests for a password-reset link: a few an hour per typed address (each sends an
/// e-mail to that person), more per client address. Over either, the request is answered
/// as any other and nothing is sent.
pub struct ResetRequests {
    per_account: Windows<String>,
    per_address: Windows<IpAddr>,
}

/// Reset e-mails an address can cause in an hour.
const RESETS_PER_ACCOUNT_PER_HOUR: u32 = 3;
/// Reset requests one client can make in an hour.
const RESETS_PER_ADDRESS_PER_HOUR: u32 = 20;

impl Default for ResetRequests {
    fn default() -> Self {
        ResetRequests { per_account: Windows::new(HOUR), per_address: Windows::new(HOUR) }
    }
}

impl ResetRequests {
    /// Counts one request; whether it may send its e-mail.
    pub fn allows(&self, account: &str, address: Option<IpAddr>) -> bool {
        let now = Instant::now();
        let account: String = account.chars().take(ACCOUNT_KEY_CHARS).collect();
        let account_ok = self.per_account.count(&account, now) < RESETS_PER_ACCOUNT_PER_HOUR;
        let address_ok = address.is_none_or(|ip| self.per_address.count(&ip, now) < RESETS_PER_ADDRESS_PER_HOUR);
        self.per_account.add(&account, now);
        if let Some(ip) = address {
            self.per_address.add(&ip, now);
        }
        account_ok && address_ok
    }

    /// Forgets counts whose hour has passed.
    pub fn forget_idle(&self) {
        let now = Instant::now();
        self.per_account.forget_idle(now);
        self.per_address.forget_idle(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> Option<IpAddr> {
        text.parse().ok()
    }

    #[test]
    fn failures_are_counted_per_account_and_address_within_their_period() {
        let counts = MemoryCounts::default();
        let start = Instant::now();
        for _ in 0..3 {
            counts.add_failure("paula@x.io", ip("10.0.0.1"), start);
        }
        counts.add_failure("paula@x.io", ip("10.0.0.2"), start);
        counts.add_failure("fiona@x.io", ip("10.0.0.1"), start);
        assert_eq!(
            counts.failures("paula@x.io", ip("10.0.0.1"), start),
            Failures { account_and_address: 3, account: 4, address: 4 }
        );
        assert_eq!(
            counts.failures("paula@x.io", ip("10.0.0.3"), start),
            Failures { account_and_address: 0, account: 4, address: 0 }
        );
        let later = start + MINUTE;
        assert_eq!(counts.failures("paula@x.io", ip("10.0.0.1"), later).address, 0, "a minute has passed");
        let much_later = start + HOUR;
        assert_eq!(counts.failures("paula@x.io", ip("10.0.0.1"), much_later), Failures::default());
        counts.forget_idle(much_later);
        assert!(counts.account.lock().is_empty() && counts.account_and_address.lock().is_empty());
    }

    #[test]
    fn the_right_password_forgets_that_addresss_failures_only() {
        let counts = MemoryCounts::default();
        let now = Instant::now();
        counts.add_failure("paula@x.io", ip("10.0.0.1"), now);
        counts.add_failure("paula@x.io", ip("10.0.0.2"), now);
        counts.clear("paula@x.io", ip("10.0.0.1"));
        assert_eq!(counts.failures("paula@x.io", ip("10.0.0.1"), now).account_and_address, 0);
        assert_eq!(counts.failures("paula@x.io", ip("10.0.0.2"), now).account_and_address, 1);
        assert_eq!(counts.failures("paula@x.io", ip("10.0.0.1"), now).account, 2);
    }
}
