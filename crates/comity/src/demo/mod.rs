//! What the demo records after founding, one file per capability: the UN caucus at session 74
//! (dated 2019–20, as the alliance is founded just before it), joint smart sanctions on real
//! listings (dated 2021–22), a consultation (2022), citizens' initiatives (2023 to a week ago), the accounts, the council's
//! decisions and the Summit's elections, the citizens' assembly, the founding treaty, then new
//! ratings with the reviews, accession, networks and reports they bring, and the members'
//! pledges with the reports of their three sources. The order below is
//! the order of the demo's journal; changing it changes every later entry.

mod accounts;
mod assembly;
mod caucus;
mod consultations;
mod election;
mod initiatives;
mod membership;
mod motion;
mod network;
mod pledges;
mod reporting;
mod sanctions;
mod treaty;

use anyhow::Context;
use comity_core::{Actor, Command, Timestamp};
use comity_store::Institution;

pub use accounts::print_accounts;
pub use caucus::FOUNDED_AT;

/// Record the demo's acts on a freshly founded alliance; `edition` is the Freedom House
/// edition that arrives after founding.
pub async fn record_acts(inst: &Institution, now: Timestamp, edition: u16) -> anyhow::Result<()> {
    // Dated in 2019–20, right after founding: before everything dated today.
    caucus::caucus(inst)
        .await
        .context("the demo's UN caucus at session 74")?;
    // Dated in 2021–22: real listings, their national acts, a review.
    sanctions::sanctions(inst)
        .await
        .context("the demo's joint smart sanctions")?;
    // Dated from September to December 2022: a consultation of the Council, concluded with
    // its synthesis and the decision it informed.
    consultations::concluded(inst)
        .await
        .context("the demo's concluded consultation")?;
    // Dated from 2023 to a week ago: one initiative passed and answered, one failed, one
    // collecting now.
    initiatives::initiatives(inst, now)
        .await
        .context("the demo's citizens' initiatives")?;
    accounts::create(inst.store(), now).await?;
    motion::decisions(inst, now)
        .await
        .context("recording the demo's decisions")?;
    assembly::assembly(inst, now)
        .await
        .context("drawing the demo's citizens' assembly")?;
    treaty::treaty(inst, now)
        .await
        .context("negotiating the demo's founding treaty")?;
    membership::membership(inst, now, edition)
        .await
        .context("the demo's new ratings, review and accession")?;
    pledges::pledges(inst, now)
        .await
        .context("the demo's pledges")?;
    consultations::open_now(inst, now)
        .await
        .context("the demo's open consultation")?;
    Ok(())
}

fn actor(s: &str) -> anyhow::Result<Actor> {
    Actor::parse(s).map_err(anyhow::Error::from)
}

/// Record one act of the demo, naming the command if it is refused.
async fn record(
    inst: &Institution,
    now: Timestamp,
    who: Actor,
    cmd: Command,
) -> anyhow::Result<()> {
    inst.execute(&who, now, &cmd)
        .await
        .map(|_| ())
        .with_context(|| format!("{cmd:?}"))
}

/// The number of the motion tabled last, if any.
async fn newest_motion(inst: &Institution) -> Option<u64> {
    inst.state().await.motions.keys().next_back().copied()
}

/// SplitMix64: the demo's synthetic volunteers and signatories are the same on every run
/// (the domain draws no randomness; the demo's own numbers come from a fixed seed).
pub(super) struct Mix(pub(super) u64);

impl Mix {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub(super) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index drawn with probability proportional to `weights`.
    pub(super) fn pick(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut r = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len().saturating_sub(1)
    }

    /// A number below `n` (0 when `n` is 0).
    pub(super) fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}
