## What the rules say about a completion's evidence and a tuition payment

# Words that name a field in the messages below ($what).
term-completion-date = completion date
term-completion-date-earned = date earned
term-completion-credential-name = name of the credential
term-completion-credential-id = credential ID or certificate number
term-completion-verification-address = verification address

# A completion date out of its window; $what names the date (term-completion-date or
# term-completion-date-earned), $example is today as typed (2027-03-15), $start is the
# day the intake or the term started, or the day the person applied.
completion-error-date-empty = Enter the { $what }.
completion-error-date-invalid = Enter the { $what } as a real date, for example { $example }.
completion-error-date-future = The { $what } can't be in the future.
completion-error-date-before-intake = The { $what } can't be before the intake started, on { $start }.
completion-error-date-before-term = The { $what } can't be before the term started, on { $start }.
completion-error-date-before-application = The { $what } can't be before the application, on { $start }.

# A credential's name or ID, empty or too long; $what names the field, $max is the most characters kept.
completion-error-line-empty = Enter the { $what }.
completion-error-line-too-long = Shorten the { $what } to at most { $max } characters.
# $max is the most characters kept.
completion-error-address-too-long = Shorten the address to at most { $max } characters.

completion-error-file-missing = Attach your evidence first: a PDF, PNG or JPEG file.
completion-error-confirm-unticked = Tick the box to confirm: a completion can't be undone.
# The program team asks for changes, or closes a place, without a comment.
completion-error-comment-evidence = Say what should change in the evidence.
completion-error-comment-not-completed = Say why the program was not completed.
completion-error-not-completed-unticked = Tick the box to confirm: closing a place as not completed can't be undone.

## A tuition payment

# An invoice number or a reference too long; $what names the field, $max is the most characters kept.
payment-error-too-long = The { $what } can have at most { $max } characters.
payment-error-invoice-number-empty = Enter the school’s invoice number, for example INV-2027-0042.
payment-error-date-future = The payment date can’t be in the future.
# $date is the day the application was approved.
payment-error-date-before-approval = The payment date can’t be before the application was approved, on { $date }.
payment-error-date-invalid = Enter the date the school was paid, for example 15 March 2027.
# $covered is the amount the company covers.
payment-error-paid-in-full = The { $covered } the company covers is paid in full: nothing is left to pay.
# $left is what is left to pay of the $covered amount the company covers.
payment-error-more-than-left = That is more than is left to pay: { $left } of the { $covered } covered.
# $invoice is the invoice number typed.
payment-error-invoice-taken = Invoice { $invoice } is already recorded on this application.

## What someone who finished a program sends (the program's own note follows)
completion-send-nothing = Nothing to send: the program team records your completion when you finish.
completion-send-file = When you finish, attach your evidence to your application and send it to the program team to check.
completion-send-credential-auto = When you finish, record your credential on your application: it is accepted at once.
completion-send-credential-team = When you finish, record your credential on your application for the program team to check.
