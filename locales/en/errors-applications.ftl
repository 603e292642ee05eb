## What the apply and edit forms refuse

# $what names the field (a term-… word).
apply-error-enter = Enter the { $what }.
# $what names the field, $max is the most characters it takes.
apply-error-shorten = Shorten the { $what } to at most { $max } characters.
# $min is the fewest characters, $count how many were written.
apply-error-motivation-short = Tell us in at least { $min } characters why you want to take this program (you wrote { $count }).
# $max is the most characters, $count how many were written.
apply-error-motivation-long = Shorten your motivation to at most { $max } characters (you wrote { $count }).
apply-error-choose-intake = Choose the intake you want to join.
apply-error-unknown-intake = Choose one of this program's intakes.
apply-error-intake-started = This intake has already started; choose a later one.
# $date is the day the lottery's window opens.
apply-error-intake-not-open = Applications to this intake open on { $date }; choose another one or come back then.
# $date is the day the lottery's window closed.
apply-error-intake-drawn = Applications to this intake closed on { $date }, and its seats were drawn by lot; choose another intake.
apply-error-term-missing = Enter the date the term starts.
apply-error-term-not-a-date = Enter a real date, for example 15 January 2027.
apply-error-term-past = The term must start today or later.
# $date is the last day a term may start.
apply-error-term-too-far = Apply for terms starting within the next 12 months (by { $date }).
# $max is the largest amount, with its currency.
apply-error-amount-too-large = One application can ask for at most { $max }.
apply-error-accept-terms = Tick the box to accept the terms of the tuition payment.
