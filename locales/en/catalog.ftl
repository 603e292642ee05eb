# The program catalog (/programs).

catalog-title = Programs
catalog-propose = Propose a program
catalog-total = { $count ->
    [one] { $count } program paid for by the company.
   *[other] { $count } programs paid for by the company.
}
catalog-total-hint = Each card says whether you can apply.
catalog-filters = Filter programs
catalog-search = Search
catalog-search-placeholder = Name, provider or topic
catalog-kind = Kind
catalog-any-kind = Any kind
catalog-category = Category
catalog-any-category = Any category
catalog-format = Format
catalog-any-format = Any format
catalog-eligible-only = Only programs I can apply for
catalog-filter = Filter
catalog-clear = Clear filters
catalog-shown = { $count ->
    [one] { $count } program shown
   *[other] { $count } programs shown
}
catalog-none-title = No programs match
catalog-none-before = Try other filters, or
catalog-none-link = show every program
catalog-missing-title = Missing a program?
catalog-missing-before = If you know a course or a certification that would help colleagues take their next step,
catalog-missing-link = propose it
catalog-missing-middle = : an administrator reviews it, and you can run it as its owner.
catalog-missing-proposals = Your proposals
catalog-missing-after = show where each one stands.
catalog-your-application = Go to your application
catalog-your-application-to = to { $program }

eligibility-eligible = You are eligible
eligibility-from = You can apply from { $date }
eligibility-ineligible = You are not eligible

badge-submitted = Applied — submitted { $date }
badge-changes-requested = Changes requested — your turn
badge-manager-approved = Approved by your manager — the program team decides next
badge-approved = Approved — your place is confirmed
badge-waitlisted = On the waitlist

## Why someone can't apply to a program (one sentence a reason)
eligibility-not-published = This program is not published yet.
eligibility-archived = This program has been archived and takes no new applications.
# $date is the last day it took applications.
eligibility-closed = Applications closed on { $date }.
# $families lists the job families it is open to ($count of them), $yours is the reader's.
eligibility-job-family = Open to the { $families } { $count ->
        [one] job family
       *[other] job families
    }; yours is { $yours }.
# $sites lists the kinds of site it is open to ("a tech hub or a corporate office"), $yours the reader's.
eligibility-site-type = Open to people working at { $sites }; you work at { $yours }.
eligibility-full-time-only = Open to full-time employees only.
# $count is the days of service it needs, $date the day the reader will have them.
eligibility-tenure = It needs { $count ->
        [one] { $count } day of service; you will have it
       *[other] { $count } days of service; you will have them
    } on { $date }.
# $closes is the last day it takes applications, $count the days of service it needs, $date the day the reader will have them.
eligibility-closes-before-tenure = Applications close on { $closes }, before you reach the { $count ->
        [one] { $count } day
       *[other] { $count } days
    } of service it needs (on { $date }).
