## A program's team: who runs the program, and the people picker administrators name
## its owners and coordinators with (templates/admin/program_team.html).

# $program: the program's name.
program-team-title = Team of { $program }
program-team-lead = The team runs the program: it edits the program and its intakes, decides the program team's approvals, checks evidence of completion, records payments and sees the program's applications — and nothing of other programs. Owners answer for the program; coordinators help run it. Administrators name the team.

## Who is on the team

program-team-members = On the team
program-team-none = Nobody is on this program's team yet. Until someone is, what waits for the program team (approvals, evidence, reminders) goes to every administrator.
program-team-caption = The program's team, owners first
program-team-name = Name
program-team-email = E-mail
program-team-role = Role
program-team-change = Change
# Under the name of someone who left the company.
program-team-left = No longer works here
# A button; $role: the role's name, lower case ("owner"). Screen readers then read the person's name.
program-team-make = Make { $role }
program-team-remove = Remove
# Read by screen readers after "Remove"; $name: the person's name.
program-team-remove-context = { $name } from the team

## Adding someone (administrators)

program-team-add = Add someone
program-team-find-label = Find people to add
program-team-name-or-email = Name or e-mail
program-team-name-or-email-hint = Part of the name, or the start of the e-mail address.
program-team-find = Find
# $search: what was typed.
program-team-found-none = Nobody's name or e-mail matches “{ $search }”.
# More people match than the list shows; $count: how many it shows, $search: what was typed.
program-team-found-more = { $count ->
    [one] The first match of “{ $search }”; type more of the name to narrow it.
   *[other] The first { $count } matches of “{ $search }”; type more of the name to narrow it.
}
# $count: how many people match, $search: what was typed.
program-team-found = { $count ->
    [one] { $count } match for “{ $search }”.
   *[other] { $count } matches for “{ $search }”.
}
# A person found who left the company.
program-team-left-sentence = No longer works here.
# $role: the role's name, lower case ("owner").
program-team-on-team-as = On the team as { $role }.
# A button; $role: the role's name, lower case ("coordinator"). Screen readers then read the person's name.
program-team-add-as = Add as { $role }

## What a change to the team did (a message on the page after it)

# $name: the person's name.
program-team-cannot-join = { $name } no longer works here and cannot join the team.
# $name: the person's name, $role: the role's name, lower case ("coordinator").
program-team-added = { $name } is on the team as { $role }.
# $name: the person's name, $role: the role's name, lower case ("owner").
program-team-role-changed = { $name } is now the team's { $role }.
# $name: the person's name, $role: the role's name, lower case ("owner").
program-team-unchanged = { $name } was already the team's { $role }.
# $name: the person's name.
program-team-removed = { $name } is no longer on the team.
# $name: the person's name.
program-team-not-member = { $name } was not on the team.
