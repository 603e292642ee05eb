## The preview of an employee import (templates/admin/import_preview.html): what the
## file would change, its errors, and the commit; the upload's refusals and the commit's
## messages (src/web/admin/import.rs).

import-preview-title = Import preview
# $file is the name of the uploaded file.
import-preview-title-file = Import preview: { $file }
import-preview-breadcrumb = Breadcrumb
import-preview-crumb = Preview
# $count is the number of people read from the file.
import-preview-lead = { $count ->
    [one] { $count } person in the file.
   *[other] { $count } people in the file.
}
# The labels under the counts (the number itself is shown before each, apart);
# $count is that number.
import-preview-count-new = { $count ->
    [one] new
   *[other] new
}
import-preview-count-updated = { $count ->
    [one] updated
   *[other] updated
}
import-preview-count-unchanged = { $count ->
    [one] unchanged
   *[other] unchanged
}
import-preview-count-errors = { $count ->
    [one] line with errors
   *[other] lines with errors
}

## The errors
import-preview-errors = Errors
import-preview-errors-intro = Nothing can be imported until these are corrected in the file. Line numbers count the header as line 1, as a text editor or a spreadsheet numbers them.
import-preview-errors-caption = Errors by line
import-preview-line = Line
import-preview-email = E-mail
import-preview-column = Column
import-preview-problem = Problem
# $count is how many errors are listed, $more how many more the file has (a number,
# already written as the language writes numbers).
import-preview-errors-more = Showing the first { $count } errors, and { $more } more.

## The new and changed people
import-preview-changes = New and changed people
import-preview-person = Person
import-preview-what = What
import-preview-details = Details
import-preview-kind-new = New
import-preview-kind-update = Update
# An empty value of the file, before or after a change.
import-preview-none = (none)
# $count is how many people are listed, $more how many more would be imported (a number,
# already written as the language writes numbers).
import-preview-changes-more = Showing the first { $count } new and changed people, and { $more } more; committing imports them all.

## The commit
import-preview-commit-intro = Committing writes all of this at once. The file is checked again first, against the directory as it is then.
import-preview-commit = Commit import
import-preview-cancel = Cancel
import-preview-upload-corrected = Upload a corrected file
import-preview-already-committed = This import was already committed or replaced by a newer upload. Upload the file again to import it.
import-preview-directory-changed = The directory changed since the preview, and the file now has errors: nothing was imported. Correct the file and upload it again.
# $summary is what the import did: import-preview-summary, then each of the other
# import-preview-summary-… that applies, joined with "; ".
import-preview-imported = Imported: { $summary }.
# $new, $updated and $unchanged are numbers of people.
import-preview-summary = { $new } new, { $updated } updated, { $unchanged } unchanged
# $count is the number of people who left.
import-preview-summary-left = { $count } left
# $managers is the number of people who got another manager, $moved the number of
# pending applications that moved with them.
import-preview-summary-managers = { $managers ->
        [one] { $managers } manager change
       *[other] { $managers } manager changes
    }, { $moved ->
        [one] { $moved } pending application moved to the new manager's queue
       *[other] { $moved } pending applications moved to the new manager's queue
    }
# $people is a list of e-mail addresses.
import-preview-summary-admins-given = administrator rights given to { $people }
import-preview-summary-admins-taken = administrator rights taken from { $people }
# $list is the first e-mail addresses, $count how many more there are.
import-preview-summary-more = { $list } and { $count } more

## The upload's refusals
# $mib is the largest size accepted, in MiB.
import-preview-too-large = The file is larger than { $mib } MiB. Import it in parts, for example one site or department at a time, or use the command line (upskill import-employees).
import-preview-no-file = Choose the CSV file to import (it must not be empty).
