//! Attached files and the virus scanner (`--clamd`): a real ClamAV daemon started by the
//! test (Debian's `clamav-daemon`, which `.ci/run` installs) with a signature database of
//! its own that knows the EICAR test file, and daemons that are not there or do not answer.
//!
//! The EICAR test file is the industry's harmless stand-in for a virus: every scanner
//! reports it. It is put together here at run time, never kept as a file in the project.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use upskill::config::ClamdAddress;

use crate::evidence::{attach, audit_actions, file_error, pdf, stored};
use crate::helpers::{apply_for_tuition, signed_in, spawn_app_with, texts, TestApp};
use crate::state_snapshot::snapshot;

/// The EICAR test file (68 bytes), put together from two halves.
fn eicar() -> Vec<u8> {
    let halves = [r"X5O!P%@AP[4\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"];
    halves.concat().into_bytes()
}

/// A ClamAV daemon of the test's own, on a Unix socket in a temporary directory, with
/// two signatures: the EICAR file itself by its MD5 and size (`.hdb`), and the EICAR
/// string anywhere inside a file (`.ndb`, so that a PDF carrying it is caught too).
/// Stopped when dropped.
pub struct Clamd {
    child: Child,
    pub socket: PathBuf,
    _dir: tempfile::TempDir,
}

impl Clamd {
    pub fn start() -> Clamd {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("clamd.ctl");
        let hex: String = eicar().iter().map(|b| format!("{b:02x}")).collect();
        std::fs::write(
            dir.path().join("upskill-test.hdb"),
            "44d88612fea8a8f36de82e1278abb02f:68:Eicar-Test-Signature\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("upskill-test.ndb"), format!("Eicar-Test-Signature-Inside:0:*:{hex}\n"))
            .unwrap();
        let config = format!(
            "LocalSocket {}\nDatabaseDirectory {}\nTemporaryDirectory {}\nForeground yes\nLogFile {}\n",
            socket.display(),
            dir.path().display(),
            dir.path().display(),
            dir.path().join("clamd.log").display()
        );
        let config_path = dir.path().join("clamd.conf");
        std::fs::write(&config_path, config).unwrap();
        let binary = ["/usr/sbin/clamd", "/usr/local/sbin/clamd"]
            .into_iter()
            .find(|path| Path::new(path).exists())
            .unwrap_or("clamd");
        let child = Command::new(binary)
            .arg("-c")
            .arg(&config_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("clamd is not installed (apt-get install -y clamav-daemon; .ci/run does)");
        let clamd = Clamd { child, socket, _dir: dir };
        let started = Instant::now();
        while !clamd.answers() {
            assert!(started.elapsed() < Duration::from_secs(60), "clamd did not start within a minute");
            std::thread::sleep(Duration::from_millis(50));
        }
        clamd
    }

    pub fn address(&self) -> ClamdAddress {
        ClamdAddress::Unix(self.socket.clone())
    }

    /// Whether it answers `PING`.
    fn answers(&self) -> bool {
        use std::io::{Read, Write};
        let Ok(mut stream) = std::os::unix::net::UnixStream::connect(&self.socket) else { return false };
        let mut reply = [0u8; 5];
        stream.write_all(b"zPING\0").is_ok() && stream.read_exact(&mut reply).is_ok() && &reply == b"PONG\0"
    }

    /// Stops the daemon (its socket stays, with nobody behind it).
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Clamd {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A server whose uploads go to the scanner at `address`; Fiona signed in with a tuition
/// request.
async fn app_scanning_with(address: ClamdAddress, timeout: Duration) -> (TestApp, crate::helpers::Browser, i32) {
    let app = spawn_app_with(move |settings| {
        settings.clamd = Some(address);
        settings.clamd_timeout = timeout;
    })
    .await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = apply_for_tuition(&fiona).await;
    (app, fiona, id)
}

#[actix_web::test]
#[ignore = "needs clamav-daemon (installed by .ci/run)"]
async fn the_scanner_passes_a_clean_pdf_and_refuses_the_eicar_file_with_an_audit_line() {
    let mut clamd = Clamd::start();
    let (app, fiona, id) = app_scanning_with(clamd.address(), Duration::from_secs(10)).await;
    assert_eq!(attach(&fiona, id, "enrolment-letter.pdf", pdf(20_000)).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(stored(&app).len(), 1);

    for (name, content) in [("eicar.com", eicar()), ("letter.pdf", [pdf(300), eicar()].concat())] {
        let audit_before = audit_actions(&app).len();
        let response = attach(&fiona, id, name, content).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(file_error(response).await, "This file was refused by the virus scanner.", "{name}");
        assert_eq!(stored(&app).len(), 1, "{name}: nothing more stored");
        let actions = audit_actions(&app);
        assert_eq!(actions[audit_before..], ["application.file_infected"], "{name}");
    }
    use diesel::prelude::*;
    use upskill::db::schema::audit_log;
    let details: Vec<String> = audit_log::table
        .filter(audit_log::action.eq("application.file_infected"))
        .order(audit_log::id)
        .select(audit_log::details)
        .load(&mut app.db())
        .unwrap();
    assert!(details[0].starts_with(&format!("application {id}: “eicar.com” (68 bytes, SHA-256 ")), "{details:?}");
    // What the scanner found, by its name for it (clamd marks signatures of its own ".UNOFFICIAL").
    assert!(details[0].contains("refused by the virus scanner (Eicar-Test-Signature"), "{details:?}");
    assert!(details[1].contains("(Eicar-Test-Signature-Inside"), "{details:?}");

    // With the daemon stopped, nothing is stored until it is back.
    clamd.stop();
    let before = snapshot(&app);
    let response = attach(&fiona, id, "second-letter.pdf", pdf(1000)).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "30");
    let page = response.text().await.unwrap();
    assert!(texts(&page, "#files-problem")[0].starts_with("The virus scanner is not answering"), "{page}");
    assert_eq!(snapshot(&app), before);
}

#[actix_web::test]
async fn without_a_scanner_at_its_address_an_upload_is_a_503_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let nobody = ClamdAddress::Unix(dir.path().join("clamd.ctl"));
    let (app, fiona, id) = app_scanning_with(nobody, Duration::from_secs(5)).await;
    let before = snapshot(&app);
    let response = attach(&fiona, id, "letter.pdf", pdf(1000)).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let page = response.text().await.unwrap();
    assert!(texts(&page, "title")[0].starts_with("Error: "));
    assert_eq!(texts(&page, ".file-list li").len(), 0);
    assert_eq!(snapshot(&app), before);
}

#[actix_web::test]
async fn a_scanner_that_does_not_answer_in_time_is_a_503_and_nothing_is_stored() {
    // It takes the connection and the file, and never says a word.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let silent = ClamdAddress::Tcp(listener.local_addr().unwrap().to_string());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    let (app, fiona, id) = app_scanning_with(silent, Duration::from_millis(500)).await;
    let before = snapshot(&app);
    let started = Instant::now();
    let response = attach(&fiona, id, "letter.pdf", pdf(1000)).await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    assert_eq!(snapshot(&app), before);
}

#[actix_web::test]
async fn the_scanner_s_address_is_checked_at_start_up_and_an_empty_one_means_none() {
    use crate::deployment::{output_of, upskill};
    use crate::helpers::{fresh_database, serve_command, server_process, wait_until_healthy};
    let (url, _database) = fresh_database();
    for bad in ["clamd.ctl", "unix:clamd.ctl", "tcp:clamav"] {
        let (started, output) = output_of(upskill(&["serve", "--database-url", &url]).env("UPSKILL_CLAMD", bad));
        assert!(!started && output.contains("invalid value") && output.contains("--clamd"), "{bad}: {output}");
    }
    // `UPSKILL_CLAMD=` (an environment file's empty line) is no scanner: the server starts and says so.
    let log = tempfile::NamedTempFile::new().unwrap();
    let port = crate::helpers::free_port();
    let mut command = serve_command(port, &url, &[]);
    command.env("UPSKILL_CLAMD", "").env("RUST_LOG", "warn").stderr(log.reopen().unwrap());
    let server = server_process(command, port);
    assert!(wait_until_healthy(&server, Duration::from_secs(30)).await.is_some(), "the server did not start");
    drop(server);
    let text = std::fs::read_to_string(log.path()).unwrap();
    assert!(text.contains("no virus scanner (--clamd): attached files are stored unscanned"), "{text}");
}
