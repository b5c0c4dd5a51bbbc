# commands

## src/review/justera.rs

cmd-justera-no-meeting = { $body } has no meeting on { $date } under { $folder }
cmd-justera-cancelled = { $meeting } is inställd: a cancelled meeting has no protokoll to adjust
cmd-justera-not-held = { $meeting } is { $status }: a meeting is adjusted after it has been held; set `status: genomförd` and record the attendance first
cmd-justera-unchanged = { $meeting } was adjusted on { $adjusted } and its protokoll is unchanged; nothing to do
cmd-justera-corrected = sealed the rättelse of { $meeting } ({ $parts }); the protokoll now shows it
cmd-justera-changed = the adjusted protokoll of { $meeting } has changed without a rättelse: record the change under `rättelser:` in { $file } and run rsr justera again, or undo it
cmd-justera-sealed = { $meeting } is justerad on { $date }; its protokoll is sealed, and `rsr check` will report any later change that is not a rättelse
cmd-justera-informationsbeslut = ; the body's informationsbeslut is written as `beslut:` into { $files }
cmd-justera-first-page = the first page
