//! `comity members`

use comity_store::{OpenMode, Store};

use crate::output::{MemberView, print_members};

pub async fn run(database: &str, view: &MemberView) -> anyhow::Result<()> {
    let store = Store::open(database, OpenMode::MustExist).await?;
    let state = store.load_state().await?;
    print_members(&state, view)
}
