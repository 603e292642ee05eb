# The words of records: periods, an employee's job history, the import's line-by-line problems, waitlist reasons.

## The dashboard's period (src/domain/period.rs): whole months, either end open.
# $from, $to and $month are a month and its year, "March 2026".
period-all-time = all time
period-from = from { $from }
period-until = until { $to }
period-one-month = { $month }
period-between = { $from } to { $to }

## An employee's job history, one sentence per change (src/domain/history.rs).
# The first row: $title is the job title (or term-history-no-job-title), $family, $site
# and $employment are named from the vocabularies, $manager is a name (or
# term-history-no-manager).
history-first = First record: { $title }, { $family }, { $site }, { $employment }; manager: { $manager }
# The same, for someone recorded as having left: $left is history-left or history-left-for.
history-first-and-left = First record: { $title }, { $family }, { $site }, { $employment }; manager: { $manager }; { $left }
# A value that changed: $old before, $new after.
history-job-title = Job title: { $old } → { $new }
history-job-family = Job family: { $old } → { $new }
history-site-type = Site type: { $old } → { $new }
history-employment-type = Employment type: { $old } → { $new }
history-manager = Manager: { $old } → { $new }
# $date is the day they left; $reason the leaving reason ("voluntary").
history-left = Left the company on { $date }
history-left-for = Left the company ({ $reason }) on { $date }
history-rejoined = Rejoined the company on { $date }
# Two rows alike (a change and its undoing were not recorded between them).
history-no-change = No change to the job
term-history-no-job-title = (no job title)
term-history-no-manager = no manager

## The employee import's problems with one line of the file (src/domain/import/).
# A problem where it is: $line is the file's line number, $column the column's name as
# the file writes it, $problem one of the messages below.
import-line-at = line { $line }: { $problem }
import-line-at-column = line { $line }, { $column }: { $problem }
import-line-email-missing = The e-mail address is missing.
import-line-name-empty = The name is empty.
# $what names the field (term-name, term-job-title), $max is the most characters.
import-line-too-long = The { $what } is longer than { $max } characters.
# $allowed lists the values the file may write; $value is what it wrote.
import-line-job-family-missing = The job family is missing; use one of: { $allowed }.
import-line-job-family-unknown = "{ $value }" is not a job family; use one of: { $allowed }.
import-line-site-type-missing = The site type is missing; use one of: { $allowed }.
import-line-site-type-unknown = "{ $value }" is not a site type; use one of: { $allowed }.
import-line-employment-type-missing = The employment type is missing; use one of: { $allowed }.
import-line-employment-type-unknown = "{ $value }" is not an employment type; use one of: { $allowed }.
import-line-leaving-reason-missing = The leaving reason is missing; use one of: { $allowed }.
import-line-leaving-reason-unknown = "{ $value }" is not a leaving reason; use one of: { $allowed }.
import-line-flag = "{ $value }" is not yes or no; write true, false, yes, no, 1, 0, or leave it empty (no).
import-line-hire-date-missing = The hire date is missing; write it as YYYY-MM-DD.
# $date is the date written, $today today's (both as YYYY-MM-DD, as the file writes them).
import-line-hire-date-future = { $date } is in the future: a hire date can't be after today ({ $today }).
import-line-effective-date-future = { $date } is in the future: an effective date can't be after today ({ $today }).
import-line-left-on-future = { $date } is in the future: a leaving date can't be after today ({ $today }).
import-line-not-a-date = "{ $value }" is not a date; write it as YYYY-MM-DD, for example 2021-03-05.
import-line-left-on-missing = The leaving date is missing: a leaving reason needs the day they left.
import-line-own-manager = A person can't be their own manager.
# $count is how many values the line has.
import-line-too-few-values = { $count ->
    [one] This line has { $count } value where the header names more columns; check its commas and quotes.
   *[other] This line has { $count } values where the header names more columns; check its commas and quotes.
}
# $error is the CSV reader's own description of the fault (in English).
import-line-not-csv = This line can't be read as CSV ({ $error }).
# $line is the line where the address first appears.
import-line-email-twice = This e-mail address is already on line { $line }.
# $circle is the e-mail addresses, each followed by its manager's ("a → b → a").
import-line-circle = These people would manage each other in a circle: { $circle }.
# The same for a long circle: $circle is its first addresses, $count how many people it has.
import-line-circle-cut = These people would manage each other in a circle: { $circle } → … ({ $count } people).
# $manager is the manager's e-mail address.
import-line-manager-inactive = { $manager } no longer works here (their account is inactive), so they can't be a manager.
import-line-manager-unknown = Nobody with the address { $manager } is in the file or in Upskill.
import-line-own-admin-rights = You can't take away your own administrator rights with an import; ask another administrator.
import-line-own-departure = You can't record your own departure with an import; ask another administrator.

## Problems with the import's file as a whole: nothing is imported.
# $size is the header line's size in KB, $columns the columns the import reads, $max
# the most KB a header may have.
import-refused-header-too-long = The header line is { $size } KB long; an HR export's first line names its columns ({ $columns }) in well under { $max } KB. Check that this is the right file.
# $columns is the header the file needs.
import-refused-empty = The file is empty: it needs a header line ({ $columns }).
# $error is the CSV reader's own description of the fault (in English).
import-refused-header-not-csv = The header line can't be read as CSV ({ $error }).
# $count is how many columns the header has, $needed how many the import reads
# ($columns), $max the most a header may have.
import-refused-too-many-columns = The header line has { $count } columns; an HR export has the { $needed } columns { $columns } and at most { $max } in all. Check that this is the right file.
import-refused-column-twice = The column { $column } appears twice in the header.
# $count is how many columns are missing, $missing their names, $columns every column read.
import-refused-columns-missing = { $count ->
    [one] The header lacks the column { $missing }. The first line must name the columns { $columns }.
   *[other] The header lacks the columns { $missing }. The first line must name the columns { $columns }.
}
import-refused-nobody = The file has a header but nobody in it.
# $email is the address of the administrator importing the file.
import-refused-importer-missing = You ({ $email }) are not in the file, so the import would make you leave; a full HR file lists everyone who works here.
# $count is how many people would leave, $active how many are active, $percent the most
# that may leave without --force.
import-refused-too-many-leave = { $count } of the { $active } active people would leave (more than { $percent }%): check that this is the full HR file, or import it with --force.
import-refused-no-admin = This file would leave Upskill without an administrator: mark at least one person is_admin=true.
import-refused-not-utf8 = The file is not UTF-8 text. Export it from the HR system as "CSV UTF-8" and upload it again.
# $line is the line with the NUL character.
import-refused-nul = The file contains a NUL character (on line { $line }): it is not a CSV text file. Export it from the HR system as "CSV UTF-8" and upload it again.

## What the import notes and goes on.
# $count is how many columns are ignored; $columns lists them (import-note-column,
# import-note-unnamed-column, then import-note-more-columns when there are many).
import-note-ignored = { $count ->
    [one] The column { $columns } is not used and was ignored.
   *[other] The columns { $columns } are not used and were ignored.
}
# A column's name as the file writes it.
import-note-column = { $column }
# $position counts the columns from 1.
import-note-unnamed-column = (unnamed column { $position })
# $count is how many more columns are ignored than are named.
import-note-more-columns = { $count } more

## The reason for moving someone on a waitlist (src/domain/waitlist.rs).
waitlist-reason-too-short = Say why, in a few words: the person and the audit log read it.
# $max is the most characters, $count how many the reason has.
waitlist-reason-too-long = Keep the reason to { $max } characters; it has { $count }.
