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
}
