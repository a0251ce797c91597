//! Organs drawn by lot: volunteers, the committed seed, the draw.

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Add volunteers to the pool of an organ drawn by lot (one by the citizen's own form,
    /// or many from the secretariat's import).
    RegisterVolunteers {
        organ: String,
        volunteers: Vec<crate::assembly::Volunteer>,
        /// Which of these volunteers' hashes the pool holds already. The pool is not in the
        /// state: the store reads it from its table and fills this in before deciding.
        already: Vec<crate::journal::Hash>,
    },
    /// Publish the hash of the seed the next draw will use; the pool closes.
    CommitDraw {
        organ: String,
        commitment: crate::journal::Hash,
        /// Every volunteer registered so far, in order: the store reads them from its table
        /// (the state keeps only their count and digest, against which they are checked).
        pool: Vec<crate::assembly::Volunteer>,
    },
    /// Reveal the seed: compute the fairest distribution and draw the panel from it.
    DrawAssembly {
        organ: String,
        seed: String,
        /// The pool the commitment closed, in order (as for `CommitDraw`).
        pool: Vec<crate::assembly::Volunteer>,
    },
}
