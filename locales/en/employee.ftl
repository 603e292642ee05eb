# The pages of an employee: home, account, a program's page, its draw, notifications, the
# learning record, and the page links of long lists.

# Page links under a long list (templates/_pagination.html).
paging-label = Pages
# The trail of links above a page's title.
paging-breadcrumb = Breadcrumb
paging-previous = Previous
paging-next = Next
# $page is the page shown, $count how many pages there are.
paging-position = Page { $page } of { $count }

# The home page (/).
home-title = Home
home-hello = Hello, { $name }
home-lead = Grow your skills with programs paid for by the company.
# Under a number shown apart, above the words.
home-open-programs = { $count ->
   *[other] programs open to you
}
home-unread = { $count ->
   *[other] unread notifications
}
home-awaiting = waiting for your decision
home-my-applications = My applications
home-none-title = No applications yet
# "Browse the [program catalog] to see what you can apply for."
home-none-before = Browse the
home-none-link = program catalog
home-none-after = to see what you can apply for.
home-recent-caption = Your most recent applications
home-column-program = Program
home-column-status = Status
home-column-submitted = Submitted
# An approved place whose intake has started.
home-all-applications = All my applications

# The account page (/account) and its password page (/account/password).
account-title = Your account
account-profile-title = As Upskill knows you
account-name = Name
account-email = Work e-mail
account-job-title = Job title
account-site = Site type
account-manager = Manager
account-no-manager = None: the program team decides your applications
account-profile-hint = These come from the HR system. If something is wrong, ask HR to correct it there.
account-learning-text = The programs you completed, with their dates and credentials, to keep or to share.
account-email-title = E-mail
account-email-off = Upskill sends no e-mail at the moment; your choice applies once it does.
account-email-question = How do you want to hear about applications and approvals?
account-email-each = One e-mail per event
account-email-digest = One daily summary
# $hour is the hour of the day in two digits ("07").
account-email-digest-hint = Sent each day at { $hour }:00 in your time zone ({ $zone }) with everything since the last one, reminders included.
account-email-save = Save e-mail choice
account-email-saved-digest = Saved: your e-mail now comes as one daily summary.
account-email-saved-each = Saved: you now get one e-mail per event.
account-password-short-title = Password
account-password-text = You sign in with your work e-mail address and your Upskill password.
account-password-title = Change your password
account-sessions-title = Where you are signed in
account-sessions-this-one = Only in this browser.
# Two browsers or more.
account-sessions-many = In { $count } browsers, this one included.
account-sign-out-everywhere = Sign out everywhere
account-sign-out-everywhere-hint = Every browser where you are signed in, this one too, will ask you to sign in again.
account-signed-out-everywhere = You have signed out everywhere: every browser must sign in again.
account-feed-title = Calendar feed
account-feed-address = Your feed address
account-feed-address-hint = Copy it now into your calendar app (“Subscribe to calendar” or “Add calendar from URL”): Upskill shows it only this once. Keep it private: anyone who has it sees your places.
account-feed-on = Your feed is on (address made on { $date }). Calendar apps subscribed to it show the start of each intake where you have a place.
account-feed-replace = Replace the address
account-feed-replace-hint = If the address was shared or lost: you get a new one, and the old one stops working.
account-feed-turn-off = Turn the feed off
account-feed-turn-off-hint = The address stops working; calendar apps subscribed to it get nothing more.
account-feed-offer = Subscribe to your places from your calendar app (Outlook, Google Calendar, Apple Calendar): it then shows the start of each intake where you have a place, and keeps up when places change.
account-feed-create = Create a feed address
account-feed-create-hint = A private address for your calendar app, shown to you once.
account-feed-created = Your calendar feed is on. Copy its address now: it is shown only once.
account-feed-replaced = Your calendar feed has a new address and the old one no longer works. Copy the new one now: it is shown only once.
account-feed-turned-off = Your calendar feed is off: its address no longer works.
account-feed-already-off = Your calendar feed was already off.
account-password-current = Current password
account-password-new = New password
account-password-new-hint = At least { $count } characters, any you like. A few words you will remember, with spaces, make a good one; very common passwords are refused.
account-password-again = The new password again
account-password-others-hint = Every other browser where you are signed in will have to sign in again; this one stays signed in.
account-password-save = Change password
account-cancel = Cancel
account-password-not-current = This is not your current password.
account-password-differ = The two new passwords differ. Type the same password twice.
account-password-same = Choose a password other than your current one.
account-password-changed = Your password is changed.
# $count other browsers (one or more) were signed out.
account-password-changed-elsewhere = { $count ->
    [one] Your password is changed, and you are signed out of { $count } other browser.
   *[other] Your password is changed, and you are signed out of { $count } other browsers.
}

# The learning record (/account/learning-record), and its table on a person's record.
record-title = Your learning record
record-short-title = Learning record
record-download = Download as CSV
record-lead = Every program you completed, confirmed by its program team or accepted with its credential.
record-caption = Programs you completed, the latest first
record-empty = No completed program yet. A program appears here once its completion is confirmed.
record-column-program = Program
record-column-completed = Completed on
record-column-credential = Credential
# A credential's identifier as its issuer gave it.
record-credential-id = ID { $id }
record-verify = Verify

# The notifications (/notifications).
notifications-title = Notifications
notifications-mark-all = Mark all as read
notifications-none-title = Nothing yet
notifications-none-text = When something happens to your applications, or something waits for your decision, it shows up here.
notifications-new = New
notifications-open-application = Open the application
notifications-mark-read = Mark as read
# The notification's text, read after "Mark as read" by screen readers.
notifications-quoted = “{ $text }”
notifications-already-read = That notification was already read.
notifications-marked = Marked as read.
notifications-nothing-unread = Nothing was unread.
notifications-marked-count = { $count ->
    [one] { $count } notification marked as read.
   *[other] { $count } notifications marked as read.
}

# A program's page (/programs/<slug>).
program-about = About the program
program-provider = Provider
program-duration = Duration
program-weeks = { $count ->
    [one] { $count } week
   *[other] { $count } weeks
}
program-approval = Approval
program-approval-manager-then-team = Your manager approves, then the program team confirms your place.
program-approval-manager = Your manager approves.
program-approval-team = The program team approves.
program-approval-none = No approval needed: your place is confirmed when you apply.
program-who-can-apply = Who can apply
program-rule-tenure = { $count ->
    [one] At least { $count } day of service.
   *[other] At least { $count } days of service.
}
# $names: the job families, joined with commas.
program-rule-job-families = Job families: { $names }.
program-rule-sites = Sites: { $names }.
program-rule-full-time = Full-time employees only.
program-rule-everyone = Every employee.
program-window = Application window
program-window-opens = Applications open on { $date }.
program-window-closes = Applications close on { $date }.
# "Applications open from <date> to <date>.", in two parts.
program-window-from = Applications open from { $date }
program-date-to = to { $date }.
program-when-you-finish = When you finish
program-funding = Funding
# "The company pays <percent>% of tuition, up to <cap> ... for full-time employees and <cap>
# for part-time employees.", in two parts: $count is the percentage.
program-funding-full-time = The company pays { $count }% of tuition, up to { $cap } per calendar year for full-time employees
program-funding-part-time = and { $cap } for part-time employees.
# "You have <left> of <cap> left for <year>.", in two parts: $year is the year.
program-funding-left = You have { $left }
program-funding-left-of = of { $cap } left for { $year }.
program-funding-hint = For a term that starts in that year, after your approved requests and those still waiting for a decision.
program-free = Free to you: the company covers the cost of the program.
program-intakes = Intakes
program-no-intakes-title = No intakes scheduled
program-no-intakes-text = The program team has not scheduled the next intake yet.
program-intakes-caption = Intakes of { $program }
program-column-intake = Intake
program-column-starts = Starts
program-column-seats = Seats
program-column-seats-left = Seats left
program-full = Full — waitlist
# "Seats drawn by lot; applications from <date> to <date>.", in two parts (with program-date-to).
program-lottery-from = Seats drawn by lot; applications from { $date }
program-your-application = Your application
program-can-i-apply = Can I apply?
program-apply = Apply to { $program }

# The seat draw of a lottery intake (/programs/<slug>/intakes/<id>/draw).
draw-title = Seat draw of { $intake }
draw-how = { $count ->
    [one] How the { $count } seat is given
   *[other] How the { $count } seats are given
}
# "Applications were taken from <date> to <date>, and ... in that order[, people ... drawn].",
# in parts (draw-rules-first-time only for intakes that put first-timers first); after the draw.
draw-rules-drawn-from = Applications were taken from { $date }
draw-rules-drawn = to { $date }, and every application approved by then was in the draw. The day after the close, the seats were drawn by lot, once: the first in the order drawn got the seats, and the others make up the waitlist in that order
# The same, before the draw.
draw-rules-from = Applications are taken from { $date }
draw-rules = to { $date }, and every application approved by then is in the draw. The day after the close, the seats are drawn by lot, once: the first in the order drawn get the seats, and the others make up the waitlist in that order
draw-rules-first-time = , people who completed no program in the 12 months before the close first, then the others, each group in the order drawn
draw-yours-waiting = Your application is in the draw.
# $count is the application's position in the order drawn.
draw-yours-seat = Your application is number { $count } in the order drawn: it got a seat.
draw-yours-waitlist = Your application is number { $count } in the order drawn: it went on the waitlist.
draw-drawn = Drawn
draw-in-draw = In the draw
draw-applications = { $count ->
    [one] { $count } application
   *[other] { $count } applications
}
draw-seed = Seed
draw-check-title = Checking it yourself
# "The seed is ... followed by [|] and the closing date [2027-03-01]. It is the key ... run
# [upskill verify-draw --intake 7], which redoes ... matches.", in parts around the code.
draw-check-seed = The seed is the SHA-256 of the application numbers below, sorted from smallest to largest and joined with commas, followed by
draw-check-closing-date = and the closing date
draw-check-generator = It is the key of the ChaCha20 generator whose numbers shuffle the sorted list (Fisher–Yates, from the last position to the second). Upskill's operators run
draw-check-command = which redoes the draw from this data and says whether it matches.
draw-not-yet = { $count ->
    [one] Not drawn yet: { $count } approved application is in the draw so far. The seed and the order drawn appear here the day after { $date }.
   *[other] Not drawn yet: { $count } approved applications are in the draw so far. The seed and the order drawn appear here the day after { $date }.
}
draw-order = The order drawn
draw-order-caption = Applications in the order drawn, with the result of each; no names
draw-column-position = Position
draw-column-application = Application no.
draw-column-employee = Employee no.
draw-column-completed-recently = Completed a program in the last 12 months
draw-column-result = Result
# After the viewer's own employee number.
draw-you = (you)
draw-yes = Yes
draw-no = No
draw-result-seat = A seat
draw-result-waitlist = Waitlist
