//! The import's rules, from files written out as text.

use super::*;
use crate::domain::message::Arg;
use crate::domain::text::TextProblem;

const HEADER: &str =
    "email,display_name,job_title,job_family,site_type,employment_type,hire_date,manager_email,is_admin";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn person(id: i32, email: &str, manager_id: Option<i32>, is_admin: bool) -> ExistingPerson {
    ExistingPerson {
        id,
        email: email.to_owned(),
        display_name: format!("Person {id}"),
        job_title: "Associate".to_owned(),
        job_family: JobFamily::Fulfillment,
        site_type: SiteType::FulfillmentCenter,
        employment_type: EmploymentType::FullTime,
        hire_date: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
        manager_id,
        is_admin,
        active: true,
    }
}

/// ada (1, admin) ← maria (2) ← fiona (3); inactive ivan (4).
fn directory() -> Directory {
    let mut ivan = person(4, "ivan@x.io", None, false);
    ivan.active = false;
    Directory::new(vec![
        person(1, "ada@x.io", None, true),
        person(2, "maria@x.io", Some(1), false),
        person(3, "fiona@x.io", Some(2), false),
        ivan,
    ])
}

/// A line for `email` as the directory holds Person `id`, with a manager.
fn line(email: &str, id: i32, manager: &str) -> String {
    format!("{email},Person {id},Associate,fulfillment,fulfillment_center,full_time,2020-01-01,{manager},no")
}

/// The same line for an administrator.
fn admin_line(email: &str, id: i32, manager: &str) -> String {
    format!("{}yes", line(email, id, manager).trim_end_matches("no"))
}

fn plan(lines: &[String]) -> ImportPlan {
    let text = format!("{HEADER}\n{}\n", lines.join("\n"));
    plan_import(&text, &directory(), today(), None, &mut |_| {})
}

fn errors(plan: &ImportPlan) -> Vec<(u64, Option<&'static str>)> {
    plan.errors.iter().map(|e| (e.line, e.column)).collect()
}

/// Every problem of a plan, for a failed assertion to show.
fn messages(plan: &ImportPlan) -> String {
    format!("{:#?}", plan.problems().collect::<Vec<_>>())
}

/// The text value `name` of a message ("" when it has none).
fn value<'m>(message: &'m Message, name: &str) -> &'m str {
    let Message::Id { args, .. } = message else { return "" };
    args.iter()
        .find_map(|(n, v)| match v {
            Arg::Text(text) if n == name => Some(text.as_str()),
            _ => None,
        })
        .unwrap_or("")
}

/// The catalog message of a line's email column that is not an address.
fn not_an_address(typed: &str) -> Message {
    Message::new("person-error-email-invalid").text("address", typed)
}

#[test]
fn the_same_people_as_stored_change_nothing() {
    let plan =
        plan(&[admin_line("ada@x.io", 1, ""), line("maria@x.io", 2, "ada@x.io"), line("fiona@x.io", 3, "maria@x.io")]);
    assert!(!plan.has_errors(), "{}", messages(&plan));
    assert_eq!((plan.new_count(), plan.updated_count(), plan.unchanged_count()), (0, 0, 3));
    assert!(plan.notes.is_empty());
}

#[test]
fn new_updated_and_unchanged_people_are_told_apart_with_their_changes() {
    let mut fiona = line("Fiona@X.io", 3, "nina@x.io");
    fiona = fiona.replace("Associate,fulfillment", "Team Lead,operations");
    let plan = plan(&[
        line("maria@x.io", 2, "ada@x.io"),
        fiona,
        // Nina comes after the person she manages: still found.
        "nina@x.io,Nina New,Manager,operations,corporate_office,part_time,2024-02-29,maria@x.io,yes".to_owned(),
    ]);
    assert!(!plan.has_errors(), "{}", messages(&plan));
    assert_eq!((plan.new_count(), plan.updated_count(), plan.unchanged_count()), (1, 1, 1));
    let fiona = &plan.rows[1];
    assert_eq!(fiona.row.line, 3);
    assert_eq!(fiona.manager, ManagerRef::New(Email::parse("nina@x.io").unwrap()));
    assert!(fiona.changes_manager());
    let RowAction::Update { id, changes } = &fiona.action else { panic!("not an update") };
    assert_eq!(*id, 3);
    let changed: Vec<(&str, &str, &str)> =
        changes.iter().map(|c| (c.column, c.before.as_str(), c.after.as_str())).collect();
    assert_eq!(
        changed,
        [
            ("job_title", "Associate", "Team Lead"),
            ("job_family", "fulfillment", "operations"),
            ("manager_email", "maria@x.io", "nina@x.io"),
        ]
    );
    let nina = &plan.rows[2];
    assert_eq!(nina.action, RowAction::New);
    assert_eq!(nina.manager, ManagerRef::Existing(2));
    assert_eq!(nina.row.employment_type, EmploymentType::PartTime);
    assert!(nina.row.is_admin);
}

#[test]
fn a_manager_only_in_the_directory_and_no_manager_are_both_fine() {
    let plan = plan(&[line("new@x.io", 9, "maria@x.io"), line("fiona@x.io", 3, "")]);
    assert!(!plan.has_errors(), "{}", messages(&plan));
    assert_eq!(plan.rows[0].manager, ManagerRef::Existing(2));
    let RowAction::Update { changes, .. } = &plan.rows[1].action else { panic!("not an update") };
    assert_eq!(changes, &[Change { column: "manager_email", before: "maria@x.io".into(), after: String::new() }]);
}

#[test]
fn bad_email_addresses_are_refused() {
    let plan = plan(&[line("not-an-address", 9, ""), line("", 10, ""), line("ok@x.io", 11, "nobody@")]);
    assert_eq!(errors(&plan), [(2, Some("email")), (3, Some("email")), (4, Some("manager_email"))]);
    assert_eq!(plan.errors[0].message, not_an_address("not-an-address"));
    assert_eq!(plan.errors[1].message, Message::new("import-line-email-missing"));
    assert_eq!(plan.errors[2].message, not_an_address("nobody@"));
    assert!(plan.rows.is_empty());
}

#[test]
fn unknown_vocabulary_says_what_is_allowed() {
    let plan = plan(&[
        "a@x.io,A,T,astronaut,moon_base,sometimes,2020-01-01,,maybe".to_owned(),
        "b@x.io,B,T,,,,2020-01-01,,".to_owned(),
    ]);
    assert_eq!(
        errors(&plan),
        [
            (2, Some("job_family")),
            (2, Some("site_type")),
            (2, Some("employment_type")),
            (2, Some("is_admin")),
            (3, Some("job_family")),
            (3, Some("site_type")),
            (3, Some("employment_type")),
        ]
    );
    assert_eq!(
        plan.errors[0].message,
        Message::new("import-line-job-family-unknown")
            .text("value", "astronaut")
            .text("allowed", "fulfillment, operations, corporate, technical, retail, transportation")
    );
    assert_eq!(plan.errors[1].message.id(), Some("import-line-site-type-unknown"));
    assert!(value(&plan.errors[1].message, "allowed").contains("fulfillment_center, corporate_office, tech_hub"));
    assert_eq!(plan.errors[2].message.id(), Some("import-line-employment-type-unknown"));
    assert_eq!(value(&plan.errors[2].message, "allowed"), "full_time, part_time");
    assert_eq!(plan.errors[3].message, Message::new("import-line-flag").text("value", "maybe"));
    assert_eq!(plan.errors[4].message.id(), Some("import-line-job-family-missing"));
}

#[test]
fn values_are_read_whatever_their_case_and_spacing() {
    let plan = plan(&[" a@x.io , A ,T, Technical ,TECH_HUB,Full_Time, 2020-01-01 ,, YES ".to_owned()]);
    assert!(!plan.has_errors(), "{}", messages(&plan));
    let row = &plan.rows[0].row;
    assert_eq!((row.job_family, row.site_type, row.is_admin), (JobFamily::Technical, SiteType::TechHub, true));
    assert_eq!(row.display_name, "A");
}

#[test]
fn dates_must_be_real_and_not_in_the_future() {
    let plan = plan(&[
        "a@x.io,A,T,retail,retail_store,part_time,05/03/2021,,".to_owned(),
        "b@x.io,B,T,retail,retail_store,part_time,2026-11-27,,".to_owned(),
        "c@x.io,C,T,retail,retail_store,part_time,2026-02-30,,".to_owned(),
        "d@x.io,D,T,retail,retail_store,part_time,2026-11-26,,".to_owned(),
    ]);
    assert_eq!(errors(&plan), [(2, Some("hire_date")), (3, Some("hire_date")), (4, Some("hire_date"))]);
    assert_eq!(plan.errors[0].message, Message::new("import-line-not-a-date").text("value", "05/03/2021"));
    assert_eq!(
        plan.errors[1].message,
        Message::new("import-line-hire-date-future").text("date", "2026-11-27").text("today", "2026-11-26")
    );
    assert_eq!(plan.errors[2].message.id(), Some("import-line-not-a-date"));
    assert_eq!(plan.new_count(), 1, "today is not the future");
}

#[test]
fn a_name_is_required_and_texts_are_bounded() {
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    let plan = plan(&[
        "a@x.io,,T,retail,retail_store,part_time,2020-01-01,,".to_owned(),
        format!("b@x.io,B,{long},retail,retail_store,part_time,2020-01-01,,"),
    ]);
    assert_eq!(errors(&plan), [(2, Some("display_name")), (3, Some("job_title"))]);
    assert_eq!(plan.errors[0].message, Message::new("import-line-name-empty"));
    assert_eq!(
        plan.errors[1].message,
        Message::new("import-line-too-long").term("what", "term-job-title").number("max", MAX_TEXT_CHARS)
    );
}

#[test]
fn an_address_may_appear_only_once() {
    let plan = plan(&[line("a@x.io", 9, ""), line("b@x.io", 10, ""), line("A@x.io", 11, "")]);
    assert_eq!(errors(&plan), [(4, Some("email"))]);
    assert_eq!(plan.errors[0].message, Message::new("import-line-email-twice").text("line", "2"));
    assert_eq!(plan.errors[0].email, "A@x.io");
}

#[test]
fn a_manager_must_be_in_the_file_or_in_upskill_and_active() {
    let plan = plan(&[line("a@x.io", 9, "ghost@x.io"), line("b@x.io", 10, "ivan@x.io")]);
    assert_eq!(errors(&plan), [(2, Some("manager_email")), (3, Some("manager_email"))]);
    assert_eq!(plan.errors[0].message, Message::new("import-line-manager-unknown").text("manager", "ghost@x.io"));
    assert_eq!(plan.errors[1].message, Message::new("import-line-manager-inactive").text("manager", "ivan@x.io"));
}

#[test]
fn nobody_manages_themselves() {
    let plan = plan(&[line("a@x.io", 9, "A@x.io")]);
    assert_eq!(errors(&plan), [(2, Some("manager_email"))]);
    assert_eq!(plan.errors[0].message, Message::new("import-line-own-manager"));
}

#[test]
fn managers_may_not_manage_each_other_in_a_circle_within_the_file() {
    let plan = plan(&[line("a@x.io", 9, "b@x.io"), line("b@x.io", 10, "c@x.io"), line("c@x.io", 11, "a@x.io")]);
    assert_eq!(errors(&plan), [(2, Some("manager_email")), (3, Some("manager_email")), (4, Some("manager_email"))]);
    assert_eq!(
        plan.errors[0].message,
        Message::new("import-line-circle").text("circle", "a@x.io → b@x.io → c@x.io → a@x.io")
    );
}

#[test]
fn circles_through_people_only_in_the_directory_are_found() {
    // Maria (not in the file) reports to Ada; the file puts Ada under Fiona, who reports to Maria.
    let plan = plan(&[admin_line("ada@x.io", 1, "fiona@x.io")]);
    assert_eq!(errors(&plan), [(2, Some("manager_email"))]);
    assert_eq!(
        plan.errors[0].message,
        Message::new("import-line-circle").text("circle", "ada@x.io → fiona@x.io → maria@x.io → ada@x.io")
    );
    // Moving Fiona out from under Maria first breaks the circle.
    let plan = plan_import(
        &format!("{HEADER}\n{}\n{}\n", admin_line("ada@x.io", 1, "fiona@x.io"), line("fiona@x.io", 3, "")),
        &directory(),
        today(),
        None,
        &mut |_| {},
    );
    assert!(!plan.has_errors(), "{}", messages(&plan));
}

#[test]
fn someone_under_a_circle_is_not_blamed_for_it() {
    let plan = plan(&[line("a@x.io", 9, "b@x.io"), line("b@x.io", 10, "a@x.io"), line("c@x.io", 11, "a@x.io")]);
    assert_eq!(errors(&plan), [(2, Some("manager_email")), (3, Some("manager_email"))]);
}

#[test]
fn columns_may_come_in_any_order_and_extra_ones_are_ignored_with_a_note() {
    let text = "Is_Admin,hire_date,email,display_name,job_title,job_family,site_type,employment_type,manager_email,cost_center\n\
                no,2020-01-01,z@x.io,Z,T,retail,retail_store,full_time,,CC-1\n";
    let plan = plan_import(text, &directory(), today(), None, &mut |_| {});
    assert!(!plan.has_errors(), "{}", messages(&plan));
    assert_eq!(plan.rows[0].row.email.as_str(), "z@x.io");
    let cost_center = Message::new("import-note-column").text("column", "cost_center");
    assert_eq!(plan.notes, [Message::new("import-note-ignored").number("count", 1).list("columns", vec![cost_center])]);
}

#[test]
fn a_header_without_every_column_stops_everything() {
    let plan = plan_import("email,display_name\na@x.io,A\n", &directory(), today(), None, &mut |_| {});
    assert!(plan.has_errors());
    assert_eq!(
        plan.file_errors[0],
        Message::new("import-refused-columns-missing")
            .number("count", 7)
            .text("missing", "job_title, job_family, site_type, employment_type, hire_date, manager_email, is_admin")
            .text("columns", HEADER)
    );
    let plan = plan_import("", &directory(), today(), None, &mut |_| {});
    assert_eq!(plan.file_errors, [Message::new("import-refused-empty").text("columns", HEADER)]);
    let plan = plan_import(&format!("{HEADER}\n\n"), &directory(), today(), None, &mut |_| {});
    assert_eq!(plan.file_errors, [Message::new("import-refused-nobody")]);
}

#[test]
fn a_short_line_is_one_error_and_blank_lines_are_skipped() {
    let plan = plan(&["a@x.io,A,T".to_owned(), String::new(), ",,,,,,,,".to_owned(), line("b@x.io", 9, "")]);
    assert_eq!(errors(&plan), [(2, None)]);
    assert_eq!(plan.errors[0].message, Message::new("import-line-too-few-values").number("count", 3));
    assert_eq!(plan.lines_read, 2);
    assert_eq!(plan.rows.len(), 1);
}

#[test]
fn line_numbers_count_the_header_and_quoted_line_breaks() {
    let text = format!(
        "{HEADER},notes\n\
         q@x.io,Quinn,T,retail,retail_store,full_time,2020-01-01,,,\"two\nlines\"\n\
         bad,B,T,retail,retail_store,full_time,2020-01-01,,,\n"
    );
    let plan = plan_import(&text, &directory(), today(), None, &mut |_| {});
    assert_eq!(errors(&plan), [(4, Some("email"))]);
    assert_eq!(
        plan.errors[0].located(),
        Message::new("import-line-at-column")
            .text("column", "email")
            .text("line", "4")
            .phrase("problem", not_an_address("bad"))
    );
    // Line breaks and other control characters have no place in a name.
    let named =
        super::tests::plan(&["\"q@x.io\",\"Quinn\nQuoted\",T,retail,retail_store,full_time,2020-01-01,,".to_owned()]);
    assert_eq!(errors(&named), [(2, Some("display_name"))]);
}

#[test]
fn an_importer_keeps_their_own_admin_rights_and_someone_stays_admin() {
    let text = format!("{HEADER}\n{}\n", line("ada@x.io", 1, ""));
    let plan = plan_import(&text, &directory(), today(), Some(Importer { email: "ada@x.io" }), &mut |_| {});
    assert_eq!(errors(&plan), [(2, Some("is_admin"))]);
    let plan = plan_import(&text, &directory(), today(), None, &mut |_| {});
    assert_eq!(plan.file_errors.len(), 1, "{}", messages(&plan));
    assert_eq!(plan.file_errors[0], Message::new("import-refused-no-admin"));
    let text = format!("{HEADER}\n{}\n{}\n", line("ada@x.io", 1, ""), admin_line("maria@x.io", 2, ""));
    let plan = plan_import(&text, &directory(), today(), None, &mut |_| {});
    assert!(!plan.has_errors(), "{}", messages(&plan));
    assert_eq!(plan.updated_count(), 2);
}

#[test]
fn files_must_be_utf8_and_lose_their_byte_order_mark() {
    assert_eq!(decode(b"\xef\xbb\xbfemail".to_vec()).unwrap(), "email");
    assert_eq!(decode(vec![0xff, 0xfe, 0x00]).unwrap_err(), Message::new("import-refused-not-utf8"));
}

#[test]
fn progress_reaches_the_end() {
    let mut last = None;
    let text = format!("{HEADER}\n{}\n", line("a@x.io", 9, ""));
    plan_import(&text, &directory(), today(), None, &mut |p| last = Some(p));
    assert_eq!(last, Some(Progress { done: text.len() as u64, total: text.len() as u64 }));
}

#[test]
fn a_header_of_absurd_length_or_width_is_refused_before_it_is_read() {
    let long = format!("{HEADER}{}\n{}\n", ",".repeat(MAX_HEADER_BYTES), line("a@x.io", 9, ""));
    let plan = plan_import(&long, &directory(), today(), None, &mut |_| {});
    assert_eq!(plan.file_errors.len(), 1, "{}", messages(&plan));
    assert_eq!(
        plan.file_errors[0],
        Message::new("import-refused-header-too-long").text("size", "4").text("columns", HEADER).number("max", 4)
    );
    assert!(plan.notes.is_empty() && plan.rows.is_empty());

    let wide = format!("{HEADER}{}\n{}\n", ",x".repeat(MAX_COLUMNS), line("a@x.io", 9, ""));
    let plan = plan_import(&wide, &directory(), today(), None, &mut |_| {});
    assert_eq!(plan.file_errors.len(), 1, "{}", messages(&plan));
    assert_eq!(plan.file_errors[0].id(), Some("import-refused-too-many-columns"), "{}", messages(&plan));
    assert_eq!(
        plan.file_errors[0],
        Message::new("import-refused-too-many-columns")
            .number("count", 73)
            .number("needed", COLUMNS.len())
            .text("columns", HEADER)
            .number("max", MAX_COLUMNS)
    );
}

#[test]
fn ignored_columns_are_named_ten_at_most() {
    let extra: String = (1..=30).map(|n| format!(",extra{n}")).collect();
    let text = format!("{HEADER}{extra}\n{}\n", line("ada@x.io", 1, ""));
    let plan = plan_import(&text, &directory(), today(), None, &mut |_| {});
    let mut named: Vec<Message> =
        (1..=10).map(|n| Message::new("import-note-column").text("column", format!("extra{n}"))).collect();
    named.push(Message::new("import-note-more-columns").number("count", 20));
    assert_eq!(plan.notes, [Message::new("import-note-ignored").number("count", 30).list("columns", named)]);
}

#[test]
fn a_file_with_a_nul_character_is_not_csv_text() {
    let message = decode(b"email\nada@x.io,\x00\n".to_vec()).unwrap_err();
    assert_eq!(message, Message::new("import-refused-nul").text("line", "2"));
}

#[test]
fn messages_quote_long_or_invisible_values_short() {
    let huge = "y".repeat(100_000);
    let plan = plan(&[format!("{huge},Ada\u{200b},T,{huge},retail_store,full_time,2020-01-01,,")]);
    assert!(plan.errors.iter().all(|e| e.email.chars().count() <= 61), "{:?}", plan.errors[0].email);
    assert!(plan.errors.iter().all(|e| format!("{:?}", e.message).len() < 300), "a message repeats the value");
    let invisible = TextProblem::Invisible.said("term-name");
    assert!(plan.errors.iter().any(|e| e.column == Some("display_name") && e.message == invisible));
}
