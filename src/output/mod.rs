//! How rsr writes files: staged atomic writes made durable, the lock on
//! out/, the manifest of what each PDF in out/ was made from, and how
//! rsr's records there are kept whole. It knows nothing of meetings.

pub mod manifest;
pub mod summed;
pub mod write;
