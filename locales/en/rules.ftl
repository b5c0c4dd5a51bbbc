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
