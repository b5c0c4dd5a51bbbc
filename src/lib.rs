//! rsr turns a git repository of YAML files into the formal meeting documents
//! of Swedish public bodies. One pipeline, one module per stage:
//! `load` → `model` → `check` → `number` → `docs` → `render` → `write`,
//! driven by `cli`.

pub mod attendance;
pub mod build;
pub mod check;
pub mod cli;
pub mod diff;
pub mod docs;
pub mod error;
pub mod holidays;
pub mod ics;
pub mod list;
pub mod load;
pub mod lock;
pub mod manifest;
pub mod markdown;
pub mod model;
pub mod new;
pub mod number;
pub mod opendata;
pub mod render;
pub mod sandbox;
pub mod schema;
pub mod site;
pub mod sv;
pub mod watch;
pub mod write;

pub use error::{Diagnostic, Error};
pub use model::Repository;
