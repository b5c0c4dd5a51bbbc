# check

# The last line of rsr check.
check-summary-none = rsr check: no problems found
check-summary-errors = rsr check: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }
check-summary-warnings = rsr check: { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
check-summary-both = rsr check: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }

## src/check/meeting.rs

check-held-without-attendance = the meeting is held, but its attendance is not recorded
check-held-without-attendance-hint = add `närvaro:` with `beslutande:` (and `ej_närvarande:`, `övriga:`)
check-adjusted-without-adjusters = the meeting is justerad, but no justerare is named
check-adjusted-without-adjusters-hint = name them with `justerare: [id]`
check-next-meeting-not-after = the next meeting, { $next }, is not after this one ({ $this })
check-next-meeting-cancelled = the next meeting, { $next }, is inställd
check-next-meeting-cancelled-hint = name the meeting that takes place next instead
check-justering-before-meeting = the justering, { $date }, is before the meeting
check-justering-late = the justering is { $days } days after the meeting; the protokoll must be adjusted within { $limit } days (Kommunallagen 5 kap. 69 §, 6 kap. 35 §)
check-notice-period = the kallelse was sent { $days } days before the meeting; the body's kallelsetid is { $notice } days
check-quorum = only { $present } of the body's { $members } members are present; a quorum needs { $needed } (Kommunallagen 5 kap. 45 §, 6 kap. 27 §)
check-cancelled-attendance = the meeting is inställd, but its attendance (`närvaro`) is recorded
check-cancelled-attendance-hint = remove `närvaro:`, or set the status the meeting had if it was held
check-cancelled-justering = the meeting is inställd, but justerare or a justering are given: it has no protokoll to adjust
check-cancelled-justering-hint = remove `justerare:` and `justering:`
check-cancelled-paragraph = the meeting is inställd and has no § numbers, but `{ $field }` pins them
check-cancelled-paragraph-hint = move `{ $field }: { $number }` to the next meeting, whose numbering it means

## src/check/times.rs

check-end-before-start = the meeting ends at { $end } but starts at { $start }
check-item-outside-meeting = the item is planned at { $at }, outside the meeting ({ $span })
check-item-time-order = the item is planned at { $at }, before the previous item ({ $title }, { $before })
check-item-time-order-hint = items follow their file names' order; renumber the files or correct `tid`

## src/check/appearance.rs

check-label-empty = `{ $id }` is empty: a heading or label must say something
check-label-empty-hint = write the wording, or leave `{ $id }` out to keep the default
check-label-placeholder = `{ $id }` has a placeholder it does not know: `{ $placeholder }`
check-label-placeholder-near-hint = did you mean `{ $near }`? `{ $id }` takes { $listed }
check-label-placeholder-hint = `{ $id }` takes { $listed }
check-participant-without-name = `deltagare_format` leaves out the participant's name
check-participant-without-name-hint = write `{ $name }` where the name goes; it takes { $listed }
check-logo-without-alt = the logo has no alternative text
check-logo-without-alt-hint = say in `alt:` what the logo shows, e.g. `alt: Kommunförbundets logotyp`: a screen reader reads it out (PDF/UA)
check-logo-outside-repository = the logo `{ $name }` is outside the repository
check-logo-outside-repository-root-hint = put the file in the repository and name it from the repository's root without `..`
check-logo-outside-repository-hint = put the file in the repository and name it from the folder { $folder } without `..`
check-logo-too-large = the logo `{ $name }` is larger than { $limit } MB
check-logo-missing = the logo { $path } is not in the repository
check-logo-unreadable = the logo { $path } cannot be read: { $error }
check-logo-not-image-content = the logo `{ $name }` is not an SVG or PNG file: its content is not what its name says
check-logo-not-image-name = the logo `{ $name }` is not an SVG or PNG file: its name does not end in .svg or .png
check-logo-not-image-hint = save the logo as SVG (best: it stays sharp) or PNG

## src/check/mod.rs

check-rule-fixed = `{ $id }` guards adjusted protokoll or a ceiling of what a build may take, and cannot be configured
check-unknown-rule = `regler` names a rule that does not exist: `{ $id }`
check-did-you-mean = did you mean `{ $near }`?
check-website-url = `webbplats: { $value }` is not the address of a site: an https:// (or http://) URL with a host, without spaces, query or fragment
check-website-url-hint = write the address the site is published at, e.g. `webbplats: https://www.storsjo.se/protokoll/`
check-kungorelse-period = the fullmäktige meeting was called { $days } days before it; the kungörelse must be made at least { $required } days before (Kommunallagen 5 kap. 11 §)
check-personal-number = a personal identity number ({ $number }) in text that is published: the documents and the site must not carry it
check-personal-number-hint = write the matter without it (a name, a property, a case number), or mark the item `sekretess:`; a number the item must show goes under `tillåtna_personnummer:`
check-assignment-overdue = the uppdrag “{ $what }” was to be done by { $due } and is not marked done
check-assignment-overdue-hint = when it is done, write `status: klart` and `klart: <date>`; if it has a new day, change `senast:` and say why under `kommentar:`
check-motion-overdue = the motion “{ $title }”, moved on { $moved }, has waited more than a year for fullmäktige's decision (since { $year }; Kommunallagen 5 kap. 35 §)
check-motion-overdue-hint = when fullmäktige decides it, write `beslutad: <date>` and `beslut:`; a motion that cannot be decided within a year is to be reported to fullmäktige with where it stands
check-secrecy-provision = the secrecy names no provision: a body under Kommunallagen must give the provision the information is secret under
check-secrecy-provision-hint = write `lagrum:` under `sekretess:`, e.g. `lagrum: OSL 26 kap. 1 §`; `grund:` may say what the information concerns
check-secrecy-marking = the secrecy marking is incomplete: OSL 5 kap. 5 § asks for the provision, the date and the authority, and the internal protokoll prints only the short text
check-secrecy-marking-hint = write `lagrum:` (and if needed `datum:` and `myndighet:`; by default the meeting's date and the body) under `sekretess:`
