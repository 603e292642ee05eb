//! What the program form's eligibility headcount preview shows: one rule's counts, or
//! the rule as edited next to the saved one, today and in 90 days, by site type and job
//! family, as the rows of two tables and a summary (`templates/admin/_headcount.html`).

use crate::domain::headcount::{window_note, DayCounts, Headcount, PreviewDays};
use crate::domain::numbers::grouped;
use crate::domain::words::long_date;
use crate::domain::{JobFamily, ProgramRules, ProgramStatus, SiteType};

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
        let status_note = match status {
            None => Some("A new program starts as a draft: the preview counts people as if it were published."),
            Some(ProgramStatus::Draft) => {
                Some("This program is a draft: the preview counts people as if it were published.")
            }
            Some(ProgramStatus::Archived) => {
                Some("This program is archived: the preview counts people as if it were published.")
            }
            Some(ProgramStatus::Published) => None,
        };
        let mut rules = vec![("edited", if saved.is_some() { "The rule as edited" } else { "The rule" }, edited)];
        rules.extend(saved.map(|saved| ("saved", "The saved rule", saved)));
        let columns: Vec<HeadcountColumn> = if saved.is_some() {
            vec![
                HeadcountColumn { key: "edited-today", heading: "As edited, today" },
                HeadcountColumn { key: "edited-later", heading: "As edited, in 90 days" },
                HeadcountColumn { key: "saved-today", heading: "Saved, today" },
                HeadcountColumn { key: "saved-later", heading: "Saved, in 90 days" },
            ]
        } else {
            vec![
                HeadcountColumn { key: "edited-today", heading: "Today" },
                HeadcountColumn { key: "edited-later", heading: "In 90 days" },
            ]
        };
        let numbers = |pick: &dyn Fn(&Headcount) -> DayCounts| -> Vec<String> {
            rules
                .iter()
                .flat_map(|(_, _, (_, headcount))| {
                    let counts = pick(headcount);
                    [grouped(counts.today), grouped(counts.later)]
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
                .map(|(key, rule, (_, headcount))| HeadcountTotal {
                    key,
                    rule,
                    today: grouped(headcount.total.today),
                    later: grouped(headcount.total.later),
                })
                .collect(),
            notes: rules
                .iter()
                .filter_map(|(_, rule, (program_rules, _))| window_note(rule, program_rules, days))
                .collect(),
            columns,
            sites: SiteType::ALL
                .iter()
                .map(|site| HeadcountRow { key: site.as_str(), label: site.label(), counts: numbers(&of_site(*site)) })
                .collect(),
            families: JobFamily::ALL
                .iter()
                .map(|family| HeadcountRow {
                    key: family.as_str(),
                    label: family.label(),
                    counts: numbers(&of_family(*family)),
                })
                .collect(),
            total: numbers(&|h| h.total),
        }
    }
}
