# The words every form shares (templates/_forms.html): the list of the fields to correct,
# the note on required fields, and what the page's title starts with when a form was refused.

forms-correct = { $count ->
    [one] Please correct { $count } field:
   *[other] Please correct { $count } fields:
}
forms-required-note = All fields are required unless marked (optional).
# Before the page's title (a space follows it).
forms-error-title = Error:
