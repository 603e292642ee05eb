# Chart descriptions and figures in words: the dashboard, the conversion table, the budget forecast.

## The dashboard's monthly chart, in words

chart-months-none = No applications yet.
# One month: "In November 2026: 1 application, of which 0 completed, 1 approved, …". $groups joins the chart-months-<group> phrases below.
chart-months-one = In { $month }: { $count ->
    [one] { $count } application
   *[other] { $count } applications
}, of which { $groups }.
# Several months, and the one with the most applications ($busiest, with $most).
chart-months = From { $first } to { $last }: { $count ->
    [one] { $count } application
   *[other] { $count } applications
}, of which { $groups }. The busiest month was { $busiest } with { $most }.
# How many applications of the months shown stand in each status group now.
chart-months-completed = { $count } completed
chart-months-approved = { $count } approved
chart-months-not-completed = { $count } not completed
chart-months-in-review = { $count } in review
chart-months-rejected = { $count } rejected
chart-months-withdrawn = { $count } withdrawn

## The dashboard's bar charts, in words

# The funnel: $count submitted; $placed approved, $finished completed, $moved in a new role; each share is of the submitted.
chart-funnel = { $count ->
    [one] { $count } application submitted
   *[other] { $count } applications submitted
}; { $placed } ({ $placed_share }) approved, { $finished } ({ $finished_share }) completed and { $moved } ({ $moved_share }) moved into a new role.
# A count chart: "Applications by site type: Tech hub 2 and Retail store 1." $what is one of chart-by-*; $counts joins chart-counts-item.
chart-counts = Applications by { $what }: { $counts }.
chart-counts-item = { $label } { $count }
chart-by-site-type = site type
chart-by-program = program

## The budget forecast, in words

forecast-so-far = So far { $committed } committed ({ $share } of the { $budget } budget) and { $paid } paid.
forecast-passed = The deadline, { $deadline }, has passed.
# At the pace of the last $days days: $committed and $paid are the totals forecast for the deadline; $share is $committed's share of the budget.
forecast-pace = At the pace of the last { $days } days ({ $committed_daily } committed and { $paid_daily } paid a day), commitments reach { $committed } by the deadline, { $deadline } ({ $share } of the budget), and payments { $paid }.
forecast-budget-reached = The budget would be fully committed on { $date }.

## Tables

# "120 of 150": participants compared, of those whose outcome is known.
conversion-of = { $part } of { $whole }
