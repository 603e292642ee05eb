# The names of the data model's closed vocabularies (src/domain/enums.rs), one message
# per stored value: <vocabulary>-<stored name, with - for _>. A test checks every value
# has one.

## job family
job-family-fulfillment = Fulfillment
job-family-operations = Operations
job-family-corporate = Corporate
job-family-technical = Technical
job-family-retail = Retail
job-family-transportation = Transportation

## site type
site-type-fulfillment-center = Fulfillment center
site-type-corporate-office = Corporate office
site-type-tech-hub = Tech hub
site-type-retail-store = Retail store
site-type-transportation-network = Transportation network

## a site type as a sentence names the place someone works at ("you work at …")
site-at-fulfillment-center = a fulfillment center
site-at-corporate-office = a corporate office
site-at-tech-hub = a tech hub
site-at-retail-store = a retail store
site-at-transportation-network = a transportation network

## employment type
employment-type-full-time = Full-time
employment-type-part-time = Part-time

## source of a change
history-source-import = HR import
history-source-scim = SCIM provisioning
history-source-admin = Administrator
history-source-provision = First sign-in

## leaving reason
leaving-reason-voluntary = voluntary
leaving-reason-involuntary = involuntary
leaving-reason-retirement = retirement
leaving-reason-other = other

## outcome
outcome-moved-target = Moved into a target role
outcome-moved-other = Moved into another role
outcome-left-voluntary = Left the company (voluntary)
outcome-left-other = Left the company (other reasons)
outcome-same-role = Same role
outcome-pending = Not yet known

## tenure band
tenure-band-under-1-year = Under 1 year
tenure-band-1-to-3-years = 1 to 3 years
tenure-band-3-to-5-years = 3 to 5 years
tenure-band-5-years-or-more = 5 years or more

## seat allocation
allocation-first-come = First come, first served
allocation-lottery = Lottery after the application window

## draw priority
draw-priority-none = Everyone alike
draw-priority-first-time = First-time participants first

## program kind
program-kind-cohort = Cohort
program-kind-self-paced = Self-paced
program-kind-tuition = Tuition

## category
category-technical = Technical
category-non-technical = Non-technical

## format
format-on-site = On site
format-online = Online
format-hybrid = Hybrid

## program status
program-status-draft = Draft
program-status-published = Published
program-status-archived = Archived

## application status
application-status-submitted = Submitted
application-status-changes-requested = Changes requested
application-status-manager-approved = Manager approved
application-status-approved = Approved
application-status-waitlisted = Waitlisted
application-status-in-draw = In the seat draw
application-status-offered = Place offered
application-status-rejected = Rejected
application-status-withdrawn = Withdrawn
application-status-completed = Completed
application-status-completion-submitted = Evidence submitted
application-status-completion-returned = Evidence returned
application-status-not-completed = Not completed

## timeline event
event-submitted = Submitted
event-approved-at-once = Approved at once
event-resubmitted = Resubmitted
event-manager-approved = Manager approved
event-approved = Approved
event-waitlisted = Waitlisted
event-rejected = Rejected
event-changes-requested = Changes requested
event-withdrawn = Withdrawn
event-completed = Completed
event-promoted = Promoted from the waitlist
event-entered-draw = Approved: in the seat draw
event-drawn-place = Drawn: a place
event-drawn-waitlist = Drawn: on the waitlist
event-reassigned = Reassigned
event-withdrawn-left = Withdrawn: the person left
event-file-attached = File attached
event-payment-recorded = Tuition payment recorded
event-completion-submitted = Evidence of completion submitted
event-completion-accepted = Completion accepted automatically
event-completion-verified = Completion verified
event-completion-returned = Changes asked for on the evidence
event-not-completed = Not completed
event-offered = Place offered
event-offer-accepted = Offered place accepted
event-offer-declined = Offered place declined
event-offer-lapsed = Offered place lapsed
event-waitlist-reordered = Moved in the waitlist
event-intake-changed = Moved to another intake

## kind of e-mail
mail-kind-notice = Notice
mail-kind-reminder = Reminder
mail-kind-digest = Daily digest
mail-kind-access = Sign-in link

## kind of sign-in link
access-link-purpose-invitation = Invitation
access-link-purpose-reset = Password reset

## kind of attempt count
attempt-scope-failures-account-address = Wrong passwords for an account from one address
attempt-scope-failures-account = Wrong passwords for an account
attempt-scope-failures-address = Wrong passwords from one address
attempt-scope-resets-account = Password-reset requests for an address
attempt-scope-resets-address = Password-reset requests from one client

## audit action
audit-action-program-created = Program created
audit-action-program-updated = Program updated
audit-action-program-published = Program published
audit-action-program-archived = Program archived
audit-action-program-team-member-added = Added to a program's team
audit-action-program-team-member-removed = Removed from a program's team
audit-action-program-publication-requested = Asked to publish a program
audit-action-proposal-submitted = Program proposed
audit-action-proposal-edited = Program proposal edited
audit-action-proposal-approved = Program proposal approved
audit-action-proposal-changes-requested = Changes asked for on a program proposal
audit-action-proposal-declined = Program proposal declined
audit-action-proposal-withdrawn = Program proposal withdrawn
audit-action-intake-created = Intake created
audit-action-intake-updated = Intake updated
audit-action-intake-drawn = Intake's seats drawn
audit-action-application-waitlist-reordered = Place in a waitlist changed
audit-action-application-intake-changed = Application moved to another intake
audit-action-employee-updated = Person updated
audit-action-employee-manager-changed = Manager changed
audit-action-employee-provisioned = Person created at first sign-in
audit-action-employee-admin-created = Administrator created (command line)
audit-action-employee-admin-granted = Administrator rights given (command line)
audit-action-employee-password-reset = Password reset (command line)
audit-action-employees-imported = People imported
audit-action-employee-invited = Invitation sent
audit-action-account-password-chosen = Password chosen from a link
audit-action-account-password-changed = Password changed
audit-action-employee-scim-created = Person created by provisioning (SCIM)
audit-action-employee-scim-deleted = Person deleted by provisioning (SCIM)
audit-action-scim-token-created = Provisioning token created
audit-action-scim-token-revoked = Provisioning token revoked
audit-action-person-sessions-ended = Sessions ended
audit-action-delegation-created = Delegation created
audit-action-delegation-ended = Delegation ended
audit-action-application-approved = Application approved
audit-action-application-rejected = Application rejected
audit-action-application-changes-requested = Changes asked for
audit-action-application-payment-recorded = Tuition payment recorded
audit-action-application-completed = Completion confirmed
audit-action-application-completion-returned = Changes asked for on evidence of completion
audit-action-application-not-completed = Marked not completed
audit-action-settings-changed = Settings changed
audit-action-account-email-preference = E-mail preference changed
audit-action-account-language = Language chosen
audit-action-account-time-zone = Time zone chosen
audit-action-account-signed-out-everywhere = Signed out everywhere
audit-action-account-calendar-feed-created = Calendar feed address made
audit-action-account-calendar-feed-replaced = Calendar feed address replaced
audit-action-account-calendar-feed-turned-off = Calendar feed turned off
audit-action-application-file-attached = File attached to an application
audit-action-application-file-infected = File refused by the virus scanner

## proposal status
proposal-status-submitted = Waiting for review
proposal-status-changes-requested = Changes asked for
proposal-status-approved = Approved
proposal-status-declined = Declined
proposal-status-withdrawn = Withdrawn

## proposal step
proposal-event-kind-submitted = proposed the program
proposal-event-kind-edited = edited the proposal
proposal-event-kind-resubmitted = sent the proposal again with changes
proposal-event-kind-changes-requested = asked for changes
proposal-event-kind-approved = approved the proposal: the program is a draft
proposal-event-kind-declined = declined the proposal
proposal-event-kind-withdrawn = withdrew the proposal
proposal-event-kind-publication-requested = asked the administrators to publish the program
proposal-event-kind-published = published the program

## program team role
team-role-owner = Owner
team-role-coordinator = Coordinator

## kind of completion evidence
completion-evidence-none = Nothing: the program team records completion
completion-evidence-file = A file, such as a grade report or a transcript
completion-evidence-credential = Credential details: a certificate or certification

## completion verifier
completion-verifier-program-team = The program team checks each one
completion-verifier-auto = Accepted automatically when the credential details are complete

## file type
file-type-pdf = PDF
file-type-png = PNG image
file-type-jpeg = JPEG image
