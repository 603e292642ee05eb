# Programs employees propose: the proposer's list, the form, withdrawing, and where a
# proposal stands (templates/proposals/*).

proposals-title = My proposals
proposals-breadcrumb = Breadcrumb
proposals-programs = Programs
proposals-lead = Programs you proposed, and where each one stands. An administrator reviews each proposal; an approved one becomes a draft program that you own and complete before an administrator publishes it.
proposals-propose = Propose a program
proposals-none = You have not proposed a program yet.
proposals-caption = Your proposals, newest first
proposals-program = Program
proposals-kind = Kind
proposals-status = Status
proposals-last-change = Last change
# Where a proposal stands, with its draft program once approved.
proposals-the-program = The program:
proposals-publication-asked = , publication asked for

## The form

proposals-change-title = Change your proposal: { $name }
proposals-change = Change your proposal
proposals-number = Proposal { $count }
proposals-change-crumb = Change
proposals-lead-changes-requested = Make the changes the administrator asked for (their comment is on the proposal's page), then send it again: it goes back to the administrators for review.
proposals-lead-waiting = The proposal waits for review: you can still change it until an administrator decides.
proposals-lead-new = Know a course, a certification or a skill that would help colleagues take the next step in their careers? Describe it here. An administrator reviews it: if they approve it, it becomes a draft program that you own — you complete it (who may apply, intakes, what to send at the end) and an administrator publishes it.
proposals-name = Name of the program
proposals-name-hint = 3 to 120 characters, as the catalog would show it.
proposals-summary = Summary
proposals-summary-hint = One sentence: what someone learns and where it leads (10 to 300 characters).
proposals-description = Description
proposals-description-hint = What the program covers, how it is taught, how long it takes (at least 20 characters).
proposals-audience = Who it is for
proposals-audience-hint = The roles, sites or people it would help, for example “fulfillment associates who want to move into IT support”.
proposals-expected-cost = Expected cost of one person's place (US$)
proposals-expected-cost-hint = In dollars, for example 1200 or 1,200.50; 0 if it is free.
proposals-experience = Your experience
proposals-experience-hint = What you know of the subject, or have taught or run before (at least 10 characters).
proposals-send-again = Send the proposal again
proposals-save-changes = Save the changes
proposals-send = Send the proposal
proposals-cancel = Cancel

## Withdrawing

proposals-withdraw-title = Withdraw your proposal: { $name }
proposals-withdraw-crumb = Withdraw
proposals-withdraw-heading = Withdraw your proposal { $name }?
proposals-withdraw-text = Withdrawing it is final: the administrators no longer review it. To propose the program later, you send a new proposal.
proposals-withdraw-button = Withdraw the proposal
proposals-keep = Keep it

## After sending, changing or withdrawing

proposals-sent = Your proposal is sent. An administrator reviews it; you get a notification when they decide.
proposals-sent-again = Your proposal is sent again. An administrator reviews it; you get a notification when they decide.
proposals-saved = Your changes are saved. The proposal still waits for review.
proposals-changed-meanwhile = The proposal changed while you edited it: it is now “{ $status }”. Your changes were not saved; read it again below.
proposals-withdrawn = Your proposal is withdrawn. Nobody reviews it any more.
proposals-decided-meanwhile = The proposal was decided meanwhile: it is now “{ $status }”. It was not withdrawn.
proposals-approved-not-editable = The proposal is approved: change the draft program itself under My programs.
proposals-withdrawn-not-editable = You withdrew the proposal: it can no longer change.
proposals-decided-not-editable = The proposal is decided and can no longer change.
