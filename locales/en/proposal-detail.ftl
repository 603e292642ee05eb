## A proposal's page (templates/proposals/detail.html): what it says, where it stands,
## its timeline, and the administrators' decision with what they are told after it.

# The page's title and heading; $name is the proposal's name.
proposal-detail-title-own = Your proposal: { $name }
# $proposer is the name of who proposed it, $name the proposal's name.
proposal-detail-title-other = { $proposer }’s proposal: { $name }
# The last step of the breadcrumb; $id is the proposal's number.
proposal-detail-crumb = Proposal { $id }

## What comes next, after the proposal's status

proposal-detail-next-submitted-own = An administrator reviews it; you get a notification when they decide. You can still change it.
proposal-detail-next-submitted-other = It waits for an administrator’s decision.
proposal-detail-next-changes-own = Read the comment below, change the proposal and send it again.
proposal-detail-next-changes-other = The proposer is asked to change it and send it again.
proposal-detail-next-published = The program made from it is in the catalog.
proposal-detail-next-draft-own = It is a draft program now, and you are its owner: complete it, then ask an administrator to publish it.
proposal-detail-next-draft-other = It is a draft program now.
proposal-detail-next-declined = The reason is in the timeline below.
proposal-detail-next-withdrawn-own = You withdrew it: nobody reviews it any more.
proposal-detail-next-withdrawn-other = The proposer withdrew it.

## The proposal and its timeline

proposal-detail-heading = The proposal
proposal-detail-proposed-by = Proposed by
proposal-detail-expected-cost = Expected cost of a place
proposal-detail-proposer-experience = The proposer’s experience
proposal-detail-timeline = Timeline

## What the viewer can do

proposal-detail-your-decision = Your decision
proposal-detail-what-you-can-do = What you can do
proposal-detail-decision = Decision
proposal-detail-approve = Approve: a draft program is made from it, owned by the proposer
proposal-detail-request-changes = Ask for changes: the proposer changes it and sends it again
proposal-detail-decline = Decline: the proposal ends here
proposal-detail-comment = Comment
proposal-detail-comment-hint = The proposer reads it. Needed to ask for changes (what to change) or to decline (why).
proposal-detail-record = Record the decision
# Followed by the program's name and, in brackets, its status.
proposal-detail-program-made = The program made from this proposal:
proposal-detail-see-in-catalog = See it in the catalog
proposal-detail-complete-program = Complete the program
proposal-detail-open-program = Open the program
proposal-detail-change-and-send = Change and send again
proposal-detail-change = Change the proposal
proposal-detail-withdraw = Withdraw the proposal…
proposal-detail-nothing-more = Nothing more: the proposal is decided.
proposal-detail-back-own = Back to my proposals
proposal-detail-back-admin = Back to the proposals

## After a decision

proposal-detail-withdrawn-meanwhile = The proposer withdrew the proposal: nothing was decided.
# $status is the proposal's status now.
proposal-detail-decided-meanwhile = Another administrator decided meanwhile: the proposal is now “{ $status }”. Nothing was changed.
# $name is the proposal's name, $slug the draft program's address name.
proposal-detail-approved = { $name } is approved: it is a draft program ({ $slug }) owned by its proposer, who completes it and asks to publish it.
# $name is the proposal's name.
proposal-detail-changes-requested = Changes are asked for on { $name }: the proposer is told and can send it again.
# $name is the proposal's name.
proposal-detail-declined = { $name } is declined: the proposer is told the reason.
