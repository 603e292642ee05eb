# Running programs: the program list and form, a program's team, its intakes and the
# places in them, tuition payments, verification of completions, provisioning tokens and
# program proposals.

## The program list (/admin/programs)
admin-programs-title = Programs — administration
admin-programs-heading = Programs
admin-programs-mine = My programs
admin-programs-new = New program
admin-programs-mine-lead = The programs whose team you are on. You edit them and their intakes, decide their program team's approvals, check evidence of completion and record payments; an administrator publishes and archives them.
admin-programs-none = No programs yet
admin-programs-none-before = Create the first one, or run
admin-programs-none-after = for the six standard programs.
admin-programs-caption-all = Every program with its applications by status
admin-programs-caption-mine = Your programs with their applications by status
admin-programs-program = Program
admin-programs-status = Status
admin-programs-actions = Actions
admin-programs-in-review = In review
admin-programs-approved = Approved
admin-programs-waitlisted = Waitlisted
admin-programs-completed = Completed
admin-programs-not-completed = Not completed
admin-programs-closed = Closed
# The viewer's role on the program's team, lower-case ("you: owner").
admin-programs-your-role = you: { $role }
admin-programs-edit = Edit
admin-programs-intakes = Intakes
admin-programs-team = Team
admin-programs-figures = Figures
admin-programs-applications = Applications
# Read after a link's label by screen readers: "Intakes of Associate2Tech".
admin-programs-of = of { $program }
admin-programs-applications-to = to { $program }
admin-programs-publish = Publish
admin-programs-archive = Archive…
admin-programs-created = The program is created as a draft. Publish it when it is ready.
admin-programs-saved = The program is saved. Existing applications are not affected.
admin-programs-admin-publishes = As an administrator, publish the program yourself.
admin-programs-publication-asked = The administrators are asked to publish { $program }. You get a notification when it is published.
admin-programs-publication-already-asked = You already asked: an administrator publishes the program when they have checked it.
admin-programs-not-a-draft = { $program } is not a draft any more: nothing to ask.
admin-programs-fix-before-publishing = Fix the program's rules before publishing it.
admin-programs-archived = { $program } is archived: it left the catalog; its applications are kept.
admin-programs-published = { $program } is published in the catalog.

## The program form (/admin/programs/new, /admin/programs/{slug}/edit)
program-form-new = New program
program-form-edit = Edit { $program }
program-form-preview-title = Who is eligible: { $heading }
program-form-slug-taken = Another program already uses this slug; choose another.
program-form-status = Status:
program-form-rules-note = Changing the rules never touches existing applications.
program-form-link-team = The program's team
program-form-link-figures = The program's figures
program-form-link-applications = Applications to this program
program-form-link-approvals = Approvals waiting in this program
program-form-publishing = Publishing this draft
program-form-from-proposal-before = It was made from
program-form-from-proposal-link = a program proposal
program-form-from-proposal-after = , where its story is kept.
program-form-check-then-publish = Check the rules, the intakes and what someone who finished sends, then publish it: it appears in the catalog and people can apply.
# $when: the day and time publication was asked for ("3 May 2026 at 10:00 UTC").
program-form-owner-asked = Its owner asked for it to be published { $when }.
program-form-publish = Publish
program-form-you-asked = You asked for it to be published { $when }. An administrator checks it and publishes it; you get a notification then. You can keep improving it meanwhile.
program-form-owner-asks-cohort = Only administrators publish. When the program is complete — who may apply, its intakes, what someone who finished sends — ask them to.
program-form-owner-asks = Only administrators publish. When the program is complete — who may apply, what someone who finished sends — ask them to.
program-form-ask-to-publish = Ask an administrator to publish it
program-form-only-admins-publish = Only administrators publish; the program's owner asks them to when it is complete.
program-form-the-program = The program
program-form-slug = Slug (the program's address)
program-form-slug-hint = Lower-case letters, digits and hyphens. It can't change later.
program-form-name = Name
program-form-summary = Summary (one sentence for the catalog)
program-form-provider = Provider
program-form-description = Description (paragraphs separated by an empty line)
program-form-kind = Kind
program-form-category = Category
program-form-format = Format
program-form-duration = Duration in weeks (optional)
program-form-who-can-apply = Who can apply
program-form-tenure = Days of service needed
program-form-job-families = Job families (none ticked: every family)
program-form-site-types = Site types (none ticked: every site)
program-form-full-time-only = Full-time employees only
program-form-funding = Funding
program-form-tuition-percent = Share of tuition paid, in percent (0 for programs without tuition)
program-form-cap-full-time = Yearly cap for full-time employees, in dollars
program-form-cap-part-time = Yearly cap for part-time employees, in dollars
program-form-budget = Budget
program-form-annual-budget = Yearly budget, in dollars (optional)
program-form-annual-budget-hint = What the program may commit in a calendar year: the tuition it covers and its places at the cost per seat, each counted in the year it is approved. The program team is warned before an approval that would exceed it. Empty: no budget.
program-form-seat-cost = Cost of one seat, in dollars (cohort programs, optional)
program-form-seat-cost-hint = What one place in an intake costs the company.
program-form-approval-window = Approval and application window
program-form-manager-approves = The manager approves
program-form-team-approves = The program team approves
program-form-opens-on = Applications open on (optional)
program-form-closes-on = Applications close on (optional)
program-form-completion = Completion
program-form-evidence = What someone who finished sends
program-form-verified-by = Who confirms a completion
program-form-completion-note = What exactly to send (optional)
program-form-completion-note-hint = Shown on the program page and in the request for evidence, for example “Your grade report or transcript for the term.”
program-form-leads-to = What it leads to
program-form-targets-hint = The roles counted as “moved into a target role” on the dashboard, 6, 12 and 24 months after a completion.
program-form-target-families = Job families of the roles it leads to (none ticked: any new role)
program-form-title-keywords = Job-title keywords (optional)
program-form-title-keywords-hint = Separated by commas, for example “software, developer”. A new job title containing any of them counts; none: any title in the families ticked.
program-form-starting = Starting the course
program-form-start-url = “Start the course” address (optional)
program-form-start-url-hint = An https address. People with a confirmed place find the link on their application.
program-form-preview-hint = “Preview who is eligible” counts the active employees these rules make eligible, today and in 90 days, and saves nothing.
program-form-create = Create draft
program-form-save = Save
program-form-preview = Preview who is eligible
program-form-cancel = Cancel

## Shared by a program's pages: the breadcrumb back to the program list
admin-programs-breadcrumb = Breadcrumb
# Read after "Programs" in the breadcrumb by screen readers.
admin-programs-to-administer = to administer

## A program's intakes (/admin/programs/{slug}/intakes)
intakes-title = Intakes of { $program }
intakes-name = Name
intakes-starts-on = Starts on
intakes-seats = Seats
intakes-allocation = How the seats are given
intakes-allocation-hint = A lottery takes applications in a window; the day after it closes, the seats are drawn by lot among the approved ones, and anyone in the draw can check it.
intakes-lottery = Lottery
intakes-lottery-fields = A lottery's window and priority
intakes-for-a-lottery = For a lottery
intakes-opens-on = Applications open on
intakes-closes-on = Applications close on (the last day)
intakes-closes-on-hint = Before the intake starts. The seats are drawn the day after.
intakes-priority = Who goes first in the draw
intakes-priority-first-time = People who completed no program in the last 12 months
intakes-freed-seats = When a seat frees up
intakes-freed-at-once = It goes to the next person in line at once
intakes-freed-offer = It is offered to the next person in line, who accepts or declines it
intakes-offer-days = Working days to answer an offer
intakes-offer-days-hint = When the time is up, the seat is offered to the next person in line.
intakes-none = No intakes yet
intakes-none-hint = Add the first intake below; people choose one when they apply.
intakes-starts = Starts { $date }
intakes-seat-count = { $count ->
    [one] { $count } seat
   *[other] { $count } seats
}
intakes-taken = { $count } taken
intakes-waiting = { $count } waiting.
intakes-draw-link = The draw as published
# Read after a link's label by screen readers.
intakes-for = for { $intake }
intakes-holders = Seat holders
intakes-nobody-yet = Nobody yet.
intakes-offered = Seats offered
intakes-answer-by = to answer by the end of { $day }
intakes-waitlist = Waitlist, in order
intakes-freed-offered = { $count ->
    [one] A freed seat is offered to the first in line, who has { $count } working day to accept it.
   *[other] A freed seat is offered to the first in line, who has { $count } working days to accept it.
}
intakes-freed-given = A freed seat goes to the first in line at once.
intakes-open-place = Open someone's place to move them in line or to another intake.
intakes-nobody-waiting = Nobody is waiting.
intakes-edit = Edit { $intake }
intakes-save = Save intake
intakes-add-heading = Add an intake
intakes-add = Add intake
# A lottery intake's window: "applications from 1 May 2026" "to 15 May 2026".
intakes-window-from = applications from { $date }
intakes-window-to = to { $date }
intakes-lottery-drawn = Seats drawn by lot on { $when }
intakes-lottery-due = Seats drawn by lot: due now ({ $window }).
intakes-lottery-pending = { $count ->
    [one] Seats drawn by lot the day after the window closes ({ $window }); { $count } approved application in the draw so far.
   *[other] Seats drawn by lot the day after the window closes ({ $window }); { $count } approved applications in the draw so far.
}
intakes-added = The intake “{ $intake }” is added.
intakes-saved = { $count ->
    [one] The intake is saved with { $count } seat.
   *[other] The intake is saved with { $count } seats.
}
intakes-saved-with = { $count ->
    [one] The intake is saved with { $count } seat
   *[other] The intake is saved with { $count } seats
}
intakes-promoted = { $count ->
    [one] { $count } application from the waitlist got a place.
   *[other] { $count } applications from the waitlist got a place.
}
intakes-seats-below-taken = { $count ->
    [one] { $count } seat is taken: the intake can't have fewer.
   *[other] { $count } seats are taken: the intake can't have fewer.
}
intakes-drawn-already = The seats were drawn already: how they are given, the window and the priority stay as drawn.
intakes-draw-waiting = { $count ->
    [one] { $count } approved application waits for the draw: the intake stays a lottery until it is drawn.
   *[other] { $count } approved applications wait for the draw: the intake stays a lottery until it is drawn.
}

## One person's place in an intake (/admin/programs/{slug}/places/{id})
# The title is the two put together: "Ana Lima’s place" "in May 2026".
place-title-owner = { $owner }’s place
place-title-intake = in { $intake }
place-where = Where it stands
# $position: a place in line ("3rd"); $count: how many are in line.
place-line = { $position } of { $count } in line
place-on-waitlist-of = on the waitlist of { $intake }.
# Followed by the person's name.
place-offered = A seat of { $intake } is offered to
place-answer-by = to accept or decline by the end of { $day }
place-in-draw = Approved, in the seat draw of { $intake }.
# After the application's status: "Approved, in May 2026."
place-in-intake = in { $intake }.
place-intake-starts = The intake starts { $date }.
place-application-link = The application and its timeline
place-own = This is your own application: somebody else on the program’s team moves it.
place-move-in-line = Move in line
place-others-keep-order = The others keep their order around it.
place-told = { $owner } is told of the move and your reason, which the timeline and the audit log keep.
place-position = Place in line
# After the current place in line: "3rd (now)".
place-now = now
place-reason = Reason
place-line-reason-hint = For example: “Agreed with HR: returning from parental leave.”
place-move-intake = Move to another intake
place-move-hint = The application keeps its approvals. In the other intake it takes a free seat, or goes to the end of its waitlist, or into its seat draw while a lottery takes applications.
place-seat-freed = The seat it holds here goes to the next person in line.
place-intake = Intake
place-choose-intake = Choose an intake
place-move-reason-hint = For example: “Asked to start later for a team move.”
place-move-to-intake = Move to this intake
place-nothing-to-change = Nothing to change here:
place-nobody-else = nobody else is in line, and
place-no-other-intake = the program has no other intake that has not started
place-stays-in-intake = an application that is { $status } stays in its intake
# Another intake to move to: "May 2026, starts 4 May 2026: a seat (3 free)".
place-starts = starts { $date }
place-gets-draw = its seat draw
place-gets-seat = a seat ({ $count } free)
place-gets-waitlist-after-draw = its waitlist after the draw
place-gets-waitlist-end = the end of its waitlist
place-stale = This application changed while the page was open; it is now { $status }. Check the page and try again.
place-choose-position = Choose the place in line.
place-choose-target = Choose the intake to move the application to.
place-choose-other-intake = Choose one of this program's other intakes.
# After the person's name: "Ana Lima stays 3rd in line."
place-stays = stays { $position } in line.
# After the person's name: "Ana Lima moved from 3rd" "to 1st in line; they were told why."
place-moved-from = moved from { $position }
place-moved-to = to { $position } in line; they were told why.
# Followed by the other intake's name and where the application is in it.
place-moved-application = { $owner }'s application is now in
place-moved-to-waitlist = at the end of its waitlist; they were told why.
place-moved-to-draw = in its seat draw; they were told why.
place-moved-to-seat = with a seat; they were told why.

## Evidence of completion waiting for a check (/admin/verification)
verification-title = Verification — administration
verification-heading = Verification
verification-none-waiting = No evidence waits for a check.
verification-waiting = { $count ->
    [one] { $count } submission waits for a check.
   *[other] { $count } submissions wait for a check, the longest-waiting first.
}
verification-nothing = Nothing to check
verification-nothing-hint = When someone sends evidence of completing a program that the program team checks, it appears here.
verification-caption = Evidence of completion waiting for a check, the longest-waiting first
verification-person = Person
verification-program = Program
verification-evidence = Evidence
verification-completed-on = Completed on
verification-sent = Sent
# Read after the person's name by screen readers.
verification-check = check the evidence
verification-credential = Credential
verification-file = File

## Tuition payments (/admin/payments)
# The page's title: "Tuition due" ", filtered" "— payments — administration".
admin-payments-title-due = Tuition due
admin-payments-title-paid = Tuition paid
admin-payments-title-filtered = , filtered
admin-payments-title-end = — payments — administration
admin-payments-heading = Tuition payments
admin-payments-download = Download CSV of this selection
admin-payments-view = Payments view
admin-payments-due = Due
admin-payments-paid = Paid
admin-payments-due-hint = Tuition requests holding a place whose covered amount is not paid in full, oldest approval first.
admin-payments-paid-hint = Every payment recorded, newest first.
admin-payments-filter-label = Filter payments
admin-payments-program = Program
admin-payments-any-program = Any tuition program
admin-payments-approved-from = Approved from
admin-payments-approved-until = Approved until
admin-payments-employee = Employee
admin-payments-employee-hint = Part of the name, or the start of the e-mail address.
admin-payments-paid-from = Paid from
admin-payments-paid-until = Paid until
admin-payments-employee-or-invoice = Employee or invoice
admin-payments-employee-or-invoice-hint = Part of the name, or the start of the e-mail address or invoice number.
admin-payments-filter = Filter
admin-payments-clear = Clear
admin-payments-none-shown = No payments shown
admin-payments-correct-filters = Correct the filters above.
admin-payments-nothing-matches = Nothing matches
admin-payments-no-due-matches = No tuition due matches these filters.
admin-payments-no-payment-matches = No payment matches these filters.
admin-payments-clear-filters = Clear the filters
admin-payments-nothing-due = Nothing is due
admin-payments-nothing-due-hint = Every approved tuition request is paid in full.
admin-payments-none-yet = No payment yet
admin-payments-none-yet-hint = Payments appear here once the program team records them on an application’s page.
admin-payments-totals = Totals of this selection
admin-payments-applications = Applications
admin-payments-covered = Covered
admin-payments-left = Left to pay
admin-payments-payments = Payments
admin-payments-due-caption = Tuition due, oldest approval first
admin-payments-approved-on = Approved on
admin-payments-paid-caption = Tuition payments, newest first
admin-payments-paid-on = Paid on
admin-payments-invoice = Invoice
admin-payments-amount = Amount
admin-payments-recorded-by = Recorded by
admin-payments-choose-view = Choose what is due or the payments made.
admin-payments-choose-program = Choose a program from the list.
admin-payments-real-date = Enter a real date, for example 31 January 2026.
admin-payments-range = The end of the range must be on or after its start.
admin-payments-search-length = Search with at most { $count } characters.
# $count: how many people a search may name at most.
admin-payments-too-broad-due = More than { $count } people match “{ $search }”: type more of the name, or the start of the e-mail address.
admin-payments-too-broad-paid = More than { $count } people or invoices match “{ $search }”: type more of the name, or the start of the e-mail address or invoice number.

## Provisioning tokens for SCIM (/admin/provisioning)
provisioning-title = Provisioning
provisioning-people = People
provisioning-lead = The company's identity provider (Okta, Microsoft Entra ID) creates, updates and deactivates people in Upskill through SCIM 2.0, with a token made here.
# Followed by the SCIM base address.
provisioning-base-address = Its base address is
provisioning-copy-now = Copy the token “{ $token }” now
provisioning-paste = Paste it into the identity provider's SCIM settings as the bearer token (API token, secret token). Upskill keeps only a fingerprint of it: once you leave this page, nobody can show it again.
provisioning-token = Token
provisioning-tokens = Tokens
provisioning-none = No token yet: the identity provider can't provision anyone. Make one below.
provisioning-caption = Provisioning tokens, newest first
provisioning-name = Name
provisioning-created = Created
provisioning-created-by = Created by
provisioning-last-used = Last used
provisioning-status = Status
provisioning-revoked-on = Revoked on { $when }
provisioning-revoke = Revoke
provisioning-new-token = New token
provisioning-name-hint = Who uses it, for example “Okta production”. At most 80 characters.
provisioning-create = Create the token
provisioning-command-line = Upskill (command line)
provisioning-never = Never
provisioning-revoked = The token “{ $token }” is revoked: the identity provider can no longer use it.
provisioning-already-revoked = The token “{ $token }” was already revoked.
provisioning-revoke-title = Revoke the token { $token }?
provisioning-revoke-name = Revoke { $token }
provisioning-revoke-heading = Revoke the token “{ $token }”?
provisioning-was-revoked = This token was revoked on { $when }.
provisioning-back = Back to provisioning
provisioning-revoke-effect = The identity provider that uses it will be refused at once: people are no longer created, updated or deactivated through it until it gets a new token. Nobody already in Upskill is changed.
# "Created on 3 May 2026 at 10:00 UTC" "by Ada Admin;" "last used: Never."
provisioning-created-on = Created on { $when }
provisioning-by = by { $name };
provisioning-last-used-on = last used: { $when }.
provisioning-revoke-token = Revoke the token
provisioning-keep = Keep it

## The administrators' review of program proposals (/admin/proposals)
admin-proposals-title = Program proposals
admin-proposals-lead = Programs employees propose. Approving one makes a draft program owned by its proposer, who completes it and asks for it to be published; asking for changes lets them edit it and send it again; declining ends it. Nobody decides on their own proposal.
admin-proposals-to-publish = Drafts waiting to be published
admin-proposals-to-publish-hint = Their owners completed them and ask for them to be published. Check each program, then publish it from its page or from the program list.
admin-proposals-asked = asked { $when }
admin-proposals-by-status = Proposals by status
admin-proposals-none-waiting = No proposal waits for review.
# $status: a proposal's status, lower-case.
admin-proposals-none = No proposal is “{ $status }”.
admin-proposals-caption-oldest = Proposals: { $status }, oldest first
admin-proposals-caption-newest = Proposals: { $status }, newest first
admin-proposals-program = Program
admin-proposals-proposed-by = Proposed by
admin-proposals-kind = Kind
admin-proposals-cost = Cost of a place
admin-proposals-status = Status
admin-proposals-last-change = Last change
