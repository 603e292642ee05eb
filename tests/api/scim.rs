//! SCIM 2.0 provisioning (`/scim/v2`), through the real routes, on both backends: the
//! requests Okta and Microsoft Entra ID send, replayed as their literal JSON bodies, and
//! the person rules the admin form and the HR import also keep.

use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::{json, Value};
use upskill::db::schema::{application_events, applications, audit_log, employees, sessions};

use crate::helpers::{apply_for_tuition, employee_id, signed_in, spawn_app, TestApp};

const ENTERPRISE: &str = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
pub(crate) const UPSKILL: &str = "urn:upskill:params:scim:schemas:extension:upskill:2.0:User";

/// A provider with a token.
pub(crate) struct Provider {
    client: reqwest::Client,
    base: String,
    token: String,
}

impl Provider {
    pub(crate) fn new(app: &TestApp) -> Provider {
        let (_, token) = upskill::db::scim_tokens::create(&mut app.db(), "Tests", None).unwrap();
        Provider { client: reqwest::Client::new(), base: format!("{}/scim/v2", app.address), token }
    }

    pub(crate) fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.client.request(method, format!("{}{path}", self.base)).bearer_auth(&self.token)
    }

    async fn send(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        let mut request = self.request(method, path);
        if let Some(body) = body {
            request = request.header("content-type", "application/scim+json").body(body.to_string());
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::Null))
    }

    pub(crate) async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.send(reqwest::Method::GET, path, None).await
    }

    pub(crate) async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }

    pub(crate) async fn patch(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::PATCH, path, Some(body)).await
    }

    pub(crate) async fn put(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::PUT, path, Some(body)).await
    }

    /// The one user a `userName eq` filter finds.
    pub(crate) async fn find(&self, user_name: &str) -> Value {
        let filter = format!("userName eq \"{user_name}\"");
        let (status, list) = self.get(&format!("/Users?filter={}", urlencoding(&filter))).await;
        assert_eq!(status, StatusCode::OK, "{list}");
        assert_eq!(list["totalResults"], 1, "{list}");
        list["Resources"][0].clone()
    }
}

fn urlencoding(text: &str) -> String {
    upskill::web::url_encode(text)
}

async fn json_of(response: reqwest::Response) -> Value {
    serde_json::from_str(&response.text().await.unwrap()).unwrap()
}

/// Okta's create request (from its SCIM 2.0 guide).
fn okta_user(user_name: &str) -> Value {
    json!({
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
        "userName": user_name,
        "name": {"givenName": "Jane", "familyName": "Doe"},
        "emails": [{"primary": true, "value": user_name, "type": "work"}],
        "displayName": "Jane Doe",
        "locale": "en-US",
        "externalId": "00ujl29u0le5T6Aj10h7",
        "groups": [],
        "password": "1mz050nq",
        "active": true
    })
}

pub(crate) fn patch_op(operations: Value) -> Value {
    json!({"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": operations})
}

fn scim_type(body: &Value) -> &str {
    body["scimType"].as_str().unwrap_or("")
}

#[actix_web::test]
async fn a_user_is_created_read_listed_filtered_and_paged() {
    let app = spawn_app().await;
    let provider = Provider::new(&app);
    let response = provider
        .request(reqwest::Method::POST, "/Users")
        .header("content-type", "application/scim+json")
        .body(okta_user("Jane.Doe@Upskill.example").to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(response.headers()["content-type"], "application/scim+json");
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let created: Value = json_of(response).await;
    assert_eq!(created["userName"], "jane.doe@upskill.example");
    assert_eq!(created["meta"]["location"], location.as_str());
    assert_eq!(created["meta"]["resourceType"], "User");
    assert_eq!(created[UPSKILL]["jobFamily"], "corporate", "core-only users get the sign-on defaults");
    let id = created["id"].as_str().unwrap().to_owned();
    let (status, read) = provider.get(&format!("/Users/{id}")).await;
    assert_eq!((status, &read), (StatusCode::OK, &created));
    let audit: i64 = audit_log::table
        .filter(audit_log::action.eq(upskill::domain::AuditAction::EmployeeScimCreated))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(audit, 1);

    // Again: the userName exists.
    let (status, body) = provider.post("/Users", okta_user("jane.doe@upskill.example")).await;
    assert_eq!((status, scim_type(&body), body["status"].as_str()), (StatusCode::CONFLICT, "uniqueness", Some("409")));

    assert_eq!(provider.find("JANE.DOE@upskill.example").await["id"], id.as_str());
    for filter in [
        "externalId eq \"00ujl29u0le5T6Aj10h7\"".to_owned(),
        "emails[type eq \"work\"].value eq \"jane.doe@upskill.example\"".to_owned(),
        format!("id eq \"{id}\""),
    ] {
        let (_, list) = provider.get(&format!("/Users?filter={}", urlencoding(&filter))).await;
        assert_eq!(list["totalResults"], 1, "{filter}: {list}");
    }
    let (_, none) = provider.get(&format!("/Users?filter={}", urlencoding("userName eq \"nobody@x.example\""))).await;
    assert_eq!((none["totalResults"].as_i64(), none["Resources"].as_array().map(Vec::len)), (Some(0), Some(0)));
    let (status, body) = provider.get(&format!("/Users?filter={}", urlencoding("displayName co \"Jane\""))).await;
    assert_eq!((status, scim_type(&body)), (StatusCode::BAD_REQUEST, "invalidFilter"));

    let everyone: i64 = employees::table.count().get_result(&mut app.db()).unwrap();
    let (_, page) = provider.get("/Users?startIndex=2&count=3").await;
    assert_eq!(page["totalResults"], everyone);
    assert_eq!((page["startIndex"].as_i64(), page["itemsPerPage"].as_i64()), (Some(2), Some(3)));
    let (_, all) = provider.get("/Users").await;
    let ids: Vec<&Value> = all["Resources"].as_array().unwrap().iter().map(|u| &u["id"]).collect();
    let paged: Vec<&Value> = page["Resources"].as_array().unwrap().iter().map(|u| &u["id"]).collect();
    assert_eq!(paged, ids[1..4].to_vec());
    let (status, body) = provider.get("/Users?count=many").await;
    assert_eq!((status, scim_type(&body)), (StatusCode::BAD_REQUEST, "invalidValue"));
    let (status, _) = provider.get("/Users/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn put_replaces_what_it_sends_and_keeps_what_hr_gives() {
    let app = spawn_app().await;
    let provider = Provider::new(&app);
    let (_, created) = provider.post("/Users", okta_user("jane.doe@upskill.example")).await;
    let id = created["id"].as_str().unwrap();
    let (status, _) = provider
        .patch(
            &format!("/Users/{id}"),
            patch_op(json!([{"op": "add", "value": {"title": "Engineer", UPSKILL: {"jobFamily": "technical"}}}])),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut replacement = okta_user("jane.doe@upskill.example");
    replacement["name"] = json!({"givenName": "Janet", "familyName": "Doe"});
    replacement["displayName"] = json!("Janet Doe");
    replacement[ENTERPRISE] = json!({"employeeNumber": "E-1001", "department": "Fulfillment"});
    let (status, replaced) = provider.put(&format!("/Users/{id}"), replacement).await;
    assert_eq!(status, StatusCode::OK, "{replaced}");
    assert_eq!(replaced["displayName"], "Janet Doe");
    assert_eq!(replaced[ENTERPRISE]["employeeNumber"], "E-1001");
    assert_eq!(replaced["title"], "Engineer", "a PUT without title keeps it");
    assert_eq!(replaced[UPSKILL]["jobFamily"], "technical", "and the Upskill extension");
    let (status, body) =
        provider.put(&format!("/Users/{id}"), json!({"userName": "jane.doe@upskill.example", "title": 7})).await;
    assert_eq!((status, scim_type(&body)), (StatusCode::BAD_REQUEST, "invalidValue"));
    let (status, body) = provider
        .put(
            &format!("/Users/{id}"),
            json!({"userName": "jane.doe@upskill.example", UPSKILL: {"siteType": "moon_base"}}),
        )
        .await;
    assert_eq!((status, scim_type(&body)), (StatusCode::BAD_REQUEST, "invalidValue"));
    assert!(body["detail"].as_str().unwrap().contains("siteType"), "{body}");
}

#[actix_web::test]
async fn okta_deactivates_and_reactivates_with_patch() {
    let app = spawn_app().await;
    let provider = Provider::new(&app);
    let fiona = provider.find("fiona.associate@upskill.example").await;
    let id = fiona["id"].as_str().unwrap();
    let browser = signed_in(&app, "fiona.associate").await;
    // Okta's deactivation and reactivation requests, as its guide shows them.
    let deactivate = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "replace", "value": {"active": false}}]
    });
    let (status, body) = provider.patch(&format!("/Users/{id}"), deactivate).await;
    assert_eq!((status, &body["active"]), (StatusCode::OK, &json!(false)));
    let fiona_id = employee_id(&app, "fiona.associate@upskill.example");
    let left: i64 =
        sessions::table.filter(sessions::employee_id.eq(fiona_id)).count().get_result(&mut app.db()).unwrap();
    assert_eq!(left, 0, "a deactivation ends the person's sessions");
    assert_eq!(browser.get("/").await.status(), StatusCode::SEE_OTHER);
    // Okta finds the person again by userName, deactivated, and turns them back on.
    assert_eq!(provider.find("fiona.associate@upskill.example").await["active"], false);
    let reactivate = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [{"op": "replace", "value": {"active": true}}]
    });
    let (status, body) = provider.patch(&format!("/Users/{id}"), reactivate).await;
    assert_eq!((status, &body["active"]), (StatusCode::OK, &json!(true)));
}

#[actix_web::test]
async fn entra_id_patches_move_pending_applications_to_the_new_manager() {
    let app = spawn_app().await;
    let provider = Provider::new(&app);
    let fiona = signed_in(&app, "fiona.associate").await;
    let application = apply_for_tuition(&fiona).await;
    let id = provider.find("fiona.associate@upskill.example").await["id"].as_str().unwrap().to_owned();
    let tom = provider.find("tom.techlead@upskill.example").await["id"].as_str().unwrap().to_owned();
    // Microsoft Entra ID's update request: capitalised ops, the manager as a bare id.
    let body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [
            {"op": "Replace", "path": "name.givenName", "value": "Fiona"},
            {"op": "Add", "path": "emails[type eq \"work\"].value", "value": "fiona.associate@upskill.example"},
            {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "value": "Fulfillment"},
            {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "value": tom}
        ]
    });
    let (status, patched) = provider.patch(&format!("/Users/{id}"), body).await;
    assert_eq!(status, StatusCode::OK, "{patched}");
    assert_eq!(patched[ENTERPRISE]["manager"]["value"], tom.as_str());
    assert_eq!(patched[ENTERPRISE]["department"], "Fulfillment");
    assert_eq!(patched["name"]["givenName"], "Fiona");
    let approver: Option<i32> =
        applications::table.find(application).select(applications::approver_id).first(&mut app.db()).unwrap();
    assert_eq!(approver.map(|a| a.to_string()), Some(tom.clone()), "the pending application follows");
    let reassigned: i64 = application_events::table
        .filter(application_events::application_id.eq(application))
        .filter(application_events::action.eq(upskill::domain::Event::Reassigned))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(reassigned, 1);
    // Entra ID disables with a string, and removes the manager.
    let body = json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "Operations": [
            {"op": "Replace", "path": "active", "value": "False"},
            {"op": "Remove", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}
        ]
    });
    let (status, patched) = provider.patch(&format!("/Users/{id}"), body).await;
    assert_eq!((status, &patched["active"]), (StatusCode::OK, &json!(false)), "{patched}");
    assert!(patched.get(ENTERPRISE).and_then(|e| e.get("manager")).is_none(), "{patched}");
    let (status, body) = provider
        .patch(&format!("/Users/{id}"), patch_op(json!([{"op": "Replace", "path": "active", "value": "True"}])))
        .await;
    assert_eq!((status, &body["active"]), (StatusCode::OK, &json!(true)));
    crate::helpers::assert_stats_consistent(&app);
}

#[actix_web::test]
async fn delete_deactivates_hides_and_a_new_post_brings_the_same_person_back() {
    let app = spawn_app().await;
    let provider = Provider::new(&app);
    let fiona = signed_in(&app, "fiona.associate").await;
    let application = apply_for_tuition(&fiona).await;
    let id = provider.find("fiona.associate@upskill.example").await["id"].as_str().unwrap().to_owned();
    let response = provider.request(reqwest::Method::DELETE, &format!("/Users/{id}")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(fiona.get("/").await.status(), StatusCode::SEE_OTHER, "her session ended");
    let active: bool =
        employees::table.find(id.parse::<i32>().unwrap()).select(employees::active).first(&mut app.db()).unwrap();
    assert!(!active, "the row stays, deactivated");
    let kept: i64 =
        applications::table.filter(applications::id.eq(application)).count().get_result(&mut app.db()).unwrap();
    assert_eq!(kept, 1, "her applications are history");
    for method in [reqwest::Method::GET, reqwest::Method::DELETE] {
        let (status, body) = provider.send(method, &format!("/Users/{id}"), None).await;
        assert_eq!((status, body["status"].as_str()), (StatusCode::NOT_FOUND, Some("404")));
    }
    let (_, list) = provider
        .get(&format!("/Users?filter={}", urlencoding("userName eq \"fiona.associate@upskill.example\"")))
        .await;
    assert_eq!(list["totalResults"], 0);
    let (status, back) = provider.post("/Users", okta_user("fiona.associate@upskill.example")).await;
    assert_eq!(status, StatusCode::CREATED, "{back}");
    assert_eq!((back["id"].as_str(), &back["active"]), (Some(id.as_str()), &json!(true)));
}

#[actix_web::test]
async fn a_manager_circle_is_refused_naming_its_people() {
    let app = spawn_app().await;
    let provider = Provider::new(&app);
    let maria = provider.find("maria.manager@upskill.example").await["id"].as_str().unwrap().to_owned();
    let fiona = provider.find("fiona.associate@upskill.example").await["id"].as_str().unwrap().to_owned();
    let body = patch_op(json!([{"op": "replace", "path": format!("{ENTERPRISE}:manager"), "value": {"value": fiona}}]));
    let (status, body) = provider.patch(&format!("/Users/{maria}"), body).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let detail = body["detail"].as_str().unwrap();
    assert!(detail.contains("maria.manager@upskill.example → fiona.associate@upskill.example"), "{detail}");
    assert_eq!(provider.find("maria.manager@upskill.example").await[ENTERPRISE]["manager"]["value"], "1");
    let body = patch_op(json!([{"op": "replace", "path": "manager", "value": "424242"}]));
    let (status, body) = provider.patch(&format!("/Users/{maria}"), body).await;
    assert_eq!((status, scim_type(&body)), (StatusCode::BAD_REQUEST, "invalidValue"));
}

#[actix_web::test]
async fn the_last_active_administrator_is_kept() {
    let app = spawn_app().await;
    let provider = Provider::new(&app);
    let ada = provider.find("ada.admin@upskill.example").await["id"].as_str().unwrap().to_owned();
    let (status, body) = provider
        .patch(&format!("/Users/{ada}"), patch_op(json!([{"op": "replace", "value": {"active": false}}])))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body["detail"].as_str().unwrap().contains("last active administrator"));
    let response = provider.request(reqwest::Method::DELETE, &format!("/Users/{ada}")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(provider.find("ada.admin@upskill.example").await["active"], true);
}

#[actix_web::test]
async fn bad_bodies_get_scim_errors_and_change_nothing() {
    let app = spawn_app().await;
    let provider = Provider::new(&app);
    let before = crate::state_snapshot::snapshot(&app);
    let raw = |body: Vec<u8>| {
        provider.request(reqwest::Method::POST, "/Users").header("content-type", "application/scim+json").body(body)
    };
    let mut big = okta_user("big@upskill.example");
    big["nickName"] = json!("x".repeat(1024 * 1024));
    let response = raw(big.to_string().into_bytes()).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let exact = vec![b' '; 1024 * 1024 + 1];
    let response = raw(exact).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(json_of(response).await["status"], "413");
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    for body in ["{\"userName\": ", "not json", deep.as_str()] {
        let response = raw(body.as_bytes().to_vec()).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{body:.40}");
        let error: Value = json_of(response).await;
        assert_eq!(scim_type(&error), "invalidSyntax");
        assert_eq!(error["schemas"][0], "urn:ietf:params:scim:api:messages:2.0:Error");
    }
    for body in [
        json!({"userName": ["a@upskill.example"]}),
        json!({"userName": "a@upskill.example", "active": 1}),
        json!({"userName": "a@upskill.example", "displayName": "Eve\u{7}"}),
        json!({"userName": "a@upskill.example", "name": {"givenName": "Eve\nBcc: all@upskill.example"}}),
        json!({"userName": "a@upskill.example", "externalId": "x\u{0}"}),
    ] {
        let (status, error) = provider.post("/Users", body.clone()).await;
        assert_eq!((status, scim_type(&error)), (StatusCode::BAD_REQUEST, "invalidValue"), "{body}");
    }
    let response = provider
        .request(reqwest::Method::POST, "/Users")
        .header("content-type", "text/plain")
        .body(okta_user("t@upskill.example").to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let (status, body) = provider.patch("/Users/1", json!({"Operations": []})).await;
    assert_eq!((status, scim_type(&body)), (StatusCode::BAD_REQUEST, "invalidSyntax"));
    let response = provider.request(reqwest::Method::POST, "/ServiceProviderConfig").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(crate::state_snapshot::snapshot(&app), before, "a refused request changed data");
    // Unknown attributes are ignored, plain JSON is accepted.
    let mut body = okta_user("u@upskill.example");
    body["favouriteColour"] = json!("teal");
    let response = provider
        .request(reqwest::Method::POST, "/Users")
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[actix_web::test]
async fn discovery_says_what_is_supported() {
    let app = spawn_app().await;
    let provider = Provider::new(&app);
    let (status, config) = provider.get("/ServiceProviderConfig").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((&config["filter"]["supported"], &config["patch"]["supported"]), (&json!(true), &json!(true)));
    assert_eq!(config["bulk"]["supported"], false);
    let (_, types) = provider.get("/ResourceTypes").await;
    assert_eq!(types["Resources"][0]["id"], "User");
    let (status, _) = provider.get("/ResourceTypes/User").await;
    assert_eq!(status, StatusCode::OK);
    let (_, schemas) = provider.get("/Schemas").await;
    assert_eq!(schemas["totalResults"], 3);
    let (status, schema) = provider.get(&format!("/Schemas/{UPSKILL}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(schema["attributes"].to_string().contains("fulfillment_center"));
    let (status, body) = provider.get("/Groups").await;
    assert_eq!((status, body["status"].as_str()), (StatusCode::NOT_FOUND, Some("404")));
}

#[actix_web::test]
async fn a_missing_wrong_or_revoked_token_or_a_session_is_refused_with_401() {
    let app = spawn_app().await;
    let provider = Provider::new(&app);
    let admin = signed_in(&app, "ada.admin").await;
    let url = format!("{}/Users", provider.base);
    let attempts = [
        ("no token", provider.client.get(&url)),
        ("a wrong token", provider.client.get(&url).bearer_auth("not-a-token")),
        ("basic auth", provider.client.get(&url).basic_auth("ada", Some(&provider.token))),
        ("a session cookie", admin.client.get(&url)),
    ];
    for (what, request) in attempts {
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{what}");
        assert!(response.headers()["www-authenticate"].to_str().unwrap().starts_with("Bearer"), "{what}");
        assert_eq!(json_of(response).await["status"], "401", "{what}");
    }
    let token_id: i32 = upskill::db::schema::scim_tokens::table
        .select(upskill::db::schema::scim_tokens::id)
        .first(&mut app.db())
        .unwrap();
    let ada = employee_id(&app, "ada.admin@upskill.example");
    assert!(upskill::db::scim_tokens::revoke(&mut app.db(), token_id, ada).unwrap());
    let (status, _) = provider.get("/Users").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "a revoked token");
}

#[actix_web::test]
async fn administrators_make_a_token_see_it_once_and_revoke_it() {
    let app = spawn_app().await;
    let admin = signed_in(&app, "ada.admin").await;
    let (status, page) = admin.page("/admin/provisioning").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("No token yet"), "an empty state");
    let response = admin.post_with_csrf("/admin/provisioning", &[("name", " ")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = admin.post_with_csrf("/admin/provisioning", &[("name", "Okta production")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let page = response.text().await.unwrap();
    let token = crate::helpers::attribute_values(&page, "#new-token", "value").remove(0);
    let stored: String = upskill::db::schema::scim_tokens::table
        .select(upskill::db::schema::scim_tokens::token_hash)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(stored, upskill::security::sha256_hex(&token), "only the hash is kept");
    let (_, again) = admin.page("/admin/provisioning").await;
    assert!(!again.contains(&token), "shown once");
    assert!(again.contains("Okta production") && again.contains("Never"));
    let users =
        reqwest::Client::new().get(format!("{}/scim/v2/Users", app.address)).bearer_auth(&token).send().await.unwrap();
    assert_eq!(users.status(), StatusCode::OK);
    let id = crate::helpers::attribute_values(&again, "tr[data-token]", "data-token").remove(0);
    let (status, confirm) = admin.page(&format!("/admin/provisioning/{id}/revoke")).await;
    assert!(status == StatusCode::OK && confirm.contains("Revoke the token"));
    let response = admin.post_with_csrf(&format!("/admin/provisioning/{id}/revoke"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let users =
        reqwest::Client::new().get(format!("{}/scim/v2/Users", app.address)).bearer_auth(&token).send().await.unwrap();
    assert_eq!(users.status(), StatusCode::UNAUTHORIZED);
    let actions: Vec<upskill::domain::AuditAction> =
        audit_log::table.order(audit_log::id.asc()).select(audit_log::action).load(&mut app.db()).unwrap();
    use upskill::domain::AuditAction::{ScimTokenCreated, ScimTokenRevoked};
    assert!(actions.ends_with(&[ScimTokenCreated, ScimTokenRevoked]), "{actions:?}");
    let employee = signed_in(&app, "fiona.associate").await;
    assert_eq!(employee.get("/admin/provisioning").await.status(), StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn the_token_never_reaches_the_log() {
    let (database_url, _database) = crate::helpers::fresh_database();
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let server = crate::helpers::start_server_logging_to(&database_url, &["--demo"], &log).await;
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_upskill"))
        .args(["provisioning-token", "--name", "Log check", "--database-url", &database_url])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let token = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    let client = reqwest::Client::new();
    let base = format!("{}/scim/v2", server.base);
    let created = client
        .post(format!("{base}/Users"))
        .bearer_auth(&token)
        .header("content-type", "application/scim+json")
        .body(okta_user("log@upskill.example").to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    client.get(format!("{base}/Users?filter=userName%20eq%20%22x%22")).bearer_auth(&token).send().await.unwrap();
    client.get(format!("{base}/Users")).bearer_auth(format!("{token}x")).send().await.unwrap();
    client.get(format!("{base}/Nothing")).bearer_auth(&token).send().await.unwrap();
    drop(server);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("SCIM user created"), "the log was written: {text}");
    assert!(!text.contains(&token), "the token is in the log");
}
