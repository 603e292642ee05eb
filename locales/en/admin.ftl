# The administration's pages: its navigation, the pledge dashboard and a program's
# figures, the eligibility headcount, budgets, applications, people, the audit log, the
# archive, the pledge settings, the import of employees and the invitations.

## navigation of the administration
admin-nav-administration = Administration
admin-nav-my-programs = My programs
admin-nav-dashboard = Dashboard
admin-nav-programs = Programs
admin-nav-programs-more = to administer
admin-nav-people = People
admin-nav-proposals = Proposals
admin-nav-applications = Applications
admin-nav-payments = Payments
admin-nav-verification = Verification
admin-nav-verification-waiting = ({ $shown } waiting)
admin-nav-audit = Audit log
admin-nav-settings = Settings

## the pledge dashboard: tracker
dashboard-title = Pledge dashboard
dashboard-settings = Pledge settings
dashboard-lead-target = Progress towards the pledge: train { $target } employees
dashboard-lead-budget = with { $budget }
dashboard-lead-deadline = by { $deadline }.
dashboard-tracker = Pledge tracker
dashboard-participants = Employees trained
dashboard-of = of
dashboard-of-target = of the target
dashboard-target-reached = : target reached
dashboard-participants-note = Employees who completed at least one program.
dashboard-funding = Funding committed
dashboard-of-budget = of the budget.
dashboard-funding-note = The tuition the company covers and the seat costs of the places approved, less what withdrawals gave back (the chart below, month by month).
dashboard-paid-so-far = paid so far to schools
dashboard-paid-link = tuition payments
dashboard-deadline = Deadline

## the pledge dashboard: money against the budget
dashboard-forecast-heading = Money against the budget
dashboard-forecast-hint = Committed counts the tuition covered and the seat costs of the places approved each month (money a withdrawal gives back leaves it); paid counts the tuition payments recorded. After this month, the dashed lines go on at the pace of the last 90 days until the deadline.
dashboard-forecast-title = Money committed and paid against the pledge budget, with the forecast to the deadline
dashboard-legend = Legend
dashboard-forecast-figures = The figures, month by month
dashboard-forecast-caption = Money committed and paid to the end of each month
dashboard-forecast-mark = (forecast)
dashboard-line-committed = Committed
dashboard-line-paid = Paid
dashboard-line-forecast = Forecast at the last 90 days’ pace
dashboard-line-budget = Budget
dashboard-series-committed = committed
dashboard-series-paid = paid
dashboard-series-committed-forecast = committed (forecast)
dashboard-series-paid-forecast = paid (forecast)
dashboard-budget-line = Budget { $amount }

## the pledge dashboard: period
dashboard-period = Period
dashboard-period-hint = The charts below count the applications made in these months, and what became of them since. The pledge tracker above counts all time.
dashboard-period-from = First month
dashboard-period-from-hint = Year and month, for example 2026-01.
dashboard-period-to = Last month
dashboard-period-show = Show
dashboard-period-years = Calendar years:
dashboard-all-time = all time

## the pledge dashboard: applications
dashboard-applications = Applications
dashboard-in-total = in total
dashboard-made-in = made { $period }
dashboard-months-heading = Applications per month by status
dashboard-months-hint = Each column is a month of application, split by where its applications stand now.
dashboard-month = Month
dashboard-total = Total
dashboard-all-months = All months shown
dashboard-none-title = No applications yet
dashboard-none-text = The charts of applications per month, stage, site type and program appear here once employees apply to programs.
dashboard-none-period-title = No applications in this period
dashboard-none-period = Nobody applied { $period }. Choose other months, or
dashboard-none-period-link = see all time
# Where applications stand now, in the legend and table of the monthly chart.
dashboard-group-in-review = In review
dashboard-group-approved = Approved
dashboard-group-completed = Completed
dashboard-group-not-completed = Not completed
dashboard-group-rejected = Rejected
dashboard-group-withdrawn = Withdrawn
# The same, after a number in a column's tooltip: "March 2026: 3 in review".
dashboard-series-in-review = in review
dashboard-series-approved = approved
dashboard-series-completed = completed
dashboard-series-not-completed = not completed
dashboard-series-rejected = rejected
dashboard-series-withdrawn = withdrawn

## the pledge dashboard: bar charts
dashboard-funnel-heading = From application to a new role
dashboard-funnel-intro = How many applications reached each stage: every application was submitted; approved counts those approved or completed since; moved counts completions whose participant works in another role today than before completing.
dashboard-funnel-caption = Applications by stage reached
dashboard-stage = Stage
dashboard-share-of-submitted = Share of submitted
dashboard-moved-into-new-role = Moved into a new role
dashboard-sites-heading = Participation by site type
dashboard-sites-intro = Applications by where the applicants worked when they applied.
dashboard-sites-caption = Applications by site type
dashboard-share = Share
dashboard-programs-heading = Participation by program
dashboard-programs-intro = Applications to each published program, and to any other program that has some.
dashboard-programs-caption = Applications by program

## the pledge dashboard: outcomes and the comparison group
dashboard-outcomes-heading = What completions led to
dashboard-outcomes-hint = For every verified completion, the participant's job history says where they were { $months } months after completing: in a role the program leads to (its target roles), in another role, gone from the company, or in the same role as before. A new manager or site alone is not a new role. Participants who completed less than that long ago are counted as not yet known.
dashboard-outcomes-all-horizons = 6, 12 and 24
dashboard-horizons = Months after completion
dashboard-horizon-months = { $count ->
    [one] { $count } month
   *[other] { $count } months
}
dashboard-outcomes-caption = { $count ->
    [one] Outcomes { $count } month after completion, by program
   *[other] Outcomes { $count } months after completion, by program
}
dashboard-program = Program
dashboard-site-type = Site type
dashboard-outcome-known = Outcome known
dashboard-not-yet-known = Not yet known
dashboard-outcomes-shares = Shares are of the participants whose outcome is known. One row per participant and completion:
dashboard-download-csv = download as CSV
dashboard-or = or
dashboard-as-json = as JSON
dashboard-comparison-heading = Compared with colleagues who did not take part
dashboard-comparison-hint = Each participant whose 12-month outcome is known is set beside the employees who never had a place in a program and who, when the participant started, worked in the same site type and job family with the same tenure (under 1 year, 1–3, 3–5, 5 or more). For those colleagues we count who still worked here, and who worked in another role, from the month the participant started to 12 months after they completed. Participants with fewer than 5 such colleagues are left out. This compares; it does not prove the program caused the difference: people who choose to train may differ from those who do not in ways the records do not show.
dashboard-comparison-not-computed = The comparison is computed once a day, and has not been computed yet.
dashboard-comparison-none = No participant completed 12 months ago or more yet.
dashboard-comparison-none-period = No participant who applied { $period } completed 12 months ago or more yet.
dashboard-comparison-caption = Participants and comparable colleagues 12 months after completion, by program
dashboard-comparison-computed = Computed once a day; last on { $computed }.
dashboard-comparison-colleagues = with { $colleagues } colleagues
dashboard-outcomes-none = No completion has been verified yet.
dashboard-outcomes-none-period = No completion has been verified yet for applications made { $period }.
dashboard-outcomes-none-after = Outcomes appear here from the first one.

## the pledge dashboard: from application to a new role, and its cost
dashboard-funnel-tables-heading = From application to a new role, by program and site type
dashboard-funnel-all = All applications
dashboard-funnel-period = The applications made { $period }
dashboard-funnel-hint = how many were given a place, how many of those completed, and how many of those who completed work in another role today than before (moved). Each stage is a share of the one before it: approved of submitted, completed of approved, moved of completed. The median time to move counts whole months from the completion to the first day in the new role.
dashboard-funnel-by-program = The funnel by program
dashboard-funnel-by-site = The funnel by site type
dashboard-submitted = Submitted
dashboard-approved = Approved
dashboard-completed = Completed
dashboard-moved = Moved
dashboard-median-to-move = Median time to move
dashboard-compared = Compared
dashboard-still-here = Still here
dashboard-colleagues-still-here = Colleagues still here
dashboard-in-new-role = In a new role
dashboard-colleagues-in-new-role = Colleagues in a new role
dashboard-costs-heading = Cost per person upskilled
dashboard-costs-hint = What each program spent on these applications — the tuition paid, and for a cohort program its cost per seat for every place given — divided by the people who completed it, and by those who moved into a new role.
dashboard-costs-none = No tuition was paid and no seat with a cost was given on these applications.
dashboard-costs-caption = Cost per person upskilled, by program
dashboard-spent = Spent
dashboard-per-completion = Per completion
dashboard-per-move = Per move
dashboard-committed = Committed
dashboard-paid = Paid

## budgets by program (the dashboard and a program's figures)
budgets-heading = Budgets by program
budgets-hint = The budget year is the calendar year, 1 January to 31 December { $year }. Committed: for every place approved this year and still held (completed or not), the tuition covered and, for cohort programs, the cost per seat. Paid: the tuition payments recorded this year.
budgets-caption = Budget, committed and paid by program in { $year }
budgets-budget = Budget
budgets-left = Left
budgets-share-used = Share used
budgets-over-by = Over by { $amount }
budgets-none-set = No budget set

## a program's figures
figures-title = Figures of { $program }
figures-breadcrumb = Breadcrumb
figures-figures = Figures
figures-funnel-hint = Every application to the program so far: how many were given a place, how many of those completed, and how many of those who completed work in another role today than before (moved). Each stage is a share of the one before it. The median time to move counts whole months from the completion to the first day in the new role.
figures-funnel-caption = The funnel of { $program }
figures-funnel-none = Nobody has applied to this program yet.
figures-cost-spent = { $spent } spent (tuition paid, and the cost of each seat given):
figures-cost-per-completion = { $amount } per person who completed
figures-cost-per-move = { $amount } per person who moved
figures-cost-none = No tuition was paid and no seat with a cost was given yet.
figures-pledge-elsewhere = The pledge as a whole — participants, money against its budget, the forecast and the comparison group — is on the administrators' dashboard.

## the eligibility headcount of the program form
headcount-title = Who is eligible
headcount-intro-today = How many active employees the rules typed below make eligible today ({ $today })
headcount-intro-later = and in 90 days ({ $later }).
headcount-intro-after = The count in 90 days takes today’s people with the tenure they will have then. Nothing is saved.
headcount-today-after = today,
headcount-later-after = in 90 days
headcount-by-site = Eligible active employees by site type
headcount-site-type = Site type
headcount-all-sites = All site types
headcount-by-family = Eligible active employees by job family
headcount-job-family = Job family
headcount-all-families = All job families
headcount-change-rules = Change who can apply
headcount-new-draft = A new program starts as a draft: the preview counts people as if it were published.
headcount-draft = This program is a draft: the preview counts people as if it were published.
headcount-archived = This program is archived: the preview counts people as if it were published.
headcount-rule = The rule
headcount-rule-as-edited = The rule as edited
headcount-rule-saved = The saved rule
headcount-edited-today = As edited, today
headcount-edited-later = As edited, in 90 days
headcount-saved-today = Saved, today
headcount-saved-later = Saved, in 90 days
headcount-today = Today
headcount-later = In 90 days

## words several administration pages share
admin-filter = Filter
admin-clear = Clear
admin-pages = Pages

## applications, as the administration lists them
admin-applications-title = Applications — administration
admin-applications-download = Download CSV of this selection
admin-applications-filters = Filter applications
admin-applications-status = Status
admin-applications-any-status = Any status
admin-applications-any-program = Any program
admin-applications-any-site = Any site
admin-applications-from = Applied from
admin-applications-to = Applied until
admin-applications-none = No applications
admin-applications-none-match = Nothing matches these filters.
admin-applications-correct = Correct the filters above.
admin-applications-caption = Applications, newest first
admin-applications-application = Application
admin-applications-applied = Applied
admin-applications-person = Person
admin-applications-site = Site
admin-applications-detail = Intake or amount
admin-applications-newest = Newest
admin-applications-older = Older
admin-applications-choose-status = Choose a status from the list.
admin-applications-choose-program = Choose a program from the list.
admin-applications-choose-site = Choose a site type from the list.
admin-applications-real-date = Enter a real date, for example 31 January 2026.
admin-applications-range = The end of the range must be on or after its start.

## people: the directory and a person's page
people-title = People — administration
people-import = Import from CSV
people-invite-all = Invite everyone without a password
people-provisioning = Provisioning (SCIM)
people-search-label = Search people
people-name-or-email = Name or e-mail
people-search = Search
people-none = Nobody found
people-none-import = Import the HR export to fill the directory.
people-none-match = Nobody's name or e-mail matches “{ $query }”.
people-caption = People, by name
people-name = Name
people-email = E-mail
people-job-title-short = Title
people-manager = Manager
people-admin = Admin
people-active = Active
people-yes = Yes
people-no = No
people-first-page = First page
people-next-page = Next
people-person-title = { $name } — people
people-job-title = Job title
people-employment = Employment
people-hire-date = Hire date
people-manager-email = Manager's work e-mail
people-manager-email-hint = Empty for no manager (the program team then decides). Changing it moves this person's pending applications to the new manager.
people-is-admin = Program administrator
people-is-active = Active (unticking ends their sessions and moves what waits on their decision to their manager)
people-save = Save
people-cancel = Cancel
people-signing-in = Signing in
people-has-password = { $name } has a password. A new invitation lets them choose another (if they forgot theirs, they can also ask for a link on the sign-in page).
people-no-password = { $name } has no password yet, so they cannot sign in. An invitation e-mails them a link to choose one.
people-send-invitation = Send invitation
people-invite-hint = The link works once, for 7 days; an earlier invitation stops working.
people-sessions = Sessions
people-signed-in-nowhere = { $name } is not signed in anywhere.
people-signed-in = { $count ->
    [one] { $name } is signed in on one browser.
   *[other] { $name } is signed in on { $count } browsers.
}
people-end-sessions = End this person's sessions
people-learning = Learning record
people-download-csv = Download as CSV
people-learning-caption = Programs { $name } completed, the latest first
people-history = Job history
people-history-none = No job history is recorded for { $name }.
people-history-label = Job history of { $name }, the latest first
people-history-source = Source: { $source }
people-refuse-self = You can't deactivate yourself; ask another administrator.
people-saved = { $count ->
    [0] The record is saved.
    [one] The record is saved. Their place on a waitlist was withdrawn.
   *[other] The record is saved. Their places on { $count } waitlists were withdrawn.
}
people-refuse-last-admin = This is the last active administrator: name another one first.
people-refuse-unknown-manager = Nobody at the company has this e-mail address.
people-refuse-own-manager = A person can't be their own manager.
people-refuse-cycle = That person reports to this employee: a manager can't report to their own report.
people-refuse-inactive-manager = That person no longer works here.
people-sessions-ended = { $count ->
    [0] { $email } had no sessions to end.
    [one] Ended 1 session of { $email }: they must sign in again.
   *[other] Ended { $count } sessions of { $email }: they must sign in again everywhere.
}

## the audit log
audit-title = Audit log — administration
audit-lead = Every change made by an administrator, newest first. Entries can't be changed or deleted.
audit-filters = Filter the audit log
audit-what = What
audit-subject-contains = Subject contains
audit-none = Nothing recorded
audit-none-text = Administrators' changes appear here.
audit-caption = Audit log entries, newest first
audit-column-when = When
audit-column-who = Who
audit-column-action = Action
audit-column-subject = Subject
audit-column-what-changed = What changed
audit-older = Older entries
audit-command-line = Upskill (command line)
audit-filter-programs = Programs
audit-filter-proposals = Program proposals
audit-filter-intakes = Intakes
audit-filter-people = People and imports
audit-filter-settings = Settings
audit-filter-delegations = Delegations
audit-filter-everything = Everything

## the pledge settings
settings-lead = The pledge the dashboard tracks: how many employees to train, with how much money, by when.
settings-target = Employees to train
settings-target-hint = A whole number from 1 to 10,000,000. An employee counts once they complete a program.
settings-budget = Budget in dollars
settings-budget-hint = For example 700000000, at most 100,000,000,000. Approved and completed tuition counts against it.
settings-deadline-hint = The last day of the pledge.
settings-save = Save settings
settings-back = Back to the dashboard

## archiving a program
archive-title = Archive { $program }?
archive-archive = Archive
archive-already = { $program } is already archived: it is not in the catalog.
archive-back = Back to the programs
archive-explain = Archiving takes { $program } out of the catalog: nobody can find it or apply to it any more.
archive-in-progress = { $count ->
    [0] No application is in progress.
    [one] The application in progress is kept and goes on as before.
   *[other] The { $count } applications in progress are kept and go on as before.
}
archive-publish-again = You can publish the program again later.
archive-confirm = Archive the program
archive-keep = Keep it in the catalog

## inviting everyone without a password
invite-title = Invite everyone without a password — people
invite-invitations = Invitations
invite-none = Everyone has a password
invite-none-text = Every active person can already sign in. People you import later appear here until they choose a password.
invite-back = Back to people
invite-count = { $count ->
    [one] One active person has no password, so they cannot sign in yet.
   *[other] { $count } active people have no password, so they cannot sign in yet.
}
invite-explain = Each gets an e-mail with a link to choose one: it works once, for 7 days, and replaces any earlier invitation.
invite-no-mail-before = Upskill sends no e-mail on this server, so it cannot send these invitations. Run
invite-no-mail-after = on the server instead: it prints each person's link for you to hand out.
invite-who = Who is invited
invite-more = … and { $count } more.
invite-send = { $count ->
    [one] Send the invitation
   *[other] Send { $count } invitations
}

## importing employees
import-title = Import employees
import-lead = Upload the HR system's CSV export. You see what would change before anything is written, and nothing is written while the file has errors.
import-format = What the file holds
import-columns = The first line names the columns, in any order:
import-columns-after = Other columns are ignored. Then one person per line.
import-job-family = fulfillment, operations, corporate, technical, retail or transportation
import-site-type = fulfillment_center, corporate_office, tech_hub, retail_store or transportation_network
import-employment-type = full_time or part_time
import-hire-date = YYYY-MM-DD, not after today
import-manager-email = someone in the file or already in Upskill; empty for no manager
import-is-admin = true, false, yes, no, 1 or 0; empty means no
import-matching = People are matched by e-mail address. Those not in the file are left as they are; new people are added without a password. When someone gets another manager, their applications waiting for a manager's decision move to the new manager's queue.
import-file = CSV file
import-file-hint = UTF-8 text, at most { $mib } MiB.
import-preview = Preview the import

## how far the pledge's deadline is
dashboard-days-left = { $count ->
        [one] { $count } day left.
       *[other] { $count } days left.
    }
dashboard-deadline-today = The deadline is today.
dashboard-deadline-passed = { $count ->
        [one] The deadline passed { $count } day ago.
       *[other] The deadline passed { $count } days ago.
    }

## the funnel and cost tables
conversion-all = All
conversion-nobody-moved = nobody moved yet
conversion-no-completion = no completion yet
conversion-under-a-month = under a month
conversion-months = { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
