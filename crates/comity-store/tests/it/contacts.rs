//! The volunteers' contacts beside the journal, on each backend: written with the entry that
//! numbers them, never in the journal, refused with it, one address per assembly.

use comity_core::{assembly, base};
use std::collections::BTreeMap;

use comity_core::assembly::volunteer_hash;
use comity_core::{Actor, Command, Timestamp, data};
use comity_store::{Contact, ExecError, Institution, NewVolunteer, OpenMode, Store};

use crate::support::TestDb;

const ORGAN: &str = "citizens_assembly";

fn t() -> Timestamp {
    Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
}

fn person(name: &str, email: &str, gender: &str) -> NewVolunteer {
    let features: BTreeMap<String, String> = [
        ("gender", gender),
        ("age", "30-44"),
        ("education", "tertiary"),
        ("region", "WEOG"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    NewVolunteer {
        contact: Contact::new(name, email).unwrap(),
        features,
    }
}

async fn contacts(db: &TestDb) {
    let store = Store::open(&db.url, OpenMode::Create).await.unwrap();
    let inst = Institution::open(store).await.unwrap();
    let c = data::charter("alliance-of-democracies").unwrap();
    inst.execute(
        &Actor::system(),
        t(),
        &Command::Base(base::Command::AdoptCharter {
            file: c.file.into(),
            source: c.source.into(),
        }),
    )
    .await
    .unwrap();
    let sec = Actor::parse("secretariat").unwrap();
    let people = [
        person("Ada Lovelace", "Ada@Example.org", "female"),
        person("Alan Turing", "alan@example.org", "male"),
    ];
    let done = inst
        .register_volunteers(&sec, None, t(), ORGAN, &people)
        .await
        .unwrap();
    assert_eq!(done.first, 1);
    assert_eq!(done.entries.len(), 1);

    // The journal holds the hashes and the features, never a name or an address.
    let line = done.entries[0].payload.to_string();
    for secret in ["Ada", "Lovelace", "example.org", people[0].contact.salt()] {
        assert!(!line.contains(secret), "{secret} leaked into the journal");
    }
    let journal = inst.store().pool(ORGAN, 2).await.unwrap();
    assert_eq!(journal[0].hash, people[0].contact.hash());

    // The contact is found by the number the journal gave, and its salt opens the hash.
    let ada = inst
        .store()
        .volunteer_contact(ORGAN, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (ada.name.as_str(), ada.email.as_str()),
        ("Ada Lovelace", "ada@example.org")
    );
    assert_eq!(
        volunteer_hash(&ada.salt, &ada.name, &ada.email),
        journal[0].hash
    );
    assert_eq!(ada.hash, journal[0].hash.to_string());
    assert_eq!(ada.created_at, "2026-11-23T09:00:00Z");
    assert!(
        inst.store()
            .volunteer_contact(ORGAN, 3)
            .await
            .unwrap()
            .is_none()
    );

    // An address volunteers once: refused, nothing written on either side.
    let head = inst.state().await.head();
    let again = inst
        .register_volunteers(
            &sec,
            None,
            t(),
            ORGAN,
            &[
                person("Grace Hopper", "grace@example.org", "female"),
                person("Ada L.", "ada@example.org", "female"),
            ],
        )
        .await
        .unwrap_err();
    assert!(
        matches!(again, ExecError::EmailRegistered { volunteer: 2 }),
        "{again}"
    );
    // So does a list naming one address twice.
    let twice = inst
        .register_volunteers(
            &sec,
            None,
            t(),
            ORGAN,
            &[
                person("Grace Hopper", "grace@example.org", "female"),
                person("G. Hopper", "GRACE@example.org", "female"),
            ],
        )
        .await
        .unwrap_err();
    assert!(
        matches!(twice, ExecError::EmailRegistered { volunteer: 2 }),
        "{twice}"
    );
    // A refusal by the rules leaves no contact behind.
    let mut odd = person("Grace Hopper", "grace@example.org", "female");
    odd.features.insert("gender".into(), "robot".into());
    let refused = inst
        .register_volunteers(&sec, None, t(), ORGAN, &[odd])
        .await
        .unwrap_err();
    assert!(
        matches!(refused, ExecError::Refused(ref e) if e.id() == "assembly-volunteer-invalid"),
        "{refused}"
    );
    assert_eq!(inst.state().await.head(), head);
    assert_eq!(
        inst.store().volunteer_contacts(ORGAN).await.unwrap().len(),
        2
    );
    // A person's request goes through register_volunteers, never the plain path.
    let citizen = comity_core::Principal::new(
        Actor::parse("ida").unwrap(),
        vec![comity_core::auth::Role::Citizen],
    );
    let plain = inst
        .execute_as(
            &citizen,
            t(),
            &Command::Assembly(assembly::Command::RegisterVolunteers {
                organ: ORGAN.into(),
                volunteers: Vec::new(),
                already: Vec::new(),
            }),
        )
        .await
        .unwrap_err();
    assert!(matches!(plain, ExecError::ContactsRequired), "{plain}");

    // Numbers continue; a reopened store has every contact, in number order.
    let next = inst
        .register_volunteers(
            &Actor::parse("ida").unwrap(),
            Some(&citizen),
            t(),
            ORGAN,
            &[person("Grace Hopper", "grace@example.org", "female")],
        )
        .await
        .unwrap();
    assert_eq!(next.first, 3);
    let reopened = Store::open(&db.url, OpenMode::MustExist).await.unwrap();
    let all = reopened.volunteer_contacts(ORGAN).await.unwrap();
    let numbers: Vec<u64> = all.iter().map(|c| c.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert_eq!(
        reopened
            .registered_emails(ORGAN, &["grace@example.org", "nobody@example.org"])
            .await
            .unwrap()
            .into_iter()
            .collect::<Vec<_>>(),
        ["grace@example.org"]
    );
    assert!(
        reopened
            .volunteer_contacts("summit")
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(reopened.verify().await.unwrap(), inst.state().await.head());
}

#[tokio::test]
async fn sqlite_volunteer_contacts() {
    let db = TestDb::sqlite();
    contacts(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_volunteer_contacts() {
    if let Some(db) = TestDb::postgres("postgres_volunteer_contacts").await {
        contacts(&db).await;
        db.finish().await;
    }
}
