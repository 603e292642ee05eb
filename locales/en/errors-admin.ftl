## What the forms of administrators and managers refuse: a person's record, a delegation, a program's budget, the pledge, a proposal and its decision

## a person's record (/admin/people)

# Words that name a field in a shared message ($what of text-invisible).
term-person-email = e-mail address
person-error-email-empty = Enter an e-mail address.
# $address is the address as typed (cut short when long).
person-error-email-invalid = "{ $address }" is not an e-mail address.
person-error-name = Enter the person's name (at most 120 characters).
person-error-job-title-long = Shorten the job title to at most 120 characters.
# The choices are the names of the vocabulary (vocabulary.ftl).
person-error-job-family = Choose one of: { job-family-fulfillment }, { job-family-operations }, { job-family-corporate }, { job-family-technical }, { job-family-retail }, { job-family-transportation }.
# The choices are the names of the vocabulary (vocabulary.ftl).
person-error-site-type = Choose one of: { site-type-fulfillment-center }, { site-type-corporate-office }, { site-type-tech-hub }, { site-type-retail-store }, { site-type-transportation-network }.
# The choices are the names of the vocabulary (vocabulary.ftl).
person-error-employment-type = Choose one of: { employment-type-full-time }, { employment-type-part-time }.
person-error-hire-date-future = The hire date can't be in the future.
person-error-hire-date-invalid = Enter a real hire date, for example 1 April 2021.

## a manager's delegation (/team)

# The two dates of a delegation ($what of the date messages below).
term-delegation-first-day = first day
term-delegation-last-day = last day
# $what is the date (a term-delegation-… word).
delegation-error-date-missing = Enter the { $what } of the delegation.
# $what is the date (a term-delegation-… word).
delegation-error-date-invalid = Enter the { $what } as a real date, for example 15 January 2027.
delegation-error-start-past = The delegation can't start in the past.
delegation-error-end-before-start = The last day must be on or after the first day.
delegation-error-too-long = A delegation can last at most a year.
delegation-error-unknown-address = Nobody at the company has this e-mail address.
delegation-error-self = Choose someone other than yourself.
delegation-error-left = This person no longer works here.
delegation-error-not-a-decider = Choose another manager or a program administrator.

## a program's budget fields (the program form)

# The kinds of program as budget-error-seats-cohort-only names them ($kind: "for a tuition program").
term-budget-kind-cohort = cohort
term-budget-kind-self-paced = self-paced
term-budget-kind-tuition = tuition
budget-error-annual-not-positive = A budget must be more than zero: enter it in dollars, for example 250000, or leave it empty for no budget.
# $max is the largest yearly budget, with its currency.
budget-error-annual-too-large = A program's yearly budget can be at most { $max }: check the amount.
budget-error-self-paced = A self-paced program commits no tuition and no seats, so a budget would count nothing: leave it empty.
budget-error-seat-not-positive = A cost per seat must be more than zero: enter it in dollars, for example 12000, or leave it empty.
# $max is the largest cost of one seat, with its currency.
budget-error-seat-too-large = A seat can cost at most { $max }: check the amount.
# $kind is the program's kind (a term-budget-kind-… word).
budget-error-seats-cohort-only = Only cohort programs have seats: leave the cost per seat empty for a { $kind } program.
budget-error-seat-cost-missing = Enter the cost of one seat: a cohort program's budget counts its places at that cost.

## the pledge's settings (/admin/settings)

pledge-error-target-missing = Enter how many employees the pledge trains, for example 100000.
pledge-error-target-not-whole = Enter a whole number of employees, for example 100000.
pledge-error-target-too-small = The target must be at least 1 employee.
# $max is the largest target, a number of employees.
pledge-error-target-too-large = The target can be at most { $max } employees.
pledge-error-budget-missing = Enter the budget in dollars, for example 700000000.
pledge-error-budget-not-a-number = Enter the budget as a number of dollars, for example 700000000.
pledge-error-budget-too-many-decimals = Use at most two digits for cents, for example 700000000.50.
pledge-error-budget-not-positive = The budget must be more than zero.
# $max is the largest budget, with its currency.
pledge-error-budget-too-large = The budget can be at most { $max }.
pledge-error-deadline-missing = Enter the date of the deadline.
pledge-error-deadline-out-of-range = Enter a deadline between the years 2000 and 2100.
pledge-error-deadline-invalid = Enter a real date, for example 31 December 2025.

## a program proposal and the administrators' decision on it

# Words that name a field of the proposal form in a shared message ($what).
term-proposal-summary = summary
term-proposal-kind = kind
term-proposal-audience = description of who it is for
term-proposal-experience = description of your experience
proposal-error-cost-missing = Enter what one person's place would cost, in dollars: 0 if it is free.
# $max is the largest expected cost of one place, with its currency.
proposal-error-cost-too-large = Enter at most { $max } for one person's place.
# $max is the most characters a comment takes.
proposal-error-comment-long = Shorten the comment to at most { $max } characters.
proposal-error-changes-need-comment = Say what the proposer should change.
proposal-error-decline-needs-reason = Give the reason for declining: the proposer reads it.
proposal-error-choose-decision = Choose a decision: approve, ask for changes, or decline.

## The program team's search for a person
# $max is the most characters a search takes.
team-error-search-length = Type at most { $max } characters.
team-error-search-characters = Type a name or an e-mail address, without control characters.
