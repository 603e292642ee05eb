//! A proposed program's whole life in the browser: Dev proposes it, an administrator
//! approves it, Dev completes the draft with a lottery intake that offers freed seats and
//! asks for it to be published, the administrator publishes it, three people apply, the
//! window closes, the seats are drawn, the winner gives the seat back and the next in the
//! draw's order accepts it. axe-core checks every page on the way, and the pages people
//! answer on are checked at 375 pixels.

use diesel::prelude::*;
use upskill::db::schema::{applications, employees, programs};

use crate::browser::{axe, axe_source, in_browser_on, Driver};
use crate::helpers::spawn_app;

const NAME: &str = "Forklift to Fleet Analyst";

/// Sets a date input through the DOM: typing into one depends on the locale.
async fn set_date(d: &Driver, id: &str, date: chrono::NaiveDate) {
    d.client
        .execute(
            "document.getElementById(arguments[0]).value = arguments[1];",
            vec![id.into(), date.to_string().into()],
        )
        .await
        .unwrap();
}

/// The serious and critical axe-core findings on the current page, named by `page`.
async fn axe_problems(d: &Driver, source: &str, page: &str) -> Vec<String> {
    axe(d, source)
        .await
        .into_iter()
        .filter(|(_, impact, _, _)| impact == "serious" || impact == "critical")
        .map(|(rule, impact, nodes, help)| format!("{page}: {impact} {rule} ({nodes}): {help}"))
        .collect()
}

/// Whether the current page scrolls sideways at 375 pixels.
async fn scrolls_sideways_on_a_phone(d: &Driver) -> bool {
    d.client.set_window_size(375, 800).await.unwrap();
    let wide = d
        .client
        .execute("return document.documentElement.scrollWidth > document.documentElement.clientWidth;", vec![])
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(true);
    d.client.set_window_size(1280, 900).await.unwrap();
    wide
}

#[actix_web::test]
#[ignore = "needs chromium, chromium-driver and axe-core (installed by .ci/run)"]
async fn a_proposed_program_fills_its_lottery_and_offers_a_freed_seat_through_the_browser() {
    let app = spawn_app().await;
    let pool = app.pool.clone();
    let source = axe_source();
    in_browser_on(app, "lottery-journey", |d| async move {
        let today = upskill::clock::today();
        let mut problems = Vec::new();

        // 1. Dev proposes the program.
        d.sign_in("dev.engineer@upskill.example").await;
        d.visit("/proposals/new").await;
        problems.extend(axe_problems(&d, &source, "proposal form").await);
        d.fill("#name", NAME).await;
        d.fill("#summary", "Spreadsheets and SQL for people who run the yard.").await;
        d.fill(
            "#description",
            "Twelve weeks of evening classes on the data a yard produces, with a project at our site.",
        )
        .await;
        d.client.execute("document.getElementById('kind').value = 'cohort';", vec![]).await.unwrap();
        d.fill("#audience", "Yard associates with a year of service").await;
        d.fill("#expected_cost", "1200").await;
        d.fill("#experience", "I ran the site's spreadsheet club for two years.").await;
        d.click("form.stack button[type=submit]").await;
        let proposal = d.path().await;
        assert!(proposal.starts_with("/proposals/"), "{proposal}");
        d.sign_out().await;

        // 2. Ada approves it: a draft owned by Dev.
        d.sign_in("ada.admin@upskill.example").await;
        d.visit(&proposal).await;
        problems.extend(axe_problems(&d, &source, "proposal review").await);
        d.tick("#decision").await;
        d.click("form.proposal-decision button[type=submit]").await;
        d.sign_out().await;
        let slug: String = programs::table
            .filter(programs::name.eq(NAME))
            .select(programs::slug)
            .first(&mut pool.get().unwrap())
            .unwrap();

        // 3. Dev completes the draft: no approval stages, a lottery intake of one seat
        //    whose freed seat is offered for three working days; he asks to publish it.
        d.sign_in("dev.engineer@upskill.example").await;
        d.visit(&proposal).await;
        d.click(&format!("a.button-primary[href='/admin/programs/{slug}/edit']")).await;
        d.fill("#provider", "The site's operations analytics team").await;
        d.tick("#needs_manager_approval").await;
        d.tick("#needs_admin_approval").await;
        d.click("form.program-form button.button-primary").await;
        assert_eq!(d.texts(".flash-error").await, Vec::<String>::new(), "the completed draft is saved");
        d.visit(&format!("/admin/programs/{slug}/intakes")).await;
        d.fill("#new-name", "Spring 2027 cohort").await;
        set_date(&d, "new-starts_on", today + chrono::Days::new(60)).await;
        d.fill("#new-seats", "1").await;
        d.client.execute("document.getElementById('new-allocation').value = 'lottery';", vec![]).await.unwrap();
        set_date(&d, "new-opens_on", today).await;
        set_date(&d, "new-closes_on", today + chrono::Days::new(7)).await;
        d.tick("#new-freed-offer").await;
        d.fill("#new-offer_days", "3").await;
        d.click("section[aria-labelledby='new-intake'] button[type=submit]").await;
        assert_eq!(d.texts(".flash-success").await, ["The intake “Spring 2027 cohort” is added."]);
        problems.extend(axe_problems(&d, &source, "intakes").await);
        d.visit(&format!("/admin/programs/{slug}/edit")).await;
        d.click(&format!("form[action='/admin/programs/{slug}/publication-request'] button")).await;
        d.sign_out().await;

        // 4. Ada publishes it.
        d.sign_in("ada.admin@upskill.example").await;
        d.visit(&format!("/admin/programs/{slug}/edit")).await;
        d.click(&format!("form[action='/admin/programs/{slug}/publish'] button")).await;
        assert_eq!(d.texts(".flash-error").await, Vec::<String>::new(), "the program is published");
        d.sign_out().await;

        // 5. Three people apply in the window: each waits in the seat draw.
        let mut applied = Vec::new();
        for person in ["fiona.associate", "carl.corporate", "tom.techlead"] {
            d.sign_in(&format!("{person}@upskill.example")).await;
            d.visit(&format!("/programs/{slug}/apply")).await;
            d.tick("input[name='intake_id']").await;
            d.fill("#motivation", "I keep the yard's numbers and want to analyse them properly.").await;
            d.click("form.stack button[type=submit]").await;
            assert_eq!(d.status().await, "in_draw", "{person}");
            applied.push((person, d.path().await));
            d.sign_out().await;
        }

        // 6. The window closes; the first page that touches the intake draws its seat.
        let intake: i32 = {
            let id: Option<i32> = applications::table
                .filter(
                    applications::program_id
                        .eq_any(programs::table.filter(programs::slug.eq(&slug)).select(programs::id)),
                )
                .select(applications::intake_id)
                .first(&mut pool.get().unwrap())
                .unwrap();
            id.unwrap()
        };
        {
            use upskill::db::schema::intakes;
            diesel::update(intakes::table.find(intake))
                .set((
                    intakes::opens_on.eq(Some(today - chrono::Days::new(11))),
                    intakes::closes_on.eq(Some(today - chrono::Days::new(1))),
                ))
                .execute(&mut pool.get().unwrap())
                .unwrap();
        }
        d.sign_in("fiona.associate@upskill.example").await;
        d.visit(&format!("/programs/{slug}/intakes/{intake}/draw")).await;
        problems.extend(axe_problems(&d, &source, "seat draw").await);
        assert!(!scrolls_sideways_on_a_phone(&d).await, "the seat draw scrolls sideways at 375 px");
        d.sign_out().await;
        let status_of = |email: &str| -> (String, i32) {
            applications::table
                .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
                .filter(employees::email.eq(format!("{email}@upskill.example")))
                .filter(applications::intake_id.eq(intake))
                .select((applications::status, applications::id))
                .first(&mut pool.get().unwrap())
                .unwrap()
        };
        let statuses: Vec<(&str, String, i32)> = applied
            .iter()
            .map(|(person, _)| {
                let (status, id) = status_of(person);
                (*person, status, id)
            })
            .collect();
        let winner = statuses.iter().find(|(_, status, _)| status == "approved").expect("one seat drawn");
        assert_eq!(statuses.iter().filter(|(_, status, _)| status == "waitlisted").count(), 2, "{statuses:?}");

        // 7. The winner gives the seat back: it is offered to the first of the draw's
        //    waitlist, who accepts it on the application's page.
        d.sign_in(&format!("{}@upskill.example", winner.0)).await;
        d.visit(&format!("/applications/{}/withdraw", winner.2)).await;
        d.click("form[action$='/withdraw'] button[type=submit]").await;
        assert_eq!(d.status().await, "withdrawn");
        d.sign_out().await;
        let offered: Vec<&(&str, String, i32)> =
            statuses.iter().filter(|(person, _, _)| status_of(person).0 == "offered").collect();
        assert_eq!(offered.len(), 1, "one person is offered the seat");
        let (next, _, next_id) = offered[0];
        d.sign_in(&format!("{next}@upskill.example")).await;
        d.visit(&format!("/applications/{next_id}")).await;
        assert_eq!(d.status().await, "offered");
        problems.extend(axe_problems(&d, &source, "offer").await);
        assert!(!scrolls_sideways_on_a_phone(&d).await, "the offer scrolls sideways at 375 px");
        d.visit(&format!("/applications/{next_id}/offer/decline")).await;
        problems.extend(axe_problems(&d, &source, "declining an offer").await);
        d.visit(&format!("/applications/{next_id}")).await;
        d.click("[data-offer] button[type=submit]").await;
        assert_eq!(d.status().await, "approved");
        assert_eq!(
            d.texts(".flash-success").await,
            [format!("You accepted the seat: your place in {NAME} is confirmed.")]
        );
        d.sign_out().await;
        assert!(problems.is_empty(), "{problems:#?}");
        d
    })
    .await;
}
