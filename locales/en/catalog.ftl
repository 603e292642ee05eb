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
