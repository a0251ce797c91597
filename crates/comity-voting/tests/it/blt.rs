use comity_voting::{BltError, parse_blt};

#[test]
fn reads_a_file_with_withdrawn_candidate_ids_and_title() {
    let text = "4 2\n-4\n3 1 2 0\n(b2) 2 3 4 1 0\n1 4 0\n0\n\"Alice\"\n\"Bob\"\n\"Carol Ann\"\n\"Dave\"\n\"Board 2026\"\n";
    let e = parse_blt(text).unwrap();
    assert_eq!(e.profile.candidates(), ["Alice", "Bob", "Carol Ann"]);
    assert_eq!(e.withdrawn, ["Dave"]);
    assert_eq!(e.title.as_deref(), Some("Board 2026"));
    assert_eq!(e.profile.seats(), 2);
    // "4 0" names only a withdrawn candidate: a blank ballot.
    assert_eq!(e.profile.num_voters(), 5);
    assert_eq!(e.profile.blank_ballots(), 1);
}

#[test]
fn errors_carry_line_numbers() {
    let cases: &[(&str, BltError)] = &[
        ("4\n", BltError::BadHeader { line: 1 }),
        (
            "2 1\n1 1 2\n0\n\"A\"\n\"B\"\n",
            BltError::UnterminatedBallot { line: 2 },
        ),
        (
            "2 1\n1 1 3 0\n0\n\"A\"\n\"B\"\n",
            BltError::CandidateOutOfRange { line: 2, number: 3 },
        ),
        (
            "2 1\n1 1 1 0\n0\n\"A\"\n\"B\"\n",
            BltError::RankedTwice { line: 2, number: 1 },
        ),
        (
            "2 1\n1 x 0\n0\n\"A\"\n\"B\"\n",
            BltError::BadNumber {
                line: 2,
                token: "x".into(),
            },
        ),
        (
            "2 1\n\n1 1 0\n",
            BltError::UnexpectedEnd {
                expected: "the 0 line ending the ballots",
            },
        ),
        (
            "2 1\n1 1 0\n0\n\"A\"\n",
            BltError::UnexpectedEnd {
                expected: "a quoted name for every candidate",
            },
        ),
        ("2 1\n1 1 0\n0\n\"A\"\nB\n", BltError::BadName { line: 5 }),
        (
            "2 1\n1 1 0 2\n0\n\"A\"\n\"B\"\n",
            BltError::UnterminatedBallot { line: 2 },
        ),
        // Found by comity-fuzz: this header made the parser ask for 30 PB (and abort).
        (
            "30000005000000000 1\n1 1 0\n0\n\"A\"\n",
            BltError::TooManyCandidates {
                line: 1,
                count: 30_000_005_000_000_000,
            },
        ),
    ];
    for (text, want) in cases {
        let got = parse_blt(text).unwrap_err();
        assert_eq!(&got, want, "{text:?}");
        assert!(got.id().starts_with("blt-"));
    }
    let zero_weight = parse_blt("2 1\n0 1 0\n0\n\"A\"\n\"B\"\n");
    assert_eq!(
        zero_weight.unwrap_err(),
        BltError::WeightBelowOne { line: 2 }
    );
    let no_ballots = parse_blt("2 1\n0\n\"A\"\n\"B\"\n");
    assert_eq!(no_ballots.unwrap_err().id(), "profile-no-valid-ballot");
}
