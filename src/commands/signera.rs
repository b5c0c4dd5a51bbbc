//! `rsr signera`: sign an adjusted protokoll with a certificate, or hand it
//! to a signing service and take it back.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::args::SigneraArgs;
use crate::error::Error;
use crate::lang::t;
use crate::review::sign::{self, PASSWORD_VARIABLE, Signing};

pub fn signera(root: &Path, args: &SigneraArgs) -> Result<ExitCode, Error> {
    let signing = if let Some(file) = &args.certifikat {
        let p12 = std::fs::read(file).map_err(|e| Error::io(file, e))?;
        Signing::Certificate {
            p12,
            password: password(file)?,
            field: args.roll.clone(),
            timestamp: args.tidsstampel.clone(),
        }
    } else if let Some(target) = &args.forbered {
        Signing::Prepare {
            target: target.clone(),
        }
    } else if let Some(signed) = &args.ta_emot {
        Signing::Accept {
            signed: signed.clone(),
        }
    } else {
        return Err(Error::Usage(t!("sign-how")));
    };
    let now = chrono::Local::now().fixed_offset();
    let what = match args.paragraf {
        Some(paragraph) => sign::Signable::Utdrag(paragraph),
        None => sign::Signable::Protokoll,
    };
    let signed = sign::signera(root, &args.body, args.date, what, signing, now)?;
    crate::cli::say(&signed.message);
    for note in &signed.notes {
        crate::cli::say(&t!("sign-note", note = note));
    }
    Ok(ExitCode::SUCCESS)
}

/// The .p12 file's password: from the environment, else asked for at a
/// terminal without echo. Never from the command line, where other users
/// and the shell's history would see it.
fn password(file: &Path) -> Result<String, Error> {
    if let Ok(password) = std::env::var(PASSWORD_VARIABLE) {
        return Ok(password);
    }
    if !std::io::stdin().is_terminal() {
        return Err(Error::Usage(t!(
            "sign-no-password",
            variable = PASSWORD_VARIABLE
        )));
    }
    let prompt = t!("sign-password-prompt", file = file.display().to_string());
    rpassword::prompt_password(format!("{prompt} ")).map_err(|e| Error::io("/dev/tty", e))
}
