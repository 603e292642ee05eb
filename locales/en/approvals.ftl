# The approvals queue, the bulk approval's review page, and a manager's team page with
# its delegations (templates/approvals/*, templates/team/team.html).

## The queue

approvals-title = Approvals
approvals-title-error = Error: Approvals
approvals-lead = { $count ->
    [0] No application waits for your decision.
    [one] 1 application waits for your decision.
   *[other] { $count } applications wait for your decision, oldest first.
}
approvals-filter-queue = Filter the queue
approvals-program = Program
approvals-every-program = Every program
approvals-filter = Filter
approvals-clear = Clear
approvals-empty-title = Nothing waits for you
approvals-empty-text = When someone you decide for applies, their application appears here.
approvals-comment-not-sent = Your comment was not sent: “{ $comment }”
approvals-queue-caption = Applications waiting for your decision
approvals-select = Select
approvals-person = Person
approvals-intake-or-amount = Intake or amount
approvals-waiting = Waiting
approvals-stage = Stage
# Around the applicant's name: "Select the application of NAME", then "to PROGRAM".
approvals-select-application = Select the application of { $name }
approvals-select-to = to { $program }
approvals-acting-for = you, acting for { $name }
approvals-bulk-legend = Approve the selected applications
approvals-bulk-comment = Comment (optional, sent to each applicant)
approvals-bulk-hint = Next, you see what approving each one would do, and confirm.
approvals-bulk-review = Review the selected applications…

## A row of the queue

approvals-starts = (starts { $date })
approvals-tuition = { $amount } tuition
approvals-self-paced = Self-paced
approvals-stage-program-team = Program team
approvals-stage-no-manager = Manager stage (no manager)
approvals-stage-manager = Manager
approvals-waited-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
approvals-waited-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
approvals-waited-less = less than an hour
# "$X of $Y": what is left of a limit or a budget.
approvals-of-amount = of { $amount }
# $left is "$X of $Y", $year the year.
approvals-cap-left = { $left } left for { $year }
approvals-program-budget-over = Budget { $year }: over by { $amount }
approvals-program-budget-left = Budget { $year }: { $left } left

## The review page of a bulk approval

approvals-confirm-title = { $count ->
    [one] Approve { $count } application?
   *[other] Approve { $count } applications?
}
approvals-confirm-title-error = { $count ->
    [one] Error: Approve { $count } application?
   *[other] Error: Approve { $count } applications?
}
approvals-breadcrumb = Breadcrumb
approvals-review = Review
approvals-confirm-lead = Nothing is decided yet. This is what approving each selected application would do now; open one to read it in full.
approvals-confirm-caption = The selected applications and what approving each would do
approvals-if-approved = If you approve now
approvals-your-decision = Your decision
approvals-confirm-hint = { $count ->
    [one] Sent to the applicant above who is approved.
   *[other] Sent to each of the { $count } applicants above who are approved, whatever their program.
}
approvals-comment-optional = Comment (optional)
approvals-none-can-be-approved = None of the selected applications can be approved now.
approvals-confirm-button = { $count ->
    [one] Approve { $count } application
   *[other] Approve { $count } applications
}
approvals-change-selection = Change the selection

## The team page

team-title = My team
team-reports = Direct reports
team-no-reports = Nobody reports to you
team-no-reports-text = People appear here when HR records you as their manager.
team-caption = Your direct reports and their applications
team-person = Person
team-applications = Applications
team-no-applications = No applications
team-whose-application = { $name }'s application
team-away = While you are away
team-away-text = Name another manager or a program administrator to decide on your team's applications in your place.
# Around the delegate's name (in bold before it).
team-decides-for-you = decides for you
team-from = from { $date }
team-to = to { $date }
team-now = now
team-end = End
team-delegate-email = Delegate's work e-mail
team-first-day = First day
team-last-day = Last day
team-name-delegate = Name delegate
team-delegation-ended = The delegation has ended.

## Decisions: the flash messages and refusals

approvals-application-of = { $name }'s application
approvals-application-to = to { $program }
approvals-decided-manager-approved = Approved { $whose }; the program team decides next.
approvals-decided-approved = Approved { $whose }: the place is confirmed.
approvals-decided-waitlisted = Approved { $whose }; the intake is full, so it is on the waitlist.
approvals-decided-in-draw = Approved { $whose }; it is in the intake's seat draw, made by lot after the window closes.
approvals-decided-rejected = Rejected { $whose }.
approvals-decided-changes = Asked for changes to { $whose }.
# After the application ("Fiona's application to X").
approvals-decided-now = is now { $status }.
approvals-promoted = { $count ->
    [one] { $count } waitlisted application got the freed seat.
   *[other] { $count } waitlisted applications got the freed seats.
}
# $year is the year; the amount left follows in brackets.
approvals-over-budget-beyond = this place ({ $cost }) is beyond what is left of the program's budget for { $year }
approvals-over-budget-spent = the program's budget for { $year } is spent, and this place commits { $cost }
approvals-stale = This application changed since you opened it: it is now { $status }. Review it and decide again.
approvals-over-cap = Approving would go over the applicant's yearly tuition limit: they have { $left } left for { $year }.
approvals-already-active = The applicant already has an active application to this program.
approvals-over-budget-refused = { $reason }. Approve it on its own page, where the program team can confirm it.
approvals-tick-exceed = Tick “Approve although it exceeds the budget” to approve beyond the budget, or reject the application.

## Bulk approval: what approving would do, and the summary

approvals-select-one = Select at least one application to approve.
approvals-at-most = Approve at most { $max } applications at once; you selected { $count }.
approvals-consequence-team-next = Approved by you; the program team decides next.
approvals-consequence-approved = Approved: the place is confirmed.
approvals-consequence-last-seat = Approved: the place is confirmed, and it takes the intake's last seat.
approvals-consequence-seats-left = { $count ->
    [one] Approved: the place is confirmed; the intake has { $count } seat left after it.
   *[other] Approved: the place is confirmed; the intake has { $count } seats left after it.
}
approvals-consequence-waitlisted-full = Waitlisted: the intake is full, so the application goes on its waitlist.
approvals-consequence-waitlisted-taken = { $count ->
    [one] Waitlisted: the intake has { $count } seat left, and applications above in this list take it.
   *[other] Waitlisted: the intake has { $count } seats left, and applications above in this list take them.
}
approvals-consequence-in-draw = Approved into the seat draw: the intake's seats are drawn by lot after its window closes.
approvals-consequence-over-cap = Not approved: over the applicant's yearly tuition limit (they have { $left } left for { $year }).
approvals-consequence-over-budget = Not approved: { $reason }. Approve it on its own page to confirm it.
approvals-consequence-refused = Not approved: { $reason }
approvals-changed-meanwhile = What approving would do changed since you looked (someone decided meanwhile). Nothing was approved: check the list again and confirm.
approvals-problem-own = you can't decide on your own application.
approvals-problem-not-in-queue = it is not in your queue.
approvals-problem = application { $count }: { $message }
approvals-bulk-approved = { $count ->
    [one] Approved { $count } application.
   *[other] Approved { $count } applications.
}
approvals-bulk-waitlisted = { $count } of them went on the waitlist: their intake is full.
approvals-bulk-skipped = { $count } could not be approved, as the list showed.
approvals-bulk-not-approved = Not approved: { $problems }
