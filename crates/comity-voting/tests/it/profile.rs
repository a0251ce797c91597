use comity_voting::{Profile, ProfileError};

const SMALL: &str = include_str!("../fixtures/ballots_small.json");

#[test]
fn parses_the_peer_example_and_completes_one_omission() {
    let p = Profile::parse_json(SMALL).unwrap();
    assert_eq!(p.num_candidates(), 4);
    assert_eq!(p.seats(), 2);
    assert_eq!(p.num_voters(), 100);
    assert!(
        !p.is_truncated(),
        "Dave, Carol, Bob omits only Alice: completed"
    );
    let last = p.ballots()[3].ranking();
    assert_eq!(p.name(last[3]), "Alice");
}

#[test]
fn merges_identical_rankings_across_forms() {
    let p = Profile::parse_json(
        r#"{"candidates":["A","B","C"],"ballots":[
            {"ranking":["A","B","C"],"count":2},[3,[0,1,2]],{"ranking":["A","B"]},[1,["C"]]]}"#,
    )
    .unwrap();
    assert_eq!(p.ballots().len(), 2);
    assert_eq!(p.ballots()[0].count(), 6);
    assert!(p.is_truncated());
    assert_eq!(p.seats(), 2, "default seats");
}

#[test]
fn blank_rankings_are_dropped_and_counted() {
    let p = Profile::parse_json(r#"{"candidates":["A","B","C"],"ballots":[[4,[]],[1,["A"]]]}"#)
        .unwrap();
    assert_eq!(p.blank_ballots(), 4);
    assert_eq!(p.num_voters(), 1);
}

#[test]
fn errors_name_the_ballot_and_the_problem() {
    let cases: &[(&str, ProfileError, &str)] = &[
        (
            r#"{"candidates":["A","B"],"ballots":[[1,["A"]],[1,["Zed"]]]}"#,
            ProfileError::UnknownCandidate {
                ballot: 1,
                name: "Zed".into(),
            },
            "profile-unknown-candidate",
        ),
        (
            r#"{"candidates":["A","B"],"ballots":[[1,["A","A"]]]}"#,
            ProfileError::RankedTwice {
                ballot: 0,
                name: "A".into(),
            },
            "profile-ranked-twice",
        ),
        (
            r#"{"candidates":["A","B"],"ballots":[[1,[0,0]]]}"#,
            ProfileError::RankedTwice {
                ballot: 0,
                name: "A".into(),
            },
            "profile-ranked-twice",
        ),
        (
            r#"{"candidates":["A","B"],"ballots":[[1,["A"]],[0,["B"]]]}"#,
            ProfileError::CountBelowOne { ballot: 1 },
            "profile-count-below-one",
        ),
        (
            r#"{"candidates":["A","B"],"ballots":[{"ranking":["A"],"count":-3}]}"#,
            ProfileError::CountBelowOne { ballot: 0 },
            "profile-count-below-one",
        ),
        (
            r#"{"candidates":["A","B"],"ballots":[[1,[2]]]}"#,
            ProfileError::IndexOutOfRange {
                ballot: 0,
                index: 2,
            },
            "profile-index-out-of-range",
        ),
        (
            r#"{"candidates":["A","B"],"ballots":[]}"#,
            ProfileError::NoValidBallot,
            "profile-no-valid-ballot",
        ),
        (
            r#"{"candidates":["A","B"],"ballots":[[2,[]]]}"#,
            ProfileError::NoValidBallot,
            "profile-no-valid-ballot",
        ),
        (
            r#"{"candidates":[],"ballots":[[1,[]]]}"#,
            ProfileError::NoCandidates,
            "profile-no-candidates",
        ),
        (
            r#"{"candidates":["A","A"],"ballots":[[1,["A"]]]}"#,
            ProfileError::DuplicateCandidate("A".into()),
            "profile-duplicate-candidate",
        ),
        (
            r#"{"candidates":["A"],"seats":0,"ballots":[[1,["A"]]]}"#,
            ProfileError::BadSeats,
            "profile-bad-seats",
        ),
        (
            r#"{"candidates":["A"],"ballots":[[1,["A"],3]]}"#,
            ProfileError::MalformedBallot {
                ballot: 0,
                problem: "expected {\"ranking\":[..],\"count\":n} or [count, ranking]",
            },
            "profile-malformed-ballot",
        ),
    ];
    for (json, want, id) in cases {
        let got = Profile::parse_json(json).unwrap_err();
        assert_eq!(&got, want, "{json}");
        assert_eq!(got.id(), *id);
        assert!(!got.to_string().is_empty());
    }
    assert_eq!(Profile::parse_json("{").unwrap_err().id(), "profile-json");
    assert_eq!(Profile::parse_json("[]").unwrap_err().id(), "profile-shape");
}
