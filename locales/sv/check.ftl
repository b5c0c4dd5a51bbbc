# check

# Raden sist i rsr check.
check-summary-none = rsr check: inga problem hittades
check-summary-errors = rsr check: { $errors ->
        [one] ett fel
       *[other] { $errors } fel
    }
check-summary-warnings = rsr check: { $warnings ->
        [one] en varning
       *[other] { $warnings } varningar
    }
check-summary-both = rsr check: { $errors ->
        [one] ett fel
       *[other] { $errors } fel
    }, { $warnings ->
        [one] en varning
       *[other] { $warnings } varningar
    }
