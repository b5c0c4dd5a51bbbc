//! `rsr verifiera`: check the signatures of a signed protokoll, alone or
//! against its meeting.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::args::{VerifieraArgs, VerifyFormat};
use crate::error::{Error, exit};
use crate::review::sign::{self, Target};

/// `root` is the repository when one was found: its trust list serves a
/// file checked alone; a meeting needs it.
pub fn verifiera(root: Option<&Path>, args: &VerifieraArgs) -> Result<ExitCode, Error> {
    let target = match args.date {
        Some(date) => Target::Meeting {
            body: args.target.clone(),
            date,
            what: match args.paragraf {
                Some(paragraph) => sign::Signable::Utdrag(paragraph),
                None => sign::Signable::Protokoll,
            },
            file: args.fil.clone(),
        },
        None => Target::File(PathBuf::from(&args.target)),
    };
    let verification = sign::verifiera(root, target, chrono::Utc::now())?;
    match args.format {
        VerifyFormat::Human => {
            let report = sign::report(&verification);
            println!("{report}");
        }
        VerifyFormat::Json => {
            let json = serde_json::to_string_pretty(&verification)
                .map_err(|e| Error::Internal(e.to_string()))?;
            println!("{json}");
        }
    }
    Ok(ExitCode::from(if verification.errors() > 0 {
        exit::DATA
    } else {
        exit::SUCCESS
    }))
}
