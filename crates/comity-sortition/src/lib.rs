//! `comity-sortition` does one job: **draw a citizens' assembly by a fair lottery that
//! anyone can check.**
//!
//! Given a pool of volunteers with features (gender, age band, region, …), quotas per
//! feature value and a panel size, it computes the distribution over quota-meeting panels
//! that is fairest to the volunteers — **LEXIMIN** (maximise the smallest selection
//! probability, then the next smallest, …; Flanigan, Gölz, Gupta, Hennig & Procaccia,
//! *Nature* 596, 2021), or maximin, or Nash (maximise the product of probabilities) — with
//! every volunteer's exact probability and the panels with their weights; then it draws one
//! panel from a published seed. It reads the peer's instance format from text and does no
//! I/O, reads no clock and draws no randomness of its own: the seed comes from the caller.
//!
//! LEXIMIN is computed on the linear relaxation of the quotas first and then written as a
//! mixture of real panels, with column generation over panels where that mixture does not
//! exist. The linear and integer programs are solved by `microlp`, a pure-Rust dual simplex
//! with branch and bound.
//!
//! ```
//! use comity_sortition::{select, Algorithm, Instance, ReadOptions, Source};
//!
//! let people = "id,gender\na,f\nb,f\nc,m\nd,m\ne,m\n";
//! let categories = "feature,value,min,max\ngender,f,1,1\ngender,m,1,1\n";
//! let instance = Instance::parse(
//!     Source { name: "people.csv", text: people },
//!     Source { name: "categories.csv", text: categories },
//!     2,
//!     &ReadOptions::default(),
//! )?;
//! let selection = select(&instance, Algorithm::Leximin, &mut |_| {})?;
//! // One woman of two and one man of three on every panel: 1/2 and 1/3.
//! assert!((selection.probabilities[0] - 0.5).abs() < 1e-9);
//! assert!((selection.probabilities[4] - 1.0 / 3.0).abs() < 1e-9);
//! let panel = selection.draw(b"published seed");
//! assert!(instance.check_panel(&selection.panels[panel].members).is_ok());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod ilp;
mod infeasible;
mod instance;
mod leximin;
mod nash;
mod panels;
mod relax;
mod types;
mod walk;

pub use error::{InputError, SelectError};
pub use infeasible::{Explanation, Relaxation};
pub use instance::{Feature, Instance, Person, Quota, ReadOptions, Source, panel_size_from_json};
pub use leximin::Progress;
pub use panels::{WeightedPanel, pick, seed_to_unit};

use ilp::Model;
use leximin::Goal;
use types::Types;

/// Which fairness objective the distribution optimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Algorithm {
    /// Maximise the smallest probability, then the next smallest, and so on.
    Leximin,
    /// Maximise the smallest probability only.
    Maximin,
    /// Maximise the product of the probabilities (Nash welfare).
    Nash,
}

impl Algorithm {
    /// The name used on the command line and in results.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Leximin => "leximin",
            Algorithm::Maximin => "maximin",
            Algorithm::Nash => "nash",
        }
    }

    /// Parses `leximin`, `maximin` or `nash`.
    pub fn parse(name: &str) -> Option<Self> {
        [Algorithm::Leximin, Algorithm::Maximin, Algorithm::Nash]
            .into_iter()
            .find(|a| a.name() == name)
    }
}

/// A distribution over panels and what it gives each volunteer.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The objective used.
    pub algorithm: Algorithm,
    /// Each volunteer's selection probability, in pool order.
    pub probabilities: Vec<f64>,
    /// The panels with positive weight, weights summing to 1.
    pub panels: Vec<WeightedPanel>,
    /// Number of groups of interchangeable volunteers.
    pub types: usize,
    /// Configurations (panels up to look-alikes) in the distribution's support.
    pub configurations: usize,
}

impl Selection {
    /// The smallest selection probability.
    pub fn min_probability(&self) -> f64 {
        self.probabilities
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
    }

    /// The panel the seed draws (an index into `panels`); see [`seed_to_unit`] and [`pick`].
    pub fn draw(&self, seed: &[u8]) -> usize {
        pick(&self.panels, seed_to_unit(seed)).unwrap_or(0)
    }
}

/// Computes the fairest distribution under `algorithm`. `progress` hears about each
/// column-generation step. Quotas that no panel meets are explained
/// ([`SelectError::Infeasible`]).
pub fn select(
    instance: &Instance,
    algorithm: Algorithm,
    progress: &mut dyn FnMut(Progress),
) -> Result<Selection, SelectError> {
    let types = Types::of(instance);
    let model = Model::new(instance, &types);
    let Some((first, _)) = model.best(&vec![0.0; types.len()])? else {
        return Err(SelectError::Infeasible(Box::new(infeasible::explain(
            &model,
        )?)));
    };
    let dist = match algorithm {
        Algorithm::Leximin => leximin::optimise(&model, first, Goal::Leximin, progress)?,
        Algorithm::Maximin => leximin::optimise(&model, first, Goal::Maximin, progress)?,
        Algorithm::Nash => nash::optimise(&model, first, progress)?,
    };
    let mut probabilities = vec![0.0; instance.people.len()];
    for (t, members) in types.members.iter().enumerate() {
        for &i in members {
            probabilities[i] = dist.type_probability[t];
        }
    }
    let mut panels = Vec::new();
    for (config, weight) in &dist.configs {
        panels::expand(config, *weight, &types, &mut panels);
    }
    Ok(Selection {
        algorithm,
        probabilities,
        panels,
        types: types.len(),
        configurations: dist.configs.len(),
    })
}

/// Explains why the quotas cannot be met (also usable before a selection, to check a
/// draft). Returns `None` when some panel meets them.
pub fn explain_infeasible(instance: &Instance) -> Result<Option<Explanation>, SelectError> {
    let types = Types::of(instance);
    let model = Model::new(instance, &types);
    if model.best(&vec![0.0; types.len()])?.is_some() {
        return Ok(None);
    }
    infeasible::explain(&model).map(Some)
}
