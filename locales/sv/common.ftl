# Det som varje meddelande delar: hur ett fel, en varning och ett råd
# inleds när rsr skriver ut dem.

severity-error = fel
severity-warning = varning
hint = tips: { $hint }
in-place = i { $place }
error-could-not-typeset = fel: { $document } gick inte att sätta
