//! What someone asks the institution to do, by capability. `decide` turns a command into
//! events or a refusal; `authorize` says whether the person asking may ask for it.

use crate::{
    assembly, base, caucus, consultations, election, initiatives, membership, motion, network,
    pledges, reporting, sanctions, treaty,
};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Base(base::Command),
    Motion(motion::Command),
    Election(election::Command),
    Assembly(assembly::Command),
    Membership(membership::Command),
    Network(network::Command),
    Reporting(reporting::Command),
    Treaty(treaty::Command),
    Caucus(caucus::Command),
    Pledges(pledges::Command),
    Sanctions(sanctions::Command),
    Initiatives(initiatives::Command),
    Consultations(consultations::Command),
}

macro_rules! from_capability {
    ($($cap:ident => $variant:ident),* $(,)?) => {$(
        impl From<$cap::Command> for Command {
            fn from(c: $cap::Command) -> Self {
                Self::$variant(c)
            }
        }
    )*};
}
from_capability!(base => Base, motion => Motion, election => Election, assembly => Assembly,
    membership => Membership, network => Network, reporting => Reporting, treaty => Treaty, caucus => Caucus,
    pledges => Pledges, sanctions => Sanctions, initiatives => Initiatives, consultations => Consultations);
