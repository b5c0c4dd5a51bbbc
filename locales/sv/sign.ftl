# Digitala underskrifter: rsr signera, rsr verifiera (src/review/sign).

sign-how = ange hur det ska signeras: --certifikat FIL, --forbered FIL eller --ta-emot FIL
sign-no-meeting = { $body } har inget sammanträde { $date }
sign-not-sealed = { $meeting } är inte justerat och förseglat: ett protokoll signeras efter `rsr justera`
sign-seal-broken = { $meeting }: protokollet är inte längre det som justering.lock förseglade; kör `rsr check` och signera när den går igenom
sign-trust-unreadable = { $file } i listan över betrodda är inget certifikat (PEM eller DER): { $reason }
sign-no-repository = ett sammanträde kontrolleras i sitt förråd: kör detta i ett, eller ange --root
sign-not-signed = { $meeting } har { $kind ->
        [utdrag] inget signerat protokollsutdrag
       *[other] inget signerat protokoll
    } ({ $file } finns inte)
sign-prepared = skrev { $file }: { $kind ->
        [utdrag] protokollsutdraget
       *[other] protokollet
    } från { $meeting } med dess underskriftsfält, till signeringstjänsten; ta emot det med `rsr signera … --ta-emot`
sign-not-extending = { $file } bygger inte vidare på { $signed }: en signeringstjänst ska signera den PDF som `rsr signera … --forbered` skrev och lägga till, inte en egen PDF
sign-none = { $file } har ingen underskrift
sign-accepted = tog emot { $kind ->
        [utdrag] det signerade protokollsutdraget
       *[other] det signerade protokollet
    } från { $meeting }: { $count } signerat ({ $file })
sign-signed = signerade { $kind ->
        [utdrag] protokollsutdraget
       *[other] protokollet
    } från { $meeting } som { $name }, { $role }: { $count } signerat ({ $file })
sign-no-field-for = certifikatet namnger { $name }, som inte skriver under { $kind ->
        [utdrag] protokollsutdraget
       *[other] protokollet
    } från { $meeting } eller redan har gjort det; det skrivs under av { $named }. Ange fältet med --roll om namnet skrivs på annat sätt
sign-no-utdrag = { $meeting } har inget protokollsutdrag av § { $paragraph }: ett utdrag görs av varje paragraf när sammanträdet är justerat
sign-p12 = certifikatfilen gick inte att öppna: { $reason }
sign-no-password = certifikatets lösenord läses från { $variable } eller efterfrågas vid en terminal; sätt { $variable }
sign-password-prompt = Lösenord för { $file }:
sign-note = obs: { $note }

sign-pdf-unreadable = PDF:en går inte att läsa: { $reason }
sign-pdf-shape = PDF:en är inte som rsr gör den: { $what }
sign-pdf-no-field = PDF:en har inget tomt underskriftsfält { $field }
sign-pdf-signed = fältet { $field } är redan signerat
sign-pdf-too-large = underskriften är { $size } byte, mer än de { $room } som rsr lämnade plats för
sign-cms-keystore = { $reason } (fel lösenord?)
sign-cms-no-key = filen har ingen privat nyckel med sitt certifikat

sign-problem-unreadable = PDF:en går inte att läsa: { $reason }
sign-problem-trailing = det följer byte efter PDF:ens sista revision
sign-problem-not-the-build = den signerade PDF:en är inte det protokoll som rsr bygger av de förseglade uppgifterna: den gjordes av andra uppgifter, eller av en annan version av rsr eller mallarna
sign-problem-not-prepared = underskriftsfälten är inte de som rsr förbereder för protokollet
sign-problem-changed-after = revision { $revision } ändrar handlingen efter att fälten förbereddes: objekt { $object } ({ $what })
sign-problem-not-covered = underskriften täcker inte hela filen fram till sin revision
sign-problem-broken = underskriften stämmer inte med filens byte: filen har ändrats efter att den signerades
sign-problem-malformed = underskriften går inte att läsa: { $reason }
sign-problem-unsupported = rsr kontrollerar inte { $what }
sign-problem-wrong-signer = signerat av någon annan än { $expected }, som protokollet namnger som { $role }
sign-problem-unknown-field = protokollet namnger ingen undertecknare för detta fält
sign-problem-before-meeting = signerat före sammanträdet { $meeting }
sign-problem-in-future = tidpunkten för underskriften har inte kommit än
sign-problem-certificate-not-valid = certifikatet var inte giltigt när det signerade (giltigt { $from } till { $until })
sign-problem-untrusted = certifikatet leder inte till en utfärdare i signering/betrodda/
sign-problem-no-time = underskriften anger ingen tidpunkt

sign-report-file = { $file }: { $count } signerat, { $against }
sign-report-against = kontrollerat mot { $meeting }
sign-report-alone = inte kontrollerat mot ett sammanträdes uppgifter
sign-report-good = giltig
sign-report-bad = INTE GILTIG
sign-report-trusted = certifikatet är utfärdat under { $ca }

build-signed-invalid = { $kind ->
        [utdrag] det signerade protokollsutdraget
       *[other] det signerade protokollet
    } från { $meeting } håller inte mot det som byggs nu; webbplatsen och öppna data visar det osignerade dokumentet
sign-not-electronic = protokollet från { $meeting } har linjer att skriva under på med penna; med `justering: {"{"}underskrift: elektronisk{"}"}` i meeting.yaml före `rsr justera` namnger protokollet undertecknarna utan linjer och säger att det skrivs under elektroniskt
sign-report-earlier = satt i en tidigare miljö ({ $environment }…: andra mallar, typsnitt eller rsr); bundet genom sin signerade uppgift om den utskrift som justering.lock förseglade
sign-reader-failed = PDF-läsaren kunde inte tolka den
sign-too-many-revisions = den har { $count } revisioner, fler än de { $most } som ett signerat protokoll får ha
sign-problem-timestamp-invalid = tidsstämpeln över underskriften håller inte: { $reason }
sign-problem-timestamp-untrusted = tidsstämpelutfärdaren { $authority } kedjar inte till en CA i signering/betrodda/
sign-problem-after-timestamp = underskriften anger en senare tid än sin tidsstämpel, { $stamped }
sign-report-timestamp = tidsstämplad { $time } av { $authority }
sign-tsa-url = tidsstämpelutfärdaren frågas över http:// (svaret är signerat och kontrolleras): { $url } är ingen sådan adress
sign-tsa-unreachable = tidsstämpelutfärdaren svarade inte med en tidsstämpel: { $reason }; inget signerades
sign-tsa-refused = tidsstämpelutfärdaren vägrade: { $reason }; inget signerades
sign-report-document-timestamp = dokumenttidsstämpel { $time } av { $authority }
sign-problem-untagged-field = underskriftsfältet { $field } är inte taggat för skärmläsare, så den signerade PDF:en är inte längre PDF/UA-1: ett fält som lagts till efter att rsr förberett protokollet; be signeringstjänsten att signera i de förberedda fälten utan att lägga till fält
sign-problem-document-timestamp-invalid = dokumenttidsstämpeln håller inte: { $reason }
sign-problem-font-not-embedded = underskriften i { $field } visas med typsnittet { $font } utan att det är inbäddat, så den signerade PDF:en är inte längre PDF/A: be signeringstjänsten att bädda in sina typsnitt, eller att signera osynligt
