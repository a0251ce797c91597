# Comity (en): words shared by every capability's forms

form-csrf-failed = This form has expired or did not come from this site. Reload the page and send it again.
form-sign-in = Sign in first.
form-failed = The act could not be recorded; nothing was changed. The server log has the details.
form-too-fast = Too many acts from your account in a short time; nothing was recorded. Try again in { $seconds } seconds.
form-hidden-character-title = Not recorded: a hidden character
form-hidden-character = Nothing was recorded. { $detail }. Control characters and direction overrides cannot be part of a text: they hide or reorder what others read. Go back, remove it and send the form again.
form-journal-faulty = The journal cannot be followed (an entry does not chain, or entries were removed), so nothing is recorded until the operators repair it. /healthz says what was found.
form-number = Give the amendment's number.
form-time = Give a time such as 2026-12-01T17:00:00Z.
form-choose-state = Choose the state you vote for.
form-unknown-act = This form asks for an act the platform does not know.
refused-field-empty = { $field }: must not be empty.
refused-field-too-long = { $field }: at most { $max } characters.
refused-duplicate = { $name } is named twice.
form-choose-organ = Choose the organ giving the opinion.
form-count = Give a whole number of votes (0 or more).
