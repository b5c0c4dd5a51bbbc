//! The one gate between the repository and a command: it loads the
//! repository once (each body numbered as it is made), runs the rules as
//! far as the command asks, and hands on the repository with what was
//! found. Each command names the gate it passes.

use std::path::Path;

use crate::error::{Diagnostic, Error};
use crate::repo::load::{self, Loaded};
use crate::repo::model::Repository;

/// How much of the repository must be right before a command runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Whatever reads, the rules not run; what did not read is handed on
    /// (`rsr diff`, which compares two trees as they are; `rsr new`, which
    /// may add a meeting beside a file with a mistake). Only an unreadable
    /// rsr.yaml stops it.
    Partial,
    /// Every file reads; the rules are not run (`rsr justera` before it
    /// edits, the build's second reading for the site).
    Loaded,
    /// Whatever reads, every rule run, every problem handed on (`rsr
    /// list`). Only an unreadable rsr.yaml stops it.
    Reported,
    /// Every file reads and no rule gives an error (`rsr build`, `rsr
    /// publish`, `rsr justera`); its warnings are handed on.
    Checked,
}

/// A repository through its gate.
#[derive(Debug)]
pub struct Gated {
    pub repository: Repository,
    /// What was found that did not stop the command: warnings after
    /// `Checked`, every problem after `Reported` (after `Partial`, what did
    /// not read), nothing after `Loaded`.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads the repository at `root` and passes it through `gate`.
pub fn open(root: &Path, gate: Gate) -> Result<Gated, Error> {
    pass(load::load(root), gate)
}

/// Passes a loaded repository through `gate`. What stops it is an
/// `Error::Data` with every problem found, warnings too.
pub fn pass(loaded: Loaded, gate: Gate) -> Result<Gated, Error> {
    match gate {
        Gate::Partial => {
            let problems = loaded.problems.clone();
            match loaded.whole() {
                Some(repository) => Ok(Gated {
                    repository,
                    diagnostics: problems,
                }),
                None => Err(Error::Data(problems)),
            }
        }
        Gate::Loaded => match (loaded.repository, loaded.problems.is_empty()) {
            (Some(repository), true) => Ok(Gated {
                repository,
                diagnostics: Vec::new(),
            }),
            _ => Err(Error::Data(loaded.problems)),
        },
        Gate::Reported | Gate::Checked => {
            through(super::check_loaded(loaded), gate).map(|(gated, _)| gated)
        }
    }
}

/// Passes a loaded repository through `Gate::Checked`, taking each body's
/// findings and seals from `remembered` where it has them; with what each
/// body's own rules found and the seals of those whose rules ran.
pub fn pass_remembering(
    loaded: Loaded,
    remembered: super::Remembered,
) -> Result<(Gated, OfBodies), Error> {
    through(super::check_remembering(loaded, remembered), Gate::Checked)
}

/// What each body's own rules found, and the seals they compared, by the
/// body's place (`Checked::of_bodies`, `Checked::seals`).
pub struct OfBodies {
    pub findings: Vec<Vec<Diagnostic>>,
    pub seals: Vec<Vec<(usize, super::seal::Seal)>>,
}

fn through(checked: super::Checked, gate: Gate) -> Result<(Gated, OfBodies), Error> {
    let errors = checked.errors();
    match checked.repository {
        Some(repository) if gate == Gate::Reported || errors == 0 => Ok((
            Gated {
                repository,
                diagnostics: checked.diagnostics,
            },
            OfBodies {
                findings: checked.of_bodies,
                seals: checked.seals,
            },
        )),
        _ => Err(Error::Data(checked.diagnostics)),
    }
}
