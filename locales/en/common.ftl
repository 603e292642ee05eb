# The words of every page: the layout, the language switcher, the error pages, and the
# names of the vocabularies a page shows (a program's kind, category and format, an
# application's status).

site-name = Upskill
skip-to-main = Skip to main content
nav-main = Main
nav-home = Home
nav-programs = Programs
nav-applications = My applications
nav-notifications = Notifications
nav-unread = { $count } unread
nav-approvals = Approvals
# $shown is the number, or "99+" past 99.
nav-waiting = { $shown } waiting
nav-team = Team
nav-admin = Admin
nav-my-programs = My programs
account-link = { $name }, your account
sign-out = Sign out
footer-about = Upskill — programs, applications and approvals for the upskilling pledge.
footer-language = Language
footer-language-save = Show Upskill in this language
# The language's name in itself, as the switcher lists it.
language-own-name = English

error-400-title = The request could not be read
error-400-message = Something in the request was not what this page expects. Go back and try again.
error-403-title = You can't do that
error-403-message = You don't have permission for this page or action. If the form was open for a long time, reload it and try again.
error-404-title = Page not found
error-404-message = There is nothing here, or it is not yours to see. Check the address, or start again from the home page.
error-405-title = That doesn't work here
error-405-message = This address exists, but not for that kind of request. Use the page's own links and buttons.
error-413-title = That was too large
error-413-message = The form sent more data than this page accepts.
error-415-title = The request could not be read
error-415-message = This page reads forms sent by its own page, not data of another kind.
error-429-title = Too many attempts
error-429-message = There have been too many sign-in attempts. Wait a few minutes, then try again.
error-503-title = Upskill is unavailable
error-503-message = Upskill cannot reach or write to its database right now. Nothing you sent was saved; try again in a minute.
error-500-title = Something went wrong
error-500-message = An unexpected error stopped this page. It has been logged; try again in a moment.
error-reference = Reference:
error-reference-quote = Quote it if you contact support.
error-home = Go to the home page


language-saved = Upskill now speaks English to you, on every browser.

account-language-title = Language
account-language-question = In which language should Upskill speak to you?
account-language-browser = As my browser asks
account-language-save = Save language
account-zone-title = Time zone
account-zone-text = Times on these pages and in your e-mail are shown in your time zone; your reminders and daily summary follow its clock. Dates such as the start of an intake stay as they are.
account-zone-label = Your time zone
account-zone-default = The organisation's: { $zone }
# $zone is an IANA name with spaces ("America/Los Angeles"), $offset its difference from UTC now ("UTC-08:00").
account-zone-option = { $zone } ({ $offset })
account-zone-save = Save time zone
# $zone: the time zone's name ("America/Los_Angeles"); $time: the time there now, with its abbreviation.
zone-saved = Times are now shown in { $zone } (now: { $time }).

# An instant on the reader's clock: $time is "26 November 2026 at 06:05", $zone the time zone's abbreviation then ("PST", "CET", "-03").
time-in-zone = { $time } { $zone }
# An amount of money: $amount is the number as the language writes it, "1,234.50".
money = ${ $amount }
# A share: $value is "12.5" or "2,000".
percent = { $value }%
# A share too small to show as 0.1% (never written "0%").
percent-tiny = less than 0.1%
