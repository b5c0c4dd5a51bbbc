//! How rsr writes files: staged atomic writes made durable, the lock on
//! out/, and the manifest of what each PDF in out/ was made from. It knows
//! nothing of meetings.

pub mod manifest;
pub mod write;
