nav-caucus = UN caucus
caucus-title = UN Democracy Caucus: how the members vote in the General Assembly
caucus-intro = From the General Assembly's record (Voeten, Strezhnev & Bailey, UNGA voting data, sessions 1–74: { $roll_calls } roll calls, { $votes } votes of states with a code of their own). The figures below are the alliance's members'.
caucus-definitions-h = How the figures are counted
caucus-def-votes = Only yes, no and abstain are votes; absence and non-membership are not.
caucus-def-agreement = Agreement of two states = the roll calls in which both voted and voted the same, over the roll calls in which both voted (the number is shown with it).
caucus-def-cohesion = Cohesion of the members in one roll call = (largest of yes, no, abstain − half of the other votes) ÷ votes cast, among the members who voted (Hix, Noury & Roland); a session's cohesion is the mean over its roll calls in which at least one member voted.
caucus-def-filters = The years are those of the roll call's date, both included; an issue keeps the roll calls the record files under it.
caucus-from = From year
caucus-to = To year
caucus-issue = Issue
caucus-issue-all = All issues
caucus-issue-me = Palestinian conflict
caucus-issue-nu = Nuclear weapons and nuclear material
caucus-issue-di = Arms control and disarmament
caucus-issue-hr = Human rights
caucus-issue-co = Colonialism
caucus-issue-ec = Economic development
caucus-show = Show
caucus-agreement-h = Agreement between the members
caucus-heat-desc = A square per pair of members, by UN regional group: the darker, the more often the two voted alike when both voted; white where they never both voted.
caucus-heat-legend = Agreement:
caucus-never-both = never both voted
caucus-members-caption = Each member's mean agreement with the other members, and the roll calls it voted in
caucus-col-mean = Mean agreement
caucus-col-roll-calls = Roll calls voted in
caucus-cohesion-h = The members' cohesion per session
caucus-cohesion-desc = The members' mean cohesion in each session of the General Assembly, from 0 (split evenly) to 1 (all voted alike); the table below gives every figure.
caucus-sessions-caption = Cohesion per session, latest first
caucus-col-session = Session
caucus-col-cohesion = Cohesion
caucus-downloads = Download:
caucus-download-agreement = agreement matrix
caucus-download-cohesion = cohesion per session
member-un-h = In the UN General Assembly
member-un-votes = It voted in { $roll_calls } roll calls of sessions { $first } to { $last } ({ $yes } yes, { $no } no, { $abstain } abstentions).
member-un-agreement = It voted as the other members of the alliance in { $agreement } of the roll calls both voted in, on average over { $members } members.
member-un-caucus = The members' agreement and cohesion.
caucus-weight = The alliance's members hold { $held } of the 193 seats in the General Assembly ({ $share } %). When all 193 vote, a two-thirds majority needs { $needed } votes: { $short ->
    [0] the members alone have it.
   *[other] the members alone are { $short } short.
}
