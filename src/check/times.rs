//! Times: a meeting ends after it starts, and its items are planned in
//! order within it.

use super::{Context, finding};
use crate::error::Diagnostic;

pub fn meeting(context: &Context, found: &mut Vec<Diagnostic>) {
    let meeting = context.meeting;
    let spec = &meeting.spec;
    let start = spec.start.value;
    // An end before the start is reported once, below; items are then
    // checked against the start only.
    let end = spec
        .end
        .as_ref()
        .map(|end| end.value)
        .filter(|end| *end > start);
    if let Some(end_at) = &spec.end
        && end_at.value <= start
    {
        found.push(finding("end-before-start", end_at.loc(&meeting.file), {
            let (end, start) = (end_at.value.to_string(), start.to_string());
            crate::lang::t!("check-end-before-start", end = end, start = start)
        }));
    }

    let mut previous = None;
    for item in &meeting.items {
        let Some(time) = &item.spec.time else {
            continue;
        };
        let at = time.value;
        if at < start || end.is_some_and(|end| at > end) {
            let span = crate::sv::time_span(start, end);
            found.push(finding("item-outside-meeting", time.loc(&item.file), {
                let at = at.to_string();
                crate::lang::t!("check-item-outside-meeting", at = at, span = span)
            }));
        }
        if let Some((before, title)) = previous
            && at < before
        {
            found.push(
                finding("item-time-order", time.loc(&item.file), {
                    let (at, before) = (at.to_string(), before.to_string());
                    crate::lang::t!(
                        "check-item-time-order",
                        at = at,
                        title = title,
                        before = before
                    )
                })
                .with_hint(crate::lang::t!("check-item-time-order-hint")),
            );
        }
        previous = Some((at, item.spec.title.as_str()));
    }
}
