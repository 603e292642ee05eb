## What the rules say about the program form and the intake form of the administrators

# Words that name a field of the program form in a message several fields share ($what).
term-program-summary = summary
term-program-provider = provider
term-program-duration-weeks = duration in weeks
term-program-min-tenure-days = days of service
term-program-tuition-percent = tuition percentage

# A text field of the program form: $what names the field (a term above or in errors.ftl);
# $min and $max are the fewest and most characters it takes, $length how many it has.
program-error-text-empty = Enter the { $what }.
program-error-text-too-short = The { $what } needs at least { $min } characters.
program-error-text-too-long = Shorten the { $what } to at most { $max } characters (it has { $length }).

# A choice that is not one of the list: the list names the choices.
program-error-kind = Choose the kind: { program-kind-cohort }, { program-kind-self-paced }, { program-kind-tuition }.
program-error-category = Choose the category: { category-technical }, { category-non-technical }.
program-error-format = Choose the format: { format-on-site }, { format-online }, { format-hybrid }.

# A number field: $what names the field; $min and $max are the smallest and largest numbers accepted.
program-error-number = Enter the { $what } as a whole number from { $min } to { $max }.

# $max: the largest yearly tuition cap accepted, an amount of money.
program-error-cap-too-large = A yearly cap can be at most { $max }.
program-error-date = Enter a real date, for example 15 January 2027, or leave it empty.
program-error-slug = Use 3 to 60 lower-case letters, digits and hyphens, for example data-analytics-bootcamp.
program-error-job-families = Tick job families from the list.
program-error-site-types = Tick site types from the list.
program-error-tuition-percent = A tuition program pays a share of tuition: enter a percentage from 1 to 100.
program-error-cap-full-time = Enter the yearly cap for full-time employees.
program-error-closes-before-opens = Applications must close on or after the day they open.
program-error-completion-evidence = Choose what someone who finished sends.
program-error-verified-by = Choose who confirms a completion.
program-error-auto-needs-credential = Only credential details can be accepted automatically: choose the program team, or ask for credential details.
# $max: the most characters the note on what to send takes.
program-error-note-too-long = Shorten the note to at most { $max } characters.
# $max: the most job-title keywords a program names.
program-error-too-many-keywords = Name at most { $max } keywords.
# $max: the most characters one job-title keyword takes.
program-error-keyword-too-long = Keep each keyword to at most { $max } characters, and separate them with commas.

# A web address that is refused (where to start a course, a credential's verification page).
program-error-url-not-https = Enter an address that starts with https://, for example https://skillbuilder.aws/.
program-error-url-not-web = Enter a web address: one that starts with https:// or http://.
# $max: the most characters an address takes.
program-error-url-too-long = Shorten the address to at most { $max } characters.
program-error-url-characters = The address can't contain spaces, quotes or angle brackets.
program-error-url-credentials = Leave the user name and password out of the address.
program-error-url-host = Enter the address of a web site, for example https://skillbuilder.aws/.

## The intake form (/admin/programs/{slug}/intakes)

# $max: the most working days an offered seat waits for its answer.
intake-error-offer-days = Enter a number of working days from 1 to { $max }.
intake-error-freed-seats = Choose how a freed seat goes to the waitlist.
intake-error-name = Enter a name of 2 to 120 characters, for example “Spring 2027 cohort”.
intake-error-starts-not-after-today = A new intake must start after today.
intake-error-starts-on = Enter a real start date, for example 1 March 2027.
# $max: the most seats an intake may have.
intake-error-seats = Enter a number of seats from 0 to { $max }.
intake-error-allocation = Choose how the seats are given.
intake-error-opens-on = Enter the first day applications are taken, for example 1 February 2027.
intake-error-closes-on = Enter the last day applications are taken, for example 14 February 2027.
intake-error-closes-before-opens = The window closes on or after the day it opens.
intake-error-closes-not-before-start = The window closes before the intake starts, so the seats are drawn in time.
intake-error-closes-before-today = A new lottery closes today or later.
intake-error-priority = Choose who goes first in the draw.
