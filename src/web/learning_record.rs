//! A person's learning record: every program they completed (verified), with its date
//! and credential. The employee reads theirs from their account; administrators read
//! anyone's on the person's record. Both download it as CSV.

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;

use crate::db::completions::LearningEntry;
use crate::db::{self};
use crate::domain::csv_cell::line;
use crate::i18n::Tr;
use crate::web::applications::CredentialView;
use crate::web::error::AppError;
use crate::web::format::long_date;
use crate::web::language::words;
use crate::web::{page, run_db, Chrome, State, Viewer};

/// One completed program, ready to show.
#[derive(Clone)]
pub struct LearningLine {
    pub application_id: i32,
    pub program_name: String,
    pub kind: &'static str,
    pub provider: String,
    pub completed_on: String,
    pub completed_iso: String,
    pub credential: Option<CredentialView>,
}

impl LearningLine {
    /// The line of `entry`, in the words of `t`.
    fn new(entry: &LearningEntry, t: Tr) -> Self {
        LearningLine {
            application_id: entry.application_id,
            program_name: entry.program_name.clone(),
            kind: t.name(entry.program_kind),
            provider: entry.provider.clone(),
            completed_on: long_date(entry.completed_on),
            completed_iso: entry.completed_on.to_string(),
            credential: entry.credential.as_ref().map(CredentialView::from),
        }
    }
}

/// The learning record of `employee_id`, as lines in the request's language.
pub async fn learning_lines(state: &State, employee_id: i32) -> Result<Vec<LearningLine>, AppError> {
    let entries = run_db(state, move |conn| Ok(db::completions::learning_record(conn, employee_id)?)).await?;
    let t = words();
    Ok(entries.iter().map(|entry| LearningLine::new(entry, t)).collect())
}

/// The record as CSV: a heading line, then one line per program, every cell formula-safe.
fn record_csv(entries: &[LearningEntry]) -> String {
    let mut out =
        line(&["Program", "Kind", "Provider", "Completed on", "Credential", "Credential ID", "Verification URL"]);
    for entry in entries {
        let credential = entry.credential.as_ref();
        out.push_str(&line(&[
            entry.program_name.as_str(),
            entry.program_kind.label(),
            entry.provider.as_str(),
            &entry.completed_on.to_string(),
            credential.map_or("", |c| c.name.as_str()),
            credential.map_or("", |c| c.credential_id.as_str()),
            credential.and_then(|c| c.verification_url.as_deref()).unwrap_or(""),
        ]));
    }
    out
}

/// The CSV download of one person's record; `slug` names the file.
async fn csv_download(state: &State, employee_id: i32) -> Result<HttpResponse, AppError> {
    let (entries, email) = run_db(state, move |conn| {
        let email = db::employees::find_by_id(conn, employee_id)?.email;
        Ok((db::completions::learning_record(conn, employee_id)?, email))
    })
    .await?;
    let who: String =
        email.split('@').next().unwrap_or("").chars().filter(|c| c.is_ascii_alphanumeric() || *c == '.').collect();
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Cache-Control", "private, no-store"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(format!(
                "learning-record-{who}-{}.csv",
                crate::clock::today()
            ))],
        })
        .body(record_csv(&entries)))
}

#[derive(Template)]
#[template(path = "learning_record.html")]
struct LearningRecordPage {
    chrome: Chrome,
    lines: Vec<LearningLine>,
}

#[get("/account/learning-record")]
pub async fn show_own_record(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let lines = learning_lines(&state, viewer.id()).await?;
    page(&req, &LearningRecordPage { chrome: viewer.chrome("account"), lines })
}

#[get("/account/learning-record.csv")]
pub async fn export_own_record(state: State, viewer: Viewer) -> Result<HttpResponse, AppError> {
    csv_download(&state, viewer.id()).await
}

#[get("/admin/employees/{employee}/learning-record.csv")]
pub async fn export_person_record(state: State, viewer: Viewer, id: web::Path<i32>) -> Result<HttpResponse, AppError> {
    if !viewer.employee.is_admin {
        return Err(AppError::Forbidden);
    }
    csv_download(&state, id.into_inner()).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::credentials::Credential;
    use chrono::NaiveDate;

    #[test]
    fn the_csv_neutralises_formulas_in_every_cell() {
        let day = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
        let entry = LearningEntry {
            application_id: 1,
            program_name: "=HYPERLINK(\"http://evil\")".into(),
            program_kind: crate::domain::ProgramKind::SelfPaced,
            provider: "+AWS".into(),
            completed_on: day,
            credential: Some(Credential {
                id: 1,
                application_id: 1,
                name: "@SUM(A1)".into(),
                credential_id: "-42".into(),
                earned_on: day,
                verification_url: Some("https://example.com/a,b".into()),
                recorded_by: 1,
                recorded_at: day.and_hms_opt(0, 0, 0).unwrap(),
            }),
        };
        let csv = record_csv(&[entry]);
        let second = csv.lines().nth(1).unwrap();
        assert_eq!(
            second,
            "\"'=HYPERLINK(\"\"http://evil\"\")\",Self-paced,'+AWS,2027-03-01,'@SUM(A1),'-42,\"https://example.com/a,b\""
        );
    }
}
