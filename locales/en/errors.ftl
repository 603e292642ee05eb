## What the rules say about a form's values, shared by every form

# Words that name a field in a message several fields share ($what below).
term-name = name
term-comment = comment
term-reason = reason
term-motivation = motivation
term-job-title = job title
term-description = description
term-title-keywords = title keywords
term-completion-note = note on what to send
term-search = search
term-institution = name of the school or college
term-course-title = course title
term-invoice-number = invoice number
term-reference = reference

# A text that can't be stored or shown as typed; $what names the field.
text-nul = The { $what } contains a NUL character, which can't be stored: remove it.
text-line-break = The { $what } must fit on one line: remove the line breaks.
text-control = The { $what } can't contain tabs or other control characters.
text-invisible = The { $what } contains an invisible character (such as a zero-width space or a text-direction mark): type it again without it.

# An amount of money that does not read as one.
money-empty = Enter an amount in dollars, for example 1234.50.
money-not-a-number = Enter the amount as a number of dollars, for example 1234.50.
money-too-many-decimals = Use at most two digits for cents, for example 1234.50.
money-not-positive = The amount must be more than zero.
money-too-large = The amount is too large.

# A new password the rules refuse.
password-error-missing = Enter a new password.
# $min is the fewest characters a password takes.
password-error-too-short = Use at least { $min } characters. A few words you will remember, with spaces, make a good one.
# $max is the most characters a password takes.
password-error-too-long = Use at most { $max } characters.
password-error-common = This is one of the most common passwords, which are guessed first. Choose another.
password-error-common-with-additions = This is a common password with digits or symbols added, which are guessed early. Choose another.
password-error-one-character = Use more than one character over and over.
password-error-same-as-email = Choose a password that is not your e-mail address.
