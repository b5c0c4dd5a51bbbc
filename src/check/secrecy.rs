//! Secrecy as the law asks: a confidential item of a body under
//! Kommunallagen names the provision it is secret under
//! (`secrecy-provision`), and, while its meeting is not yet adjusted, gives
//! what the internal protokoll's marking needs under OSL 5 kap. 5 §
//! (`secrecy-marking`: a `lagrum`, `datum` or `myndighet`, without which
//! the old short text is printed).

use super::{Context, finding};
use crate::error::Diagnostic;
use crate::repo::model::Status;

pub fn meeting(context: &Context, found: &mut Vec<Diagnostic>) {
    let under_kl = context.body.spec.kind.under_kommunallagen();
    for item in &context.meeting.items {
        let Some(secrecy) = &item.spec.secrecy else {
            continue;
        };
        // At `grund:` or `lagrum:` where given, else at `sekretess:`.
        let at = secrecy
            .provision
            .as_ref()
            .or(secrecy.ground.as_ref())
            .map(|located| located.loc(&item.file))
            .unwrap_or_else(|| super::items::key_loc(context, &item.file, "sekretess:"));
        if secrecy.provision().is_none() && (under_kl || secrecy.ground.is_none()) {
            found.push(
                finding(
                    "secrecy-provision",
                    at.clone(),
                    crate::lang::t!("check-secrecy-provision"),
                )
                .with_hint(crate::lang::t!("check-secrecy-provision-hint")),
            );
        }
        if under_kl && !secrecy.marked() && !context.meeting.status().reached(Status::Adjusted) {
            found.push(
                finding(
                    "secrecy-marking",
                    at,
                    crate::lang::t!("check-secrecy-marking"),
                )
                .with_hint(crate::lang::t!("check-secrecy-marking-hint")),
            );
        }
    }
}
