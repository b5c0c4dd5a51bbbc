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
