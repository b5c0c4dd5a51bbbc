//! rsr turns a git repository of YAML files into the formal meeting documents
//! of Swedish public bodies. Data flows one way, one folder per stage:
//! `repo` (load the YAML into the model) → `check` (every rule, every
//! problem) → `docs` (each kind of document's data) → `typeset` (Typst, to
//! PDF) → `output` (staged writes, the manifest) → `site` (index, feed,
//! calendars, open data). `build` drives them; `review` compares and seals;
//! `commands` holds one file per subcommand and `cli` parses the command
//! line and prints. ARCHITECTURE.md says what each room owns.

pub(crate) mod archive;
pub(crate) mod build;
pub mod check;
pub mod cli;
pub mod commands;
pub mod docs;
pub mod error;
pub mod fonts;
pub mod lang;
pub mod memory;
#[doc(hidden)]
pub mod output;
pub mod repo;
pub mod review;
pub mod schema;
pub(crate) mod site;
pub(crate) mod sv;
pub(crate) mod typeset;

pub use error::{Diagnostic, Error};
pub use repo::model::Repository;
