//! Planning: what the import does with each person (new, updated, unchanged).

use super::{Candidate, Change, Directory, ExistingPerson, ImportRow, ManagerRef, PlannedRow, RowAction};

/// The plan of every line without errors: new, changed or unchanged.
pub(super) fn plan_rows(candidates: Vec<Candidate>, directory: &Directory) -> Vec<PlannedRow> {
    let mut rows = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        if candidate.failed {
            continue;
        }
        let (
            Some(email),
            Some(job_family),
            Some(site_type),
            Some(employment_type),
            Some(hire_date),
            Some(manager_email),
            Some(is_admin),
            Some(effective_on),
            Some(leaving),
        ) = (
            candidate.email,
            candidate.job_family,
            candidate.site_type,
            candidate.employment_type,
            candidate.hire_date,
            candidate.manager_email,
            candidate.is_admin,
            candidate.effective_on,
            candidate.leaving,
        )
        else {
            continue;
        };
        let row = ImportRow {
            line: candidate.line,
            email,
            display_name: candidate.display_name,
            job_title: candidate.job_title,
            job_family,
            site_type,
            employment_type,
            hire_date,
            manager_email,
            is_admin,
            effective_on,
            leaving,
        };
        let manager = match &row.manager_email {
            None => ManagerRef::None,
            Some(manager) => match directory.by_email(manager.as_str()) {
                Some(person) => ManagerRef::Existing(person.id),
                None => ManagerRef::New(manager.clone()),
            },
        };
        let action = match directory.by_email(row.email.as_str()) {
            None => RowAction::New,
            Some(person) => {
                let changes = changes(person, &row, &manager, directory);
                if changes.is_empty() {
                    RowAction::Unchanged { id: person.id }
                } else {
                    RowAction::Update { id: person.id, changes }
                }
            }
        };
        rows.push(PlannedRow { row, manager, action });
    }
    rows
}

/// What differs between a stored person and their line in the file.
fn changes(person: &ExistingPerson, row: &ImportRow, manager: &ManagerRef, directory: &Directory) -> Vec<Change> {
    let flag = |b: bool| if b { "true" } else { "false" }.to_owned();
    let mut changes = Vec::new();
    let mut compare = |column: &'static str, before: String, after: String| {
        if before != after {
            changes.push(Change { column, before, after });
        }
    };
    compare("display_name", person.display_name.clone(), row.display_name.clone());
    compare("job_title", person.job_title.clone(), row.job_title.clone());
    compare("job_family", person.job_family.as_str().to_owned(), row.job_family.as_str().to_owned());
    compare("site_type", person.site_type.as_str().to_owned(), row.site_type.as_str().to_owned());
    compare("employment_type", person.employment_type.as_str().to_owned(), row.employment_type.as_str().to_owned());
    compare("hire_date", person.hire_date.to_string(), row.hire_date.to_string());
    let manager_changed = match manager {
        ManagerRef::None => person.manager_id.is_some(),
        ManagerRef::Existing(id) => person.manager_id != Some(*id),
        ManagerRef::New(_) => true,
    };
    if manager_changed {
        let before = person.manager_id.and_then(|id| directory.by_id(id)).map_or(String::new(), |m| m.email.clone());
        let after = row.manager_email.as_ref().map_or(String::new(), |m| m.to_string());
        changes.push(Change { column: "manager_email", before, after });
    }
    if person.is_admin != row.is_admin {
        changes.push(Change { column: "is_admin", before: flag(person.is_admin), after: flag(row.is_admin) });
    }
    if person.active && row.leaving.is_some() {
        changes.push(Change { column: "active", before: flag(true), after: flag(false) });
    }
    changes
}
