//! `TestApp`: an institution founded on the real reference data (states, Freedom House,
//! V-Dem: about 2 MB), each test on its own `:memory:` database. The founding journal is
//! recorded once per test binary and per founding; each test copies those entries into its
//! fresh store and replays them, instead of deciding and hashing every import again.

use std::sync::{Arc, LazyLock};

use axum::Router;
use comity_core::auth::Role;
use comity_core::journal::Entry;
use comity_core::{Actor, Command, Timestamp, base, data};
use comity_store::{Institution, OpenMode, Store};

/// The time every founding act is recorded at.
pub(crate) fn founded_at() -> Timestamp {
    Timestamp::parse("2026-01-01T00:00:00Z").unwrap()
}

/// The reference imports up to FIW `until` (all editions if `None`), the charter given (the
/// shipped Alliance of Democracies if `None`), and the admission of the founding members.
fn founding(until: Option<u16>, charter: Option<String>) -> Vec<Command> {
    let mut cmds = data::reference_imports_until(until).unwrap();
    let c = data::charter("alliance-of-democracies").unwrap();
    cmds.push(Command::Base(base::Command::AdoptCharter {
        file: c.file.into(),
        source: charter.unwrap_or_else(|| c.source.into()),
    }));
    cmds.push(Command::Base(base::Command::AdmitFoundingMembers));
    cmds
}

/// The entries `commands` record on an empty journal. Recorded on a thread of its own with
/// its own runtime, since the first test to ask is inside another runtime.
fn journal_of(commands: Vec<Command>) -> Vec<Entry> {
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let store = Store::open("sqlite::memory:", OpenMode::Create)
                .await
                .unwrap();
            let inst = Institution::open(store).await.unwrap();
            for cmd in &commands {
                inst.execute(&Actor::system(), founded_at(), cmd)
                    .await
                    .unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
            }
            inst.store().entries(0, u32::MAX).await.unwrap()
        })
    })
    .join()
    .unwrap()
}

/// The Alliance of Democracies on all the shipped ratings.
static ALLIANCE: LazyLock<Vec<Entry>> = LazyLock::new(|| journal_of(founding(None, None)));

/// Founded on FIW 2024, then FIW 2025 received.
static FOUNDED_ON_FIW_2024: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let mut cmds = founding(Some(2024), None);
    cmds.push(data::freedom_house_edition(2025).unwrap());
    journal_of(cmds)
});

/// An alliance of the Free only, founded on the ratings up to FIW 2018.
static FREE_ONLY_2018: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let c = data::charter("alliance-of-democracies").unwrap();
    let source = c.source.replace(
        "rule = { fh_status = [\"F\", \"PF\"] }",
        "rule = { fh_status = [\"F\"] }",
    );
    assert_ne!(source, c.source, "the charter names the criterion");
    journal_of(founding(Some(2018), Some(source)))
});

/// The golden journal (`comity-core/tests/golden/journal.jsonl`): an alliance that has done
/// every kind of act there is, so every page kind has something to show.
static GOLDEN: LazyLock<Vec<Entry>> = LazyLock::new(|| {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../comity-core/tests/golden/journal.jsonl"
    );
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .map(|(i, l)| comity_core::journal::parse_json_line(i + 1, l).unwrap())
        .collect()
});

/// An institution on a fresh database, its journal copied from a founding recorded once.
pub(crate) struct TestApp {
    journal: &'static [Entry],
    accounts: Vec<(String, Role, String)>,
}

impl TestApp {
    /// The Alliance of Democracies on all the shipped ratings, no accounts.
    pub(crate) fn alliance() -> Self {
        Self::on(&ALLIANCE)
    }

    /// The golden journal's alliance, which has done every kind of act.
    pub(crate) fn golden() -> Self {
        Self::on(&GOLDEN)
    }

    /// The Alliance of Democracies founded on FIW 2024, then FIW 2025 received.
    pub(crate) fn founded_on_fiw_2024() -> Self {
        Self::on(&FOUNDED_ON_FIW_2024)
    }

    /// An alliance whose criterion admits the Free only, founded on FIW up to 2018.
    pub(crate) fn free_only_2018() -> Self {
        Self::on(&FREE_ONLY_2018)
    }

    fn on(journal: &'static LazyLock<Vec<Entry>>) -> Self {
        Self {
            journal: LazyLock::force(journal).as_slice(),
            accounts: Vec::new(),
        }
    }

    /// An account `user` (also its display name) with `role` and `password`.
    pub(crate) fn with_account(mut self, user: &str, role: Role, password: &str) -> Self {
        self.accounts
            .push((user.to_owned(), role, password.to_owned()));
        self
    }

    pub(crate) async fn build(self) -> (Router, Arc<Institution>) {
        let store = Store::open("sqlite::memory:", OpenMode::Create)
            .await
            .unwrap();
        let head = store.head().await.unwrap();
        store
            .append(head, self.journal, &comity_store::SideRows::none())
            .await
            .unwrap();
        store.create_log_key("comity/test-alliance").await.unwrap();
        let inst = Institution::open(store).await.unwrap();
        for (user, role, password) in &self.accounts {
            inst.store()
                .add_account(
                    user,
                    user,
                    password,
                    std::slice::from_ref(role),
                    founded_at(),
                )
                .await
                .unwrap();
        }
        let inst = Arc::new(inst);
        (comity_server::router(inst.clone()).unwrap(), inst)
    }
}

#[tokio::test]
async fn a_copied_founding_is_the_founding() {
    let (_, copied) = TestApp::alliance().build().await;
    let head = copied.store().verify().await.unwrap();
    assert_eq!(head.seq, ALLIANCE.len() as u64);
    assert_eq!(head.hash, ALLIANCE.last().unwrap().hash);
    let state = copied.state().await;
    assert!(state.members.len() > 100, "{} members", state.members.len());
    // Each test has its own database: an account made in one is not in another.
    let (_, other) = TestApp::alliance()
        .with_account("sec", Role::Secretariat, "a long password 1")
        .build()
        .await;
    assert_eq!(other.store().accounts().await.unwrap().len(), 1);
    assert!(copied.store().accounts().await.unwrap().is_empty());
}
