# Comity (en): elections and paper ballots

nav-elections = Elections
elections-title = Elections
elections-secret = Secret ballot: the journal records which states voted, never how. Ballots wait in the ballot box without any link to their voter and are published, grouped, with the count.
elections-none = No election has been held yet.
election-method = Method
election-seats = Seats
election-seats-n = { $seats } seat(s)
election-open = Open
election-counted = Counted
election-turnout = Turnout
election-candidates = Candidates
election-elected = elected
election-count = The count
election-ballots = { $count } ballots ({ $distinct } distinct rankings), published with the result
election-quota = quota { $quota }
election-by-lot = A tie was decided by lot, drawn from the election's recorded seed.
election-stages = The count stage by stage
election-stage = Stage
election-ballots-json = The published ballots (JSON)
election-your-ballot = Your ballot
election-preference = Preference { $n }
election-close = Close the election and count
paper-title = Ballots cast on paper
paper-intro = Where the organ voted in the hall, upload the tellers' file (BLT, as STV counting software writes it, or the JSON ballot format; gzipped or not) and the register of the states that voted, as many as the ballots. The ballots join the ballot box unlinked from the states; the journal records only who voted and the file's SHA-256.
paper-file = The tellers' file
paper-states = States that voted (ISO codes, from the register)
paper-record = Record the paper ballots
paper-file-unreadable = The upload could not be read; try again.
paper-file-invalid = The tellers' file cannot be used: { $detail }
paper-register-invalid = The register cannot be read: { $detail }
ev-paper_ballots_recorded = { $ballots } ballots cast on paper were put in the ballot box of election { $election } ({ $source })
election-voted = Who has voted
not-found-election = There is no election { $id }.
refused-election-unknown = There is no election { $election }.
refused-election-invalid = { $detail }
ev-election_opened = Election { $election } opened: { $title }
ev-ballot_cast = { $state } voted in election { $election }
ev-election_counted = Election { $election } counted
election-margins = Pairwise margins: how many more voters ranked the row's candidate above the column's than the reverse

## Typed refusals: this capability's own words.
refused-election-unknown-method = The method “{ $method }” is not one of { $known }.
refused-election-candidates = Name at least two candidates, each once.
refused-election-seats = Seats: between 1 and { $max } for { $candidates } candidates.
refused-election-already-voted = { $state } has already voted in this election; a secret ballot cannot be changed.
refused-election-counted = The election is already counted.
refused-election-box-mismatch = The ballot box holds { $ballots } ballots but { $voted } states voted.
refused-election-no-ballot = No valid ballot was cast.
refused-election-through-the-ballot-box = Ballots are cast and counted through the ballot box.
refused-election-count = The ballots cannot be counted: { $detail }
refused-election-no-register = Name the states the register shows as having voted.
refused-election-register-voted = State { $index } of the register, { $state }, has already voted in this election.
refused-election-zero-count = Ballot { $index } of the file: a count of at least 1.
refused-election-file-mismatch = The file holds { $ballots } ballots but the register names { $states } states.
refused-election-empty-ranking = { $ballot ->
    [none] Rank at least one candidate.
   *[other] Ballot { $ballot } of the file: rank at least one candidate.
}
refused-election-not-a-candidate = { $ballot ->
    [none] Choice { $pos }: “{ $name }” is not a candidate.
   *[other] Ballot { $ballot } of the file, choice { $pos }: “{ $name }” is not a candidate.
}
refused-election-ranked-twice = { $ballot ->
    [none] Choice { $pos }: “{ $name }” is ranked twice.
   *[other] Ballot { $ballot } of the file, choice { $pos }: “{ $name }” is ranked twice.
}
