# Digital signatures: rsr signera, rsr verifiera (src/review/sign).

sign-how = say how to sign: --certifikat FILE, --forbered FILE or --ta-emot FILE
sign-no-meeting = { $body } has no meeting on { $date }
sign-not-sealed = { $meeting } is not adjusted and sealed: a protokoll is signed after `rsr justera`
sign-seal-broken = { $meeting }: the protokoll no longer is what justering.lock sealed; run `rsr check`, and sign once it passes
sign-trust-unreadable = { $file } in the trust list is not a certificate (PEM or DER): { $reason }
sign-no-repository = a meeting is checked in its repository: run this inside one, or give --root
sign-not-signed = { $meeting } has no signed { $kind ->
        [utdrag] protokollsutdrag
       *[other] protokoll
    } ({ $file } does not exist)
sign-prepared = wrote { $file }: the { $kind ->
        [utdrag] protokollsutdrag
       *[other] protokoll
    } of { $meeting } with its signature fields, for the signing service; take it back with `rsr signera … --ta-emot`
sign-not-extending = { $file } does not continue { $signed }: a signing service must sign the PDF `rsr signera … --forbered` wrote, adding to it, not a PDF of its own
sign-none = { $file } holds no signature
sign-accepted = took in the signed { $kind ->
        [utdrag] protokollsutdrag
       *[other] protokoll
    } of { $meeting }: { $count } signed ({ $file })
sign-signed = signed the { $kind ->
        [utdrag] protokollsutdrag
       *[other] protokoll
    } of { $meeting } as { $name }, { $role }: { $count } signed ({ $file })
sign-no-field-for = the certificate names { $name }, who does not sign the { $kind ->
        [utdrag] protokollsutdrag
       *[other] protokoll
    } of { $meeting } or has signed it already; it is signed by { $named }. Give the field with --roll if the name is written another way
sign-no-utdrag = { $meeting } has no protokollsutdrag of § { $paragraph }: an utdrag is made of each paragraph once the meeting is adjusted
sign-p12 = the certificate file could not be opened: { $reason }
sign-no-password = the certificate's password is read from { $variable }, or asked for at a terminal; set { $variable }
sign-password-prompt = Password for { $file }:
sign-note = note: { $note }

sign-pdf-unreadable = the PDF cannot be read: { $reason }
sign-pdf-shape = the PDF is not as rsr makes it: { $what }
sign-pdf-no-field = the PDF has no empty signature field { $field }
sign-pdf-signed = the field { $field } is signed already
sign-pdf-too-large = the signature is { $size } bytes, more than the { $room } rsr left room for
sign-cms-keystore = { $reason } (a wrong password?)
sign-cms-no-key = the file holds no private key with its certificate

sign-problem-unreadable = the PDF cannot be read: { $reason }
sign-problem-trailing = bytes follow the last revision of the PDF
sign-problem-not-the-build = the signed PDF is not the protokoll rsr builds from the sealed data: it was made from other data, or by another version of rsr or the templates
sign-problem-not-prepared = the signature fields are not the ones rsr prepares for this protokoll
sign-problem-changed-after = revision { $revision } changes the document after the fields were prepared: object { $object } ({ $what })
sign-problem-not-covered = the signature does not cover the whole file up to its revision
sign-problem-broken = the signature does not match the bytes: the file was changed after it was signed
sign-problem-malformed = the signature cannot be read: { $reason }
sign-problem-unsupported = rsr does not check { $what }
sign-problem-wrong-signer = signed by someone other than { $expected }, whom the protokoll names as { $role }
sign-problem-unknown-field = the protokoll names no signer for this field
sign-problem-before-meeting = signed before the meeting of { $meeting }
sign-problem-in-future = the signing time has not come yet
sign-problem-certificate-not-valid = the certificate was not valid when it signed (valid { $from } to { $until })
sign-problem-untrusted = the certificate does not chain to a CA in signering/betrodda/
sign-problem-no-time = the signature names no signing time

sign-report-file = { $file }: { $count } signed, { $against }
sign-report-against = checked against { $meeting }
sign-report-alone = not checked against a meeting's data
sign-report-good = valid
sign-report-bad = NOT VALID
sign-report-trusted = certificate issued under { $ca }

build-signed-invalid = the signed { $kind ->
        [utdrag] protokollsutdrag
       *[other] protokoll
    } of { $meeting } does not verify against the one built now; the site and the open data serve the unsigned document
sign-not-electronic = the protokoll of { $meeting } prints lines to sign on in ink; with `justering: {"{"}underskrift: elektronisk{"}"}` in meeting.yaml before `rsr justera`, a protokoll names its signers without lines and says it is signed electronically
sign-report-earlier = typeset under an earlier environment ({ $environment }…: other templates, fonts or rsr); bound by its signed record of the printed text justering.lock sealed
sign-reader-failed = the PDF reader could not make sense of it
sign-too-many-revisions = it has { $count } revisions, more than the { $most } a signed protokoll may have
sign-problem-timestamp-invalid = the time-stamp over the signature does not hold: { $reason }
sign-problem-timestamp-untrusted = the time-stamp authority { $authority } does not chain to a CA in signering/betrodda/
sign-problem-after-timestamp = the signature claims a later time than its time-stamp, { $stamped }
sign-report-timestamp = time-stamped { $time } by { $authority }
sign-tsa-url = the time-stamp authority is asked over http:// (its answer is signed and checked): { $url } is not such a URL
sign-tsa-unreachable = the time-stamp authority did not answer with a time-stamp: { $reason }; nothing was signed
sign-tsa-refused = the time-stamp authority refused: { $reason }; nothing was signed
sign-report-document-timestamp = document time-stamp { $time } by { $authority }
sign-problem-untagged-field = the signature field { $field } is not tagged for screen readers, so the signed PDF is no longer PDF/UA-1: a field added after rsr prepared the protokoll; ask the signing service to sign in the prepared fields without adding fields
sign-problem-document-timestamp-invalid = the document time-stamp does not hold: { $reason }
sign-problem-font-not-embedded = the signature in { $field } is shown with the font { $font } without embedding it, so the signed PDF is no longer PDF/A: ask the signing service to embed its fonts, or to sign invisibly
