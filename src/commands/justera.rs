//! `rsr justera`: mark a meeting adjusted and seal its protokoll.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::args::*;
use crate::error::Error;

pub fn justera(root: &Path, args: &JusteraArgs) -> Result<ExitCode, Error> {
    let options = crate::review::justera::Options {
        date: args.datum,
        place: args.plats.clone(),
        today: crate::sv::today(),
    };
    let outcome = crate::review::justera::justera(root, &args.body, args.date, &options)?;
    crate::cli::say(&format!("{} ({})", outcome.message, outcome.lock.display()));
    Ok(ExitCode::SUCCESS)
}
