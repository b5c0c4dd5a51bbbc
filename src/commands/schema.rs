//! `rsr schema`: print a schema, or write them all into a folder.

use crate::cli::args::SchemaArgs;
use crate::error::Error;
use crate::schema::{self, FileKind};

pub fn schema(args: &SchemaArgs) -> Result<(), Error> {
    match &args.out {
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            for kind in FileKind::ALL {
                let path = dir.join(kind.file_name());
                std::fs::write(&path, schema::text(kind)).map_err(|e| Error::io(&path, e))?;
            }
        }
        None => print!("{}", schema::text(args.kind.unwrap_or(FileKind::Meeting))),
    }
    Ok(())
}
