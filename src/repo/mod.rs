//! The repository as rsr reads it: the model (plain structs), the loader
//! (YAML files into the model, every problem with its file, line and
//! column), the sandbox every read goes through, each body's model kept
//! between builds, § numbering, attendance, and the scaffolding `rsr new`
//! writes.

pub(crate) mod attendance;
pub mod cache;
pub mod glyphs;
pub mod labels;
pub mod load;
pub mod model;
pub(crate) mod number;
pub(crate) mod parallel;
pub(crate) mod recover;
pub(crate) mod sandbox;
pub(crate) mod scaffold;
pub mod store;
