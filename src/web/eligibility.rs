//! A verdict on who may apply ([`Eligibility`]) in the page's language: the catalog,
//! the apply form, the edit form and an application's page word it the same way.

use crate::domain::Eligibility;
use crate::i18n::Tr;

/// Why a verdict is "not eligible", one sentence a reason, in the page's language.
pub fn eligibility_reasons(eligibility: &Eligibility, t: Tr) -> Vec<String> {
    eligibility.reasons().iter().map(|reason| t.say(reason)).collect()
}

/// A verdict's one-line summary, in the page's language.
pub fn eligibility_headline(eligibility: &Eligibility, t: Tr) -> String {
    match eligibility {
        Eligibility::Eligible => t.m("eligibility-eligible").to_owned(),
        Eligibility::EligibleFrom(date) => t.with("eligibility-from", "date", t.date(*date)),
        Eligibility::Ineligible(_) => t.m("eligibility-ineligible").to_owned(),
    }
}
