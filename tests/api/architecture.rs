//! The shape of the code, held by tests that read `src/`: the stored names of the
//! vocabularies appear only in `domain::enums`, dependencies run one way between the
//! layers (`main → cli → startup → web → {services, db} → domain`), and no module
//! imports, directly or through others, a module that imports it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use upskill::domain::enums::StoredName;
use upskill::domain::{
    ApplicationStatus, AuditAction, Category, CompletionEvidence, CompletionVerifier, EmploymentType, Event, FileType,
    Format, HistorySource, JobFamily, LeavingReason, MailKind, ProgramKind, ProgramStatus, SiteType,
};

/// One source file: its module path (`db::workflow::people`), its path from `src/`, and
/// its code without comments and without its test module.
struct Source {
    module: String,
    path: String,
    code: Vec<(usize, String)>,
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// `db/workflow/mod.rs` → `db::workflow`; `lib.rs` → `crate`; `main.rs` → `main`.
fn module_of(relative: &str) -> String {
    let without = relative.trim_end_matches(".rs");
    let mut parts: Vec<&str> = without.split('/').collect();
    if parts.last() == Some(&"mod") {
        parts.pop();
    }
    match parts.as_slice() {
        ["lib"] => "crate".to_owned(),
        _ => parts.join("::"),
    }
}

/// The lines of code of a file with their numbers: comments dropped, and everything from
/// a `#[cfg(test)]` module on (test modules sit at the end of their file).
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") {
            break;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        lines.push((index + 1, line.to_owned()));
    }
    lines
}

/// Every file of `src/` but those compiled only for tests.
fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let texts: BTreeMap<String, String> = files
        .iter()
        .map(|path| {
            let relative = path.strip_prefix(&root).expect("under src/").to_string_lossy().replace('\\', "/");
            (relative, std::fs::read_to_string(path).expect("a readable source file"))
        })
        .collect();
    let test_only: BTreeSet<String> = texts
        .iter()
        .flat_map(|(relative, text)| {
            let dir = relative.rsplit_once('/').map_or("", |(dir, _)| dir).to_owned();
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            lines
                .windows(2)
                .filter(|pair| pair[0] == "#[cfg(test)]")
                .filter_map(|pair| pair[1].strip_prefix("mod ").and_then(|rest| rest.strip_suffix(';')))
                .map(|name| if dir.is_empty() { format!("{name}.rs") } else { format!("{dir}/{name}.rs") })
                .collect::<Vec<_>>()
        })
        .collect();
    texts
        .into_iter()
        .filter(|(relative, _)| !test_only.contains(relative))
        .map(|(relative, text)| Source { module: module_of(&relative), code: code_lines(&text), path: relative })
        .collect()
}

/// Every stored name of every vocabulary.
fn stored_names() -> BTreeSet<&'static str> {
    fn names<T: StoredName>(all: &[T]) -> Vec<&'static str> {
        all.iter().map(|value| value.stored_name()).collect()
    }
    [
        names(JobFamily::ALL),
        names(SiteType::ALL),
        names(EmploymentType::ALL),
        names(ProgramKind::ALL),
        names(Category::ALL),
        names(Format::ALL),
        names(ProgramStatus::ALL),
        names(ApplicationStatus::ALL),
        names(Event::ALL),
        names(MailKind::ALL),
        names(AuditAction::ALL),
        names(FileType::ALL),
        names(CompletionEvidence::ALL),
        names(CompletionVerifier::ALL),
        names(HistorySource::ALL),
        names(LeavingReason::ALL),
    ]
    .concat()
    .into_iter()
    .collect()
}

/// A line that says this of itself holds words that happen to equal a stored name (a
/// form's value, a metric's label), not a stored value.
const NOT_STORED: &str = "// not a stored name";

/// The string literals of a line (`"…"`), and the SQL literals inside them (`'…'`).
fn literals(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = line.chars().peekable();
    let mut current: Option<String> = None;
    while let Some(c) = chars.next() {
        match (&mut current, c) {
            (None, '"') => current = Some(String::new()),
            (Some(text), '\\') => {
                text.push(c);
                if let Some(next) = chars.next() {
                    text.push(next);
                }
            }
            (Some(_), '"') => {
                if let Some(text) = current.take() {
                    let mut quoted = text.split('\'').skip(1).step_by(2).map(str::to_owned).collect();
                    found.append(&mut quoted);
                    found.push(text);
                }
            }
            (Some(text), c) => text.push(c),
            (None, _) => {}
        }
    }
    found
}

#[test]
fn stored_names_of_the_vocabularies_appear_only_in_domain_enums() {
    let names = stored_names();
    let mut found = Vec::new();
    for source in sources().iter().filter(|s| s.path != "domain/enums.rs") {
        for (number, line) in source.code.iter().filter(|(_, line)| !line.contains(NOT_STORED)) {
            for literal in literals(line) {
                if names.contains(literal.as_str()) {
                    found.push(format!("src/{}:{number}: \"{literal}\"", source.path));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "a stored name of a vocabulary is written as text; use its enum instead:\n{}",
        found.join("\n")
    );
}

/// The layer a module belongs to, by its first segment; `None` for a top-level module
/// nobody placed yet.
fn layer(module: &str) -> Option<&'static str> {
    Some(match module.split("::").next().unwrap_or_default() {
        "domain" => "domain",
        "clock" | "security" | "config" | "kept" | "i18n" => "support",
        "db" => "db",
        "mail" | "metrics" | "oidc" | "clamd" => "services",
        "web" => "web",
        "startup" => "startup",
        "cli" => "cli",
        "main" => "main",
        "crate" => "crate",
        _ => return None,
    })
}

/// The layers a layer may use besides itself.
fn may_use(from: &str) -> &'static [&'static str] {
    match from {
        "domain" => &[],
        "support" => &["domain"],
        "db" => &["domain", "support"],
        "services" => &["db", "domain", "support"],
        "web" => &["services", "db", "domain", "support"],
        "startup" => &["web", "services", "db", "domain", "support"],
        "cli" => &["startup", "web", "services", "db", "domain", "support"],
        _ => &["cli", "startup", "web", "services", "db", "domain", "support"],
    }
}

/// The paths a line names: `crate::a::b`, `super::c` and the items of `{…}` groups after
/// them, each as a list of segments (`super` left in place).
fn named_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for start in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(start) {
            let before_ok = at == 0 || !rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':');
            let tail = &rest[at..];
            if before_ok {
                let path: String = tail.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
                let mut segments: Vec<String> = path.split("::").filter(|s| !s.is_empty()).map(str::to_owned).collect();
                if tail[path.len()..].starts_with('{') {
                    let group: String = tail[path.len() + 1..].chars().take_while(|c| *c != '}').collect();
                    for item in group.split(',') {
                        let first: String =
                            item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                        if !first.is_empty() {
                            let mut with_item = segments.clone();
                            with_item.push(first);
                            paths.push(with_item);
                        }
                    }
                } else {
                    paths.push(std::mem::take(&mut segments));
                }
            }
            rest = &rest[at + start.len()..];
        }
    }
    paths
}

/// The module of `source` that a path names: the longest prefix that is a module.
fn resolve(source: &Source, path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    let mut segments: Vec<String> = Vec::new();
    let mut own: Vec<String> =
        if source.module == "crate" { Vec::new() } else { source.module.split("::").map(str::to_owned).collect() };
    let mut rest = path;
    if path.first().is_some_and(|s| s == "crate") {
        rest = &path[1..];
    } else {
        // `super` is the parent of the module, whatever file the module is written in.
        while rest.first().is_some_and(|s| s == "super") {
            own.pop();
            rest = &rest[1..];
        }
        segments.extend(own);
    }
    segments.extend(rest.iter().cloned());
    (1..=segments.len()).rev().map(|n| segments[..n].join("::")).find(|candidate| modules.contains(candidate))
}

/// Module → the modules it names.
fn module_graph() -> (Vec<Source>, BTreeMap<String, BTreeSet<String>>) {
    let sources = sources();
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in &sources {
        let uses = graph.entry(source.module.clone()).or_default();
        for (_, line) in &source.code {
            for path in named_paths(line) {
                if let Some(target) = resolve(source, &path, &modules) {
                    let inside = target == source.module || source.module.starts_with(&format!("{target}::"));
                    if !inside {
                        uses.insert(target);
                    }
                }
            }
        }
    }
    (sources, graph)
}

/// The graph between siblings: a use from `a::x::…` of `a::y::…` makes `a::x` use `a::y`.
/// A parent holds its children, so using a module's re-export, or one of its children,
/// is using the module: this is the graph in which circles are looked for.
fn sibling_graph(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeMap<String, BTreeSet<String>> {
    let mut siblings: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, targets) in graph {
        let from_path: Vec<&str> = from.split("::").collect();
        for to in targets {
            let to_path: Vec<&str> = to.split("::").collect();
            let common = from_path.iter().zip(&to_path).take_while(|(a, b)| a == b).count();
            if common >= from_path.len() || common >= to_path.len() {
                continue; // one holds the other
            }
            let (a, b) = (from_path[..=common].join("::"), to_path[..=common].join("::"));
            siblings.entry(a).or_default().insert(b);
        }
    }
    siblings
}

#[test]
fn dependencies_run_one_way_between_the_layers() {
    let (_, graph) = module_graph();
    let mut wrong = Vec::new();
    for (from, targets) in &graph {
        let Some(from_layer) = layer(from) else {
            wrong.push(format!("{from} belongs to no layer: add it to `layer` in this file"));
            continue;
        };
        for to in targets {
            let Some(to_layer) = layer(to) else { continue };
            if to_layer != from_layer && to_layer != "crate" && !may_use(from_layer).contains(&to_layer) {
                wrong.push(format!("{from} ({from_layer}) uses {to} ({to_layer})"));
            }
        }
    }
    assert!(wrong.is_empty(), "dependencies against the layers:\n{}", wrong.join("\n"));
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let (_, modules) = module_graph();
    let graph = sibling_graph(&modules);
    // Tarjan's strongly connected components: any with two modules or more is a circle.
    struct Walk<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        circles: Vec<Vec<&'g str>>,
    }
    impl<'g> Walk<'g> {
        fn visit(&mut self, module: &'g str) {
            let number = self.index.len();
            self.index.insert(module, number);
            self.low.insert(module, number);
            self.stack.push(module);
            for next in self.graph.get(module).into_iter().flatten() {
                let next = next.as_str();
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[module].min(self.low[next]);
                    self.low.insert(module, low);
                } else if self.stack.contains(&next) {
                    let low = self.low[module].min(self.index[next]);
                    self.low.insert(module, low);
                }
            }
            if self.low[module] == self.index[module] {
                let mut group = Vec::new();
                while let Some(top) = self.stack.pop() {
                    group.push(top);
                    if top == module {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort_unstable();
                    self.circles.push(group);
                }
            }
        }
    }
    let mut walk =
        Walk { graph: &graph, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), circles: Vec::new() };
    for module in graph.keys() {
        if !walk.index.contains_key(module.as_str()) {
            walk.visit(module);
        }
    }
    let described: Vec<String> = walk.circles.iter().map(|group| group.join(" ⇄ ")).collect();
    assert!(described.is_empty(), "modules that import each other:\n{}", described.join("\n"));
}

#[test]
fn every_migration_exists_for_both_backends_under_the_same_name() {
    let names = |backend: &str| -> BTreeSet<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(backend);
        std::fs::read_dir(dir)
            .expect("the migrations are readable")
            .map(|entry| entry.expect("a migration").file_name().to_string_lossy().into_owned())
            .collect()
    };
    let (sqlite, postgres) = (names("sqlite"), names("postgres"));
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, postgres, "each migration needs an SQLite and a PostgreSQL version of the same name");
    for backend in ["sqlite", "postgres"] {
        for name in &sqlite {
            for file in ["up.sql", "down.sql"] {
                let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(backend).join(name).join(file);
                assert!(path.is_file(), "{} is missing", path.display());
            }
        }
    }
}

#[test]
fn the_layer_rules_see_the_imports_they_judge() {
    // The checks above are only as good as their reading of `use` lines: a few known
    // edges must be found, or they would pass on an empty graph.
    let (_, graph) = module_graph();
    let uses = |from: &str, to: &str| graph.get(from).is_some_and(|targets| targets.contains(to));
    assert!(uses("web::applications::edit", "web::applications::apply"), "a super:: import in a group");
    assert!(uses("db::workflow::people", "db::employees"), "a crate:: import");
    assert!(uses("startup", "web::error") || uses("startup", "web"), "a crate:: path in code");
    assert!(!uses("domain::application", "db"), "the domain uses no database");
    assert!(literals(r#"x("approved", "a 'rejected' b")"#).contains(&"rejected".to_owned()));
}
