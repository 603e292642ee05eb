//! Checking the people of a file against each other and against the directory:
//! duplicates, unknown managers, management cycles, the last administrator.

use std::collections::HashMap;

use super::{Candidate, Directory, ImportOptions, ImportPlan, Importer, Leaver, RowError, SAFE_LEAVING_PERCENT};
use crate::domain::message::Message;
use crate::domain::Email;

/// The most people a circle of managers names before it is cut short.
const CIRCLE_SHOWN: usize = 12;

/// The error of `column` on a candidate's line.
fn error_on(candidate: &Candidate, column: &'static str, message: Message) -> RowError {
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
                let message = Message::new("import-line-email-twice").text("line", candidates[first].line.to_string());
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
    for (index, message) in find_cycles(candidates, &in_file, directory) {
        failures.push((index, error_on(&candidates[index], "manager_email", message)));
    }
    if let Some(importer) = importer {
        let was_admin = directory.by_email(importer.email).is_some_and(|p| p.is_admin);
        for (index, candidate) in candidates.iter().enumerate() {
            let is_importer = candidate.email.as_ref().is_some_and(|e| e.as_str() == importer.email);
            if is_importer && was_admin && candidate.is_admin == Some(false) {
                let message = Message::new("import-line-own-admin-rights");
                failures.push((index, error_on(candidate, "is_admin", message)));
            }
            if is_importer && matches!(candidate.leaving, Some(Some(_))) {
                let message = Message::new("import-line-own-departure");
                failures.push((index, error_on(candidate, "left_on", message)));
            }
        }
    }
    for (index, error) in failures {
        candidates[index].failed = true;
        plan.errors.push(error);
    }
}

/// Why a line's manager can't be: nobody has the address, or they left.
fn manager_problem(candidate: &Candidate, in_file: &HashMap<&str, usize>, directory: &Directory) -> Option<Message> {
    let Some(Some(manager)) = &candidate.manager_email else {
        return None;
    };
    match (in_file.contains_key(manager.as_str()), directory.by_email(manager.as_str())) {
        (_, Some(person)) if !person.active => {
            Some(Message::new("import-line-manager-inactive").text("manager", manager.to_string()))
        }
        (false, None) => Some(Message::new("import-line-manager-unknown").text("manager", manager.to_string())),
        _ => None,
    }
}

/// A node of the management graph: a line of the file, or someone only in the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Node {
    File(usize),
    Existing(i32),
}

/// The lines whose manager chain comes back to them, each with the message that names
/// the circle. Each person's manager is the file's when the file lists them, else the
/// directory's.
fn find_cycles(
    candidates: &[Candidate],
    in_file: &HashMap<&str, usize>,
    directory: &Directory,
) -> Vec<(usize, Message)> {
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

/// The message that names a circle of managers ("a → b → a"), closed by `back_to`, cut
/// short after [`CIRCLE_SHOWN`] people (then saying how many it has).
fn circle_in_words(circle: &[Node], back_to: Node, email_of: impl Fn(Node) -> String) -> Message {
    let around: Vec<String> =
        circle.iter().chain(std::iter::once(&back_to)).take(CIRCLE_SHOWN).map(|n| email_of(*n)).collect();
    let shown = around.join(" → ");
    if circle.len() + 1 > CIRCLE_SHOWN {
        Message::new("import-line-circle-cut").text("circle", shown).number("count", circle.len())
    } else {
        Message::new("import-line-circle").text("circle", shown)
    }
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
            plan.file_errors.push(Message::new("import-refused-importer-missing").text("email", importer.email));
        }
    }
    let leaving = missing.len() + plan.leaving_count();
    if !options.force && leaving * 100 > plan.active_before * SAFE_LEAVING_PERCENT {
        plan.file_errors.push(
            Message::new("import-refused-too-many-leave")
                .number("count", leaving)
                .number("active", plan.active_before)
                .number("percent", SAFE_LEAVING_PERCENT),
        );
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
        plan.file_errors.push(Message::new("import-refused-no-admin"));
    }
}
