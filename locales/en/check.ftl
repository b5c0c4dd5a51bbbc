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
