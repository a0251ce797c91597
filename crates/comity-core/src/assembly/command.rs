//! Organs drawn by lot: volunteers, the committed seed, the draw.

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Add volunteers to the pool of an organ drawn by lot (one by the citizen's own form,
    /// or many from the secretariat's import).
    RegisterVolunteers {
        organ: String,
        volunteers: Vec<crate::assembly::Volunteer>,
    },
    /// Publish the hash of the seed the next draw will use; the pool closes.
    CommitDraw {
        organ: String,
        commitment: crate::journal::Hash,
    },
    /// Reveal the seed: compute the fairest distribution and draw the panel from it.
    DrawAssembly { organ: String, seed: String },
}
