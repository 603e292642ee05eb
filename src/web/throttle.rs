//! The sign-in limits (`domain::sign_in_limits`) from the settings. The attempts are
//! counted in the database (`db::attempt_counts`), so the limits hold for the whole
//! cluster: N servers do not allow N times the attempts.

use crate::config::Settings;
use crate::domain::sign_in_limits::SignInLimits;

/// The limits `serve` was started with.
pub fn sign_in_limits(settings: &Settings) -> SignInLimits {
    SignInLimits {
        per_account_and_address: settings.login_attempts_per_account_per_hour,
        per_account: settings.login_account_ceiling_per_hour,
        per_address: settings.login_attempts_per_address_per_minute,
    }
}
