# Search: the page /search, and the field in every page's header.

nav-search = Search
nav-search-label = Search the site
search-title = Search
search-title-for = Search: { $query }
search-words = Words
search-kind = Kind
search-kind-any = Any kind
search-organ = Organ
search-organ-any = Any organ
search-from = From
search-to = To
search-button = Search
search-results = { $count ->
    [one] One result
   *[other] { $count } results
}
search-none = Nothing found. Try fewer words, the beginning of a word, or fewer filters.
search-as-of = As recorded up to entry { $seq } of the journal.
search-hint = Search members, organs, motions, elections, treaties, reports, pledges, sanctions listings, consultations and initiatives, and the journal's entries, by any word of what they say, in any language. Every word must be found; a word of three letters or more also finds the words it begins (“democra” finds “democracy” and “démocratie”). With no words, the filters list everything they allow, newest first.
search-bad-kind = “{ $value }” is not a kind of page one can search for.
search-bad-day = { $field }: “{ $value }” is not a day (YYYY-MM-DD).
search-api = The same search in the JSON API: GET /api/v1/search
search-kind-member = Member
search-kind-organ = Organ
search-kind-motion = Motion
search-kind-election = Election
search-kind-treaty = Treaty
search-kind-report = Report
search-kind-pledge = Pledge
search-kind-listing = Sanctions listing
search-kind-consultation = Consultation
search-kind-initiative = Citizens' initiative
search-kind-entry = Journal entry
search-journal = In the journal
search-journal-none = No journal entry holds these words.
search-journal-entry = Entry { $seq }
search-journal-more = Every journal entry with these words
search-journal-older = Older entries
search-journal-filing = The journal's words are filed up to entry { $seq } of { $head }; the rest follow.
