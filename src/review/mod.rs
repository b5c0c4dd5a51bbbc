//! What a change does to the record: `rsr diff` (which documents and
//! paragraphs a change touches, for a pull request) and `rsr justera`
//! (marking a meeting adjusted and sealing its protokoll).

pub mod diff;
pub(crate) mod git;
pub mod justera;
pub mod kept;
pub mod printed;
pub mod sign;
