//! `rsr new`: scaffold a meeting or an agenda item.

use std::path::Path;
use std::process::ExitCode;

use crate::check::gate::{self, Gate};
use crate::cli::args::*;
use crate::error::Error;

pub fn new(root: &Path, command: NewCommand) -> Result<ExitCode, Error> {
    // A meeting can be added beside a file with a mistake in it.
    let gated = gate::open(root, Gate::Partial)?;
    let repository = &gated.repository;
    let created = match command {
        NewCommand::Meeting {
            body,
            date,
            place,
            start,
            end,
        } => {
            let options = crate::repo::scaffold::MeetingOptions { place, start, end };
            crate::repo::scaffold::meeting(repository, &body, date, &options)?
        }
        NewCommand::Item { body, date, title } => {
            crate::repo::scaffold::item(repository, &body, date, &title)?
        }
        NewCommand::Body {
            name,
            kortnamn,
            typ,
            mapp,
        } => crate::repo::scaffold::body(
            repository,
            &crate::repo::scaffold::NewBody {
                name: &name,
                short_name: &kortnamn,
                kind: typ,
                folder: mapp.as_deref(),
            },
        )?,
    };
    crate::cli::say(&crate::lang::t!(
        "cmd-new-created",
        path = &created.path,
        note = created.note
    ));
    Ok(ExitCode::SUCCESS)
}
