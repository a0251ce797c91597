//! The demo's founding treaty (seed 000): the Treaty Commission negotiates it over three
//! rounds — Denmark and the Parliamentary Network propose wordings, brackets are settled by
//! agreement and one by a vote of the commission — the Summit adopts the final text, it opens
//! for signature, 45 members sign and 30 ratify (one with a reservation, which Denmark
//! objects to), and it enters into force on the day its clause gives.

use anyhow::Context;
use comity_core::ids::Day;
use comity_core::motion::Seat;
use comity_core::treaty::eif::{Deposit, Instrument};
use comity_core::treaty::record::Resolution;
use comity_core::treaty::text::{BracketRef, Choice};
use comity_core::{Actor, Command, Iso3, Timestamp};
use comity_core::{motion, network, treaty};
use comity_store::Institution;
use comity_voting::rules::Vote;

use super::motion::roll_call;
use super::{actor, newest_motion, record};

/// The founding treaty, where the charter has a treaty commission and the treaty's decision
/// kinds, and the treaty is not yet on the record.
pub(super) async fn treaty(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let Some(shipped) = comity_core::data::treaty("aod-founding-treaty") else {
        return Ok(());
    };
    let Some(draft) = shipped.draft else {
        return Ok(());
    };
    let Some(members) = members_by_population(inst, shipped.id).await else {
        return Ok(());
    };
    let today = Day::of(now).context("the clock is past the calendar's end")?;
    let n = Negotiation {
        inst,
        now,
        id: shipped.id.to_owned(),
        sec: actor("secretariat")?,
        dnk: Iso3::parse("DNK")?,
    };
    n.round_one(shipped.file, shipped.source, draft).await?;
    n.round_two().await?;
    n.round_three().await?;
    let signers = n.sign(&members, today).await?;
    n.ratify(&signers, today).await
}

/// Members, most populous first (Denmark, the demo delegate's state, is among the signers);
/// `None` where the charter does not fit or treaty `id` is on the record already.
async fn members_by_population(inst: &Institution, id: &str) -> Option<Vec<Iso3>> {
    let state = inst.state().await;
    let ch = &state.charter.as_ref()?.charter;
    let fits = ch.organ("treaty_commission").is_some()
        && ch
            .decision("treaty_text")
            .is_some_and(|d| d.organ == "treaty_commission")
        && ch.decision("treaty_adoption").is_some()
        && !state.treaties.contains_key(id);
    if !fits {
        return None;
    }
    let mut by_pop: Vec<(u64, Iso3)> = state
        .members
        .keys()
        .map(|k| {
            let pop = state
                .registry
                .country(k)
                .and_then(|c| c.population)
                .unwrap_or(0);
            (pop, k.clone())
        })
        .collect();
    by_pop.sort_by(|a, b| b.cmp(a));
    Some(by_pop.into_iter().map(|(_, k)| k).collect())
}

/// One treaty's negotiation, the secretariat in the chair.
struct Negotiation<'a> {
    inst: &'a Institution,
    now: Timestamp,
    id: String,
    sec: Actor,
    dnk: Iso3,
}

fn delegate(iso: &Iso3) -> anyhow::Result<Actor> {
    actor(&format!("delegate:{iso}"))
}

impl Negotiation<'_> {
    async fn exec(&self, who: Actor, cmd: Command) -> anyhow::Result<()> {
        record(self.inst, self.now, who, cmd).await
    }

    /// The first open bracket of a paragraph, wherever earlier settlements left it.
    async fn first_in(&self, para: &'static str) -> anyhow::Result<BracketRef> {
        let state = self.inst.state().await;
        state
            .treaties
            .get(&self.id)
            .and_then(|t| t.text())
            .and_then(|d| d.brackets().into_iter().find(|b| b.at.para == para))
            .map(|b| b.at)
            .with_context(|| format!("no bracket left in {para}"))
    }

    async fn settle(
        &self,
        para: &'static str,
        choice: Choice,
        by: Resolution,
    ) -> anyhow::Result<()> {
        let sec = self.sec.clone();
        let id = self.id.clone();
        let bracket: BracketRef = self.first_in(para).await?;
        self.exec(
            sec,
            Command::Treaty(treaty::Command::ResolveBracket {
                treaty: id,
                bracket,
                choice,
                by,
            }),
        )
        .await
    }

    /// A motion of `decision`, voted yes by every member but the last `no` ones.
    async fn vote(
        &self,
        decision: &'static str,
        title: &'static str,
        sponsor: Iso3,
        no: usize,
    ) -> anyhow::Result<u64> {
        let (inst, now, sec) = (self.inst, self.now, &self.sec);
        self.exec(
            delegate(&sponsor)?,
            Command::Motion(motion::Command::TableMotion {
                decision: decision.into(),
                title: title.into(),
                text: title.into(),
                sponsor: Seat::State(sponsor.clone()),
            }),
        )
        .await?;
        let m = newest_motion(inst)
            .await
            .context("the motion was not recorded")?;
        if decision == "treaty_adoption" {
            self.exec(
                actor("mp")?,
                Command::Network(network::Command::GiveOpinion {
                    motion: m,
                    organ: "parliamentary_network".into(),
                    position: comity_core::network::Position::Favourable,
                    text: "The Parliamentary Network supports the Treaty and asks the national parliaments to ratify it within two years.".into(),
                }),
            )
            .await?;
        }
        self.exec(
            sec.clone(),
            Command::Motion(motion::Command::OpenDebate { motion: m }),
        )
        .await?;
        roll_call(
            inst,
            now,
            m,
            |i, n| if i + no >= n { Vote::No } else { Vote::Yes },
        )
        .await?;
        Ok(m)
    }

    /// Round 1: the first draft; Denmark and the Parliamentary Network propose wordings.
    async fn round_one(
        &self,
        file: &'static str,
        source: &'static str,
        draft: &'static str,
    ) -> anyhow::Result<()> {
        let (sec, id, dnk) = (&self.sec, &self.id, &self.dnk);
        self.exec(
            sec.clone(),
            Command::Treaty(treaty::Command::OpenTreaty {
                organ: "treaty_commission".into(),
                file_name: file.into(),
                file: source.into(),
                text: draft.into(),
            }),
        )
        .await?;
        self.exec(
            actor("denmark")?,
            Command::Treaty(treaty::Command::ProposeWording {
                treaty: id.clone(),
                bracket: self.first_in("art_1__para_2").await?,
                wording: "The Hague".into(),
                by: Seat::State(dnk.clone()),
            }),
        )
        .await?;
        self.exec(
            actor("mp")?,
            Command::Treaty(treaty::Command::ProposeWording {
                treaty: id.clone(),
                bracket: self.first_in("art_3__para_2").await?,
                wording: "decide jointly with the Governing Council on".into(),
                by: Seat::Organ("parliamentary_network".into()),
            }),
        )
        .await?;
        self.settle(
            "preamble__p_2",
            Choice::Alternative(0),
            Resolution::Agreement,
        )
        .await?;
        self.settle(
            "art_2__para_1",
            Choice::Alternative(1),
            Resolution::Agreement,
        )
        .await
    }

    /// Round 2: the seat goes to a vote of the commission; two more brackets agreed.
    async fn round_two(&self) -> anyhow::Result<()> {
        let (sec, id, dnk) = (&self.sec, &self.id, &self.dnk);
        self.exec(
            sec.clone(),
            Command::Treaty(treaty::Command::OpenTreatyRound {
                treaty: id.clone(),
                text: None,
            }),
        )
        .await?;
        let seat_vote = self
            .vote(
                "treaty_text",
                "Seat of the Alliance: Copenhagen",
                dnk.clone(),
                20,
            )
            .await?;
        self.settle(
            "art_1__para_2",
            Choice::Alternative(0),
            Resolution::Motion(seat_vote),
        )
        .await?;
        self.settle(
            "art_2__para_2",
            Choice::Alternative(1),
            Resolution::Agreement,
        )
        .await?;
        self.settle(
            "art_3__para_2",
            Choice::Alternative(1),
            Resolution::Agreement,
        )
        .await
    }

    /// Round 3: the rest agreed; the Summit adopts the final text.
    async fn round_three(&self) -> anyhow::Result<()> {
        let (sec, id, dnk) = (&self.sec, &self.id, &self.dnk);
        self.exec(
            sec.clone(),
            Command::Treaty(treaty::Command::OpenTreatyRound {
                treaty: id.clone(),
                text: None,
            }),
        )
        .await?;
        // Article 4's paragraph 1 holds two brackets: each is settled in turn.
        for para in [
            "art_4__para_1",
            "art_4__para_1",
            "art_5__para_1",
            "art_6__para_1",
            "art_8__para_1",
        ] {
            self.settle(para, Choice::Alternative(0), Resolution::Agreement)
                .await?;
        }
        let adoption = self
            .vote(
                "treaty_adoption",
                "Adoption of the Treaty establishing the Alliance of Democracies",
                dnk.clone(),
                9,
            )
            .await?;
        self.exec(
            sec.clone(),
            Command::Treaty(treaty::Command::AdoptTreaty {
                treaty: id.clone(),
                motion: adoption,
            }),
        )
        .await
    }

    /// Signature in Copenhagen by the 44 most populous members and Denmark; the signers.
    async fn sign(&self, members: &[Iso3], today: Day) -> anyhow::Result<Vec<Iso3>> {
        let (sec, id, dnk) = (&self.sec, &self.id, &self.dnk);
        self.exec(
            sec.clone(),
            Command::Treaty(treaty::Command::OpenTreatyForSignature {
                treaty: id.clone(),
                date: today,
                place: "Copenhagen".into(),
            }),
        )
        .await?;
        let mut signers: Vec<Iso3> = members.iter().take(44).cloned().collect();
        if !signers.contains(dnk) {
            signers.push(dnk.clone());
        }
        for s in &signers {
            self.exec(
                delegate(s)?,
                Command::Treaty(treaty::Command::SignTreaty {
                    treaty: id.clone(),
                    state: s.clone(),
                    date: today,
                }),
            )
            .await?;
        }
        Ok(signers)
    }

    /// Ratifications until the clause is met, the second with a reservation Denmark objects to.
    async fn ratify(&self, signers: &[Iso3], today: Day) -> anyhow::Result<()> {
        let (sec, id, dnk) = (&self.sec, &self.id, &self.dnk);
        let threshold = self
            .inst
            .state()
            .await
            .treaties
            .get(id)
            .and_then(|t| t.instrument_threshold())
            .unwrap_or(30) as usize;
        for (i, s) in signers.iter().take(threshold).enumerate() {
            let reservations = if i == 1 {
                vec![
                    "Article 8 shall apply to it only after a transition of three budget years."
                        .to_owned(),
                ]
            } else {
                Vec::new()
            };
            self.exec(
                sec.clone(),
                Command::Treaty(treaty::Command::DepositInstrument {
                    treaty: id.clone(),
                    deposit: Deposit {
                        state: s.clone(),
                        instrument: Instrument::Ratification,
                        date: today,
                        share: None,
                    },
                    reservations,
                    declarations: Vec::new(),
                }),
            )
            .await?;
        }
        if let Some(reserving) = signers.get(1).filter(|s| *s != dnk) {
            self.exec(
                actor("denmark")?,
                Command::Treaty(treaty::Command::ObjectToReservation {
                    treaty: id.clone(),
                    state: dnk.clone(),
                    reserving: reserving.clone(),
                    reservation: 1,
                    text: "Denmark objects to the reservation to Article 8, which would defer the obligation to share the Alliance's costs; the objection does not preclude the entry into force of the Treaty between Denmark and the reserving State.".into(),
                    date: today,
                }),
            )
            .await?;
        }
        Ok(())
    }
}
