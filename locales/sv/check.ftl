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

## src/check/meeting.rs

check-held-without-attendance = sammanträdet har hållits, men närvaron är inte antecknad
check-held-without-attendance-hint = lägg till `närvaro:` med `beslutande:` (och `ej_närvarande:`, `övriga:`)
check-adjusted-without-adjusters = sammanträdet är justerat, men ingen justerare är angiven
check-adjusted-without-adjusters-hint = ange dem med `justerare: [id]`
check-next-meeting-not-after = nästa sammanträde, { $next }, kommer inte efter det här ({ $this })
check-next-meeting-cancelled = nästa sammanträde, { $next }, är inställt
check-next-meeting-cancelled-hint = ange i stället det sammanträde som blir av närmast
check-justering-before-meeting = justeringen, { $date }, ligger före sammanträdet
check-justering-late = justeringen sker { $days } dagar efter sammanträdet; protokollet ska justeras inom { $limit } dagar (kommunallagen 5 kap. 69 §, 6 kap. 35 §)
check-notice-period = kallelsen skickades { $days } dagar före sammanträdet; organets kallelsetid är { $notice } dagar
check-quorum = bara { $present } av organets { $members } ledamöter är närvarande; för beslutsförhet krävs { $needed } (kommunallagen 5 kap. 45 §, 6 kap. 27 §)
check-cancelled-attendance = sammanträdet är inställt, men närvaro (`närvaro`) är antecknad
check-cancelled-attendance-hint = ta bort `närvaro:`, eller ange den status sammanträdet hade om det hölls
check-cancelled-justering = sammanträdet är inställt, men justerare eller en justering är angivna: det finns inget protokoll att justera
check-cancelled-justering-hint = ta bort `justerare:` och `justering:`
check-cancelled-paragraph = sammanträdet är inställt och har inga paragrafnummer, men `{ $field }` anger dem
check-cancelled-paragraph-hint = flytta `{ $field }: { $number }` till nästa sammanträde, vars numrering den avser

## src/check/times.rs

check-end-before-start = sammanträdet slutar kl. { $end } men börjar kl. { $start }
check-item-outside-meeting = ärendet är planerat till kl. { $at }, utanför sammanträdet ({ $span })
check-item-time-order = ärendet är planerat till kl. { $at }, före ärendet innan ({ $title }, kl. { $before })
check-item-time-order-hint = ärendena kommer i sina filnamns ordning; numrera om filerna eller rätta `tid`

## src/check/appearance.rs

check-label-empty = `{ $id }` är tom: en rubrik eller etikett måste säga något
check-label-empty-hint = skriv ordalydelsen, eller utelämna `{ $id }` för att behålla standardtexten
check-label-placeholder = `{ $id }` har en platshållare som den inte känner till: `{ $placeholder }`
check-label-placeholder-near-hint = menade du `{ $near }`? `{ $id }` tar { $listed }
check-label-placeholder-hint = `{ $id }` tar { $listed }
check-participant-without-name = `deltagare_format` utelämnar deltagarens namn
check-participant-without-name-hint = skriv `{ $name }` där namnet ska stå; den tar { $listed }
check-logo-without-alt = logotypen saknar alternativtext
check-logo-without-alt-hint = beskriv i `alt:` vad logotypen visar, t.ex. `alt: Kommunförbundets logotyp`: en skärmläsare läser upp den (PDF/UA)
check-logo-outside-repository = logotypen `{ $name }` ligger utanför arkivet
check-logo-outside-repository-root-hint = lägg filen i arkivet och ange den från arkivets rot, utan `..`
check-logo-outside-repository-hint = lägg filen i arkivet och ange den från mappen { $folder }, utan `..`
check-logo-too-large = logotypen `{ $name }` är större än { $limit } MB
check-logo-missing = logotypen { $path } finns inte i arkivet
check-logo-unreadable = logotypen { $path } går inte att läsa: { $error }
check-logo-not-image-content = logotypen `{ $name }` är ingen SVG- eller PNG-fil: innehållet stämmer inte med namnet
check-logo-not-image-name = logotypen `{ $name }` är ingen SVG- eller PNG-fil: namnet slutar inte på .svg eller .png
check-logo-not-image-hint = spara logotypen som SVG (bäst, den förblir skarp) eller PNG

## src/check/mod.rs

check-rule-fixed = `{ $id }` skyddar justerade protokoll eller ett tak för vad ett bygge får ta, och kan inte ställas in
check-unknown-rule = `regler` anger en regel som inte finns: `{ $id }`
check-did-you-mean = menade du `{ $near }`?
check-website-url = `webbplats: { $value }` är ingen adress till en webbplats: en https://- (eller http://-) adress med värdnamn, utan mellanslag, frågedel eller fragment
check-website-url-hint = skriv adressen där webbplatsen publiceras, t.ex. `webbplats: https://www.storsjo.se/protokoll/`
check-kungorelse-period = fullmäktiges sammanträde kallades { $days } dagar före; kungörelsen ska ske minst { $required } dagar före (kommunallagen 5 kap. 11 §)
check-personal-number = ett personnummer ({ $number }) i text som publiceras: handlingarna och webbplatsen får inte bära det
check-personal-number-hint = skriv ärendet utan det (ett namn, en fastighet, ett diarienummer), eller märk punkten `sekretess:`; ett nummer som punkten måste visa skrivs under `tillåtna_personnummer:`
check-assignment-overdue = uppdraget ”{ $what }” skulle vara klart senast { $due } och är inte markerat som klart
check-assignment-overdue-hint = när det är klart, skriv `status: klart` och `klart: <datum>`; har det fått en ny dag, ändra `senast:` och säg varför under `kommentar:`
check-motion-overdue = motionen ”{ $title }”, väckt { $moved }, har väntat mer än ett år på fullmäktiges beslut (sedan { $year }; kommunallagen 5 kap. 35 §)
check-motion-overdue-hint = när fullmäktige beslutar om den, skriv `beslutad: <datum>` och `beslut:`; en motion som inte kan beslutas inom ett år ska redovisas för fullmäktige med hur långt beredningen kommit
check-secrecy-provision = sekretessen anger ingen bestämmelse: ett organ under kommunallagen ska ange lagrummet som uppgifterna är sekretessbelagda enligt
check-secrecy-provision-hint = skriv `lagrum:` under `sekretess:`, t.ex. `lagrum: OSL 26 kap. 1 §`; `grund:` får säga vad uppgifterna gäller
check-secrecy-marking = sekretessmarkeringen saknar uppgifter: offentlighets- och sekretesslagen 5 kap. 5 § kräver bestämmelse, datum och myndighet, och det interna protokollet skriver bara den korta texten
check-secrecy-marking-hint = skriv `lagrum:` (och vid behov `datum:` och `myndighet:`; standard är sammanträdets datum och organet) under `sekretess:`
