# rules: meddelandena i src/check/{people,lock,numbering,record,items}.rs

## src/check/people.rs

rules-did-you-mean = menade du `{ $near }`?
rules-also-on-line = finns också på rad { $line }
rules-person-id-empty = ett person-id är tomt
rules-person-id-space = person-id:t `{ $id }` börjar eller slutar med ett mellanslag
rules-person-id = { $what }: ett id står för samma person i alla filer och måste därför skrivas ut
rules-person-id-hint = skriv ett id som `anna.berg`, utan mellanslag före eller efter
rules-member-period = { $person } har `till: { $to }` före `från: { $from }`
rules-member-period-hint = `till` är den sista dagen posten gäller; byt plats på datumen
rules-duplicate-member = { $person } står två gånger bland ledamöterna för samma dagar
rules-duplicate-member-hint = finns också på rad { $line }; vid byte av roll från ett datum, avsluta den första posten med `till:` och börja den här med `från:`
rules-not-a-member = { $person } { $role ->
        [deciding] står som beslutande
        [substitute] tjänstgör som ersättare
       *[replaced] ersätts av en ersättare
    }, men är inte ledamot i { $body } den { $date }
rules-not-a-member-period = { $person } { $role ->
        [deciding] står som beslutande
        [substitute] tjänstgör som ersättare
       *[replaced] ersätts av en ersättare
    }, men är inte ledamot i { $body } den { $date } (ledamot { $period })
rules-not-a-member-ended-hint = om uppdraget inte hade upphört, rätta dess `från`/`till` i { $file }; en ersättare som tjänstgjorde förs upp under `tjänstgörande_ersättare:`
rules-not-a-member-hint = för upp personen under `ledamöter:` i { $file }, eller under `övriga:` om hen deltog utan att besluta
rules-period-from = från { $date }
rules-period-until = till och med { $date }
rules-unknown-item = okänt ärende `{ $item }`: ärenden heter som sina filer, utan numret först
rules-duplicate-present = { $person } står två gånger bland de närvarande
rules-duplicate-absent = { $person } står två gånger bland de frånvarande
rules-duplicate-partial = { $person } står två gånger under `del_av_mötet`
rules-present-and-absent = { $person } står både som närvarande och som frånvarande
rules-unknown-attendee = { $person } deltog i en del av sammanträdet men står inte som beslutande
rules-unknown-attendee-hint = för upp personen under `beslutande:` eller `tjänstgörande_ersättare:` också
rules-substitute-for-present = { $substitute } tjänstgör för { $member }, som är närvarande
rules-substitute-for-present-hint = en ersättare tjänstgör bara medan ledamoten är borta: ange `från:` för ersättaren och ledamotens `till:` under `del_av_mötet:`
rules-chair-not-present = ordföranden, { $person }, finns inte bland de närvarande beslutande ledamöterna
rules-chair-not-present-hint = om någon annan var ordförande, ange hen med `ordförande:` i { $file }
rules-secretary-not-present = sekreteraren, { $person }, finns inte bland de närvarande
rules-secretary-not-present-hint = för upp sekreteraren under `närvaro: övriga:`
rules-adjuster-not-present = justeraren { $person } finns inte bland de närvarande beslutande ledamöterna
rules-unknown-person-empty = person-id:t är tomt: skriv id:t för en person under `personer` i { $file }
rules-unknown-person-empty-hint = `''` eller `""` är ingen; utelämna posten om det inte finns någon
rules-unknown-person = okänd person `{ $id }`: personerna står under `personer` i { $file }

## src/check/items.rs

rules-invalid-pattern = `diarienummer` är inget giltigt reguljärt uttryck: { $error }
rules-duplicate-case-number = diarienumret { $case } har också getts till { $other }
rules-case-number-pattern = diarienumret { $case } följer inte organets mönster `{ $pattern }`
rules-cancelled-decision = ett beslut eller något som hör till det (yrkanden, omröstning, reservationer, jäv) är angivet, men sammanträdet är inställt
rules-cancelled-decision-hint = ett inställt sammanträde beslutar ingenting: flytta ärendet till det sammanträde som beslutar i det
rules-decision-before-held = ett beslut eller något som hör till det (yrkanden, omröstning, reservationer, jäv) är angivet, men sammanträdet har inte hållits
rules-decision-before-held-hint = ange `status: genomförd` i { $file } när sammanträdet har hållits
rules-proposal-without-documents = förslag till beslut utan beslutsunderlag
rules-proposal-without-documents-hint = för upp de handlingar beslutet vilar på under `beslutsunderlag:`
rules-missing-decision = { $which }"{ $title }" har inget beslut, men sammanträdet är { $status }: ett ärendes paragraf ska visa vad som beslutades
rules-missing-decision-sealed-hint = protokollet är förseglat: om ärendet inte ledde till något beslut, märk det `typ: information`, vilket inte ändrar något i protokollet; ett beslut som saknas läggs till som en rättelse under `rättelser:` i meeting.yaml, följt av `rsr justera`
rules-missing-decision-hint = skriv beslutet under `beslut:`; om ärendet inte ledde till något beslut, märk det `typ: information` (eller `typ: standard` för en inledande punkt)
rules-document-outside-meeting = filen `{ $file }` ligger inte i sammanträdets mapp
rules-document-outside-meeting-hint = lägg den i { $folder } och ange den relativt den mappen, utan `..`
rules-document-link-out = filen `{ $file }` är en symbolisk länk som leder ut ur mötesmappen
rules-missing-document-file = filen { $file } finns inte i sammanträdets mapp { $folder }
rules-attachment-not-pdf = `{ $file }` ska bifogas kallelsen men är ingen PDF-fil
rules-attachment-not-pdf-hint = bifoga bara PDF-filer; ange andra handlingar med sin titel

## src/check/numbering.rs

rules-paragraph-range = § { $number } är inget paragrafnummer: numreringen börjar om på 1 varje år och inget organ når § { $max }
rules-paragraph-range-hint = ange sammanträdets första paragraf, eller ta bort `första_paragraf` så fortsätter numreringen från sammanträdet före
rules-remove-first-paragraph = ta bort `första_paragraf` så fortsätter numreringen på § { $number }
rules-paragraph-collision = § { $number } är redan använd: sammanträdet den { $date } går till § { $last }
rules-paragraph-gap = § { $missing } skulle saknas: sammanträdet den { $date } slutar på § { $last }
rules-paragraph-gap-hint = om sammanträdena med § { $missing } inte finns i arkivet, ange det med `föregående_paragraf: { $previous }`; annars { $otherwise }
rules-paragraph-gap-sealed-hint = om sammanträdena med § { $missing } inte finns i arkivet, ange det med `föregående_paragraf: { $previous }` (paragrafnumren i det här sammanträdet är förseglade och ligger fast)
rules-paragraph-resume = `första_paragraf: { $first }` följer inte på `föregående_paragraf: { $stated }`, som säger att sammanträdet börjar på § { $next }
rules-paragraph-resume-sealed-hint = paragrafnumren från § { $first } är förseglade (justering.lock) och ligger fast: ange `föregående_paragraf: { $previous }`
rules-paragraph-resume-hint = ange bara det ena: `föregående_paragraf: { $previous }` eller `första_paragraf: { $first }`
rules-paragraph-resume-collides = `föregående_paragraf: { $stated }` krockar med sammanträdet den { $date }, som finns i arkivet och går till § { $last }
rules-remove-both-paragraphs = ta bort `föregående_paragraf` och `första_paragraf` så fortsätter numreringen på § { $number }
rules-remove-previous-paragraph = ta bort `föregående_paragraf` så fortsätter numreringen på § { $number }
rules-paragraph-resume-needless = `föregående_paragraf: { $stated }` förklarar inget glapp: sammanträdet den { $date } slutar på § { $last }, och det här fortsätter ändå därifrån
rules-paragraph-resume-needless-hint = ta bort `föregående_paragraf`
rules-correct-before = paragrafnumren i det här sammanträdet är förseglade (justering.lock) och ligger fast: rätta numreringen av sammanträdet den { $date } så att den slutar före § { $first }
rules-both-sealed = protokollen från sammanträdena den { $before } och { $date } är båda förseglade, så inget av dem kan få nya paragrafnummer: för in den dubbla numreringen under `rättelser`

## src/check/record.rs

rules-conflict-took-part = { $person } har anmält jäv i ärendet men { $acting ->
        [motion] har lagt ett yrkande
        [reservation] har reserverat sig mot beslutet
       *[vote] har röstat
    }
rules-conflict-took-part-hint = en ledamot med jäv deltar inte i ärendet: inga yrkanden, ingen röst och ingen reservation
rules-not-deciding = { $person } { $acting ->
        [motion] har lagt ett yrkande
        [reservation] har reserverat sig mot beslutet
       *[vote] har röstat
    } men är inte bland dem som beslutar i ärendet
rules-not-deciding-hint = bara närvarande ledamöter och tjänstgörande ersättare beslutar; se `närvaro:` och `del_av_mötet:`
rules-duplicate-vote = { $person } står två gånger i omröstningen
rules-vote-count = omröstningen räknar { $counted } av de { $deciding } ledamöter som beslutar i ärendet; ej räknade: { $names }
rules-vote-count-hint = varje ledamot som beslutar i ärendet röstar ja, nej eller avstår
rules-vote-tie = omröstningen slutar lika, { $yes } mot { $no }, och ordföranden röstade inte ja eller nej
rules-vote-tie-hint = vid lika röstetal avgör ordförandens röst (utslagsröst)

## src/check/lock.rs

rules-adjusted-unsealed = { $meeting } är justerat, men protokollet är inte förseglat: en senare ändring skulle inte märkas
rules-adjusted-unsealed-hint = kör `rsr justera { $body } { $date }` för att försegla det protokollet innehåller
rules-lock-not-adjusted = { $meeting } justerades { $adjusted } ({ $lock }), men dess status är nu { $status }
rules-lock-not-adjusted-hint = ett justerat protokoll förblir justerat: ange `status: justerad` igen
rules-adjusted-since-commit = protokollet från { $meeting } justerades { $adjusted } (commit { $commit })
rules-adjusted-since = protokollet från { $meeting } justerades { $adjusted }
rules-correction-unsealed = { $meeting } har en rättelse som ännu inte är förseglad i { $lock }
rules-correction-unsealed-hint = kör `rsr justera { $body } { $date }` för att försegla det rättade protokollet
rules-adjusted-changed-hint = ångra ändringen, eller för in den som en rättelse under `rättelser:` i { $file } och kör `rsr justera { $body } { $date }`
rules-adjusted-changed-field = { $prefix }, och { $change }
rules-adjusted-changed = { $prefix }, och { $what } det som justerades då
rules-changed-first-page = dess första sida (närvaro, tider, justering eller underskrifter) säger inte längre
rules-changed-first-page-and = dess första sida och { $paragraphs } säger inte längre
rules-changed-paragraphs = { $paragraphs } säger inte längre
rules-first-format-commit-hint = { $hint }; denna justering.lock har rsr:s första format, som inte sparar fälten, så det ändrade fältet kan inte anges: `git diff { $commit } -- { $folder }` visar det
rules-first-format-hint = { $hint }; denna justering.lock har rsr:s första format, som inte sparar fälten, så det ändrade fältet kan inte anges
rules-item-removed = ärendet { $title }({ $file }) har tagits bort sedan dess
rules-paragraph-added = § { $number } { $title }({ $file }) har lagts till sedan dess
rules-item-added = ärendet { $title }({ $file }) har lagts till sedan dess
rules-field-of-paragraph = { $field } i § { $number }
rules-field-in-file = { $field } i { $file }
rules-field-changed-line = { $field } har ändrats sedan dess: dess rad { $line } var { $old }, nu { $new }
rules-field-changed = { $field } har ändrats sedan dess: det var { $old }, nu { $new }
rules-field-removed = { $field } har tagits bort sedan dess: det var { $old }
rules-field-added = { $field } har lagts till sedan dess: det är { $new }
rules-field-changed-only = { $field } har ändrats sedan dess
rules-correction-before-justering = en rättelse daterad { $date } ligger före justeringen den { $adjusted }
rules-correction-not-adjusted = en rättelse rättar ett justerat protokoll, men sammanträdet är { $status }
rules-correction-before-justering-hint = före justeringen ändras protokollet självt
rules-correction-unknown-paragraph = rättelsen anger § { $number }, som inte är en paragraf i sammanträdet ({ $range })
rules-correction-unknown-paragraph-none = rättelsen anger § { $number }, som inte är en paragraf i sammanträdet (det har inga)

## src/check/fields.rs

rules-empty-value = tomt

## src/review/printed.rs

rules-printed-changed = det justerade protokollet { $meeting } skriver inte längre ut de ord det justerades med: mallarna, typsnitten eller rsr-versionen gör att det säger något annat nu
rules-printed-changed-hint = ett justerat protokoll ändras bara genom en rättelse; bygg det med den rsr-version det justerades med, eller ta upp saken som en rättelse i meeting.yaml
rules-printed-changed-template-hint = { $templates } ändrar vad protokollet säger; en mall får ändra utseendet men inte orden; ångra ändringen, eller låt justerade protokoll vara som de är
rules-attachment-changed = beslutsunderlaget `{ $file }` i det justerade mötet { $meeting } har bytts ut sedan justeringen: filen är inte den som förseglades
rules-attachment-changed-hint = ett justerat protokolls underlag ändras inte i efterhand; lägg tillbaka filen som den var (git visar den), eller för in ändringen som en rättelse
rules-lock-mismatch-date = justering.lock säger att { $meeting } justerades { $lock }, men meeting.yaml säger { $file }
rules-lock-mismatch-adjusters = justering.lock säger att { $meeting } justerades av { $lock }, men meeting.yaml säger { $file }
rules-lock-mismatch-hint = låset skrivs av `rsr justera` och ändras inte för hand; återställ det med git
rules-document-not-a-file = `{ $file }` är ingen vanlig fil (en mapp, ett namngivet rör eller en enhet): ett beslutsunderlag är en fil

## src/check/limits.rs

rules-limit-seconds = `sekunder_per_dokument: { $given }` är mer än taket { $max } sekunder
rules-limit-yaml = `yaml_kb: { $given }` är mer än taket { $max } kilobyte
rules-limit-memory = `megabyte_per_dokument: { $given }` är mer än taket { $max } megabyte
rules-limit-hint = taket kan inte höjas: ett dokument som behöver mer har en mall som loopar eller data som ingen läsare orkar med; rsr använder taket
rules-meeting-items = mötet har { $count } ärenden, fler än taket { $max }: dela upp det på flera möten
rules-meeting-bytes = mötets filer är { $megabytes } MB YAML, mer än taket { $max } MB: lägg långa texter i bilagor
rules-lock-commit = justering.lock för { $meeting } säger att det justerades på commit { $commit }, som inte finns i den här grenens historik
rules-lock-commit-hint = låset kommer från en annan historik: en gren som slogs ihop med squash, en omskriven historik eller ett lås kopierat från ett annat förråd; kontrollera att protokollet är det som justerades, eller stäng av regeln under `regler:` om ni slår ihop med squash
rules-lock-removed = { $lock } finns i commit { $commit } och är borta: ett justerat protokoll är en allmän handling, och dess försegling får inte tas bort
rules-lock-removed-hint = återställ den med `git checkout { $commit } -- { $lock }` (och sammanträdet, om också det är borta); ett fel i ett justerat protokoll rättas med en rättelse (docs/seal.md)
rules-lock-rewritten = justering.lock för { $meeting } har skrivits om över en ändring: mot förseglingen i commit { $commit }: { $what } det som förseglades då, och ingen rättelse nämner ändringen
rules-lock-rewritten-hint = ett justerat protokoll ändras bara genom en rättelse (docs/seal.md): återställ den förseglingen med `git checkout { $commit } -- { $lock }`, för in varje ändring som en rättelse och kör rsr justera
rules-attachment-too-large = `{ $file }` är större än { $megabytes } MB, det största beslutsunderlag rsr läser: dela upp det, eller hänvisa till var det finns

rules-signature-problem = { $kind ->
        [utdrag] det signerade protokollsutdraget
       *[other] det signerade protokollet
    } från { $meeting }: { $problem }
rules-signature-not-sealed = { $kind ->
        [utdrag] det signerade protokollsutdraget
       *[other] det signerade protokollet
    } från { $meeting } hör till ett sammanträde som inte är justerat och förseglat
rules-signature-hint = `rsr verifiera { $body } { $date }` skriver ut hela rapporten; docs/signering.md förklarar varje kontroll
