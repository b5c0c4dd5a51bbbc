# rules: the messages of src/check/{people,lock,numbering,record,items}.rs

## src/check/people.rs

rules-did-you-mean = did you mean `{ $near }`?
rules-also-on-line = also on line { $line }
rules-person-id-empty = a person id is empty
rules-person-id-space = the person id `{ $id }` begins or ends with a space
rules-person-id = { $what }: an id names one person in every file, so it must be written out
rules-person-id-hint = write an id such as `anna.berg`, without spaces before or after
rules-member-period = { $person }'s `till: { $to }` comes before `från: { $from }`
rules-member-period-hint = `till` is the last day the entry is in force; swap the dates
rules-duplicate-member = { $person } is listed twice among the members for the same days
rules-duplicate-member-hint = also on line { $line }; for a change of role from a date, end the first entry with `till:` and start this one with `från:`
rules-not-a-member = { $person } { $role ->
        [deciding] is listed as deciding
        [substitute] serves as a substitute
       *[replaced] is replaced by a substitute
    }, but is not a member of { $body } on { $date }
rules-not-a-member-period = { $person } { $role ->
        [deciding] is listed as deciding
        [substitute] serves as a substitute
       *[replaced] is replaced by a substitute
    }, but is not a member of { $body } on { $date } (a member { $period })
rules-not-a-member-ended-hint = if the membership had not ended, correct its `från`/`till` in { $file }; a substitute who served goes under `tjänstgörande_ersättare:`
rules-not-a-member-hint = list them under `ledamöter:` in { $file }, or under `övriga:` if they took part without deciding
rules-period-from = from { $date }
rules-period-until = until { $date }
rules-unknown-item = unknown item `{ $item }`: items are named by their files, without the number prefix
rules-duplicate-present = { $person } is listed twice among those present
rules-duplicate-absent = { $person } is listed twice among the absent
rules-duplicate-partial = { $person } is listed twice under `del_av_mötet`
rules-present-and-absent = { $person } is listed both as present and as absent
rules-unknown-attendee = { $person } attended part of the meeting, but is not listed as deciding
rules-unknown-attendee-hint = list them under `beslutande:` or `tjänstgörande_ersättare:` too
rules-substitute-for-present = { $substitute } serves for { $member }, who is present
rules-substitute-for-present-hint = a substitute serves only while the member is away: give `från:` on the substitute and the member's `till:` under `del_av_mötet:`
rules-chair-not-present = the chair, { $person }, is not among the deciding members present
rules-chair-not-present-hint = if someone else presided, name them with `ordförande:` in { $file }
rules-secretary-not-present = the secretary, { $person }, is not among those present
rules-secretary-not-present-hint = list the secretary under `närvaro: övriga:`
rules-adjuster-not-present = the adjuster { $person } is not among the deciding members present
rules-unknown-person-empty = the person id is empty: write the id of a person listed under `personer` in { $file }
rules-unknown-person-empty-hint = `''` or `""` names nobody; leave the entry out if there is no one
rules-unknown-person = unknown person `{ $id }`: persons are listed under `personer` in { $file }

## src/check/items.rs

rules-invalid-pattern = `diarienummer` is not a valid regular expression: { $error }
rules-duplicate-case-number = case number { $case } is also given to { $other }
rules-case-number-pattern = case number { $case } does not match the body's pattern `{ $pattern }`
rules-cancelled-decision = a decision or its record (motions, vote, reservations, jäv) is given, but the meeting is inställd
rules-cancelled-decision-hint = an inställd meeting decides nothing: move the item to the meeting that decides it
rules-decision-before-held = a decision or its record (motions, vote, reservations, jäv) is given, but the meeting has not been held
rules-decision-before-held-hint = set `status: genomförd` in { $file } once the meeting is held
rules-proposal-without-documents = förslag till beslut without beslutsunderlag
rules-proposal-without-documents-hint = list the documents the decision rests on under `beslutsunderlag:`
rules-missing-decision = { $which }"{ $title }" has no decision, but the meeting is { $status }: a matter's paragraph records what was decided
rules-missing-decision-sealed-hint = this protokoll is sealed: if the item took no decision, mark it `typ: information`, which changes nothing the protokoll says; a decision left out is added as a rättelse under `rättelser:` in meeting.yaml, then `rsr justera`
rules-missing-decision-hint = write the decision under `beslut:`; if the item took no decision, mark it `typ: information` (or `typ: standard` for an opening item)
rules-document-outside-meeting = the file `{ $file }` is not inside the meeting folder
rules-document-outside-meeting-hint = put it in { $folder } and name it relative to that folder, without `..`
rules-document-link-out = the file `{ $file }` is a symbolic link that leads out of the meeting folder
rules-missing-document-file = the file { $file } is not in the meeting folder { $folder }
rules-attachment-not-pdf = `{ $file }` is to be attached to the kallelse, but is not a PDF
rules-attachment-not-pdf-hint = attach PDF files only; list other documents by title

## src/check/numbering.rs

rules-paragraph-range = § { $number } is no § number: they start at 1 each year and no body reaches § { $max }
rules-paragraph-range-hint = give the first § of this meeting, or remove `första_paragraf` to continue from the meeting before
rules-remove-first-paragraph = remove `första_paragraf` to continue at § { $number }
rules-paragraph-collision = § { $number } is already used: the meeting of { $date } runs to § { $last }
rules-paragraph-gap = § { $missing } would be missing: the meeting of { $date } ends at § { $last }
rules-paragraph-gap-hint = if the meetings with § { $missing } are not in the repository, say so with `föregående_paragraf: { $previous }`; otherwise { $otherwise }
rules-paragraph-gap-sealed-hint = if the meetings with § { $missing } are not in the repository, say so with `föregående_paragraf: { $previous }` (the § numbers of this meeting are sealed and stay)
rules-paragraph-resume = `första_paragraf: { $first }` does not follow `föregående_paragraf: { $stated }`, which says this meeting starts at § { $next }
rules-paragraph-resume-sealed-hint = the § numbers from § { $first } on are sealed (justering.lock) and stay: set `föregående_paragraf: { $previous }`
rules-paragraph-resume-hint = give only one of them: `föregående_paragraf: { $previous }` or `första_paragraf: { $first }`
rules-paragraph-resume-collides = `föregående_paragraf: { $stated }` collides with the meeting of { $date }, which is in the repository and runs to § { $last }
rules-remove-both-paragraphs = remove `föregående_paragraf` and `första_paragraf` to continue at § { $number }
rules-remove-previous-paragraph = remove `föregående_paragraf` to continue at § { $number }
rules-paragraph-resume-needless = `föregående_paragraf: { $stated }` explains no hole: the meeting of { $date } ends at § { $last }, and this one continues from it anyway
rules-paragraph-resume-needless-hint = remove `föregående_paragraf`
rules-correct-before = the § numbers of this meeting are sealed (justering.lock) and stay: correct the numbering of the meeting of { $date } so that it ends before § { $first }
rules-both-sealed = the protokoll of the meetings of { $before } and { $date } are both sealed, so neither's § numbers can change: record the double numbering with a `rättelser` entry

## src/check/record.rs

rules-conflict-took-part = { $person } has declared jäv for this item, but { $acting ->
        [motion] made a motion
        [reservation] reserved against the decision
       *[vote] voted
    }
rules-conflict-took-part-hint = a member with jäv takes no part in the item: no motion, vote or reservation
rules-not-deciding = { $person } { $acting ->
        [motion] made a motion
        [reservation] reserved against the decision
       *[vote] voted
    }, but is not among those deciding this item
rules-not-deciding-hint = only members present and substitutes serving decide; check `närvaro:` and `del_av_mötet:`
rules-duplicate-vote = { $person } is listed twice in the vote
rules-vote-count = the vote counts { $counted } of the { $deciding } members deciding this item; not counted: { $names }
rules-vote-count-hint = every member deciding the item votes ja, nej or avstår
rules-vote-tie = the vote is tied, { $yes } to { $no }, and the chair did not vote ja or nej
rules-vote-tie-hint = at a tie the chair's vote decides (utslagsröst)

## src/check/lock.rs

rules-adjusted-unsealed = { $meeting } is justerad, but its protokoll is not sealed: a later change would go unnoticed
rules-adjusted-unsealed-hint = run `rsr justera { $body } { $date }` to record what the protokoll holds
rules-lock-not-adjusted = { $meeting } was adjusted on { $adjusted } ({ $lock }), but its status is now { $status }
rules-lock-not-adjusted-hint = an adjusted protokoll stays adjusted: set `status: justerad` again
rules-adjusted-since-commit = the protokoll of { $meeting } was adjusted on { $adjusted } (commit { $commit })
rules-adjusted-since = the protokoll of { $meeting } was adjusted on { $adjusted }
rules-correction-unsealed = { $meeting } has a rättelse that is not yet sealed in { $lock }
rules-correction-unsealed-hint = run `rsr justera { $body } { $date }` to seal the corrected protokoll
rules-adjusted-changed-hint = undo the change, or record it as a rättelse under `rättelser:` in { $file } and run `rsr justera { $body } { $date }`
rules-adjusted-changed-field = { $prefix }, and { $change }
rules-adjusted-changed = { $prefix }, and { $what } what was adjusted then
rules-changed-first-page = its first page (attendance, times, justering or signatures) no longer says
rules-changed-first-page-and = its first page and { $paragraphs } no longer say
rules-changed-paragraphs = { $paragraphs } no longer says
rules-first-format-commit-hint = { $hint }; this justering.lock is of rsr's first format, which records no fields, so the changed one cannot be named: `git diff { $commit } -- { $folder }` shows it
rules-first-format-hint = { $hint }; this justering.lock is of rsr's first format, which records no fields, so the changed one cannot be named
rules-item-removed = the item { $title }({ $file }) has been removed since
rules-paragraph-added = § { $number } { $title }({ $file }) has been added since
rules-item-added = the item { $title }({ $file }) has been added since
rules-field-of-paragraph = { $field } of § { $number }
rules-field-in-file = { $field } in { $file }
rules-field-changed-line = { $field } has changed since: its line { $line } was { $old }, now { $new }
rules-field-changed = { $field } has changed since: it was { $old }, now { $new }
rules-field-removed = { $field } has been removed since: it was { $old }
rules-field-added = { $field } has been added since: it is { $new }
rules-field-changed-only = { $field } has changed since
rules-correction-before-justering = a rättelse dated { $date } is before the justering on { $adjusted }
rules-correction-not-adjusted = a rättelse corrects an adjusted protokoll, but this meeting is { $status }
rules-correction-before-justering-hint = before justering, change the protokoll itself
rules-correction-unknown-paragraph = the rättelse names § { $number }, which is not a paragraph of this meeting ({ $range })
rules-correction-unknown-paragraph-none = the rättelse names § { $number }, which is not a paragraph of this meeting (none)

## src/check/fields.rs

rules-empty-value = empty

## src/review/printed.rs

rules-printed-changed = the adjusted protokoll { $meeting } no longer prints the words it was adjusted with: the templates, the fonts or the version of rsr make it say something else now
rules-printed-changed-hint = an adjusted protokoll changes only by a rättelse; build it with the version of rsr it was adjusted with, or record the change as a rättelse in meeting.yaml
rules-printed-changed-template-hint = { $templates } changes what the protokoll says; a template may change how it looks but not its words; undo the change, or leave adjusted protokoll as they are
rules-attachment-changed = the beslutsunderlag `{ $file }` of the adjusted meeting { $meeting } has been replaced since its justering: the file is not the one sealed
rules-attachment-changed-hint = the documents of an adjusted protokoll are not changed afterwards; put the file back as it was (git has it), or record the change as a rättelse
rules-lock-mismatch-date = justering.lock says { $meeting } was adjusted on { $lock }, but meeting.yaml says { $file }
rules-lock-mismatch-adjusters = justering.lock says { $meeting } was adjusted by { $lock }, but meeting.yaml says { $file }
rules-lock-mismatch-hint = the lock is written by `rsr justera` and not edited by hand; restore it with git
rules-document-not-a-file = `{ $file }` is not a regular file (a folder, a named pipe or a device): a beslutsunderlag is a file

## src/check/limits.rs

rules-limit-seconds = `sekunder_per_dokument: { $given }` is more than the ceiling of { $max } seconds
rules-limit-yaml = `yaml_kb: { $given }` is more than the ceiling of { $max } kilobytes
rules-limit-memory = `megabyte_per_dokument: { $given }` is more than the ceiling of { $max } megabytes
rules-limit-hint = the ceiling cannot be lifted: a document that needs more has a template that loops or data no reader can take in; rsr uses the ceiling
rules-meeting-items = the meeting has { $count } items, more than the ceiling of { $max }: split it into several meetings
rules-meeting-bytes = the meeting's files are { $megabytes } MB of YAML, more than the ceiling of { $max } MB: put long texts in attachments
rules-lock-commit = justering.lock of { $meeting } says it was adjusted at commit { $commit }, which is not in this branch's history
rules-lock-commit-hint = the lock comes from another history: a branch merged by squashing, a rewritten history or a lock copied from another repository; make sure the protokoll is the one adjusted, or turn the rule off under `regler:` if you merge by squashing
rules-lock-removed = { $lock } is in commit { $commit } and is gone: an adjusted protokoll is a public record, and its seal may not be removed
rules-lock-removed-hint = restore it with `git checkout { $commit } -- { $lock }` (and its meeting, if that is gone too); a mistake in an adjusted protokoll is corrected by a rättelse (docs/seal.md)
rules-lock-rewritten = the justering.lock of { $meeting } has been written again over a change: against its seal in commit { $commit }, { $what } what was sealed then, and no rättelse names it
rules-lock-rewritten-hint = an adjusted protokoll changes only by a rättelse (docs/seal.md): restore that seal with `git checkout { $commit } -- { $lock }`, then record each change as a rättelse and run rsr justera
rules-attachment-too-large = `{ $file }` is larger than { $megabytes } MB, the largest beslutsunderlag rsr reads: split it, or refer to where it is kept

rules-signature-problem = the signed { $kind ->
        [utdrag] protokollsutdrag
       *[other] protokoll
    } of { $meeting }: { $problem }
rules-signature-not-sealed = the signed { $kind ->
        [utdrag] protokollsutdrag
       *[other] protokoll
    } of { $meeting } belongs to a meeting that is not adjusted and sealed
rules-signature-hint = `rsr verifiera { $body } { $date }` prints the whole report; docs/signering.md says what each check means
