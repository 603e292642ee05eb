//! Checking the people of a file against each other and against the directory:
//! duplicates, unknown managers, management cycles, the last administrator.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{Candidate, Directory, ImportOptions, ImportPlan, Importer, Leaver, RowError, SAFE_LEAVING_PERCENT};
use crate::domain::Email;

/// The error of `column` on a candidate's line.
fn error_on(candidate: &Candidate, column: &'static str, message: String) -> RowError {
    RowError { line: candidate.line, email: candidate.raw_email.clone(), column: Some(column), message }
}

/// Checks what needs the whole file: duplicate addresses, managers that are nowhere or
/// inactive, management circles, and an importer taking away their own admin rights.
pub(super) fn check_people(
    candidates: &mut [Candidate],
    directory: &Directory,
    importer: Option<Importer<'_>>,
    plan: &mut ImportPlan,
) {
    // The first line of each address is the person; later ones are duplicates.
    let mut in_file: HashMap<&str, usize> = HashMap::with_capacity(candidates.len());
    let mut failures: Vec<(usize, RowError)> = Vec::new();
    for (index, candidate) in candidates.iter().enumerate() {
        let Some(email) = &candidate.email else {
            continue;
        };
        match in_file.get(email.as_str()) {
            Some(&first) => {
                let message = format!("This e-mail address is already on line {}.", candidates[first].line);
                failures.push((index, error_on(candidate, "email", message)));
            }
            None => {
                in_file.insert(email.as_str(), index);
            }
        }
    }
    for (index, candidate) in candidates.iter().enumerate() {
        if let Some(message) = manager_problem(candidate, &in_file, directory) {
            failures.push((index, error_on(candidate, "manager_email", message)));
        }
    }
    for (index, cycle) in find_cycles(candidates, &in_file, directory) {
        let message = format!("These people would manage each other in a circle: {cycle}.");
        failures.push((index, error_on(&candidates[index], "manager_email", message)));
    }
    if let Some(importer) = importer {
        let was_admin = directory.by_email(importer.email).is_some_and(|p| p.is_admin);
        for (index, candidate) in candidates.iter().enumerate() {
            let is_importer = candidate.email.as_ref().is_some_and(|e| e.as_str() == importer.email);
            if is_importer && was_admin && candidate.is_admin == Some(false) {
                let message = "You can't take away your own administrator rights with an import; \
                               ask another administrator.";
                failures.push((index, error_on(candidate, "is_admin", message.to_owned())));
            }
            if is_importer && matches!(candidate.leaving, Some(Some(_))) {
                let message = "You can't record your own departure with an import; ask another administrator.";
                failures.push((index, error_on(candidate, "left_on", message.to_owned())));
            }
        }
    }
    for (index, error) in failures {
        candidates[index].failed = true;
        plan.errors.push(error);
    }
}

/// Why a line's manager can't be: nobody has the address, or they left.
fn manager_problem(candidate: &Candidate, in_file: &HashMap<&str, usize>, directory: &Directory) -> Option<String> {
    let Some(Some(manager)) = &candidate.manager_email else {
        return None;
    };
    match (in_file.contains_key(manager.as_str()), directory.by_email(manager.as_str())) {
        (_, Some(person)) if !person.active => {
            Some(format!("{manager} no longer works here (their account is inactive), so they can't be a manager."))
        }
        (false, None) => Some(format!("Nobody with the address {manager} is in the file or in Upskill.")),
        _ => None,
    }
}

/// A node of the management graph: a line of the file, or someone only in the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Node {
    File(usize),
    Existing(i32),
}

/// The lines whose manager chain comes back to them, each with the circle in words.
/// Each person's manager is the file's when the file lists them, else the directory's.
fn find_cycles(
    candidates: &[Candidate],
    in_file: &HashMap<&str, usize>,
    directory: &Directory,
) -> Vec<(usize, String)> {
    let node_of = |email: &str| match in_file.get(email) {
        Some(&index) => Some(Node::File(index)),
        None => directory.by_email(email).map(|p| Node::Existing(p.id)),
    };
    let next = |node: Node| -> Option<Node> {
        match node {
            Node::File(index) => match &candidates[index].manager_email {
                Some(Some(manager)) if Some(manager) != candidates[index].email.as_ref() => node_of(manager.as_str()),
                _ => None,
            },
            Node::Existing(id) => {
                let manager = directory.by_id(id)?.manager_id?;
                node_of(&directory.by_id(manager)?.email)
            }
        }
    };
    let email_of = |node: Node| match node {
        Node::File(index) => candidates[index].email.as_ref().map_or(String::new(), |e| e.to_string()),
        Node::Existing(id) => directory.by_id(id).map_or(String::new(), |p| p.email.clone()),
    };
    // 0: not seen, 1: on the path being walked, 2: done.
    let mut file_state = vec![0u8; candidates.len()];
    let mut existing_state: HashMap<i32, u8> = HashMap::new();
    let mut cycles = Vec::new();
    for start in 0..candidates.len() {
        if file_state[start] != 0
            || in_file.get(candidates[start].email.as_ref().map_or("", Email::as_str)) != Some(&start)
        {
            continue;
        }
        let mut path: Vec<Node> = Vec::new();
        let mut current = Some(Node::File(start));
        while let Some(node) = current {
            let state = match node {
                Node::File(i) => &mut file_state[i],
                Node::Existing(id) => existing_state.entry(id).or_insert(0),
            };
            match *state {
                0 => {
                    *state = 1;
                    path.push(node);
                    current = next(node);
                }
                1 => {
                    let from = path.iter().position(|n| *n == node).unwrap_or(0);
                    let circle = &path[from..];
                    let words = circle_in_words(circle, node, email_of);
                    for n in circle {
                        if let Node::File(index) = n {
                            cycles.push((*index, words.clone()));
                        }
                    }
                    break;
                }
                _ => break,
            }
        }
        for node in path {
            match node {
                Node::File(i) => file_state[i] = 2,
                Node::Existing(id) => {
                    existing_state.insert(id, 2);
                }
            }
        }
    }
    cycles
}

/// "a → b → a": a circle of managers, closed by `back_to`, cut short after twelve people.
fn circle_in_words(circle: &[Node], back_to: Node, email_of: impl Fn(Node) -> String) -> String {
    let mut words = String::new();
    for (shown, n) in circle.iter().chain(std::iter::once(&back_to)).enumerate() {
        if shown == 12 {
            let _ = write!(words, " → … ({} people)", circle.len());
            break;
        }
        if shown > 0 {
            words.push_str(" → ");
        }
        words.push_str(&email_of(*n));
    }
    words
}

/// Lists the active people the file lacks (they leave), and stops the import when more
/// than [`SAFE_LEAVING_PERCENT`] of the active people would leave, unless forced.
pub(super) fn check_missing(
    directory: &Directory,
    importer: Option<Importer<'_>>,
    options: ImportOptions,
    plan: &mut ImportPlan,
) {
    let in_file: std::collections::HashSet<&str> = plan.rows.iter().map(|r| r.row.email.as_str()).collect();
    // A line with errors is not in `rows`, but its person is in the file all the same.
    let with_errors: std::collections::HashSet<&str> = plan.errors.iter().map(|e| e.email.as_str()).collect();
    let missing: Vec<Leaver> = directory
        .people()
        .iter()
        .filter(|p| p.active && !in_file.contains(p.email.as_str()) && !with_errors.contains(p.email.as_str()))
        .map(|p| Leaver { id: p.id, email: p.email.clone(), display_name: p.display_name.clone() })
        .collect();
    if let Some(importer) = importer {
        if missing.iter().any(|p| p.email == importer.email) {
            plan.file_errors.push(format!(
                "You ({}) are not in the file, so the import would make you leave; \
                 a full HR file lists everyone who works here.",
                importer.email
            ));
        }
    }
    let leaving = missing.len() + plan.leaving_count();
    if !options.force && leaving * 100 > plan.active_before * SAFE_LEAVING_PERCENT {
        plan.file_errors.push(format!(
            "{leaving} of the {} active people would leave (more than {SAFE_LEAVING_PERCENT}%): \
             check that this is the full HR file, or import it with --force.",
            plan.active_before
        ));
    }
    plan.missing = missing;
}

/// Refuses a file that would leave nobody an active administrator.
pub(super) fn check_admins_remain(directory: &Directory, plan: &mut ImportPlan) {
    if plan.has_errors() {
        return;
    }
    let admins_before = directory.people().iter().filter(|p| p.is_admin && p.active).count();
    if admins_before == 0 {
        return;
    }
    let in_file: HashMap<&str, bool> = plan.rows.iter().map(|r| (r.row.email.as_str(), r.row.is_admin)).collect();
    let leaving: std::collections::HashSet<i32> = plan.missing.iter().map(|p| p.id).collect();
    let stay = directory
        .people()
        .iter()
        .filter(|p| p.is_admin && p.active && !in_file.contains_key(p.email.as_str()) && !leaving.contains(&p.id));
    let made = plan.rows.iter().filter(|r| {
        r.row.is_admin && r.row.leaving.is_none() && directory.by_email(r.row.email.as_str()).is_none_or(|p| p.active)
    });
    if stay.count() + made.count() == 0 {
        plan.file_errors.push(
            "This file would leave Upskill without an administrator: mark at least one person is_admin=true."
                .to_owned(),
        );
    }
}
