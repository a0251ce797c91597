# Comity (en): treaties

refused-treaty-unknown = There is no treaty “{ $treaty }”.
refused-treaty-exists = A treaty “{ $treaty }” is already recorded.
refused-treaty-invalid = The treaty file or text is not valid: { $detail }
refused-treaty-stage = Treaty “{ $treaty }” is { $stage }: this act is not possible now.
refused-treaty-edit = { $detail }
refused-treaty-open-brackets = The text of “{ $treaty }” still has { $count } open brackets: settle them before adoption.
refused-treaty-adoption-motion = Motion { $motion } cannot adopt the treaty: { $detail }
refused-treaty-deposit-before-opening = { $state } deposited on { $date }, before the treaty opened for signature on { $opened }.
refused-treaty-already-deposited = { $state } has already deposited its instrument (on { $date }); a state deposits once.
refused-treaty-act = { $detail }
treaty-stage-drafting = being drafted
treaty-stage-adopted = adopted
treaty-stage-open-for-signature = open for signature
treaty-stage-in-force = in force
treaty-stage-entry-into-force-fixed = clause met, entry into force fixed
nav-treaties = Treaties
not-found-treaty = There is no treaty { $id }.
not-found-treaty-round = Treaty { $id } has no round { $round }.
treaties-title = Treaties
treaties-intro = Treaties drafted under the alliance, from bracketed negotiating text to entry into force. Every act is an entry in the journal.
treaties-none = No treaty is being drafted yet.
treaties-caption = { $count ->
    [one] One treaty
   *[other] { $count } treaties
}
treaty-json = As JSON
treaty-title-col = Treaty
treaty-stage = Stage
treaty-organ = Drafting organ
treaty-round = Round
treaty-open-brackets = Open brackets
treaty-eif = Entry into force
treaty-short-title = Short title
treaty-depositary = Depositary
treaty-eif-not-yet-short = not yet
treaty-open-title = Open the drafting of a treaty
treaty-open-explain = The treaty file (TOML) gives the treaty's particulars and its entry-into-force clause; the text is the first round's draft, with square brackets around language not yet agreed and alternatives separated by a slash: [Copenhagen / Brussels].
treaty-open-file = Treaty file (TOML)
treaty-open-text = Draft text
treaty-open-submit = Open the drafting
treaty-redline-link = What changed since the last round
treaty-akn-link = This round in Akoma Ntoso (XML)
treaty-status-csv = Status table as CSV
treaty-text-round = The text as it stands (round { $round })
treaty-text-legend = Language not yet agreed is in square brackets, with its alternatives numbered and separated by a slash. Each bracket is labelled with its address (paragraph, then the bracket's position; a nested bracket adds /alternative:position), which the forms and the API use.
treaty-part-title = Title
treaty-part-preamble = Preamble
treaty-part-open = { $count ->
    [one] one open bracket
   *[other] { $count } open brackets
}
treaty-counts-caption = Open brackets per part of the text, round { $round }
treaty-part = Part
treaty-total = Total
treaty-history = Negotiating history
treaty-rounds-chart-title = Open brackets per negotiating round
treaty-rounds-chart-desc = Over { $rounds } rounds the open brackets went from { $first } in the first draft to { $last } at the end of the latest round. Each round has two bars: the brackets open when it opened (outlined) and at its end (solid).
treaty-round-n = Round { $n }
treaty-rounds-at-start = Open at the round's opening
treaty-rounds-at-end = Open at its end (now, for the current round)
treaty-rounds-caption = The rounds in figures
treaty-round-opened = Opened
treaty-proposals-count = Wordings proposed
treaty-settlements-count = Brackets settled
treaty-documents = Documents
treaty-redline-from-previous = Changes made in round { $round }
treaty-akn-round = Round { $round } in Akoma Ntoso
treaty-proposals = Wordings proposed
treaty-proposals-none = No wording has been proposed.
treaty-proposals-caption = { $count ->
    [one] One wording proposed
   *[other] { $count } wordings proposed
}
treaty-bracket = Bracket
treaty-wording = Wording
treaty-proposed-by = Proposed by
treaty-entry = Entry
treaty-settlements = Brackets settled
treaty-settlements-none = No bracket has been settled.
treaty-settlements-caption = { $count ->
    [one] One bracket settled
   *[other] { $count } brackets settled
}
treaty-was = The language it had
treaty-choice = Settled as
treaty-settled-by = How
treaty-by-motion = by motion { $motion }
treaty-by-agreement = by agreement
treaty-choice-alternative = alternative { $n } kept: “{ $wording }”
treaty-choice-text = replaced by agreed text: “{ $wording }”
treaty-choice-delete = deleted
treaty-adoption = Adoption and signature
treaty-adopted-by = Adopted by
treaty-adopted-on = Adopted on
treaty-adopted-round = Text of round
treaty-text-hash = SHA-256 of the adopted text
treaty-not-adopted = The text has not been adopted yet.
treaty-signature = Signature
treaty-opened-for-signature = Opened for signature on { $date } in { $place }.
treaty-not-open-for-signature = Not yet open for signature.
treaty-status = Status of signatures and instruments
treaty-status-none = No state has signed or deposited an instrument yet.
treaty-status-caption = { $count ->
    [one] One state has signed or deposited.
   *[other] { $count } states have signed or deposited.
}
treaty-signed = Signed
treaty-deposited = Instrument deposited
treaty-instrument = Instrument
treaty-reservations = Reservations
treaty-declarations = Declarations
treaty-objections = Objections to its reservations
treaty-in-force-for = In force for it
treaty-withdrawal = Withdrawal
treaty-objection-line = { $state } to reservation { $n }
treaty-withdrawal-line = notified { $notified }, effective { $effective }
treaty-instrument-ratification = ratification
treaty-instrument-acceptance = acceptance
treaty-instrument-approval = approval
treaty-instrument-accession = accession
treaty-deposits-title = Instruments deposited over time
treaty-deposits-caption = Instruments counted toward entry into force, by day
treaty-deposits-chart-desc = Instruments that count toward entry into force, cumulated by day from { $start }: { $count } by { $last }.
treaty-deposits-chart-threshold = The dashed line marks the { $n } instruments the clause requires.
treaty-deposits-chart-eif = The dotted line marks the entry into force on { $date }.
treaty-deposits-threshold = { $n } instruments required
treaty-deposits-eif = in force { $date }
treaty-deposits-none = No instrument has been deposited yet.
treaty-day = Day
treaty-instruments-so-far = Instruments so far
treaty-threshold = Required by the clause
treaty-clause = Clause
treaty-clause-text = Its text
treaty-counts = Instruments that count
treaty-conditions = Conditions, all of which must hold
treaty-met = met
treaty-not-met = not yet met
treaty-date-rule = Date, from the day the conditions are met
treaty-not-before = Never before
treaty-later = For a state that deposits later
treaty-cond-instruments = at least { $n } instruments of { $kinds }
treaty-cond-quantity = states accounting for at least { $share } of { $quantity }
treaty-progress-instruments = { $reached } of { $n } deposited
treaty-progress-quantity = { $reached } reached
treaty-step-days = { $n ->
    [one] one day later
   *[other] { $n } days later
}
treaty-step-months = { $n ->
    [one] one month later
   *[other] { $n } months later
}
treaty-step-years = { $n ->
    [one] one year later
   *[other] { $n } years later
}
treaty-step-first-of-month = the first day of that month
treaty-step-first-of-next-month = the first day of the next month
treaty-step-same-day = the same day
treaty-step-then = then { $step }
treaty-not-before-applies = not before the day the clause sets
treaty-eif-computed = The treaty enters into force on { $date }, as the clause gives it for the deposits on record.
treaty-eif-met = The conditions were met on { $date }, with { $count } instruments.
treaty-eif-parties = { $count ->
    [one] In force for one state, from the day the status table gives.
   *[other] In force for { $count } states, each from the day the status table gives.
}
treaty-eif-not-yet = Not yet in force: { $count } instruments counted so far.
treaty-withdrawal-clause = Withdrawal
treaty-withdrawal-effective = A withdrawal takes effect { $rule }, counted from its notification.
treaty-acts = Record an act
treaty-form-open-round = Open round { $round }
treaty-form-round-text = Consolidated text (leave empty to continue from the text as it stands)
treaty-form-open-round-submit = Open the round
treaty-form-propose = Propose a wording for a bracket
treaty-on-behalf-of = On behalf of
treaty-form-propose-submit = Propose the wording
treaty-form-settle = Settle a bracket
treaty-form-keep-alternative = Keep alternative number
treaty-form-alternative-number = Number of the alternative kept
treaty-form-agreed-text = Replace it by agreed text
treaty-form-delete = Delete the bracketed language
treaty-form-by-motion = By the adopted motion number
treaty-form-motion-number = Motion number
treaty-form-settle-submit = Record the settlement
treaty-form-adopt = Record the adoption
treaty-form-adopt-explain = Give the number of the adopted motion of kind treaty_adoption, tabled after the text's last change, with no bracket left open.
treaty-form-adopt-submit = Record the adoption
treaty-form-open-signature = Open for signature
treaty-form-date-label = Date (YYYY-MM-DD)
treaty-form-place = Place
treaty-form-open-signature-submit = Open for signature
treaty-form-sign = Record a signature
treaty-form-sign-submit = Record the signature
treaty-form-deposit = Record the deposit of an instrument
treaty-form-share-label = The state's share of { $quantity } (e.g. 12.5%)
treaty-form-reservations = Reservations, one per line
treaty-form-declarations = Declarations, one per line
treaty-form-deposit-submit = Record the deposit
treaty-form-object = Record an objection to a reservation
treaty-form-objecting-state = Objecting state
treaty-form-reserving-state = State that made the reservation
treaty-form-reservation-number = Number of the reservation
treaty-form-objection-text = Text of the objection
treaty-form-object-submit = Record the objection
treaty-form-withdraw = Record a notification of withdrawal
treaty-form-notified-on = Notified on (YYYY-MM-DD)
treaty-form-withdraw-submit = Record the withdrawal
treaty-form-date = Give the date as YYYY-MM-DD, e.g. 2026-11-29.
treaty-form-state = Choose a state.
treaty-form-number = Give a whole number from 1.
treaty-form-bracket = Choose a bracket of the current text.
treaty-form-choice = Choose how the bracket is settled.
treaty-form-instrument = Choose ratification, acceptance, approval or accession.
treaty-form-share = The share is not valid: { $detail }
treaty-redline-title = Redline: { $from } to { $to }
treaty-first-draft = First draft
treaty-version-round = round { $n }
treaty-version-first-draft = the first draft
treaty-redline-from = From
treaty-redline-to = To
treaty-redline-compare = Compare
treaty-redline-unchanged = The two texts are the same.
treaty-redline-summary = { $inserted } words inserted, { $deleted } words deleted.
treaty-redline-legend = Inserted words are underlined, deleted words struck through.
treaty-redline-download-html = Download as an HTML document
treaty-redline-download-text = Download as text
ev-treaty_opened = Drafting of { $title } opened in the { $organ }
ev-treaty_round_opened = { $treaty }: negotiating round { $round } opened
ev-treaty_wording_proposed = { $treaty }: { $by } proposed a wording for bracket { $bracket }
ev-treaty_bracket_resolved = { $treaty }: bracket { $bracket } settled { $motion ->
    [none] by agreement
   *[other] by motion { $motion }
}
ev-treaty_adopted = { $treaty } adopted by motion { $motion }
ev-treaty_opened_for_signature = { $treaty } opened for signature in { $place } on { $date }
ev-treaty_signed = { $state } signed the { $treaty }
ev-instrument_deposited = { $state } deposited its instrument of { $instrument } ({ $treaty })
ev-reservation_objected = { $state } objected to reservation { $n } of { $reserving } ({ $treaty })
ev-treaty_entered_into_force = { $treaty } enters into force on { $date }
ev-treaty_withdrawal = { $state } notified its withdrawal from the { $treaty }, effective { $date }

## Typed refusals: this capability's own words.
refused-treaty-invalid-file = The treaty file is not valid: { $detail }
refused-treaty-invalid-text = The treaty text is not valid at line { $line }, column { $column }: { $problem }{ $more ->
    [0] {""}
   *[other] {" "}({ $more } more problems)
}
refused-treaty-edit-unknown-paragraph = There is no paragraph “{ $paragraph }” in this text.
refused-treaty-edit-unknown-bracket = There is no bracket { $bracket }.
refused-treaty-edit-unknown-alternative = Bracket { $bracket } has { $count } alternatives; there is no alternative { $alternative }.
refused-treaty-edit-empty-wording = The wording is empty.
refused-treaty-edit-invalid-wording = The wording is not valid at line { $line }, column { $column }: { $problem }
refused-treaty-edit-duplicate-alternative = Bracket { $bracket } already offers this wording as alternative { $alternative }.
refused-treaty-edit-would-empty = Deleting bracket { $bracket } would leave { $what } without any text.
refused-treaty-edit-too-deep = With this wording at { $bracket }, brackets would be nested more than { $max } deep.
refused-treaty-date-in-future = The date { $date } is after today ({ $today }): record an act once it has happened.
refused-treaty-not-the-organs-decision = Motion { $motion } is not an adopted decision of { $organ }, the organ drafting { $treaty }.
refused-treaty-signature-before-adoption = { $treaty } cannot open for signature on { $date }, before its adoption on { $adopted }.
refused-treaty-signed-before-opening = { $state } cannot sign on { $date }: { $treaty } opened for signature on { $opened }.
refused-treaty-already-signed = { $state } signed { $treaty } already, on { $date }.
refused-treaty-no-instrument = { $reserving } has deposited no instrument of { $treaty }, so it has no reservation to object to.
refused-treaty-no-such-reservation = The instrument of { $reserving } has { $count } reservation(s); there is no reservation { $reservation }.
refused-treaty-own-reservation = { $state } cannot object to its own reservation.
refused-treaty-objection-before-reservation = The objection ({ $date }) comes before the reservation was made ({ $made }).
refused-treaty-not-a-party = { $treaty } is not in force for { $state }: only a party may withdraw.
refused-treaty-already-withdrawn = { $state } notified its withdrawal already, on { $date }.
refused-treaty-withdrawal-too-early = { $state } may notify its withdrawal from { $from } on ({ $clause }), not on { $date }.
refused-treaty-past-the-calendar = The withdrawal date is past the calendar's end.
refused-treaty-out-of-order = Instruments are recorded in the order of their dates: the latest on record is of { $latest }, so { $date } cannot be recorded now.
refused-treaty-not-signed = { $state } has not signed { $treaty }: a state that has not signed consents by accession, not by { $instrument }.
refused-treaty-share-missing = The clause of { $treaty } weighs { $quantity }: give the share of { $state }.
refused-treaty-adoption-wrong-kind = Motion { $motion } cannot adopt the treaty: it is a decision of kind “{ $kind }”, not “{ $expected }”.
refused-treaty-adoption-not-adopted = Motion { $motion } cannot adopt the treaty: it is { $status }, not adopted.
refused-treaty-adoption-before-last-change = Motion { $motion } cannot adopt the treaty: it was tabled (entry { $tabled }) before the text's last change (entry { $last_change }); the vote must be on the final text.
refused-treaty-adoption-adopted-another = Motion { $motion } cannot adopt the treaty: it already adopted { $treaty }.
treaty-text-unclosed-bracket = this “[” is never closed
treaty-text-stray-closing-bracket = this “]” closes no bracket
treaty-text-empty-bracket = empty bracket
treaty-text-brackets-too-deep = brackets nested too deep (at most ten levels)
treaty-text-empty-alternative = an alternative of this bracket is empty
treaty-text-missing-title = a text begins with its title: “# Title”
treaty-text-empty-title = the title is empty
treaty-text-duplicate-title = a second title; a text has one “# ” line
treaty-text-title-not-first = the title must come before the preamble and the articles
treaty-text-outside-section = text outside the preamble and the articles: start a section with “## Preamble” or “## Article N”
treaty-text-unknown-heading = unknown heading: expected “## Preamble” or “## Article N”
treaty-text-preamble-not-first = the preamble must come before the articles
treaty-text-duplicate-preamble = a second preamble
treaty-text-bad-article-number = not an article number (1, 2, 3, …)
treaty-text-bad-heading-separator = expected a dash or a colon between the article number and its heading
treaty-text-bracket-in-heading = a heading cannot hold brackets: put the disputed wording in a paragraph
treaty-text-duplicate-article = this article number appears twice
treaty-text-bad-id = not a valid identifier: use lowercase letters, digits and single underscores
treaty-text-duplicate-id = this identifier is already used
treaty-text-empty-section = this section has no paragraph
treaty-text-empty-paragraph = this paragraph has no text
treaty-text-numbering-skips = the paragraph numbering skips
treaty-text-mixed-numbering = an unnumbered paragraph among numbered ones
treaty-text-numbered-preamble = preamble paragraphs are not numbered
treaty-text-no-article = the text has no article
