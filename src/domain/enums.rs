//! The closed vocabularies of the data model, stored as lower-case text.
//!
//! Each is a Rust enum everywhere past the database boundary: rows, drafts and queries
//! carry `ApplicationStatus::Approved`, never `"approved"`. The stored names live here
//! and nowhere else (a test scans `src/` for them). The two diesel derives only mark the
//! types as text columns; how they are written and read on each backend is in
//! `db::column_types`.

use std::fmt;
use std::str::FromStr;

/// A value that is not one of an enumeration's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    pub kind: &'static str,
    pub value: String,
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a known {}", self.value, self.kind)
    }
}

impl std::error::Error for UnknownValue {}

/// A value stored in the database under a fixed name.
pub trait StoredName: Copy + fmt::Debug + Send + Sync + 'static + FromStr<Err = UnknownValue> {
    /// The vocabulary's name in the message catalogs (`locales/*/vocabulary.ftl`).
    const VOCABULARY: &'static str;

    fn stored_name(self) -> &'static str;
}

/// Declares an enumeration stored as text, with its stored names, its name in the message
/// catalogs and its English labels.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident, $kind:literal, $vocabulary:literal { $($variant:ident => $stored:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, diesel::AsExpression, diesel::FromSqlRow)]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name {
            $($variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Every stored name, in display order.
            pub const STORED: &'static [&'static str] = &[$($stored,)+];

            /// The name stored in the database and used in URLs and forms.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $stored,)+
                }
            }

            /// The name shown to people, in English (pages name a value in the reader's
            /// language through the message `<VOCABULARY>-<stored name>`: `Tr::name`).
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                match value {
                    $($stored => Ok($name::$variant),)+
                    _ => Err(UnknownValue { kind: $kind, value: value.to_owned() }),
                }
            }
        }

        impl StoredName for $name {
            const VOCABULARY: &'static str = $vocabulary;

            fn stored_name(self) -> &'static str {
                self.as_str()
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// The job family an employee belongs to.
    JobFamily, "job family", "job-family" {
        Fulfillment => "fulfillment", "Fulfillment";
        Operations => "operations", "Operations";
        Corporate => "corporate", "Corporate";
        Technical => "technical", "Technical";
        Retail => "retail", "Retail";
        Transportation => "transportation", "Transportation";
    }
);

text_enum!(
    /// The kind of site an employee works at.
    SiteType, "site type", "site-type" {
        FulfillmentCenter => "fulfillment_center", "Fulfillment center";
        CorporateOffice => "corporate_office", "Corporate office";
        TechHub => "tech_hub", "Tech hub";
        RetailStore => "retail_store", "Retail store";
        TransportationNetwork => "transportation_network", "Transportation network";
    }
);

text_enum!(
    /// Full- or part-time employment; decides the tuition cap.
    EmploymentType, "employment type", "employment-type" {
        FullTime => "full_time", "Full-time";
        PartTime => "part_time", "Part-time";
    }
);

text_enum!(
    /// Where a row of a person's job history came from (`employee_history.source`).
    HistorySource, "source of a change", "history-source" {
        Import => "import", "HR import";
        Scim => "scim", "SCIM provisioning";
        Admin => "admin", "Administrator";
        Provision => "provision", "First sign-in";
    }
);

text_enum!(
    /// Why someone left the company (`employee_history.leaving_reason`).
    LeavingReason, "leaving reason", "leaving-reason" {
        Voluntary => "voluntary", "voluntary";
        Involuntary => "involuntary", "involuntary";
        Retirement => "retirement", "retirement";
        Other => "other", "other";
    }
);

text_enum!(
    /// Where a participant stands some months after a verified completion, from the job
    /// history (`completion_outcomes.outcome_6/12/24`, `outcome_totals.outcome`).
    Outcome, "outcome", "outcome" {
        MovedTarget => "moved_target", "Moved into a target role";
        MovedOther => "moved_other", "Moved into another role";
        LeftVoluntary => "left_voluntary", "Left the company (voluntary)";
        LeftOther => "left_other", "Left the company (other reasons)";
        SameRole => "same_role", "Same role";
        Pending => "pending", "Not yet known";
    }
);

text_enum!(
    /// How long someone had worked here on a given day (`completion_outcomes.tenure_band`).
    TenureBand, "tenure band", "tenure-band" {
        UnderOneYear => "under_1_year", "Under 1 year";
        OneToThreeYears => "1_to_3_years", "1 to 3 years";
        ThreeToFiveYears => "3_to_5_years", "3 to 5 years";
        FiveYearsOrMore => "5_years_or_more", "5 years or more";
    }
);

text_enum!(
    /// How an intake gives its seats (`intakes.allocation`).
    Allocation, "seat allocation", "allocation" {
        FirstCome => "first_come", "First come, first served";
        Lottery => "lottery", "Lottery after the application window";
    }
);

text_enum!(
    /// Who goes first in an intake's seat draw (`intakes.priority`, `domain::lottery`).
    DrawPriority, "draw priority", "draw-priority" {
        None => "none", "Everyone alike";
        FirstTime => "first_time", "First-time participants first";
    }
);

text_enum!(
    /// How a program is taken: a cohort with intakes, at one's own pace, or paid tuition.
    ProgramKind, "program kind", "program-kind" {
        Cohort => "cohort", "Cohort";
        SelfPaced => "self_paced", "Self-paced";
        Tuition => "tuition", "Tuition";
    }
);

text_enum!(
    /// Whether a program leads to a technical or a non-technical role.
    Category, "category", "category" {
        Technical => "technical", "Technical";
        NonTechnical => "non_technical", "Non-technical";
    }
);

text_enum!(
    /// Where a program is taught.
    Format, "format", "format" {
        OnSite => "on_site", "On site";
        Online => "online", "Online";
        Hybrid => "hybrid", "Hybrid";
    }
);

text_enum!(
    /// A program's publication state; only published programs appear in the catalog.
    ProgramStatus, "program status", "program-status" {
        Draft => "draft", "Draft";
        Published => "published", "Published";
        Archived => "archived", "Archived";
    }
);

text_enum!(
    /// Where an application stands in the state machine of `domain::application`.
    ApplicationStatus, "application status", "application-status" {
        Submitted => "submitted", "Submitted";
        ChangesRequested => "changes_requested", "Changes requested";
        ManagerApproved => "manager_approved", "Manager approved";
        Approved => "approved", "Approved";
        Waitlisted => "waitlisted", "Waitlisted";
        InDraw => "in_draw", "In the seat draw";
        Offered => "offered", "Place offered";
        Rejected => "rejected", "Rejected";
        Withdrawn => "withdrawn", "Withdrawn";
        Completed => "completed", "Completed";
        CompletionSubmitted => "completion_submitted", "Evidence submitted";
        CompletionReturned => "completion_returned", "Evidence returned";
        NotCompleted => "not_completed", "Not completed";
    }
);

impl ApplicationStatus {
    /// Rejected, withdrawn, completed (verified) and not completed applications never
    /// change again.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Rejected
                | ApplicationStatus::Withdrawn
                | ApplicationStatus::Completed
                | ApplicationStatus::NotCompleted
        )
    }

    /// The statuses in which an application is active (at most one per employee and program).
    pub const ACTIVE: [ApplicationStatus; 9] = [
        ApplicationStatus::Submitted,
        ApplicationStatus::ChangesRequested,
        ApplicationStatus::ManagerApproved,
        ApplicationStatus::Approved,
        ApplicationStatus::Waitlisted,
        ApplicationStatus::InDraw,
        ApplicationStatus::Offered,
        ApplicationStatus::CompletionSubmitted,
        ApplicationStatus::CompletionReturned,
    ];

    /// The statuses that hold a seat of an intake: an approved place, the place while its
    /// evidence of completion is looked at, and the place once decided either way (the
    /// cohort ran with that person in it; a seat freed then would go to nobody usefully).
    pub const SEAT_HOLDING: [ApplicationStatus; 5] = [
        ApplicationStatus::Approved,
        ApplicationStatus::CompletionSubmitted,
        ApplicationStatus::CompletionReturned,
        ApplicationStatus::Completed,
        ApplicationStatus::NotCompleted,
    ];

    /// The statuses that keep a seat from anyone else: those holding one, and a place
    /// offered from the waitlist until it is accepted, declined or lapses.
    pub const SEAT_RESERVING: [ApplicationStatus; 6] = [
        ApplicationStatus::Approved,
        ApplicationStatus::CompletionSubmitted,
        ApplicationStatus::CompletionReturned,
        ApplicationStatus::Completed,
        ApplicationStatus::NotCompleted,
        ApplicationStatus::Offered,
    ];

    /// The statuses whose covered tuition counts against the yearly cap: in flight, or
    /// given (tuition is paid up front, so a term not completed was paid all the same).
    pub const TUITION_COMMITTING: [ApplicationStatus; 11] = [
        ApplicationStatus::Submitted,
        ApplicationStatus::ChangesRequested,
        ApplicationStatus::ManagerApproved,
        ApplicationStatus::Approved,
        ApplicationStatus::Waitlisted,
        ApplicationStatus::InDraw,
        ApplicationStatus::Offered,
        ApplicationStatus::CompletionSubmitted,
        ApplicationStatus::CompletionReturned,
        ApplicationStatus::Completed,
        ApplicationStatus::NotCompleted,
    ];

    /// The statuses of an application that waits on its approver or on its owner's edit:
    /// what follows a person to a new manager.
    pub const PENDING_ON_MANAGER: [ApplicationStatus; 2] =
        [ApplicationStatus::Submitted, ApplicationStatus::ChangesRequested];

    /// Whether the application is active (at most one per employee and program).
    pub fn is_active(self) -> bool {
        Self::ACTIVE.contains(&self)
    }
}

text_enum!(
    /// What happened on an application's timeline; stored in `application_events.action`.
    Event, "timeline event", "event" {
        Submitted => "submitted", "Submitted";
        ApprovedAtOnce => "approved_at_once", "Approved at once";
        Resubmitted => "resubmitted", "Resubmitted";
        ManagerApproved => "manager_approved", "Manager approved";
        Approved => "approved", "Approved";
        Waitlisted => "waitlisted", "Waitlisted";
        Rejected => "rejected", "Rejected";
        ChangesRequested => "changes_requested", "Changes requested";
        Withdrawn => "withdrawn", "Withdrawn";
        Completed => "completed", "Completed";
        Promoted => "promoted", "Promoted from the waitlist";
        EnteredDraw => "entered_draw", "Approved: in the seat draw";
        DrawnPlace => "drawn_place", "Drawn: a place";
        DrawnWaitlist => "drawn_waitlist", "Drawn: on the waitlist";
        Reassigned => "reassigned", "Reassigned";
        WithdrawnLeft => "withdrawn_left", "Withdrawn: the person left";
        FileAttached => "file_attached", "File attached";
        PaymentRecorded => "payment_recorded", "Tuition payment recorded";
        CompletionSubmitted => "completion_submitted", "Evidence of completion submitted";
        CompletionAccepted => "completion_accepted", "Completion accepted automatically";
        CompletionVerified => "completion_verified", "Completion verified";
        CompletionReturned => "completion_returned", "Changes asked for on the evidence";
        NotCompleted => "not_completed", "Not completed";
        Offered => "offered", "Place offered";
        OfferAccepted => "offer_accepted", "Offered place accepted";
        OfferDeclined => "offer_declined", "Offered place declined";
        OfferLapsed => "offer_lapsed", "Offered place lapsed";
        WaitlistReordered => "waitlist_reordered", "Moved in the waitlist";
        IntakeChanged => "intake_changed", "Moved to another intake";
    }
);

text_enum!(
    /// What an e-mail of the outbox is.
    MailKind, "kind of e-mail", "mail-kind" {
        Notice => "notice", "Notice";
        Reminder => "reminder", "Reminder";
        Digest => "digest", "Daily digest";
        Access => "access", "Sign-in link";
    }
);

text_enum!(
    /// What a one-time link lets a person do (`access_links.purpose`): both end with the
    /// person choosing a password.
    AccessLinkPurpose, "kind of sign-in link", "access-link-purpose" {
        Invitation => "invitation", "Invitation";
        Reset => "reset", "Password reset";
    }
);

text_enum!(
    /// What is counted in `attempt_counts`, each in its own period
    /// (`domain::sign_in_limits::AttemptScope::period`).
    AttemptScope, "kind of attempt count", "attempt-scope" {
        FailuresOnAccountFromAddress => "failures_account_address", "Wrong passwords for an account from one address";
        FailuresOnAccount => "failures_account", "Wrong passwords for an account";
        FailuresFromAddress => "failures_address", "Wrong passwords from one address";
        ResetsForAccount => "resets_account", "Password-reset requests for an address";
        ResetsFromAddress => "resets_address", "Password-reset requests from one client";
    }
);

text_enum!(
    /// What an entry of the audit log records. The names are `area.what`, so that the
    /// audit page filters an area by the start of the name.
    AuditAction, "audit action", "audit-action" {
        ProgramCreated => "program.created", "Program created";
        ProgramUpdated => "program.updated", "Program updated";
        ProgramPublished => "program.published", "Program published";
        ProgramArchived => "program.archived", "Program archived";
        ProgramTeamMemberAdded => "program.team_member_added", "Added to a program's team";
        ProgramTeamMemberRemoved => "program.team_member_removed", "Removed from a program's team";
        ProgramPublicationRequested => "program.publication_requested", "Asked to publish a program";
        ProposalSubmitted => "proposal.submitted", "Program proposed";
        ProposalEdited => "proposal.edited", "Program proposal edited";
        ProposalApproved => "proposal.approved", "Program proposal approved";
        ProposalChangesRequested => "proposal.changes_requested", "Changes asked for on a program proposal";
        ProposalDeclined => "proposal.declined", "Program proposal declined";
        ProposalWithdrawn => "proposal.withdrawn", "Program proposal withdrawn";
        IntakeCreated => "intake.created", "Intake created";
        IntakeUpdated => "intake.updated", "Intake updated";
        IntakeDrawn => "intake.drawn", "Intake's seats drawn";
        ApplicationWaitlistReordered => "application.waitlist_reordered", "Place in a waitlist changed";
        ApplicationIntakeChanged => "application.intake_changed", "Application moved to another intake";
        EmployeeUpdated => "employee.updated", "Person updated";
        EmployeeManagerChanged => "employee.manager_changed", "Manager changed";
        EmployeeProvisioned => "employee.provisioned", "Person created at first sign-in";
        EmployeeAdminCreated => "employee.admin_created", "Administrator created (command line)";
        EmployeeAdminGranted => "employee.admin_granted", "Administrator rights given (command line)";
        EmployeePasswordReset => "employee.password_reset", "Password reset (command line)";
        EmployeesImported => "employees.imported", "People imported";
        EmployeeInvited => "employee.invited", "Invitation sent";
        AccountPasswordChosen => "account.password_chosen", "Password chosen from a link";
        AccountPasswordChanged => "account.password_changed", "Password changed";
        EmployeeScimCreated => "employee.scim_created", "Person created by provisioning (SCIM)";
        EmployeeScimDeleted => "employee.scim_deleted", "Person deleted by provisioning (SCIM)";
        ScimTokenCreated => "scim_token.created", "Provisioning token created";
        ScimTokenRevoked => "scim_token.revoked", "Provisioning token revoked";
        PersonSessionsEnded => "person.sessions_ended", "Sessions ended";
        DelegationCreated => "delegation.created", "Delegation created";
        DelegationEnded => "delegation.ended", "Delegation ended";
        ApplicationApproved => "application.approved", "Application approved";
        ApplicationRejected => "application.rejected", "Application rejected";
        ApplicationChangesRequested => "application.changes_requested", "Changes asked for";
        ApplicationPaymentRecorded => "application.payment_recorded", "Tuition payment recorded";
        ApplicationCompleted => "application.completed", "Completion confirmed";
        ApplicationCompletionReturned => "application.completion_returned", "Changes asked for on evidence of completion";
        ApplicationNotCompleted => "application.not_completed", "Marked not completed";
        SettingsChanged => "settings.changed", "Settings changed";
        AccountEmailPreference => "account.email_preference", "E-mail preference changed";
        AccountLanguage => "account.language", "Language chosen";
        AccountTimeZone => "account.time_zone", "Time zone chosen";
        AccountSignedOutEverywhere => "account.signed_out_everywhere", "Signed out everywhere";
        AccountCalendarFeedCreated => "account.calendar_feed_created", "Calendar feed address made";
        AccountCalendarFeedReplaced => "account.calendar_feed_replaced", "Calendar feed address replaced";
        AccountCalendarFeedTurnedOff => "account.calendar_feed_turned_off", "Calendar feed turned off";
        ApplicationFileAttached => "application.file_attached", "File attached to an application";
        ApplicationFileInfected => "application.file_infected", "File refused by the virus scanner";
    }
);

text_enum!(
    /// Where an employee's program proposal stands (`program_proposals.status`).
    ProposalStatus, "proposal status", "proposal-status" {
        Submitted => "submitted", "Waiting for review";
        ChangesRequested => "changes_requested", "Changes asked for";
        Approved => "approved", "Approved";
        Declined => "declined", "Declined";
        Withdrawn => "withdrawn", "Withdrawn";
    }
);

text_enum!(
    /// A step of a program proposal's timeline (`proposal_events.kind`).
    ProposalEventKind, "proposal step", "proposal-event-kind" {
        Submitted => "submitted", "proposed the program";
        Edited => "edited", "edited the proposal";
        Resubmitted => "resubmitted", "sent the proposal again with changes";
        ChangesRequested => "changes_requested", "asked for changes";
        Approved => "approved", "approved the proposal: the program is a draft";
        Declined => "declined", "declined the proposal";
        Withdrawn => "withdrawn", "withdrew the proposal";
        PublicationRequested => "publication_requested", "asked the administrators to publish the program";
        Published => "published", "published the program";
    }
);

text_enum!(
    /// What a person is in a program's team (`program_team_members.role`). Both run the
    /// program; the owner is the one who answers for it.
    TeamRole, "program team role", "team-role" {
        Owner => "owner", "Owner";
        Coordinator => "coordinator", "Coordinator";
    }
);

text_enum!(
    /// What a program asks of someone who finished it (`programs.completion_evidence`).
    CompletionEvidence, "kind of completion evidence", "completion-evidence" {
        None => "none", "Nothing: the program team records completion";
        File => "file", "A file, such as a grade report or a transcript";
        Credential => "credential", "Credential details: a certificate or certification";
    }
);

text_enum!(
    /// Who confirms a completion (`programs.verified_by`).
    CompletionVerifier, "completion verifier", "completion-verifier" {
        ProgramTeam => "program_team", "The program team checks each one";
        Auto => "auto", "Accepted automatically when the credential details are complete";
    }
);

text_enum!(
    /// What an attached file is (`evidence_files.content_type`), as its first bytes say
    /// (`domain::evidence::file_type`), whatever its name or the browser claimed.
    FileType, "file type", "file-type" {
        Pdf => "pdf", "PDF";
        Png => "png", "PNG image";
        Jpeg => "jpeg", "JPEG image";
    }
);

impl FileType {
    /// The media type a download is served with.
    pub fn mime_type(self) -> &'static str {
        match self {
            FileType::Pdf => "application/pdf",
            FileType::Png => "image/png",
            FileType::Jpeg => "image/jpeg",
        }
    }

    /// The extensions a file of this type is known by, lower case, the usual one first.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileType::Pdf => &["pdf"],
            FileType::Png => &["png"],
            FileType::Jpeg => &["jpg", "jpeg", "jpe", "jfif"],
        }
    }
}

/// Several values of one vocabulary kept in one text column, comma-separated; an empty
/// list is an empty text. (A program's allowed job families and site types.)
#[derive(Debug, Clone, PartialEq, Eq, Default, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct ValueList<T>(pub Vec<T>);

impl<T: StoredName> ValueList<T> {
    /// Parses the stored text.
    pub fn parse(text: &str) -> Result<Self, UnknownValue> {
        text.split(',')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(T::from_str)
            .collect::<Result<_, _>>()
            .map(ValueList)
    }

    /// The text stored for the list.
    pub fn stored_text(&self) -> String {
        self.0.iter().map(|v| v.stored_name()).collect::<Vec<_>>().join(",")
    }

    /// Whether the list holds `value`.
    pub fn contains(&self, value: T) -> bool
    where
        T: PartialEq,
    {
        self.0.contains(&value)
    }
}

/// A site type as a sentence names the place someone works at ("a tech hub"): a second
/// set of names for the site types, for the eligibility rules' sentences.
pub const SITE_AT: &str = "site-at";

/// Every vocabulary's catalog name and stored names: start-up checks that each value has
/// a message in every language.
pub const VOCABULARIES: &[(&str, &[&str])] = &[
    (JobFamily::VOCABULARY, JobFamily::STORED),
    (SiteType::VOCABULARY, SiteType::STORED),
    (SITE_AT, SiteType::STORED),
    (EmploymentType::VOCABULARY, EmploymentType::STORED),
    (HistorySource::VOCABULARY, HistorySource::STORED),
    (LeavingReason::VOCABULARY, LeavingReason::STORED),
    (Outcome::VOCABULARY, Outcome::STORED),
    (TenureBand::VOCABULARY, TenureBand::STORED),
    (Allocation::VOCABULARY, Allocation::STORED),
    (DrawPriority::VOCABULARY, DrawPriority::STORED),
    (ProgramKind::VOCABULARY, ProgramKind::STORED),
    (Category::VOCABULARY, Category::STORED),
    (Format::VOCABULARY, Format::STORED),
    (ProgramStatus::VOCABULARY, ProgramStatus::STORED),
    (ApplicationStatus::VOCABULARY, ApplicationStatus::STORED),
    (Event::VOCABULARY, Event::STORED),
    (MailKind::VOCABULARY, MailKind::STORED),
    (AccessLinkPurpose::VOCABULARY, AccessLinkPurpose::STORED),
    (AttemptScope::VOCABULARY, AttemptScope::STORED),
    (AuditAction::VOCABULARY, AuditAction::STORED),
    (ProposalStatus::VOCABULARY, ProposalStatus::STORED),
    (ProposalEventKind::VOCABULARY, ProposalEventKind::STORED),
    (TeamRole::VOCABULARY, TeamRole::STORED),
    (CompletionEvidence::VOCABULARY, CompletionEvidence::STORED),
    (CompletionVerifier::VOCABULARY, CompletionVerifier::STORED),
    (FileType::VOCABULARY, FileType::STORED),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_stored_name() {
        for family in JobFamily::ALL {
            assert_eq!(family.as_str().parse::<JobFamily>(), Ok(*family));
        }
        for site in SiteType::ALL {
            assert_eq!(site.as_str().parse::<SiteType>(), Ok(*site));
        }
    }

    #[test]
    fn unknown_names_are_refused_with_their_kind() {
        let err = "astronaut".parse::<JobFamily>().unwrap_err();
        assert_eq!(err.to_string(), "\"astronaut\" is not a known job family");
    }

    #[test]
    fn lists_parse_and_join() {
        let list = ValueList::<SiteType>::parse("tech_hub, retail_store").unwrap();
        assert_eq!(list.0, vec![SiteType::TechHub, SiteType::RetailStore]);
        assert_eq!(list.stored_text(), "tech_hub,retail_store");
        assert!(ValueList::<SiteType>::parse("").unwrap().0.is_empty());
        assert!(ValueList::<SiteType>::parse("moon_base").is_err());
    }

    #[test]
    fn every_vocabulary_round_trips() {
        fn round_trip<T: StoredName + PartialEq + fmt::Debug>(all: &[T]) {
            for value in all {
                assert_eq!(value.stored_name().parse::<T>(), Ok(*value));
            }
        }
        round_trip(EmploymentType::ALL);
        round_trip(ProgramKind::ALL);
        round_trip(TeamRole::ALL);
        round_trip(ProposalStatus::ALL);
        round_trip(ProposalEventKind::ALL);
        round_trip(Category::ALL);
        round_trip(Format::ALL);
        round_trip(ProgramStatus::ALL);
        round_trip(ApplicationStatus::ALL);
        round_trip(Event::ALL);
        round_trip(MailKind::ALL);
        round_trip(AccessLinkPurpose::ALL);
        round_trip(AttemptScope::ALL);
        round_trip(AuditAction::ALL);
        round_trip(FileType::ALL);
        round_trip(CompletionEvidence::ALL);
        round_trip(CompletionVerifier::ALL);
        round_trip(HistorySource::ALL);
        round_trip(LeavingReason::ALL);
        round_trip(Outcome::ALL);
        round_trip(TenureBand::ALL);
    }
}
