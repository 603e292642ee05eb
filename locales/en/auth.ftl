# Signing in and out, passwords chosen from a link, the single sign-on notices and the
# form kept when a session ended (templates/auth/*).

## The sign-in page

auth-sign-in = Sign in
auth-login-title-ended = Your session ended — Sign in
auth-login-lead = Use your work e-mail address and your Upskill password.
auth-work-email = Work e-mail
auth-password = Password
auth-forgot-link = Forgot your password, or never had one?
auth-demo-title = Demo accounts
auth-demo-hint = Every demo account has the password shown when the server started.
auth-demo-role-admin = admin
auth-demo-role-manager = manager
auth-demo-role-employee = employee
auth-wrong-credentials = The email or password is wrong.
auth-too-many-attempts = Too many sign-in attempts. Wait a few minutes, then try again.
auth-welcome = Welcome, { $name }.
auth-signed-out = You have signed out.
auth-session-ended-kept = Your session ended before your form was sent. Sign in to continue: what you typed is kept for 15 minutes, and you can send it then.
auth-session-ended-lost = Your session ended before your form was sent, and it was too long to keep. Sign in to continue, then fill it in again.

## A forgotten password

auth-forgot-title = Forgot your password?
auth-forgot-title-sent = Check your e-mail — forgot your password
auth-forgot-no-mail = This Upskill server sends no e-mail, so it cannot send you a link.
auth-forgot-ask-admin = Ask your Upskill administrator: they can give you a link to choose a password (from your record under Administration › People), whether you forgot yours or never had one.
auth-back-to-sign-in = Back to sign in
# Around the address the link was sent to (shown in bold between the two).
auth-forgot-sent-before = If
auth-forgot-sent-after = is the address of someone at Upskill, a link to choose a new password is on its way there. It works once, for 1 hour.
auth-forgot-sent-help = Nothing within a few minutes? Look in your spam folder, check the address, or ask again: the newest link is the one that works. Imported from HR and never signed in? The same link lets you choose your first password.
auth-forgot-lead = Enter your work e-mail address: we send you a link to choose a new password. It also works if you have never had an Upskill password.
auth-send-link = Send me a link
auth-forgot-not-an-address = Enter your work e-mail address, like name@example.com.

## Choosing a password from an invitation or a reset link

auth-invitation-heading = Welcome to Upskill
auth-reset-heading = Choose a new password
auth-invitation-lead = Hello { $name }. Choose the password you will sign in with; then you see the programs open to you.
auth-reset-lead = Hello { $name }. Choose the password you will sign in with from now on.
auth-account-email = Work e-mail (you sign in with it)
auth-new-password = New password
auth-new-password-hint = { $count ->
    [one] At least { $count } character, any you like. A few words you will remember, with spaces, make a good one; very common passwords are refused.
   *[other] At least { $count } characters, any you like. A few words you will remember, with spaces, make a good one; very common passwords are refused.
}
auth-password-again = The same password again
auth-save-password = Save password and sign in
auth-passwords-differ = The two passwords differ. Type the same password twice.
auth-password-set-welcome = Your password is set. Welcome to Upskill, { $name }.
auth-password-reset-done = Your new password is set, and you are signed in. Every other browser must sign in again.

## A link that no longer works

auth-link-gone-title = This link no longer works
auth-link-gone-rules = A link to choose a password works once, and only for a while: an invitation for 7 days, a password reset for 1 hour. A newer link of the same kind replaces the older one.
auth-link-gone-next = If you have already chosen your password, sign in with it. Otherwise ask for a new link: it comes by e-mail at once.
auth-send-new-link = Send me a new link

## The form kept when the session ended

auth-resume-title = Send the form your session ended on
auth-resume-heading = Send the form your session ended on?
auth-resume-lead = Your session ended before this form was sent, so nothing was saved. Here is what you typed: send it now, or leave it. If something is wrong, the page that receives it says what to correct, with what you typed filled in.
auth-resume-typed = What you typed
auth-resume-send = Send it now
auth-resume-leave = Leave it

## Single sign-on: refusals, the header mode's sign-in page, signing out

auth-sso-retry = Sign in with your company account
auth-sso-untrusted-title = Open Upskill through the company sign-in
auth-sso-untrusted-text = Upskill signs people in through the company's sign-in, and this request did not come through it. Open Upskill from its usual address.
auth-sso-unknown-title = Upskill could not tell who you are
auth-sso-unreadable-text = The company sign-in did not send an e-mail address Upskill can read. Contact the IT service desk.
auth-sso-not-in-upskill-title = You are not in Upskill yet
auth-sso-not-in-upskill-text = You signed in with your company account as { $email }, but nobody with that e-mail address is in Upskill yet.
auth-sso-not-in-upskill-ask = Ask HR to add you to Upskill; you can sign in as soon as they have.
auth-sso-deactivated-title = Your Upskill account is closed
auth-sso-deactivated-text = Your company sign-in worked, but HR has deactivated your Upskill account. If that is a mistake, ask HR to reactivate it.
auth-sso-unverified-title = Your e-mail address is not verified
auth-sso-unverified-text = Your company account's e-mail address is not verified, so Upskill cannot tell which employee you are. Verify it in your company account, or contact the IT service desk.
auth-sso-no-email-text = The company sign-in did not tell Upskill your e-mail address. Contact the IT service desk.
auth-sso-password-off-title = Password sign-in is off
auth-sso-password-off-text = Upskill signs you in with your company account: there is no Upskill password to enter.
auth-sso-cancelled-title = Sign-in was cancelled
auth-sso-cancelled-text = The company sign-in did not let you in, or the sign-in was cancelled. You can try again.
auth-sso-provider-error-title = The company sign-in failed
auth-sso-provider-error-text = The company sign-in answered with an error. Try again; if it keeps happening, contact the IT service desk.
auth-sso-stale-title = This sign-in has expired
auth-sso-stale-text = This sign-in was not started in this browser, was already used, or took too long. Start again.
auth-sso-unavailable-title = The company sign-in is unavailable
auth-sso-unavailable-text = Upskill cannot reach the company sign-in right now. Nothing was changed; try again in a minute.
auth-sso-invalid-answer-title = The sign-in could not be completed
auth-sso-invalid-answer-text = The company sign-in's answer could not be accepted. Try again; if it keeps happening, contact the IT service desk.
auth-sso-header-title = Sign in with your company account
auth-sso-header-text = Upskill signs you in through your company account, but your company sign-in did not reach Upskill.
auth-sso-header-next = Reload the page, or open Upskill from its usual address. If it keeps happening, contact the IT service desk.
auth-sso-header-open = Open Upskill
auth-sso-signed-out-title = You have signed out of Upskill
auth-sso-signed-out-text = Your company account is still signed in: to end that too, close the browser or sign out of your company account.
auth-sso-signed-out-open = Open Upskill again
