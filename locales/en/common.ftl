# What every message shares: how an error, a warning and a hint are
# introduced when rsr prints them.

severity-error = error
severity-warning = warning
hint = hint: { $hint }
in-place = in { $place }
error-could-not-typeset = error: could not typeset { $document }
