//! The six standard programs and the small demo organisation of `--demo`.

use chrono::{Datelike, Days, Months, NaiveDate};
use diesel::prelude::*;

use super::employees::{self, EmployeeRecord, NewEmployee};
use super::programs::{self, NewIntake, ProgramRecord};
use super::schema::programs as programs_table;
use super::{history, settings};
use super::{write_transaction, DbConnection};
use crate::clock::now;
use crate::domain::history::ChangeContext;
use crate::domain::{
    Category, CompletionEvidence, CompletionVerifier, EmploymentType, Format, HistorySource, JobFamily, ProgramKind,
    ProgramStatus, SiteType, ValueList,
};

/// One seed program with the intakes it starts with: (what the program calls an intake,
/// days from today, seats). See [`seed_intake`].
struct SeedProgram {
    slug: &'static str,
    program: ProgramRecord,
    intakes: Vec<(&'static str, u64, i32)>,
}

#[expect(clippy::too_many_arguments, reason = "one argument per column keeps the six seed programs readable")]
fn program(
    name: &str,
    summary: &str,
    description: &str,
    kind: ProgramKind,
    category: Category,
    format: Format,
    provider: &str,
    duration_weeks: Option<i32>,
    min_tenure_days: i32,
    job_families: &[JobFamily],
    site_types: &[SiteType],
    needs_admin_approval: bool,
) -> ProgramRecord {
    ProgramRecord {
        name: name.to_owned(),
        summary: summary.to_owned(),
        description: description.to_owned(),
        kind,
        category,
        format,
        provider: provider.to_owned(),
        duration_weeks,
        min_tenure_days,
        allowed_job_families: ValueList(job_families.to_vec()),
        allowed_site_types: ValueList(site_types.to_vec()),
        full_time_only: false,
        tuition_percent: 0,
        annual_cap_full_time_cents: 0,
        annual_cap_part_time_cents: 0,
        needs_manager_approval: true,
        needs_admin_approval,
        opens_on: None,
        closes_on: None,
        start_url: None,
        completion_evidence: CompletionEvidence::None,
        verified_by: CompletionVerifier::ProgramTeam,
        completion_note: String::new(),
        target_job_families: ValueList(Vec::new()),
        target_title_keywords: String::new(),
        annual_budget_cents: None,
        seat_cost_cents: None,
    }
}

/// The program leading to roles in `families` whose title mentions one of `keywords`
/// (comma-separated; empty: any title).
fn leading_to(record: ProgramRecord, families: &[JobFamily], keywords: &str) -> ProgramRecord {
    ProgramRecord {
        target_job_families: ValueList(families.to_vec()),
        target_title_keywords: keywords.to_owned(),
        ..record
    }
}

fn seed_programs_list() -> Vec<SeedProgram> {
    use JobFamily::*;
    vec![
        SeedProgram {
            slug: "amazon-technical-academy",
            program: leading_to(ProgramRecord {
                annual_budget_cents: Some(75_000_000),
                seat_cost_cents: Some(2_500_000),
                ..program(
                "Amazon Technical Academy",
                "Become a software development engineer in nine months of full-time, paid training.",
                "Amazon Technical Academy trains employees in non-technical roles for entry-level \
                 software engineering jobs. The curriculum is taught by expert Amazon engineers and \
                 covers the fundamentals of computer science, web development and the tools our teams \
                 use every day.\n\nThe nine months are full time: lessons online, with workshops in \
                 person at a tech hub. You keep your pay and benefits while you train. Graduates apply \
                 to open software development engineer roles with the support of the Academy's \
                 placement team.",
                ProgramKind::Cohort,
                Category::Technical,
                Format::Hybrid,
                "Amazon Technical Academy",
                Some(39),
                365,
                &[Fulfillment, Operations, Corporate, Retail, Transportation],
                &[],
                true,
            )
            }, &[Technical], "software, developer, engineer"),
            intakes: vec![("cohort", 45, 1), ("cohort", 130, 24)], // not a stored name
        },
        SeedProgram {
            slug: "associate2tech",
            program: leading_to(ProgramRecord {
                annual_budget_cents: Some(24_000_000),
                seat_cost_cents: Some(600_000),
                ..program(
                "Associate2Tech",
                "Move from a fulfillment-center role into a technical maintenance or IT support role.",
                "Associate2Tech gives fulfillment-center associates the training to move into technical \
                 roles such as robotics technician, maintenance technician and IT support engineer, \
                 whatever their previous experience.\n\nTraining is paid and takes place on site, with \
                 time set aside in your schedule, for twelve weeks. The program covers the exam fees \
                 for the industry certifications it prepares you for.",
                ProgramKind::Cohort,
                Category::Technical,
                Format::OnSite,
                "Amazon Operations Learning",
                Some(12),
                90,
                &[Fulfillment],
                &[SiteType::FulfillmentCenter],
                true,
            )
            }, &[Technical], ""),
            intakes: vec![("intake", 30, 1), ("intake", 120, 30)],
        },
        SeedProgram {
            slug: "machine-learning-university",
            program: leading_to(ProgramRecord {
                start_url: Some("https://aws.amazon.com/machine-learning/mlu/".to_owned()),
                ..program(
                "Machine Learning University",
                "Learn machine learning from the scientists who build it, at your own pace.",
                "Machine Learning University offers employees with a technical background the same \
                 courses Amazon's own scientists use to train new colleagues: from the foundations of \
                 machine learning to natural language processing, computer vision and tabular data.\n\n\
                 Courses are online and self-paced: most people finish them in about ten weeks, in \
                 time they agree with their manager.",
                ProgramKind::SelfPaced,
                Category::Technical,
                Format::Online,
                "Machine Learning University",
                Some(10),
                0,
                &[Technical],
                &[],
                false,
            )
            }, &[Technical], "machine learning, ml, data scientist, applied scientist"),
            intakes: vec![],
        },
        SeedProgram {
            slug: "career-choice",
            program: ProgramRecord {
                completion_evidence: CompletionEvidence::File,
                completion_note: "Your grade report or transcript for the term.".to_owned(),
                tuition_percent: 100,
                annual_cap_full_time_cents: 525_000,
                annual_cap_part_time_cents: 262_500,
                annual_budget_cents: Some(200_000_000),
                ..program(
                    "Career Choice",
                    "Prepaid tuition for college, certificates and diplomas in in-demand fields.",
                    "Career Choice pre-pays tuition for online courses with accredited education \
                     partners that lead to certificates, diplomas and degrees in fields that are in \
                     demand, whether or not the skills are relevant to a career at Amazon.\n\nWe pay 100% \
                     of tuition, up to $5,250 per calendar year for full-time employees (the IRS §127 \
                     ceiling) and $2,625 for part-time employees. Payment stops after a failed or dropped \
                     course until it is repaid.",
                    ProgramKind::Tuition,
                    Category::NonTechnical,
                    Format::Online,
                    "Accredited education partners",
                    None,
                    90,
                    &[],
                    &[],
                    false,
                )
            },
            intakes: vec![],
        },
        SeedProgram {
            slug: "amazon-apprenticeship",
            program: leading_to(ProgramRecord {
                completion_evidence: CompletionEvidence::Credential,
                completion_note: "Your apprenticeship certificate and its number.".to_owned(),
                annual_budget_cents: Some(45_000_000),
                seat_cost_cents: Some(1_500_000),
                ..program(
                "Amazon Apprenticeship",
                "A paid, Department of Labor–certified apprenticeship: 12 weeks in the classroom, then a year on the job.",
                "The Amazon Apprenticeship is a Department of Labor–certified program. It starts with \
                 12 weeks of full-time classroom training, online or at a training center, and continues \
                 with a year of on-the-job training in a technical role, alongside a mentor.\n\n\
                 Apprentices are paid throughout and finish with a nationally recognised credential.",
                ProgramKind::Cohort,
                Category::Technical,
                Format::Hybrid,
                "Amazon Apprenticeship",
                Some(64),
                90,
                &[],
                &[],
                true,
                )
            }, &[Technical], ""),
            intakes: vec![("cohort", 60, 1), ("cohort", 180, 20)], // not a stored name
        },
        SeedProgram {
            slug: "aws-training-and-certification",
            program: ProgramRecord {
                needs_manager_approval: false,
                start_url: Some("https://skillbuilder.aws/".to_owned()),
                completion_evidence: CompletionEvidence::Credential,
                verified_by: CompletionVerifier::Auto,
                completion_note: "The AWS certification you earned: its name, credential ID, the date earned and its \
                                  verification link."
                    .to_owned(),
                ..program(
                    "AWS Training and Certification",
                    "Free AWS digital courses and certification exam preparation, open to everyone.",
                    "AWS Training and Certification gives every employee free access to digital courses \
                     on cloud computing, from Cloud Practitioner essentials to specialist certifications, \
                     and to exam preparation.\n\nNo approval is needed: your place is confirmed as soon as \
                     you apply.",
                    ProgramKind::SelfPaced,
                    Category::Technical,
                    Format::Online,
                    "AWS Training and Certification",
                    None,
                    0,
                    &[],
                    &[],
                    false,
                )
            },
            intakes: vec![],
        },
    ]
}

/// Inserts the six programs whose slugs are not in the database yet; returns how many.
pub fn seed_programs(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<usize> {
    write_transaction(conn, |conn| {
        let mut inserted = 0;
        for seed in seed_programs_list() {
            let exists: bool =
                diesel::select(diesel::dsl::exists(programs_table::table.filter(programs_table::slug.eq(seed.slug))))
                    .get_result(conn)?;
            if exists {
                continue;
            }
            let program_id = programs::insert(conn, seed.slug, &seed.program, ProgramStatus::Published, now())?;
            for (called, days_from_today, seats) in seed.intakes {
                let (name, starts_on) = seed_intake(called, today, days_from_today);
                programs::insert_intake(conn, &NewIntake::first_come(program_id, name, starts_on, seats))?;
            }
            inserted += 1;
        }
        Ok(inserted)
    })
}

/// A seed intake's name and first day: the first of the month at least `days_from_today`
/// away, named after that month ("February 2027 cohort"), so that a name never says
/// another month than the intake's own, whenever the programs are seeded.
pub fn seed_intake(called: &str, today: NaiveDate, days_from_today: u64) -> (String, NaiveDate) {
    let earliest = today.checked_add_days(Days::new(days_from_today)).unwrap_or(today);
    let first_of_month = earliest.with_day(1).unwrap_or(earliest);
    let starts_on = if first_of_month < earliest {
        first_of_month.checked_add_months(Months::new(1)).unwrap_or(earliest)
    } else {
        first_of_month
    };
    (format!("{} {called}", starts_on.format("%B %Y")), starts_on)
}

/// A demo sign-in, as printed by `serve --demo`.
pub struct DemoAccount {
    pub email: &'static str,
    pub role: &'static str,
}

/// The demo organisation: (email, name, title, family, site, part-time, hired, manager email, admin).
type DemoPerson =
    (&'static str, &'static str, &'static str, JobFamily, SiteType, bool, NaiveDate, Option<&'static str>, bool);

fn demo_people(today: NaiveDate) -> Vec<DemoPerson> {
    use JobFamily::*;
    use SiteType::*;
    let days_ago = |days: u64| today.checked_sub_days(Days::new(days)).unwrap_or(today);
    let years_ago = |years: u32| today.checked_sub_months(Months::new(12 * years)).unwrap_or(today);
    let fixed = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(today);
    vec![
        (
            "ada.admin@upskill.example",
            "Ada Admin",
            "Learning & Development Lead",
            Corporate,
            CorporateOffice,
            false,
            fixed(2016, 3, 1),
            None,
            true,
        ),
        (
            "maria.manager@upskill.example",
            "Maria Manager",
            "Operations Manager",
            Operations,
            FulfillmentCenter,
            false,
            fixed(2018, 6, 1),
            Some("ada.admin@upskill.example"),
            false,
        ),
        (
            "tom.techlead@upskill.example",
            "Tom Techlead",
            "Software Development Manager",
            Technical,
            TechHub,
            false,
            fixed(2017, 1, 9),
            Some("ada.admin@upskill.example"),
            false,
        ),
        (
            "fiona.associate@upskill.example",
            "Fiona Associate",
            "Fulfillment Associate",
            Fulfillment,
            FulfillmentCenter,
            false,
            years_ago(2),
            Some("maria.manager@upskill.example"),
            false,
        ),
        (
            "nate.newhire@upskill.example",
            "Nate Newhire",
            "Fulfillment Associate",
            Fulfillment,
            FulfillmentCenter,
            false,
            days_ago(30),
            Some("maria.manager@upskill.example"),
            false,
        ),
        (
            "paula.parttime@upskill.example",
            "Paula Parttime",
            "Retail Associate",
            Retail,
            RetailStore,
            true,
            years_ago(1),
            Some("maria.manager@upskill.example"),
            false,
        ),
        (
            "dev.engineer@upskill.example",
            "Dev Engineer",
            "Software Development Engineer",
            Technical,
            TechHub,
            false,
            years_ago(3),
            Some("tom.techlead@upskill.example"),
            false,
        ),
        (
            "carl.corporate@upskill.example",
            "Carl Corporate",
            "Financial Analyst",
            Corporate,
            CorporateOffice,
            false,
            days_ago(400),
            Some("tom.techlead@upskill.example"),
            false,
        ),
    ]
}

/// The demo sign-ins, in the order they are printed.
pub fn demo_accounts() -> Vec<DemoAccount> {
    let role = |email: &str| match email {
        e if e.starts_with("ada.") => "admin", // not a stored name
        e if e.starts_with("maria.") || e.starts_with("tom.") => "manager",
        _ => "employee",
    };
    demo_people(NaiveDate::MIN).into_iter().map(|(email, ..)| DemoAccount { email, role: role(email) }).collect()
}

/// Seeds the six programs, the demo organisation and a pledge deadline ahead (31 December
/// of next year, so that a fresh demo's dashboard counts down instead of saying that the
/// deadline passed) into an empty database. Returns false (and changes nothing) when the
/// database already has data.
pub fn seed_demo(conn: &mut DbConnection, today: NaiveDate, password_hash: &str) -> QueryResult<bool> {
    let has_data = employees::count(conn)? > 0 || programs::count(conn)? > 0;
    if has_data {
        return Ok(false);
    }
    seed_programs(conn, today)?;
    write_transaction(conn, |conn| {
        let mut ids: Vec<(&str, i32)> = Vec::new();
        for (email, name, title, family, site, part_time, hired, manager, is_admin) in demo_people(today) {
            let manager_id = manager.and_then(|m| ids.iter().find(|(e, _)| *e == m).map(|(_, id)| *id));
            let at = now();
            let id = employees::insert(
                conn,
                &NewEmployee {
                    manager_id,
                    is_admin,
                    password_hash: Some(password_hash.to_owned()),
                    ..NewEmployee::active(
                        email,
                        EmployeeRecord {
                            display_name: name.to_owned(),
                            job_title: title.to_owned(),
                            job_family: family,
                            site_type: site,
                            employment_type: if part_time {
                                EmploymentType::PartTime
                            } else {
                                EmploymentType::FullTime
                            },
                            hire_date: hired,
                        },
                        at,
                    )
                },
            )?;
            // The demo people came from the HR system when they were hired.
            history::record_change(conn, id, &ChangeContext::new(HistorySource::Import, hired, None))?;
            ids.push((email, id));
        }
        let deadline = NaiveDate::from_ymd_opt(today.year() + 1, 12, 31).unwrap_or(today);
        settings::set(conn, settings::PLEDGE_DEADLINE, &deadline.format("%Y-%m-%d").to_string())?;
        Ok(true)
    })
}
