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
