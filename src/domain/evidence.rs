//! Files attached to an application (an enrolment letter, an invoice, a certificate): which
//! files are accepted, the name a file is kept under, and how it is offered for download.
//!
//! The rules:
//!
//! - **The content decides, never the name.** A file is a PDF when it starts with `%PDF-`,
//!   a PNG when it starts with the PNG signature (`89 50 4E 47 0D 0A 1A 0A`), a JPEG when it
//!   starts with `FF D8 FF`; anything else is refused, whatever its name says or the
//!   browser claimed. A PNG named `letter.pdf` is kept as a PNG.
//! - **Nothing a browser could take for a web page.** A browser that guesses a type reads
//!   up to the first 1,445 bytes of a file (WHATWG MIME Sniffing, "resource header"); a
//!   file whose first [`SNIFFED_BYTES`] hold `<html`, `<script`, `<!doctype`, `<body`,
//!   `<iframe` or `<svg`, in any case, is refused even behind a valid signature (a
//!   "polyglot": a PDF header glued to a page of script). Downloads are also always
//!   attachments, `nosniff` and sandboxed (`web::evidence`), so this is a second line.
//! - **Not empty, at most [`MAX_FILE_BYTES`]** (10 MiB, exactly: 10,485,760 bytes pass).
//! - **The name kept** ([`kept_name`]) is the last part of what the browser sent (no
//!   folders), without control or invisible characters, trimmed, at most
//!   [`MAX_NAME_CHARS`] characters (the extension kept when it is cut), and never empty
//!   (`attachment.pdf`).
//! - **Files may be attached** while the application is not withdrawn or rejected
//!   ([`may_attach`]): a completed one may still take its certificate.

use super::enums::{ApplicationStatus, FileType};
use super::text::is_invisible;

/// The largest file accepted: 10 MiB.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// How far into a file markup is looked for: as far as a browser sniffs a type.
pub const SNIFFED_BYTES: usize = 1445;

/// The longest name a file is kept under, in characters.
pub const MAX_NAME_CHARS: usize = 120;

/// The start of a web page or a script, refused near the start of any file (compared in
/// lower case).
const MARKUP: [&[u8]; 6] = [b"<html", b"<script", b"<!doctype", b"<body", b"<iframe", b"<svg"];

const PDF_SIGNATURE: &[u8] = b"%PDF-";
const PNG_SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE: &[u8] = &[0xff, 0xd8, 0xff];

/// Why a file was not attached; each says so in words for the person who sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRefusal {
    /// No file was chosen.
    NoFile,
    /// The file has no bytes.
    Empty,
    /// Over [`MAX_FILE_BYTES`].
    TooLarge,
    /// Neither a PDF, a PNG nor a JPEG.
    NotAccepted,
    /// Holds a web page or a script near its start.
    Markup,
    /// The virus scanner found something (its name for it).
    Infected(String),
}

impl FileRefusal {
    /// The message shown at the file control.
    pub fn message(&self) -> String {
        match self {
            FileRefusal::NoFile => "Choose the file to attach.".to_owned(),
            FileRefusal::Empty => "The file is empty. Choose it again: it may not have finished saving.".to_owned(),
            FileRefusal::TooLarge => format!(
                "The file is larger than {} MiB. Attach a smaller file, for example a scan at a lower resolution.",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            FileRefusal::NotAccepted => "This file is not a PDF, PNG or JPEG image, whatever its name says. \
                                         Save or export it as a PDF and attach that."
                .to_owned(),
            FileRefusal::Markup => "This file holds web page code (HTML or script), so it can't be attached. \
                                    Save the document as a PDF and attach that."
                .to_owned(),
            FileRefusal::Infected(_) => "This file was refused by the virus scanner.".to_owned(),
        }
    }
}

/// What a file is, by its first bytes; or why it is refused.
pub fn file_type(bytes: &[u8]) -> Result<FileType, FileRefusal> {
    if bytes.is_empty() {
        return Err(FileRefusal::Empty);
    }
    if holds_markup(&bytes[..bytes.len().min(SNIFFED_BYTES)]) {
        return Err(FileRefusal::Markup);
    }
    if bytes.starts_with(PDF_SIGNATURE) {
        Ok(FileType::Pdf)
    } else if bytes.starts_with(PNG_SIGNATURE) {
        Ok(FileType::Png)
    } else if bytes.starts_with(JPEG_SIGNATURE) {
        Ok(FileType::Jpeg)
    } else {
        Err(FileRefusal::NotAccepted)
    }
}

/// Whether `head` holds one of the [`MARKUP`] openings, in any case.
fn holds_markup(head: &[u8]) -> bool {
    (0..head.len()).filter(|at| head[*at] == b'<').any(|at| {
        MARKUP.iter().any(|tag| head.get(at..at + tag.len()).is_some_and(|found| found.eq_ignore_ascii_case(tag)))
    })
}

/// Whether an application in `status` takes new files.
pub fn may_attach(status: ApplicationStatus) -> bool {
    !matches!(status, ApplicationStatus::Withdrawn | ApplicationStatus::Rejected)
}

/// The name a file is kept under, from what the browser sent (see the module's rules).
pub fn kept_name(sent: &str, file_type: FileType) -> String {
    let name = cleaned_name(sent);
    if name.is_empty() {
        return format!("attachment.{}", file_type.extensions()[0]);
    }
    name
}

/// The name the browser sent, cleaned as [`kept_name`] does, but empty when nothing is
/// left of it.
pub fn cleaned_name(sent: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let visible: String = last.chars().filter(|c| !c.is_control() && !is_invisible(*c)).collect();
    let words: Vec<&str> = visible.split_whitespace().collect();
    let name = words.join(" ");
    shortened(name.trim_matches(|c: char| c == '.' || c.is_whitespace()))
}

/// `name` cut to [`MAX_NAME_CHARS`] characters, keeping a short extension.
fn shortened(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_owned();
    }
    let extension = name.rsplit_once('.').map(|(_, ext)| ext).filter(|ext| (1..=8).contains(&ext.chars().count()));
    match extension {
        Some(ext) => {
            let stem: String = name.chars().take(MAX_NAME_CHARS - ext.chars().count() - 1).collect();
            format!("{}.{ext}", stem.trim_end())
        }
        None => name.chars().take(MAX_NAME_CHARS).collect::<String>().trim_end().to_owned(),
    }
}

/// The name a file is downloaded under: its kept name, with its type's extension added
/// when the name has another one (a PNG sent as `letter.pdf` downloads as
/// `letter.pdf.png`, so that it opens in a program that reads it; nothing typed is lost).
pub fn download_name(name: &str, file_type: FileType) -> String {
    let extension = name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase());
    match extension {
        Some(ext) if file_type.extensions().contains(&ext.as_str()) => name.to_owned(),
        _ => format!("{name}.{}", file_type.extensions()[0]),
    }
}

/// The `Content-Disposition` of a download named `name`: always an attachment, with an
/// ASCII `filename` for old clients and the exact name as RFC 5987's `filename*`.
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| if c.is_ascii_graphic() && !matches!(c, '"' | '\\' | '%' | ';') || c == ' ' { c } else { '_' })
        .collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A file's size for people: `812 bytes`, `120 KB`, `2.4 MB` (units of 1,024).
pub fn size_label(bytes: i64) -> String {
    const KIB: i64 = 1024;
    if bytes < KIB {
        return format!("{bytes} bytes");
    }
    if bytes < KIB * KIB {
        return format!("{} KB", (bytes + KIB - 1) / KIB);
    }
    let tenths = (bytes * 10 + KIB * KIB / 2) / (KIB * KIB);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R'];

    #[test]
    fn the_first_bytes_decide_the_type() {
        assert_eq!(file_type(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), Ok(FileType::Pdf));
        assert_eq!(file_type(PNG), Ok(FileType::Png));
        assert_eq!(file_type(&[0xff, 0xd8, 0xff, 0xe0, 0, 16, b'J', b'F', b'I', b'F']), Ok(FileType::Jpeg));
        assert_eq!(file_type(&[0xff, 0xd8, 0xff]), Ok(FileType::Jpeg), "the signature alone");
    }

    #[test]
    fn anything_else_is_refused_whatever_it_resembles() {
        assert_eq!(file_type(b""), Err(FileRefusal::Empty));
        for other in [
            &b"PK\x03\x04 a zip or an office document"[..],
            b"GIF89a",
            b"%PDF",
            b" %PDF-1.7 (a space first)",
            b"MZ\x90\x00 a Windows program",
            b"Dear Maria, here is my letter.",
            &PNG[..7],
            &[0xff, 0xd8],
            b"\x7fELF",
        ] {
            assert_eq!(file_type(other), Err(FileRefusal::NotAccepted), "{other:?}");
        }
    }

    #[test]
    fn markup_near_the_start_is_refused_behind_any_signature() {
        assert_eq!(file_type(b"<!DOCTYPE html><title>letter.pdf</title>"), Err(FileRefusal::Markup));
        assert_eq!(file_type(b"%PDF-1.4\n<HTML><body onload=alert(1)>"), Err(FileRefusal::Markup));
        assert_eq!(file_type(b"%PDF-1.4 <ScRiPt>alert(1)</script>"), Err(FileRefusal::Markup));
        let mut png = PNG.to_vec();
        png.extend_from_slice(b"tEXt<svg onload=alert(1)>");
        assert_eq!(file_type(&png), Err(FileRefusal::Markup));
        let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe1];
        jpeg.extend(std::iter::repeat_n(b'x', SNIFFED_BYTES - 4 - 7));
        jpeg.extend_from_slice(b"<iframe");
        assert_eq!(jpeg.len(), SNIFFED_BYTES);
        assert_eq!(file_type(&jpeg), Err(FileRefusal::Markup), "ending on the last byte looked at");
        // Past the sniffed bytes, markup is the content's own business (a PDF may quote HTML).
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.extend(std::iter::repeat_n(b' ', SNIFFED_BYTES));
        pdf.extend_from_slice(b"<html>");
        assert_eq!(file_type(&pdf), Ok(FileType::Pdf));
        assert_eq!(file_type(b"%PDF-1.7 <htm l> < script>"), Ok(FileType::Pdf), "not the openings");
    }

    #[test]
    fn files_go_on_until_the_application_is_withdrawn_or_rejected() {
        for status in ApplicationStatus::ALL {
            let closed = matches!(status, ApplicationStatus::Withdrawn | ApplicationStatus::Rejected);
            assert_eq!(may_attach(*status), !closed, "{status:?}");
        }
    }

    #[test]
    fn the_kept_name_has_no_path_no_controls_and_is_never_empty() {
        assert_eq!(kept_name("enrolment-letter.pdf", FileType::Pdf), "enrolment-letter.pdf");
        assert_eq!(kept_name("C:\\Users\\fiona\\Desktop\\letter.pdf", FileType::Pdf), "letter.pdf");
        assert_eq!(kept_name("../../etc/passwd", FileType::Pdf), "passwd");
        assert_eq!(kept_name("in\u{0}voice\r\n\t.pdf", FileType::Pdf), "invoice.pdf");
        assert_eq!(kept_name("invoice\u{202e}fdp.exe", FileType::Pdf), "invoicefdp.exe");
        assert_eq!(kept_name("  my   scan .png ", FileType::Png), "my scan .png");
        assert_eq!(kept_name("Zeugnis für Ünal.pdf", FileType::Pdf), "Zeugnis für Ünal.pdf");
        for empty in ["", "   ", "..", "/", "C:\\", "\u{200b}\u{0}", ".", "..."] {
            assert_eq!(kept_name(empty, FileType::Pdf), "attachment.pdf", "{empty:?}");
        }
        assert_eq!(kept_name("", FileType::Jpeg), "attachment.jpg");
    }

    #[test]
    fn a_long_name_is_cut_to_120_characters_keeping_its_extension() {
        let long = format!("{}.pdf", "ü".repeat(300));
        let kept = kept_name(&long, FileType::Pdf);
        assert_eq!(kept.chars().count(), MAX_NAME_CHARS);
        assert!(kept.ends_with("üü.pdf"), "{kept}");
        let no_extension = "x".repeat(500);
        assert_eq!(kept_name(&no_extension, FileType::Pdf).chars().count(), MAX_NAME_CHARS);
        let exactly = format!("{}.png", "a".repeat(116));
        assert_eq!(kept_name(&exactly, FileType::Png), exactly);
    }

    #[test]
    fn a_download_gets_its_type_s_extension_when_its_name_has_another() {
        assert_eq!(download_name("letter.pdf", FileType::Pdf), "letter.pdf");
        assert_eq!(download_name("Letter.PDF", FileType::Pdf), "Letter.PDF");
        assert_eq!(download_name("photo.jpeg", FileType::Jpeg), "photo.jpeg");
        assert_eq!(download_name("letter.pdf", FileType::Png), "letter.pdf.png");
        assert_eq!(download_name("scan", FileType::Jpeg), "scan.jpg");
    }

    #[test]
    fn the_content_disposition_is_an_attachment_with_an_ascii_and_an_exact_name() {
        assert_eq!(
            content_disposition("letter.pdf"),
            "attachment; filename=\"letter.pdf\"; filename*=UTF-8''letter.pdf"
        );
        assert_eq!(
            content_disposition("Zeugnis für \"Ünal\"; 100%.pdf"),
            "attachment; filename=\"Zeugnis f_r __nal__ 100_.pdf\"; \
             filename*=UTF-8''Zeugnis%20f%C3%BCr%20%22%C3%9Cnal%22%3B%20100%25.pdf"
        );
    }

    #[test]
    fn sizes_read_in_bytes_kilobytes_and_megabytes() {
        assert_eq!(size_label(812), "812 bytes");
        assert_eq!(size_label(1024), "1 KB");
        assert_eq!(size_label(120 * 1024 + 1), "121 KB");
        assert_eq!(size_label(10 * 1024 * 1024), "10.0 MB");
        assert_eq!(size_label(2_516_582), "2.4 MB");
    }

    #[test]
    fn each_refusal_says_why() {
        assert!(FileRefusal::NotAccepted.message().starts_with("This file is not a PDF, PNG or JPEG image"));
        assert_eq!(FileRefusal::Infected("Eicar".into()).message(), "This file was refused by the virus scanner.");
        assert!(FileRefusal::TooLarge.message().contains("10 MiB"));
    }
}
