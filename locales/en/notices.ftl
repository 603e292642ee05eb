# What notices and e-mail say. A notice keeps its message id and values and is worded
# when it is read, so these ids are part of the data: rename one and older notices show
# the English words they were written with.

notice-then = { $first } { $then }
notice-decider = { $name }
notice-decider-acting-for = { $name }, acting for { $manager },
notice-comment = { " " }Comment: “{ $comment }”
notice-no-comment = { "" }
notice-your-school = your school
notice-no-intake = no intake

## Applications and decisions

notice-applied = { $applicant } applied to { $program } and waits for your decision.
notice-applied-acting-for = { $applicant } applied to { $program } and waits for your decision, acting for { $manager }.
notice-resubmitted = { $applicant } made the changes you asked for to their application to { $program }; it waits for your decision again.
notice-resubmitted-acting-for = { $applicant } made the requested changes to their application to { $program }; it waits for your decision, acting for { $manager }.
notice-withdrawn = { $applicant } withdrew their application to { $program }.
notice-decided-manager-approved = { $decider } approved your application to { $program }; the program team decides next.{ $comment }
notice-decided-approved = { $decider } approved your application to { $program }: your place is confirmed.{ $comment }
notice-decided-waitlisted = { $decider } approved your application to { $program }, but the intake is full: you are { $position } in line on the waitlist.{ $comment }
notice-decided-rejected = { $decider } rejected your application to { $program }.{ $comment }
notice-decided-changes-requested = { $decider } asked for changes to your application to { $program }.{ $comment }
notice-decided-completed = Congratulations: { $decider } marked your { $program } program as completed.{ $comment }
notice-status-changed = Your application to { $program } is now: { $status }.
notice-manager-approved = { $decider } approved { $applicant }'s application to { $program }; it waits for the program team's decision.
notice-manager-approved-over-budget = { $decider } approved { $applicant }'s application to { $program }; a place would exceed the program's budget for { $year }, so it waits for the program team's decision.

## Completion and payments

notice-credential-accepted = Your credential was accepted: { $program } is completed. Congratulations!
notice-evidence-sent = { $owner } sent evidence of completing { $program }; it waits for the program team's check.
notice-completion-confirmed-on = Congratulations: { $decider } confirmed that you completed { $program } on { $date }. It is on your learning record.
notice-completion-confirmed = Congratulations: { $decider } confirmed that you completed { $program }. It is on your learning record.
notice-completion-returned = { $decider } asked for changes to your evidence of completing { $program }.{ $comment }
notice-completion-not-completed = { $decider } closed your place in { $program } as not completed.{ $comment }
notice-paid-in-full = The company paid { $amount } to { $school } for your { $course } course (invoice { $invoice }, { $program }); the { $covered } the company covers is now paid in full.
notice-paid-part = The company paid { $amount } to { $school } for your { $course } course (invoice { $invoice }, { $program }); { $left } of the { $covered } the company covers is left to pay.

## Managers who change or leave

notice-reports-to-you = { $employee } now reports to you; their application to { $program } waits for your decision.
notice-reports-to-manager = { $employee } now reports to { $manager }; their application to { $program } waits for your decision, acting for { $manager }.
notice-approver-left = { $leaver } left: an application to { $program } that waited on them now waits for your decision.
notice-approver-left-acting-for = { $leaver } left: an application to { $program } that waited on them now waits for your decision, acting for { $manager }.
notice-delegate-named = { $manager } named you their delegate from { $from } to { $to }: you decide on their team's applications, acting for { $manager }.
notice-delegate-waiting = { $count ->
    [one] { $count } application waits for a decision now, in your approvals.
   *[other] { $count } applications wait for a decision now, in your approvals.
}
notice-delegation-ended = { $manager } ended your delegation: you no longer decide on their team's applications.
notice-delegation-cancelled = { $manager } cancelled the delegation planned from { $from } to { $to }.

## Seats, waitlists and draws

notice-seat-offered = A seat became free in { $intake } of { $program }, and it is offered to you: accept or decline it on your application by the end of { $date }. If you do not answer, it goes to the next person in line.
notice-seat-confirmed = A seat became free: your place in { $intake } of { $program } is confirmed.
notice-seat-confirmed-for = A seat became free: { $owner }'s place in { $intake } of { $program } is confirmed.
notice-offer-lapsed = The seat offered to you in { $program } was not accepted by the end of { $date }; it went to the next person in line, and your application is closed.
notice-waitlist-reordered = The program team of { $program } moved your application from { $from } to { $to } in line on the waitlist: { $reason }
notice-moved-to-waitlist = The program team of { $program } moved your application from { $from } to { $to }: that intake is full, so you are at the end of its waitlist. Their reason: { $reason }
notice-moved-to-draw = The program team of { $program } moved your application from { $from } to { $to }: you are in its seat draw. Their reason: { $reason }
notice-moved-confirmed = The program team of { $program } moved your application from { $from } to { $to }: your place there is confirmed. Their reason: { $reason }
notice-drawn-placed = The seats of { $intake } of { $program } were drawn by lot: you got a place.
notice-drawn-waitlisted = The seats of { $intake } of { $program } were drawn by lot: you are { $position } on the waitlist, in the order drawn. A seat that becomes free goes to the next in line.

## Program proposals

notice-proposal-submitted = { $proposer } proposed a program: { $proposal }. It waits for review in Program proposals.
notice-proposal-resubmitted = { $proposer } sent the proposal { $proposal } again with the changes asked for. It waits for review in Program proposals.
notice-proposal-approved = { $reviewer } approved your proposal { $proposal }: it is now a draft program, and you are its owner. Complete it in My programs (who may apply, intakes, what to send at the end), then ask an administrator to publish it.
notice-proposal-changes-requested = { $reviewer } asked for changes to your proposal { $proposal }. Read the comment on the proposal, change it and send it again.
notice-proposal-declined = { $reviewer } declined your proposal { $proposal }. The reason is on the proposal.
notice-publication-requested = { $owner } asks for the draft program { $program } to be published. Check it under Programs and publish it when it is ready.
notice-proposal-published = { $program }, the program you proposed, is published in the catalog: people can apply.

## Reminders, sign-in links and the daily summary

notice-an-employee = An employee
notice-digest = { $count ->
    [one] Your daily summary: { $count } update
   *[other] Your daily summary: { $count } updates
}
notice-reminder = Reminder: { $applicant }'s application to { $program } has waited { $count ->
    [one] { $count } working day
   *[other] { $count } working days
} for your decision.
notice-reminder-escalated = { $applicant }'s application to { $program } has waited { $count ->
    [one] { $count } working day
   *[other] { $count } working days
} for { $approver }'s decision.
notice-reminder-escalated-no-approver = { $applicant }'s application to { $program } has waited { $count ->
    [one] { $count } working day
   *[other] { $count } working days
} for their manager's decision.
notice-invited = { $inviter } invited you to Upskill, where you see the training programs open to you and apply for them. Choose your password to sign in with { $email }: the link works once, for 7 days.
notice-invited-by-organisation = Your organisation invited you to Upskill, where you see the training programs open to you and apply for them. Choose your password to sign in with { $email }: the link works once, for 7 days.
notice-password-reset = Someone, probably you, asked to reset your Upskill password. Choose a new one with the link below: it works once, for 1 hour.

## The e-mail around a notice

email-hello = Hello { $name },
email-digest-intro = Here is what happened in Upskill since your last summary.
email-open-application = Open the application
email-choose-password = Choose your password
email-why-access = You receive this because an administrator invited you to Upskill or someone asked to reset your Upskill password. If that was not you, ignore this e-mail: nothing changes without the link.
email-why-notices = You receive this because of your applications and approvals in Upskill.
email-choose = Choose between one e-mail per event and a daily summary:
email-account-page = your account page
