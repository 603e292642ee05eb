//! What the program form's eligibility headcount preview shows: one rule's counts, or
//! the rule as edited next to the saved one, today and in 90 days, by site type and job
//! family, as the rows of two tables and a summary (`templates/admin/_headcount.html`).

use crate::domain::headcount::{window_note, DayCounts, Headcount, PreviewDays};
use crate::domain::{JobFamily, ProgramRules, ProgramStatus, SiteType};
use crate::web::format::long_date;
use crate::web::format::number;

/// One column of the headcount tables: its `data-count` name and its heading.
pub struct HeadcountColumn {
    pub key: &'static str,
    pub heading: &'static str,
}

/// A line of a headcount table: a site type or a job family (or all of them), and its
/// counts in the order of the columns, grouped by thousands.
pub struct HeadcountRow {
    pub key: &'static str,
    pub label: &'static str,
    pub counts: Vec<String>,
}

/// One rule's totals for the summary above the tables.
pub struct HeadcountTotal {
    pub key: &'static str,
    pub rule: &'static str,
    pub today: String,
    pub later: String,
}

/// The eligibility headcount as the program form shows it.
pub struct HeadcountView {
    pub today: String,
    pub later: String,
    /// Said when the program is not published: it is counted as if it were.
    pub status_note: Option<&'static str>,
    pub totals: Vec<HeadcountTotal>,
    /// Why a rule counts nobody on a day (its application window).
    pub notes: Vec<String>,
    pub columns: Vec<HeadcountColumn>,
    pub sites: Vec<HeadcountRow>,
    pub families: Vec<HeadcountRow>,
    pub total: Vec<String>,
}

impl HeadcountView {
    /// The rule as edited (`edited`) and, for a program already saved, its saved rule.
    pub fn new(
        days: PreviewDays,
        status: Option<ProgramStatus>,
        edited: (&ProgramRules, &Headcount),
        saved: Option<(&ProgramRules, &Headcount)>,
    ) -> HeadcountView {
        let t = crate::web::language::words();
        let status_note = match status {
            None => Some(t.m("headcount-new-draft")),
            Some(ProgramStatus::Draft) => Some(t.m("headcount-draft")),
            Some(ProgramStatus::Archived) => Some(t.m("headcount-archived")),
            Some(ProgramStatus::Published) => None,
        };
        // Each rule: its key, its name in English (for the domain's window notes, in
        // English for now) and its name on the page.
        let mut rules = vec![if saved.is_some() {
            ("edited", "The rule as edited", t.m("headcount-rule-as-edited"), edited)
        } else {
            ("edited", "The rule", t.m("headcount-rule"), edited)
        }];
        rules.extend(saved.map(|saved| ("saved", "The saved rule", t.m("headcount-rule-saved"), saved)));
        let columns: Vec<HeadcountColumn> = if saved.is_some() {
            vec![
                HeadcountColumn { key: "edited-today", heading: t.m("headcount-edited-today") },
                HeadcountColumn { key: "edited-later", heading: t.m("headcount-edited-later") },
                HeadcountColumn { key: "saved-today", heading: t.m("headcount-saved-today") },
                HeadcountColumn { key: "saved-later", heading: t.m("headcount-saved-later") },
            ]
        } else {
            vec![
                HeadcountColumn { key: "edited-today", heading: t.m("headcount-today") },
                HeadcountColumn { key: "edited-later", heading: t.m("headcount-later") },
            ]
        };
        let numbers = |pick: &dyn Fn(&Headcount) -> DayCounts| -> Vec<String> {
            rules
                .iter()
                .flat_map(|(_, _, _, (_, headcount))| {
                    let counts = pick(headcount);
                    [number(counts.today), number(counts.later)]
                })
                .collect()
        };
        let of_site = |site: SiteType| {
            move |h: &Headcount| h.by_site_type.iter().find(|(s, _)| *s == site).map(|(_, c)| *c).unwrap_or_default()
        };
        let of_family = |family: JobFamily| {
            move |h: &Headcount| h.by_job_family.iter().find(|(f, _)| *f == family).map(|(_, c)| *c).unwrap_or_default()
        };
        HeadcountView {
            today: long_date(days.today),
            later: long_date(days.later),
            status_note,
            totals: rules
                .iter()
                .map(|(key, _, rule, (_, headcount))| HeadcountTotal {
                    key,
                    rule,
                    today: number(headcount.total.today),
                    later: number(headcount.total.later),
                })
                .collect(),
            notes: rules
                .iter()
                .filter_map(|(_, rule, _, (program_rules, _))| window_note(rule, program_rules, days))
                .collect(),
            columns,
            sites: SiteType::ALL
                .iter()
                .map(|site| HeadcountRow { key: site.as_str(), label: t.name(*site), counts: numbers(&of_site(*site)) })
                .collect(),
            families: JobFamily::ALL
                .iter()
                .map(|family| HeadcountRow {
                    key: family.as_str(),
                    label: t.name(*family),
                    counts: numbers(&of_family(*family)),
                })
                .collect(),
            total: numbers(&|h| h.total),
        }
    }
}
