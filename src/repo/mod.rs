//! The repository as rsr reads it: the model (plain structs), the loader
//! (YAML files into the model, every problem with its file, line and
//! column), the sandbox every read goes through, § numbering, attendance,
//! and the scaffolding `rsr new` writes.

pub mod attendance;
pub mod load;
pub mod model;
pub mod number;
pub mod sandbox;
pub mod scaffold;
