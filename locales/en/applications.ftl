# An employee's applications: the list, applying and editing, one application's page,
# withdrawing, a seat's offer, payments and evidence.

## My applications (/applications)

applications-title = My applications
applications-none-title = You have not applied to anything yet
applications-none-before = Browse the
applications-none-link = programs open to you
applications-none-after = and apply from a program's page.
applications-caption = My applications, newest first
applications-program = Program
applications-status = Status
applications-next-step = Next step
applications-submitted = Submitted

## The status and next step of an application, in lists and on its page

application-in-progress = In progress
# After a delegate's name: "Tom Techlead (acting for Maria Manager)".
application-acting-for = (acting for { $approver })
# Between the last two delegates.
application-or = or
application-next-waiting-for = Waiting for { $name }
application-next-program-team = Waiting for the program team
application-next-changes = Make the requested changes and resubmit
# $position: "3rd" in English.
application-next-waitlist-position = { $position } in line on the waitlist
application-next-waitlist = On the waitlist
application-next-in-draw = Approved; in the seat draw after the window closes
application-next-offered = A place is offered to you: accept or decline it
application-next-started = Started { $date }
application-next-confirmed-starts = Place confirmed; starts { $date }
application-next-confirmed = Place confirmed
application-next-evidence-sent = Evidence sent; the program team checks it
application-next-evidence-returned = Fix your evidence and send it again
application-next-completed = Completed
application-next-not-completed = Closed: not completed
application-next-closed = Closed

## Applying to a program (/programs/…/apply) and editing an application

apply-heading = Apply to { $program }
apply-error-prefix = Error:
apply-breadcrumb = Breadcrumb
apply-breadcrumb-programs = Programs
apply-breadcrumb-apply = Apply
apply-go-to-application = Go to your application
apply-back-to-program = Back to the program
apply-intake = Intake
apply-no-intake = No intake is scheduled yet, so you can't apply now.
apply-intake-starts = starts { $date }
apply-intake-started = already started
apply-intake-seats-drawn = { $count ->
    [one] { $count } seat drawn by lot
   *[other] { $count } seats drawn by lot
}
apply-intake-full = full, you join the waitlist
apply-intake-seats-left = { $count ->
    [one] 1 seat left
   *[other] { $count } seats left
}
# A lottery intake's window, then how its seats are given.
apply-lottery-opens-on = Applications open on { $date }
apply-lottery-and-closes-on = and close on { $date }.
apply-lottery-closed-on = Applications closed on { $date }.
apply-lottery-open-until = Applications are open until { $date }.
apply-lottery-draw = The day after, the seats are drawn by lot among the applications approved by then; the others join the waitlist in the order drawn.
apply-tuition = Course and tuition
# "You have <strong>$1,000</strong> of $5,250 left for 2027." ($year is the year)
apply-funding-before = You have
apply-funding-after = of { $cap } left for { $year }.
apply-institution = School or college
apply-course-title = Course title
apply-term-starts = Term starts
apply-term-between = Between { $date }
apply-term-and = and { $date }.
apply-amount = Tuition amount in dollars
apply-amount-hint = For example 1234.50. The company pays { $percent }% of it.
apply-accept-terms = I accept the terms: payment stops after a failed or dropped course until I repay it.
apply-motivation = Why do you want to take this program?
apply-motivation-optional = Why do you want to take this program? (optional)
apply-motivation-hint-both = Between 20 and 4,000 characters. Your manager and the program team read this.
apply-motivation-hint-manager = Between 20 and 4,000 characters. Your manager reads this.
apply-motivation-hint-team = Between 20 and 4,000 characters. The program team reads this.
apply-motivation-hint-none = Optional, up to 4,000 characters. Nobody needs to approve this program: your place is confirmed when you apply, and what you write here stays with your application.
apply-cancel = Cancel
apply-submit = Submit application
apply-already-applied = You already have an application to this program
apply-one-active-follow = You can have one active application per program. Follow it, or withdraw it to apply again.
apply-one-active = You can have one active application per program.
apply-come-back-on = Come back on { $date } to apply.
# Before "of $5,250 left for 2027.", on the amount field.
apply-over-cap = This is more than you have left: you have { $left }
apply-done-confirmed = Your place is confirmed: this program needs no approval.
apply-done-waitlisted = The intake is full: your application is on the waitlist.
apply-done-in-draw = This program needs no approval: your application is in the intake's seat draw, made by lot the day after applications close.
apply-done-submitted = Your application is submitted.

application-edit-heading = Edit your application to { $program }
application-resubmit = Resubmit application
application-not-editable = This application can't be edited now: it is { $status }. Only an application whose approver asked for changes can be edited.
application-edit-stale-version = This application changed since you opened the form. Here it is as it stands now; make your changes again.
application-no-longer-resubmit = You can no longer resubmit this application.
application-resubmitted = Your changes are saved and the application is resubmitted.
application-edit-stale = This application changed while you were editing it: it is now { $status }.

## One application's page (/applications/…)

# "Your application 12" and "Maria’s application 12" ($count is the application's number), then "to AWS Cloud".
application-title-yours = Your application { $id }
application-title-of = { $applicant }’s application { $count }
application-to-program = to { $program }
application-heading-yours = Your application to { $program }
application-heading-of = { $applicant }’s application
application-breadcrumb = Application { $id }
application-details = Details
application-applicant = Applicant
# After the intake's name: "Spring 2027, starting 1 March 2027".
application-starting = starting { $date }
application-drawn-by-lot = seats drawn by lot:
application-the-seat-draw = the seat draw
application-course = Course
application-tuition = Tuition
application-company-pays = (the company pays { $amount })
application-motivation = Motivation
application-motivation-none = None given.
application-your-decision = Your decision
application-what-you-can-do = What you can do
application-decide-acting-for = You decide here, acting for { $manager }.
application-comment = Comment
application-comment-hint = Optional when approving; required to reject or ask for changes. The applicant reads it.
application-approve = Approve
application-ask-for-changes = Ask for changes
application-reject = Reject
application-start-course = Start the course
application-start-course-hint = Opens { $program }’s own site, where you take the course.
application-apply-again = Apply again
application-go-to-newer = Go to your new application
application-applied-again = You have applied to { $program } again.
application-program-closed = { $program } no longer takes applications.
application-can-apply-again = You can apply to { $program } again.
# "You can apply to AWS Cloud again" "from 1 March 2027."
application-can-apply-again-to = You can apply to { $program } again
application-can-apply-again-from = from { $date }.
application-cannot-apply-again = You can't apply to this program again now.
application-calendar = Add to calendar
application-calendar-hint = An .ics file with the intake’s start, for Outlook, Google Calendar or Apple Calendar.
application-calendar-feed-before = To follow all your places,
application-calendar-feed-link = subscribe to your calendar feed
application-edit = Edit and resubmit
application-nothing-to-do = Nothing to do here right now.

## A seat offered from the waitlist

offer-callout = Answer the offer by the end of { $date }
offer-seat = A seat in { $intake } is offered to you.
offer-answer-by = Accept it or decline it by the end of { $date }; if you do not answer by then, it goes to the next person in line.
offer-accept = Accept the seat
offer-decline-link = Decline…

withdraw-link = Withdraw…

## Attached files, and the completion of a program

evidence-files = Attached files
evidence-none = No files attached yet.
evidence-none-attach = Attach what you are asked for, such as an enrolment letter or an invoice: whoever decides on the application can read it.
evidence-attached-on = attached { $when }
evidence-attached-by = attached by { $name }
evidence-attach-label = Attach a file
evidence-attach-hint = PDF, PNG or JPEG, up to { $size } MiB.
evidence-attach = Attach the file
evidence-completion = Completion
evidence-completed-on = Completed on
evidence-credential = Credential
evidence-credential-name = Name
evidence-credential-id = Credential ID
evidence-earned-on = Earned on
evidence-verification = Verification
evidence-returned = The program team asked for changes:
evidence-record-yours = Record your credential
evidence-send-yours = Send your evidence
evidence-attach-first = Attach your grade report, transcript or certificate under “Attached files” first; the program team reads every file attached to the application.
evidence-credential-name-label = Name of the credential
evidence-credential-name-hint = As it is printed, for example “AWS Certified Cloud Practitioner”.
evidence-credential-id-label = Credential ID or certificate number
evidence-date-earned = Date earned
evidence-completion-date = Completion date
evidence-date-hint = Not before the program started, and not in the future.
evidence-verification-label = Verification address (optional)
evidence-verification-hint = Where anyone can check the credential, starting with https:// or http://.
evidence-record = Record the credential
evidence-send = Send for checking
evidence-verify = Verify the completion
evidence-mark-completed = Mark as completed
evidence-confirm-hint-verifies = As the employee gave it; correct it if the evidence says otherwise.
evidence-confirm-hint = The day the program was completed.
evidence-confirm-checked-evidence = I checked the evidence: this completion is final and counts for the pledge
evidence-confirm-checked = I checked: this completion is final and counts for the pledge
evidence-return-heading = Ask for changes to the evidence
evidence-return-comment = What should change
evidence-return-hint = The employee reads it, fixes the evidence and sends it again.
evidence-not-completed = Not completed
evidence-not-completed-comment = Why the program was not completed
evidence-not-completed-hint = The employee reads it.
evidence-not-completed-confirm = Close this place as not completed: this is final
evidence-not-completed-close = Close as not completed
evidence-decide = Decide on the completion
evidence-requirement-sent = You sent your evidence: the program team checks it and lets you know.
evidence-requirement-completed = You completed the program: it is on your learning record.
evidence-requirement-not-completed = The program team closed this place as not completed.
evidence-requirement-none = The program asks for no evidence: the program team records completion.
# $evidence: the kind of evidence, in lower case ("a file, such as a grade report or a transcript").
evidence-requirement-asks = The program asks for { $evidence }.

## The timeline of an application

timeline-title = Timeline
# After the actor's name: "Tom Techlead, acting for Maria Manager".
timeline-acting-for = acting for { $name }
timeline-changes = What changed
timeline-field = Field
timeline-before = Before
timeline-after = After
evidence-closed = This application is { $status }: files can no longer be attached to it.
evidence-attached = “{ $name }” is attached.
evidence-scanner-down = The virus scanner is not answering, so the file was not attached: nothing was stored. Try again in a few minutes.
evidence-stale = This application changed since you opened it: it is now { $status }. Review it and try again.
evidence-accepted = Your credential was accepted: the program is completed and on your learning record.
evidence-sent = Your evidence is sent: the program team checks it and lets you know.
# The program team's decision on a completion: "Confirmed: Ana's" "AWS Cloud is completed."
evidence-team-completed-who = Confirmed: { $applicant }'s
evidence-team-completed-what = { $program } is completed.
evidence-team-returned-who = Sent { $applicant }'s
evidence-team-returned-what = { $program } evidence back with your comment.
evidence-team-closed-who = Closed { $applicant }'s
evidence-team-closed-what = { $program } place as not completed.

## Withdrawing an application (/applications/…/withdraw)

application-back = Back to the application
withdraw-title = Withdraw your application { $id }
withdraw-breadcrumb = Withdraw
withdraw-heading = Withdraw your application to { $program }?
withdraw-final = Your application is { $status }. Withdrawing it is final: to take part later, you apply again.
withdraw-holds-seat = You hold a seat in this intake.
withdraw-seat-goes = It goes to the next person on the waitlist.
withdraw-reason = Reason (optional)
withdraw-submit = Withdraw application
withdraw-keep = Keep it
withdraw-not-possible = This application is { $status } and can't be withdrawn.
withdraw-done = Your application is withdrawn.
withdraw-stale = This application changed since you opened this page: it is now { $status }. Check it, then withdraw again if you still want to.

## Declining a seat offered (/applications/…/offer/decline)

offer-decline-title = Decline the seat offered in { $program }
offer-decline = Decline the seat
offer-decline-heading = Decline the seat offered in { $program }?
offer-decline-final = The seat goes to the next person in line, and your application is closed: to take part later, you apply again.
offer-decline-until = You have until the end of { $date } to decide.
offer-keep-open = Keep the offer open
offer-none = No seat is offered on this application now.
offer-accepted = You accepted the seat: your place in { $program } is confirmed.
offer-declined = You declined the seat; it goes to the next person in line, and your application is closed.
offer-lapsed = The offer ended with { $date }: it went to the next person in line, and your application is closed.
offer-none-now = No seat is offered on this application now: it is { $status }.

## Tuition payments

payments-title = Tuition payments
payments-covered = Covered by the company
payments-paid = Paid so far
payments-left = Left to pay
payments-paid-in-full = Nothing: paid in full
payments-none = No payment is recorded yet.
payments-caption = Payments to the school, in the order they were paid
payments-paid-on = Paid on
payments-invoice = Invoice
payments-amount = Amount
payments-reference = Reference
payments-recorded-by = Recorded by
payments-total = Total paid
payments-record-heading = Record a payment
payments-invoice-label = School invoice number
payments-amount-label = Amount paid, in dollars
payments-amount-hint = At most what is left to pay: { $amount }.
payments-paid-on-hint = The day the school was paid: not in the future, not before the approval.
payments-reference-label = Reference (optional)
payments-reference-hint = A payment or purchase order number, for finance.
payments-record = Record payment
# "The payment of $500.00" "(invoice A-12) is recorded;" "$1,000.00 is left to pay."
payments-recorded = The payment of { $amount }
payments-recorded-invoice = (invoice { $invoice }) is recorded;
payments-recorded-in-full = the covered amount is paid in full.
payments-recorded-left = { $amount } is left to pay.
payments-not-payable = This application takes no payments now: only a tuition request holding a place does.

## The program's budget in the decision form

budget-this-year = Budget this year ({ $year }):
budget-committed = committed
budget-left = left { $amount }
budget-over-by = over by { $amount }
budget-approving-commits = Approving commits
budget-calendar-year = The budget runs by calendar year: a place counts in the year it is approved.
budget-warning = Warning:
budget-would-exceed = approving this application would exceed the budget by { $amount }.
budget-approve-anyway = Approve although it exceeds the budget
budget-to-team = Approving sends this application to the program team: a place would exceed
# $year is the year.
budget-to-team-exceed = { $program }’s budget for { $year }.

## What happened, on an application's timeline, after the name of who did it
timeline-submitted-manager-approved = submitted the application; it goes straight to the program team
timeline-submitted = submitted the application
timeline-approved-at-once-waitlisted = applied; this program needs no approval, and the intake is full, so the application is on the waitlist
timeline-approved-at-once = applied; this program needs no approval, so the place is confirmed at once
timeline-resubmitted = made the requested changes and resubmitted
timeline-manager-approved = approved as manager; the program team decides next
timeline-approved = approved the application; the place is confirmed
timeline-waitlisted = approved the application; the intake is full, so it is on the waitlist
timeline-entered-draw = approved the application; the intake's seats are drawn by lot after its window closes
timeline-drawn-place = drew the seats by lot: this application got a place
timeline-drawn-waitlist = drew the seats by lot: this application is on the waitlist, in the order drawn
timeline-rejected = rejected the application
timeline-changes-requested = asked for changes
timeline-withdrawn = withdrew the application
timeline-completed = marked the program as completed
timeline-completion-submitted = sent evidence of completion for the program team to check
timeline-completion-accepted = recorded the credential; it was accepted automatically, so the program is completed
timeline-completion-verified = checked the evidence and confirmed the completion
timeline-completion-returned = asked for changes to the evidence of completion
timeline-not-completed = closed the place as not completed
timeline-promoted = a seat became free: the place is confirmed from the waitlist
timeline-reassigned = changed the applicant's manager
timeline-withdrawn-left = withdrew the place on the waitlist: the person left
timeline-file-attached = attached a file
timeline-payment-recorded = recorded a tuition payment
timeline-offered = a seat became free: a place is offered from the waitlist, to accept or decline
timeline-offer-accepted = accepted the offered place; the place is confirmed
timeline-offer-declined = declined the offered place; it goes to the next person in line
timeline-offer-lapsed = the offered place was not accepted in time; it goes to the next person in line
timeline-waitlist-reordered = changed the application's place in the waitlist
timeline-intake-changed-waitlisted = moved the application to another intake; that intake is full, so it is on its waitlist
timeline-intake-changed-in-draw = moved the application to another intake; it waits for that intake's seat draw
timeline-intake-changed = moved the application to another intake; the place there is confirmed
# $amount is the amount paid, $invoice the school's invoice number.
timeline-payment-recorded-of = recorded a tuition payment of { $amount } (invoice { $invoice })
